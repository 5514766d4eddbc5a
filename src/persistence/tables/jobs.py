"""Tables of side effects: the outbox of background jobs and every e-mail sent."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Index, Integer, String, Text, Uuid, false
from sqlalchemy.orm import Mapped, mapped_column

from tend.core.enums import EmailStatus, JobStatus
from tend.persistence.base import Base, id_column
from tend.persistence.types import TextEnum, UTCDateTime


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
    # While running: the attempt is presumed dead (crash, kill, lost worker) after this instant.
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # Set by an admin's retry: e-mails whose delivery is unknown may be sent again by this job.
    resend_unknown: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
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
    body_html: Mapped[str | None] = mapped_column(Text, nullable=True)  # the alternative part, if any
    transport: Mapped[str] = mapped_column(String(20))
    status: Mapped[EmailStatus] = mapped_column(TextEnum(EmailStatus))
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    # The job that claimed it and when: a claim older than the lease with no outcome is "unknown".
    job_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True, index=True)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
