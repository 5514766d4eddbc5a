"""Passwords (argon2 via pwdlib, hashed off the event loop), access JWTs and opaque secrets."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from jose import JWTError, jwt
from jose.exceptions import JWKError
from pwdlib import PasswordHash

from tend.core.errors import Unauthenticated

JWT_ALGORITHM = "HS256"
ACCESS_TOKEN_TYPE = "access"
API_KEY_PREFIX = "tend_"

_password_hash = PasswordHash.recommended()
# Verified against when the e-mail is unknown, so a miss costs the same time as a wrong password.
_DUMMY_HASH = _password_hash.hash("tend-dummy-password-for-timing")


async def hash_password(password: str) -> str:
    return await asyncio.to_thread(_password_hash.hash, password)


async def verify_password(password: str, password_hash: str | None) -> bool:
    if password_hash is None:
        await asyncio.to_thread(_password_hash.verify, password, _DUMMY_HASH)
        return False
    return await asyncio.to_thread(_password_hash.verify, password, password_hash)


def sha256_hex(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def new_refresh_token() -> str:
    return secrets.token_urlsafe(32)


def successor_refresh_token(secret: str, token: str) -> str:
    """The token that replaces `token` when it is rotated: derived with the server secret, so a request
    that arrives with `token` moments after it was rotated can be given the same successor (not stored in
    clear anywhere), and nobody without the secret can compute it."""
    digest = hmac.new(secret.encode(), f"refresh|{token}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def new_api_key() -> str:
    return API_KEY_PREFIX + secrets.token_urlsafe(32)


def constant_time_equal(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


@dataclass(frozen=True)
class JwtConfig:
    secret: str
    issuer: str
    audience: str
    access_ttl: timedelta


@dataclass(frozen=True)
class AccessClaims:
    user_id: uuid.UUID
    session_version: int
    family_id: uuid.UUID | None = None


def issue_access_token(
    config: JwtConfig,
    user_id: uuid.UUID,
    now: datetime,
    session_version: int = 0,
    family_id: uuid.UUID | None = None,
) -> str:
    """`family_id` names the sign-in the token belongs to (its refresh-token family), so signing out or a
    detected token theft ends the access tokens of that sign-in too, not only its refresh tokens."""
    claims: dict[str, object] = {
        "sub": str(user_id),
        "iat": int(now.timestamp()),
        "exp": int((now + config.access_ttl).timestamp()),
        "iss": config.issuer,
        "aud": config.audience,
        "typ": ACCESS_TOKEN_TYPE,
        "ver": session_version,
        "jti": secrets.token_hex(8),
    }
    if family_id is not None:
        claims["sid"] = str(family_id)
    return jwt.encode(claims, config.secret, algorithm=JWT_ALGORITHM)


def decode_access_token(config: JwtConfig, token: str, now: datetime) -> AccessClaims:
    """Checks signature (HS256 only), exp, iat, iss, aud and typ; any failure is a 401."""
    try:
        header = jwt.get_unverified_header(token)
        if header.get("alg") != JWT_ALGORITHM:
            raise Unauthenticated("Invalid access token.")
        claims = jwt.decode(
            token,
            config.secret,
            algorithms=[JWT_ALGORITHM],
            audience=config.audience,
            issuer=config.issuer,
            options={
                # exp is required below and checked against the injected clock (frozen in tests); jose
                # would check a required exp against the wall clock.
                "require_exp": False,
                "require_iat": True,
                "require_aud": True,
                "require_iss": True,
                "require_sub": True,
                "verify_exp": False,
            },
        )
    except (JWTError, JWKError) as exc:
        raise Unauthenticated("Invalid access token.") from exc
    if claims.get("typ") != ACCESS_TOKEN_TYPE:
        raise Unauthenticated("Invalid access token.")
    exp, iat = claims.get("exp"), claims.get("iat")
    if not isinstance(exp, int) or not isinstance(iat, int):
        raise Unauthenticated("Invalid access token.")
    if now.timestamp() >= exp:
        raise Unauthenticated("Access token expired.")
    if iat > now.timestamp() + 60:
        raise Unauthenticated("Invalid access token.")
    try:
        user_id = uuid.UUID(str(claims["sub"]))
    except ValueError as exc:
        raise Unauthenticated("Invalid access token.") from exc
    version = claims.get("ver")
    if not isinstance(version, int) or isinstance(version, bool):
        raise Unauthenticated("Invalid access token.")
    family = claims.get("sid")
    try:
        family_id = uuid.UUID(family) if isinstance(family, str) else None
    except ValueError as exc:
        raise Unauthenticated("Invalid access token.") from exc
    if family is not None and family_id is None:
        raise Unauthenticated("Invalid access token.")
    return AccessClaims(user_id=user_id, session_version=version, family_id=family_id)
