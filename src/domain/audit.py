"""The audit trail: who did what to which object, when. Details hold IDs and codes, never personal data."""

from __future__ import annotations

import uuid
from typing import Any

from tend.core.pages import Page, PageRequest
from tend.domain.context import Context
from tend.persistence.repositories.audit import AuditRepository
from tend.persistence.tables.audit import AuditEvent


def record(
    ctx: Context,
    action: str,
    *,
    object_type: str | None = None,
    object_id: uuid.UUID | str | None = None,
    **details: Any,
) -> None:
    AuditRepository(ctx.session).add(
        AuditEvent(
            occurred_at=ctx.clock.now(),
            actor_user_id=ctx.actor.user_id,
            actor_api_key_id=ctx.actor.api_key_id,
            action=action,
            object_type=object_type,
            object_id=str(object_id) if object_id is not None else None,
            request_id=ctx.request_id,
            details=details,
        )
    )


async def list_events(ctx: Context, page: PageRequest, *, object_type: str | None = None) -> Page[AuditEvent]:
    return await AuditRepository(ctx.session).list(page, object_type=object_type)
