"""The practice's catalog: practitioners, services, locations and rooms, programs.

Each kind is a `RecordKind`: the same list/get/create/update behaviour with its own checks. Records that
other records point at are deactivated, never deleted (delete refuses with a next step once in use)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import ColumnElement
from sqlalchemy.orm import InstrumentedAttribute

from tend.domain.context import Context
from tend.domain.errors import Conflict, Invalid
from tend.domain.money import check_prices
from tend.domain.practice import get_practice
from tend.domain.records import apply_changes, load, record_change
from tend.domain.text import fold
from tend.persistence.base import Base
from tend.persistence.client_tables import ClientPractitioner, Enrollment
from tend.persistence.practice_tables import Location, Practitioner, Program, Room, Service
from tend.persistence.repositories.pagination import Page, PageRequest
from tend.persistence.repositories.records import RecordRepository
from tend.persistence.tables import User

M = TypeVar("M", bound=Base)
VIRTUAL_POS_CODES = frozenset({"02", "10"})
_POS_CODE = re.compile(r"^\d{2}$")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


def is_virtual(pos_code: str) -> bool:
    """Sessions at place-of-service 02 (telehealth) or 10 (telehealth in the client's home) are virtual."""
    return pos_code in VIRTUAL_POS_CODES


@dataclass(frozen=True)
class RecordKind(Generic[M]):
    model: type[M]
    name: str
    sort_column: InstrumentedAttribute[Any]
    check: Callable[[Context, Any], Awaitable[None]]
    # (model, condition builder) pairs: a record referenced by any of them cannot be deleted.
    references: tuple[tuple[type[Base], Callable[[uuid.UUID], ColumnElement[bool]]], ...] = ()

    def _repository(self, ctx: Context) -> RecordRepository[M]:
        return RecordRepository(ctx.session, self.model)

    async def list(
        self, ctx: Context, page: PageRequest, include_inactive: bool, *conditions: ColumnElement[bool]
    ) -> Page[M]:
        active = [] if include_inactive else [self.model.active.is_(True)]  # type: ignore[attr-defined]
        return await self._repository(ctx).page(page, *active, *conditions, sort_column=self.sort_column)

    async def get(self, ctx: Context, record_id: uuid.UUID) -> M:
        return await load(ctx, self.model, record_id, self.name)

    async def create(self, ctx: Context, data: dict[str, Any]) -> M:
        now = ctx.clock.now()
        record = self.model(id=uuid.uuid4(), **data, active=True, created_at=now, updated_at=now)
        await self.check(ctx, record)
        await self._repository(ctx).add(record)
        record_change(ctx, f"{self.name}.created", record, self.name)
        return record

    async def update(self, ctx: Context, record_id: uuid.UUID, changes: dict[str, Any]) -> M:
        record = await load(ctx, self.model, record_id, self.name, for_update=True)
        changed = apply_changes(record, changes, ctx)
        await self.check(ctx, record)
        await ctx.session.flush()
        record_change(ctx, f"{self.name}.updated", record, self.name, changed)
        return record

    async def delete(self, ctx: Context, record_id: uuid.UUID) -> None:
        record = await load(ctx, self.model, record_id, self.name, for_update=True)
        for model, refers_to in self.references:
            if await RecordRepository(ctx.session, model).exists(refers_to(record_id)):
                raise Conflict(
                    f"This {self.name} is in use and cannot be deleted.",
                    next_step=f"Deactivate the {self.name} instead (active: false); past records keep it.",
                )
        record_change(ctx, f"{self.name}.deleted", record, self.name)
        await self._repository(ctx).delete(record)


async def list_rooms(ctx: Context, location_id: uuid.UUID, include_inactive: bool) -> list[Room]:
    conditions = [Room.location_id == location_id]
    if not include_inactive:
        conditions.append(Room.active.is_(True))
    return await RecordRepository(ctx.session, Room).all(*conditions, order_by=Room.name)


async def _refuse_duplicate(ctx: Context, record: Any, message: str, *same: ColumnElement[bool]) -> None:
    if (
        await RecordRepository(ctx.session, type(record)).find(*same, type(record).id != record.id)
        is not None
    ):
        raise Conflict(message, next_step="Choose a different name or code, or edit the existing one.")


async def _enabled_currencies(ctx: Context) -> list[str]:
    return list((await get_practice(ctx)).currencies)


async def _check_practitioner(ctx: Context, practitioner: Practitioner) -> None:
    if not _COLOR.match(practitioner.color):
        raise Invalid("Use a colour like #1e88e5.", field="color")
    if not 0 <= practitioner.commission_rate_bp <= 10000:
        raise Invalid("Commission is between 0 and 10000 basis points (0-100 %).", field="commission_rate_bp")
    practitioner.default_prices = check_prices(
        practitioner.default_prices, "default_prices", await _enabled_currencies(ctx)
    )
    practitioner.sort_key = fold(practitioner.name)


async def _check_service(ctx: Context, service: Service) -> None:
    if service.default_duration_minutes <= 0:
        raise Invalid("The duration is at least one minute.", field="default_duration_minutes")
    service.prices = check_prices(service.prices, "prices", await _enabled_currencies(ctx))
    await _refuse_duplicate(
        ctx, service, f"Another service already uses code {service.code}.", Service.code == service.code
    )


async def _check_location(ctx: Context, location: Location) -> None:
    if not _POS_CODE.match(location.pos_code):
        raise Invalid(
            "A place-of-service code is two digits, e.g. 11 (office) or 02 (telehealth).", field="pos_code"
        )
    await _refuse_duplicate(ctx, location, "Another location has this name.", Location.name == location.name)


async def _check_room(ctx: Context, room: Room) -> None:
    if await RecordRepository(ctx.session, Location).get(room.location_id) is None:
        raise Invalid("No such location.", field="location_id")
    await _refuse_duplicate(
        ctx,
        room,
        "This location already has a room with this name.",
        Room.location_id == room.location_id,
        Room.name == room.name,
    )


async def _check_program(ctx: Context, program: Program) -> None:
    await _refuse_duplicate(ctx, program, "Another program has this name.", Program.name == program.name)


PRACTITIONERS: RecordKind[Practitioner] = RecordKind(
    Practitioner,
    "practitioner",
    Practitioner.sort_key,
    _check_practitioner,
    references=(
        (ClientPractitioner, lambda record_id: ClientPractitioner.practitioner_id == record_id),
        (User, lambda record_id: User.practitioner_id == record_id),
    ),
)
SERVICES: RecordKind[Service] = RecordKind(Service, "service", Service.code, _check_service)
LOCATIONS: RecordKind[Location] = RecordKind(
    Location,
    "location",
    Location.name,
    _check_location,
    references=((Room, lambda record_id: Room.location_id == record_id),),
)
ROOMS: RecordKind[Room] = RecordKind(Room, "room", Room.name, _check_room)
PROGRAMS: RecordKind[Program] = RecordKind(
    Program,
    "program",
    Program.name,
    _check_program,
    references=((Enrollment, lambda record_id: Enrollment.program_id == record_id),),
)
