"""Random sequences of series changes (`this`, `following`, `all`; moves and deletes) against a reference
model of what a ten-session series should hold: after each change the calendar is exactly the model (no
session added, the one acted on where the person put it, one deleted alone still deleted, one edited alone
where it was), and each preview is the change it announced.

Each example books a new client's series of ten Tuesdays at 16:00 in Lima from 10 March 2026 (the clock:
10 March, 10:00 in Lima, so every session is to come). Moves land 0-2 days after the session's slot, between
12:00 and 18:30, so nothing moves into the past."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.api.helpers import client_record
from tests.api.scheduling.test_appointments import APPOINTMENTS, _practice

LIMA = ZoneInfo("America/Lima")
PARTS = ("moves", "creates", "deletes", "kept", "clashes")
KINDS = ("this", "this", "following", "following", "all", "this-delete", "following-delete", "all-delete")


@dataclass
class Entry:
    """One of the ten sessions, as the model sees it (local wall times)."""

    id: str
    slot: datetime  # where its series' rule puts it
    start: datetime  # where it is
    series: int | None = 0  # None: an earlier split left it outside any rule
    exception: bool = False
    alive: bool = True


@dataclass(frozen=True)
class Op:
    kind: str
    pick: int
    days: int
    hour: int
    minute: int


OPS = st.builds(
    Op,
    kind=st.sampled_from(KINDS),
    pick=st.integers(0, 9),
    days=st.integers(0, 2),
    hour=st.integers(12, 18),
    minute=st.sampled_from([0, 30]),
)


def _iso(local: datetime) -> str:
    return local.replace(tzinfo=LIMA).isoformat()


def _local(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(LIMA).replace(tzinfo=None)


class Model:
    def __init__(self, ids: list[str]) -> None:
        first = datetime(2026, 3, 10, 16, 0)
        self.entries = [
            Entry(i, first + timedelta(weeks=n), first + timedelta(weeks=n)) for n, i in enumerate(ids)
        ]
        self.series = 0

    def alive(self) -> list[Entry]:
        return [e for e in self.entries if e.alive]

    def split(self, target: Entry, scope: str) -> list[Entry]:
        """The entries of the target's series from the pivot on: the target for `following`, the first that
        may change (not edited alone, or the target) for `all`."""
        members = [e for e in self.entries if e.series == target.series]
        if scope == "following":
            pivot = self.entries.index(target)
        else:
            pivot = min(
                self.entries.index(e) for e in members if e.alive and (not e.exception or e is target)
            )
        return [e for e in members if self.entries.index(e) >= pivot]

    def move(self, target: Entry, scope: str, new: datetime) -> None:
        if scope == "this":
            target.start, target.exception = new, True
            return
        shift = new.date() - target.slot.date()
        self.series += 1
        for entry in self.split(target, scope):
            entry.slot = datetime.combine(entry.slot.date() + shift, new.time())
            entry.series = self.series  # one edited alone stays where it is, but in the new series
            if entry is target:
                entry.start, entry.exception = new, new != entry.slot
            elif not entry.exception:
                entry.start = entry.slot

    def delete(self, target: Entry, scope: str) -> None:
        if scope == "this":
            target.alive = False
            return
        for entry in self.split(target, scope):
            if not entry.exception or entry is target:
                entry.alive = False
            entry.series = None  # the old series ends before them

    def calendar(self) -> dict[str, datetime]:
        return {e.id: e.start for e in self.alive()}


async def _calendar(admin: Any, client_id: str) -> dict[str, datetime]:
    found: dict[str, datetime] = {}
    for start, end in (("2026-03-01", "2026-05-01"), ("2026-05-01", "2026-07-01")):
        params = {"start": f"{start}T00:00:00Z", "end": f"{end}T00:00:00Z", "client_id": client_id}
        listed = await admin.get(APPOINTMENTS, params=params)
        assert listed.status_code == 200, listed.text
        found.update({a["id"]: _local(a["starts_at"]) for a in listed.json()})
    return found


@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=st.lists(OPS, min_size=1, max_size=5))
async def test_random_series_changes_keep_the_count_move_the_session_acted_on_and_do_what_they_previewed(
    client_as: Any, ops: list[Op]
) -> None:
    admin = await client_as("admin")
    if not hasattr(client_as, "practice"):  # one practice for every example; a new client each
        client_as.practice = await _practice(admin)
    p = client_as.practice
    client = await client_record(admin, "Ana", "Prueba", practitioner_ids=[p["carmen"]["id"]])
    body = {
        "kind": "client_session", "practitioner_id": p["carmen"]["id"], "client_id": client["id"],
        "service_id": p["service"]["id"], "location_id": p["office"]["id"], "time_zone": "America/Lima",
        "start_date": "2026-03-10", "local_time": "16:00", "duration_minutes": 45, "allow_conflicts": True,
        "rule": {"freq": "weekly", "by_weekday": ["TU"], "count": 10},
    }  # fmt: skip
    assert (await admin.post("/api/v1/series", json=body)).status_code == 201
    start = await _calendar(admin, client["id"])
    model = Model(sorted(start, key=lambda i: start[i]))
    assert model.calendar() == start

    for op in ops:
        alive = model.alive()
        if not alive:
            break
        target = alive[op.pick % len(alive)]
        scope, _, delete = op.kind.partition("-")
        new = datetime.combine(target.slot.date() + timedelta(days=op.days), time(op.hour, op.minute))
        change: dict[str, Any] = {"scope": scope, "allow_conflicts": True}
        if delete:
            change["action"] = "delete"
        else:
            change["changes"] = {"starts_at": _iso(new), "ends_at": _iso(new + timedelta(minutes=45))}
        path = f"{APPOINTMENTS}/{target.id}/series-change"
        preview = await admin.post(path, json={**change, "dry_run": True})
        if scope != "this" and target.series is None:  # outside any rule now: changed on its own only
            assert preview.status_code == 422 and preview.json()["errors"][0]["field"] == "scope"
            continue
        assert preview.status_code == 200, (op, preview.text)
        done = await admin.post(path, json=change)
        assert done.status_code == 200, (op, done.text)
        for part in PARTS:
            assert done.json()[part] == preview.json()[part], (op, part)
        if delete:
            model.delete(target, scope)
        else:
            model.move(target, scope, new)
        assert await _calendar(admin, client["id"]) == model.calendar(), op
        assert len(model.calendar()) <= 10


def test_the_model_reads_the_issue_as_the_front_desk_does() -> None:
    """The reference model itself: issue 17's sequence leaves ten sessions, the second at Wed 17:00."""
    model = Model([str(n) for n in range(10)])
    second = model.entries[1]
    model.move(second, "this", datetime(2026, 3, 18, 16, 0))
    model.move(second, "following", datetime(2026, 3, 18, 17, 0))
    calendar = model.calendar()
    assert len(calendar) == 10 and calendar["1"] == datetime(2026, 3, 18, 17, 0)
    assert calendar["9"].date() == date(2026, 5, 13) and not second.exception
