"""The ledger on a large practice: 5 000 clients with two years of sessions (a charge and a bill each,
most paid and applied, some left open), about 200 000 entries. Measures what the screens ask for: a page
of 50 clients' balances (the client list), one client's statement, the aging report over every owing
client, and a day's close, each through the repository (what the API runs), the balances beside the same
query in raw SQL. Not part of `make test`: it prints figures.

    .venv/bin/python bench/ledger.py [--clients 5000] [--sessions 24] [--database-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

from common import analyze, migrated_database, ms
from sqlalchemy import insert, text

from tend.core.ids import ordered_id
from tend.persistence.db import create_engine, create_sessionmaker
from tend.persistence.repositories.ledger import LedgerRepository
from tend.persistence.tables.clients import Client
from tend.persistence.tables.ledger import Allocation, Bill, LedgerEntry

TODAY = date(2026, 11, 30)
BATCH = 5000
# One shape for every inserted entry (a multi-row insert needs the same keys in each row).
ENTRY: dict[str, Any] = {
    "charge_type": None, "payment_method": None, "direction": None, "memo": None, "reference": None,
    "appointment_id": None, "bill_id": None, "reverses_id": None, "refund_of_id": None, "status_round": None,
    "author_user_id": None, "author_api_key_id": None,
}  # fmt: skip


async def _flush(conn: Any, table: Any, rows: list[dict[str, Any]]) -> None:
    if rows:
        await conn.execute(insert(table), rows)
        rows.clear()


async def _generate(url: str, clients: int, sessions: int) -> tuple[list[uuid.UUID], int]:
    """Clients with `sessions` charges each (a bill per charge); 80% paid on the day and applied, the rest
    open; a few payments left as credit. Returns the client ids and how many entries were written."""
    engine = create_engine(url)
    rng = random.Random(11)
    now = datetime.now(UTC)
    ids = [uuid.uuid4() for _ in range(clients)]
    entries_written = 0
    async with engine.begin() as conn:
        rows: list[dict[str, Any]] = []
        for n, client_id in enumerate(ids):
            rows.append({
                "id": client_id, "first_name": f"Nombre{n}", "last_name": f"Apellido{n}", "status": "active",
                "reminder_consent_email": False, "reminder_consent_sms": False,
                "reminder_consent_voice": False, "registered_on": TODAY, "custom_fields": {},
                "search_text": f"nombre{n} apellido{n}", "sort_key": f"apellido{n:06d}",
                "created_at": now, "updated_at": now,
            })  # fmt: skip
            if len(rows) == BATCH:
                await _flush(conn, Client, rows)
        await _flush(conn, Client, rows)
        entries: list[dict[str, Any]] = []
        bills: list[dict[str, Any]] = []
        allocations: list[dict[str, Any]] = []
        for client_id in ids:
            for _ in range(sessions):
                day = TODAY - timedelta(days=rng.randrange(730))
                amount = rng.choice([15000, 18000, 20000])
                bill_id = uuid.uuid4()
                paid = rng.random() < 0.8
                bills.append({
                    "id": bill_id, "client_id": client_id, "currency": "PEN", "total_minor": amount,
                    "paid_minor": amount if paid else 0, "status": "paid" if paid else "open",
                    "issued_on": day, "created_at": now, "updated_at": now,
                })  # fmt: skip
                entries.append({
                    **ENTRY, "id": ordered_id(), "client_id": client_id, "kind": "charge",
                    "charge_type": "session_fee",
                    "amount_minor": amount, "delta_minor": amount, "currency": "PEN", "effective_date": day,
                    "bill_id": bill_id, "created_at": now,
                })  # fmt: skip
                if paid:
                    payment_id = ordered_id()
                    entries.append({
                        **ENTRY, "id": payment_id, "client_id": client_id, "kind": "payment",
                        "payment_method": "card",
                        "amount_minor": amount, "delta_minor": -amount, "currency": "PEN",
                        "effective_date": day, "created_at": now,
                    })  # fmt: skip
                    allocations.append({
                        "id": uuid.uuid4(), "payment_id": payment_id, "bill_id": bill_id,
                        "amount_minor": amount, "created_at": now,
                    })  # fmt: skip
            if rng.random() < 0.1:  # a payment left as credit
                entries.append({
                    **ENTRY, "id": ordered_id(), "client_id": client_id, "kind": "payment",
                    "payment_method": "cash",
                    "amount_minor": 5000, "delta_minor": -5000, "currency": "PEN",
                    "effective_date": TODAY - timedelta(days=rng.randrange(60)), "created_at": now,
                })  # fmt: skip
            if len(entries) >= BATCH:
                await _flush(conn, Bill, bills)
                entries_written += len(entries)
                await _flush(conn, LedgerEntry, entries)
                await _flush(conn, Allocation, allocations)
        await _flush(conn, Bill, bills)
        entries_written += len(entries)
        await _flush(conn, LedgerEntry, entries)
        await _flush(conn, Allocation, allocations)
    await engine.dispose()
    return ids, entries_written


async def _time(runs: int, work: Callable[[], Awaitable[Any]]) -> tuple[list[float], Any]:
    samples, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = await work()
        samples.append((time.perf_counter() - started) * 1000)
    return samples, result


async def _measure(url: str, ids: list[uuid.UUID], runs: int) -> None:
    engine = create_engine(url)
    sessions = create_sessionmaker(engine)
    page = ids[:50]
    async with sessions() as session:
        ledger = LedgerRepository(session)
        samples, found = await _time(runs, lambda: ledger.balances(page))
        print(f"{'balances, a page of 50 clients':<34} rows {len(found):>6}  repository: {ms(samples)}")
    async with engine.connect() as conn:
        hexes = [str(i) if conn.dialect.name == "postgresql" else i.hex for i in page]
        marks = ", ".join(f":c{n}" for n in range(len(hexes)))
        raw = text(
            f"SELECT client_id, currency, SUM(delta_minor) FROM ledger_entries WHERE client_id IN ({marks}) "
            "GROUP BY client_id, currency"
        )
        params = {f"c{n}": value for n, value in enumerate(hexes)}
        samples, rows = await _time(runs, lambda: conn.execute(raw, params))
        print(f"{'':<34} rows {len(rows.all()):>6}  raw SQL:    {ms(samples)}")
    async with sessions() as session:
        ledger = LedgerRepository(session)
        samples, found = await _time(runs, lambda: ledger.of_client([ids[0]]))
        print(f"{'one client statement':<34} rows {len(found):>6}  repository: {ms(samples)}")

        async def aging() -> int:
            due = await ledger.balances_due()
            owing = {client_id for client_id, _, _ in due}
            await ledger.client_names(owing)
            await ledger.owed_items(owing)
            return len(due)

        samples, owing = await _time(max(3, runs // 10), aging)
        print(f"{'aging, every owing client':<34} rows {owing:>6}  repository: {ms(samples)}")
        day = TODAY - timedelta(days=3)
        samples, found = await _time(runs, lambda: ledger.payments_totals(day))
        print(f"{'daily close (payments of a day)':<34} rows {len(found):>6}  repository: {ms(samples)}")
    await engine.dispose()


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=5000)
    parser.add_argument("--sessions", type=int, default=24)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    url = await migrated_database(args.database_url)
    started = time.perf_counter()
    ids, written = await _generate(url, args.clients, args.sessions)
    print(
        f"{args.clients} clients, {written} ledger entries generated in "
        f"{time.perf_counter() - started:.1f} s ({url.split(':')[0]})"
    )
    await analyze(url)
    await _measure(url, ids, args.runs)


if __name__ == "__main__":
    asyncio.run(main())
