"""API keys: admin-only management, shown once, hashed, scoped, revocable, last-used time, audited."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
from fastapi import APIRouter
from sqlalchemy import select

from tend.api.deps import StaffDep
from tend.core.clock import FrozenClock
from tend.persistence.tables.access import ApiKey
from tend.persistence.tables.audit import AuditEvent

KEYS = "/api/v1/api-keys"


async def test_admin_creates_a_key_that_is_shown_once_and_stored_hashed(
    client_as: Any, sessions: Any
) -> None:
    admin = await client_as("admin")
    created = await admin.post(KEYS, json={"name": "Billing export", "scopes": ["read"]})
    assert created.status_code == 201
    body = created.json()
    secret = body["secret"]
    assert secret.startswith("tend_") and len(secret) > 40
    assert body["prefix"] == secret[5:13]
    assert body["scopes"] == ["read"]

    listed = (await admin.get(KEYS)).json()["items"]
    assert [k["id"] for k in listed] == [body["id"]]
    assert "secret" not in listed[0]
    async with sessions() as session:
        stored = await session.scalar(select(ApiKey))
    assert stored is not None and secret not in (stored.key_hash, stored.prefix)


def _staff_routes() -> APIRouter:
    router = APIRouter(prefix="/api/v1/test", tags=["test"])

    @router.get("/staff-read")
    async def staff_read(actor: StaffDep) -> dict[str, str]:
        return {"role": str(actor.role)}

    @router.post("/staff-write")
    async def staff_write(actor: StaffDep) -> dict[str, str]:
        return {"role": str(actor.role)}

    return router


async def test_key_authenticates_and_read_scope_cannot_write(
    client_as: Any, client_for_routes: Any, clock: FrozenClock, sessions: Any
) -> None:
    admin = await client_as("admin")
    http = await client_for_routes(_staff_routes())
    read_key = (await admin.post(KEYS, json={"name": "Reader", "scopes": ["read"]})).json()["secret"]
    write_key = (await admin.post(KEYS, json={"name": "Writer", "scopes": ["write"]})).json()["secret"]
    as_reader = {"Authorization": f"Bearer {read_key}"}
    as_writer = {"Authorization": f"Bearer {write_key}"}

    assert (await http.get("/api/v1/test/staff-read", headers=as_reader)).json() == {"role": "front_desk"}
    refused = await http.post("/api/v1/test/staff-write", headers=as_reader)
    assert refused.status_code == 403 and "write" in refused.json()["detail"]
    assert (await http.post("/api/v1/test/staff-write", headers=as_writer)).status_code == 200
    assert (await http.get("/api/v1/test/staff-read", headers=as_writer)).status_code == 403
    assert (await http.get("/api/v1/audit-events", headers=as_reader)).status_code == 403  # admin-only

    async with sessions() as session:
        key = await session.scalar(select(ApiKey).where(ApiKey.name == "Reader"))
        key = await session.scalar(select(ApiKey))
    assert key is not None and key.last_used_at == clock.now()


async def test_revoked_key_is_refused(client_as: Any, app: Any) -> None:
    admin = await client_as("admin")
    created = (await admin.post(KEYS, json={"name": "Temp", "scopes": ["read", "write"]})).json()
    revoked = await admin.delete(f"{KEYS}/{created['id']}")
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="http://testserver",
        headers={"Authorization": f"Bearer {created['secret']}"},
    ) as integration:
        assert (await integration.get(KEYS)).status_code == 401
    assert (await admin.get(KEYS)).json()["items"] == []
    assert len((await admin.get(KEYS, params={"include_revoked": True})).json()["items"]) == 1


async def test_unknown_key_is_401(client: httpx.AsyncClient) -> None:
    response = await client.get(KEYS, headers={"Authorization": "Bearer tend_notarealkey"})
    assert response.status_code == 401


async def test_only_admins_manage_keys(client_as: Any, client_with_key: Any) -> None:
    for role in ("front_desk", "clinician"):
        http = await client_as(role)
        assert (await http.get(KEYS)).status_code == 403
        assert (await http.post(KEYS, json={"name": "x", "scopes": ["read"]})).status_code == 403
    integration = await client_with_key("read", "write")
    assert (await integration.post(KEYS, json={"name": "x", "scopes": ["read"]})).status_code == 403


async def test_key_creation_and_revocation_are_audited(client_as: Any, sessions: Any) -> None:
    admin = await client_as("admin")
    created = (await admin.post(KEYS, json={"name": "Audited", "scopes": ["write"]})).json()
    await admin.delete(f"{KEYS}/{created['id']}")
    async with sessions() as session:
        events = (
            await session.scalars(
                select(AuditEvent).where(AuditEvent.object_type == "api_key").order_by(AuditEvent.action)
            )
        ).all()
    assert [(e.action, e.object_id, e.actor_user_id) for e in events] == [
        ("api_key.created", created["id"], admin.user.id),
        ("api_key.revoked", created["id"], admin.user.id),
    ]
    audit = await admin.get("/api/v1/audit-events", params={"object_type": "api_key"})
    assert {e["action"] for e in audit.json()["items"]} == {"api_key.created", "api_key.revoked"}


async def test_key_validation_names_the_fields(client_as: Any) -> None:
    admin = await client_as("admin")
    response = await admin.post(KEYS, json={"name": "", "scopes": ["admin"]})
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"name", "scopes.0"}


async def test_list_pages_with_a_cursor(client_as: Any, clock: FrozenClock) -> None:
    admin = await client_as("admin")
    ids = []
    for n in range(5):
        clock.advance(timedelta(seconds=1))
        ids.append((await admin.post(KEYS, json={"name": f"k{n}", "scopes": ["read"]})).json()["id"])
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = (await admin.get(KEYS, params=params)).json()
        seen += [k["id"] for k in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == list(reversed(ids))  # newest first, each once


async def test_bad_paging_input_is_422_naming_the_parameter(client_as: Any) -> None:
    admin = await client_as("admin")
    too_big = await admin.get(KEYS, params={"limit": 201})
    assert too_big.status_code == 422 and too_big.json()["errors"][0]["field"] == "limit"
    bad_cursor = await admin.get(KEYS, params={"cursor": "not-a-cursor"})
    assert bad_cursor.status_code == 422 and bad_cursor.json()["errors"][0]["field"] == "cursor"
