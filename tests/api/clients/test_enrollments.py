"""Program enrollments: start, end, never overlapping in the same program."""

from __future__ import annotations

from typing import Any

from tests.api.helpers import client_record, program


async def test_enroll_end_and_refuse_overlaps(client_as: Any) -> None:
    desk = await client_as("front_desk")
    admin = await client_as("admin")
    intensive, family = await program(admin, "Intensivo"), await program(admin, "Familiar")
    client = await client_record(desk)
    url = f"/api/v1/clients/{client['id']}/enrollments"

    first = await desk.post(url, json={"program_id": intensive["id"], "start_date": "2026-01-05"})
    assert first.status_code == 201 and first.json()["end_date"] is None
    overlap = await desk.post(url, json={"program_id": intensive["id"], "start_date": "2026-02-01"})
    assert overlap.status_code == 409
    assert "End the existing enrollment first" in overlap.json()["next_step"]
    other_program = await desk.post(url, json={"program_id": family["id"], "start_date": "2026-02-01"})
    assert other_program.status_code == 201

    ended = await desk.patch(f"{url}/{first.json()['id']}", json={"end_date": "2026-02-28"})
    assert ended.status_code == 200 and ended.json()["end_date"] == "2026-02-28"
    later = await desk.post(url, json={"program_id": intensive["id"], "start_date": "2026-03-01"})
    assert later.status_code == 201
    before_end = await desk.post(
        url, json={"program_id": intensive["id"], "start_date": "2025-12-01", "end_date": "2026-01-05"}
    )
    assert before_end.status_code == 409  # touches the first enrollment's start day

    backwards = await desk.patch(f"{url}/{later.json()['id']}", json={"end_date": "2026-02-01"})
    assert backwards.status_code == 422 and backwards.json()["errors"][0]["field"] == "end_date"
    listed = (await desk.get(url)).json()
    assert [(e["program"]["name"], e["start_date"]) for e in listed] == [
        ("Intensivo", "2026-03-01"),
        ("Familiar", "2026-02-01"),
        ("Intensivo", "2026-01-05"),
    ]
    summary = (await desk.get(f"/api/v1/clients/{client['id']}")).json()
    assert sorted(p["name"] for p in summary["current_programs"]) == ["Familiar", "Intensivo"]


async def test_inactive_or_unknown_program_is_refused(client_as: Any) -> None:
    admin = await client_as("admin")
    closed = await program(admin, "Cerrado")
    await admin.patch(f"/api/v1/programs/{closed['id']}", json={"active": False})
    client = await client_record(admin)
    url = f"/api/v1/clients/{client['id']}/enrollments"
    refused = await admin.post(url, json={"program_id": closed["id"], "start_date": "2026-01-05"})
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "program_id"
    missing = await admin.post(
        url, json={"program_id": "00000000-0000-0000-0000-000000000000", "start_date": "2026-01-05"}
    )
    assert missing.status_code == 422
