"""Practitioners, services, locations, rooms and programs: the same five endpoints for each.

(No `from __future__ import annotations` here: the endpoint signatures are built from the arguments.)"""

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status
from pydantic import Field, StrictInt, computed_field

from tend.api.deps import AdminDep, ContextDep, PageDep, StaffDep
from tend.api.errors import problem_responses
from tend.api.schemas import CleanName, InputModel, OutputModel, PageOut, PatchModel, PricesIn
from tend.core.actor import Actor
from tend.domain.practice.catalog import (
    LOCATIONS,
    PRACTITIONERS,
    PROGRAMS,
    ROOMS,
    SERVICES,
    RecordKind,
    is_virtual,
    list_rooms,
)

Prices = dict[str, int]
Name = Annotated[str, Field(min_length=1, max_length=200), CleanName]
OptionalText = Annotated[str | None, Field(default=None, max_length=2000)]


def crud_router(
    kind: RecordKind[Any, Any, Any],
    models: tuple[type[InputModel], type[PatchModel], type[OutputModel], type[PageOut[Any]]],
    *,
    deletable: bool = False,
) -> APIRouter:
    """`/api/v1/{plural}` with list, create, get, update (and delete) for one kind of catalog record;
    `models` are its create, update, response and page models."""
    create_model, update_model, out_model, page_model = models
    plural = f"{kind.name}s"
    router = APIRouter(prefix=f"/{plural}", tags=[plural])
    singular = kind.name

    def shown_to(actor: Actor) -> Callable[[Any], Any]:
        def shape(record: Any) -> Any:
            return out_model.from_record(record, **dict.fromkeys(kind.hidden_from(actor, record)))

        return shape

    async def list_records(
        _staff: StaffDep, ctx: ContextDep, page: PageDep, include_inactive: Annotated[bool, Query()] = False
    ) -> Any:
        return page_model.of(await kind.list(ctx, page, include_inactive), shown_to(ctx.actor))

    async def get_record(record_id: uuid.UUID, _staff: StaffDep, ctx: ContextDep) -> Any:
        return shown_to(ctx.actor)(await kind.get(ctx, record_id))

    async def create_record(body: create_model, _admin: AdminDep, ctx: ContextDep) -> Any:  # type: ignore[valid-type]
        new = kind.new(**body.model_dump())  # type: ignore[attr-defined]
        return out_model.model_validate(await kind.create(ctx, new))

    async def update_record(
        record_id: uuid.UUID,
        body: update_model,  # type: ignore[valid-type]
        _admin: AdminDep,
        ctx: ContextDep,
    ) -> Any:
        changes = kind.changes(**body.changes())  # type: ignore[attr-defined]
        return out_model.model_validate(await kind.update(ctx, record_id, changes))

    async def delete_record(record_id: uuid.UUID, _admin: AdminDep, ctx: ContextDep) -> Response:
        await kind.delete(ctx, record_id)
        return Response(status_code=status.HTTP_204_NO_CONTENT)

    router.add_api_route(
        "",
        list_records,
        methods=["GET"],
        name=f"list_{plural}",
        response_model=page_model,
        responses=problem_responses(401, 403),
    )
    router.add_api_route(
        "",
        create_record,
        methods=["POST"],
        name=f"create_{singular}",
        response_model=out_model,
        status_code=201,
        responses=problem_responses(401, 403, 409, 422),
    )
    router.add_api_route(
        "/{record_id}",
        get_record,
        methods=["GET"],
        name=f"get_{singular}",
        response_model=out_model,
        responses=problem_responses(401, 403, 404),
    )
    router.add_api_route(
        "/{record_id}",
        update_record,
        methods=["PATCH"],
        name=f"update_{singular}",
        response_model=out_model,
        responses=problem_responses(401, 403, 404, 409, 422),
    )
    if deletable:
        router.add_api_route(
            "/{record_id}",
            delete_record,
            methods=["DELETE"],
            name=f"delete_{singular}",
            status_code=204,
            response_class=Response,
            responses=problem_responses(401, 403, 404, 409),
        )
    return router


class Timestamps(OutputModel):
    id: uuid.UUID
    active: bool
    created_at: datetime
    updated_at: datetime


# ---- practitioners -----------------------------------------------------------------------------------------


class PractitionerCreate(InputModel):
    name: Name
    credentials: Name | None = None
    email: str | None = Field(default=None, max_length=320)
    phone: str | None = Field(default=None, max_length=40)
    color: str = Field(default="#1e88e5", description="Calendar colour, #RRGGBB.")
    commission_rate_bp: StrictInt = Field(
        ge=0, le=10000, description="Commission in basis points: 4000 = 40 %."
    )
    default_prices: PricesIn = Field(
        default_factory=dict, description="Session price per currency (minor units)."
    )


class PractitionerUpdate(PatchModel):
    not_null = frozenset({"name", "color", "commission_rate_bp", "default_prices", "active"})

    name: Name | None = None
    credentials: Name | None = None
    email: str | None = Field(default=None, max_length=320)
    phone: str | None = Field(default=None, max_length=40)
    color: str | None = None
    commission_rate_bp: StrictInt | None = Field(default=None, ge=0, le=10000)
    default_prices: PricesIn | None = None
    active: bool | None = None


class PractitionerOut(Timestamps):
    """Clinicians see colleagues' name and colour only: the other fields are null for them."""

    name: str
    credentials: str | None
    email: str | None
    phone: str | None
    color: str
    commission_rate_bp: int | None
    default_prices: Prices | None


class PractitionerPage(PageOut[PractitionerOut]):
    pass


# ---- services ----------------------------------------------------------------------------------------------


class ServiceCreate(InputModel):
    code: str = Field(min_length=1, max_length=20, description="Billing code, e.g. CPT 90834.")
    name: Name
    default_duration_minutes: StrictInt = Field(ge=1, le=24 * 60)
    prices: PricesIn = Field(default_factory=dict)


class ServiceUpdate(PatchModel):
    not_null = frozenset({"code", "name", "default_duration_minutes", "prices", "active"})

    code: str | None = Field(default=None, min_length=1, max_length=20)
    name: Name | None = None
    default_duration_minutes: StrictInt | None = Field(default=None, ge=1, le=24 * 60)
    prices: PricesIn | None = None
    active: bool | None = None


class ServiceOut(Timestamps):
    code: str
    name: str
    default_duration_minutes: int
    prices: Prices


class ServicePage(PageOut[ServiceOut]):
    pass


# ---- locations and rooms -----------------------------------------------------------------------------------


class LocationCreate(InputModel):
    name: Name
    address: OptionalText = None
    pos_code: str = Field(
        min_length=2, max_length=2, description="Place of service: 02/10 virtual, 11 office."
    )


class LocationUpdate(PatchModel):
    not_null = frozenset({"name", "pos_code", "active"})

    name: Name | None = None
    address: OptionalText = None
    pos_code: str | None = Field(default=None, min_length=2, max_length=2)
    active: bool | None = None


class LocationOut(Timestamps):
    name: str
    address: str | None
    pos_code: str

    @computed_field(
        description="True for place-of-service 02 and 10 (telehealth): sessions there are virtual."
    )
    def virtual(self) -> bool:
        return is_virtual(self.pos_code)


class LocationPage(PageOut[LocationOut]):
    pass


class RoomCreate(InputModel):
    location_id: uuid.UUID
    name: Name


class RoomUpdate(PatchModel):
    not_null = frozenset({"name", "active"})

    name: Name | None = None
    active: bool | None = None


class RoomOut(Timestamps):
    location_id: uuid.UUID
    name: str


class RoomPage(PageOut[RoomOut]):
    pass


# ---- programs ----------------------------------------------------------------------------------------------


class ProgramCreate(InputModel):
    name: Name
    description: OptionalText = None


class ProgramUpdate(PatchModel):
    not_null = frozenset({"name", "active"})

    name: Name | None = None
    description: OptionalText = None
    active: bool | None = None


class ProgramOut(Timestamps):
    name: str
    description: str | None


class ProgramPage(PageOut[ProgramOut]):
    pass


rooms_by_location = APIRouter(prefix="/locations", tags=["locations"])


@rooms_by_location.get(
    "/{location_id}/rooms", response_model=list[RoomOut], responses=problem_responses(401, 403, 404)
)
async def list_location_rooms(
    location_id: uuid.UUID,
    _staff: StaffDep,
    ctx: ContextDep,
    include_inactive: Annotated[bool, Query()] = False,
) -> list[RoomOut]:
    location = await LOCATIONS.get(ctx, location_id)
    return [RoomOut.model_validate(room) for room in await list_rooms(ctx, location.id, include_inactive)]


routers = [
    rooms_by_location,
    crud_router(
        PRACTITIONERS,
        (PractitionerCreate, PractitionerUpdate, PractitionerOut, PractitionerPage),
        deletable=True,
    ),
    crud_router(SERVICES, (ServiceCreate, ServiceUpdate, ServiceOut, ServicePage)),
    crud_router(LOCATIONS, (LocationCreate, LocationUpdate, LocationOut, LocationPage), deletable=True),
    crud_router(ROOMS, (RoomCreate, RoomUpdate, RoomOut, RoomPage), deletable=True),
    crud_router(PROGRAMS, (ProgramCreate, ProgramUpdate, ProgramOut, ProgramPage), deletable=True),
]
