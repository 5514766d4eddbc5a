"""Issue 17: "this and following" from an occurrence edited on its own. The occurrence a person acts on takes
the change, a series keeps its number of occurrences across splits, and the preview is the result.

The series: ten Tuesdays at 16:00 in Lima from 10 March 2026 (ending after a count or on a date); the clock
stands at 10 March 15:00 UTC (10:00 in Lima), so every occurrence is still to come."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tend.core.actor import Actor
from tend.domain.context import Context
from tend.domain.scheduling import series
from tend.persistence.db import unit_of_work
from tests.api.scheduling.test_appointments import APPOINTMENTS, _practice

SERIES = "/api/v1/series"
LIMA = ZoneInfo("America/Lima")
ENDS = {"count": {"count": 10}, "until": {"until": "2026-05-12"}}  # ten Tuesdays either way
PARTS = ("moves", "creates", "deletes", "kept", "clashes")


def _shape(iso: str) -> str:
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(LIMA).strftime("%a %d/%m %H:%M")


async def _tuesdays(admin: Any, p: dict[str, Any], **end: Any) -> list[dict[str, Any]]:
    body = {
        "kind": "client_session", "practitioner_id": p["carmen"]["id"], "client_id": p["ana"]["id"],
        "service_id": p["service"]["id"], "location_id": p["office"]["id"], "room_id": p["room"]["id"],
        "time_zone": "America/Lima", "start_date": "2026-03-10", "local_time": "16:00",
        "duration_minutes": 45, "rule": {"freq": "weekly", "by_weekday": ["TU"], **end},
    }  # fmt: skip
    created = await admin.post(SERIES, json=body)
    assert created.status_code == 201, created.text
    return await _sessions(admin, p)


async def _sessions(admin: Any, p: dict[str, Any]) -> list[dict[str, Any]]:
    """Ana's appointments from March to September (the calendar answers 62 days at a time)."""
    found: dict[str, dict[str, Any]] = {}
    for start, end in (("03-01", "05-01"), ("05-01", "07-01"), ("07-01", "09-01"), ("09-01", "10-01")):
        listed = await admin.get(
            APPOINTMENTS,
            params={
                "start": f"2026-{start}T00:00:00Z",
                "end": f"2026-{end}T00:00:00Z",
                "client_id": p["ana"]["id"],
            },
        )
        assert listed.status_code == 200, listed.text
        found.update({a["id"]: a for a in listed.json()})
    return sorted(found.values(), key=lambda a: str(a["starts_at"]))


async def _change(admin: Any, appointment_id: str, body: dict[str, Any]) -> dict[str, Any]:
    """The preview, then the same request: both answer the same plan, which is returned."""
    path = f"{APPOINTMENTS}/{appointment_id}/series-change"
    preview = await admin.post(path, json={**body, "dry_run": True})
    assert preview.status_code == 200, preview.text
    done = await admin.post(path, json=body)
    assert done.status_code == 200, done.text
    for part in PARTS:
        assert done.json()[part] == preview.json()[part], part
    return dict(done.json())


@pytest.mark.parametrize("end", list(ENDS))
async def test_this_and_following_from_an_occurrence_moved_on_its_own_moves_it_and_keeps_ten(
    client_as: Any, end: str
) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    second = (await _tuesdays(admin, p, **ENDS[end]))[1]  # Tue 17 March
    alone = {"starts_at": "2026-03-18T16:00:00-05:00", "ends_at": "2026-03-18T16:45:00-05:00"}
    await _change(admin, second["id"], {"scope": "this", "changes": alone})

    later = {"starts_at": "2026-03-18T17:00:00-05:00", "ends_at": "2026-03-18T17:45:00-05:00"}
    plan = await _change(admin, second["id"], {"scope": "following", "changes": later})
    assert plan["kept"] == [] and plan["creates"] == [] and plan["deletes"] == []
    assert plan["moves"][0]["appointment_id"] == second["id"]
    assert _shape(plan["moves"][0]["to_starts_at"]) == "Wed 18/03 17:00"  # where the person put it
    assert len(plan["moves"]) == 9

    after = await _sessions(admin, p)
    assert [_shape(a["starts_at"]) for a in after] == [
        "Tue 10/03 16:00",
        "Wed 18/03 17:00",
        "Wed 25/03 17:00",
        "Wed 01/04 17:00",
        "Wed 08/04 17:00",
        "Wed 15/04 17:00",
        "Wed 22/04 17:00",
        "Wed 29/04 17:00",
        "Wed 06/05 17:00",
        "Wed 13/05 17:00",
    ]  # ten, as before: none added at the end
    moved = (await admin.get(f"{APPOINTMENTS}/{second['id']}")).json()
    assert moved["series_exception"] is False  # it is where its new series puts it
    assert moved["series_id"] == plan["series_id"]


async def test_a_count_is_kept_across_splits_and_a_session_deleted_alone_stays_deleted(
    client_as: Any, sessions: Any, clock: Any
) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    tuesdays = await _tuesdays(admin, p, count=10)
    deleted = await admin.post(
        f"{APPOINTMENTS}/{tuesdays[5]['id']}/series-change", json={"scope": "this", "action": "delete"}
    )
    assert deleted.status_code == 200, deleted.text
    edited = {"starts_at": "2026-04-07T09:00:00-05:00", "ends_at": "2026-04-07T09:45:00-05:00"}
    await _change(admin, tuesdays[4]["id"], {"scope": "this", "changes": edited})  # 7 April, alone

    # From the third: Thursdays at 18:00. The one edited alone keeps its place and still counts.
    thursday = {"starts_at": "2026-03-26T18:00:00-05:00", "ends_at": "2026-03-26T18:45:00-05:00"}
    plan = await _change(admin, tuesdays[2]["id"], {"scope": "following", "changes": thursday})
    assert [(k["appointment_id"], k["reason_code"]) for k in plan["kept"]] == [
        (tuesdays[4]["id"], "exception")
    ]
    assert plan["creates"] == [] and plan["deletes"] == []
    # And from the fourth again, to 08:00: still the same occurrences, at most ten.
    morning = {"starts_at": "2026-04-02T08:00:00-05:00", "ends_at": "2026-04-02T08:45:00-05:00"}
    await _change(admin, tuesdays[3]["id"], {"scope": "following", "changes": morning})

    after = [_shape(a["starts_at"]) for a in await _sessions(admin, p)]
    assert after == [
        "Tue 10/03 16:00",
        "Tue 17/03 16:00",
        "Thu 26/03 18:00",
        "Thu 02/04 08:00",
        "Tue 07/04 09:00",  # edited on its own: as it was
        # 14 April was deleted on its own: it stays deleted (Thursday 16 April is not booked)
        "Thu 23/04 08:00",
        "Thu 30/04 08:00",
        "Thu 07/05 08:00",
        "Thu 14/05 08:00",
    ]
    # The daily job, weeks later, adds nothing: the series has had its ten.
    clock.set(clock.now() + timedelta(days=30))
    async with unit_of_work(sessions) as session:
        assert await series.extend_all(Context(session=session, clock=clock, actor=Actor.system())) == 0
    admin = await client_as("admin")  # signed in again, a month later
    assert [_shape(a["starts_at"]) for a in await _sessions(admin, p)] == after


async def test_deleting_this_and_following_of_an_open_series_never_brings_them_back(
    client_as: Any, sessions: Any, clock: Any
) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    tuesdays = await _tuesdays(admin, p)  # no end
    plan = await _change(admin, tuesdays[3]["id"], {"scope": "following", "action": "delete"})
    assert [d["appointment_id"] for d in plan["deletes"]] == [t["id"] for t in tuesdays[3:]]
    clock.set(clock.now() + timedelta(days=30))
    async with unit_of_work(sessions) as session:
        assert await series.extend_all(Context(session=session, clock=clock, actor=Actor.system())) == 0
    admin = await client_as("admin")  # signed in again, a month later
    assert [a["id"] for a in await _sessions(admin, p)] == [t["id"] for t in tuesdays[:3]]


async def test_all_from_an_occurrence_edited_alone_takes_the_change_too(client_as: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    tuesdays = await _tuesdays(admin, p, count=10)
    alone = {"starts_at": "2026-03-25T16:00:00-05:00", "ends_at": "2026-03-25T16:45:00-05:00"}
    await _change(admin, tuesdays[2]["id"], {"scope": "this", "changes": alone})  # Wed 25 March
    noon = {"starts_at": "2026-03-25T12:00:00-05:00", "ends_at": "2026-03-25T12:45:00-05:00"}
    plan = await _change(admin, tuesdays[2]["id"], {"scope": "all", "changes": noon})
    assert plan["kept"] == [] and len(plan["moves"]) == 10
    after = [_shape(a["starts_at"]) for a in await _sessions(admin, p)]
    assert after[:3] == ["Wed 11/03 12:00", "Wed 18/03 12:00", "Wed 25/03 12:00"]
    assert len(after) == 10 and after[-1] == "Wed 13/05 12:00"


async def test_a_change_of_only_other_fields_keeps_an_occurrence_edited_alone_where_it_is(
    client_as: Any,
) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    tuesdays = await _tuesdays(admin, p, count=10)
    alone = {"starts_at": "2026-03-18T16:00:00-05:00", "ends_at": "2026-03-18T16:45:00-05:00"}
    await _change(admin, tuesdays[1]["id"], {"scope": "this", "changes": alone})
    notes = {"instructions": "Traer el cuaderno"}
    plan = await _change(admin, tuesdays[1]["id"], {"scope": "following", "changes": notes})
    assert plan["moves"][0]["appointment_id"] == tuesdays[1]["id"]
    assert _shape(plan["moves"][0]["to_starts_at"]) == "Wed 18/03 16:00"
    moved = (await admin.get(f"{APPOINTMENTS}/{tuesdays[1]['id']}")).json()
    assert (moved["instructions"], moved["series_exception"]) == ("Traer el cuaderno", True)
    after = [_shape(a["starts_at"]) for a in await _sessions(admin, p)]
    assert len(after) == 10 and after[2] == "Tue 24/03 16:00"
