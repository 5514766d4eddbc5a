"""Sign-in endpoints: login, refresh (rotating httpOnly cookie), logout, me."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Cookie, Request, Response, status
from pydantic import Field

from tend.api.deps import AnonymousContextDep, ContextDep, SettingsDep, UserOnlyDep, auth_policy
from tend.api.errors import problem_responses
from tend.api.schemas import InputModel, OutputModel
from tend.core.enums import Locale, Role
from tend.domain import auth
from tend.domain.practice import users
from tend.settings import Settings

router = APIRouter(prefix="/auth", tags=["auth"])
REFRESH_COOKIE = "tend_refresh"
COOKIE_PATH = "/api/v1/auth"


class LoginIn(InputModel):
    # Any string: sign-in must not depend on how strictly an address was validated when it was created.
    email: str = Field(min_length=3, max_length=320)
    password: str = Field(min_length=1, max_length=1024)


class PasswordChangeIn(InputModel):
    current_password: str = Field(min_length=1, max_length=1024)
    new_password: str = Field(min_length=10, max_length=1024)


class UserOut(OutputModel):
    id: uuid.UUID
    email: str
    name: str
    role: Role
    active: bool
    practitioner_id: uuid.UUID | None
    locale: Locale | None


class TokenOut(OutputModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int = Field(description="Seconds until the access token expires.")
    user: UserOut


def _set_refresh_cookie(response: Response, settings: Settings, token: str) -> None:
    response.set_cookie(
        REFRESH_COOKIE,
        token,
        max_age=settings.refresh_token_days * 86400,
        path=COOKIE_PATH,
        httponly=True,
        secure=settings.cookie_secure,
        samesite="strict",
    )


def _token_out(response: Response, settings: Settings, signed_in: auth.SignedIn) -> TokenOut:
    _set_refresh_cookie(response, settings, signed_in.refresh_token)
    response.headers["Cache-Control"] = "no-store"
    return TokenOut(
        access_token=signed_in.access_token,
        expires_in=signed_in.expires_in,
        user=UserOut.model_validate(signed_in.user),
    )


@router.post("/login", response_model=TokenOut, responses=problem_responses(401, 422, 429))
async def login(
    body: LoginIn, request: Request, response: Response, ctx: AnonymousContextDep, settings: SettingsDep
) -> TokenOut:
    client_ip = request.client.host if request.client else "unknown"
    signed_in = await auth.login(ctx, auth_policy(settings), body.email, body.password, client_ip)
    return _token_out(response, settings, signed_in)


@router.post("/refresh", response_model=TokenOut, responses=problem_responses(401))
async def refresh(
    response: Response,
    ctx: AnonymousContextDep,
    settings: SettingsDep,
    tend_refresh: Annotated[str | None, Cookie(max_length=512)] = None,
) -> TokenOut:
    signed_in = await auth.refresh(ctx, auth_policy(settings), tend_refresh)
    return _token_out(response, settings, signed_in)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(
    request: Request,
    ctx: AnonymousContextDep,
    settings: SettingsDep,
    tend_refresh: Annotated[str | None, Cookie(max_length=512)] = None,
) -> Response:
    """Ends this sign-in: its refresh cookie and its access tokens (found by the cookie or by the bearer
    access token)."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    bearer = token.strip() if scheme.lower() == "bearer" and len(token) <= 4096 else None
    await auth.logout(ctx, auth_policy(settings), tend_refresh, bearer)
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    response.delete_cookie(
        REFRESH_COOKIE, path=COOKIE_PATH, httponly=True, secure=settings.cookie_secure, samesite="strict"
    )
    return response


@router.get("/me", response_model=UserOut, responses=problem_responses(401, 403))
async def me(actor: UserOnlyDep, ctx: ContextDep) -> UserOut:
    assert actor.user_id is not None
    return UserOut.model_validate(await users.get_user(ctx, actor.user_id))


@router.post(
    "/password", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(401, 403, 422, 429)
)
async def change_password(
    body: PasswordChangeIn, actor: UserOnlyDep, ctx: ContextDep, settings: SettingsDep
) -> Response:
    """Changes your own password. Every session (yours included) ends: sign in again."""
    assert actor.user_id is not None
    await auth.change_own_password(
        ctx, auth_policy(settings), actor.user_id, body.current_password, body.new_password
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)
