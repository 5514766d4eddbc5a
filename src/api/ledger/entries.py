"""A client's money: the ledger (statement with running balances, CSV), balances, and recording payments,
charges, adjustments, refunds and reversals. Every money-moving POST takes an `Idempotency-Key`."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import date, datetime
from typing import Annotated, Any, Self

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, StrictInt

from tend.api.clients.records import BalanceOut
from tend.api.csv_export import CSV_RESPONSES, csv_response, safe_cell
from tend.api.deps import ContextDep, StaffDep
from tend.api.errors import READ_ERRORS, WRITE_ERRORS
from tend.api.idempotency import IdempotencyKey, once
from tend.api.language import ReaderDep
from tend.api.schemas import CleanName, InputModel, OutputModel
from tend.core.enums import AdjustmentDirection, ChargeType, EntryKind, MemoCode, PaymentMethod
from tend.domain.context import Context
from tend.domain.ledger import entries, memos
from tend.domain.platform.messaging import MessageLocale

router = APIRouter(tags=["ledger"])

Amount = Annotated[StrictInt, Field(gt=0, le=10**12, description="Minor units (S/ 150.00 is 15000).")]
Currency = Annotated[str, Field(pattern=r"^[A-Z]{3}$", description="ISO 4217, one of the practice's.")]
Memo = Annotated[str, Field(min_length=1, max_length=500), CleanName]
Reference = Annotated[str, Field(min_length=1, max_length=100), CleanName]
MemoParams = dict[str, str | int]
MONEY_ERRORS = {**WRITE_ERRORS}


class EntryOut(OutputModel):
    id: uuid.UUID
    client_id: uuid.UUID
    kind: EntryKind
    charge_type: ChargeType | None
    payment_method: PaymentMethod | None
    direction: AdjustmentDirection | None
    amount_minor: int
    delta_minor: int = Field(description="The entry's effect on the balance (+ owes more, - owes less).")
    currency: str
    effective_date: date
    memo: str | None = Field(
        description="What it is for, in the reader's language (the signed-in user's, else the practice's): "
        "staff's words as typed, the ledger's own rendered from `memo_code`."
    )
    memo_code: MemoCode | None = Field(description="Set when the ledger wrote the memo itself.")
    memo_params: MemoParams | None = Field(
        description='The code\'s parameters (ids, dates, amounts, statuses), e.g. {"status": "no_show"}.'
    )
    reference: str | None
    appointment_id: uuid.UUID | None
    bill_id: uuid.UUID | None
    reverses_id: uuid.UUID | None
    refund_of_id: uuid.UUID | None
    author_user_id: uuid.UUID | None
    created_at: datetime

    @classmethod
    def of(cls, entry: Any, reader: MessageLocale, **extra: Any) -> Self:
        """The entry with its memo in the reader's language."""
        return cls.from_record(entry, memo=entry_memo(entry, reader), **extra)


def entry_memo(entry: Any, reader: MessageLocale) -> str | None:
    return memos.render(reader, entry.memo_code, entry.memo_params, entry.memo)


class StatementLineOut(EntryOut):
    balance_after_minor: int = Field(description="Running balance of the entry's currency after it.")
    reversed: bool = Field(description="A later reversal voids this entry.")


class StatementOut(OutputModel):
    lines: list[StatementLineOut]
    balances: list[BalanceOut]


class AllocationIn(InputModel):
    bill_id: uuid.UUID
    amount_minor: Amount


class PaymentIn(InputModel):
    amount_minor: Amount
    currency: Currency
    payment_method: PaymentMethod
    reference: Reference | None = None
    memo: Memo | None = None
    effective_date: date | None = Field(default=None, description="The local day it was received (today).")
    allocations: list[AllocationIn] = Field(
        default_factory=list, max_length=50, description="Apply it to open bills now; the rest is credit."
    )


class ChargeIn(InputModel):
    amount_minor: Amount
    currency: Currency
    charge_type: ChargeType = ChargeType.other
    memo: Memo = Field(description="What it is for, as the statement shows it.")
    effective_date: date | None = None


class AdjustmentIn(InputModel):
    direction: AdjustmentDirection
    amount_minor: Amount
    currency: Currency
    reason: Memo
    effective_date: date | None = None


class RefundIn(InputModel):
    amount_minor: Amount
    payment_method: PaymentMethod | None = Field(default=None, description="The payment's by default.")
    reference: Reference | None = None
    memo: Memo | None = None
    effective_date: date | None = None


class ReversalIn(InputModel):
    reason: Memo


@router.get("/clients/{client_id:uuid}/balance", responses=READ_ERRORS)
async def client_balance(client_id: uuid.UUID, _staff: StaffDep, ctx: ContextDep) -> list[BalanceOut]:
    """One balance per currency the client has entries in; never netted across currencies."""
    return [BalanceOut.model_validate(b) for b in await entries.client_balances(ctx, client_id)]


@router.get("/clients/{client_id:uuid}/ledger", responses=READ_ERRORS)
async def client_ledger(
    client_id: uuid.UUID, _staff: StaffDep, ctx: ContextDep, reader: ReaderDep
) -> StatementOut:
    """The statement of account: every entry in order with its currency's running balance."""
    lines, balances = await entries.statement(ctx, client_id)
    return StatementOut(
        lines=[
            StatementLineOut.of(
                line.entry, reader, balance_after_minor=line.balance_after_minor, reversed=line.reversed
            )
            for line in lines
        ],
        balances=[BalanceOut.model_validate(b) for b in balances],
    )


@router.get(
    "/clients/{client_id:uuid}/ledger.csv",
    response_class=Response,
    responses={**CSV_RESPONSES, **READ_ERRORS},
)
async def client_ledger_csv(
    client_id: uuid.UUID, _staff: StaffDep, ctx: ContextDep, reader: ReaderDep
) -> Response:
    """The statement as CSV (amounts in minor units, one running balance per currency)."""
    lines, _ = await entries.statement(ctx, client_id)
    header = ["date", "kind", "type", "memo", "reference", "currency", "amount_minor", "delta_minor"]
    return csv_response(
        [*header, "balance_minor"],
        (
            [
                line.entry.effective_date.isoformat(),
                line.entry.kind.value,
                str(line.entry.charge_type or line.entry.payment_method or line.entry.direction or ""),
                safe_cell(entry_memo(line.entry, reader) or ""),
                safe_cell(line.entry.reference or ""),
                line.entry.currency,
                line.entry.amount_minor,
                line.entry.delta_minor,
                line.balance_after_minor,
            ]
            for line in lines
        ),
        f"statement-{client_id}.csv",
    )


MONEY_POST: dict[str, Any] = {"status_code": 201, "response_model": EntryOut, "responses": MONEY_ERRORS}


async def _posted(
    request: Request,
    ctx: Context,
    key: str | None,
    body: BaseModel,
    post: Callable[[], Awaitable[Any]],
    reader: MessageLocale,
) -> JSONResponse:
    """Posts one entry at most once per Idempotency-Key (201 with the entry, replayed on a retry)."""

    async def act() -> EntryOut:
        return EntryOut.of(await post(), reader)

    return await once(request, ctx, key, body, 201, act)


@router.post("/clients/{client_id:uuid}/payments", **MONEY_POST)
async def record_payment(
    client_id: uuid.UUID,
    body: PaymentIn,
    request: Request,
    _staff: StaffDep,
    ctx: ContextDep,
    reader: ReaderDep,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """Records money received, optionally applied to open bills (the rest stays as the client's credit)."""

    return await _posted(
        request,
        ctx,
        idempotency_key,
        body,
        lambda: entries.record_payment(
            ctx,
            client_id,
            entries.NewPayment(
                **body.model_dump(exclude={"allocations"}),
                allocations=[entries.AllocationRequest(**a.model_dump()) for a in body.allocations],
            ),
        ),
        reader,
    )


@router.post("/clients/{client_id:uuid}/charges", **MONEY_POST)
async def record_charge(
    client_id: uuid.UUID,
    body: ChargeIn,
    request: Request,
    _staff: StaffDep,
    ctx: ContextDep,
    reader: ReaderDep,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """A charge typed by hand. Session charges and no-show fees are posted by the ledger itself."""

    return await _posted(
        request,
        ctx,
        idempotency_key,
        body,
        lambda: entries.record_charge(ctx, client_id, entries.NewCharge(**body.model_dump())),
        reader,
    )


@router.post("/clients/{client_id:uuid}/adjustments", **MONEY_POST)
async def record_adjustment(
    client_id: uuid.UUID,
    body: AdjustmentIn,
    request: Request,
    _staff: StaffDep,
    ctx: ContextDep,
    reader: ReaderDep,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """A credit (discount, write-off) or a debit, with its reason."""

    return await _posted(
        request,
        ctx,
        idempotency_key,
        body,
        lambda: entries.record_adjustment(ctx, client_id, entries.NewAdjustment(**body.model_dump())),
        reader,
    )


@router.get("/ledger-entries/{entry_id:uuid}", responses=READ_ERRORS)
async def get_entry(entry_id: uuid.UUID, _staff: StaffDep, ctx: ContextDep, reader: ReaderDep) -> EntryOut:
    return EntryOut.of(await entries.get_entry(ctx, entry_id), reader)


@router.post("/ledger-entries/{entry_id:uuid}/refund", **MONEY_POST)
async def refund_payment(
    entry_id: uuid.UUID,
    body: RefundIn,
    request: Request,
    _staff: StaffDep,
    ctx: ContextDep,
    reader: ReaderDep,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """Gives back part or all of a payment: at most what is neither refunded nor applied to bills."""

    return await _posted(
        request,
        ctx,
        idempotency_key,
        body,
        lambda: entries.refund_payment(ctx, entry_id, entries.NewRefund(**body.model_dump())),
        reader,
    )


@router.post("/ledger-entries/{entry_id:uuid}/reverse", **MONEY_POST)
async def reverse_entry(
    entry_id: uuid.UUID,
    body: ReversalIn,
    request: Request,
    _staff: StaffDep,
    ctx: ContextDep,
    reader: ReaderDep,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """Voids one entry with its mirror image (once). A charge's bill is cancelled with it."""

    return await _posted(
        request, ctx, idempotency_key, body, lambda: entries.reverse_entry(ctx, entry_id, body.reason), reader
    )
