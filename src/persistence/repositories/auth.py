"""Queries for staff users, refresh tokens and login failures."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tend.persistence.tables import LoginFailure, RefreshToken, User


class UserRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, user_id: uuid.UUID) -> User | None:
        return await self.session.get(User, user_id)

    async def get_by_email(self, email: str) -> User | None:
        return await self.session.scalar(select(User).where(User.email_normalized == email.strip().lower()))

    async def add(self, user: User) -> User:
        self.session.add(user)
        await self.session.flush()
        return user

    async def count(self) -> int:
        return int(await self.session.scalar(select(func.count()).select_from(User)) or 0)


class RefreshTokenRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get_by_hash(self, token_hash: str) -> RefreshToken | None:
        return await self.session.scalar(
            select(RefreshToken).where(RefreshToken.token_hash == token_hash).with_for_update()
        )

    async def add(self, token: RefreshToken) -> None:
        self.session.add(token)
        await self.session.flush()

    async def revoke_family(self, family_id: uuid.UUID, now: datetime, reason: str) -> None:
        await self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=now, revoked_reason=reason)
        )

    async def revoke_all_for_user(self, user_id: uuid.UUID, now: datetime, reason: str) -> None:
        await self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=now, revoked_reason=reason)
        )


class LoginFailureRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def recent(self, key_hash: str, since: datetime) -> list[datetime]:
        rows = await self.session.scalars(
            select(LoginFailure.failed_at)
            .where(LoginFailure.key_hash == key_hash, LoginFailure.failed_at > since)
            .order_by(LoginFailure.failed_at)
        )
        return list(rows.all())

    async def add(self, key_hash: str, at: datetime) -> None:
        self.session.add(LoginFailure(key_hash=key_hash, failed_at=at))
        await self.session.flush()

    async def clear(self, key_hash: str) -> None:
        await self.session.execute(delete(LoginFailure).where(LoginFailure.key_hash == key_hash))

    async def prune(self, before: datetime) -> None:
        await self.session.execute(delete(LoginFailure).where(LoginFailure.failed_at < before))
