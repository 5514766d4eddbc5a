"""Queries of the ledger context: entries and balances (one SUM, for a whole page of clients at once),
refund and allocation totals, a session's automatic charges, bills with their lines and allocations,
the practice's daily close (its entries, totals and the record of closing it) and date ranges."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, and_, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from tend.core.enums import BillStatus, ChargeType, EntryKind
from tend.core.pages import Page, PageRequest
from tend.persistence.repositories.base import RecordRepository, locked
from tend.persistence.repositories.pagination import paginate
from tend.persistence.tables.clients import Client
from tend.persistence.tables.ledger import (
    Allocation,
    Bill,
    BillLine,
    DailyClose,
    LedgerEntry,
)

AUTOMATIC_CHARGES = (ChargeType.session_fee, ChargeType.no_show_fee, ChargeType.late_cancel_fee)


@dataclass(frozen=True)
class Balance:
    currency: str
    amount_minor: int


@dataclass(frozen=True)
class Increase:
    """An entry that raised what a client owes: when, and by how much (aging reads no more)."""

    effective_date: date
    amount_minor: int


def _not_reversed() -> ColumnElement[bool]:
    reversal = aliased(LedgerEntry)
    return ~select(reversal.id).where(reversal.reverses_id == LedgerEntry.id).exists()


class LedgerRepository(RecordRepository[LedgerEntry]):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, LedgerEntry)

    async def add_entry(self, entry: LedgerEntry) -> LedgerEntry:
        self.session.add(entry)
        await self.session.flush()
        return entry

    async def add_automatic(self, bill: Bill, lines: list[BillLine], charge: LedgerEntry) -> bool:
        """Inserts a session's automatic charge with its bill unless that (appointment, type, round) is
        already posted: the UNIQUE constraint decides, inside a savepoint, so a concurrent twin cannot post
        a second one (the loser's bill goes with its charge)."""
        try:
            async with self.session.begin_nested():
                self.session.add(bill)
                await self.session.flush()
                for position, line in enumerate(lines):
                    line.bill_id, line.position = bill.id, position
                    self.session.add(line)
                self.session.add(charge)
                await self.session.flush()
        except IntegrityError:
            return False
        return True

    async def balances(self, client_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[Balance]]:
        """Every currency each client has entries in, with its balance (zero included), one query."""
        if not client_ids:
            return {}
        rows = await self.session.execute(
            select(LedgerEntry.client_id, LedgerEntry.currency, func.sum(LedgerEntry.delta_minor))
            .where(LedgerEntry.client_id.in_(client_ids))
            .group_by(LedgerEntry.client_id, LedgerEntry.currency)
            .order_by(LedgerEntry.client_id, LedgerEntry.currency)
        )
        result: dict[uuid.UUID, list[Balance]] = defaultdict(list)
        for client_id, currency, total in rows:
            result[client_id].append(Balance(currency, int(total or 0)))
        return dict(result)

    async def balances_due(self) -> list[tuple[uuid.UUID, str, int]]:
        """(client, currency, balance) for every balance above zero."""
        total = func.sum(LedgerEntry.delta_minor)
        rows = await self.session.execute(
            select(LedgerEntry.client_id, LedgerEntry.currency, total)
            .group_by(LedgerEntry.client_id, LedgerEntry.currency)
            .having(total > 0)
        )
        return [(c, cur, int(t)) for c, cur, t in rows]

    async def owed_items(
        self, client_ids: Collection[uuid.UUID]
    ) -> dict[tuple[uuid.UUID, str], list[Increase]]:
        """Per client and currency, what is owed item by item, newest first (for aging): what each open
        bill still lacks (by its issue date) and each charge or debit without a bill that stands (by its
        day). Payments a client has not applied are not here: aging counts them against the oldest items.
        One query of each kind per 500 clients, only the columns aging reads."""
        found: dict[tuple[uuid.UUID, str], list[tuple[date, int, int]]] = {}
        ids = sorted(client_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            bills = await self.session.execute(
                select(
                    Bill.client_id, Bill.currency, Bill.issued_on, Bill.total_minor - Bill.paid_minor
                ).where(
                    Bill.client_id.in_(chunk),
                    Bill.status.in_([BillStatus.open, BillStatus.partially_paid]),
                    Bill.total_minor > Bill.paid_minor,
                )
            )
            unbilled = await self.session.execute(
                select(
                    LedgerEntry.client_id,
                    LedgerEntry.currency,
                    LedgerEntry.effective_date,
                    LedgerEntry.amount_minor,
                ).where(
                    LedgerEntry.client_id.in_(chunk),
                    LedgerEntry.bill_id.is_(None),
                    LedgerEntry.delta_minor > 0,
                    LedgerEntry.kind.in_([EntryKind.charge, EntryKind.adjustment]),
                    _not_reversed(),
                )
            )
            for order, rows in enumerate((bills, unbilled)):
                for client_id, currency, day, amount in rows:
                    found.setdefault((client_id, currency), []).append((day, order, int(amount)))
        return {
            key: [Increase(day, amount) for day, _, amount in sorted(items, reverse=True)]
            for key, items in found.items()
        }

    async def of_client(self, client_ids: list[uuid.UUID]) -> list[LedgerEntry]:
        """A client's entries in statement order (effective date, then when they were recorded)."""
        return list(
            await self.session.scalars(
                select(LedgerEntry)
                .where(LedgerEntry.client_id.in_(client_ids))
                .order_by(LedgerEntry.effective_date, LedgerEntry.created_at, LedgerEntry.id)
            )
        )

    async def has_entries(self, client_id: uuid.UUID) -> bool:
        return bool(
            await self.session.scalar(
                select(LedgerEntry.id).where(LedgerEntry.client_id == client_id).limit(1)
            )
        )

    async def reversal_of(self, entry_id: uuid.UUID) -> LedgerEntry | None:
        return await self.session.scalar(select(LedgerEntry).where(LedgerEntry.reverses_id == entry_id))

    async def reversed_ids(self, entry_ids: list[uuid.UUID]) -> set[uuid.UUID]:
        if not entry_ids:
            return set()
        rows = await self.session.scalars(
            select(LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.in_(entry_ids))
        )
        return {r for r in rows if r is not None}

    async def live_refunds(self, payment_id: uuid.UUID) -> list[LedgerEntry]:
        return list(
            await self.session.scalars(
                select(LedgerEntry).where(LedgerEntry.refund_of_id == payment_id, _not_reversed())
            )
        )

    async def refunded_minor(self, payment_id: uuid.UUID) -> int:
        total = await self.session.scalar(
            select(func.coalesce(func.sum(LedgerEntry.amount_minor), 0)).where(
                LedgerEntry.refund_of_id == payment_id, _not_reversed()
            )
        )
        return int(total or 0)

    async def live_automatic_charges(self, appointment_id: uuid.UUID) -> list[LedgerEntry]:
        return list(
            await self.session.scalars(
                select(LedgerEntry).where(
                    LedgerEntry.appointment_id == appointment_id,
                    LedgerEntry.kind == EntryKind.charge,
                    LedgerEntry.charge_type.in_(AUTOMATIC_CHARGES),
                    _not_reversed(),
                )
            )
        )

    async def live_charges_of_bill(self, bill_id: uuid.UUID) -> list[LedgerEntry]:
        return list(
            await self.session.scalars(
                select(LedgerEntry).where(
                    LedgerEntry.bill_id == bill_id, LedgerEntry.kind == EntryKind.charge, _not_reversed()
                )
            )
        )

    async def day_payments_and_refunds(self, day: date) -> list[LedgerEntry]:
        """A day's payments and refunds (reversed ones left out, as in its totals) in the order recorded."""
        return list(
            await self.session.scalars(
                select(LedgerEntry)
                .where(
                    LedgerEntry.kind.in_([EntryKind.payment, EntryKind.refund]),
                    LedgerEntry.effective_date == day,
                    _not_reversed(),
                )
                .order_by(LedgerEntry.created_at, LedgerEntry.id)
            )
        )

    async def in_range(self, first: date, last: date, page: PageRequest) -> Page[LedgerEntry]:
        statement = select(LedgerEntry).where(LedgerEntry.effective_date.between(first, last))
        return await paginate(self.session, statement, LedgerEntry.created_at, page)

    async def all_in_range(self, first: date, last: date, limit: int) -> list[LedgerEntry]:
        return list(
            await self.session.scalars(
                select(LedgerEntry)
                .where(LedgerEntry.effective_date.between(first, last))
                .order_by(LedgerEntry.effective_date, LedgerEntry.created_at, LedgerEntry.id)
                .limit(limit)
            )
        )

    async def client_names(self, client_ids: set[uuid.UUID]) -> dict[uuid.UUID, tuple[str, str]]:
        if not client_ids:
            return {}
        rows = await self.session.execute(
            select(Client.id, Client.first_name, Client.last_name).where(Client.id.in_(client_ids))
        )
        return {i: (f, la) for i, f, la in rows}


class BillRepository(RecordRepository[Bill]):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, Bill)

    async def add_with_lines(self, bill: Bill, lines: list[BillLine]) -> Bill:
        self.session.add(bill)
        await self.session.flush()
        for position, line in enumerate(lines):
            line.bill_id, line.position = bill.id, position
            self.session.add(line)
        await self.session.flush()
        return bill

    async def lines(self, bill_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[BillLine]]:
        result: dict[uuid.UUID, list[BillLine]] = defaultdict(list)
        if bill_ids:
            for line in await self.session.scalars(
                select(BillLine).where(BillLine.bill_id.in_(bill_ids)).order_by(BillLine.position)
            ):
                result[line.bill_id].append(line)
        return result

    async def replace_lines(self, bill: Bill, lines: list[BillLine]) -> None:
        await self.session.execute(delete(BillLine).where(BillLine.bill_id == bill.id))
        for position, line in enumerate(lines):
            line.bill_id, line.position = bill.id, position
            self.session.add(line)
        await self.session.flush()

    async def of_client(self, client_id: uuid.UUID) -> list[Bill]:
        return list(
            await self.session.scalars(
                select(Bill).where(Bill.client_id == client_id).order_by(Bill.issued_on.desc(), Bill.id)
            )
        )

    async def of_appointment(self, appointment_id: uuid.UUID) -> list[Bill]:
        return list(await self.session.scalars(select(Bill).where(Bill.appointment_id == appointment_id)))

    async def unpaid(self, page: PageRequest) -> Page[Bill]:
        statement = select(Bill).where(Bill.status.in_((BillStatus.open, BillStatus.partially_paid)))
        return await paginate(self.session, statement, Bill.issued_on, page)

    async def live_allocations(
        self, *, bill_ids: list[uuid.UUID] | None = None, payment_ids: list[uuid.UUID] | None = None
    ) -> list[Allocation]:
        conditions = [Allocation.removed_at.is_(None)]
        if bill_ids is not None:
            conditions.append(Allocation.bill_id.in_(bill_ids))
        if payment_ids is not None:
            conditions.append(Allocation.payment_id.in_(payment_ids))
        return list(
            await self.session.scalars(
                select(Allocation).where(and_(*conditions)).order_by(Allocation.created_at)
            )
        )

    async def allocated_minor(self, payment_id: uuid.UUID) -> int:
        total = await self.session.scalar(
            select(func.coalesce(func.sum(Allocation.amount_minor), 0)).where(
                Allocation.payment_id == payment_id, Allocation.removed_at.is_(None)
            )
        )
        return int(total or 0)

    async def paid_minor(self, bill_id: uuid.UUID) -> int:
        """What is applied to a bill, from its live allocations: the figure its stored `paid_minor` must
        equal (the domain sets that from this, under the client's lock, never by adding to a copy)."""
        total = await self.session.scalar(
            select(func.coalesce(func.sum(Allocation.amount_minor), 0)).where(
                Allocation.bill_id == bill_id, Allocation.removed_at.is_(None)
            )
        )
        return int(total or 0)

    async def lock(self, bill_ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Bill]:
        """Row-locks these bills in id order and returns them as they are now (after the client's lock:
        the order is always client, then bills, then allocations)."""
        statement = select(Bill).where(Bill.id.in_(list(bill_ids))).order_by(Bill.id)
        return {bill.id: bill for bill in (await locked(self.session, statement)).scalars()}

    async def get_allocation(
        self, allocation_id: uuid.UUID, *, for_update: bool = False
    ) -> Allocation | None:
        """The allocation; with `for_update`, locked and re-read, so a twin request that took it off first
        is seen (its `removed_at` set)."""
        if for_update:
            statement = select(Allocation).where(Allocation.id == allocation_id)
            return (await locked(self.session, statement)).scalar()
        return await self.session.get(Allocation, allocation_id)

    async def add_allocation(self, allocation: Allocation) -> Allocation:
        self.session.add(allocation)
        await self.session.flush()
        return allocation


class DailyCloseRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def of_day(self, day: date) -> DailyClose | None:
        return await self.session.scalar(select(DailyClose).where(DailyClose.day == day))

    async def add(self, close: DailyClose) -> bool:
        """Inserts the close unless the day is closed already: the UNIQUE day decides, inside a savepoint,
        so of two closes at once one wins (on PostgreSQL the other waits for it to commit, then loses)."""
        try:
            async with self.session.begin_nested():
                self.session.add(close)
                await self.session.flush()
        except IntegrityError:
            return False
        return True
