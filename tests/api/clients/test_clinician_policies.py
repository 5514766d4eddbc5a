"""Minimum necessary for clinicians: they keep their own caseload, never reassign it, see people outside
it by name only, and see colleagues by name and colour only."""

from __future__ import annotations

from typing import Any

from tests.api.helpers import client_record, practitioner

CLIENTS = "/api/v1/clients"


async def _setup(client_as: Any) -> tuple[Any, Any, dict[str, Any], dict[str, Any]]:
    admin = await client_as("admin")
    own = await practitioner(admin, "Dra. Carmen Quispe", email="carmen@x.test", default_prices={})
    colleague = await practitioner(admin, "Dr. Jorge Ñahui", email="jorge@x.test", phone="+51 1 555 0000")
    clinician = await client_as("clinician", practitioner_id=own["id"])
    return admin, clinician, own, colleague


async def test_clinician_cannot_assign_clients_to_colleagues(client_as: Any) -> None:
    _admin, clinician, own, colleague = await _setup(client_as)
    refused = await clinician.post(
        CLIENTS, json={"first_name": "Ana", "last_name": "Ruiz", "practitioner_ids": [colleague["id"]]}
    )
    assert refused.status_code == 403
    assert refused.json()["code"] == "forbidden.reassign_clients"

    mine = await client_record(clinician, "Luis", "Soto")
    assert [p["id"] for p in mine["practitioners"]] == [own["id"]]
    for wanted in ([own["id"], colleague["id"]], [colleague["id"]], []):
        response = await clinician.patch(f"{CLIENTS}/{mine['id']}", json={"practitioner_ids": wanted})
        assert response.status_code == 403, wanted
    kept = await clinician.patch(f"{CLIENTS}/{mine['id']}", json={"practitioner_ids": [own["id"]]})
    assert kept.status_code == 200


async def test_front_desk_reassigns_freely(client_as: Any) -> None:
    _admin, _clinician, own, colleague = await _setup(client_as)
    desk = await client_as("front_desk")
    person = await client_record(desk, "Eva", "Lau", practitioner_ids=[own["id"]])
    moved = await desk.patch(f"{CLIENTS}/{person['id']}", json={"practitioner_ids": [colleague["id"]]})
    assert moved.status_code == 200
    assert [p["id"] for p in moved.json()["practitioners"]] == [colleague["id"]]


async def test_clinician_sees_related_people_outside_her_caseload_by_name_only(client_as: Any) -> None:
    admin, clinician, own, colleague = await _setup(client_as)
    mine = await client_record(admin, "Leo", "Quispe", practitioner_ids=[own["id"]])
    outside = await client_record(
        admin,
        "Rosa",
        "Quispe",
        email="rosa@correo.example.com",
        phone="+51 999 111 222",
        practitioner_ids=[colleague["id"]],
    )
    linked = await admin.post(
        f"{CLIENTS}/{mine['id']}/relationships",
        json={"related_client_id": outside["id"], "relationship_type": "parent_guardian"},
    )
    assert linked.status_code == 201
    relationship_id = linked.json()["id"]

    seen = (await clinician.get(f"{CLIENTS}/{mine['id']}/relationships")).json()
    assert seen[0]["related_client"] == {
        "id": outside["id"],
        "first_name": "Rosa",
        "last_name": "Quispe",
        "preferred_name": None,
        "email": None,
        "phone": None,
        "readable": False,
    }
    flagged = await clinician.patch(
        f"{CLIENTS}/{mine['id']}/relationships/{relationship_id}", json={"emergency_contact": True}
    )
    assert flagged.status_code == 200
    assert flagged.json()["related_client"]["email"] is None

    refused = await clinician.delete(f"{CLIENTS}/{mine['id']}/relationships/{relationship_id}")
    assert refused.status_code == 403
    assert refused.json()["code"] == "forbidden.role_may_not_delete"
    full = (await admin.get(f"{CLIENTS}/{mine['id']}/relationships")).json()
    assert full[0]["related_client"]["email"] == "rosa@correo.example.com"
    assert full[0]["related_client"]["readable"] is True
    assert (await admin.delete(f"{CLIENTS}/{mine['id']}/relationships/{relationship_id}")).status_code == 204


async def test_clinician_sees_colleagues_by_name_and_colour_only(client_as: Any) -> None:
    _admin, clinician, own, colleague = await _setup(client_as)
    listed = {p["id"]: p for p in (await clinician.get("/api/v1/practitioners")).json()["items"]}
    assert listed[colleague["id"]]["name"] == "Dr. Jorge Ñahui"
    assert listed[colleague["id"]]["color"]
    for hidden in ("commission_rate_bp", "default_prices", "email", "phone", "credentials"):
        assert listed[colleague["id"]][hidden] is None, hidden
    assert listed[own["id"]]["commission_rate_bp"] == 4000
    assert listed[own["id"]]["email"] == "carmen@x.test"
    one = (await clinician.get(f"/api/v1/practitioners/{colleague['id']}")).json()
    assert one["commission_rate_bp"] is None and one["phone"] is None
