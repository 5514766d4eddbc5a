"""Tables of the platform (what every context uses and none owns): stored Idempotency-Key answers and
public links (a token in a URL that grants one thing to whoever holds it)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Integer, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from tend.persistence.base import Base, id_column
from tend.persistence.types import UTCDateTime


class IdempotencyRecord(Base):
    """The first response to a money-moving request sent with an Idempotency-Key, per caller, so a retry
    gets that response back instead of moving money twice. Kept at least 24 hours."""

    __tablename__ = "idempotency_records"
    __table_args__ = (UniqueConstraint("principal", "key"),)

    id: Mapped[uuid.UUID] = id_column()
    principal: Mapped[str] = mapped_column(String(80))
    key: Mapped[str] = mapped_column(String(200))
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column(Integer)
    response_body: Mapped[Any] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class PublicLink(Base):
    """A link that lets someone without an account do one thing (confirm a session, answer a survey): its
    token is random (256 bits) and stored only as its SHA-256, so a copy of the database opens nothing.
    `purpose` says what it grants and `subject_id` on what; a single-use link is spent by a conditional
    update (two clicks at once: one wins)."""

    __tablename__ = "public_links"

    id: Mapped[uuid.UUID] = id_column()
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    purpose: Mapped[str] = mapped_column(String(60))
    subject_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    single_use: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
