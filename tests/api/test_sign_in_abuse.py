"""Sign-in under abuse: hashing never blocks other requests, throttles cannot be dodged with forged or
rotating addresses, password changes and admin resets are not a side door."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest
from asgi_lifespan import LifespanManager

from tend.domain import security
from tend.main import create_app
from tend.persistence.tables.access import User
from tests.harness import TEST_PASSWORD

LOGIN = "/api/v1/auth/login"
LOGINS = 4  # no more than the default thread pool runs at once on a 2-core machine (6)


def _wrong(email: str, **headers: str) -> dict[str, Any]:
    return {"json": {"email": email, "password": "not-the-password"}, "headers": headers}


class _GatedHasher:
    """Stands in for argon2: each verify waits until the test opens the gate, so the test can look at
    the server while every login is in the middle of hashing (no timing involved)."""

    def __init__(self, expected: int) -> None:
        self.gate = threading.Event()
        self.hashing = 0
        self.all_hashing = asyncio.Event()
        self._expected = expected
        self._loop = asyncio.get_running_loop()
        self._lock = threading.Lock()

    def verify(self, password: str, password_hash: str) -> bool:
        with self._lock:
            self.hashing += 1
            if self.hashing == self._expected:
                self._loop.call_soon_threadsafe(self.all_hashing.set)
        self.gate.wait(timeout=60)
        return False


async def test_failed_logins_do_not_stall_other_requests(
    app: Any, client: httpx.AsyncClient, client_as: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    reader = await client_as("front_desk")
    assert (await reader.get("/api/v1/clients?limit=1")).status_code == 200  # warm
    hasher = _GatedHasher(expected=LOGINS)
    monkeypatch.setattr(security, "_password_hash", hasher)
    pool = app.state.engine.sync_engine.pool

    logins = asyncio.ensure_future(
        asyncio.gather(*[client.post(LOGIN, **_wrong(f"nobody{n}@example.test")) for n in range(LOGINS)])
    )
    try:
        async with asyncio.timeout(30):
            await hasher.all_hashing.wait()
        # Every login is hashing now: none of them holds a database connection (the embedded pool has
        # one), and another request is served meanwhile instead of queueing behind the hashing.
        assert pool.checkedout() == 0
        async with asyncio.timeout(30):
            read = await reader.get("/api/v1/clients?limit=1")
        assert read.status_code == 200
        assert not logins.done()
    finally:
        hasher.gate.set()
    results = await logins
    assert [r.status_code for r in results] == [401] * LOGINS


async def test_forged_forwarded_for_does_not_reset_the_login_throttle(
    client: httpx.AsyncClient, make_user: Callable[..., Awaitable[User]]
) -> None:
    await make_user(email="target@example.test")
    for n in range(5):
        response = await client.post(
            LOGIN, **_wrong("target@example.test", **{"X-Forwarded-For": f"203.0.113.{n}"})
        )
        assert response.status_code == 401
    correct = await client.post(
        LOGIN,
        json={"email": "target@example.test", "password": TEST_PASSWORD},
        headers={"X-Forwarded-For": "198.51.100.7"},
    )
    assert correct.status_code == 429
    assert int(correct.headers["Retry-After"]) > 0


async def test_rotating_addresses_hit_the_per_account_throttle(
    app: Any, make_user: Callable[..., Awaitable[User]]
) -> None:
    await make_user(email="spray@example.test")
    limit = app.state.settings.login_max_account_failures

    async def from_address(n: int, body: dict[str, Any]) -> httpx.Response:
        transport = httpx.ASGITransport(app=app, client=(f"10.1.{n // 250}.{n % 250}", 40000))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            return await http.post(LOGIN, json=body)

    for n in range(limit):
        assert (await from_address(n, _wrong("spray@example.test")["json"])).status_code == 401
    right = {"email": "spray@example.test", "password": TEST_PASSWORD}
    assert (await from_address(limit + 1, right)).status_code == 429


@pytest.fixture
async def app_behind_proxy(settings: Any, clock: Any, engine: Any) -> AsyncIterator[Any]:
    application = create_app(
        settings.model_copy(update={"trusted_proxies": ["127.0.0.1"]}), clock, run_sweeper=False
    )
    async with LifespanManager(application):
        yield application


async def test_forwarded_for_is_believed_only_from_a_trusted_proxy(
    app_behind_proxy: Any, make_user: Callable[..., Awaitable[User]]
) -> None:
    await make_user(email="proxied@example.test")
    transport = httpx.ASGITransport(app=app_behind_proxy, client=("127.0.0.1", 5000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        for _ in range(5):
            response = await http.post(
                LOGIN, **_wrong("proxied@example.test", **{"X-Forwarded-For": "192.0.2.1"})
            )
            assert response.status_code == 401
        blocked = await http.post(
            LOGIN,
            json={"email": "proxied@example.test", "password": TEST_PASSWORD},
            headers={"X-Forwarded-For": "192.0.2.1"},
        )
        elsewhere = await http.post(
            LOGIN,
            json={"email": "proxied@example.test", "password": TEST_PASSWORD},
            headers={"X-Forwarded-For": "192.0.2.2"},
        )
    assert blocked.status_code == 429  # the address the proxy reported is the one throttled
    assert elsewhere.status_code == 200


async def test_wrong_current_passwords_are_throttled(client_as: Any) -> None:
    me = await client_as("front_desk")
    for _ in range(5):
        wrong = await me.post(
            "/api/v1/auth/password",
            json={"current_password": "guess-guess", "new_password": "a-new-password-1"},
        )
        assert wrong.status_code == 422
        assert wrong.json()["errors"][0]["code"] == "validation.wrong_password"
    right = await me.post(
        "/api/v1/auth/password", json={"current_password": TEST_PASSWORD, "new_password": "a-new-password-1"}
    )
    assert right.status_code == 429
    assert right.json()["code"] == "too_many_attempts"


async def test_parallel_password_guesses_get_no_more_than_the_limit(client_as: Any) -> None:
    me = await client_as("front_desk")
    guesses = await asyncio.gather(
        *[
            me.post(
                "/api/v1/auth/password",
                json={"current_password": f"guess-{n:04d}", "new_password": "a-new-password-1"},
            )
            for n in range(12)
        ]
    )
    statuses = sorted(r.status_code for r in guesses)
    assert statuses.count(422) <= 5 and statuses.count(429) >= 7, statuses


async def test_admin_cannot_reset_their_own_password_through_the_admin_route(client_as: Any) -> None:
    admin = await client_as("admin")
    own = await admin.post(f"/api/v1/users/{admin.user.id}/password", json={"new_password": "taken-over-1"})
    assert own.status_code == 403
    assert own.json()["code"] == "forbidden.own_password"
    colleague = await client_as("front_desk")
    other = await admin.post(
        f"/api/v1/users/{colleague.user.id}/password", json={"new_password": "reset-by-admin"}
    )
    assert other.status_code == 204
