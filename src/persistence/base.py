"""Declarative base with a naming convention, so constraints have stable names on both databases."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, MetaData, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from tend.persistence.types import UTCDateTime, new_id

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON}


def id_column() -> Mapped[uuid.UUID]:
    return mapped_column(Uuid, primary_key=True, default=new_id)


class Timestamped:
    """When a record was created and last changed (UTC)."""

    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Deactivatable(Timestamped):
    """A record other records point at: deactivated (kept for the past), not deleted, once in use."""

    active: Mapped[bool] = mapped_column(Boolean, default=True)
