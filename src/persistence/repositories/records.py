"""A repository for plain records (one table, looked up by id, listed a page at a time)."""

from __future__ import annotations

import uuid
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from tend.persistence.base import Base
from tend.persistence.repositories.pagination import Page, PageRequest, paginate

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

    async def exists(self, *conditions: ColumnElement[bool]) -> bool:
        return bool(await self.session.scalar(select(exists().where(*conditions))))

    async def find(self, *conditions: ColumnElement[bool]) -> M | None:
        return await self.session.scalar(select(self.model).where(*conditions).limit(1))

    async def all(self, *conditions: ColumnElement[bool], order_by: Any = None) -> list[M]:
        statement = select(self.model).where(*conditions)
        if order_by is not None:
            statement = statement.order_by(order_by)
        return list((await self.session.scalars(statement)).all())

    async def page(
        self, page: PageRequest, *conditions: ColumnElement[bool], sort_column: InstrumentedAttribute[Any]
    ) -> Page[M]:
        return await paginate(
            self.session,
            select(self.model).where(*conditions),
            sort_column=sort_column,
            id_column=self._id,
            page=page,
        )
