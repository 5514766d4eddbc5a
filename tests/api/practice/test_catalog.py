"""Practitioners, services, locations, rooms and programs: CRUD, validation, never deleting what is used."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.helpers import client_record, lima_practice, practitioner, program


async def test_practitioner_lifecycle(client_as: Any) -> None:
    admin = await client_as("admin")
    await lima_practice(admin)
    created = await practitioner(admin, "Dra. Carmen Quispe", color="#43a047", default_prices={"PEN": 15000})
    assert created["commission_rate_bp"] == 4000 and created["default_prices"] == {"PEN": 15000}
    updated = await admin.patch(f"/api/v1/practitioners/{created['id']}", json={"commission_rate_bp": 4500})
    assert updated.json()["commission_rate_bp"] == 4500
    desk = await client_as("front_desk")
    assert [p["name"] for p in (await desk.get("/api/v1/practitioners")).json()["items"]] == [
        "Dra. Carmen Quispe"
    ]
    assert (
        await desk.post("/api/v1/practitioners", json={"name": "x", "commission_rate_bp": 1})
    ).status_code == 403

    deactivated = await admin.patch(f"/api/v1/practitioners/{created['id']}", json={"active": False})
    assert deactivated.json()["active"] is False
    assert (await desk.get("/api/v1/practitioners")).json()["items"] == []
    listed = await desk.get("/api/v1/practitioners", params={"include_inactive": True})
    assert len(listed.json()["items"]) == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"commission_rate_bp": 10001}, "commission_rate_bp"),
        ({"commission_rate_bp": -1}, "commission_rate_bp"),
        ({"commission_rate_bp": "40%"}, "commission_rate_bp"),
        ({"commission_rate_bp": 4000, "color": "blue"}, "color"),
        ({"commission_rate_bp": 4000, "default_prices": {"XYZ": 100}}, "default_prices.XYZ"),
        ({"commission_rate_bp": 4000, "default_prices": {"EUR": 100}}, "default_prices.EUR"),
        ({"commission_rate_bp": 4000, "default_prices": {"PEN": 150.5}}, "default_prices.PEN"),
        ({"commission_rate_bp": 4000, "name": ""}, "name"),
    ],
)
async def test_bad_practitioner_input_names_the_field(
    client_as: Any, body: dict[str, Any], field: str
) -> None:
    admin = await client_as("admin")
    await lima_practice(admin)
    response = await admin.post("/api/v1/practitioners", json={"name": "Jorge", **body})
    assert response.status_code == 422, response.text
    assert field in [e["field"] for e in response.json()["errors"]]


async def test_patch_with_null_for_a_required_field_is_422(client_as: Any) -> None:
    admin = await client_as("admin")
    created = await practitioner(admin)
    response = await admin.patch(f"/api/v1/practitioners/{created['id']}", json={"name": None})
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "name"
    cleared = await admin.patch(f"/api/v1/practitioners/{created['id']}", json={"credentials": None})
    assert cleared.status_code == 200


async def test_practitioner_in_use_is_deactivated_not_deleted(client_as: Any) -> None:
    admin = await client_as("admin")
    used = await practitioner(admin, "Used")
    unused = await practitioner(admin, "Unused")
    await client_record(admin, practitioner_ids=[used["id"]])
    refused = await admin.delete(f"/api/v1/practitioners/{used['id']}")
    assert refused.status_code == 409 and "Deactivate" in refused.json()["next_step"]
    assert (await admin.delete(f"/api/v1/practitioners/{unused['id']}")).status_code == 204
    assert (await admin.get(f"/api/v1/practitioners/{unused['id']}")).status_code == 404


async def test_services_have_unique_codes_and_prices_in_enabled_currencies(client_as: Any) -> None:
    admin = await client_as("admin")
    await lima_practice(admin)
    body = {
        "code": "90834",
        "name": "Psicoterapia 45 min",
        "default_duration_minutes": 45,
        "prices": {"PEN": 15000, "USD": 5000},
    }
    created = await admin.post("/api/v1/services", json=body)
    assert created.status_code == 201 and created.json()["prices"] == {"PEN": 15000, "USD": 5000}
    duplicate = await admin.post("/api/v1/services", json={**body, "name": "Other"})
    assert duplicate.status_code == 409 and duplicate.json()["next_step"]
    zero = await admin.post("/api/v1/services", json={**body, "code": "1", "default_duration_minutes": 0})
    assert zero.status_code == 422 and zero.json()["errors"][0]["field"] == "default_duration_minutes"


async def test_location_pos_code_decides_virtual_and_rooms_belong_to_it(client_as: Any) -> None:
    admin = await client_as("admin")
    office = (await admin.post("/api/v1/locations", json={"name": "Consultorio", "pos_code": "11"})).json()
    tele = (await admin.post("/api/v1/locations", json={"name": "Telepsicología", "pos_code": "02"})).json()
    home = (await admin.post("/api/v1/locations", json={"name": "En casa", "pos_code": "10"})).json()
    assert (office["virtual"], tele["virtual"], home["virtual"]) == (False, True, True)
    bad = await admin.post("/api/v1/locations", json={"name": "X", "pos_code": "AB"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "pos_code"

    room = await admin.post("/api/v1/rooms", json={"location_id": office["id"], "name": "Sala 1"})
    assert room.status_code == 201
    same = await admin.post("/api/v1/rooms", json={"location_id": office["id"], "name": "Sala 1"})
    assert same.status_code == 409
    elsewhere = await admin.post("/api/v1/rooms", json={"location_id": tele["id"], "name": "Sala 1"})
    assert elsewhere.status_code == 201
    rooms = (await admin.get(f"/api/v1/locations/{office['id']}/rooms")).json()
    assert [r["name"] for r in rooms] == ["Sala 1"]
    in_use = await admin.delete(f"/api/v1/locations/{office['id']}")
    assert in_use.status_code == 409
    missing = await admin.post(
        "/api/v1/rooms", json={"location_id": "00000000-0000-0000-0000-000000000000", "name": "Ghost"}
    )
    assert missing.status_code == 422 and missing.json()["errors"][0]["field"] == "location_id"


async def test_programs_in_use_cannot_be_deleted(client_as: Any) -> None:
    admin = await client_as("admin")
    used = await program(admin, "Intensivo")
    client = await client_record(admin)
    await admin.post(
        f"/api/v1/clients/{client['id']}/enrollments",
        json={"program_id": used["id"], "start_date": "2026-01-05"},
    )
    assert (await admin.delete(f"/api/v1/programs/{used['id']}")).status_code == 409
    duplicate = await admin.post("/api/v1/programs", json={"name": "Intensivo"})
    assert duplicate.status_code == 409


async def test_catalog_writes_are_audited(client_as: Any, sessions: Any) -> None:
    from sqlalchemy import select

    from tend.persistence.tables.audit import AuditEvent

    admin = await client_as("admin")
    created = await practitioner(admin)
    await admin.patch(f"/api/v1/practitioners/{created['id']}", json={"phone": "+51 999 888 777"})
    async with sessions() as session:
        events = (
            await session.scalars(select(AuditEvent).where(AuditEvent.object_type == "practitioner"))
        ).all()
    assert sorted((e.action, tuple(e.details.get("fields", ()))) for e in events) == [
        ("practitioner.created", ()),
        ("practitioner.updated", ("phone",)),
    ]
    assert all("999" not in str(e.details) for e in events)  # names of fields, never values
