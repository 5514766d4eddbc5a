"""Signing in and out: password login with throttling, rotating refresh tokens, access JWTs, API keys."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from tend.core.enums import ApiKeyScope, Role
from tend.core.errors import TooManyAttempts, Unauthenticated
from tend.domain import audit
from tend.domain.context import Actor, Context
from tend.domain.security import (
    JwtConfig,
    decode_access_token,
    issue_access_token,
    new_refresh_token,
    sha256_hex,
    verify_password,
)
from tend.persistence.repositories.access import (
    ApiKeyRepository,
    LoginFailureRepository,
    RefreshTokenRepository,
    UserRepository,
)
from tend.persistence.tables.access import RefreshToken, User

API_KEY_TOUCH_INTERVAL = timedelta(minutes=1)


@dataclass(frozen=True)
class AuthPolicy:
    jwt: JwtConfig
    refresh_ttl: timedelta
    max_failures: int
    failure_window: timedelta


@dataclass(frozen=True)
class SignedIn:
    user: User
    access_token: str
    expires_in: int
    refresh_token: str


class BadCredentials(Unauthenticated):
    keep_changes = True  # the failed attempt itself must be remembered for throttling


class RefreshRefused(Unauthenticated):
    keep_changes = True  # a detected reuse revokes the whole family, and that must stick


def _throttle_key(email: str, client_ip: str) -> str:
    return sha256_hex(f"login|{email.strip().lower()}|{client_ip}")


async def _issue(ctx: Context, policy: AuthPolicy, user: User, family_id: uuid.UUID) -> SignedIn:
    now = ctx.clock.now()
    refresh = new_refresh_token()
    await RefreshTokenRepository(ctx.session).add(
        RefreshToken(
            user_id=user.id,
            family_id=family_id,
            token_hash=sha256_hex(refresh),
            issued_at=now,
            expires_at=now + policy.refresh_ttl,
        )
    )
    return SignedIn(
        user=user,
        access_token=issue_access_token(policy.jwt, user.id, now, user.session_version),
        expires_in=int(policy.jwt.access_ttl.total_seconds()),
        refresh_token=refresh,
    )


async def login(ctx: Context, policy: AuthPolicy, email: str, password: str, client_ip: str) -> SignedIn:
    now = ctx.clock.now()
    failures = LoginFailureRepository(ctx.session)
    key = _throttle_key(email, client_ip)
    recent = await failures.recent(key, now - policy.failure_window)
    if len(recent) >= policy.max_failures:
        retry_after = recent[-policy.max_failures] + policy.failure_window - now
        raise TooManyAttempts(max(1, int(retry_after.total_seconds())))

    user = await UserRepository(ctx.session).get_by_email(email)
    usable = user is not None and user.active
    password_ok = await verify_password(password, user.password_hash if usable and user else None)
    if not (usable and password_ok) or user is None:
        await failures.add(key, now)
        audit.record(ctx, "auth.login_failed", object_type="user", object_id=user.id if user else None)
        raise BadCredentials("The e-mail or password is not correct.")

    await failures.clear(key)
    signed_in = await _issue(ctx, policy, user, family_id=uuid.uuid4())
    audit.record(
        Context(ctx.session, ctx.clock, Actor(role=user.role, user_id=user.id), ctx.request_id),
        "auth.login",
        object_type="user",
        object_id=user.id,
    )
    return signed_in


async def refresh(ctx: Context, policy: AuthPolicy, refresh_token: str | None) -> SignedIn:
    if not refresh_token:
        raise Unauthenticated("No session: sign in again.")
    now = ctx.clock.now()
    tokens = RefreshTokenRepository(ctx.session)
    stored = await tokens.get_by_hash(sha256_hex(refresh_token))
    if stored is None:
        raise Unauthenticated("Session not recognised: sign in again.")
    if stored.used_at is not None and stored.revoked_at is None:
        # A rotated token came back: someone kept a copy. End every session descended from the login.
        await tokens.revoke_family(stored.family_id, now, "reuse_detected")
        audit.record(ctx, "auth.refresh_reuse_detected", object_type="user", object_id=stored.user_id)
        raise RefreshRefused("This session was already renewed elsewhere and has been ended: sign in again.")
    if stored.revoked_at is not None or stored.used_at is not None:
        raise Unauthenticated("Session ended: sign in again.")
    if stored.expires_at <= now:
        raise Unauthenticated("Session expired: sign in again.")
    user = await UserRepository(ctx.session).get(stored.user_id)
    if user is None or not user.active:
        await tokens.revoke_family(stored.family_id, now, "user_inactive")
        raise RefreshRefused("Session ended: sign in again.")
    stored.used_at = now
    return await _issue(ctx, policy, user, family_id=stored.family_id)


async def logout(ctx: Context, refresh_token: str | None) -> None:
    if not refresh_token:
        return
    tokens = RefreshTokenRepository(ctx.session)
    stored = await tokens.get_by_hash(sha256_hex(refresh_token))
    if stored is not None:
        await tokens.revoke_family(stored.family_id, ctx.clock.now(), "logout")
        audit.record(ctx, "auth.logout", object_type="user", object_id=stored.user_id)


async def authenticate_access_token(ctx: Context, policy: AuthPolicy, token: str) -> User:
    claims = decode_access_token(policy.jwt, token, ctx.clock.now())
    user = await UserRepository(ctx.session).get(claims.user_id)
    if user is None or not user.active:
        raise Unauthenticated("Invalid access token.")
    if claims.session_version != user.session_version:
        raise Unauthenticated("Session ended: sign in again.")
    return user


async def authenticate_api_key(ctx: Context, raw_key: str) -> Actor:
    key = await ApiKeyRepository(ctx.session).get_by_hash(sha256_hex(raw_key))
    if key is None or key.revoked_at is not None:
        raise Unauthenticated("Invalid API key.")
    now = ctx.clock.now()
    if key.last_used_at is None or now - key.last_used_at >= API_KEY_TOUCH_INTERVAL:
        key.last_used_at = now
    return Actor(
        role=Role.front_desk,
        api_key_id=key.id,
        scopes=frozenset(ApiKeyScope(scope) for scope in key.scopes),
    )
