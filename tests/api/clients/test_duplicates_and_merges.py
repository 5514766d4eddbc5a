"""Two records of one person: the warning before registering a second, deleting a mistaken record, and
merging duplicates (the preview is exactly what the merge does)."""

from __future__ import annotations

from typing import Any

from tests.api.helpers import client_record, lima_practice, practitioner, program

CLIENTS = "/api/v1/clients"
CHECK = f"{CLIENTS}/possible-duplicates"


async def test_possible_duplicates_match_name_and_birth_date_phone_email_or_document(client_as: Any) -> None:
    admin = await client_as("admin")
    await lima_practice(admin)
    ana = await client_record(
        admin, "Ana María", "Quispe", date_of_birth="1990-04-02", phone="+51 987 654 321",
        email="Ana.Quispe@correo.example.com", id_number="DNI 45.678-912",
    )  # fmt: skip
    await client_record(admin, "Otra", "Persona", date_of_birth="1990-04-02")

    async def reasons(**probe: Any) -> list[tuple[str, list[str]]]:
        response = await admin.post(CHECK, json=probe)
        assert response.status_code == 200, response.text
        return [(i["client"]["id"], i["reasons"]) for i in response.json()["items"]]

    assert await reasons(first_name="ana maria", last_name="QUISPE", date_of_birth="1990-04-02") == [
        (ana["id"], ["name_and_birth_date"])
    ]
    assert await reasons(first_name="Ana María", last_name="Quispe", date_of_birth="1991-01-01") == []
    assert await reasons(phone="987-654-321") == [(ana["id"], ["phone"])]  # the practice's country
    assert await reasons(email="ana.quispe@CORREO.example.com") == [(ana["id"], ["email"])]
    assert await reasons(id_number="dni45678912") == [(ana["id"], ["id_number"])]
    assert await reasons(phone="+51 987 654 321", email="ana.quispe@correo.example.com") == [
        (ana["id"], ["phone", "email"])
    ]
    assert await reasons(phone="+51987654321", exclude_client_id=ana["id"]) == []
    assert await reasons(phone="98") == []  # half-typed


async def test_clinicians_are_warned_only_about_clients_they_may_see(client_as: Any) -> None:
    admin = await client_as("admin")
    mine, theirs = await practitioner(admin, "Mía"), await practitioner(admin, "Otra")
    clinician = await client_as("clinician", practitioner_id=mine["id"])
    await client_record(admin, "Eva", "Lau", phone="+51 911 111 111", practitioner_ids=[theirs["id"]])
    own = await client_record(admin, "Eva", "Lau", phone="+51 922 222 222", practitioner_ids=[mine["id"]])
    found = (await clinician.post(CHECK, json={"phone": "+51 911 111 111"})).json()["items"]
    assert found == []
    found = (await clinician.post(CHECK, json={"phone": "+51 922 222 222"})).json()["items"]
    assert [i["client"]["id"] for i in found] == [own["id"]]


async def test_a_client_with_nothing_attached_can_be_deleted(client_as: Any) -> None:
    desk = await client_as("front_desk")
    mistake = await client_record(desk, "Error", "Tipeo")
    assert (await desk.delete(f"{CLIENTS}/{mistake['id']}")).status_code == 204
    assert (await desk.get(f"{CLIENTS}/{mistake['id']}")).status_code == 404
    admin = await client_as("admin")
    events = (await admin.get("/api/v1/audit-events", params={"object_type": "client"})).json()["items"]
    assert {e["action"] for e in events if e["object_id"] == mistake["id"]} == {
        "client.created",
        "client.deleted",
    }


async def test_deleting_a_client_with_records_is_refused_with_the_next_step(client_as: Any) -> None:
    admin = await client_as("admin")
    therapy = await program(admin)
    child, mother = await client_record(admin, "Leo", "Díaz"), await client_record(admin, "Rosa", "Díaz")
    enrolled = await client_record(admin, "Eli", "Paz")
    await admin.post(
        f"{CLIENTS}/{child['id']}/relationships",
        json={"related_client_id": mother["id"], "relationship_type": "parent_guardian"},
    )
    await admin.post(
        f"{CLIENTS}/{enrolled['id']}/enrollments",
        json={"program_id": therapy["id"], "start_date": "2026-01-05"},
    )
    for person, what in (
        (child, "1 relationships"),
        (mother, "1 relationships"),
        (enrolled, "1 enrollments"),
    ):
        refused = await admin.delete(f"{CLIENTS}/{person['id']}")
        assert refused.status_code == 409
        body = refused.json()
        assert body["code"] == "conflict.client_has_records"
        assert what in body["detail"]
        assert "inactive" in body["next_step"] and "merge" in body["next_step"]
        assert (await admin.get(f"{CLIENTS}/{person['id']}")).status_code == 200


async def test_clinicians_cannot_delete_clients(client_as: Any) -> None:
    admin = await client_as("admin")
    mine = await practitioner(admin, "Mía")
    clinician = await client_as("clinician", practitioner_id=mine["id"])
    own = await client_record(clinician, "Sol", "Mar")
    refused = await clinician.delete(f"{CLIENTS}/{own['id']}")
    assert refused.status_code == 403
    assert refused.json()["code"] == "forbidden.role_may_not_delete"


async def _duplicate_pair(admin: Any) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    await lima_practice(admin)
    one, two = await practitioner(admin, "Uno"), await practitioner(admin, "Dos")
    therapy, group = await program(admin, "Terapia"), await program(admin, "Grupo")
    await admin.post("/api/v1/custom-fields", json={"key": "school", "label": "School", "field_type": "text"})
    await admin.post(
        "/api/v1/custom-fields", json={"key": "referral", "label": "Referral", "field_type": "text"}
    )
    survivor = await client_record(
        admin, "José", "Muñoz", phone="+51 987 000 111", registered_on="2026-02-01",
        practitioner_ids=[one["id"]], custom_fields={"school": "San Marcos"},
    )  # fmt: skip
    duplicate = await client_record(
        admin, "Jose", "Munoz", email="jose@correo.example.com", date_of_birth="1990-04-02",
        registered_on="2025-11-20", practitioner_ids=[two["id"]],
        custom_fields={"school": "Otra", "referral": "Web"},
    )  # fmt: skip
    sister = await client_record(admin, "Ana", "Muñoz")
    mother = await client_record(admin, "Rosa", "Muñoz")
    for person in (survivor, duplicate):
        await admin.post(
            f"{CLIENTS}/{person['id']}/relationships",
            json={"related_client_id": mother["id"], "relationship_type": "parent_guardian"},
        )
    await admin.post(
        f"{CLIENTS}/{duplicate['id']}/relationships",
        json={"related_client_id": sister["id"], "relationship_type": "sibling"},
    )
    await admin.post(
        f"{CLIENTS}/{survivor['id']}/enrollments",
        json={"program_id": therapy["id"], "start_date": "2026-01-05"},
    )
    await admin.post(
        f"{CLIENTS}/{duplicate['id']}/enrollments",
        json={"program_id": therapy["id"], "start_date": "2026-02-01"},
    )
    await admin.post(
        f"{CLIENTS}/{duplicate['id']}/enrollments",
        json={"program_id": group["id"], "start_date": "2026-02-01"},
    )
    return survivor, duplicate, {"one": one, "two": two, "sister": sister, "mother": mother, "group": group}


async def test_a_merge_does_exactly_what_its_preview_said(client_as: Any) -> None:
    admin = await client_as("admin")
    survivor, duplicate, refs = await _duplicate_pair(admin)
    url = f"{CLIENTS}/{survivor['id']}/merge"
    body = {"duplicate_id": duplicate["id"], "take_from_duplicate": ["first_name"]}

    preview = await admin.post(url, json={**body, "dry_run": True})
    assert preview.status_code == 200, preview.text
    planned = preview.json()
    assert (await admin.get(f"{CLIENTS}/{duplicate['id']}")).status_code == 200  # nothing changed yet
    merged = await admin.post(url, json=body)
    assert merged.status_code == 200, merged.text
    done = merged.json()

    for part in ("fields", "moves", "dropped", "duplicate_id"):
        assert done[part] == planned[part], part
    volatile = {"updated_at"}
    assert {k: v for k, v in done["survivor"].items() if k not in volatile} == {
        k: v for k, v in planned["survivor"].items() if k not in volatile
    }
    result = {f["field"]: (f["result_value"], f["source"]) for f in done["fields"]}
    assert result["first_name"] == ("Jose", "duplicate")  # chosen
    assert result["last_name"] == ("Muñoz", "survivor")
    assert result["email"] == ("jose@correo.example.com", "duplicate")  # gap filled
    assert result["registered_on"] == ("2025-11-20", "duplicate")  # the earlier date
    assert done["moves"] == {"relationships": 1, "enrollments": 1, "practitioners": 1, "custom_fields": 1}
    assert sorted((d["what"], d["reason_code"]) for d in done["dropped"]) == [
        ("enrollment", "overlapping_enrollment"),
        ("relationship", "already_related"),
    ]
    assert [d["program"] for d in done["dropped"] if d["what"] == "enrollment"] == ["Terapia"]

    kept = (await admin.get(f"{CLIENTS}/{survivor['id']}")).json()
    assert kept["custom_fields"] == {"school": "San Marcos", "referral": "Web"}
    assert {p["id"] for p in kept["practitioners"]} == {refs["one"]["id"], refs["two"]["id"]}
    related = (await admin.get(f"{CLIENTS}/{survivor['id']}/relationships")).json()
    assert sorted(r["related_client"]["id"] for r in related) == sorted(
        [refs["mother"]["id"], refs["sister"]["id"]]
    )
    mother_side = (await admin.get(f"{CLIENTS}/{refs['mother']['id']}/relationships")).json()
    assert [r["related_client"]["id"] for r in mother_side] == [survivor["id"]]
    programs = (await admin.get(f"{CLIENTS}/{survivor['id']}/enrollments")).json()
    assert sorted(e["program"]["name"] for e in programs) == ["Grupo", "Terapia"]


async def test_every_route_of_a_merged_away_client_points_at_the_survivor(app: Any, client_as: Any) -> None:
    admin = await client_as("admin")
    survivor, duplicate, _refs = await _duplicate_pair(admin)
    assert (
        await admin.post(f"{CLIENTS}/{survivor['id']}/merge", json={"duplicate_id": duplicate["id"]})
    ).status_code == 200

    listed = (await admin.get(CLIENTS, params={"limit": 200})).json()["items"]
    assert duplicate["id"] not in {c["id"] for c in listed}
    for path, item in app.openapi()["paths"].items():
        if "{client_id}" not in path or "{relationship_id}" in path or "{enrollment_id}" in path:
            continue
        for method in item:
            body = {"duplicate_id": survivor["id"]} if path.endswith("/merge") else {}
            if method in ("post", "patch") and not body:
                body = {"phone": "+51 900 000 000"} if method == "patch" else {}
            response = await admin.request(
                method.upper(), path.replace("{client_id}", duplicate["id"]), json=body or None
            )
            assert response.status_code in (404, 422), (method, path, response.status_code)
            if response.status_code == 404:
                assert response.json()["code"] == "not_found.merged", (method, path)
                assert response.json()["merged_into"] == survivor["id"]


async def test_merging_twice_points_old_records_at_the_last_survivor(client_as: Any) -> None:
    admin = await client_as("admin")
    a, b, c = [await client_record(admin, n, "Paz") for n in ("A", "B", "C")]
    assert (await admin.post(f"{CLIENTS}/{b['id']}/merge", json={"duplicate_id": a["id"]})).status_code == 200
    assert (await admin.post(f"{CLIENTS}/{c['id']}/merge", json={"duplicate_id": b["id"]})).status_code == 200
    gone = (await admin.get(f"{CLIENTS}/{a['id']}")).json()
    assert (gone["code"], gone["merged_into"]) == ("not_found.merged", c["id"])
    itself = await admin.post(f"{CLIENTS}/{c['id']}/merge", json={"duplicate_id": c["id"], "dry_run": True})
    assert itself.status_code == 409 and itself.json()["code"] == "conflict.merge_same_client"


async def test_a_clinician_cannot_merge_clients_she_cannot_both_see(client_as: Any) -> None:
    admin = await client_as("admin")
    mine, theirs = await practitioner(admin, "Mía"), await practitioner(admin, "Otra")
    clinician = await client_as("clinician", practitioner_id=mine["id"])
    own = await client_record(admin, "Eva", "Lau", practitioner_ids=[mine["id"]])
    other = await client_record(admin, "Eva", "Lau", practitioner_ids=[theirs["id"]])
    for survivor, duplicate in ((own, other), (other, own)):
        refused = await clinician.post(
            f"{CLIENTS}/{survivor['id']}/merge", json={"duplicate_id": duplicate["id"]}
        )
        assert refused.status_code == 404
    assert (await admin.get(f"{CLIENTS}/{other['id']}")).status_code == 200
