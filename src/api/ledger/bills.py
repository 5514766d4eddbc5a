"""Bills and the payments applied to them: a client's bills, one bill, applying a payment, taking it back
off, cancelling a bill, correcting an unpaid bill's lines."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from pydantic import Field

from tend.api.deps import ContextDep, StaffDep
from tend.api.errors import READ_ERRORS, WRITE_ERRORS
from tend.api.idempotency import IdempotencyKey, once
from tend.api.language import ReaderDep
from tend.api.ledger.entries import AllocationIn, Amount, Memo, MemoParams
from tend.api.schemas import CleanName, InputModel, OutputModel
from tend.core.enums import BillStatus, MemoCode
from tend.domain.ledger import bills, entries, memos
from tend.domain.platform.messaging import MessageLocale

router = APIRouter(tags=["bills"])


class BillLineOut(OutputModel):
    description: str = Field(
        description="In the reader's language when the ledger wrote the line itself (`description_code`)."
    )
    description_code: MemoCode | None = Field(description="Set on the ledger's own fee lines.")
    service_code: str | None
    modifiers: list[str]
    amount_minor: int


class AllocationOut(OutputModel):
    id: uuid.UUID
    payment_id: uuid.UUID
    bill_id: uuid.UUID
    amount_minor: int
    created_at: datetime


class BillOut(OutputModel):
    id: uuid.UUID
    client_id: uuid.UUID
    appointment_id: uuid.UUID | None
    currency: str
    total_minor: int
    paid_minor: int
    status: BillStatus
    issued_on: date
    cancelled_at: datetime | None
    cancel_reason: str | None = Field(description="Why it was cancelled, in the reader's language.")
    cancel_reason_code: MemoCode | None = Field(description="Set when the ledger cancelled it itself.")
    cancel_reason_params: MemoParams | None
    lines: list[BillLineOut]
    allocations: list[AllocationOut]

    @classmethod
    def of(cls, view: bills.BillView, reader: MessageLocale) -> BillOut:
        bill = view.bill
        return cls.from_record(
            bill,
            cancel_reason=memos.render(
                reader, bill.cancel_reason_code, bill.cancel_reason_params, bill.cancel_reason
            ),
            lines=[
                BillLineOut.from_record(line, description=line_description(line, reader))
                for line in view.lines
            ],
            allocations=[AllocationOut.model_validate(a) for a in view.allocations],
        )


def line_description(line: Any, reader: MessageLocale) -> str:
    return memos.render(reader, line.description_code, None, line.description) or ""


class AllocationsIn(InputModel):
    allocations: list[AllocationIn] = Field(min_length=1, max_length=50)


class BillCancelIn(InputModel):
    reason: Memo


class BillLineIn(InputModel):
    description: Annotated[str, Field(min_length=1, max_length=200), CleanName]
    service_code: Annotated[str, Field(min_length=1, max_length=20), CleanName] | None = None
    modifiers: list[Annotated[str, Field(min_length=1, max_length=4)]] = Field(
        default_factory=list, max_length=4
    )
    amount_minor: Amount


class BillLinesIn(InputModel):
    lines: list[BillLineIn] = Field(min_length=1, max_length=20)
    reason: Memo


@router.get("/clients/{client_id:uuid}/bills", responses=READ_ERRORS)
async def client_bills(
    client_id: uuid.UUID, _staff: StaffDep, ctx: ContextDep, reader: ReaderDep
) -> list[BillOut]:
    """Newest first, with lines and the payments applied."""
    return [BillOut.of(v, reader) for v in await bills.bills_of_client(ctx, client_id)]


@router.get("/bills/{bill_id:uuid}", responses=READ_ERRORS)
async def get_bill(bill_id: uuid.UUID, _staff: StaffDep, ctx: ContextDep, reader: ReaderDep) -> BillOut:
    return BillOut.of(await bills.get_bill(ctx, bill_id), reader)


@router.post(
    "/ledger-entries/{entry_id:uuid}/allocations",
    status_code=201,
    response_model=list[AllocationOut],
    responses=WRITE_ERRORS,
)
async def allocate_payment(
    entry_id: uuid.UUID,
    body: AllocationsIn,
    request: Request,
    _staff: StaffDep,
    ctx: ContextDep,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """Applies (more of) a payment to the client's open bills in its currency."""

    async def act() -> list[AllocationOut]:
        wanted = [entries.AllocationRequest(**a.model_dump()) for a in body.allocations]
        created = await bills.allocate(ctx, entry_id, wanted)
        return [AllocationOut.model_validate(a) for a in created]

    return await once(request, ctx, idempotency_key, body, 201, act)


@router.delete(
    "/allocations/{allocation_id:uuid}",
    status_code=204,
    response_class=Response,
    responses=WRITE_ERRORS,
)
async def unallocate(allocation_id: uuid.UUID, _staff: StaffDep, ctx: ContextDep) -> Response:
    """Takes a payment back off a bill; the amount becomes the client's credit."""
    await bills.unallocate(ctx, allocation_id)
    return Response(status_code=204)


@router.delete(
    "/ledger-entries/{entry_id:uuid}/allocations",
    status_code=204,
    response_class=Response,
    responses=WRITE_ERRORS,
)
async def unallocate_payment(entry_id: uuid.UUID, _staff: StaffDep, ctx: ContextDep) -> Response:
    """Takes a payment off every bill it is applied to (they are unpaid again by that much); the money
    becomes the client's credit, to refund, reverse or apply elsewhere."""
    await bills.unallocate_payment(ctx, entry_id)
    return Response(status_code=204)


@router.post("/bills/{bill_id:uuid}/cancel", responses=WRITE_ERRORS)
async def cancel_bill(
    bill_id: uuid.UUID, body: BillCancelIn, _staff: StaffDep, ctx: ContextDep, reader: ReaderDep
) -> BillOut:
    """Cancels the bill and reverses its charge. Refused while payments are applied to it."""
    return BillOut.of(await bills.cancel_bill(ctx, bill_id, body.reason), reader)


@router.put("/bills/{bill_id:uuid}/lines", responses=WRITE_ERRORS)
async def replace_bill_lines(
    bill_id: uuid.UUID, body: BillLinesIn, _staff: StaffDep, ctx: ContextDep, reader: ReaderDep
) -> BillOut:
    """Corrects an unpaid bill: new lines, the old charge reversed and the new total charged."""
    return BillOut.of(
        await bills.edit_lines(
            ctx, bill_id, [bills.LineInput(**line.model_dump()) for line in body.lines], body.reason
        ),
        reader,
    )
