"""Login, refresh rotation, reuse detection, logout, throttling and session revocation over HTTP."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from tend.core.clock import FrozenClock
from tend.domain.practice import users
from tend.persistence.tables.access import User
from tend.persistence.tables.audit import AuditEvent
from tests.harness import TEST_PASSWORD

LOGIN = "/api/v1/auth/login"
REFRESH = "/api/v1/auth/refresh"


def _use_refresh_cookie(client: httpx.AsyncClient, token: str) -> None:
    client.cookies.clear()
    client.cookies.set("tend_refresh", token)


async def _login(client: httpx.AsyncClient, email: str, password: str = TEST_PASSWORD) -> httpx.Response:
    return await client.post(LOGIN, json={"email": email, "password": password})


async def test_login_returns_access_token_and_sets_httponly_refresh_cookie(
    client: httpx.AsyncClient, make_user: Callable[..., Awaitable[User]]
) -> None:
    user = await make_user("front_desk", email="Desk@Example.test", name="Desk Person")
    response = await _login(client, "desk@example.TEST")
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 900
    assert body["user"] == {
        "id": str(user.id),
        "email": "Desk@Example.test",
        "name": "Desk Person",
        "role": "front_desk",
        "active": True,
        "practitioner_id": None,
        "locale": None,
    }
    cookie = response.headers["set-cookie"]
    assert "tend_refresh=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "Path=/api/v1/auth" in cookie
    me = await client.get("/api/v1/auth/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.status_code == 200
    assert me.json()["id"] == str(user.id)


async def test_wrong_password_and_unknown_email_get_the_same_401(
    client: httpx.AsyncClient, make_user: Callable[..., Awaitable[User]]
) -> None:
    await make_user(email="known@example.test")
    wrong = await _login(client, "known@example.test", "not-the-password")
    unknown = await _login(client, "nobody@example.test")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.headers["content-type"] == "application/problem+json"
    assert wrong.json()["detail"] == unknown.json()["detail"]
    assert "set-cookie" not in wrong.headers


async def test_failed_login_is_audited(
    client: httpx.AsyncClient, make_user: Callable[..., Awaitable[User]], sessions: Any
) -> None:
    user = await make_user(email="audited@example.test")
    await _login(client, "audited@example.test", "wrong-password")
    await _login(client, "audited@example.test")
    async with sessions() as session:
        actions = (
            await session.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.object_id == str(user.id), AuditEvent.action.like("auth.%"))
                .order_by(AuditEvent.action)
            )
        ).all()
    assert actions == ["auth.login", "auth.login_failed"]


async def test_repeated_failures_are_throttled_per_account_and_ip(
    client: httpx.AsyncClient, make_user: Callable[..., Awaitable[User]], clock: FrozenClock
) -> None:
    await make_user(email="target@example.test")
    for _ in range(5):
        assert (await _login(client, "target@example.test", "guess-guess")).status_code == 401
    throttled = await _login(client, "target@example.test")  # even the right password waits
    assert throttled.status_code == 429
    assert int(throttled.headers["retry-after"]) > 0
    assert "minute" in throttled.json()["detail"]
    other_account = await _login(client, "someone-else@example.test", "x")
    assert other_account.status_code == 401
    clock.advance(timedelta(minutes=16))
    assert (await _login(client, "target@example.test")).status_code == 200


async def test_inactive_user_cannot_log_in(
    client: httpx.AsyncClient, make_user: Callable[..., Awaitable[User]], system_ctx: Any
) -> None:
    user = await make_user(email="gone@example.test")
    async with system_ctx() as ctx:
        await users.deactivate_user(ctx, user.id)
    assert (await _login(client, "gone@example.test")).status_code == 401


async def test_refresh_rotates_the_cookie_and_old_one_is_single_use(
    client: httpx.AsyncClient, make_user: Callable[..., Awaitable[User]], clock: FrozenClock
) -> None:
    await make_user(email="rotate@example.test")
    first = await _login(client, "rotate@example.test")
    old_cookie = first.cookies["tend_refresh"]
    refreshed = await client.post(REFRESH)
    assert refreshed.status_code == 200
    new_cookie = refreshed.cookies["tend_refresh"]
    assert new_cookie != old_cookie
    assert refreshed.json()["access_token"]

    # The rotated-away token comes back after the grace window: reuse is detected and the family ends.
    clock.advance(timedelta(seconds=21))
    _use_refresh_cookie(client, old_cookie)
    reuse = await client.post(REFRESH)
    assert reuse.status_code == 401
    _use_refresh_cookie(client, new_cookie)
    after_reuse = await client.post(REFRESH)
    assert after_reuse.status_code == 401
    # The access tokens of that sign-in end with it (the thief's copy too), not 15 minutes later.
    for issued in (first, refreshed):
        stolen = {"Authorization": f"Bearer {issued.json()['access_token']}"}
        assert (await client.get("/api/v1/auth/me", headers=stolen)).status_code == 401


async def test_parallel_refreshes_with_one_cookie_share_one_successor_and_keep_the_session(
    client: httpx.AsyncClient, make_user: Callable[..., Awaitable[User]], clock: FrozenClock
) -> None:
    await make_user(email="tabs@example.test")
    await _login(client, "tabs@example.test")
    cookie = client.cookies["tend_refresh"]

    async def refresh_with(value: str) -> httpx.Response:
        # One browser tab each: its own cookie jar holding the same cookie.
        async with httpx.AsyncClient(transport=client._transport, base_url="http://testserver") as tab:
            tab.cookies.set("tend_refresh", value, path="/api/v1/auth")
            return await tab.post(REFRESH)

    responses = await asyncio.gather(*[refresh_with(cookie) for _ in range(8)])
    assert [r.status_code for r in responses] == [200] * 8
    successors = {r.cookies["tend_refresh"] for r in responses}
    assert len(successors) == 1 and cookie not in successors
    # The successor works: the session survived the burst.
    clock.advance(timedelta(seconds=5))
    assert (await refresh_with(successors.pop())).status_code == 200


async def test_refresh_without_cookie_or_with_garbage_is_401(client: httpx.AsyncClient) -> None:
    assert (await client.post(REFRESH)).status_code == 401
    _use_refresh_cookie(client, "garbage")
    assert (await client.post(REFRESH)).status_code == 401


async def test_refresh_token_expires(
    client: httpx.AsyncClient, make_user: Callable[..., Awaitable[User]], clock: FrozenClock
) -> None:
    await make_user(email="expire@example.test")
    await _login(client, "expire@example.test")
    clock.advance(timedelta(days=15))
    assert (await client.post(REFRESH)).status_code == 401


async def test_logout_revokes_the_refresh_token_and_clears_the_cookie(
    client: httpx.AsyncClient, make_user: Callable[..., Awaitable[User]]
) -> None:
    await make_user(email="bye@example.test")
    signed_in = await _login(client, "bye@example.test")
    elsewhere = await _login(client, "bye@example.test")  # another tab or device, its own sign-in
    _use_refresh_cookie(client, signed_in.cookies["tend_refresh"])
    token = client.cookies["tend_refresh"]
    access = {"Authorization": f"Bearer {signed_in.json()['access_token']}"}
    assert (await client.get("/api/v1/auth/me", headers=access)).status_code == 200
    response = await client.post("/api/v1/auth/logout")
    assert response.status_code == 204
    assert (
        'tend_refresh=""' in response.headers["set-cookie"] or "Max-Age=0" in response.headers["set-cookie"]
    )
    _use_refresh_cookie(client, token)
    assert (await client.post(REFRESH)).status_code == 401
    # Signing out ends that sign-in's access token at once; the other sign-in goes on.
    assert (await client.get("/api/v1/auth/me", headers=access)).status_code == 401
    other = {"Authorization": f"Bearer {elsewhere.json()['access_token']}"}
    assert (await client.get("/api/v1/auth/me", headers=other)).status_code == 200
    # A client without the cookie signs out with its bearer token.
    client.cookies.clear()
    assert (await client.post("/api/v1/auth/logout", headers=other)).status_code == 204
    assert (await client.get("/api/v1/auth/me", headers=other)).status_code == 401
    garbage = {"Authorization": "Bearer not-a-token"}
    assert (await client.post("/api/v1/auth/logout", headers=garbage)).status_code == 204


async def test_password_change_ends_every_session_including_access_tokens(
    client: httpx.AsyncClient, make_user: Callable[..., Awaitable[User]], clock: FrozenClock
) -> None:
    await make_user(email="change@example.test")
    login = await _login(client, "change@example.test")
    access = {"Authorization": f"Bearer {login.json()['access_token']}"}
    refresh_cookie = client.cookies["tend_refresh"]
    clock.advance(timedelta(seconds=5))

    wrong = await client.post(
        "/api/v1/auth/password",
        headers=access,
        json={"current_password": "nope-nope-nope", "new_password": "a-new-password-1"},
    )
    assert wrong.status_code == 422
    assert wrong.json()["errors"][0]["field"] == "current_password"

    changed = await client.post(
        "/api/v1/auth/password",
        headers=access,
        json={"current_password": TEST_PASSWORD, "new_password": "a-new-password-1"},
    )
    assert changed.status_code == 204
    clock.advance(timedelta(seconds=5))
    assert (await client.get("/api/v1/auth/me", headers=access)).status_code == 401
    _use_refresh_cookie(client, refresh_cookie)
    assert (await client.post(REFRESH)).status_code == 401
    assert (await _login(client, "change@example.test", "a-new-password-1")).status_code == 200


async def test_deactivation_ends_sessions(
    client: httpx.AsyncClient, make_user: Callable[..., Awaitable[User]], system_ctx: Any, clock: FrozenClock
) -> None:
    user = await make_user(email="leaver@example.test")
    login = await _login(client, "leaver@example.test")
    access = {"Authorization": f"Bearer {login.json()['access_token']}"}
    async with system_ctx() as ctx:
        await users.deactivate_user(ctx, user.id)
    assert (await client.get("/api/v1/auth/me", headers=access)).status_code == 401
    assert (await client.post(REFRESH)).status_code == 401


async def test_expired_access_token_is_401(client_as: Any, clock: FrozenClock) -> None:
    http = await client_as("admin")
    assert (await http.get("/api/v1/auth/me")).status_code == 200
    clock.advance(timedelta(minutes=15))
    expired = await http.get("/api/v1/auth/me")
    assert expired.status_code == 401
    assert expired.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("header", ["", "Bearer", "Bearer ", "Basic abc", "Token xyz", "Bearer not.a.jwt"])
async def test_missing_or_malformed_authorization_is_401(client: httpx.AsyncClient, header: str) -> None:
    response = await client.get("/api/v1/auth/me", headers={"Authorization": header} if header else {})
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
