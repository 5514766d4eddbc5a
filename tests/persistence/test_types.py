"""Column types behave the same on SQLite and PostgreSQL: instants are UTC and aware, never naive."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import StatementError

from tend.core.enums import Role
from tend.persistence.tables.access import User
from tend.persistence.tables.audit import AuditEvent


def _user(created_at: datetime) -> User:
    return User(
        email="t@example.com",
        email_normalized="t@example.com",
        name="T",
        role=Role.admin,
        active=True,
        password_hash="x",
        created_at=created_at,
        updated_at=created_at,
    )


async def test_naive_datetimes_are_refused(sessions: Any) -> None:
    async with sessions() as session:
        session.add(_user(datetime(2026, 3, 10, 12, 0)))
        with pytest.raises(StatementError, match="naive datetime"):
            await session.flush()


async def test_instants_come_back_aware_in_utc(sessions: Any) -> None:
    lima = timezone(timedelta(hours=-5))
    at = datetime(2026, 3, 31, 23, 30, tzinfo=lima)  # 04:30 UTC on 1 April
    async with sessions() as session:
        user = _user(at)
        session.add(user)
        await session.commit()
        user_id = user.id
    async with sessions() as session:
        stored = await session.scalar(select(User.created_at).where(User.id == user_id))
    assert stored is not None and stored.tzinfo is not None
    assert stored.utcoffset() == timedelta(0)
    assert stored == at and (stored.month, stored.day, stored.hour) == (4, 1, 4)


async def test_instants_compare_and_sort_correctly_across_offsets(sessions: Any) -> None:
    base = datetime(2026, 1, 1, 12, 0, tzinfo=timezone.utc)  # noqa: UP017
    async with sessions() as session:
        for minutes in (30, 0, 90):
            session.add(
                AuditEvent(occurred_at=base + timedelta(minutes=minutes), action=f"m{minutes}", details={})
            )
        await session.commit()
    async with sessions() as session:
        after = (
            await session.scalars(
                select(AuditEvent.action)
                .where(
                    AuditEvent.occurred_at > datetime(2026, 1, 1, 7, 15, tzinfo=timezone(timedelta(hours=-5)))
                )
                .order_by(AuditEvent.occurred_at)
            )
        ).all()
    assert after == ["m30", "m90"]


async def test_primary_keys_are_uuids_made_in_python(sessions: Any) -> None:
    async with sessions() as session:
        user = _user(datetime(2026, 1, 1, tzinfo=timezone.utc))  # noqa: UP017
        session.add(user)
        await session.flush()
        assert isinstance(user.id, uuid.UUID)
        await session.rollback()


async def test_enums_are_stored_as_text_and_read_back_as_enums(sessions: Any) -> None:
    async with sessions() as session:
        session.add(_user(datetime(2026, 1, 1, tzinfo=timezone.utc)))  # noqa: UP017
        await session.commit()
    async with sessions() as session:
        role = await session.scalar(select(User.role))
    assert role is Role.admin
