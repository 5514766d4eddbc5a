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
from tend.api.ledger.bills import BillOut
from tend.api.ledger.entries import EntryOut
from tend.api.schemas import OutputModel, PageOut
from tend.domain.ledger import bills, reports

router = APIRouter(prefix="/api/v1/ledger", tags=["ledger"])
ERRORS = problem_responses(401, 403, 422)


class MethodTotalOut(OutputModel):
    payment_method: str
    currency: str
    count: int
    total_minor: int


class DailyCloseOut(OutputModel):
    day: date
    payments: list[MethodTotalOut]
    refunds: list[MethodTotalOut]


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


@router.get("/daily-close", responses=ERRORS)
async def daily_close(
    _staff: StaffDep,
    ctx: ContextDep,
    day: Annotated[date | None, Query(description="Today by default.")] = None,
) -> DailyCloseOut:
    """Payments and refunds of one local day by method and currency: the front desk's cash-up."""
    close = await reports.daily_close(ctx, day)
    return DailyCloseOut(
        day=close.day,
        payments=[MethodTotalOut.model_validate(t) for t in close.payments],
        refunds=[MethodTotalOut.model_validate(t) for t in close.refunds],
    )


@router.get("/aging", responses=ERRORS)
async def aging(_staff: StaffDep, ctx: ContextDep) -> list[AgingRowOut]:
    """Clients who owe, per currency, largest first, split by how old the unpaid charges are."""
    return [AgingRowOut.model_validate(row) for row in await reports.aging(ctx)]


Day = Annotated[date, Query()]


async def _named(ctx: ContextDep, entries: list[object]) -> list[PracticeEntryOut]:
    names = await reports.client_names(ctx, {e.client_id for e in entries})  # type: ignore[attr-defined]
    return [
        PracticeEntryOut.from_record(
            e,
            client_first_name=names.get(e.client_id, ("", ""))[0],  # type: ignore[attr-defined]
            client_last_name=names.get(e.client_id, ("", ""))[1],  # type: ignore[attr-defined]
        )
        for e in entries
    ]


@router.get("/entries", responses=ERRORS)
async def entries_in_range(
    _staff: StaffDep, ctx: ContextDep, page: PageDep, from_: Annotated[date, Query(alias="from")], to: Day
) -> PageOut[PracticeEntryOut]:
    """Entries whose effective date is in [from, to] (at most a year), in the order they were recorded."""
    found = await reports.entries_in_range(ctx, from_, to, page)
    return PageOut[PracticeEntryOut](
        items=await _named(ctx, list(found.items)), next_cursor=found.next_cursor
    )


@router.get(
    "/entries.csv",
    response_class=Response,
    responses={**CSV_RESPONSES, **ERRORS},
)
async def entries_csv(
    _staff: StaffDep, ctx: ContextDep, from_: Annotated[date, Query(alias="from")], to: Day
) -> Response:
    entries = await _named(ctx, list(await reports.all_entries_in_range(ctx, from_, to)))
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
async def unpaid_bills(_staff: StaffDep, ctx: ContextDep, page: PageDep) -> PageOut[UnpaidBillOut]:
    """Open and partially paid bills, oldest first, with their clients' names (one query for the page)."""
    found = await reports.unpaid_bills(ctx, page)
    views = await bills.view(ctx, list(found.items))
    names = await reports.client_names(ctx, {v.bill.client_id for v in views})
    items = [
        UnpaidBillOut(
            **BillOut.of(v).model_dump(),
            client_first_name=names.get(v.bill.client_id, ("", ""))[0],
            client_last_name=names.get(v.bill.client_id, ("", ""))[1],
        )
        for v in views
    ]
    return PageOut[UnpaidBillOut](items=items, next_cursor=found.next_cursor)
