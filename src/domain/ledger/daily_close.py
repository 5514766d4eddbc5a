"""The daily close (admins and the front desk): a local day's payments and refunds one by one (when, whose,
how, who recorded it) and by method and currency, never added across currencies; and closing the day, once,
which keeps who closed it, when, its totals and the entries it counted. Anything recorded for a closed day
later is marked "after close" and the day says its totals changed since closing: never silently."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from tend.core.enums import EntryKind
from tend.core.errors import Conflict, ErrorCode, Forbidden, Invalid
from tend.domain import api_keys, audit
from tend.domain.context import Context
from tend.domain.practice.settings import get_practice, practice_today
from tend.domain.practice.users import names_of
from tend.persistence.repositories.ledger import DailyCloseRepository, LedgerRepository
from tend.persistence.tables.ledger import DailyClose, LedgerEntry


@dataclass(frozen=True)
class MethodTotal:
    payment_method: str
    currency: str
    count: int
    total_minor: int


@dataclass(frozen=True)
class CloseEntry:
    entry: LedgerEntry
    client_first_name: str
    client_last_name: str
    recorded_by_name: str | None
    after_close: bool


@dataclass(frozen=True)
class Closing:
    closed_at: datetime
    closed_by_name: str | None
    payments: list[MethodTotal]
    refunds: list[MethodTotal]


@dataclass(frozen=True)
class DayClose:
    day: date
    practice_name: str
    payments: list[MethodTotal]
    refunds: list[MethodTotal]
    entries: list[CloseEntry]
    closing: Closing | None

    @property
    def changed_since_close(self) -> bool:
        """Closed, and what it shows now is not what it showed then (a later payment, refund or reversal)."""
        if self.closing is None:
            return False
        return (
            any(e.after_close for e in self.entries)
            or self.payments != self.closing.payments
            or self.refunds != self.closing.refunds
        )


def _check_reader(ctx: Context) -> None:
    if not ctx.actor.reads_whole_practice:
        raise Forbidden("The practice's ledger is for admins and the front desk.")


def totals(entries: list[LedgerEntry], kind: EntryKind) -> list[MethodTotal]:
    """Count and sum per (method, currency), ordered by currency then method; never across currencies."""
    found: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for entry in entries:
        if entry.kind is kind:
            row = found[(str(entry.payment_method), entry.currency)]
            row[0] += 1
            row[1] += entry.amount_minor
    return [
        MethodTotal(method, currency, count, total)
        for (method, currency), (count, total) in sorted(found.items(), key=lambda i: (i[0][1], i[0][0]))
    ]


def _stored(rows: list[dict[str, Any]]) -> list[MethodTotal]:
    return [MethodTotal(**row) for row in rows]


async def _who(
    ctx: Context, users: set[uuid.UUID | None], keys: set[uuid.UUID | None]
) -> tuple[dict[uuid.UUID, str], dict[uuid.UUID, str]]:
    user_ids = {u for u in users if u is not None}
    key_ids = {k for k in keys if k is not None}
    return (
        await names_of(ctx, user_ids) if user_ids else {},
        await api_keys.names_of(ctx, key_ids) if key_ids else {},
    )


async def daily_close(ctx: Context, day: date | None) -> DayClose:
    _check_reader(ctx)
    day = day or await practice_today(ctx)
    ledger = LedgerRepository(ctx.session)
    entries = await ledger.day_payments_and_refunds(day)
    stored = await DailyCloseRepository(ctx.session).of_day(day)
    users, keys = await _who(
        ctx,
        {e.author_user_id for e in entries} | {stored.closed_by_user_id if stored else None},
        {e.author_api_key_id for e in entries} | {stored.closed_by_api_key_id if stored else None},
    )
    clients = await ledger.client_names({e.client_id for e in entries})

    def recorder(user_id: uuid.UUID | None, key_id: uuid.UUID | None) -> str | None:
        return (users.get(user_id) if user_id else None) or (keys.get(key_id) if key_id else None)

    counted = set(stored.entry_ids) if stored else set()
    closing = (
        Closing(
            closed_at=stored.closed_at,
            closed_by_name=recorder(stored.closed_by_user_id, stored.closed_by_api_key_id),
            payments=_stored(stored.totals.get("payments", [])),
            refunds=_stored(stored.totals.get("refunds", [])),
        )
        if stored
        else None
    )
    return DayClose(
        day=day,
        practice_name=(await get_practice(ctx)).name,
        payments=totals(entries, EntryKind.payment),
        refunds=totals(entries, EntryKind.refund),
        entries=[
            CloseEntry(
                entry=e,
                client_first_name=clients.get(e.client_id, ("", ""))[0],
                client_last_name=clients.get(e.client_id, ("", ""))[1],
                recorded_by_name=recorder(e.author_user_id, e.author_api_key_id),
                after_close=stored is not None and str(e.id) not in counted,
            )
            for e in entries
        ],
        closing=closing,
    )


def _already_closed(close: DayClose) -> Conflict:
    closing = close.closing
    assert closing is not None
    who = closing.closed_by_name or "someone"
    return Conflict(
        f"{close.day.isoformat()} was closed by {who} at {closing.closed_at.isoformat()}.",
        code=ErrorCode.day_closed,
        next_step="Nothing to do: payments recorded for that day from now on are listed as after the close.",
        closed_by_name=closing.closed_by_name,
        closed_at=closing.closed_at.isoformat(),
    )


async def close_day(ctx: Context, day: date) -> DayClose:
    """Closes a local day (today or earlier) once, keeping what it shows now; a second close is a 409 that
    says who closed it and when. Two at once: the UNIQUE day lets one in, the other gets that 409."""
    _check_reader(ctx)
    if day > await practice_today(ctx):
        raise Invalid("A day can be closed once it has started.", field="day", code=ErrorCode.future_date)
    now = await daily_close(ctx, day)
    if now.closing is not None:
        raise _already_closed(now)
    record = DailyClose(
        day=day,
        closed_at=ctx.clock.now(),
        closed_by_user_id=ctx.actor.user_id,
        closed_by_api_key_id=ctx.actor.api_key_id,
        totals={
            "payments": [asdict(t) for t in now.payments],
            "refunds": [asdict(t) for t in now.refunds],
        },
        entry_ids=[str(e.entry.id) for e in now.entries],
    )
    if not await DailyCloseRepository(ctx.session).add(record):
        raise _already_closed(await daily_close(ctx, day))
    audit.record(
        ctx,
        "ledger.day_closed",
        object_type="daily_close",
        object_id=record.id,
        day=day.isoformat(),
        entries=len(record.entry_ids),
    )
    return await daily_close(ctx, day)
