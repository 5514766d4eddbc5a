"""Booking, clashes, statuses and the calendar window, through HTTP. The frozen clock stands at
2026-03-10 15:00 UTC (10:00 in Lima)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from tests.api.helpers import client_record, lima_practice, practitioner

APPOINTMENTS = "/api/v1/appointments"
LIMA = "-05:00"


def at(day: int, hour: int, minute: int = 0) -> str:
    """A Lima wall time in March 2026."""
    return f"2026-03-{day:02d}T{hour:02d}:{minute:02d}:00{LIMA}"


async def _practice(admin: Any) -> dict[str, Any]:
    await lima_practice(admin)
    carmen = await practitioner(admin, "Dra. Carmen", default_prices={"PEN": 15000})
    jorge = await practitioner(admin, "Dr. Jorge")
    body = {
        "code": "90834",
        "name": "Psicoterapia 45",
        "default_duration_minutes": 45,
        "prices": {"PEN": 18000},
    }
    service = (await admin.post("/api/v1/services", json=body)).json()
    office = (await admin.post("/api/v1/locations", json={"name": "Miraflores", "pos_code": "11"})).json()
    video = (await admin.post("/api/v1/locations", json={"name": "Telesalud", "pos_code": "02"})).json()
    room = (await admin.post("/api/v1/rooms", json={"location_id": office["id"], "name": "Sala 1"})).json()
    ana = await client_record(
        admin, "Ana", "Ruiz", practitioner_ids=[carmen["id"]], reminder_consent_email=True
    )
    luis = await client_record(admin, "Luis", "Soto", practitioner_ids=[jorge["id"]])
    return {"carmen": carmen, "jorge": jorge, "service": service, "office": office, "video": video,
            "room": room, "ana": ana, "luis": luis}  # fmt: skip


def session(p: dict[str, Any], start: str, end: str, **extra: Any) -> dict[str, Any]:
    return {
        "kind": "client_session", "starts_at": start, "ends_at": end, "practitioner_id": p["carmen"]["id"],
        "client_id": p["ana"]["id"], "service_id": p["service"]["id"], "location_id": p["office"]["id"],
        "room_id": p["room"]["id"], **extra,
    }  # fmt: skip


async def test_a_session_takes_the_service_price_and_telehealth_gets_modifier_95(client_as: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    booked = await admin.post(
        APPOINTMENTS,
        json=session(p, at(12, 9, 7), at(12, 9, 52), reminders=[{"channel": "email", "days_before": 1}]),
    )
    assert booked.status_code == 201, booked.text
    body = booked.json()
    assert (body["price_minor"], body["currency"], body["modifiers"]) == (18000, "PEN", [])
    assert body["starts_at"] == "2026-03-12T14:07:00Z" and body["time_zone"] == "America/Lima"
    assert body["status"] == "scheduled"
    virtual = await admin.post(
        APPOINTMENTS,
        json=session(
            p, at(13, 9), at(13, 9, 45), location_id=p["video"]["id"], room_id=None, price_minor=12000
        ),
    )
    assert virtual.status_code == 201, virtual.text
    assert virtual.json()["modifiers"] == ["95"] and virtual.json()["price_minor"] == 12000


async def test_reminders_need_the_clients_consent_for_that_channel(client_as: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    refused = await admin.post(
        APPOINTMENTS, json=session(p, at(12, 9), at(12, 10), reminders=[{"channel": "sms", "days_before": 2}])
    )
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "reminders.0.channel"
    assert refused.json()["errors"][0]["code"] == "validation.no_consent"


async def test_clashes_are_listed_and_can_be_overridden(client_as: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    first = (await admin.post(APPOINTMENTS, json=session(p, at(12, 9), at(12, 10)))).json()

    same_room = session(
        p, at(12, 9, 30), at(12, 10, 30), practitioner_id=p["jorge"]["id"], client_id=p["luis"]["id"]
    )
    clash = await admin.post(APPOINTMENTS, json=same_room)
    assert clash.status_code == 409
    problem = clash.json()
    assert problem["code"] == "conflict.scheduling_clash" and "allow_conflicts" in problem["next_step"]
    assert problem["clashes"] == [
        {"appointment_id": first["id"], "resources": ["room"], "starts_at": "2026-03-12T14:00:00Z",
         "ends_at": "2026-03-12T15:00:00Z"}
    ]  # fmt: skip
    both = await admin.post(APPOINTMENTS, json=session(p, at(12, 9, 59), at(12, 11)))
    assert both.json()["clashes"][0]["resources"] == ["practitioner", "room", "client"]
    back_to_back = await admin.post(APPOINTMENTS, json=session(p, at(12, 10), at(12, 11)))
    assert back_to_back.status_code == 201  # touching is not overlapping
    anyway = await admin.post(APPOINTMENTS, json={**same_room, "allow_conflicts": True})
    assert anyway.status_code == 201


async def test_busy_events_block_sessions_and_free_ones_do_not(client_as: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    for availability, start in (("busy", 9), ("free", 14)):
        event = {"kind": "other_event", "title": "Supervisión", "availability": availability,
                 "practitioner_id": p["carmen"]["id"], "starts_at": at(16, start),
                 "ends_at": at(16, start + 2)}  # fmt: skip
        assert (await admin.post(APPOINTMENTS, json=event)).status_code == 201
    busy = await admin.post(APPOINTMENTS, json=session(p, at(16, 10), at(16, 10, 45)))
    assert busy.status_code == 409 and busy.json()["clashes"][0]["resources"] == ["busy_time"]
    free = await admin.post(APPOINTMENTS, json=session(p, at(16, 14, 15), at(16, 15)))
    assert free.status_code == 201


async def test_group_members_share_the_slot_without_clashing(client_as: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    first = (await admin.post(APPOINTMENTS, json=session(p, at(17, 18), at(17, 19, 30)))).json()
    other = await client_record(admin, "Eva", "Paz")
    member = await admin.post(
        APPOINTMENTS,
        json=session(p, at(17, 8), at(17, 9), client_id=other["id"], group_with_appointment_id=first["id"]),
    )
    assert member.status_code == 201, member.text
    joined = member.json()
    assert (
        joined["group_id"]
        and joined["starts_at"] == first["starts_at"]
        and joined["room_id"] == first["room_id"]
    )
    assert (await admin.get(f"{APPOINTMENTS}/{first['id']}")).json()["group_id"] == joined["group_id"]
    someone_elses = await admin.post(
        APPOINTMENTS,
        json=session(
            p, at(17, 18), at(17, 19), client_id=p["luis"]["id"], practitioner_id=p["jorge"]["id"],
            group_with_appointment_id=first["id"],
        ),
    )  # fmt: skip
    assert someone_elses.status_code == 422, someone_elses.text
    assert someone_elses.json()["errors"][0]["field"] == "practitioner_id"


async def test_moving_one_member_moves_the_group_or_nobody(client_as: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    first = (await admin.post(APPOINTMENTS, json=session(p, at(17, 18), at(17, 19)))).json()
    eva = await client_record(admin, "Eva", "Paz")
    second = (
        await admin.post(
            APPOINTMENTS,
            json=session(
                p, at(17, 18), at(17, 19), client_id=eva["id"], group_with_appointment_id=first["id"]
            ),
        )
    ).json()
    # Eva has something else on the 18th at 10:00: the group cannot move there without saying so.
    elsewhere = await admin.post(
        APPOINTMENTS, json=session(p, at(18, 10), at(18, 11), client_id=eva["id"], room_id=None)
    )
    assert elsewhere.status_code == 201, elsewhere.text
    clash = await admin.patch(
        f"{APPOINTMENTS}/{first['id']}", json={"starts_at": at(18, 10), "ends_at": at(18, 11)}
    )
    assert clash.status_code == 409, clash.text
    assert [c["appointment_id"] for c in clash.json()["clashes"]] == [elsewhere.json()["id"]]
    for member in (first, second):  # nobody moved
        assert (await admin.get(f"{APPOINTMENTS}/{member['id']}")).json()["starts_at"] == first["starts_at"]

    moved = await admin.patch(
        f"{APPOINTMENTS}/{first['id']}", json={"starts_at": at(18, 15), "ends_at": at(18, 16)}
    )
    assert moved.status_code == 200, moved.text
    after = [(await admin.get(f"{APPOINTMENTS}/{m['id']}")).json() for m in (first, second)]
    assert {(a["starts_at"], a["ends_at"], a["room_id"]) for a in after} == {
        (moved.json()["starts_at"], moved.json()["ends_at"], first["room_id"])
    }


async def test_status_rules_no_show_not_before_start_and_late_cancellation(
    client_as: Any, sessions: Any
) -> None:
    from sqlalchemy import select

    from tend.persistence.tables.jobs import OutboxJob

    admin = await client_as("admin")
    p = await _practice(admin)
    later = (await admin.post(APPOINTMENTS, json=session(p, at(10, 11), at(10, 12)))).json()  # in an hour
    early = await admin.post(f"{APPOINTMENTS}/{later['id']}/status", json={"status": "no_show"})
    assert early.status_code == 409 and early.json()["code"] == "conflict.not_started"
    cancelled = await admin.post(f"{APPOINTMENTS}/{later['id']}/status", json={"status": "cancelled"})
    assert cancelled.json()["status"] == "late_cancelled"  # inside the 24 h window

    far = (await admin.post(APPOINTMENTS, json=session(p, at(20, 9), at(20, 10)))).json()
    # Days ahead a cancellation is not late, whatever the caller says (no late-cancel fee follows).
    claimed = await admin.post(f"{APPOINTMENTS}/{far['id']}/status", json={"status": "late_cancelled"})
    assert claimed.status_code == 422 and claimed.json()["errors"][0]["field"] == "status", claimed.text
    assert (await admin.post(f"{APPOINTMENTS}/{far['id']}/status", json={"status": "cancelled"})).json()[
        "status"
    ] == "cancelled"

    past = (await admin.post(APPOINTMENTS, json=session(p, at(9, 9), at(9, 10)))).json()
    missed = await admin.post(f"{APPOINTMENTS}/{past['id']}/status", json={"status": "no_show"})
    assert missed.status_code == 200 and missed.json()["status"] == "no_show"
    corrected = await admin.post(
        f"{APPOINTMENTS}/{past['id']}/status", json={"status": "attended", "reason": "llegó tarde"}
    )
    assert corrected.json()["status"] == "attended" and corrected.json()["status_reason"] == "llegó tarde"

    async with sessions() as session_:
        events = (
            await session_.scalars(select(OutboxJob).where(OutboxJob.job_name == "appointment_changed"))
        ).all()
    changes = sorted((e.payload["appointment_id"], e.payload.get("status")) for e in events)
    assert (past["id"], "no_show") in changes and (past["id"], "attended") in changes
    assert all(
        set(e.payload) <= {"appointment_id", "event", "previous", "status"} for e in events
    )  # ids only
    audit = (await admin.get("/api/v1/audit-events", params={"object_type": "appointment"})).json()["items"]
    assert (
        sum(1 for e in audit if e["object_id"] == past["id"] and e["action"] == "appointment.status_changed")
        == 2
    )


async def test_a_past_session_is_logged_in_one_call_and_counts_as_attended(client_as: Any) -> None:
    desk = await client_as("front_desk")
    admin = await client_as("admin")
    p = await _practice(admin)
    logged = await desk.post(APPOINTMENTS, json=session(p, at(3, 9), at(3, 9, 45), status="attended"))
    assert logged.status_code == 201 and logged.json()["status"] == "attended"
    assert (await desk.get(f"/api/v1/clients/{p['ana']['id']}")).json()["sessions_attended"] == 1
    future = await desk.post(APPOINTMENTS, json=session(p, at(24, 9), at(24, 9, 45), status="no_show"))
    assert future.status_code == 409  # nothing half-written: the booking is rolled back too
    window = await desk.get(APPOINTMENTS, params={"start": at(24, 0), "end": at(25, 0)})
    assert window.json() == []


async def test_a_session_for_someone_not_registered_creates_the_client(client_as: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    body = session(
        p, at(18, 16), at(18, 17), client_id=None, new_client={"first_name": "Nueva", "last_name": "Persona"}
    )
    booked = await admin.post(APPOINTMENTS, json=body)
    assert booked.status_code == 201, booked.text
    person = (await admin.get(f"/api/v1/clients/{booked.json()['client_id']}")).json()
    assert (person["first_name"], [x["id"] for x in person["practitioners"]]) == (
        "Nueva",
        [p["carmen"]["id"]],
    )


async def test_the_window_is_bounded_filtered_and_ordered(client_as: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    for day in (12, 11, 13):
        await admin.post(APPOINTMENTS, json=session(p, at(day, 9), at(day, 10)))
    await admin.post(
        APPOINTMENTS,
        json=session(p, at(12, 11), at(12, 12), practitioner_id=p["jorge"]["id"], client_id=p["luis"]["id"]),
    )
    listed = (await admin.get(APPOINTMENTS, params={"start": at(11, 0), "end": at(14, 0)})).json()
    assert [e["starts_at"][:10] for e in listed] == ["2026-03-11", "2026-03-12", "2026-03-12", "2026-03-13"]
    assert listed[0]["client"] == {"id": p["ana"]["id"], "first_name": "Ana", "last_name": "Ruiz"}
    jorge_only = (
        await admin.get(
            APPOINTMENTS, params={"start": at(11, 0), "end": at(14, 0), "practitioner_id": p["jorge"]["id"]}
        )
    ).json()
    assert [e["practitioner_id"] for e in jorge_only] == [p["jorge"]["id"]]
    too_long = await admin.get(APPOINTMENTS, params={"start": at(1, 0), "end": "2026-05-03T00:00:00-05:00"})
    assert (
        too_long.status_code == 422 and too_long.json()["errors"][0]["code"] == "validation.window_too_long"
    )
    naive = await admin.get(APPOINTMENTS, params={"start": "2026-03-11T00:00:00", "end": at(14, 0)})
    assert naive.status_code == 422


@pytest.fixture
async def clinician_view(client_as: Any) -> tuple[Any, dict[str, Any], dict[str, Any], dict[str, Any]]:
    admin = await client_as("admin")
    p = await _practice(admin)
    own = (await admin.post(APPOINTMENTS, json=session(p, at(12, 9), at(12, 10)))).json()
    theirs = (
        await admin.post(
            APPOINTMENTS,
            json=session(
                p, at(12, 11), at(12, 12), practitioner_id=p["jorge"]["id"], client_id=p["luis"]["id"]
            ),
        )
    ).json()
    clinician = await client_as("clinician", practitioner_id=p["carmen"]["id"])
    return clinician, p, own, theirs


async def test_clinicians_see_colleagues_time_as_busy_blocks_only(clinician_view: Any) -> None:
    clinician, p, own, theirs = clinician_view
    listed = {
        e["id"]: e
        for e in (await clinician.get(APPOINTMENTS, params={"start": at(12, 0), "end": at(13, 0)})).json()
    }
    assert listed[own["id"]]["busy_only"] is False and listed[own["id"]]["client"]["first_name"] == "Ana"
    block = listed[theirs["id"]]
    assert block["busy_only"] is True
    assert block["practitioner_id"] == p["jorge"]["id"] and block["room_id"] == p["room"]["id"]
    assert (
        block["client"] is None
        and block["kind"] is None
        and block["service_id"] is None
        and block["price_minor"] is None
    )


async def test_clinicians_get_404_on_colleagues_appointments_and_cannot_book_for_them(
    clinician_view: Any,
) -> None:
    clinician, p, own, theirs = clinician_view
    for method, path, body in (
        ("GET", f"{APPOINTMENTS}/{theirs['id']}", None),
        ("PATCH", f"{APPOINTMENTS}/{theirs['id']}", {"instructions": "x"}),
        ("POST", f"{APPOINTMENTS}/{theirs['id']}/status", {"status": "cancelled"}),
    ):
        assert (await clinician.request(method, path, json=body)).status_code == 404, (method, path)
    assert (await clinician.get(f"{APPOINTMENTS}/{own['id']}")).status_code == 200
    for_colleague = await clinician.post(
        APPOINTMENTS,
        json=session(p, at(19, 9), at(19, 10), practitioner_id=p["jorge"]["id"], client_id=p["ana"]["id"]),
    )
    assert for_colleague.status_code == 403 and for_colleague.json()["code"] == "forbidden.other_practitioner"
    hidden_client = await clinician.get(
        APPOINTMENTS, params={"start": at(12, 0), "end": at(13, 0), "client_id": p["luis"]["id"]}
    )
    assert hidden_client.status_code == 404


async def test_moving_checks_clashes_and_keeps_finished_sessions_as_they_were(client_as: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    a = (await admin.post(APPOINTMENTS, json=session(p, at(12, 9), at(12, 10)))).json()
    b = (await admin.post(APPOINTMENTS, json=session(p, at(12, 11), at(12, 12)))).json()
    onto = await admin.patch(
        f"{APPOINTMENTS}/{b['id']}", json={"starts_at": at(12, 9, 30), "ends_at": at(12, 10, 30)}
    )
    assert onto.status_code == 409
    moved = await admin.patch(
        f"{APPOINTMENTS}/{b['id']}", json={"starts_at": at(12, 13, 5), "ends_at": at(12, 13, 50)}
    )
    assert moved.status_code == 200 and moved.json()["starts_at"] == "2026-03-12T18:05:00Z"
    past = (await admin.post(APPOINTMENTS, json=session(p, at(9, 9), at(9, 10), status="attended"))).json()
    kept = await admin.patch(
        f"{APPOINTMENTS}/{past['id']}", json={"starts_at": at(9, 11), "ends_at": at(9, 12)}
    )
    assert kept.status_code == 409 and kept.json()["code"] == "conflict.outcome_recorded"
    del a
    assert datetime.fromisoformat(moved.json()["ends_at"].replace("Z", "+00:00")) - datetime.fromisoformat(
        moved.json()["starts_at"].replace("Z", "+00:00")
    ) == timedelta(minutes=45)


async def test_sessions_of_a_month_are_local_months(client_as: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    late_march = await admin.post(
        APPOINTMENTS, json=session(p, "2026-03-31T23:30:00-05:00", "2026-04-01T00:15:00-05:00")
    )
    april = await admin.post(
        APPOINTMENTS, json=session(p, "2026-04-01T09:00:00-05:00", "2026-04-01T09:45:00-05:00")
    )
    online = await admin.post(
        APPOINTMENTS,
        json=session(
            p, at(20, 9), at(20, 10), location_id=p["video"]["id"], room_id=None, client_id=p["luis"]["id"]
        ),
    )
    assert {late_march.status_code, april.status_code, online.status_code} == {201}
    assert late_march.json()["starts_at"] == "2026-04-01T04:30:00Z"  # April in UTC

    march = (await admin.get(f"{APPOINTMENTS}/sessions-of-month", params={"month": "2026-03"})).json()
    assert [r["id"] for r in march] == [online.json()["id"], late_march.json()["id"]]
    only_april = (await admin.get(f"{APPOINTMENTS}/sessions-of-month", params={"month": "2026-04"})).json()
    assert [r["id"] for r in only_april] == [april.json()["id"]]
    virtual = (
        await admin.get(
            f"{APPOINTMENTS}/sessions-of-month", params={"month": "2026-03", "modality": "virtual"}
        )
    ).json()
    assert [r["client"]["first_name"] for r in virtual] == ["Luis"]
    by_name = (
        await admin.get(
            f"{APPOINTMENTS}/sessions-of-month", params={"month": "2026-03", "client_name": "ruíz"}
        )
    ).json()
    assert [r["id"] for r in by_name] == [late_march.json()["id"]]
    bad = await admin.get(f"{APPOINTMENTS}/sessions-of-month", params={"month": "2026-13"})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "month"


async def test_what_an_appointment_uses_is_deactivated_not_deleted(client_as: Any) -> None:
    """A practitioner, location or room that only an appointment uses is in use: 409 with the next
    step (the database would refuse the delete, which was a 500)."""
    admin = await client_as("admin")
    p = await _practice(admin)
    eva = await practitioner(admin, "Lic. Eva")
    booked = await admin.post(
        APPOINTMENTS, json=session(p, at(12, 9), at(12, 10), practitioner_id=eva["id"], allow_conflicts=True)
    )
    assert booked.status_code == 201, booked.text
    online = session(
        p, at(12, 11), at(12, 12), location_id=p["video"]["id"], room_id=None, practitioner_id=eva["id"]
    )
    assert (await admin.post(APPOINTMENTS, json=online)).status_code == 201
    for path in (
        f"/api/v1/practitioners/{eva['id']}",
        f"/api/v1/locations/{p['video']['id']}",
        f"/api/v1/rooms/{p['room']['id']}",
    ):
        refused = await admin.delete(path)
        assert refused.status_code == 409, (path, refused.text)
        assert refused.json()["code"] == "conflict.in_use" and "Deactivate" in refused.json()["next_step"]


async def test_a_refused_booking_keeps_its_idempotency_key_free_for_book_anyway(client_as: Any) -> None:
    """The booking form sends one key per opened form: a clash (409) stores nothing, so "book anyway"
    with the same key books, and a retry of that answers the same appointment."""
    admin = await client_as("admin")
    p = await _practice(admin)
    taken = await admin.post(APPOINTMENTS, json=session(p, at(12, 9), at(12, 10)))
    assert taken.status_code == 201
    key = {"Idempotency-Key": "form-7"}
    body = session(p, at(12, 9), at(12, 10), client_id=p["luis"]["id"])
    assert (await admin.post(APPOINTMENTS, json=body, headers=key)).status_code == 409
    anyway = await admin.post(APPOINTMENTS, json={**body, "allow_conflicts": True}, headers=key)
    assert anyway.status_code == 201, anyway.text
    again = await admin.post(APPOINTMENTS, json={**body, "allow_conflicts": True}, headers=key)
    assert again.status_code == 201 and again.json()["id"] == anyway.json()["id"]
    other = await admin.post(
        APPOINTMENTS, json={**body, "allow_conflicts": True, "instructions": "x"}, headers=key
    )
    assert other.status_code == 409 and other.json()["code"] == "conflict.idempotency_key_reused"


async def test_instants_out_of_any_zones_range_are_a_422_not_a_500(client_as: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    for start, end in (
        ("0001-01-01T00:00:00+14:00", "0001-01-05T00:00:00+14:00"),  # no UTC date at all
        ("9999-12-30T00:00:00-14:00", "9999-12-31T23:59:59-14:00"),
        ("1200-03-01T10:00:00-05:00", "1200-03-01T11:00:00-05:00"),
    ):
        window = await admin.get(APPOINTMENTS, params={"start": start, "end": end})
        assert window.status_code == 422, window.text
        first = window.json()["errors"][0]
        assert (first["field"], first["code"]) == ("start", "validation.date"), first
        assert "between the years 1900 and 2999" in first["message"]
        booked = await admin.post(APPOINTMENTS, json=session(p, start, end))
        assert booked.status_code == 422, booked.text
        assert {e["field"] for e in booked.json()["errors"]} <= {"starts_at", "ends_at"}
        assert {e["code"] for e in booked.json()["errors"]} == {"validation.date"}


async def test_a_telehealth_link_is_an_http_link(client_as: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    for bad in ("javascript:alert(1)", "data:text/html,hi", "https://meet.example/a b"):
        refused = await admin.post(APPOINTMENTS, json=session(p, at(12, 9), at(12, 10), telehealth_url=bad))
        assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "telehealth_url", bad
    link = "https://meet.example/tend-123"
    booked = await admin.post(APPOINTMENTS, json=session(p, at(12, 9), at(12, 10), telehealth_url=link))
    assert booked.status_code == 201 and booked.json()["telehealth_url"] == link
