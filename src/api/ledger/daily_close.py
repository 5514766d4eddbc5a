"""The daily close over HTTP (admins and the front desk; part of the practice's ledger routes): a day's
payments and refunds one by one and by method and currency, and closing the day once."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Path, Query
from pydantic import Field

from tend.api.deps import ContextDep, StaffDep
from tend.api.errors import problem_responses
from tend.api.schemas import OutputModel
from tend.core.enums import EntryKind, PaymentMethod
from tend.domain.ledger import daily_close as service

router = APIRouter()


class MethodTotalOut(OutputModel):
    payment_method: str
    currency: str
    count: int
    total_minor: int


class CloseEntryOut(OutputModel):
    id: uuid.UUID
    kind: EntryKind = Field(description="payment or refund.")
    recorded_at: datetime = Field(description="When it was recorded (UTC).")
    client_id: uuid.UUID
    client_first_name: str
    client_last_name: str
    payment_method: PaymentMethod | None
    reference: str | None
    amount_minor: int
    currency: str
    recorded_by_name: str | None = Field(description="The user's or API key's name; null if Tend posted it.")
    after_close: bool = Field(description="Recorded for this day after it was closed.")


class DailyCloseOut(OutputModel):
    day: date
    practice_name: str
    payments: list[MethodTotalOut]
    refunds: list[MethodTotalOut]
    entries: list[CloseEntryOut] = Field(description="The day's payments and refunds in the order recorded.")
    closed_at: datetime | None = Field(description="When the day was closed; null while it is open.")
    closed_by_name: str | None = Field(description="Who closed it (a user's or API key's name).")
    closed_payments: list[MethodTotalOut] | None = Field(description="The payments' totals when closed.")
    closed_refunds: list[MethodTotalOut] | None = Field(description="The refunds' totals when closed.")
    changed_since_close: bool = Field(
        description="Closed, and a payment, refund or reversal recorded since changed what it shows."
    )

    @classmethod
    def of(cls, close: service.DayClose) -> DailyCloseOut:
        closing = close.closing
        return cls(
            day=close.day,
            practice_name=close.practice_name,
            payments=[MethodTotalOut.model_validate(t) for t in close.payments],
            refunds=[MethodTotalOut.model_validate(t) for t in close.refunds],
            entries=[
                CloseEntryOut(
                    id=line.entry.id,
                    kind=line.entry.kind,
                    recorded_at=line.entry.created_at,
                    client_id=line.entry.client_id,
                    client_first_name=line.client_first_name,
                    client_last_name=line.client_last_name,
                    payment_method=line.entry.payment_method,
                    reference=line.entry.reference,
                    amount_minor=line.entry.amount_minor,
                    currency=line.entry.currency,
                    recorded_by_name=line.recorded_by_name,
                    after_close=line.after_close,
                )
                for line in close.entries
            ],
            closed_at=closing.closed_at if closing else None,
            closed_by_name=closing.closed_by_name if closing else None,
            closed_payments=[MethodTotalOut.model_validate(t) for t in closing.payments] if closing else None,
            closed_refunds=[MethodTotalOut.model_validate(t) for t in closing.refunds] if closing else None,
            changed_since_close=close.changed_since_close,
        )


@router.get("/daily-close", responses=problem_responses(401, 403, 422))
async def daily_close(
    _staff: StaffDep,
    ctx: ContextDep,
    day: Annotated[date | None, Query(description="Today by default.")] = None,
) -> DailyCloseOut:
    """A local day's payments and refunds, each and by method and currency: the front desk's cash-up."""
    return DailyCloseOut.of(await service.daily_close(ctx, day))


@router.post("/daily-close/{day}/close", status_code=201, responses=problem_responses(401, 403, 409, 422))
async def close_day(
    _staff: StaffDep,
    ctx: ContextDep,
    day: Annotated[date, Path(description="The local day (today or earlier).")],
) -> DailyCloseOut:
    """Closes the day once, keeping who, when and its totals. Closing it again is a 409 that says who
    closed it and when (`closed_by_name`, `closed_at`)."""
    return DailyCloseOut.of(await service.close_day(ctx, day))
