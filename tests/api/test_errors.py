"""Every error is problem+json; validation errors name each field; nothing leaks on a crash."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi import APIRouter

from tend.api.deps import ContextDep, SessionDep
from tend.core.errors import Conflict, ErrorCode
from tend.domain import audit
from tend.persistence.tables.access import User
from tend.persistence.tables.audit import AuditEvent

LOGIN = "/api/v1/auth/login"


async def test_malformed_json_is_422_problem(client: httpx.AsyncClient) -> None:
    response = await client.post(
        LOGIN, content=b'{"email": "a@b.c", "password": ', headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 422 and body["title"] == "Validation failed"
    assert body["errors"][0]["field"] == "body"
    assert "not valid JSON" in body["errors"][0]["message"]


async def test_unknown_fields_and_wrong_types_are_each_named(client: httpx.AsyncClient) -> None:
    response = await client.post(LOGIN, json={"email": 42, "password": ["x"], "remember_me": True})
    assert response.status_code == 422
    fields = {e["field"]: e for e in response.json()["errors"]}
    assert set(fields) == {"email", "password", "remember_me"}
    assert fields["remember_me"]["type"] == "extra_forbidden"
    assert fields["email"]["type"] == "string_type"
    assert "email" in response.json()["detail"]


async def test_missing_fields_are_named(client: httpx.AsyncClient) -> None:
    response = await client.post(LOGIN, json={})
    assert response.status_code == 422
    assert {(e["field"], e["message"]) for e in response.json()["errors"]} == {
        ("email", "This field is required."),
        ("password", "This field is required."),
    }


async def test_unknown_api_route_and_wrong_method_are_problems(client: httpx.AsyncClient) -> None:
    missing = await client.get("/api/v1/no-such-thing")
    assert missing.status_code == 404 and missing.headers["content-type"] == "application/problem+json"
    wrong_method = await client.put(LOGIN, json={})
    assert wrong_method.status_code == 405
    assert wrong_method.json()["status"] == 405


def _test_routes(clock: Any) -> APIRouter:
    router = APIRouter(prefix="/api/v1/test", tags=["test"])

    @router.post("/write-then-conflict")
    async def write_then_conflict(ctx: ContextDep) -> None:
        audit.record(ctx, "test.should_not_persist")
        await ctx.session.flush()
        raise Conflict("Cannot do that now.", code=ErrorCode.in_use, next_step="Do the other thing first.")

    @router.post("/write-then-crash")
    async def write_then_crash(ctx: ContextDep) -> None:
        audit.record(ctx, "test.should_not_persist")
        await ctx.session.flush()
        raise RuntimeError("secret internal detail /etc/passwd")

    @router.post("/commit-fails")
    async def commit_fails(session: SessionDep) -> dict[str, str]:
        # Two users with one normalised e-mail: the UNIQUE index fails at commit, after the handler returned.
        now = clock.now()
        for n in range(2):
            session.add(
                User(
                    email=f"dup{n}@x.test",
                    email_normalized="dup@x.test",
                    name="d",
                    role="admin",
                    active=True,
                    password_hash="x",
                    created_at=now,
                    updated_at=now,
                )
            )
        return {"status": "looks fine"}

    return router


@pytest.fixture
async def test_client(client_for_routes: Any, clock: Any) -> Any:
    return await client_for_routes(_test_routes(clock))


async def _audit_count(sessions: Any) -> int:
    from sqlalchemy import func, select

    async with sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(AuditEvent)) or 0)


async def test_conflict_carries_next_step_and_rolls_back(
    test_client: Any, client_as: Any, sessions: Any
) -> None:
    admin = await client_as("admin")
    before = await _audit_count(sessions)
    response = await test_client.post("/api/v1/test/write-then-conflict", headers=admin.headers)
    assert response.status_code == 409
    assert response.json()["next_step"] == "Do the other thing first."
    assert await _audit_count(sessions) == before


async def test_unexpected_error_is_500_with_id_and_no_internals(
    test_client: Any, client_as: Any, sessions: Any
) -> None:
    admin = await client_as("admin")
    before = await _audit_count(sessions)
    response = await test_client.post("/api/v1/test/write-then-crash", headers=admin.headers)
    assert response.status_code == 500
    body = response.json()
    assert body["request_id"] and body["request_id"] in body["detail"]
    assert "passwd" not in response.text and "Traceback" not in response.text
    assert response.headers["x-request-id"] == body["request_id"]
    assert await _audit_count(sessions) == before


async def test_a_failed_commit_is_an_error_response_not_a_200(test_client: Any, sessions: Any) -> None:
    response = await test_client.post("/api/v1/test/commit-fails")
    assert response.status_code == 500
    from sqlalchemy import func, select

    async with sessions() as session:
        assert await session.scalar(select(func.count()).select_from(User)) == 0


async def test_undecodable_body_is_422_naming_the_body(client: httpx.AsyncClient) -> None:
    response = await client.post(LOGIN, content=b"\xff\xfe{bad", headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body"


async def test_nul_characters_are_refused_naming_the_field(client_as: Any) -> None:
    admin = await client_as("admin")
    response = await admin.post("/api/v1/api-keys", json={"name": "bad\u0000name", "scopes": ["read"]})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "name"
    query = await admin.get("/api/v1/audit-events", params={"object_type": "x\u0000"})
    assert query.status_code == 422 and query.json()["errors"][0]["field"] == "object_type"
