"""A practitioner's ICS feed: correct zoned times, initials only, revocable secret link."""

from __future__ import annotations

from typing import Any

from icalendar import Calendar

from tests.api.scheduling.test_appointments import APPOINTMENTS, _practice, at, session


def _path(url: str) -> str:
    return url.removeprefix("http://testserver")


async def test_the_feed_shows_times_with_their_zone_and_clients_by_initials(
    client_as: Any, client: Any
) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    booked = (await admin.post(APPOINTMENTS, json=session(p, at(12, 9, 7), at(12, 9, 52)))).json()
    cancelled = (await admin.post(APPOINTMENTS, json=session(p, at(20, 9), at(20, 10)))).json()
    await admin.post(f"{APPOINTMENTS}/{cancelled['id']}/status", json={"status": "cancelled"})
    new_york = await admin.post(
        APPOINTMENTS,
        json=session(
            p, "2026-03-13T10:00:00-04:00", "2026-03-13T10:45:00-04:00", time_zone="America/New_York"
        ),
    )
    assert new_york.status_code == 201

    made = await admin.post(f"/api/v1/practitioners/{p['carmen']['id']}/calendar-feed")
    assert made.status_code == 201
    feed = await client.get(_path(made.json()["url"]))
    assert feed.status_code == 200 and feed.headers["content-type"].startswith("text/calendar")
    text = feed.text
    assert "Ana" not in text and "Ruiz" not in text  # initials only
    events = {str(e["uid"]): e for e in Calendar.from_ical(feed.content).walk("VEVENT")}
    assert set(events) == {f"{booked['id']}@tend", f"{new_york.json()['id']}@tend"}
    lima = events[f"{booked['id']}@tend"]
    assert str(lima["summary"]) == "Sesión · A.R."
    start = lima.decoded("dtstart")
    assert (start.isoformat(), str(start.tzinfo)) == ("2026-03-12T09:07:00-05:00", "America/Lima")
    assert lima["dtstart"].params["TZID"] == "America/Lima"
    assert events[f"{new_york.json()['id']}@tend"]["dtstart"].params["TZID"] == "America/New_York"
    assert "BEGIN:VTIMEZONE" in text


async def test_a_new_link_replaces_the_old_one_and_revoking_ends_it(client_as: Any, client: Any) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    url = f"/api/v1/practitioners/{p['carmen']['id']}/calendar-feed"
    first = (await admin.post(url)).json()["url"]
    second = (await admin.post(url)).json()["url"]
    assert (await client.get(_path(first))).status_code == 404
    assert (await client.get(_path(second))).status_code == 200
    assert (await admin.delete(url)).status_code == 204
    assert (await client.get(_path(second))).status_code == 404
    assert (await client.get("/public/v1/calendar/not-a-real-token-at-all.ics")).status_code == 404


async def test_clinicians_manage_their_own_feed_only_and_keys_none(
    client_as: Any, client_with_key: Any
) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    clinician = await client_as("clinician", practitioner_id=p["carmen"]["id"])
    assert (
        await clinician.post(f"/api/v1/practitioners/{p['carmen']['id']}/calendar-feed")
    ).status_code == 201
    other = await clinician.post(f"/api/v1/practitioners/{p['jorge']['id']}/calendar-feed")
    assert other.status_code == 403
    key = await client_with_key("read", "write")
    assert (await key.post(f"/api/v1/practitioners/{p['carmen']['id']}/calendar-feed")).status_code == 403
