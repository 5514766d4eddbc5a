"""Helpers every record service shares: load-or-404, apply a partial update, audit the change."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any, TypeVar

from tend.core.errors import NotFound
from tend.domain import audit
from tend.domain.context import Context
from tend.persistence.base import Base
from tend.persistence.repositories.base import RecordRepository

M = TypeVar("M", bound=Base)


async def load(
    ctx: Context, model: type[M], record_id: uuid.UUID, what: str, *, for_update: bool = False
) -> M:
    record = await RecordRepository(ctx.session, model).get(record_id, for_update=for_update)
    if record is None:
        raise NotFound(f"No such {what}.")
    return record


def apply_changes(record: Any, changes: Mapping[str, object], ctx: Context) -> list[str]:
    """Sets the attributes a PATCH sent (a read-only name → value view: a name absent was not sent, a None
    clears); returns the names that changed (for the audit log: names, not values)."""
    changed = []
    for name, value in changes.items():
        if getattr(record, name) != value:
            setattr(record, name, value)
            changed.append(name)
    if changed and hasattr(record, "updated_at"):
        record.updated_at = ctx.clock.now()
    return sorted(changed)


def record_change(
    ctx: Context, action: str, record: Any, object_type: str, changed: list[str] | None = None
) -> None:
    details: dict[str, Any] = {"fields": changed} if changed is not None else {}
    audit.record(ctx, action, object_type=object_type, object_id=record.id, **details)
