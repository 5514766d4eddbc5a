"""Queries of the practice context: the settings row and the catalog (practitioners, services, locations,
rooms, programs): listing, natural-key duplicates and "is it still referenced?"."""

from __future__ import annotations

import uuid
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement, exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from tend.core.pages import Page, PageRequest
from tend.persistence.base import Base
from tend.persistence.repositories.base import RecordRepository, locked
from tend.persistence.repositories.pagination import paginate
from tend.persistence.tables.access import User
from tend.persistence.tables.clients import ClientPractitioner, Enrollment
from tend.persistence.tables.practice import Location, PracticeSettings, Practitioner, Program, Room, Service
from tend.persistence.tables.scheduling import Appointment

M = TypeVar("M", bound=Base)


class PracticeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, *, for_update: bool = False) -> PracticeSettings | None:
        statement = select(PracticeSettings).where(PracticeSettings.singleton == 1)
        if for_update:
            return (await locked(self.session, statement)).scalar()
        return await self.session.scalar(statement)

    async def add(self, settings: PracticeSettings) -> None:
        self.session.add(settings)
        await self.session.flush()


# How each catalog kind is listed, which columns identify a record to people (two records may not share
# them), and which other tables point at it (then it can only be deactivated, never deleted).
_SORT: dict[type[Base], InstrumentedAttribute[Any]] = {
    Practitioner: Practitioner.sort_key,
    Service: Service.code,
    Location: Location.name,
    Room: Room.name,
    Program: Program.name,
}
_NATURAL_KEY: dict[type[Base], tuple[str, ...]] = {
    Service: ("code",),
    Location: ("name",),
    Room: ("location_id", "name"),
    Program: ("name",),
}
_REFERENCED_BY: dict[type[Base], tuple[InstrumentedAttribute[Any], ...]] = {
    Practitioner: (ClientPractitioner.practitioner_id, User.practitioner_id, Appointment.practitioner_id),
    Location: (Room.location_id, Appointment.location_id),
    Room: (Appointment.room_id,),
    Program: (Enrollment.program_id,),
}


class CatalogRepository(RecordRepository[M], Generic[M]):
    def _active(self) -> InstrumentedAttribute[bool]:
        return self.model.active  # type: ignore[attr-defined,no-any-return]

    async def page(self, page: PageRequest, *, include_inactive: bool) -> Page[M]:
        statement = select(self.model)
        if not include_inactive:
            statement = statement.where(self._active().is_(True))
        return await paginate(self.session, statement, _SORT[self.model], page)

    async def duplicate_of(self, record: M) -> M | None:
        """Another record with the same natural key (e.g. a service code), if the kind has one."""
        columns = _NATURAL_KEY.get(self.model, ())
        if not columns:
            return None
        same: list[ColumnElement[bool]] = [
            getattr(self.model, name) == getattr(record, name) for name in columns
        ]
        return await self.session.scalar(
            select(self.model).where(*same, self._id != record.id).limit(1)  # type: ignore[attr-defined,arg-type]
        )

    async def named(self, name: str) -> list[M]:
        """Records whose name is `name`, ignoring case and surrounding spaces."""
        column = self.model.name  # type: ignore[attr-defined]
        statement = select(self.model).where(func.lower(column) == name.strip().lower())
        return list((await self.session.scalars(statement)).all())

    async def in_use(self, record_id: uuid.UUID) -> bool:
        for column in _REFERENCED_BY.get(self.model, ()):
            if await self.session.scalar(select(exists().where(column == record_id))):
                return True
        return False


class RoomRepository(CatalogRepository[Room]):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, Room)

    async def rooms_of(self, location_id: uuid.UUID, *, include_inactive: bool) -> list[Room]:
        statement = select(Room).where(Room.location_id == location_id).order_by(Room.name, Room.id)
        if not include_inactive:
            statement = statement.where(Room.active.is_(True))
        return list((await self.session.scalars(statement)).all())
