"""Queries of access: staff users, refresh tokens, failed logins and API keys."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from tend.core.enums import Role
from tend.core.pages import Page, PageRequest
from tend.persistence.repositories.base import RecordRepository, locked
from tend.persistence.repositories.pagination import paginate
from tend.persistence.tables.access import ApiKey, LoginFailure, RefreshToken, User


class UserRepository(RecordRepository[User]):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, User)

    async def get_by_email(self, email: str) -> User | None:
        return await self.session.scalar(select(User).where(User.email_normalized == email.strip().lower()))

    async def count(self) -> int:
        return int(await self.session.scalar(select(func.count()).select_from(User)) or 0)

    async def page(self, page: PageRequest, *, include_inactive: bool) -> Page[User]:
        statement = select(User)
        if not include_inactive:
            statement = statement.where(User.active.is_(True))
        return await paginate(self.session, statement, User.email_normalized, page)

    async def clinician_of(self, practitioner_id: uuid.UUID) -> User | None:
        """The clinician user linked to a practitioner, if any."""
        return await self.session.scalar(
            select(User).where(User.practitioner_id == practitioner_id, User.role == Role.clinician).limit(1)
        )

    async def active_admin_ids(self) -> list[uuid.UUID]:
        rows = await self.session.scalars(
            select(User.id).where(User.role == Role.admin, User.active.is_(True)).order_by(User.id)
        )
        return list(rows.all())


class RefreshTokenRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get_by_hash(self, token_hash: str) -> RefreshToken | None:
        statement = select(RefreshToken).where(RefreshToken.token_hash == token_hash)
        return (await locked(self.session, statement)).scalar()

    async def add(self, token: RefreshToken) -> None:
        self.session.add(token)
        await self.session.flush()

    async def revoke_family(self, family_id: uuid.UUID, now: datetime, reason: str) -> None:
        await self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
            .values(revoked_at=now, revoked_reason=reason)
        )

    async def family_revoked(self, family_id: uuid.UUID) -> bool:
        """True once a sign-in's tokens were revoked (sign-out, theft detected, user deactivated)."""
        revoked = select(RefreshToken.id).where(
            RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_not(None)
        )
        return bool(await self.session.scalar(revoked.limit(1)))

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

    async def add(self, key_hash: str, at: datetime) -> uuid.UUID:
        attempt = LoginFailure(key_hash=key_hash, failed_at=at)
        self.session.add(attempt)
        await self.session.flush()
        return attempt.id

    async def remove(self, attempt_ids: list[uuid.UUID]) -> None:
        await self.session.execute(delete(LoginFailure).where(LoginFailure.id.in_(attempt_ids)))

    async def clear(self, key_hash: str) -> None:
        await self.session.execute(delete(LoginFailure).where(LoginFailure.key_hash == key_hash))

    async def prune(self, before: datetime) -> None:
        await self.session.execute(delete(LoginFailure).where(LoginFailure.failed_at < before))


class ApiKeyRepository(RecordRepository[ApiKey]):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, ApiKey)

    async def get_by_hash(self, key_hash: str) -> ApiKey | None:
        return await self.session.scalar(select(ApiKey).where(ApiKey.key_hash == key_hash))

    async def page(self, page: PageRequest, *, include_revoked: bool) -> Page[ApiKey]:
        statement = select(ApiKey)
        if not include_revoked:
            statement = statement.where(ApiKey.revoked_at.is_(None))
        return await paginate(self.session, statement, ApiKey.created_at, page, descending=True)
