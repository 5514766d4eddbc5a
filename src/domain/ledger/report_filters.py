"""What the practice's ledger tables let a person narrow and order (aging, entries of a range): the same
rules the screen applies, so a CSV download holds exactly the rows shown, in the order shown. Names match
accent- and case-free, every word of the search somewhere in "first last"."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from tend.core.errors import ErrorCode, Invalid
from tend.core.pages import PageRequest
from tend.core.text import fold, search_terms
from tend.domain.context import Context
from tend.domain.ledger import bills, reports
from tend.domain.ledger.reports import AGING_BUCKETS, AgingRow


class AgingSort(StrEnum):
    client = "client"
    currency = "currency"
    balance = "balance"
    days0 = "days0"
    days31 = "days31"
    days61 = "days61"
    days90 = "days90"


class SortOrder(StrEnum):
    asc = "asc"
    desc = "desc"


class OverDays(StrEnum):
    """Only clients owing something older than this many days (text: a query string's own type)."""

    over_30 = "30"
    over_60 = "60"
    over_90 = "90"


# The first bucket counted (0-30, 31-60, 61-90, over 90).
OVER_DAYS_BUCKET = {OverDays.over_30: 1, OverDays.over_60: 2, OverDays.over_90: 3}


def name_matches(query: str | None, first_name: str, last_name: str) -> bool:
    terms = search_terms(query or "")
    name = fold(f"{first_name} {last_name}")
    return all(term in name for term in terms)


@dataclass(frozen=True)
class AgingFilter:
    q: str | None = None
    currency: str | None = None
    over_days: OverDays | None = None
    sort: AgingSort | None = None
    order: SortOrder = SortOrder.asc


def _amount_of(sort: AgingSort) -> Callable[[AgingRow], int]:
    if sort is AgingSort.balance:
        return lambda row: row.balance_minor
    index = list(AgingSort).index(sort) - list(AgingSort).index(AgingSort.days0)
    assert 0 <= index < len(AGING_BUCKETS)
    return lambda row: row.buckets[index]


def _sorted(rows: list[AgingRow], sort: AgingSort, descending: bool) -> list[AgingRow]:
    """Stable sorts (ties keep the report's order, as on screen). Amounts compare within a currency (soles and
    dollars are not one scale): by amount, then by currency, which stays alphabetical either way."""
    if sort is AgingSort.client:
        return sorted(rows, key=lambda row: fold(f"{row.first_name} {row.last_name}"), reverse=descending)
    if sort is AgingSort.currency:
        return sorted(rows, key=lambda row: row.currency, reverse=descending)
    by_amount = sorted(rows, key=_amount_of(sort), reverse=descending)
    return sorted(by_amount, key=lambda row: row.currency)


def filter_aging(rows: Sequence[AgingRow], wanted: AgingFilter) -> list[AgingRow]:
    """The rows kept, in the report's order or sorted as asked."""
    first_bucket = OVER_DAYS_BUCKET[wanted.over_days] if wanted.over_days else 0
    kept = [
        row
        for row in rows
        if name_matches(wanted.q, row.first_name, row.last_name)
        and (wanted.currency is None or row.currency == wanted.currency)
        and sum(row.buckets[first_bucket:]) > 0
    ]
    if wanted.sort is None:
        return kept
    return _sorted(kept, wanted.sort, wanted.order is SortOrder.desc)


@dataclass(frozen=True)
class EntryFilter:
    kind: str | None = None
    payment_method: str | None = None
    currency: str | None = None
    q: str | None = None

    def matches(
        self, kind: str, payment_method: str | None, currency: str, first_name: str, last_name: str
    ) -> bool:
        return (
            (self.kind is None or kind == self.kind)
            and (self.payment_method is None or payment_method == self.payment_method)
            and (self.currency is None or currency == self.currency)
            and name_matches(self.q, first_name, last_name)
        )


@dataclass(frozen=True)
class NamedBill:
    view: bills.BillView
    first_name: str
    last_name: str


async def unpaid_bills_matching(ctx: Context, q: str | None, currency: str | None) -> list[NamedBill]:
    """Every unpaid bill (oldest first) of a matching client and currency, for a download."""
    found: list[NamedBill] = []
    cursor: str | None = None
    while True:
        page = await reports.unpaid_bills(ctx, PageRequest(limit=500, cursor=cursor))
        names = await reports.client_names(ctx, {bill.client_id for bill in page.items})
        for view in await bills.view(ctx, list(page.items)):
            first, last = names.get(view.bill.client_id, ("", ""))
            if (currency is None or view.bill.currency == currency) and name_matches(q, first, last):
                found.append(NamedBill(view, first, last))
        if len(found) > reports.CSV_ROW_LIMIT:  # a download that silently stopped short would look complete
            raise Invalid(
                f"More than {reports.CSV_ROW_LIMIT:,} unpaid bills: narrow the download by currency or name.",
                field="q",
                code=ErrorCode.too_many_rows,
            )
        cursor = page.next_cursor
        if cursor is None:
            return found
