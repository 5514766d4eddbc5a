"""Access tokens: every way a token can be wrong is a 401."""

from __future__ import annotations

import base64
import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from jose import jwt

from tend.core.errors import Unauthenticated
from tend.domain.security import JwtConfig, decode_access_token, issue_access_token

CONFIG = JwtConfig(secret="s" * 40, issuer="tend", audience="tend-api", access_ttl=timedelta(minutes=15))
NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)
USER = uuid.uuid4()


def _claims(**overrides: object) -> dict[str, object]:
    claims: dict[str, object] = {
        "sub": str(USER),
        "iat": int(NOW.timestamp()),
        "exp": int((NOW + timedelta(minutes=15)).timestamp()),
        "iss": "tend",
        "aud": "tend-api",
        "typ": "access",
        "ver": 0,
    }
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


def _b64(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


def test_valid_token_round_trips() -> None:
    token = issue_access_token(CONFIG, USER, NOW)
    assert decode_access_token(CONFIG, token, NOW + timedelta(minutes=14)).user_id == USER


def test_token_expires_after_fifteen_minutes() -> None:
    token = issue_access_token(CONFIG, USER, NOW)
    with pytest.raises(Unauthenticated, match="expired"):
        decode_access_token(CONFIG, token, NOW + timedelta(minutes=15))


@pytest.mark.parametrize(
    "overrides",
    [
        {"aud": "someone-else"},
        {"iss": "evil"},
        {"typ": "refresh"},
        {"exp": None},
        {"iat": None},
        {"aud": None},
        {"iss": None},
        {"sub": None},
        {"sub": "not-a-uuid"},
    ],
    ids=[
        "wrong-audience",
        "wrong-issuer",
        "wrong-type",
        "no-exp",
        "no-iat",
        "no-aud",
        "no-iss",
        "no-sub",
        "bad-sub",
    ],
)
def test_wrong_or_missing_claims_are_refused(overrides: dict[str, object]) -> None:
    token = jwt.encode(_claims(**overrides), CONFIG.secret, algorithm="HS256")
    with pytest.raises(Unauthenticated):
        decode_access_token(CONFIG, token, NOW)


def test_alg_none_is_refused() -> None:
    token = f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(_claims())}."
    with pytest.raises(Unauthenticated):
        decode_access_token(CONFIG, token, NOW)


def test_other_hmac_algorithm_is_refused() -> None:
    token = jwt.encode(_claims(), CONFIG.secret, algorithm="HS512")
    with pytest.raises(Unauthenticated):
        decode_access_token(CONFIG, token, NOW)


def test_tampered_payload_is_refused() -> None:
    header, _payload, signature = issue_access_token(CONFIG, USER, NOW).split(".")
    forged = _b64(_claims(sub=str(uuid.uuid4())))
    with pytest.raises(Unauthenticated):
        decode_access_token(CONFIG, f"{header}.{forged}.{signature}", NOW)


def test_token_signed_with_another_secret_is_refused() -> None:
    token = jwt.encode(_claims(), "another-secret-" * 3, algorithm="HS256")
    with pytest.raises(Unauthenticated):
        decode_access_token(CONFIG, token, NOW)


@pytest.mark.parametrize("garbage", ["", "abc", "a.b.c", "e30.e30.", "...."])
def test_garbage_is_refused(garbage: str) -> None:
    with pytest.raises(Unauthenticated):
        decode_access_token(CONFIG, garbage, NOW)


def test_token_issued_in_the_future_is_refused() -> None:
    token = issue_access_token(CONFIG, USER, NOW + timedelta(hours=1))
    with pytest.raises(Unauthenticated):
        decode_access_token(CONFIG, token, NOW)
