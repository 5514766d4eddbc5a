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


# ---- finding 5: a feed is bounded, cheap to re-fetch, rendered off the loop and rate limited ---------------


async def _feed_url(admin: Any, p: dict[str, Any]) -> str:
    made = await admin.post(f"/api/v1/practitioners/{p['carmen']['id']}/calendar-feed")
    assert made.status_code == 201, made.text
    return _path(made.json()["url"])


def _uids(content: bytes) -> set[str]:
    return {str(event["uid"]) for event in Calendar.from_ical(content).walk("VEVENT")}


async def test_a_feed_over_its_cap_drops_the_oldest_past_and_farthest_future_events(
    client_as: Any, client: Any, monkeypatch: Any
) -> None:
    from tend.domain.scheduling import feeds

    monkeypatch.setattr(feeds, "MAX_EVENTS", 4)
    monkeypatch.setattr(feeds, "MAX_PAST_EVENTS", 1)
    admin = await client_as("admin")
    p = await _practice(admin)
    ids = {}
    # The clock stands at 10 March, 10:00 in Lima.
    for name, start, end in (
        ("old", at(5, 9), at(5, 10)),
        ("recent", at(8, 9), at(8, 10)),
        ("tomorrow", at(11, 9), at(11, 10)),
        ("soon", at(12, 9), at(12, 10)),
        ("later", at(20, 9), at(20, 10)),
        ("april", "2026-04-10T09:00:00-05:00", "2026-04-10T10:00:00-05:00"),
        ("june", "2026-06-01T09:00:00-05:00", "2026-06-01T10:00:00-05:00"),
    ):
        booked = await admin.post(APPOINTMENTS, json=session(p, start, end))
        assert booked.status_code == 201, booked.text
        ids[name] = f"{booked.json()['id']}@tend"
    feed = await client.get(await _feed_url(admin, p))
    assert feed.status_code == 200
    assert _uids(feed.content) == {ids["recent"], ids["tomorrow"], ids["soon"], ids["later"]}


async def test_an_unchanged_feed_answers_304_to_its_etag_and_a_change_gives_a_new_one(
    client_as: Any, client: Any
) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    booked = (await admin.post(APPOINTMENTS, json=session(p, at(12, 9), at(12, 10)))).json()
    url = await _feed_url(admin, p)
    first = await client.get(url)
    etag = first.headers["etag"]
    assert first.status_code == 200 and etag.startswith('"') and not etag.startswith("W/")
    assert first.headers["cache-control"].startswith("private")
    again = await client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    assert (await client.get(url, headers={"If-None-Match": f'"other", {etag}'})).status_code == 304
    assert (await client.get(url)).content == first.content  # the same rows give the same bytes

    moved = await admin.patch(
        f"{APPOINTMENTS}/{booked['id']}", json={"starts_at": at(12, 11), "ends_at": at(12, 12)}
    )
    assert moved.status_code == 200, moved.text
    changed = await client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag


async def test_the_feed_is_rendered_off_the_event_loop(client_as: Any, client: Any, monkeypatch: Any) -> None:
    import threading
    from zoneinfo import ZoneInfo

    from tend.domain.scheduling import feeds

    admin = await client_as("admin")
    p = await _practice(admin)
    await admin.post(APPOINTMENTS, json=session(p, at(12, 9), at(12, 10)))
    url = await _feed_url(admin, p)
    threads: list[int] = []

    def spy(key: str) -> ZoneInfo:  # each event's zone is looked up while its lines are written
        threads.append(threading.get_ident())
        return ZoneInfo(key)

    monkeypatch.setattr(feeds, "ZoneInfo", spy)
    assert (await client.get(url)).status_code == 200
    assert threads and threading.get_ident() not in threads


async def test_a_feed_token_fetched_too_often_gets_429_until_its_bucket_refills(
    client_as: Any, client: Any, clock: Any
) -> None:
    from datetime import timedelta

    admin = await client_as("admin")
    p = await _practice(admin)
    url = await _feed_url(admin, p)
    other = (await admin.post(f"/api/v1/practitioners/{p['jorge']['id']}/calendar-feed")).json()["url"]
    statuses = [(await client.get(url)).status_code for _ in range(12)]
    assert statuses == [200] * 12
    refused = await client.get(url)
    assert refused.status_code == 429, refused.text
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert refused.json()["code"] == "rate_limited" and int(refused.headers["Retry-After"]) > 0
    assert (await client.get(_path(other))).status_code == 200  # per token: another feed is not affected
    clock.advance(timedelta(seconds=int(refused.headers["Retry-After"])))
    assert (await client.get(url)).status_code == 200


async def test_more_than_two_fetches_of_one_link_at_once_get_429(
    client_as: Any, client: Any, monkeypatch: Any
) -> None:
    import asyncio
    import time

    from tend.domain.scheduling import feeds

    admin = await client_as("admin")
    p = await _practice(admin)
    await admin.post(APPOINTMENTS, json=session(p, at(12, 9), at(12, 10)))
    url = await _feed_url(admin, p)
    slow = feeds._etag

    def slow_etag(*args: Any) -> str:  # a large feed: each fetch takes a while
        time.sleep(0.3)
        return slow(*args)

    monkeypatch.setattr(feeds, "_etag", slow_etag)
    answers = await asyncio.gather(*[client.get(url) for _ in range(4)])
    assert sorted(answer.status_code for answer in answers) == [200, 200, 429, 429]
    assert {answer.headers.get("Retry-After") for answer in answers if answer.status_code == 429} == {"1"}


# ---- finding 6: a link ends with what it was made for ------------------------------------------------------


async def _clinician_feed(client_as: Any) -> tuple[Any, dict[str, Any], Any, str]:
    admin = await client_as("admin")
    p = await _practice(admin)
    clinician = await client_as("clinician", practitioner_id=p["carmen"]["id"])
    made = await clinician.post(f"/api/v1/practitioners/{p['carmen']['id']}/calendar-feed")
    assert made.status_code == 201
    return admin, p, clinician.user, _path(made.json()["url"])


async def test_a_clinicians_feed_ends_when_her_user_is_deactivated(client_as: Any, client: Any) -> None:
    admin, _p, user, url = await _clinician_feed(client_as)
    assert (await client.get(url)).status_code == 200
    assert (await admin.patch(f"/api/v1/users/{user.id}", json={"active": False})).status_code == 200
    assert (await client.get(url)).status_code == 404
    assert (await admin.patch(f"/api/v1/users/{user.id}", json={"active": True})).status_code == 200
    assert (await client.get(url)).status_code == 404  # reactivating her does not bring the old link back


async def test_a_clinicians_feed_ends_when_her_role_changes(client_as: Any, client: Any) -> None:
    admin, _p, user, url = await _clinician_feed(client_as)
    changed = await admin.patch(f"/api/v1/users/{user.id}", json={"role": "front_desk"})
    assert changed.status_code == 200, changed.text
    assert (await client.get(url)).status_code == 404


async def test_a_clinicians_feed_ends_when_she_is_linked_to_another_practitioner(
    client_as: Any, client: Any
) -> None:
    admin, p, user, url = await _clinician_feed(client_as)
    relinked = await admin.patch(f"/api/v1/users/{user.id}", json={"practitioner_id": p["jorge"]["id"]})
    assert relinked.status_code == 200, relinked.text
    assert (await client.get(url)).status_code == 404


async def test_a_feed_ends_when_its_practitioner_is_deactivated(client_as: Any, client: Any) -> None:
    admin, p, _user, url = await _clinician_feed(client_as)
    deactivated = await admin.patch(f"/api/v1/practitioners/{p['carmen']['id']}", json={"active": False})
    assert deactivated.status_code == 200, deactivated.text
    assert (await client.get(url)).status_code == 404
    # No new link while she is inactive: it would start working the day she came back (probe of issue 16).
    refused = await admin.post(f"/api/v1/practitioners/{p['carmen']['id']}/calendar-feed")
    assert refused.status_code == 422, refused.text
    assert refused.json()["errors"][0]["code"] == "validation.inactive_reference"
    await admin.patch(f"/api/v1/practitioners/{p['carmen']['id']}", json={"active": True})
    assert (await client.get(url)).status_code == 404


async def test_a_feed_of_an_inactive_practitioner_is_refused_even_if_not_revoked(
    client_as: Any, client: Any, system_ctx: Any
) -> None:
    import uuid

    from tend.persistence.tables.practice import Practitioner

    admin = await client_as("admin")
    p = await _practice(admin)
    url = await _feed_url(admin, p)
    async with system_ctx() as ctx:  # straight to the row: no service's hook runs
        record = await ctx.session.get(Practitioner, uuid.UUID(p["carmen"]["id"]))
        record.active = False
    missing = await client.get(url)
    assert missing.status_code == 404
    unknown = await client.get("/public/v1/calendar/not-a-real-token-at-all.ics")
    assert missing.json()["detail"] == unknown.json()["detail"]  # one answer for every dead link


async def test_an_events_title_survives_the_feed_with_commas_semicolons_and_long_lines(
    client_as: Any, client: Any
) -> None:
    admin = await client_as("admin")
    p = await _practice(admin)
    title = "Reunión de equipo; revisar casos, planes y derivaciones \\ supervisión clínica mensual — ñandú"
    event = {
        "kind": "other_event", "title": title, "availability": "free", "practitioner_id": p["carmen"]["id"],
        "starts_at": at(13, 15), "ends_at": at(13, 16),
    }  # fmt: skip
    created = await admin.post(APPOINTMENTS, json=event)
    assert created.status_code == 201, created.text
    feed = await client.get(await _feed_url(admin, p))
    assert all(len(line) <= 75 for line in feed.content.split(b"\r\n"))  # folded (RFC 5545 3.1)
    [parsed] = Calendar.from_ical(feed.content).walk("VEVENT")
    assert str(parsed["summary"]) == title and str(parsed["transp"]) == "TRANSPARENT"
    assert parsed.decoded("dtstart").isoformat() == "2026-03-13T15:00:00-05:00"
