"""A signed note locks its session against every change, whichever route asks: each route that changes or
removes appointments either refuses (409 `conflict.note_signed`) or keeps the session (`kept`, reason
`signed_note`), and the session and its note stay exactly as they were. The routes come from the app's
OpenAPI document, so a new route that takes an appointment is covered here or this test fails.

The series: Tuesdays at 10:00 in New York from 3 March 2026, eight of them; the clock stands at 10 March
15:00 UTC, so 17 March (index 2) is the first that may still change. The 31 March one (index 4) is signed."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.scheduling.test_appointments import APPOINTMENTS, _practice
from tests.api.scheduling.test_series import _occurrences, _weekly

SIGNED, OTHER = 4, 2
MOVE = {"starts_at": "2026-03-17T11:00:00-04:00", "ends_at": "2026-03-17T11:45:00-04:00"}
MOVE_SIGNED = {"starts_at": "2026-04-01T09:00:00-04:00", "ends_at": "2026-04-01T09:45:00-04:00"}
CHANGES = {
    "move": None,  # the target's own drag, chosen per target
    "fields": {"instructions": "Traer el cuaderno", "price_minor": 9000},
    "rule": {"rule": {"freq": "weekly", "by_weekday": ["WE"]}},
    "delete": {},
}
# (target, scope, change): `this` on the other occurrence never reaches the signed one, and `this` takes
# no rule (a 422 of its own, in test_series_checks).
SERIES_CASES = [
    (target, scope, change)
    for target in ("signed", "other")
    for scope in ("this", "following", "all")
    for change in CHANGES
    if not (scope == "this" and (target == "other" or change == "rule"))
]
# Each operation that changes or removes appointments, and the cases below that exercise it.
COVERED = {
    ("PATCH", "/api/v1/appointments/{appointment_id}"),
    ("DELETE", "/api/v1/appointments/{appointment_id}"),
    ("POST", "/api/v1/appointments/{appointment_id}/status"),
    ("POST", "/api/v1/appointments/{appointment_id}/series-change"),
    ("POST", "/api/v1/appointments"),  # joining the session's group
}


async def _signed_series(client_as: Any) -> tuple[Any, dict[str, Any], list[dict[str, Any]]]:
    admin = await client_as("admin")
    p = await _practice(admin)
    await _weekly(admin, p)
    occurrences = await _occurrences(admin, p)
    return admin, p, occurrences


async def _sign(client_as: Any, p: dict[str, Any], appointment_id: str) -> Any:
    """The treating clinician writes and signs the note."""
    carmen = await client_as("clinician", practitioner_id=p["carmen"]["id"])
    written = await carmen.put(f"{APPOINTMENTS}/{appointment_id}/note", json={"text": "Avances en la sesión"})
    assert written.status_code == 200, written.text
    signed = await carmen.post(f"{APPOINTMENTS}/{appointment_id}/note/sign")
    assert signed.status_code == 200, signed.text
    return carmen


async def _state(admin: Any, carmen: Any, appointment_id: str) -> tuple[Any, Any]:
    row = await admin.get(f"{APPOINTMENTS}/{appointment_id}")
    note = await carmen.get(f"{APPOINTMENTS}/{appointment_id}/note")
    assert row.status_code == 200 and note.status_code == 200, (row.text, note.text)
    return row.json(), note.json()


def _refused(response: Any) -> None:
    assert response.status_code == 409, response.text
    assert response.json()["code"] == "conflict.note_signed" and response.json()["next_step"]


def test_the_cases_walk_every_route_that_changes_appointments(app: Any) -> None:
    writes = {
        (method.upper(), path)
        for path, item in app.openapi()["paths"].items()
        if path.startswith("/api/v1/appointments") and "/note" not in path
        for method in item
        if method in ("post", "put", "patch", "delete")
    }
    assert writes <= COVERED, f"add a case for {sorted(writes - COVERED)}"


@pytest.mark.parametrize(("target", "scope", "change"), SERIES_CASES)
async def test_a_series_change_never_changes_an_occurrence_with_a_signed_note(
    client_as: Any, target: str, scope: str, change: str
) -> None:
    admin, p, occurrences = await _signed_series(client_as)
    signed = occurrences[SIGNED]
    carmen = await _sign(client_as, p, signed["id"])
    before = await _state(admin, carmen, signed["id"])
    chosen = signed if target == "signed" else occurrences[OTHER]
    changes = CHANGES[change] if change != "move" else (MOVE_SIGNED if target == "signed" else MOVE)
    body = {"scope": scope, "action": "delete" if change == "delete" else "edit", "changes": changes}

    for dry_run in (True, False):
        answer = await admin.post(
            f"{APPOINTMENTS}/{chosen['id']}/series-change", json={**body, "dry_run": dry_run}
        )
        if scope == "this":
            _refused(answer)
        else:
            assert answer.status_code == 200, answer.text
            kept = {k["appointment_id"]: k["reason_code"] for k in answer.json()["kept"]}
            assert kept.get(signed["id"]) == "signed_note", answer.json()
            for part in ("moves", "deletes"):
                assert signed["id"] not in {m["appointment_id"] for m in answer.json()[part]}, part
        assert await _state(admin, carmen, signed["id"]) == before, dry_run


@pytest.mark.parametrize("route", ["move", "edit", "delete", "status", "cancel_late"])
async def test_the_single_appointment_routes_refuse_a_signed_session(client_as: Any, route: str) -> None:
    admin, p, occurrences = await _signed_series(client_as)
    signed = occurrences[SIGNED]
    carmen = await _sign(client_as, p, signed["id"])
    before = await _state(admin, carmen, signed["id"])
    path = f"{APPOINTMENTS}/{signed['id']}"
    answer = {
        "move": lambda: admin.patch(path, json=MOVE_SIGNED),
        "edit": lambda: admin.patch(path, json={"instructions": "Traer el cuaderno"}),
        "delete": lambda: admin.delete(path),
        "status": lambda: admin.post(f"{path}/status", json={"status": "cancelled"}),
        "cancel_late": lambda: carmen.post(f"{path}/status", json={"status": "late_cancelled"}),
    }[route]
    _refused(await answer())
    assert await _state(admin, carmen, signed["id"]) == before


async def test_moving_a_group_with_a_signed_member_moves_nobody(client_as: Any) -> None:
    admin, p, occurrences = await _signed_series(client_as)
    signed = occurrences[SIGNED]
    joined = await admin.post(
        APPOINTMENTS,
        json={
            "kind": "client_session", "practitioner_id": p["carmen"]["id"], "client_id": p["luis"]["id"],
            "service_id": p["service"]["id"], "location_id": p["office"]["id"],
            "starts_at": signed["starts_at"], "ends_at": signed["ends_at"],
            "group_with_appointment_id": signed["id"],
        },
    )  # fmt: skip
    assert joined.status_code == 201, joined.text
    carmen = await _sign(client_as, p, signed["id"])
    before = await _state(admin, carmen, signed["id"])
    other_member = (await admin.get(f"{APPOINTMENTS}/{joined.json()['id']}")).json()

    _refused(await admin.patch(f"{APPOINTMENTS}/{joined.json()['id']}", json=MOVE_SIGNED))
    assert await _state(admin, carmen, signed["id"]) == before
    assert (await admin.get(f"{APPOINTMENTS}/{joined.json()['id']}")).json() == other_member
    for scope in ("following", "all"):
        plan = await admin.post(
            f"{APPOINTMENTS}/{occurrences[OTHER]['id']}/series-change",
            json={"scope": scope, "dry_run": True, "changes": MOVE},
        )
        assert plan.status_code == 200, plan.text
        assert signed["id"] in {k["appointment_id"] for k in plan.json()["kept"]}


async def test_joining_the_group_of_a_signed_session_leaves_it_as_it_was(client_as: Any) -> None:
    """A first member joining gives the session a group id: a change to the signed session."""
    admin, p, occurrences = await _signed_series(client_as)
    signed = occurrences[SIGNED]
    carmen = await _sign(client_as, p, signed["id"])
    before = await _state(admin, carmen, signed["id"])
    joined = await admin.post(
        APPOINTMENTS,
        json={
            "kind": "client_session", "practitioner_id": p["carmen"]["id"], "client_id": p["luis"]["id"],
            "service_id": p["service"]["id"], "location_id": p["office"]["id"],
            "starts_at": signed["starts_at"], "ends_at": signed["ends_at"],
            "group_with_appointment_id": signed["id"],
        },
    )  # fmt: skip
    _refused(joined)
    assert await _state(admin, carmen, signed["id"]) == before
