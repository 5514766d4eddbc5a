"""The insert-only ledger: payments, charges, adjustments, refunds and reversals of a client's money.

Every write locks the client's row first (PostgreSQL: `FOR UPDATE`; SQLite serialises writers), so two
payments at once cannot lose one and a refund cannot exceed what is left of its payment. What is left is
always summed from the rows under that lock (refunds, live allocations), never kept as a running total;
the only stored total, a bill's paid amount, is set the same way (`bills.settle_paid`). Amounts are
positive integer minor units in one of the practice's currencies; `delta_minor` is the entry's effect on
what the client owes, so a balance is the plain sum, never netted across currencies."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from tend.core.enums import AdjustmentDirection, BillStatus, ChargeType, EntryKind, PaymentMethod
from tend.core.errors import Conflict, ErrorCode, Forbidden, Invalid, NotFound
from tend.core.ids import ordered_id
from tend.core.money import check_amount
from tend.domain import audit
from tend.domain.clients.records import get_client, lock_clients
from tend.domain.context import Context
from tend.domain.ledger.memos import Memo
from tend.domain.practice.settings import PracticeSettings, get_practice, local_date, practice_today
from tend.persistence.repositories.ledger import Balance, BillRepository, LedgerRepository
from tend.persistence.tables.ledger import Bill, LedgerEntry

__all__ = ["Balance", "StatementLine", "balances_of", "statement"]


def check_may_move_money(ctx: Context) -> None:
    """Admins, the front desk and write-scoped integrations move money; clinicians read their clients'."""
    if not ctx.actor.reads_whole_practice:  # deny by default: a clinician, the public, an unknown role
        raise Forbidden("Clinicians can read a client's ledger but not record money.")


# No practice's money moved before this (a typo such as 0026 for 2026 would otherwise land in a daily close).
FIRST_MONEY_DAY = date(2000, 1, 1)


def check_enabled_currency(practice: PracticeSettings, currency: str, field: str = "currency") -> str:
    if currency not in practice.currencies:
        raise Invalid(
            f"{currency} is not one of the practice's currencies ({', '.join(practice.currencies)}).",
            field=field,
            code=ErrorCode.currency_not_enabled,
        )
    return currency


def _effective(ctx: Context, practice: PracticeSettings, given: date | None) -> date:
    today = local_date(ctx.clock.now(), practice)
    if given is None:
        return today
    if given > today:
        raise Invalid(
            "Money is recorded on the day it moved: the date cannot be in the future.",
            field="effective_date",
            code=ErrorCode.future_date,
        )
    if given < FIRST_MONEY_DAY:
        raise Invalid(
            f"Give a day from {FIRST_MONEY_DAY.isoformat()} on.",
            field="effective_date",
            code=ErrorCode.out_of_range,
        )
    return given


@dataclass(frozen=True)
class AllocationRequest:
    """Apply `amount_minor` of a payment to one bill."""

    bill_id: uuid.UUID
    amount_minor: int


@dataclass(frozen=True)
class NewPayment:
    amount_minor: int
    currency: str
    payment_method: PaymentMethod
    reference: str | None = None
    memo: str | None = None
    effective_date: date | None = None  # the local day it was received; today when None
    allocations: Sequence[AllocationRequest] = ()  # apply it to open bills now; the rest stays as credit


@dataclass(frozen=True)
class NewCharge:
    amount_minor: int
    currency: str
    memo: str  # what it is for, as the statement shows it
    charge_type: ChargeType = ChargeType.other
    effective_date: date | None = None


@dataclass(frozen=True)
class NewAdjustment:
    direction: AdjustmentDirection  # credit lowers the balance, debit raises it
    amount_minor: int
    currency: str
    reason: str
    effective_date: date | None = None


@dataclass(frozen=True)
class NewRefund:
    amount_minor: int
    payment_method: PaymentMethod | None = None  # the payment's own when None
    reference: str | None = None
    memo: str | None = None
    effective_date: date | None = None


async def _currency_and_day(ctx: Context, currency: str, effective_date: date | None) -> tuple[str, date]:
    """The entry's currency (one of the practice's) and day (not in the future): one read of the settings."""
    practice = await get_practice(ctx)
    return check_enabled_currency(practice, currency), _effective(ctx, practice, effective_date)


async def lock_client(ctx: Context, client_id: uuid.UUID) -> None:
    await lock_clients(ctx, [client_id])


def new_entry(ctx: Context, **fields: Any) -> LedgerEntry:
    return LedgerEntry(
        id=ordered_id(),
        author_user_id=ctx.actor.user_id,
        author_api_key_id=ctx.actor.api_key_id,
        created_at=ctx.clock.now(),
        **fields,
    )


async def _record(ctx: Context, entry: LedgerEntry) -> LedgerEntry:
    await LedgerRepository(ctx.session).add_entry(entry)
    audit.record(
        ctx,
        f"ledger.{entry.kind.value}",
        object_type="client",
        object_id=entry.client_id,
        entry_id=str(entry.id),
        amount_minor=entry.amount_minor,
        currency=entry.currency,
    )
    return entry


async def record_payment(ctx: Context, client_id: uuid.UUID, data: NewPayment) -> LedgerEntry:
    """A payment received; `allocations` apply it to open bills at once (the rest stays as credit)."""
    from tend.domain.ledger.bills import allocate

    client = await get_client(ctx, client_id)  # 404 before 403: no hint that it exists
    check_may_move_money(ctx)
    await lock_client(ctx, client.id)
    amount = check_amount(data.amount_minor, "amount_minor", allow_zero=False)
    currency, day = await _currency_and_day(ctx, data.currency, data.effective_date)
    entry = await _record(
        ctx,
        new_entry(
            ctx,
            client_id=client.id,
            kind=EntryKind.payment,
            payment_method=data.payment_method,
            amount_minor=amount,
            delta_minor=-amount,
            currency=currency,
            effective_date=day,
            memo=data.memo,
            reference=data.reference,
        ),
    )
    if data.allocations:
        await allocate(ctx, entry.id, data.allocations, locked=True)
    return entry


async def record_charge(ctx: Context, client_id: uuid.UUID, data: NewCharge) -> LedgerEntry:
    """A charge typed by hand (a report, a late fee agreed on the phone); session charges and no-show
    fees are posted by the ledger itself when a session's status says so."""
    client = await get_client(ctx, client_id)  # 404 before 403: no hint that it exists
    check_may_move_money(ctx)
    await lock_client(ctx, client.id)
    amount = check_amount(data.amount_minor, "amount_minor", allow_zero=False)
    currency, day = await _currency_and_day(ctx, data.currency, data.effective_date)
    return await _record(
        ctx,
        new_entry(
            ctx,
            client_id=client.id,
            kind=EntryKind.charge,
            charge_type=data.charge_type,
            amount_minor=amount,
            delta_minor=amount,
            currency=currency,
            effective_date=day,
            memo=data.memo,
        ),
    )


async def record_adjustment(ctx: Context, client_id: uuid.UUID, data: NewAdjustment) -> LedgerEntry:
    """A credit (discount, write-off) lowers the balance; a debit raises it. The reason is required."""
    client = await get_client(ctx, client_id)  # 404 before 403: no hint that it exists
    check_may_move_money(ctx)
    await lock_client(ctx, client.id)
    amount = check_amount(data.amount_minor, "amount_minor", allow_zero=False)
    direction = data.direction
    currency, day = await _currency_and_day(ctx, data.currency, data.effective_date)
    return await _record(
        ctx,
        new_entry(
            ctx,
            client_id=client.id,
            kind=EntryKind.adjustment,
            direction=direction,
            amount_minor=amount,
            delta_minor=amount if direction is AdjustmentDirection.debit else -amount,
            currency=currency,
            effective_date=day,
            memo=data.reason,
        ),
    )


async def get_entry(ctx: Context, entry_id: uuid.UUID) -> LedgerEntry:
    """An entry of a client the caller may read (404 otherwise)."""
    entry = await LedgerRepository(ctx.session).get(entry_id)
    if entry is None:
        raise NotFound("No such ledger entry.")
    try:
        await get_client(ctx, entry.client_id)
    except NotFound as exc:
        raise NotFound("No such ledger entry.") from exc
    return entry


async def refundable_minor(ctx: Context, payment: LedgerEntry) -> int:
    """What may still be given back of a payment: not refunded yet and not applied to a bill."""
    refunded = await LedgerRepository(ctx.session).refunded_minor(payment.id)
    allocated = await BillRepository(ctx.session).allocated_minor(payment.id)
    return payment.amount_minor - refunded - allocated


async def refund_payment(ctx: Context, payment_id: uuid.UUID, data: NewRefund) -> LedgerEntry:
    payment = await get_entry(ctx, payment_id)
    check_may_move_money(ctx)
    await lock_client(ctx, payment.client_id)
    if payment.kind is not EntryKind.payment:
        raise Conflict(
            "Only payments can be refunded.",
            code=ErrorCode.not_reversible,
            next_step="To void another entry, reverse it.",
        )
    ledger = LedgerRepository(ctx.session)
    if await ledger.reversal_of(payment.id) is not None:
        raise Conflict(
            "This payment was reversed; there is nothing to refund.",
            code=ErrorCode.already_reversed,
            next_step="Nothing to do: the reversal already gave it back.",
        )
    amount = check_amount(data.amount_minor, "amount_minor", allow_zero=False)
    refund_day = _effective(ctx, await get_practice(ctx), data.effective_date)
    if refund_day < payment.effective_date:
        raise Invalid(
            f"A refund comes after its payment ({payment.effective_date.isoformat()}).",
            field="effective_date",
            code=ErrorCode.date,
        )
    left = await refundable_minor(ctx, payment)
    if amount > left:
        allocated = await BillRepository(ctx.session).allocated_minor(payment.id)
        raise Conflict(
            f"At most {left} (minor units) of this payment can be refunded.",
            code=ErrorCode.refund_exceeds_payment,
            next_step=(
                "Un-apply the payment from its bills first, then refund."
                if allocated
                else "Refund at most what remains of the payment."
            ),
            refundable_minor=left,
        )
    return await _record(
        ctx,
        new_entry(
            ctx,
            client_id=payment.client_id,
            kind=EntryKind.refund,
            payment_method=data.payment_method or payment.payment_method or PaymentMethod.other,
            amount_minor=amount,
            delta_minor=amount,
            currency=payment.currency,
            effective_date=refund_day,
            memo=data.memo,
            reference=data.reference,
            refund_of_id=payment.id,
        ),
    )


async def reverse_entry(ctx: Context, entry_id: uuid.UUID, reason: str | Memo) -> LedgerEntry:
    """Voids one entry with its mirror image. A reversal cannot be reversed, an entry is reversed once
    (also enforced by a UNIQUE column), a payment applied to bills or refunded must be freed first, and a
    charge's bill is cancelled with it (refused while payments are applied to that bill)."""
    entry = await _entry(ctx, entry_id) if ctx.actor.is_system else await get_entry(ctx, entry_id)
    check_may_move_money(ctx)
    await lock_client(ctx, entry.client_id)
    ledger, bills = LedgerRepository(ctx.session), BillRepository(ctx.session)
    if entry.kind is EntryKind.reversal:
        raise Conflict(
            "A reversal cannot itself be reversed.",
            code=ErrorCode.not_reversible,
            next_step="Record the entry again if the reversal was a mistake.",
        )
    if await ledger.reversal_of(entry.id) is not None:
        raise Conflict(
            "This entry was already reversed.",
            code=ErrorCode.already_reversed,
            next_step="Nothing to do: its money is already undone.",
        )
    if entry.kind is EntryKind.payment:
        if await bills.allocated_minor(entry.id):
            raise Conflict(
                "This payment is applied to bills.",
                code=ErrorCode.payment_applied,
                next_step="Un-apply it from its bills first (they become unpaid again), then reverse it.",
            )
        if await ledger.refunded_minor(entry.id):
            raise Conflict(
                "Part of this payment was refunded.",
                code=ErrorCode.not_reversible,
                next_step="Reverse its refunds first, then the payment.",
            )
    if entry.kind is EntryKind.charge and entry.bill_id is not None:
        bill = (await bills.lock([entry.bill_id])).get(entry.bill_id)  # client, then bill
        if bill is not None and bill.status is not BillStatus.cancelled:
            if await bills.paid_minor(bill.id):  # its live allocations, not a stored copy
                raise Conflict(
                    "Payments are applied to this charge's bill.",
                    code=ErrorCode.bill_has_payments,
                    next_step="Un-apply or refund the payments of the bill first.",
                )
            _cancel(ctx, bill, reason)
    return await _record(ctx, await mirror_of(ctx, entry, reason))


async def mirror_of(ctx: Context, entry: LedgerEntry, reason: str | Memo) -> LedgerEntry:
    """The reversal that voids `entry` (not yet recorded): same amount and currency, opposite effect."""
    return new_entry(
        ctx,
        client_id=entry.client_id,
        kind=EntryKind.reversal,
        amount_minor=entry.amount_minor,
        delta_minor=-entry.delta_minor,
        currency=entry.currency,
        effective_date=await practice_today(ctx),
        **Memo.of(reason).entry_fields(),
        appointment_id=entry.appointment_id,
        bill_id=entry.bill_id,
        reverses_id=entry.id,
    )


async def _entry(ctx: Context, entry_id: uuid.UUID) -> LedgerEntry:
    entry = await LedgerRepository(ctx.session).get(entry_id)
    if entry is None:
        raise NotFound("No such ledger entry.")
    return entry


def _cancel(ctx: Context, bill: Bill, reason: str | Memo) -> None:
    """Cancels a bill the caller has locked and found without live allocations (so nothing is paid)."""
    memo = Memo.of(reason)
    bill.status, bill.cancelled_at = BillStatus.cancelled, ctx.clock.now()
    bill.cancel_reason, bill.cancel_reason_code = memo.text, memo.code
    bill.cancel_reason_params = memo.stored_params
    bill.paid_minor = 0
    bill.updated_at = ctx.clock.now()


async def balances_of(ctx: Context, client_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[Balance]]:
    """Balances per currency for a page of (readable) clients, one query."""
    return await LedgerRepository(ctx.session).balances(client_ids)


async def client_balances(ctx: Context, client_id: uuid.UUID) -> list[Balance]:
    client = await get_client(ctx, client_id)
    return (await balances_of(ctx, [client.id])).get(client.id, [])


@dataclass(frozen=True)
class StatementLine:
    entry: LedgerEntry
    balance_after_minor: int  # the running balance of the entry's currency
    reversed: bool


async def statement(ctx: Context, client_id: uuid.UUID) -> tuple[list[StatementLine], list[Balance]]:
    """Every entry in order with the running balance of its currency, and the closing balances."""
    client = await get_client(ctx, client_id)
    ledger = LedgerRepository(ctx.session)
    entries = await ledger.of_client([client.id])
    reversed_ids = await ledger.reversed_ids([e.id for e in entries])
    running: dict[str, int] = {}
    lines = []
    for entry in entries:
        running[entry.currency] = running.get(entry.currency, 0) + entry.delta_minor
        lines.append(StatementLine(entry, running[entry.currency], entry.id in reversed_ids))
    return lines, [Balance(c, b) for c, b in sorted(running.items())]
