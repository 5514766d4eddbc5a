"""Queries of the outbox: recording a job once per dedupe key, the relay's claims and transitions, and the
admin's list of jobs."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from tend.core.enums import JobStatus
from tend.core.pages import Page, PageRequest
from tend.persistence.repositories.base import locked
from tend.persistence.repositories.pagination import paginate
from tend.persistence.tables.jobs import OutboxJob

_ACTIVE = (JobStatus.pending, JobStatus.enqueued)


@dataclass(frozen=True)
class ClaimedJob:
    id: uuid.UUID
    job_name: str
    payload: dict[str, Any]
    attempts: int
    max_attempts: int
    resend_unknown: bool


class JobRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def record(
        self,
        *,
        job_name: str,
        payload: dict[str, Any],
        dedupe_key: str | None,
        max_attempts: int,
        now: datetime,
        run_after: datetime,
    ) -> uuid.UUID | None:
        """Inserts a pending job; None when a job with the same dedupe key exists. The UNIQUE key decides
        (INSERT ... ON CONFLICT DO NOTHING), so concurrent callers never abort each other's transaction."""
        job_id = uuid.uuid4()
        values = {
            "id": job_id,
            "job_name": job_name,
            "payload": payload,
            "dedupe_key": dedupe_key,
            "status": JobStatus.pending,
            "attempts": 0,
            "max_attempts": max_attempts,
            "created_at": now,
            "run_after": run_after,
        }
        insert = postgresql_insert if self.session.get_bind().dialect.name == "postgresql" else sqlite_insert
        statement = insert(OutboxJob).values(**values).on_conflict_do_nothing(index_elements=["dedupe_key"])
        result = await self.session.execute(statement)
        return job_id if getattr(result, "rowcount", 0) else None

    async def get(self, job_id: uuid.UUID) -> OutboxJob | None:
        return await self.session.get(OutboxJob, job_id)

    async def get_for_update(self, job_id: uuid.UUID) -> OutboxJob | None:
        return (await locked(self.session, select(OutboxJob).where(OutboxJob.id == job_id))).scalar()

    async def page(self, page: PageRequest, *, status: JobStatus | None) -> Page[OutboxJob]:
        statement = select(OutboxJob)
        if status is not None:
            statement = statement.where(OutboxJob.status == status)
        return await paginate(self.session, statement, OutboxJob.created_at, page, descending=True)

    # ---- the relay: every transition is a conditional UPDATE on the state (and attempt) it expects, so
    # overlapping runners, late failures and admin retries never overwrite each other.

    async def claim(self, job_id: uuid.UUID, now: datetime, lease: timedelta) -> ClaimedJob | None:
        """Starts one more attempt of a waiting job that is due and has attempts left; None if another
        runner has it, it is not due, or it is finished."""
        claimed = await self.session.execute(
            update(OutboxJob)
            .where(
                OutboxJob.id == job_id,
                OutboxJob.status.in_(_ACTIVE),
                OutboxJob.run_after <= now,
                OutboxJob.attempts < OutboxJob.max_attempts,
            )
            .values(
                status=JobStatus.running,
                attempts=OutboxJob.attempts + 1,
                started_at=now,
                lease_until=now + lease,
            )
        )
        if not getattr(claimed, "rowcount", 0):
            return None
        job = await self.session.get(OutboxJob, job_id, populate_existing=True)
        assert job is not None
        return ClaimedJob(
            job.id, job.job_name, dict(job.payload), job.attempts, job.max_attempts, job.resend_unknown
        )

    async def _transition(self, job_id: uuid.UUID, attempt: int, **values: Any) -> bool:
        result = await self.session.execute(
            update(OutboxJob)
            .where(
                OutboxJob.id == job_id, OutboxJob.status == JobStatus.running, OutboxJob.attempts == attempt
            )
            .values(lease_until=None, **values)
        )
        return bool(getattr(result, "rowcount", 0))

    async def finish(self, job_id: uuid.UUID, attempt: int, now: datetime) -> bool:
        return await self._transition(
            job_id, attempt, status=JobStatus.done, finished_at=now, last_error=None, resend_unknown=False
        )

    async def retry_later(self, job_id: uuid.UUID, attempt: int, run_after: datetime, error: str) -> bool:
        """Back in the queue's keeping (it re-delivers at `run_after`); the sweep takes over otherwise."""
        return await self._transition(
            job_id,
            attempt,
            status=JobStatus.enqueued,
            run_after=run_after,
            enqueued_at=run_after,
            last_error=error,
        )

    async def give_up(self, job_id: uuid.UUID, attempt: int, now: datetime, error: str) -> bool:
        return await self._transition(
            job_id, attempt, status=JobStatus.dead, finished_at=now, last_error=error
        )

    async def mark_enqueued(self, job_id: uuid.UUID, now: datetime, stale_after: timedelta) -> bool:
        """Takes a due job for handing to the queue: only one dispatcher wins a pending job (or one the
        queue lost, enqueued more than `stale_after` ago)."""
        result = await self.session.execute(
            update(OutboxJob)
            .where(OutboxJob.id == job_id, _due(now, stale_after))
            .values(status=JobStatus.enqueued, enqueued_at=now)
        )
        return bool(getattr(result, "rowcount", 0))

    async def reap(self, now: datetime) -> None:
        """Attempts whose lease ran out (crash, kill, lost worker) count as failed: the job waits for its
        next attempt, or is dead when it has none left; so is a waiting job with no attempts left."""
        expired = (OutboxJob.status == JobStatus.running) & (OutboxJob.lease_until < now)
        message = "The attempt did not finish in time (timed out, or its worker stopped)."
        await self.session.execute(
            update(OutboxJob)
            .where(expired, OutboxJob.attempts < OutboxJob.max_attempts)
            .values(status=JobStatus.pending, lease_until=None, last_error=message)
        )
        await self.session.execute(
            update(OutboxJob)
            .where(expired, OutboxJob.attempts >= OutboxJob.max_attempts)
            .values(status=JobStatus.dead, lease_until=None, finished_at=now, last_error=message)
        )
        await self.session.execute(
            update(OutboxJob)
            .where(OutboxJob.status.in_(_ACTIVE), OutboxJob.attempts >= OutboxJob.max_attempts)
            .values(status=JobStatus.dead, finished_at=now)
        )

    async def due_ids(self, now: datetime, stale_after: timedelta, limit: int = 200) -> list[uuid.UUID]:
        """Jobs that should run now: never dispatched, retry time reached, or lost by a dead worker/queue."""
        rows = await self.session.scalars(
            select(OutboxJob.id).where(_due(now, stale_after)).order_by(OutboxJob.run_after).limit(limit)
        )
        return list(rows.all())


def _due(now: datetime, stale_after: timedelta) -> Any:
    return or_(
        (OutboxJob.status == JobStatus.pending) & (OutboxJob.run_after <= now),
        (OutboxJob.status == JobStatus.enqueued) & (OutboxJob.enqueued_at <= now - stale_after),
    )
