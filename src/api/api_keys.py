"""API keys for integrations (admin only): create (secret shown once), list, revoke."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, status
from pydantic import Field

from tend.api.deps import AdminDep, ContextDep, PageDep
from tend.api.errors import problem_responses
from tend.api.schemas import CleanName, InputModel, OutputModel, PageOut
from tend.core.enums import ApiKeyScope
from tend.domain import api_keys

router = APIRouter(prefix="/api-keys", tags=["api-keys"])
Name = Annotated[str, Field(min_length=1, max_length=120), CleanName]


class ApiKeyCreate(InputModel):
    name: Name = Field(description="What the key is for, e.g. `Billing export`.")
    scopes: list[ApiKeyScope] = Field(min_length=1, max_length=2)


class ApiKeyOut(OutputModel):
    id: uuid.UUID
    name: str
    prefix: str = Field(description="The first characters after `tend_`, to recognise the key.")
    scopes: list[ApiKeyScope]
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class ApiKeyCreated(ApiKeyOut):
    secret: str = Field(description="The key itself. Shown only in this response: store it now.")


class ApiKeyPage(PageOut[ApiKeyOut]):
    pass


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=ApiKeyCreated,
    responses=problem_responses(401, 403, 422),
)
async def create_api_key(body: ApiKeyCreate, _admin: AdminDep, ctx: ContextDep) -> ApiKeyCreated:
    created = await api_keys.create_api_key(ctx, body.name, body.scopes)
    return ApiKeyCreated.model_validate(
        {**ApiKeyOut.model_validate(created.key).model_dump(), "secret": created.secret}
    )


@router.get("", response_model=ApiKeyPage, responses=problem_responses(401, 403, 422))
async def list_api_keys(
    _admin: AdminDep, ctx: ContextDep, page: PageDep, include_revoked: Annotated[bool, Query()] = False
) -> ApiKeyPage:
    return ApiKeyPage.of(await api_keys.list_api_keys(ctx, page, include_revoked), ApiKeyOut)


@router.delete("/{key_id}", response_model=ApiKeyOut, responses=problem_responses(401, 403, 404))
async def revoke_api_key(key_id: uuid.UUID, _admin: AdminDep, ctx: ContextDep) -> ApiKeyOut:
    """Revokes the key at once; calls made with it are refused from now on."""
    return ApiKeyOut.model_validate(await api_keys.revoke_api_key(ctx, key_id))
