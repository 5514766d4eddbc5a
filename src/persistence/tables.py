"""Tables of the foundation: staff users, sessions (refresh tokens), API keys, audit, outbox, e-mail."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from tend.persistence.base import Base, id_column
from tend.persistence.types import TextEnum, UTCDateTime


class Role(StrEnum):
    admin = "admin"
    front_desk = "front_desk"
    clinician = "clinician"


class Locale(StrEnum):
    en = "en"
    es = "es"


class ApiKeyScope(StrEnum):
    read = "read"
    write = "write"


class JobStatus(StrEnum):
    pending = "pending"
    enqueued = "enqueued"
    running = "running"
    done = "done"
    dead = "dead"


class EmailStatus(StrEnum):
    sending = "sending"
    sent = "sent"
    failed = "failed"


class User(Base):
    __tablename__ = "users"

    id: Mapped[uuid.UUID] = id_column()
    email: Mapped[str] = mapped_column(String(320))
    # Lower-cased copy; the unique index on it makes e-mail unique case-insensitively on both databases.
    email_normalized: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(TextEnum(Role))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    locale: Mapped[Locale | None] = mapped_column(TextEnum(Locale), nullable=True)
    practitioner_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("practitioners.id", ondelete="RESTRICT"), nullable=True, index=True
    )
    # Carried in every access token; bumping it (password change, role change, deactivation) makes every
    # token issued before refused at once, with no same-second ambiguity of timestamps.
    session_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class RefreshToken(Base):
    __tablename__ = "refresh_tokens"
    __table_args__ = (Index("ix_refresh_tokens_family_id", "family_id"),)

    id: Mapped[uuid.UUID] = id_column()
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    family_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    revoked_reason: Mapped[str | None] = mapped_column(String(40), nullable=True)


class LoginFailure(Base):
    """One failed login, keyed by a hash of (e-mail, client IP): no address is stored in clear."""

    __tablename__ = "login_failures"
    __table_args__ = (Index("ix_login_failures_key_hash_failed_at", "key_hash", "failed_at"),)

    id: Mapped[uuid.UUID] = id_column()
    key_hash: Mapped[str] = mapped_column(String(64))
    failed_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ApiKey(Base):
    __tablename__ = "api_keys"

    id: Mapped[uuid.UUID] = id_column()
    name: Mapped[str] = mapped_column(String(120))
    prefix: Mapped[str] = mapped_column(String(16))
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    scopes: Mapped[list[str]] = mapped_column(JSON)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class AuditEvent(Base):
    __tablename__ = "audit_events"
    __table_args__ = (
        Index("ix_audit_events_occurred_at_id", "occurred_at", "id"),
        Index("ix_audit_events_object", "object_type", "object_id"),
    )

    id: Mapped[uuid.UUID] = id_column()
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_user_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    actor_api_key_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    action: Mapped[str] = mapped_column(String(80))
    object_type: Mapped[str | None] = mapped_column(String(60), nullable=True)
    object_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    request_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # IDs and codes only, never names, e-mails or notes.
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class OutboxJob(Base):
    """A side effect recorded in the same transaction as the change that caused it."""

    __tablename__ = "outbox_jobs"
    __table_args__ = (Index("ix_outbox_jobs_status_run_after", "status", "run_after"),)

    id: Mapped[uuid.UUID] = id_column()
    job_name: Mapped[str] = mapped_column(String(80))
    # IDs only: no personal data ever travels through a queue.
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    dedupe_key: Mapped[str | None] = mapped_column(String(200), unique=True, nullable=True)
    status: Mapped[JobStatus] = mapped_column(TextEnum(JobStatus), default=JobStatus.pending)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    max_attempts: Mapped[int] = mapped_column(Integer, default=5)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    run_after: Mapped[datetime] = mapped_column(UTCDateTime)
    enqueued_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)


class EmailMessage(Base):
    """Every e-mail Tend sends, once per `dedupe_key`; in development the body is the dev mailbox."""

    __tablename__ = "email_messages"

    id: Mapped[uuid.UUID] = id_column()
    dedupe_key: Mapped[str] = mapped_column(String(200), unique=True)
    to_address: Mapped[str] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(String(300))
    body_text: Mapped[str] = mapped_column(Text)
    transport: Mapped[str] = mapped_column(String(20))
    status: Mapped[EmailStatus] = mapped_column(TextEnum(EmailStatus))
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
