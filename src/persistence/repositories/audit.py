"""Queries of the audit trail."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tend.core.pages import Page, PageRequest
from tend.persistence.repositories.pagination import paginate
from tend.persistence.tables.audit import AuditEvent


class AuditRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, event: AuditEvent) -> None:
        self.session.add(event)

    async def list(self, page: PageRequest, *, object_type: str | None = None) -> Page[AuditEvent]:
        statement = select(AuditEvent)
        if object_type:
            statement = statement.where(AuditEvent.object_type == object_type)
        return await paginate(self.session, statement, AuditEvent.occurred_at, page, descending=True)
