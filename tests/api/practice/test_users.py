"""Staff users, managed by admins: invite, roles, the clinician's practitioner link, deactivation, resets."""

from __future__ import annotations

from typing import Any

import httpx

from tests.api.helpers import practitioner

USERS = "/api/v1/users"


async def test_admin_invites_a_user_who_can_sign_in(
    client_as: Any, client: httpx.AsyncClient, sessions: Any
) -> None:
    admin = await client_as("admin")
    created = await admin.post(
        USERS,
        json={
            "email": "Lucia@Example.com",
            "name": "Lucía",
            "role": "front_desk",
            "password": "first-password-1",
            "locale": "es",
        },
    )
    assert created.status_code == 201, created.text
    assert created.json()["role"] == "front_desk" and "password" not in created.text
    login = await client.post(
        "/api/v1/auth/login", json={"email": "lucia@example.com", "password": "first-password-1"}
    )
    assert login.status_code == 200
    duplicate = await admin.post(
        USERS,
        json={"email": "LUCIA@example.com", "name": "L", "role": "admin", "password": "another-password"},
    )
    assert duplicate.status_code == 409


async def test_clinicians_must_be_linked_to_a_practitioner(client_as: Any) -> None:
    admin = await client_as("admin")
    body = {"email": "doc@example.com", "name": "Doc", "role": "clinician", "password": "first-password-1"}
    unlinked = await admin.post(USERS, json=body)
    assert unlinked.status_code == 422 and unlinked.json()["errors"][0]["field"] == "practitioner_id"
    therapist = await practitioner(admin)
    linked = await admin.post(USERS, json={**body, "practitioner_id": therapist["id"]})
    assert linked.status_code == 201 and linked.json()["practitioner_id"] == therapist["id"]
    second = await admin.post(
        USERS, json={**body, "email": "doc2@example.com", "practitioner_id": therapist["id"]}
    )
    assert second.status_code == 409


async def test_deactivation_and_role_change_end_sessions(client_as: Any) -> None:
    admin = await client_as("admin")
    desk = await client_as("front_desk")
    assert (await desk.get("/api/v1/auth/me")).status_code == 200
    promoted = await admin.patch(f"{USERS}/{desk.user.id}", json={"role": "admin"})
    assert promoted.status_code == 200 and promoted.json()["role"] == "admin"
    assert (await desk.get("/api/v1/auth/me")).status_code == 401  # signs in again with the new role

    other = await client_as("front_desk")
    gone = await admin.patch(f"{USERS}/{other.user.id}", json={"active": False})
    assert gone.status_code == 200 and gone.json()["active"] is False
    assert (await other.get("/api/v1/auth/me")).status_code == 401
    assert other.user.id not in [u["id"] for u in (await admin.get(USERS)).json()["items"]]
    everyone = (await admin.get(USERS, params={"include_inactive": True})).json()["items"]
    assert str(other.user.id) in [u["id"] for u in everyone]


async def test_the_last_admin_cannot_be_removed(client_as: Any) -> None:
    admin = await client_as("admin")
    alone = await admin.patch(f"{USERS}/{admin.user.id}", json={"role": "front_desk"})
    assert alone.status_code == 409 and "another user an admin" in alone.json()["next_step"]
    assert (await admin.patch(f"{USERS}/{admin.user.id}", json={"active": False})).status_code == 409
    second = await client_as("admin")
    assert (await second.patch(f"{USERS}/{admin.user.id}", json={"active": False})).status_code == 200


async def test_admin_resets_a_password(client_as: Any, client: httpx.AsyncClient) -> None:
    admin = await client_as("admin")
    desk = await client_as("front_desk")
    short = await admin.post(f"{USERS}/{desk.user.id}/password", json={"new_password": "short"})
    assert short.status_code == 422 and short.json()["errors"][0]["field"] == "new_password"
    reset = await admin.post(f"{USERS}/{desk.user.id}/password", json={"new_password": "brand-new-password"})
    assert reset.status_code == 204
    login = await client.post(
        "/api/v1/auth/login", json={"email": desk.user.email, "password": "brand-new-password"}
    )
    assert login.status_code == 200


async def test_only_admins_manage_users(client_as: Any) -> None:
    for role in ("front_desk", "clinician"):
        http = await client_as(role)
        assert (await http.get(USERS)).status_code == 403
        assert (await http.post(USERS, json={})).status_code in (403, 422)
