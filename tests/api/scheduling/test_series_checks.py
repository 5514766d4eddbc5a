"""A series change gets the checks of a booking (the one validation of an appointment's fields that POST,
PATCH and series creation use): each problem is a 422 naming the field under `changes.`, in the preview
too, and nothing changes. The series: Tuesdays at 10:00 in New York from 3 March 2026 (clock: 10 March)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.api.scheduling.test_appointments import APPOINTMENTS, _practice
from tests.api.scheduling.test_series import _occurrences, _weekly

UNKNOWN = str(uuid.uuid4())
MOVE = {"starts_at": "2026-03-17T11:00:00-04:00", "ends_at": "2026-03-17T11:45:00-04:00"}


async def _series(client_as: Any) -> tuple[Any, dict[str, Any], list[dict[str, Any]]]:
    admin = await client_as("admin")
    p = await _practice(admin)
    await _weekly(admin, p)
    return admin, p, await _occurrences(admin, p)


def _problems(response: Any) -> dict[str, str]:
    assert response.status_code == 422, response.text
    return {e["field"]: e["code"] for e in response.json()["errors"]}


@pytest.mark.parametrize("scope", ["this", "following", "all"])
async def test_unknown_references_in_a_series_change_are_a_422_naming_them(
    client_as: Any, scope: str
) -> None:
    admin, _p, occurrences = await _series(client_as)
    target = occurrences[2]
    for name in ("service_id", "location_id", "room_id"):
        for dry_run in (True, False):
            body = {"scope": scope, "dry_run": dry_run, "changes": {name: UNKNOWN}}
            refused = await admin.post(f"{APPOINTMENTS}/{target['id']}/series-change", json=body)
            assert _problems(refused) == {f"changes.{name}": "validation.unknown_reference"}, (name, dry_run)
    assert await _occurrences(admin, _p) == occurrences


@pytest.mark.parametrize("scope", ["this", "following", "all"])
async def test_a_room_at_another_location_is_refused_as_by_patch(client_as: Any, scope: str) -> None:
    admin, p, occurrences = await _series(client_as)
    target = occurrences[2]
    body = {"scope": scope, "changes": {"location_id": p["video"]["id"]}}  # the room is at the office
    refused = await admin.post(f"{APPOINTMENTS}/{target['id']}/series-change", json=body)
    assert _problems(refused) == {"changes.room_id": "validation.invalid"}
    patched = await admin.patch(f"{APPOINTMENTS}/{target['id']}", json={"location_id": p["video"]["id"]})
    assert _problems(patched) == {"room_id": "validation.invalid"}
    assert await _occurrences(admin, p) == occurrences


async def test_moving_the_series_to_telehealth_adds_modifier_95_as_booking_does(client_as: Any) -> None:
    admin, p, occurrences = await _series(client_as)
    body = {"scope": "following", "changes": {"location_id": p["video"]["id"], "room_id": None}}
    moved = await admin.post(f"{APPOINTMENTS}/{occurrences[2]['id']}/series-change", json=body)
    assert moved.status_code == 200, moved.text
    after = {o["id"]: o for o in await _occurrences(admin, p)}
    for occurrence in occurrences[2:]:
        changed = (await admin.get(f"{APPOINTMENTS}/{occurrence['id']}")).json()
        assert (changed["location_id"], changed["room_id"], changed["modifiers"]) == (
            p["video"]["id"],
            None,
            ["95"],
        )
    assert after[occurrences[0]["id"]]["location_id"] == p["office"]["id"]  # the past, as it was


@pytest.mark.parametrize("scope", ["following", "all"])
async def test_clearing_what_a_session_needs_is_a_422_not_sessions_no_patch_accepts(
    client_as: Any, scope: str
) -> None:
    admin, p, occurrences = await _series(client_as)
    body = {"scope": scope, "changes": {"service_id": None, "location_id": None, "room_id": None}}
    refused = await admin.post(f"{APPOINTMENTS}/{occurrences[2]['id']}/series-change", json=body)
    assert _problems(refused) == {
        "changes.service_id": "validation.required",
        "changes.location_id": "validation.required",
    }
    assert await _occurrences(admin, p) == occurrences


async def test_a_rule_is_for_following_or_all_not_one_occurrence(client_as: Any) -> None:
    admin, p, occurrences = await _series(client_as)
    for dry_run in (True, False):
        body = {
            "scope": "this",
            "dry_run": dry_run,
            "changes": {"rule": {"freq": "weekly", "by_weekday": ["WE"]}},
        }
        refused = await admin.post(f"{APPOINTMENTS}/{occurrences[2]['id']}/series-change", json=body)
        assert _problems(refused) == {"changes.rule": "validation.invalid"}
    assert await _occurrences(admin, p) == occurrences


@pytest.mark.parametrize("scope", ["this", "following", "all"])
async def test_null_times_or_rule_and_an_end_before_the_start_are_422s(client_as: Any, scope: str) -> None:
    admin, p, occurrences = await _series(client_as)
    path = f"{APPOINTMENTS}/{occurrences[2]['id']}/series-change"
    for name in ("starts_at", "ends_at", "rule"):
        refused = await admin.post(path, json={"scope": scope, "changes": {name: None}})
        assert f"changes.{name}" in _problems(refused), (name, refused.text)
    backwards = {"starts_at": "2026-03-17T11:00:00-04:00", "ends_at": "2026-03-17T10:00:00-04:00"}
    refused = await admin.post(path, json={"scope": scope, "changes": backwards})
    assert _problems(refused) == {"changes.ends_at": "validation.date"}
    assert await _occurrences(admin, p) == occurrences
    moved = await admin.post(path, json={"scope": scope, "changes": MOVE})
    assert moved.status_code == 200, moved.text


@pytest.mark.parametrize("scope", ["following", "all"])
async def test_a_rule_ending_before_the_series_starts_is_refused_not_a_silent_delete(
    client_as: Any, scope: str
) -> None:
    admin, p, occurrences = await _series(client_as)
    before = await _occurrences(admin, p)
    for until in ("0001-01-01", "2020-01-01", "2026-03-16"):
        rule = {"freq": "weekly", "by_weekday": ["MO"], "until": until}
        for dry_run in (True, False):
            body = {"scope": scope, "dry_run": dry_run, "changes": {"rule": rule}}
            refused = await admin.post(f"{APPOINTMENTS}/{occurrences[2]['id']}/series-change", json=body)
            assert _problems(refused) == {"changes.rule.until": "validation.date"}, until
    assert await _occurrences(admin, p) == before


async def test_a_delete_with_changes_is_refused_naming_them(client_as: Any) -> None:
    admin, p, occurrences = await _series(client_as)
    body = {"scope": "following", "action": "delete", "changes": {"instructions": "x"}, "dry_run": False}
    refused = await admin.post(f"{APPOINTMENTS}/{occurrences[2]['id']}/series-change", json=body)
    assert _problems(refused) == {"changes": "validation.invalid"}
    assert len(await _occurrences(admin, p)) == len(occurrences)
