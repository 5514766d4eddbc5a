"""The calendar window query on a large practice: 100 000 generated appointments (20 practitioners, two
years), a week for one practitioner and for everyone, through the repository (what the API runs) beside
the same query in raw SQL. Not part of `make test`: it prints figures.

    .venv/bin/python bench/calendar_window.py [--appointments 100000] [--database-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time
import uuid
from datetime import UTC, datetime, timedelta

from common import analyze, migrated_database, ms
from sqlalchemy import insert, text

from tend.persistence.db import create_engine, create_sessionmaker
from tend.persistence.repositories.scheduling import AppointmentRepository, WindowFilter
from tend.persistence.tables.practice import Location, Practitioner, Service
from tend.persistence.tables.scheduling import Appointment

START = datetime(2026, 1, 5, tzinfo=UTC)


async def _generate(url: str, count: int) -> list[uuid.UUID]:
    engine = create_engine(url)
    now = datetime.now(UTC)
    rng = random.Random(7)
    practitioners = [uuid.uuid4() for _ in range(20)]
    service, location = uuid.uuid4(), uuid.uuid4()
    async with engine.begin() as conn:
        await conn.execute(insert(Practitioner), [
            {"id": p, "name": f"P{n}", "color": "#1e88e5", "commission_rate_bp": 4000, "default_prices": {},
             "active": True, "sort_key": f"p{n}", "created_at": now, "updated_at": now}
            for n, p in enumerate(practitioners)
        ])  # fmt: skip
        common = {"active": True, "created_at": now, "updated_at": now}
        await conn.execute(insert(Service), [
            {"id": service, "code": "90834", "name": "S", "default_duration_minutes": 45, "prices": {},
             **common}
        ])  # fmt: skip
        await conn.execute(insert(Location), [{"id": location, "name": "L", "pos_code": "11", **common}])
        rows = []
        for n in range(count):
            starts = START + timedelta(days=rng.randrange(730), hours=rng.randrange(8, 19))
            rows.append({
                "id": uuid.uuid4(), "kind": "client_session", "status": "scheduled",
                "practitioner_id": practitioners[n % 20], "service_id": service, "location_id": location,
                "starts_at": starts, "ends_at": starts + timedelta(minutes=45), "time_zone": "America/Lima",
                "modifiers": [], "reminders": [], "feedback_request": False, "series_exception": False,
                "created_at": now, "updated_at": now,
            })  # fmt: skip
            if len(rows) == 5000:
                await conn.execute(insert(Appointment), rows)
                rows = []
        if rows:
            await conn.execute(insert(Appointment), rows)
    await engine.dispose()
    return practitioners


async def _measure(url: str, practitioner: uuid.UUID, runs: int) -> None:
    engine = create_engine(url)
    sessions = create_sessionmaker(engine)
    week_start = START + timedelta(weeks=30)
    week_end = week_start + timedelta(days=7)
    raw = text(
        "SELECT a.*, c.first_name, c.last_name FROM appointments a LEFT JOIN clients c ON c.id = a.client_id "
        "WHERE a.starts_at < :end AND a.ends_at > :start {extra} ORDER BY a.starts_at, a.id"
    )
    for label, ids in (
        ("one practitioner, one week", (practitioner,)),
        ("all 20 practitioners, one week", ()),
    ):
        repo_times, raw_times, found = [], [], 0
        for _ in range(runs):
            async with sessions() as session:
                started = time.perf_counter()
                rows = await AppointmentRepository(session).in_window(
                    WindowFilter(starts_before=week_end, ends_after=week_start, practitioner_ids=ids)
                )
                repo_times.append((time.perf_counter() - started) * 1000)
                found = len(rows)
            async with engine.connect() as conn:
                statement = text(raw.text.format(extra="AND a.practitioner_id = :p" if ids else ""))
                params = {"start": week_start, "end": week_end}
                if ids:
                    params["p"] = str(ids[0]) if conn.dialect.name == "postgresql" else ids[0].hex
                started = time.perf_counter()
                raw_rows = (await conn.execute(statement, params)).all()
                raw_times.append((time.perf_counter() - started) * 1000)
        print(f"{label:<32} rows {found:>5}  repository: {ms(repo_times)}")
        print(f"{'':<32} rows {len(raw_rows):>5}  raw SQL:    {ms(raw_times)}")
    await engine.dispose()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--appointments", type=int, default=100_000)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--runs", type=int, default=50)
    args = parser.parse_args()
    url = await migrated_database(args.database_url)
    started = time.perf_counter()
    practitioners = await _generate(url, args.appointments)
    print(
        f"{args.appointments} appointments generated in {time.perf_counter() - started:.1f} s "
        f"({url.split(':')[0]})"
    )
    await analyze(url)
    await _measure(url, practitioners[0], args.runs)


if __name__ == "__main__":
    asyncio.run(main())
