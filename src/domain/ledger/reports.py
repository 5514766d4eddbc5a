"""The practice's money views (admins and the front desk): clients with a balance due aged by how old the
unpaid charges are, entries of a date range, and unpaid bills (the daily close is `daily_close.py`).
Amounts are per currency, never added across currencies."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from tend.core.errors import ErrorCode, Forbidden, Invalid
from tend.core.pages import Page, PageRequest
from tend.domain.context import Context
from tend.domain.practice.settings import practice_today
from tend.persistence.repositories.ledger import BillRepository, Increase, LedgerRepository
from tend.persistence.tables.ledger import Bill, LedgerEntry

AGING_BUCKETS = ((0, 30), (31, 60), (61, 90), (91, None))
MAX_RANGE_DAYS = 366
CSV_ROW_LIMIT = 50_000


def _check_reader(ctx: Context) -> None:
    if not ctx.actor.reads_whole_practice:
        raise Forbidden("The practice's ledger is for admins and the front desk.")


@dataclass
class AgingRow:
    client_id: uuid.UUID
    first_name: str
    last_name: str
    currency: str
    balance_minor: int
    buckets: list[int] = field(default_factory=lambda: [0] * len(AGING_BUCKETS))


def age_balance(balance: int, increases: list[Increase], today: date) -> list[int]:
    """Splits a positive balance over what is owed item by item (open bills, charges without a bill),
    newest first: credit not applied to any bill counts against the oldest items. By age in days."""
    buckets = [0] * len(AGING_BUCKETS)
    left = balance
    for entry in increases:
        if left <= 0:
            break
        part = min(left, entry.amount_minor)
        age = (today - entry.effective_date).days
        index = next(i for i, (low, high) in enumerate(AGING_BUCKETS) if high is None or age <= high)
        buckets[index] += part
        left -= part
    buckets[-1] += max(left, 0)  # more owed than charges explain (cannot happen; kept visible if it did)
    return buckets


async def aging(ctx: Context) -> list[AgingRow]:
    _check_reader(ctx)
    ledger = LedgerRepository(ctx.session)
    today = await practice_today(ctx)
    due = await ledger.balances_due()
    owing = {client_id for client_id, _, _ in due}
    names = await ledger.client_names(owing)
    items = await ledger.owed_items(owing)
    rows = []
    for client_id, currency, balance in due:
        first, last = names.get(client_id, ("", ""))
        row = AgingRow(client_id, first, last, currency, balance)
        row.buckets = age_balance(balance, items.get((client_id, currency), []), today)
        rows.append(row)
    return sorted(rows, key=lambda r: (r.currency, -r.balance_minor, r.last_name, r.first_name))


def _check_range(first: date, last: date) -> None:
    if last < first:
        raise Invalid("The range ends before it starts.", field="to", code=ErrorCode.date)
    if (last - first).days > MAX_RANGE_DAYS:
        raise Invalid("Ask for at most a year at a time.", field="to", code=ErrorCode.range_too_long)


async def entries_in_range(ctx: Context, first: date, last: date, page: PageRequest) -> Page[LedgerEntry]:
    _check_reader(ctx)
    _check_range(first, last)
    return await LedgerRepository(ctx.session).in_range(first, last, page)


async def all_entries_in_range(ctx: Context, first: date, last: date) -> list[LedgerEntry]:
    _check_reader(ctx)
    _check_range(first, last)
    found = await LedgerRepository(ctx.session).all_in_range(first, last, CSV_ROW_LIMIT + 1)
    if len(found) > CSV_ROW_LIMIT:  # a download that silently stopped short would look complete
        raise Invalid(
            f"More than {CSV_ROW_LIMIT:,} entries in this range: download a shorter range at a time.",
            field="to",
            code=ErrorCode.too_many_rows,
        )
    return found


async def unpaid_bills(ctx: Context, page: PageRequest) -> Page[Bill]:
    _check_reader(ctx)
    return await BillRepository(ctx.session).unpaid(page)


async def client_names(ctx: Context, client_ids: set[uuid.UUID]) -> dict[uuid.UUID, tuple[str, str]]:
    return await LedgerRepository(ctx.session).client_names(client_ids)
