"""Queries for the audit log and API keys."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from tend.persistence.repositories.pagination import Page, PageRequest, paginate
from tend.persistence.tables import ApiKey, AuditEvent


class AuditRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def add(self, event: AuditEvent) -> None:
        self.session.add(event)

    async def list(self, page: PageRequest, *, object_type: str | None = None) -> Page[AuditEvent]:
        statement = select(AuditEvent)
        if object_type:
            statement = statement.where(AuditEvent.object_type == object_type)
        return await paginate(
            self.session,
            statement,
            sort_column=AuditEvent.occurred_at,
            id_column=AuditEvent.id,
            page=page,
            descending=True,
        )


class ApiKeyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, key_id: uuid.UUID) -> ApiKey | None:
        return await self.session.get(ApiKey, key_id)

    async def get_by_hash(self, key_hash: str) -> ApiKey | None:
        return await self.session.scalar(select(ApiKey).where(ApiKey.key_hash == key_hash))

    async def add(self, key: ApiKey) -> None:
        self.session.add(key)
        await self.session.flush()

    async def list(self, page: PageRequest, *, include_revoked: bool) -> Page[ApiKey]:
        statement = select(ApiKey)
        if not include_revoked:
            statement = statement.where(ApiKey.revoked_at.is_(None))
        return await paginate(
            self.session,
            statement,
            sort_column=ApiKey.created_at,
            id_column=ApiKey.id,
            page=page,
            descending=True,
        )
