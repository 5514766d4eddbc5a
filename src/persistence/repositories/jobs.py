"""Queries for the outbox (background jobs) as admins see them."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tend.persistence.repositories.pagination import Page, PageRequest, paginate
from tend.persistence.tables import JobStatus, OutboxJob


class JobRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get_for_update(self, job_id: uuid.UUID) -> OutboxJob | None:
        return await self.session.scalar(select(OutboxJob).where(OutboxJob.id == job_id).with_for_update())

    async def list(self, page: PageRequest, *, status: JobStatus | None) -> Page[OutboxJob]:
        statement = select(OutboxJob)
        if status is not None:
            statement = statement.where(OutboxJob.status == status)
        return await paginate(
            self.session,
            statement,
            sort_column=OutboxJob.created_at,
            id_column=OutboxJob.id,
            page=page,
            descending=True,
        )
