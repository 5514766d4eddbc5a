"""The practice's ledger (admins and the front desk): the daily close, aging of balances due, entries of
a date range (JSON pages or CSV), and unpaid bills."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response
from pydantic import Field

from tend.api.csv_export import CSV_RESPONSES, csv_response, safe_cell
from tend.api.deps import ContextDep, PageDep, StaffDep
from tend.api.errors import problem_responses
from tend.api.language import ReaderDep
from tend.api.ledger import daily_close
from tend.api.ledger.bills import BillOut, line_description
from tend.api.ledger.entries import EntryOut
from tend.api.schemas import OutputModel, PageOut
from tend.core.enums import EntryKind, PaymentMethod
from tend.domain.ledger import bills, reports
from tend.domain.ledger.report_filters import (
    AgingFilter,
    AgingSort,
    EntryFilter,
    OverDays,
    SortOrder,
    filter_aging,
    unpaid_bills_matching,
)
from tend.domain.platform.messaging import MessageLocale

router = APIRouter(prefix="/ledger", tags=["ledger"])
ERRORS = problem_responses(401, 403, 422)


class AgingRowOut(OutputModel):
    client_id: uuid.UUID
    first_name: str
    last_name: str
    currency: str
    balance_minor: int
    buckets: list[int] = Field(description="Owed by age of the charges: 0-30, 31-60, 61-90, over 90 days.")


class PracticeEntryOut(EntryOut):
    client_first_name: str
    client_last_name: str

    def last_name_first(self) -> str:
        return f"{self.client_last_name}, {self.client_first_name}"


router.include_router(daily_close.router)  # the daily close and closing a day: daily_close.py


@router.get("/aging", responses=ERRORS)
async def aging(_staff: StaffDep, ctx: ContextDep) -> list[AgingRowOut]:
    """Clients who owe, per currency, largest first, split by how old the unpaid charges are."""
    return [AgingRowOut.model_validate(row) for row in await reports.aging(ctx)]


Currency = Annotated[str | None, Query(pattern="^[A-Z]{3}$", description="Only this currency.")]
NameSearch = Annotated[
    str | None,
    Query(max_length=100, description="Every word in the client's name (accents and case ignored)."),
]


@router.get("/aging.csv", response_class=Response, responses={**CSV_RESPONSES, **ERRORS})
async def aging_csv(
    _staff: StaffDep,
    ctx: ContextDep,
    q: NameSearch = None,
    currency: Currency = None,
    over_days: Annotated[
        OverDays | None, Query(description="Only clients owing something older than this many days.")
    ] = None,
    sort: Annotated[AgingSort | None, Query(description="The report's order by default.")] = None,
    order: SortOrder = SortOrder.asc,
) -> Response:
    """The aging as shown: the same filters and order as the screen, amounts in minor units."""
    wanted = AgingFilter(q=q, currency=currency, over_days=over_days, sort=sort, order=order)
    rows = filter_aging(await reports.aging(ctx), wanted)
    return csv_response(
        [
            "client",
            "currency",
            "balance_minor",
            "days_0_30_minor",
            "days_31_60_minor",
            "days_61_90_minor",
            "over_90_minor",
        ],
        (
            [safe_cell(f"{r.last_name}, {r.first_name}"), r.currency, r.balance_minor, *r.buckets]
            for r in rows
        ),
        "aging.csv",
    )


Day = Annotated[date, Query()]


async def _named(ctx: ContextDep, reader: MessageLocale, entries: list[object]) -> list[PracticeEntryOut]:
    names = await reports.client_names(ctx, {e.client_id for e in entries})  # type: ignore[attr-defined]
    return [
        PracticeEntryOut.of(
            e,
            reader,
            client_first_name=names.get(e.client_id, ("", ""))[0],  # type: ignore[attr-defined]
            client_last_name=names.get(e.client_id, ("", ""))[1],  # type: ignore[attr-defined]
        )
        for e in entries
    ]


@router.get("/entries", responses=ERRORS)
async def entries_in_range(
    _staff: StaffDep,
    ctx: ContextDep,
    reader: ReaderDep,
    page: PageDep,
    from_: Annotated[date, Query(alias="from")],
    to: Day,
) -> PageOut[PracticeEntryOut]:
    """Entries whose effective date is in [from, to] (at most a year), in the order they were recorded."""
    found = await reports.entries_in_range(ctx, from_, to, page)
    return PageOut[PracticeEntryOut](
        items=await _named(ctx, reader, list(found.items)), next_cursor=found.next_cursor
    )


@router.get(
    "/entries.csv",
    response_class=Response,
    responses={**CSV_RESPONSES, **ERRORS},
)
async def entries_csv(
    _staff: StaffDep,
    ctx: ContextDep,
    reader: ReaderDep,
    from_: Annotated[date, Query(alias="from")],
    to: Day,
    kind: EntryKind | None = None,
    payment_method: PaymentMethod | None = None,
    currency: Currency = None,
    q: NameSearch = None,
) -> Response:
    """The range's entries (optionally only one kind, method, currency or client name) in recorded order."""
    wanted = EntryFilter(kind=kind, payment_method=payment_method, currency=currency, q=q)
    entries = [
        e
        for e in await _named(ctx, reader, list(await reports.all_entries_in_range(ctx, from_, to)))
        if wanted.matches(e.kind, e.payment_method, e.currency, e.client_first_name, e.client_last_name)
    ]
    return csv_response(
        ["date", "client", "kind", "type", "memo", "reference", "currency", "amount_minor", "delta_minor"],
        (
            [
                e.effective_date.isoformat(),
                safe_cell(e.last_name_first()),
                e.kind.value,
                str(e.charge_type or e.payment_method or e.direction or ""),
                safe_cell(e.memo or ""),
                safe_cell(e.reference or ""),
                e.currency,
                e.amount_minor,
                e.delta_minor,
            ]
            for e in entries
        ),
        f"ledger-{from_}-{to}.csv",
    )


class UnpaidBillOut(BillOut):
    client_first_name: str
    client_last_name: str


@router.get("/unpaid-bills", responses=ERRORS)
async def unpaid_bills(
    _staff: StaffDep, ctx: ContextDep, reader: ReaderDep, page: PageDep
) -> PageOut[UnpaidBillOut]:
    """Open and partially paid bills, oldest first, with their clients' names (one query for the page)."""
    found = await reports.unpaid_bills(ctx, page)
    views = await bills.view(ctx, list(found.items))
    names = await reports.client_names(ctx, {v.bill.client_id for v in views})
    items = [
        UnpaidBillOut(
            **BillOut.of(v, reader).model_dump(),
            client_first_name=names.get(v.bill.client_id, ("", ""))[0],
            client_last_name=names.get(v.bill.client_id, ("", ""))[1],
        )
        for v in views
    ]
    return PageOut[UnpaidBillOut](items=items, next_cursor=found.next_cursor)


@router.get("/unpaid-bills.csv", response_class=Response, responses={**CSV_RESPONSES, **ERRORS})
async def unpaid_bills_csv(
    _staff: StaffDep, ctx: ContextDep, reader: ReaderDep, q: NameSearch = None, currency: Currency = None
) -> Response:
    """Every unpaid bill, oldest first, optionally of one currency or client name; amounts in minor units."""
    found = await unpaid_bills_matching(ctx, q, currency)
    return csv_response(
        [
            "issued_on",
            "client",
            "description",
            "status",
            "currency",
            "total_minor",
            "paid_minor",
            "owed_minor",
        ],
        (
            [
                b.view.bill.issued_on.isoformat(),
                safe_cell(f"{b.last_name}, {b.first_name}"),
                safe_cell(line_description(b.view.lines[0], reader) if b.view.lines else ""),
                b.view.bill.status.value,
                b.view.bill.currency,
                b.view.bill.total_minor,
                b.view.bill.paid_minor,
                b.view.bill.total_minor - b.view.bill.paid_minor,
            ]
            for b in found
        ),
        "unpaid-bills.csv",
    )
