"""Signing in and out: password login with throttling, rotating refresh tokens, access JWTs, API keys,
and changing one's own password (throttled like a login)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from tend.core.enums import ApiKeyScope, Role
from tend.core.errors import ErrorCode, Invalid, TooManyAttempts, Unauthenticated
from tend.domain import audit
from tend.domain.context import Actor, Context
from tend.domain.practice import users
from tend.domain.security import (
    JwtConfig,
    decode_access_token,
    issue_access_token,
    new_refresh_token,
    sha256_hex,
    successor_refresh_token,
    verify_password,
)
from tend.persistence.db import end_transaction
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
    max_failures: int  # per e-mail and client address
    failure_window: timedelta
    max_account_failures: int = 20  # per e-mail, from any address
    refresh_grace: timedelta = timedelta(seconds=20)


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


class Throttled(TooManyAttempts):
    keep_changes = True  # the refused attempt is taken back (it must not extend the wait)


class WrongPassword(Invalid):
    keep_changes = True  # counted like a failed login

    def __init__(self) -> None:
        super().__init__(
            "The current password is not correct.", field="current_password", code=ErrorCode.wrong_password
        )


class _Attempts:
    """Counts password attempts under several keys, each with its own limit.

    Each attempt is recorded and committed *before* the password is checked, and the limits are checked
    after: the k-th of n parallel attempts sees at least k records, so no burst gets more than the limit
    through. A success takes its records back; a refused attempt too."""

    def __init__(self, ctx: Context, policy: AuthPolicy, limits: dict[str, int]) -> None:
        self.ctx, self.policy, self.limits = ctx, policy, limits
        self.repository = LoginFailureRepository(ctx.session)
        self.ids: list[uuid.UUID] = []

    async def begin(self) -> None:
        now = self.ctx.clock.now()
        self.ids = [await self.repository.add(key, now) for key in self.limits]
        await end_transaction(self.ctx.session)
        since = now - self.policy.failure_window
        for key, limit in self.limits.items():
            recent: list[datetime] = await self.repository.recent(key, since)
            if len(recent) > limit:
                await self.forget()
                wait = recent[-limit - 1] + self.policy.failure_window - now
                raise Throttled(max(1, int(wait.total_seconds())))

    async def forget(self) -> None:
        await self.repository.remove(self.ids)

    async def succeeded(self) -> None:
        for key in self.limits:
            await self.repository.clear(key)


def _login_attempts(ctx: Context, policy: AuthPolicy, email: str, client_ip: str) -> _Attempts:
    account = email.strip().lower()
    return _Attempts(
        ctx,
        policy,
        {
            sha256_hex(f"login|{account}|{client_ip}"): policy.max_failures,
            sha256_hex(f"login-account|{account}"): policy.max_account_failures,
        },
    )


async def _issue(
    ctx: Context, policy: AuthPolicy, user: User, family_id: uuid.UUID, refresh: str | None = None
) -> SignedIn:
    now = ctx.clock.now()
    refresh = refresh or new_refresh_token()
    await RefreshTokenRepository(ctx.session).add(
        RefreshToken(
            user_id=user.id,
            family_id=family_id,
            token_hash=sha256_hex(refresh),
            issued_at=now,
            expires_at=now + policy.refresh_ttl,
        )
    )
    return _signed_in(policy, user, refresh, now, family_id)


def _signed_in(policy: AuthPolicy, user: User, refresh: str, now: datetime, family_id: uuid.UUID) -> SignedIn:
    return SignedIn(
        user=user,
        access_token=issue_access_token(policy.jwt, user.id, now, user.session_version, family_id),
        expires_in=int(policy.jwt.access_ttl.total_seconds()),
        refresh_token=refresh,
    )


async def login(ctx: Context, policy: AuthPolicy, email: str, password: str, client_ip: str) -> SignedIn:
    attempts = _login_attempts(ctx, policy, email, client_ip)
    await attempts.begin()
    user = await UserRepository(ctx.session).get_by_email(email)
    usable = user is not None and user.active
    stored_hash = user.password_hash if usable and user else None
    # No connection is held while argon2 runs (an unknown e-mail is checked against a dummy hash: the
    # same time as a known one).
    await end_transaction(ctx.session)
    password_ok = await verify_password(password, stored_hash)
    if not (usable and password_ok) or user is None:
        audit.record(ctx, "auth.login_failed", object_type="user", object_id=user.id if user else None)
        raise BadCredentials("The e-mail or password is not correct.")

    await attempts.succeeded()
    signed_in = await _issue(ctx, policy, user, family_id=uuid.uuid4())
    audit.record(
        Context(ctx.session, ctx.clock, Actor(role=user.role, user_id=user.id), ctx.request_id),
        "auth.login",
        object_type="user",
        object_id=user.id,
    )
    return signed_in


async def change_own_password(
    ctx: Context, policy: AuthPolicy, user_id: uuid.UUID, current_password: str, new_password: str
) -> User:
    """Needs the current password; wrong guesses are throttled like logins (a stolen access token must
    not be enough to guess it). Every session ends."""
    new_hash = await users.hash_new_password(new_password)
    attempts = _Attempts(ctx, policy, {sha256_hex(f"password|{user_id}"): policy.max_failures})
    await attempts.begin()
    user = await users.get_user(ctx, user_id)
    stored_hash = user.password_hash
    await end_transaction(ctx.session)
    if not await verify_password(current_password, stored_hash):
        raise WrongPassword()
    await attempts.succeeded()
    return await users.set_password_hash(ctx, user_id, new_hash)


async def refresh(ctx: Context, policy: AuthPolicy, refresh_token: str | None) -> SignedIn:
    if not refresh_token:
        raise Unauthenticated("No session: sign in again.")
    now = ctx.clock.now()
    tokens = RefreshTokenRepository(ctx.session)
    stored = await tokens.get_by_hash(sha256_hex(refresh_token))
    if stored is None:
        raise Unauthenticated("Session not recognised: sign in again.")
    successor = successor_refresh_token(policy.jwt.secret, refresh_token)
    if stored.used_at is not None and stored.revoked_at is None:
        if now - stored.used_at <= policy.refresh_grace:
            # Parallel requests (or tabs) sent the cookie that was just rotated: give them its successor.
            again = await _successor_if_fresh(ctx, policy, successor, now)
            if again is not None:
                return again
        # A rotated token came back later: someone kept a copy. End every session descended from the login.
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
    return await _issue(ctx, policy, user, family_id=stored.family_id, refresh=successor)


async def _successor_if_fresh(
    ctx: Context, policy: AuthPolicy, successor: str, now: datetime
) -> SignedIn | None:
    stored = await RefreshTokenRepository(ctx.session).get_by_hash(sha256_hex(successor))
    if stored is None or stored.revoked_at is not None or stored.used_at is not None:
        return None
    user = await UserRepository(ctx.session).get(stored.user_id)
    if user is None or not user.active:
        return None
    return _signed_in(policy, user, successor, now, stored.family_id)


async def logout(
    ctx: Context, policy: AuthPolicy, refresh_token: str | None, access_token: str | None = None
) -> None:
    """Ends the sign-in the refresh cookie or the access token belongs to (either is enough: a client
    without the cookie signs out with its bearer token). Unknown or invalid credentials end nothing."""
    tokens = RefreshTokenRepository(ctx.session)
    stored = await tokens.get_by_hash(sha256_hex(refresh_token)) if refresh_token else None
    family_id, user_id = (stored.family_id, stored.user_id) if stored is not None else (None, None)
    if family_id is None and access_token:
        try:
            claims = decode_access_token(policy.jwt, access_token, ctx.clock.now())
        except Unauthenticated:
            claims = None
        if claims is not None:
            family_id, user_id = claims.family_id, claims.user_id
    if family_id is not None:
        await tokens.revoke_family(family_id, ctx.clock.now(), "logout")
        audit.record(ctx, "auth.logout", object_type="user", object_id=user_id)


async def authenticate_access_token(ctx: Context, policy: AuthPolicy, token: str) -> User:
    claims = decode_access_token(policy.jwt, token, ctx.clock.now())
    user = await UserRepository(ctx.session).get(claims.user_id)
    if user is None or not user.active:
        raise Unauthenticated("Invalid access token.")
    if claims.session_version != user.session_version:
        raise Unauthenticated("Session ended: sign in again.")
    if claims.family_id is not None and await RefreshTokenRepository(ctx.session).family_revoked(
        claims.family_id
    ):
        raise Unauthenticated("Session ended: sign in again.")  # signed out, or the session was stolen
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


async def prune_sign_in_attempts(ctx: Context) -> None:
    """Sign-in attempts older than a day no longer count toward any throttle."""
    await LoginFailureRepository(ctx.session).prune(ctx.clock.now() - timedelta(days=1))
