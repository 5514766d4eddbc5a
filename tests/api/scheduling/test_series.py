"""Recurring series over HTTP: occurrences keep local wall time across DST, edits and deletes by scope,
protected occurrences untouched, and the dry run equals the change. The clock: 2026-03-10 15:00 UTC."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from tests.api.scheduling.test_appointments import APPOINTMENTS, _practice

SERIES = "/api/v1/series"
NEW_YORK = ZoneInfo("America/New_York")


def _local(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(NEW_YORK)


async def _weekly(admin: Any, p: dict[str, Any], **extra: Any) -> dict[str, Any]:
    body = {
        "kind": "client_session", "practitioner_id": p["carmen"]["id"], "client_id": p["ana"]["id"],
        "service_id": p["service"]["id"], "location_id": p["office"]["id"], "room_id": p["room"]["id"],
        "time_zone": "America/New_York", "start_date": "2026-03-02", "local_time": "10:00",
        "duration_minutes": 45, "rule": {"freq": "weekly", "by_weekday": ["TU"], "count": 8}, **extra,
    }  # fmt: skip
    response = await admin.post(SERIES, json=body)
    assert response.status_code == 201, response.text
    return dict(response.json())


async def _occurrences(admin: Any, p: dict[str, Any]) -> list[dict[str, Any]]:
    listed = await admin.get(
        APPOINTMENTS,
        params={"start": "2026-03-01T00:00:00Z", "end": "2026-05-01T00:00:00Z", "client_id": p["ana"]["id"]},
    )
    assert listed.status_code == 200, listed.text
    return [e for e in listed.json() if e["status"] != "cancelled"]


async def test_a_weekly_series_keeps_ten_oclock_across_the_dst_change(client_as: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    created = await _weekly(admin, p)
    assert created["occurrences"] == 8
    occurrences = await _occurrences(admin, p)
    assert [_local(o["starts_at"]).strftime("%a %H:%M") for o in occurrences] == ["Tue 10:00"] * 8
    utc_hours = [o["starts_at"][11:16] for o in occurrences]
    assert utc_hours[0] == "15:00" and utc_hours[-1] == "14:00"  # EST before 8 March, EDT after


async def test_this_and_following_splits_the_series_and_keeps_the_past(client_as: Any, clock: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    await _weekly(admin, p)
    before = await _occurrences(admin, p)
    third = before[2]  # Tue 17 March
    attended = before[0]  # 3 March: in the past
    assert (
        await admin.post(f"{APPOINTMENTS}/{attended['id']}/status", json={"status": "attended"})
    ).status_code == 200
    drag = {"starts_at": "2026-03-18T11:30:00-04:00", "ends_at": "2026-03-18T12:15:00-04:00"}  # Wed 11:30
    body = {"scope": "following", "changes": drag}
    unchanged = await _occurrences(admin, p)

    preview = await admin.post(f"{APPOINTMENTS}/{third['id']}/series-change", json={**body, "dry_run": True})
    assert preview.status_code == 200, preview.text
    planned = preview.json()
    assert (await _occurrences(admin, p)) == unchanged  # nothing changed yet
    done = await admin.post(f"{APPOINTMENTS}/{third['id']}/series-change", json=body)
    assert done.status_code == 200, done.text
    applied = done.json()
    for part in ("moves", "creates", "deletes", "kept", "clashes"):
        assert applied[part] == planned[part], part

    after = await _occurrences(admin, p)
    shapes = [_local(o["starts_at"]).strftime("%a %d %H:%M") for o in after]
    assert shapes[:2] == ["Tue 03 10:00", "Tue 10 10:00"]  # before the split: as they were
    assert shapes[2:] == [
        "Wed 18 11:30",
        "Wed 25 11:30",
        "Wed 01 11:30",
        "Wed 08 11:30",
        "Wed 15 11:30",
        "Wed 22 11:30",
    ]
    assert len(applied["moves"]) == 6 and applied["creates"] == [] and applied["deletes"] == []


async def test_all_leaves_finished_and_individually_edited_occurrences_alone(client_as: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    await _weekly(admin, p)
    before = await _occurrences(admin, p)
    edited, cancelled = before[3], before[4]
    one_off = {
        "scope": "this",
        "changes": {"starts_at": "2026-03-24T16:00:00-04:00", "ends_at": "2026-03-24T16:45:00-04:00"},
    }
    assert (await admin.post(f"{APPOINTMENTS}/{edited['id']}/series-change", json=one_off)).status_code == 200
    assert (
        await admin.post(f"{APPOINTMENTS}/{cancelled['id']}/status", json={"status": "cancelled"})
    ).status_code == 200

    everything = {
        "scope": "all",
        "changes": {"starts_at": "2026-03-17T09:00:00-04:00", "ends_at": "2026-03-17T09:45:00-04:00"},
    }
    preview = (
        await admin.post(
            f"{APPOINTMENTS}/{before[2]['id']}/series-change", json={**everything, "dry_run": True}
        )
    ).json()
    kept = {k["appointment_id"]: (k["reason_code"], k["status"], k["reason"]) for k in preview["kept"]}
    assert kept == {
        edited["id"]: ("exception", "scheduled", "edited on its own"),
        cancelled["id"]: ("status", "cancelled", "already cancelled"),
    }
    applied = (await admin.post(f"{APPOINTMENTS}/{before[2]['id']}/series-change", json=everything)).json()
    assert applied["moves"] == preview["moves"] and applied["kept"] == preview["kept"]

    after = {o["id"]: _local(o["starts_at"]).strftime("%d %H:%M") for o in await _occurrences(admin, p)}
    assert after[edited["id"]] == "24 16:00"  # its own time, kept
    assert after[before[0]["id"]] == "03 10:00" and after[before[1]["id"]] == "10 10:00"  # the past, kept
    assert after[before[2]["id"]] == "17 09:00" and after[before[7]["id"]] == "21 09:00"


async def test_deleting_following_removes_only_future_scheduled_occurrences(client_as: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    await _weekly(admin, p)
    before = await _occurrences(admin, p)
    body = {"scope": "following", "action": "delete"}
    preview = (
        await admin.post(f"{APPOINTMENTS}/{before[5]['id']}/series-change", json={**body, "dry_run": True})
    ).json()
    assert [d["appointment_id"] for d in preview["deletes"]] == [o["id"] for o in before[5:]]
    applied = (await admin.post(f"{APPOINTMENTS}/{before[5]['id']}/series-change", json=body)).json()
    assert applied["deletes"] == preview["deletes"]
    assert [o["id"] for o in await _occurrences(admin, p)] == [o["id"] for o in before[:5]]


async def test_series_clashes_are_refused_unless_allowed_and_bad_rules_name_the_part(client_as: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    await admin.post(
        APPOINTMENTS,
        json={"kind": "other_event", "title": "Congreso", "practitioner_id": p["carmen"]["id"],
              "starts_at": "2026-03-31T08:00:00-04:00", "ends_at": "2026-03-31T18:00:00-04:00"},
    )  # fmt: skip
    clash = await admin.post(SERIES, json={
        "kind": "client_session", "practitioner_id": p["carmen"]["id"], "client_id": p["ana"]["id"],
        "service_id": p["service"]["id"], "location_id": p["office"]["id"], "time_zone": "America/New_York",
        "start_date": "2026-03-02", "local_time": "10:00", "duration_minutes": 45,
        "rule": {"freq": "weekly", "by_weekday": ["TU"], "count": 8},
    })  # fmt: skip
    assert clash.status_code == 409 and clash.json()["clashes"][0]["resources"] == ["busy_time"]
    bad = await admin.post(SERIES, json={"kind": "client_session",
                                          "practitioner_id": p["carmen"]["id"], "client_id": p["ana"]["id"],
                                          "service_id": p["service"]["id"], "location_id": p["office"]["id"],
                                          "start_date": "2026-03-02", "local_time": "10:00",
                                          "duration_minutes": 45,
                                          "rule": {"freq": "daily", "interval": 0}})  # fmt: skip
    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["errors"]} >= {"rule.freq", "rule.interval"}


async def test_deleting_one_occurrence_keeps_the_rules_of_a_lone_session(
    client_as: Any, run_jobs: Any
) -> None:
    """A signed note and a live bill protect an occurrence from series-change as from DELETE, preview too."""
    admin = await client_as("admin")
    p = await _practice(admin)
    await _weekly(admin, p)
    first, second = (await _occurrences(admin, p))[:2]  # 3 March (past), 10 March at 10:00 (started)
    this = {"scope": "this", "action": "delete"}

    carmen = await client_as("clinician", practitioner_id=p["carmen"]["id"])  # the treating clinician
    await carmen.put(f"{APPOINTMENTS}/{first['id']}/note", json={"text": "Avances"})
    assert (await carmen.post(f"{APPOINTMENTS}/{first['id']}/note/sign")).status_code == 200
    for dry_run in (True, False):
        signed = await admin.post(
            f"{APPOINTMENTS}/{first['id']}/series-change", json={**this, "dry_run": dry_run}
        )
        assert signed.status_code == 409 and signed.json()["code"] == "conflict.note_signed", signed.text

    attended = await admin.post(f"{APPOINTMENTS}/{second['id']}/status", json={"status": "attended"})
    assert attended.status_code == 200, attended.text
    await run_jobs()  # the session is charged and billed
    billed = await admin.post(f"{APPOINTMENTS}/{second['id']}/series-change", json=this)
    assert billed.status_code == 409 and billed.json()["code"] == "conflict.bill_not_cancelled", billed.text
    assert "Cancel the bill" in billed.json()["next_step"]
    for kept in (first, second):
        assert (await admin.get(f"{APPOINTMENTS}/{kept['id']}")).status_code == 200
    note = (await carmen.get(f"{APPOINTMENTS}/{first['id']}/note")).json()
    assert note["text"] == "Avances" and note["signed_at"] is not None


async def test_a_grouped_occurrence_stays_with_its_group_when_the_series_moves(client_as: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    await _weekly(admin, p)
    occurrences = await _occurrences(admin, p)
    grouped = occurrences[3]  # Tue 24 March: Luis joins it as a group session
    joined = await admin.post(
        APPOINTMENTS,
        json={
            "kind": "client_session", "practitioner_id": p["carmen"]["id"], "client_id": p["luis"]["id"],
            "service_id": p["service"]["id"], "location_id": p["office"]["id"], "room_id": p["room"]["id"],
            "starts_at": grouped["starts_at"], "ends_at": grouped["ends_at"],
            "group_with_appointment_id": grouped["id"],
        },
    )  # fmt: skip
    assert joined.status_code == 201, joined.text
    change = {
        "scope": "following",
        "changes": {"starts_at": "2026-03-17T11:00:00-04:00", "ends_at": "2026-03-17T11:45:00-04:00"},
    }
    plan = await admin.post(f"{APPOINTMENTS}/{occurrences[2]['id']}/series-change", json=change)
    assert plan.status_code == 200, plan.text
    kept = {k["appointment_id"]: k["reason_code"] for k in plan.json()["kept"]}
    assert kept.get(grouped["id"]) == "group"
    for member in (grouped["id"], joined.json()["id"]):  # the group kept its slot, together
        after = (await admin.get(f"{APPOINTMENTS}/{member}")).json()
        assert after["starts_at"] == grouped["starts_at"]


async def test_a_series_starts_about_now_not_centuries_back(client_as: Any) -> None:
    """Every occurrence up to the horizon becomes a row: a start in year 1 booked 740,000 of them."""
    admin = await client_as("admin")
    p = await _practice(admin)
    for start in ("0001-01-01", "2020-01-06", "2026-02-06", "2029-03-10"):
        body = {
            "kind": "client_session", "practitioner_id": p["carmen"]["id"], "client_id": p["ana"]["id"],
            "service_id": p["service"]["id"], "location_id": p["office"]["id"], "start_date": start,
            "local_time": "10:00", "duration_minutes": 45, "rule": {"freq": "weekly", "by_weekday": ["MO"]},
            "allow_conflicts": True,
        }  # fmt: skip
        refused = await admin.post(SERIES, json=body)
        assert refused.status_code == 422, (start, refused.text)
        assert refused.json()["errors"][0]["field"] == "start_date"
    assert await _occurrences(admin, p) == []
    recent = await _weekly(admin, p, start_date="2026-02-09", rule={"freq": "weekly", "by_weekday": ["MO"]})
    assert recent["occurrences"] > 0  # a month back is still fine
