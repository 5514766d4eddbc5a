"""Dependencies every router shares: the request transaction, the clock, the caller, role checks."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from datetime import timedelta
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from sqlalchemy.ext.asyncio import AsyncSession

from tend.api.request_context import current_request_id
from tend.core.actor import Actor
from tend.core.clock import Clock
from tend.core.enums import ApiKeyScope, Role
from tend.core.errors import DomainError, Forbidden, Unauthenticated
from tend.core.pages import PageRequest
from tend.domain import auth
from tend.domain.context import Context
from tend.domain.platform.jobs import OUTBOX_SESSION_KEY
from tend.domain.security import API_KEY_PREFIX, JwtConfig
from tend.settings import Settings

log = logging.getLogger(__name__)
MAX_PAGE_SIZE = 200
READ_METHODS = {"GET", "HEAD", "OPTIONS"}


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_clock(request: Request) -> Clock:
    clock: Clock = request.app.state.clock
    return clock


def auth_policy(settings: Settings) -> auth.AuthPolicy:
    return auth.AuthPolicy(
        jwt=JwtConfig(
            secret=settings.secret_key.get_secret_value(),
            issuer=settings.jwt_issuer,
            audience=settings.jwt_audience,
            access_ttl=timedelta(minutes=settings.access_token_minutes),
        ),
        refresh_ttl=timedelta(days=settings.refresh_token_days),
        max_failures=settings.login_max_failures,
        failure_window=timedelta(minutes=settings.login_failure_window_minutes),
        max_account_failures=settings.login_max_account_failures,
        refresh_grace=timedelta(seconds=settings.refresh_grace_seconds),
    )


async def _dispatch_outbox(request: Request, session: AsyncSession) -> None:
    ids = session.info.pop(OUTBOX_SESSION_KEY, [])
    if not ids:
        return
    try:
        await request.app.state.dispatcher.dispatch(ids)
    except Exception:
        # Committed rows stay pending; the periodic sweep sends them.
        log.exception("outbox dispatch failed; the sweep will retry")


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One transaction per request, committed once here; rolled back on any error."""
    async with request.app.state.sessions() as session:
        try:
            yield session
        except DomainError as exc:
            if exc.keep_changes:
                await session.commit()
                await _dispatch_outbox(request, session)
            else:
                await session.rollback()
            raise
        except BaseException:
            await session.rollback()
            raise
        else:
            await session.commit()
            await _dispatch_outbox(request, session)


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]
ClockDep = Annotated[Clock, Depends(get_clock)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


def _bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated("Sign in, or send an API key as `Authorization: Bearer tend_...`.")
    return token.strip()


async def get_actor(request: Request, session: SessionDep, clock: ClockDep, settings: SettingsDep) -> Actor:
    token = _bearer(request)
    # Until the token says who is calling, the request is the public's: it may look up the token, no more.
    ctx = Context(session, clock, Actor.public(), current_request_id())
    if token.startswith(API_KEY_PREFIX):
        actor = await auth.authenticate_api_key(ctx, token)
        needed = ApiKeyScope.read if request.method in READ_METHODS else ApiKeyScope.write
        if needed not in actor.scopes:
            raise Forbidden(f"This API key lacks the `{needed.value}` scope.")
        return actor
    user = await auth.authenticate_access_token(ctx, auth_policy(settings), token)
    return Actor(role=user.role, user_id=user.id, practitioner_id=user.practitioner_id)


ActorDep = Annotated[Actor, Depends(get_actor)]


def require_roles(*roles: Role, allow_api_keys: bool = True) -> Callable[..., Any]:
    allowed = set(roles)

    async def check(actor: ActorDep) -> Actor:
        if actor.is_api_key and not allow_api_keys:
            raise Forbidden("API keys cannot use this endpoint; sign in as a staff user.")
        if actor.role not in allowed:
            raise Forbidden("Your role does not allow this.")
        return actor

    return check


AdminDep = Annotated[Actor, Depends(require_roles(Role.admin, allow_api_keys=False))]
StaffDep = Annotated[Actor, Depends(require_roles(Role.admin, Role.front_desk, Role.clinician))]
UserOnlyDep = Annotated[
    Actor, Depends(require_roles(Role.admin, Role.front_desk, Role.clinician, allow_api_keys=False))
]


def get_context(session: SessionDep, clock: ClockDep, actor: ActorDep) -> Context:
    return Context(session=session, clock=clock, actor=actor, request_id=current_request_id())


ContextDep = Annotated[Context, Depends(get_context)]


def anonymous_context(session: SessionDep, clock: ClockDep) -> Context:
    """Routes without a signed-in caller (sign-in, public links) act as the public, who can read nothing
    unless the route grants exactly what its token names."""
    return Context(session=session, clock=clock, actor=Actor.public(), request_id=current_request_id())


AnonymousContextDep = Annotated[Context, Depends(anonymous_context)]


def page_request(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Page size (max 200).")] = 50,
    cursor: Annotated[
        str | None, Query(max_length=512, description="`next_cursor` of the previous page.")
    ] = None,
) -> PageRequest:
    return PageRequest(limit=limit, cursor=cursor)


PageDep = Annotated[PageRequest, Depends(page_request)]
