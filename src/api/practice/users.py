"""Staff users (admin): invite, change role or practitioner link, deactivate, reset a password."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, Response, status
from pydantic import EmailStr, Field

from tend.api.auth import UserOut
from tend.api.deps import AdminDep, ContextDep, PageDep
from tend.api.errors import READ_ERRORS, WRITE_ERRORS, problem_responses
from tend.api.schemas import CleanName, InputModel, PageOut, PatchModel
from tend.core.enums import Locale, Role
from tend.domain.practice import users

router = APIRouter(prefix="/users", tags=["users"])
Name = Annotated[str, Field(min_length=1, max_length=200), CleanName]


class StaffUserCreate(InputModel):
    email: EmailStr = Field(max_length=320)
    name: Name
    role: Role
    password: str = Field(
        min_length=10, max_length=1024, description="First password; tell it to the person."
    )
    practitioner_id: uuid.UUID | None = Field(default=None, description="Required for clinicians.")
    locale: Locale | None = None


class StaffUserUpdate(PatchModel):
    not_null = frozenset({"name", "role", "active"})

    name: Name | None = None
    role: Role | None = None
    practitioner_id: uuid.UUID | None = None
    active: bool | None = Field(default=None, description="false ends the user's sessions at once.")
    locale: Locale | None = None


class PasswordResetIn(InputModel):
    new_password: str = Field(min_length=10, max_length=1024)


class StaffUserOut(UserOut):
    created_at: datetime
    updated_at: datetime


class StaffUserPage(PageOut[StaffUserOut]):
    pass


@router.get("", responses=problem_responses(401, 403))
async def list_users(
    _admin: AdminDep, ctx: ContextDep, page: PageDep, include_inactive: Annotated[bool, Query()] = False
) -> StaffUserPage:
    return StaffUserPage.of(await users.list_users(ctx, page, include_inactive), StaffUserOut)


@router.post("", status_code=201, responses=problem_responses(401, 403, 409, 422))
async def create_user(body: StaffUserCreate, _admin: AdminDep, ctx: ContextDep) -> StaffUserOut:
    """Creates the account and e-mails the person where to sign in (never the password)."""
    return StaffUserOut.model_validate(await users.invite_user(ctx, users.UserInvite(**body.model_dump())))


@router.get("/{user_id}", responses=READ_ERRORS)
async def get_user(user_id: uuid.UUID, _admin: AdminDep, ctx: ContextDep) -> StaffUserOut:
    return StaffUserOut.model_validate(await users.get_user(ctx, user_id))


@router.patch("/{user_id}", responses=WRITE_ERRORS)
async def update_user(
    user_id: uuid.UUID, body: StaffUserUpdate, _admin: AdminDep, ctx: ContextDep
) -> StaffUserOut:
    changes = users.UserChanges(**body.changes())
    return StaffUserOut.model_validate(await users.update_user(ctx, user_id, changes))


@router.post(
    "/{user_id}/password",
    status_code=204,
    response_class=Response,
    responses=problem_responses(401, 403, 404, 422),
)
async def reset_password(
    user_id: uuid.UUID, body: PasswordResetIn, _admin: AdminDep, ctx: ContextDep
) -> Response:
    """Sets a new password; the user's sessions end."""
    await users.reset_password(ctx, user_id, body.new_password)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
