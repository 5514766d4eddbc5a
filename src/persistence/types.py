"""Column types that behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import DateTime, Dialect, String, TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """An instant stored in UTC. Refuses naive datetimes; always returns aware (UTC) ones, on SQLite too."""

    impl = DateTime(timezone=True)
    cache_ok = True

    @property
    def python_type(self) -> type[datetime]:
        return datetime

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected datetime, got {type(value).__name__}")
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("naive datetime refused: store aware datetimes (UTC)")
        value = value.astimezone(UTC)
        if dialect.name == "sqlite":
            # SQLite keeps text; a fixed format keeps ordering and comparisons correct.
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class TextEnum(TypeDecorator[Any]):
    """A StrEnum stored as plain text (no native enum types, so migrations stay simple on both databases)."""

    impl = String(40)
    cache_ok = True

    def __init__(self, enum_type: type[StrEnum], length: int = 40) -> None:
        super().__init__(length)
        self.enum_type = enum_type

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return self.enum_type(value).value

    def process_result_value(self, value: str | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        return self.enum_type(value)

    def __repr__(self) -> str:
        return f"TextEnum({self.enum_type.__name__})"


def new_id() -> uuid.UUID:
    return uuid.uuid4()
