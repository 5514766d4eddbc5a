"""Custom client field definitions: admins define them; every staff member reads them to build forms."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import Field, StrictInt

from tend.api.deps import AdminDep, ContextDep, StaffDep
from tend.api.errors import problem_responses
from tend.api.schemas import CleanName, InputModel, OutputModel, PatchModel
from tend.core.enums import CustomFieldType
from tend.domain.clients import custom_fields

router = APIRouter(prefix="/custom-fields", tags=["custom-fields"])
Name = Annotated[str, Field(min_length=1, max_length=120), CleanName]


class CustomFieldCreate(InputModel):
    key: str = Field(min_length=1, max_length=40, description="Stable key: lower-case letters, digits, _.")
    label: Name
    field_type: CustomFieldType
    options: list[Annotated[str, Field(max_length=120)]] = Field(default_factory=list, max_length=100)
    required: bool = False
    position: StrictInt = Field(default=0, ge=0, le=10000)


class CustomFieldUpdate(PatchModel):
    """Key and type cannot change once values may exist; add a new field instead."""

    not_null = frozenset({"label", "options", "required", "position", "active"})

    label: Name | None = None
    options: list[Annotated[str, Field(max_length=120)]] | None = Field(default=None, max_length=100)
    required: bool | None = None
    position: StrictInt | None = Field(default=None, ge=0, le=10000)
    active: bool | None = None


class CustomFieldOut(OutputModel):
    id: uuid.UUID
    key: str
    label: str
    field_type: CustomFieldType
    options: list[str]
    required: bool
    position: int
    active: bool
    created_at: datetime
    updated_at: datetime


@router.get("", response_model=list[CustomFieldOut], responses=problem_responses(401, 403))
async def list_custom_fields(
    _staff: StaffDep, ctx: ContextDep, include_inactive: Annotated[bool, Query()] = False
) -> list[CustomFieldOut]:
    return [
        CustomFieldOut.model_validate(d) for d in await custom_fields.list_definitions(ctx, include_inactive)
    ]


@router.post(
    "", response_model=CustomFieldOut, status_code=201, responses=problem_responses(401, 403, 409, 422)
)
async def create_custom_field(body: CustomFieldCreate, _admin: AdminDep, ctx: ContextDep) -> CustomFieldOut:
    new = custom_fields.NewFieldDefinition(**body.model_dump())
    return CustomFieldOut.model_validate(await custom_fields.create_definition(ctx, new))


@router.patch("/{field_id}", response_model=CustomFieldOut, responses=problem_responses(401, 403, 404, 422))
async def update_custom_field(
    field_id: uuid.UUID, body: CustomFieldUpdate, _admin: AdminDep, ctx: ContextDep
) -> CustomFieldOut:
    changes = custom_fields.FieldDefinitionChanges(**body.changes())
    return CustomFieldOut.model_validate(await custom_fields.update_definition(ctx, field_id, changes))
