"""The practice's catalog: practitioners, services, locations and rooms, programs.

Each kind is a `RecordKind`: the same list/get/create/update behaviour with its own checks. Records that
other records point at are deactivated, never deleted (delete refuses with a next step once in use)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from tend.core.errors import Conflict, ErrorCode, Invalid
from tend.core.money import check_prices
from tend.core.pages import Page, PageRequest
from tend.core.text import fold
from tend.domain.commands import UNSET, Unset, sent
from tend.domain.context import Actor, Context
from tend.domain.practice.settings import get_practice
from tend.domain.records import apply_changes, load, record_change
from tend.persistence.base import Base
from tend.persistence.repositories.practice import CatalogRepository, RoomRepository

# Re-exported: other contexts name the catalog's records through this module, never the tables.
from tend.persistence.tables.practice import Location as Location
from tend.persistence.tables.practice import Practitioner as Practitioner
from tend.persistence.tables.practice import Program as Program
from tend.persistence.tables.practice import Room as Room
from tend.persistence.tables.practice import Service as Service

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

M = TypeVar("M", bound=Base)
New = TypeVar("New", bound="DataclassInstance")
Changes = TypeVar("Changes", bound="DataclassInstance")
VIRTUAL_POS_CODES = frozenset({"02", "10"})
_POS_CODE = re.compile(r"^\d{2}$")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


def is_virtual(pos_code: str) -> bool:
    """Sessions at place-of-service 02 (telehealth) or 10 (telehealth in the client's home) are virtual."""
    return pos_code in VIRTUAL_POS_CODES


def _nothing_hidden(actor: Actor, record: Any) -> frozenset[str]:
    return frozenset()


async def _nothing_after(ctx: Context, record: Any, changed: list[str]) -> None:
    return None


# ---- the commands: one New… and one …Changes per kind (UNSET: not sent; None clears) ---------------------


@dataclass(frozen=True)
class NewPractitioner:
    name: str
    commission_rate_bp: int  # basis points: 4000 = 40 %
    credentials: str | None = None
    email: str | None = None
    phone: str | None = None
    color: str = "#1e88e5"
    default_prices: Mapping[str, int] = field(default_factory=dict)  # minor units by currency


@dataclass(frozen=True)
class PractitionerChanges:
    name: str | Unset = UNSET
    credentials: str | Unset | None = UNSET
    email: str | Unset | None = UNSET
    phone: str | Unset | None = UNSET
    color: str | Unset = UNSET
    commission_rate_bp: int | Unset = UNSET
    default_prices: Mapping[str, int] | Unset = UNSET
    active: bool | Unset = UNSET


@dataclass(frozen=True)
class NewService:
    code: str
    name: str
    default_duration_minutes: int
    prices: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ServiceChanges:
    code: str | Unset = UNSET
    name: str | Unset = UNSET
    default_duration_minutes: int | Unset = UNSET
    prices: Mapping[str, int] | Unset = UNSET
    active: bool | Unset = UNSET


@dataclass(frozen=True)
class NewLocation:
    name: str
    pos_code: str  # place of service: 02/10 virtual, 11 office
    address: str | None = None


@dataclass(frozen=True)
class LocationChanges:
    name: str | Unset = UNSET
    address: str | Unset | None = UNSET
    pos_code: str | Unset = UNSET
    active: bool | Unset = UNSET


@dataclass(frozen=True)
class NewRoom:
    location_id: uuid.UUID
    name: str


@dataclass(frozen=True)
class RoomChanges:
    name: str | Unset = UNSET
    active: bool | Unset = UNSET


@dataclass(frozen=True)
class NewProgram:
    name: str
    description: str | None = None


@dataclass(frozen=True)
class ProgramChanges:
    name: str | Unset = UNSET
    description: str | Unset | None = UNSET
    active: bool | Unset = UNSET


@dataclass(frozen=True)
class RecordKind(Generic[M, New, Changes]):
    """One kind of catalog record: its table, its name in messages and audit actions, the commands that
    create (`new`) and edit (`changes`) one — the API builds them from its request bodies — and its checks.
    The commands' fields are the record's own columns, so one generic create and update serve every kind."""

    model: type[M]
    name: str
    new: type[New]
    changes: type[Changes]
    check: Callable[[Context, Any], Awaitable[None]]
    duplicate_message: str = ""
    # Fields of a record an actor may not read (shown as null): minimum necessary per role.
    hidden_from: Callable[[Actor, Any], frozenset[str]] = _nothing_hidden
    # What else changes with an update (in the same transaction), given the names of the changed fields.
    after_update: Callable[[Context, Any, list[str]], Awaitable[None]] = _nothing_after

    def _repository(self, ctx: Context) -> CatalogRepository[M]:
        return CatalogRepository(ctx.session, self.model)

    async def list(self, ctx: Context, page: PageRequest, include_inactive: bool) -> Page[M]:
        return await self._repository(ctx).page(page, include_inactive=include_inactive)

    async def get(self, ctx: Context, record_id: uuid.UUID) -> M:
        return await load(ctx, self.model, record_id, self.name)

    async def find(self, ctx: Context, record_id: uuid.UUID) -> M | None:
        """The record, or None (for callers that say themselves what a missing one means)."""
        return await self._repository(ctx).get(record_id)

    async def find_many(self, ctx: Context, record_ids: Sequence[uuid.UUID]) -> Sequence[M]:
        return await self._repository(ctx).get_many(list(record_ids))

    async def _check(self, ctx: Context, record: M) -> None:
        await self.check(ctx, record)
        if await self._repository(ctx).duplicate_of(record) is not None:
            raise Conflict(
                self.duplicate_message,
                code=ErrorCode.duplicate,
                next_step="Choose a different name or code, or edit the existing one.",
            )

    async def create(self, ctx: Context, new: New) -> M:
        now = ctx.clock.now()
        record = self.model(id=uuid.uuid4(), **sent(new), active=True, created_at=now, updated_at=now)
        await self._check(ctx, record)
        await self._repository(ctx).add(record)
        record_change(ctx, f"{self.name}.created", record, self.name)
        return record

    async def update(self, ctx: Context, record_id: uuid.UUID, changes: Changes) -> M:
        record = await load(ctx, self.model, record_id, self.name, for_update=True)
        changed = apply_changes(record, sent(changes), ctx)
        await self._check(ctx, record)
        await self.after_update(ctx, record, changed)
        await ctx.session.flush()
        record_change(ctx, f"{self.name}.updated", record, self.name, changed)
        return record

    async def delete(self, ctx: Context, record_id: uuid.UUID) -> None:
        record = await load(ctx, self.model, record_id, self.name, for_update=True)
        repository = self._repository(ctx)
        if await repository.in_use(record_id):
            raise Conflict(
                f"This {self.name} is in use and cannot be deleted.",
                code=ErrorCode.in_use,
                next_step=f"Deactivate the {self.name} instead (active: false); past records keep it.",
            )
        record_change(ctx, f"{self.name}.deleted", record, self.name)
        await repository.delete(record)


async def list_rooms(ctx: Context, location_id: uuid.UUID, include_inactive: bool) -> list[Room]:
    return await RoomRepository(ctx.session).rooms_of(location_id, include_inactive=include_inactive)


async def _practitioner_updated(ctx: Context, practitioner: Practitioner, changed: list[str]) -> None:
    """A deactivated practitioner's calendar feed links end (reactivating her brings none back)."""
    if "active" in changed and not practitioner.active:
        # Imported here: the scheduling context builds on this one (a module-level import would be a cycle).
        from tend.domain.scheduling.feeds import end_feeds

        await end_feeds(ctx, practitioner.id, "practitioner_deactivated")


async def _enabled_currencies(ctx: Context) -> list[str]:
    return list((await get_practice(ctx)).currencies)


async def _check_practitioner(ctx: Context, practitioner: Practitioner) -> None:
    if not _COLOR.match(practitioner.color):
        raise Invalid("Use a colour like #1e88e5.", field="color", code=ErrorCode.bad_format)
    if not 0 <= practitioner.commission_rate_bp <= 10000:
        raise Invalid(
            "Commission is between 0 and 10000 basis points (0-100 %).",
            field="commission_rate_bp",
            code=ErrorCode.out_of_range,
        )
    practitioner.default_prices = check_prices(
        practitioner.default_prices, "default_prices", await _enabled_currencies(ctx)
    )
    practitioner.sort_key = fold(practitioner.name)


async def _check_service(ctx: Context, service: Service) -> None:
    if service.default_duration_minutes <= 0:
        raise Invalid(
            "The duration is at least one minute.",
            field="default_duration_minutes",
            code=ErrorCode.out_of_range,
        )
    service.prices = check_prices(service.prices, "prices", await _enabled_currencies(ctx))


async def _check_location(ctx: Context, location: Location) -> None:
    if not _POS_CODE.match(location.pos_code):
        raise Invalid(
            "A place-of-service code is two digits, e.g. 11 (office) or 02 (telehealth).",
            field="pos_code",
            code=ErrorCode.bad_format,
        )


async def _check_room(ctx: Context, room: Room) -> None:
    if await CatalogRepository(ctx.session, Location).get(room.location_id) is None:
        raise Invalid("No such location.", field="location_id", code=ErrorCode.unknown_reference)


async def _no_check(ctx: Context, record: Any) -> None:
    return None


_COLLEAGUE_PRIVATE = frozenset({"credentials", "email", "phone", "commission_rate_bp", "default_prices"})


def _private_to_colleagues(actor: Actor, practitioner: Practitioner) -> frozenset[str]:
    """Clinicians see colleagues by name and colour only; their own record in full. An actor that is not
    staff (the public) sees no private field of anyone: deny by default."""
    if actor.is_clinician:
        return _COLLEAGUE_PRIVATE if practitioner.id != actor.practitioner_id else frozenset()
    return frozenset() if actor.reads_whole_practice else _COLLEAGUE_PRIVATE


PRACTITIONERS: RecordKind[Practitioner, NewPractitioner, PractitionerChanges] = RecordKind(
    Practitioner,
    "practitioner",
    NewPractitioner,
    PractitionerChanges,
    _check_practitioner,
    hidden_from=_private_to_colleagues,
    after_update=_practitioner_updated,
)
SERVICES: RecordKind[Service, NewService, ServiceChanges] = RecordKind(
    Service,
    "service",
    NewService,
    ServiceChanges,
    _check_service,
    duplicate_message="Another service already uses this code.",
)
LOCATIONS: RecordKind[Location, NewLocation, LocationChanges] = RecordKind(
    Location,
    "location",
    NewLocation,
    LocationChanges,
    _check_location,
    duplicate_message="Another location has this name.",
)
ROOMS: RecordKind[Room, NewRoom, RoomChanges] = RecordKind(
    Room,
    "room",
    NewRoom,
    RoomChanges,
    _check_room,
    duplicate_message="This location already has a room with this name.",
)
PROGRAMS: RecordKind[Program, NewProgram, ProgramChanges] = RecordKind(
    Program,
    "program",
    NewProgram,
    ProgramChanges,
    _no_check,
    duplicate_message="Another program has this name.",
)
