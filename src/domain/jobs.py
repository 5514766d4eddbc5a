"""Recording side effects as outbox rows in the caller's transaction (sent only after it commits), and the
admin's view of them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from tend.core.clock import Clock
from tend.core.enums import JobStatus
from tend.core.errors import Conflict, ErrorCode, NotFound
from tend.core.pages import Page, PageRequest
from tend.domain import audit
from tend.domain.context import Context
from tend.persistence.db import DbSession
from tend.persistence.repositories.jobs import JobRepository
from tend.persistence.tables.jobs import OutboxJob

OUTBOX_SESSION_KEY = "tend_outbox_ids"


def _check_payload(payload: dict[str, Any]) -> None:
    # Payloads carry identifiers only; anything else could leak personal data into the queue.
    for key, value in payload.items():
        if not isinstance(value, str | int | bool | None):
            raise TypeError(f"job payload field {key!r} must be an id or flag, not {type(value).__name__}")


def _dispatch_after_commit(session: DbSession, job_id: uuid.UUID) -> None:
    session.info.setdefault(OUTBOX_SESSION_KEY, []).append(job_id)


async def record_job(
    session: DbSession,
    clock: Clock,
    job_name: str,
    payload: dict[str, Any],
    *,
    dedupe_key: str | None = None,
    run_after: datetime | None = None,
    max_attempts: int = 5,
) -> uuid.UUID | None:
    """Adds a job to the outbox. With a dedupe_key, a second call for the same effect adds nothing."""
    _check_payload(payload)
    now = clock.now()
    job_id = await JobRepository(session).record(
        job_name=job_name,
        payload=payload,
        dedupe_key=dedupe_key,
        max_attempts=max_attempts,
        now=now,
        run_after=run_after or now,
    )
    if job_id is not None:
        _dispatch_after_commit(session, job_id)
    return job_id


async def list_jobs(ctx: Context, page: PageRequest, status: JobStatus | None) -> Page[OutboxJob]:
    return await JobRepository(ctx.session).page(page, status=status)


async def retry_dead_job(ctx: Context, job_id: uuid.UUID) -> OutboxJob:
    """Gives a dead job a fresh set of attempts; it runs after this transaction commits."""
    job = await JobRepository(ctx.session).get_for_update(job_id)
    if job is None:
        raise NotFound("No such job.")
    if job.status is not JobStatus.dead:
        raise Conflict(
            f"Only dead jobs can be retried; this one is {job.status.value}.",
            code=ErrorCode.job_not_dead,
            next_step="Wait for it to finish; it is retried automatically while it has attempts left.",
        )
    job.status, job.attempts, job.run_after = JobStatus.pending, 0, ctx.clock.now()
    job.finished_at, job.lease_until = None, None
    # The admin's decision: an e-mail whose delivery is unknown (an interrupted send) may go out again.
    job.resend_unknown = True
    _dispatch_after_commit(ctx.session, job.id)
    audit.record(ctx, "job.retried", object_type="job", object_id=job.id, job_name=job.job_name)
    return job
