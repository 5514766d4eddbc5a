"""A repository for plain records of one table: look up by id, add, delete. Anything that filters is a
named method of the table's own repository, so every query is found in one place."""

from __future__ import annotations

import uuid
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from tend.persistence.base import Base

M = TypeVar("M", bound=Base)


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
            statement = statement.with_for_update()
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
