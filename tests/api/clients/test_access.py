"""A clinician sees and edits only clients assigned to their practitioner: every route that takes a
client id answers 404 for anyone else's client. The route list comes from the app's OpenAPI document,
so a new client route is covered (or this test fails asking for its example body)."""

from __future__ import annotations

from typing import Any

from tests.api.helpers import client_record, practitioner, program

# A valid body for each client operation that takes one, so a 404 cannot be a 422 in disguise.
EXAMPLE_BODIES: dict[str, Any] = {
    "clients-update_client": {"phone": "+51 999 000 111"},
    "clients-add_relationship": {"relationship_type": "sibling"},  # related_client_id filled in below
    "clients-update_relationship": {"emergency_contact": True},
    "clients-enroll_client": {"start_date": "2026-05-01"},  # program_id filled in below
    "clients-update_enrollment": {"end_date": "2026-12-31"},
    "clients-merge_client": {"dry_run": True},  # duplicate_id filled in below
    "ledger-record_payment": {"amount_minor": 100, "currency": "USD", "payment_method": "cash"},
    "ledger-record_charge": {"amount_minor": 100, "currency": "USD", "memo": "Informe"},
    "ledger-record_adjustment": {
        "direction": "credit",
        "amount_minor": 100,
        "currency": "USD",
        "reason": "Descuento",
    },
}
# Clinicians read their clients' money but do not record it.
OWN_CLIENT_STATUS = {
    "ledger-record_payment": 403,
    "ledger-record_charge": 403,
    "ledger-record_adjustment": 403,
}


def _client_operations(app: Any) -> list[tuple[str, str, dict[str, Any]]]:
    operations = []
    for path, item in app.openapi()["paths"].items():
        if "{client_id}" not in path:
            continue
        for method, operation in item.items():
            operations.append((method.upper(), path, operation))
    return operations


async def _client_with_records(
    admin: Any, first: str, practitioner_id: str, program_id: str, other_id: str, next_program_id: str
) -> dict[str, str]:
    client = await client_record(admin, first, "Cliente", practitioner_ids=[practitioner_id])
    base = f"/api/v1/clients/{client['id']}"
    sibling = await client_record(admin, f"{first}-hermano", "Cliente", practitioner_ids=[practitioner_id])
    rel = await admin.post(
        f"{base}/relationships", json={"related_client_id": sibling["id"], "relationship_type": "sibling"}
    )
    enrollment = await admin.post(
        f"{base}/enrollments", json={"program_id": program_id, "start_date": "2026-01-01"}
    )
    assert rel.status_code == enrollment.status_code == 201
    return {
        "client_id": client["id"],
        "relationship_id": rel.json()["id"],
        "enrollment_id": enrollment.json()["id"],
        "related_client_id": other_id,
        "program_id": next_program_id,
    }


def _request(method: str, path: str, operation: dict[str, Any], ids: dict[str, str]) -> tuple[str, Any]:
    url = path
    for name, value in ids.items():
        url = url.replace("{" + name + "}", value)
    assert "{" not in url, f"test does not know how to fill {url}"
    if "requestBody" not in operation:
        return url, None
    operation_id = operation["operationId"]
    assert operation_id in EXAMPLE_BODIES, f"add an example body for new client route {operation_id}"
    body = dict(EXAMPLE_BODIES[operation_id])
    if operation_id == "clients-add_relationship":
        body["related_client_id"] = ids["related_client_id"]
    if operation_id == "clients-enroll_client":
        body["program_id"] = ids["program_id"]
    if operation_id == "clients-merge_client":
        body["duplicate_id"] = ids["related_client_id"]
    return url, body


async def test_clinician_gets_404_on_every_route_of_another_practitioners_client(
    app: Any, client_as: Any
) -> None:
    admin = await client_as("admin")
    mine, theirs = await practitioner(admin, "Mine"), await practitioner(admin, "Theirs")
    therapy, group = await program(admin), await program(admin, "Grupo")
    clinician = await client_as("clinician", practitioner_id=mine["id"])
    unrelated = await client_record(admin, "Suelto", "Cliente", practitioner_ids=[mine["id"]])
    other = await _client_with_records(
        admin, "Ajeno", theirs["id"], therapy["id"], unrelated["id"], group["id"]
    )
    own = await _client_with_records(admin, "Propio", mine["id"], therapy["id"], unrelated["id"], group["id"])

    operations = _client_operations(app)
    assert len(operations) >= 9  # detail, update, relationships x4, enrollments x3
    for method, path, operation in operations:
        url, body = _request(method, path, operation, other)
        refused = await clinician.request(method, url, json=body)
        assert refused.status_code == 404, f"{method} {url} -> {refused.status_code} {refused.text}"
        assert refused.json()["title"] == "Not found"

    # The same routes work on the clinician's own client, so the 404s above are about access.
    for method, path, operation in operations:
        if method == "DELETE":
            continue  # deleting would remove what the next calls use; covered in test_relationships
        url, body = _request(method, path, operation, own)
        allowed = await clinician.request(method, url, json=body)
        expected = OWN_CLIENT_STATUS.get(operation["operationId"])
        if expected is not None:
            assert allowed.status_code == expected, f"{method} {url} -> {allowed.status_code} {allowed.text}"
            continue
        assert allowed.status_code < 300, f"{method} {url} -> {allowed.status_code} {allowed.text}"


async def test_clinician_lists_only_their_clients_and_new_ones_are_theirs(client_as: Any) -> None:
    admin = await client_as("admin")
    mine, theirs = await practitioner(admin, "Mine"), await practitioner(admin, "Theirs")
    await client_record(admin, "Ajeno", "Muñoz", practitioner_ids=[theirs["id"]])
    await client_record(admin, "Propio", "Muñoz", practitioner_ids=[mine["id"]])
    clinician = await client_as("clinician", practitioner_id=mine["id"])
    listed = (await clinician.get("/api/v1/clients", params={"q": "munoz"})).json()["items"]
    assert [c["first_name"] for c in listed] == ["Propio"]
    created = await client_record(clinician, "Nuevo", "Paciente")
    assert [p["id"] for p in created["practitioners"]] == [mine["id"]]
    assert (await clinician.get(f"/api/v1/clients/{created['id']}")).status_code == 200


async def test_clinician_without_a_practitioner_sees_no_clients(client_as: Any) -> None:
    admin = await client_as("admin")
    await client_record(admin)
    clinician = await client_as("clinician")
    assert (await clinician.get("/api/v1/clients")).json()["items"] == []


async def test_front_desk_and_api_keys_see_every_client(client_as: Any, client_with_key: Any) -> None:
    admin = await client_as("admin")
    record = await client_record(admin)
    desk = await client_as("front_desk")
    integration = await client_with_key("read")
    assert (await desk.get(f"/api/v1/clients/{record['id']}")).status_code == 200
    assert (await integration.get(f"/api/v1/clients/{record['id']}")).status_code == 200
    assert (
        await integration.patch(f"/api/v1/clients/{record['id']}", json={"phone": "1"})
    ).status_code == 403
