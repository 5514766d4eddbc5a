"""Queries of the platform: stored Idempotency-Key answers and public links."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from tend.persistence.tables.platform import IdempotencyRecord, PublicLink


class IdempotencyRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def find(self, principal: str, key: str) -> IdempotencyRecord | None:
        return await self.session.scalar(
            select(IdempotencyRecord).where(
                IdempotencyRecord.principal == principal, IdempotencyRecord.key == key
            )
        )

    async def claim(self, record: IdempotencyRecord) -> bool:
        """Inserts the key; False if another request holds it (on PostgreSQL this waits for that request's
        transaction to end first). On False this
        request's transaction was rolled back, so the stored answer can be read."""
        self.session.add(record)
        try:
            await self.session.flush()
        except IntegrityError:
            await self.session.rollback()  # this attempt is void; the twin's answer is committed
            return False
        return True

    async def prune(self, before: datetime) -> int:
        result = await self.session.execute(
            delete(IdempotencyRecord).where(IdempotencyRecord.created_at < before)
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]


class PublicLinkRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, link: PublicLink) -> None:
        self.session.add(link)
        await self.session.flush()

    async def live(self, token_hash: str, purpose: str, now: datetime) -> PublicLink | None:
        """The link if it exists for this purpose, has not expired and (if single-use) is unused."""
        return await self.session.scalar(
            select(PublicLink).where(
                PublicLink.token_hash == token_hash,
                PublicLink.purpose == purpose,
                PublicLink.expires_at > now,
                PublicLink.used_at.is_(None),
            )
        )

    async def spend(self, link_id: uuid.UUID, now: datetime) -> bool:
        """Marks a single-use link used; False if another request spent it first (the UPDATE's condition
        decides: on PostgreSQL a concurrent twin waits for this transaction, then matches no row)."""
        result = await self.session.execute(
            update(PublicLink)
            .where(PublicLink.id == link_id, PublicLink.used_at.is_(None), PublicLink.expires_at > now)
            .values(used_at=now)
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def revoke(self, purpose: str, subject_id: uuid.UUID, now: datetime) -> int:
        """Ends every live link for this purpose and subject (e.g. a cancelled appointment's)."""
        result = await self.session.execute(
            update(PublicLink)
            .where(
                PublicLink.purpose == purpose,
                PublicLink.subject_id == subject_id,
                PublicLink.expires_at > now,
                PublicLink.used_at.is_(None),
            )
            .values(expires_at=now)
            .execution_options(synchronize_session=False)
        )
        return int(result.rowcount or 0)  # type: ignore[attr-defined]

    async def prune(self, expired_before: datetime) -> int:
        result = await self.session.execute(delete(PublicLink).where(PublicLink.expires_at < expired_before))
        return int(result.rowcount or 0)  # type: ignore[attr-defined]
