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
        return await self.session.scalar(select(OutboxJob).where(OutboxJob.id == job_id).with_for_update())

    async def page(self, page: PageRequest, *, status: JobStatus | None) -> Page[OutboxJob]:
        statement = select(OutboxJob)
        if status is not None:
            statement = statement.where(OutboxJob.status == status)
        return await paginate(self.session, statement, OutboxJob.created_at, page, descending=True)

    # ---- the relay -------------------------------------------------------------------------------------

    async def claim(self, job_id: uuid.UUID, now: datetime) -> ClaimedJob | None:
        """Marks a pending/enqueued job running (one attempt more); None if another runner has it."""
        claimed = await self.session.execute(
            update(OutboxJob)
            .where(OutboxJob.id == job_id, OutboxJob.status.in_(_ACTIVE))
            .values(status=JobStatus.running, attempts=OutboxJob.attempts + 1, started_at=now)
        )
        if not getattr(claimed, "rowcount", 0):
            return None
        job = await self.session.get(OutboxJob, job_id, populate_existing=True)
        assert job is not None
        return ClaimedJob(job.id, job.job_name, dict(job.payload), job.attempts, job.max_attempts)

    async def mark_enqueued(self, job_id: uuid.UUID, now: datetime) -> int | None:
        """Marks a job handed to the queue; returns its attempts so far, or None if it is not waiting."""
        job = await self.session.get(OutboxJob, job_id)
        if job is None or job.status not in _ACTIVE:
            return None
        job.status, job.enqueued_at = JobStatus.enqueued, now
        return job.attempts

    async def due_ids(self, now: datetime, stale_after: timedelta, limit: int = 500) -> list[uuid.UUID]:
        """Jobs that should run now: never dispatched, retry time reached, or lost by a dead worker/queue."""
        await self.session.execute(
            update(OutboxJob)
            .where(OutboxJob.status == JobStatus.running, OutboxJob.started_at < now - stale_after)
            .values(status=JobStatus.pending)
        )
        rows = await self.session.scalars(
            select(OutboxJob.id)
            .where(
                or_(
                    (OutboxJob.status == JobStatus.pending) & (OutboxJob.run_after <= now),
                    (OutboxJob.status == JobStatus.enqueued) & (OutboxJob.run_after <= now - stale_after),
                )
            )
            .order_by(OutboxJob.run_after)
            .limit(limit)
        )
        return list(rows.all())
