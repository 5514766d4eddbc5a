"""A repository for plain records of one table: look up by id, add, delete. Anything that filters is a
named method of the table's own repository, so every query is found in one place. Every locking read
goes through `locked`, so what it returns is the row as it is once the lock is held."""

from __future__ import annotations

import uuid
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, Result, Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from tend.persistence.base import Base

M = TypeVar("M", bound=Base)
T = TypeVar("T", bound=Any)


async def locked(session: AsyncSession, statement: Select[T]) -> Result[T]:
    """Runs `statement` FOR UPDATE (PostgreSQL; SQLite has one writer at a time) and returns its rows as
    they are once the lock is held. Without `populate_existing` the session's identity map would hand
    back an object it loaded before the lock, with what another transaction has since changed and
    committed invisible: a read-modify-write on it loses that change. This transaction's own unflushed
    changes are flushed first, so the refresh cannot drop them."""
    if session.dirty:
        await session.flush()
    result: Result[T] = await session.execute(
        statement.with_for_update().execution_options(populate_existing=True)
    )
    return result


class RecordRepository(Generic[M]):
    def __init__(self, session: AsyncSession, model: type[M]) -> None:
        self.session = session
        self.model = model

    @property
    def _id(self) -> Any:
        return self.model.id  # type: ignore[attr-defined]

    async def get(self, record_id: uuid.UUID, *, for_update: bool = False) -> M | None:
        statement = select(self.model).where(self._id == record_id)
        if for_update:
            return (await locked(self.session, statement)).scalar()
        return await self.session.scalar(statement)

    async def get_many(self, ids: list[uuid.UUID]) -> list[M]:
        if not ids:
            return []
        return list((await self.session.scalars(select(self.model).where(self._id.in_(ids)))).all())

    async def add(self, record: M) -> M:
        self.session.add(record)
        await self.session.flush()
        return record

    async def delete(self, record: M) -> None:
        await self.session.delete(record)
        await self.session.flush()


def contains(column: Any, term: str) -> ColumnElement[bool]:
    """`column` contains `term` literally (LIKE with %, _ and \\ escaped), the same on both databases."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return column.like(f"%{escaped}%", escape="\\")  # type: ignore[no-any-return]
