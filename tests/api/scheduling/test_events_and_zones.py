"""Events that block everyone's time are bounded and the admins' and front desk's; a clinician's calendar
shows a colleague's time as busy only when the clash check counts it as taken; a time zone is an IANA zone's
name, not a file of the server's zone database. The clock: 2026-03-10 15:00 UTC (10:00 in Lima)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.scheduling.test_appointments import APPOINTMENTS, _practice, at, session
from tests.api.scheduling.test_series import SERIES


def _event(start: str, end: str, **extra: Any) -> dict[str, Any]:
    return {"kind": "other_event", "title": "Cerrado", "starts_at": start, "ends_at": end, **extra}


def _refused_practice_wide(response: Any) -> None:
    assert response.status_code == 403, response.text
    assert response.json()["code"] == "forbidden.practice_wide_event"


async def test_a_key_cannot_close_the_practice_for_centuries(client_as: Any, client_with_key: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    key = await client_with_key("read", "write")
    centuries = _event("1900-01-01T00:00:00Z", "2999-12-31T00:00:00Z")
    for caller in (key, admin):
        refused = await caller.post(APPOINTMENTS, json=centuries)
        assert refused.status_code in (403, 422), refused.text
    too_long = await admin.post(APPOINTMENTS, json=centuries)
    assert [(e["field"], e["code"]) for e in too_long.json()["errors"]] == [
        ("ends_at", "validation.out_of_range")
    ]
    booked = await admin.post(APPOINTMENTS, json=session(p, at(12, 9), at(12, 10)))
    assert booked.status_code == 201, booked.text  # nothing blocks the calendar


async def test_an_event_lasts_at_most_31_days_and_a_session_a_day(client_as: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    holidays = await admin.post(APPOINTMENTS, json=_event(at(20, 0), "2026-04-20T00:00:00-05:00"))
    assert holidays.status_code == 201, holidays.text  # 31 days: a closure of a few weeks is fine
    longer = await admin.patch(
        f"{APPOINTMENTS}/{holidays.json()['id']}", json={"ends_at": "2026-04-20T00:01:00-05:00"}
    )
    assert longer.status_code == 422 and longer.json()["errors"][0]["field"] == "ends_at", longer.text
    own = _event(at(11, 0), "2026-04-12T00:00:00-05:00", practitioner_id=p["carmen"]["id"])
    refused = await admin.post(APPOINTMENTS, json=own)
    assert refused.status_code == 422 and refused.json()["errors"][0]["code"] == "validation.out_of_range"
    assert "at most 31 days" in refused.json()["errors"][0]["message"]
    day_long = await admin.post(APPOINTMENTS, json=session(p, at(12, 9), at(13, 9, 1), allow_conflicts=True))
    assert day_long.status_code == 422 and day_long.json()["errors"][0]["field"] == "ends_at", day_long.text
    assert "at most 24 hours" in day_long.json()["errors"][0]["message"]


async def test_practice_wide_events_are_the_admins_and_the_front_desks(
    client_as: Any, client_with_key: Any
) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    desk = await client_as("front_desk")
    clinician = await client_as("clinician", practitioner_id=p["carmen"]["id"])
    key = await client_with_key("read", "write")
    meeting = _event(at(13, 12), at(13, 13), title="Reunión de equipo")
    for caller in (key, clinician):
        _refused_practice_wide(await caller.post(APPOINTMENTS, json=meeting))
        series = {
            "kind": "other_event", "title": "Reunión", "start_date": "2026-03-16", "local_time": "12:00",
            "duration_minutes": 60, "rule": {"freq": "weekly", "by_weekday": ["MO"], "count": 3},
        }  # fmt: skip
        _refused_practice_wide(await caller.post(SERIES, json=series))
    made = await desk.post(APPOINTMENTS, json=meeting)
    assert made.status_code == 201, made.text
    path = f"{APPOINTMENTS}/{made.json()['id']}"
    _refused_practice_wide(await key.patch(path, json={"title": "Otra cosa"}))
    _refused_practice_wide(await key.delete(path))
    assert (await admin.get(path)).json()["title"] == "Reunión de equipo"
    # A key's own practitioner's events are fine; turning one practice-wide is not.
    jorges = _event(at(14, 12), at(14, 13), title="Supervisión", practitioner_id=p["jorge"]["id"])
    theirs = await key.post(APPOINTMENTS, json=jorges)
    assert theirs.status_code == 201, theirs.text
    _refused_practice_wide(
        await key.patch(f"{APPOINTMENTS}/{theirs.json()['id']}", json={"practitioner_id": None})
    )
    assert (await admin.patch(path, json={"title": "Reunión mensual"})).status_code == 200
    assert (await desk.delete(path)).status_code == 204


async def test_a_colleagues_cancelled_time_is_not_a_busy_block(client_as: Any) -> None:
    """The clash check books over a cancelled session and a free event: the calendar must not say busy."""
    admin = await client_as("admin")
    p = await _practice(admin)
    jorge = {"practitioner_id": p["jorge"]["id"], "client_id": p["luis"]["id"], "room_id": None}
    made = {
        name: (await admin.post(APPOINTMENTS, json=session(p, at(day, 9), at(day, 10), **jorge))).json()
        for name, day in (("cancelled", 20), ("late", 10), ("kept", 21))
    }
    free = await admin.post(
        APPOINTMENTS,
        json=_event(at(22, 9), at(22, 10), practitioner_id=p["jorge"]["id"], availability="free"),
    )
    own = (await admin.post(APPOINTMENTS, json=session(p, at(23, 9), at(23, 10)))).json()
    for appointment in (made["cancelled"], made["late"], own):
        cancel = await admin.post(f"{APPOINTMENTS}/{appointment['id']}/status", json={"status": "cancelled"})
        assert cancel.status_code == 200, cancel.text
    assert (await admin.get(f"{APPOINTMENTS}/{made['late']['id']}")).json()["status"] == "late_cancelled"

    clinician = await client_as("clinician", practitioner_id=p["carmen"]["id"])
    window = {"start": at(10, 0), "end": at(25, 0)}
    listed = {e["id"]: e["busy_only"] for e in (await clinician.get(APPOINTMENTS, params=window)).json()}
    assert listed == {made["kept"]["id"]: True, own["id"]: False}, (listed, free.json()["id"])
    over = await admin.post(
        APPOINTMENTS, json=session(p, at(20, 9), at(20, 10), practitioner_id=p["jorge"]["id"], room_id=None)
    )
    assert over.status_code == 201, over.text  # what the block hid was indeed free


NOT_ZONES = ["localtime", "Factory", "posixrules", "/etc/localtime", "../zoneinfo/UTC", "posix/America/Lima"]


@pytest.mark.parametrize("name", NOT_ZONES)
async def test_a_time_zone_is_an_iana_name_everywhere(client_as: Any, name: str) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    booked = (await admin.post(APPOINTMENTS, json=session(p, at(12, 9), at(12, 10)))).json()
    series = {
        "kind": "client_session", "practitioner_id": p["carmen"]["id"], "client_id": p["ana"]["id"],
        "service_id": p["service"]["id"], "location_id": p["office"]["id"], "start_date": "2026-03-16",
        "local_time": "10:00", "duration_minutes": 45, "rule": {"freq": "weekly", "by_weekday": ["MO"]},
        "time_zone": name,
    }  # fmt: skip
    for refused in (
        await admin.patch("/api/v1/practice", json={"time_zone": name}),
        await admin.post(APPOINTMENTS, json=session(p, at(13, 9), at(13, 10), time_zone=name)),
        await admin.patch(f"{APPOINTMENTS}/{booked['id']}", json={"time_zone": name}),
        await admin.post(SERIES, json=series),
    ):
        assert refused.status_code == 422, refused.text
        assert [e["field"] for e in refused.json()["errors"]] == ["time_zone"], refused.text
    assert (await admin.get("/api/v1/practice")).json()["time_zone"] == "America/Lima"


async def test_canonical_zone_names_are_accepted(client_as: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    for name in ("Europe/Madrid", "UTC", "America/Argentina/Buenos_Aires"):
        assert (await admin.patch("/api/v1/practice", json={"time_zone": name})).status_code == 200, name
        booked = await admin.post(APPOINTMENTS, json=session(p, at(12, 9), at(12, 10), time_zone=name))
        assert booked.status_code == 201 and booked.json()["time_zone"] == name, booked.text
        assert (await admin.delete(f"{APPOINTMENTS}/{booked.json()['id']}")).status_code == 204
