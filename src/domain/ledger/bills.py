"""Bills: what a client is asked to pay for one session or fee, with lines; payments applied to them.

A bill's `paid_minor` and status (open, partially paid, paid, cancelled) follow its live allocations: every
change locks the client, then the bill (then the allocation), and sets `paid_minor` from the SUM of the
bill's live allocations as the database has them under those locks, never by adding to a copy read
before them (two requests doing that at once lose one's change). Past-session rules (seed 002): a bill
with no payment applied may have its lines edited (the charge is re-posted: old one reversed, new one
charged); a bill with payments applied cannot be cancelled until they are un-applied or refunded."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from tend.core.enums import BillStatus, EntryKind
from tend.core.errors import Conflict, ErrorCode, Invalid, NotFound
from tend.core.money import check_amount
from tend.domain import audit
from tend.domain.clients.records import get_client
from tend.domain.context import Context
from tend.domain.ledger.entries import (
    AllocationRequest,
    _cancel,
    check_may_move_money,
    get_entry,
    lock_client,
    mirror_of,
    new_entry,
    reverse_entry,
)
from tend.domain.practice.settings import practice_today
from tend.persistence.repositories.ledger import BillRepository, LedgerRepository
from tend.persistence.tables.ledger import Allocation, Bill, BillLine


@dataclass(frozen=True)
class BillView:
    bill: Bill
    lines: list[BillLine]
    allocations: list[Allocation]


def _status(bill: Bill) -> BillStatus:
    if bill.status is BillStatus.cancelled:
        return BillStatus.cancelled
    if bill.paid_minor >= bill.total_minor and bill.total_minor > 0:
        return BillStatus.paid
    return BillStatus.partially_paid if bill.paid_minor else BillStatus.open


async def settle_paid(ctx: Context, bill: Bill) -> None:
    """Sets the bill's paid amount and state from its live allocations. The caller holds the client's
    lock and the bill's (`BillRepository.lock`); the allocation changes are flushed first so the SUM sees
    them."""
    await ctx.session.flush()
    bill.paid_minor = await BillRepository(ctx.session).paid_minor(bill.id)
    bill.status = _status(bill)
    bill.updated_at = ctx.clock.now()


async def open_bill(
    ctx: Context,
    *,
    client_id: uuid.UUID,
    appointment_id: uuid.UUID | None,
    currency: str,
    lines: list[BillLine],
) -> Bill:
    total = sum(line.amount_minor for line in lines)
    bill = Bill(
        id=uuid.uuid4(),
        client_id=client_id,
        appointment_id=appointment_id,
        currency=currency,
        total_minor=total,
        paid_minor=0,
        status=BillStatus.open,
        issued_on=await practice_today(ctx),
        created_at=ctx.clock.now(),
        updated_at=ctx.clock.now(),
    )
    return await BillRepository(ctx.session).add_with_lines(bill, lines)


async def _bill(ctx: Context, bill_id: uuid.UUID, *, for_update: bool = False) -> Bill:
    bill = await BillRepository(ctx.session).get(bill_id, for_update=for_update)
    if bill is None:
        raise NotFound("No such bill.")
    try:
        await get_client(ctx, bill.client_id)
    except NotFound as exc:
        raise NotFound("No such bill.") from exc
    return bill


async def view(ctx: Context, bills: list[Bill]) -> list[BillView]:
    repository = BillRepository(ctx.session)
    ids = [b.id for b in bills]
    lines = await repository.lines(ids)
    allocations: dict[uuid.UUID, list[Allocation]] = {}
    for allocation in await repository.live_allocations(bill_ids=ids):
        allocations.setdefault(allocation.bill_id, []).append(allocation)
    return [BillView(b, lines.get(b.id, []), allocations.get(b.id, [])) for b in bills]


async def get_bill(ctx: Context, bill_id: uuid.UUID) -> BillView:
    return (await view(ctx, [await _bill(ctx, bill_id)]))[0]


async def bills_of_client(ctx: Context, client_id: uuid.UUID) -> list[BillView]:
    client = await get_client(ctx, client_id)
    return await view(ctx, await BillRepository(ctx.session).of_client(client.id))


async def allocate(
    ctx: Context, payment_id: uuid.UUID, allocations: Sequence[AllocationRequest], *, locked: bool = False
) -> list[Allocation]:
    """Applies parts of one payment to bills of the same client and currency, each at most what the
    bill still owes, all together at most what is left of the payment."""
    payment = await get_entry(ctx, payment_id)
    check_may_move_money(ctx)
    if not locked:
        await lock_client(ctx, payment.client_id)
    if payment.kind is not EntryKind.payment:
        raise Invalid("Only payments can be applied to bills.", field="payment_id", code=ErrorCode.invalid)
    ledger, bills = LedgerRepository(ctx.session), BillRepository(ctx.session)
    if await ledger.reversal_of(payment.id) is not None:
        raise Conflict(
            "This payment was reversed.",
            code=ErrorCode.already_reversed,
            next_step="Apply another payment, or record a new one.",
        )
    left = (
        payment.amount_minor
        - await ledger.refunded_minor(payment.id)
        - await bills.allocated_minor(payment.id)
    )
    items: list[tuple[str, uuid.UUID, int]] = []
    for index, item in enumerate(allocations):
        field = f"allocations.{index}"
        amount = check_amount(item.amount_minor, f"{field}.amount_minor", allow_zero=False)
        bill_id = item.bill_id
        if bill_id in {listed for _, listed, _ in items}:
            raise Invalid(
                "Each bill may be listed once.", field=f"{field}.bill_id", code=ErrorCode.duplicate_value
            )
        items.append((field, bill_id, amount))
    locked_bills = await bills.lock([bill_id for _, bill_id, _ in items])  # after the client: fixed order
    created = []
    for field, bill_id, amount in items:
        bill = locked_bills.get(bill_id)
        if bill is None or bill.client_id != payment.client_id:
            raise Invalid(
                "That bill is not one of this client's.",
                field=f"{field}.bill_id",
                code=ErrorCode.unknown_reference,
            )
        if bill.currency != payment.currency:
            raise Invalid(
                f"The bill is in {bill.currency}, the payment in {payment.currency}: money is never "
                "converted, so apply it to a bill in its own currency.",
                field=f"{field}.bill_id",
                code=ErrorCode.currency_mismatch,
            )
        if bill.status is BillStatus.cancelled:
            raise Conflict(
                "That bill is cancelled.",
                code=ErrorCode.bill_cancelled,
                next_step="Leave the payment as credit or apply it to another bill.",
            )
        owed = bill.total_minor - await bills.paid_minor(bill.id)
        if amount > owed or amount > left:
            raise Conflict(
                f"At most {min(owed, left)} (minor units) can be applied to that bill.",
                code=ErrorCode.allocation_exceeds,
                next_step="Apply at most what the bill still owes and what is left of the payment.",
                field=f"{field}.amount_minor",
            )
        left -= amount
        allocation = await bills.add_allocation(
            Allocation(
                id=uuid.uuid4(),
                payment_id=payment.id,
                bill_id=bill.id,
                amount_minor=amount,
                created_at=ctx.clock.now(),
                created_by=ctx.actor.user_id,
            )
        )
        await settle_paid(ctx, bill)
        created.append(allocation)
    audit.record(
        ctx, "ledger.allocated", object_type="client", object_id=payment.client_id, payment_id=str(payment.id)
    )
    return created


async def unallocate(ctx: Context, allocation_id: uuid.UUID) -> Allocation:
    """Takes a payment back off a bill: the money becomes the client's credit again. Of twin requests
    one takes it off; the others find it gone (404), however they interleave."""
    bills = BillRepository(ctx.session)
    allocation = await bills.get_allocation(allocation_id)
    if allocation is None or allocation.removed_at is not None:
        raise NotFound("No such allocation.")
    try:
        bill = (
            await bills.get(allocation.bill_id)
            if ctx.actor.is_system
            else await _bill(ctx, allocation.bill_id)
        )
    except NotFound as exc:  # another practitioner's: the same answer as no allocation at all
        raise NotFound("No such allocation.") from exc
    assert bill is not None
    check_may_move_money(ctx)
    await lock_client(ctx, bill.client_id)
    taken = await _take_off(ctx, bill.id, [allocation.id])
    if not taken:  # a twin request took it off while this one waited for the lock
        raise NotFound("No such allocation.")
    return taken[0]


async def _take_off(ctx: Context, bill_id: uuid.UUID, allocation_ids: list[uuid.UUID]) -> list[Allocation]:
    """Under the client's lock: locks the bill, re-reads these allocations locked (what the caller read
    before the lock may be gone by now), takes off those still live and settles the bill once from what
    is left. Returns the ones it took off."""
    bills = BillRepository(ctx.session)
    bill = (await bills.lock([bill_id]))[bill_id]
    taken = []
    for allocation_id in allocation_ids:
        allocation = await bills.get_allocation(allocation_id, for_update=True)
        if allocation is None or allocation.removed_at is not None or allocation.bill_id != bill.id:
            continue
        allocation.removed_at, allocation.removed_by = ctx.clock.now(), ctx.actor.user_id
        audit.record(
            ctx, "ledger.unallocated", object_type="client", object_id=bill.client_id, bill_id=str(bill.id)
        )
        taken.append(allocation)
    await settle_paid(ctx, bill)
    return taken


async def unallocate_payment(ctx: Context, payment_id: uuid.UUID) -> None:
    """Takes a payment off every bill it is applied to, in one transaction (none: nothing to do)."""
    payment = await get_entry(ctx, payment_id)  # 404 before 403
    check_may_move_money(ctx)
    if payment.kind is not EntryKind.payment:
        raise Invalid("Only payments are applied to bills.", field="entry_id", code=ErrorCode.invalid)
    await lock_client(ctx, payment.client_id)
    by_bill: dict[uuid.UUID, list[uuid.UUID]] = {}
    for allocation in await BillRepository(ctx.session).live_allocations(payment_ids=[payment.id]):
        by_bill.setdefault(allocation.bill_id, []).append(allocation.id)
    for bill_id in sorted(by_bill):  # bills in id order, like every locker
        await _take_off(ctx, bill_id, by_bill[bill_id])


async def unallocate_bill(ctx: Context, bill_id: uuid.UUID) -> None:
    """Takes every payment off a bill (they become credit), for the ledger itself (the charge job); the
    caller holds the client's lock. The bill is settled once, from its allocations, so one whose stored
    paid amount had drifted from them is put right too."""
    allocations = await BillRepository(ctx.session).live_allocations(bill_ids=[bill_id])
    await _take_off(ctx, bill_id, [a.id for a in allocations])


async def cancel_bill(ctx: Context, bill_id: uuid.UUID, reason: str) -> BillView:
    """Cancels a bill and reverses its charges. Refused while payments are applied to it."""
    bill = await _bill(ctx, bill_id)
    check_may_move_money(ctx)
    await lock_client(ctx, bill.client_id)
    repository = BillRepository(ctx.session)
    bill = (await repository.lock([bill.id]))[bill.id]  # as it is now, not as read before the lock
    if bill.status is BillStatus.cancelled:
        return await get_bill(ctx, bill.id)
    if await repository.paid_minor(bill.id):
        raise Conflict(
            "Payments are applied to this bill.",
            code=ErrorCode.bill_has_payments,
            next_step="Un-apply the payments (they become credit) or refund them, then cancel the bill.",
        )
    for charge in await LedgerRepository(ctx.session).live_charges_of_bill(bill.id):
        await reverse_entry(ctx, charge.id, reason)
    _cancel(ctx, bill, reason)
    audit.record(ctx, "bill.cancelled", object_type="client", object_id=bill.client_id, bill_id=str(bill.id))
    return await get_bill(ctx, bill.id)


@dataclass(frozen=True)
class LineInput:
    """A bill line as staff type it when correcting a bill."""

    description: str
    amount_minor: int
    service_code: str | None = None
    modifiers: Sequence[str] = ()


async def edit_lines(ctx: Context, bill_id: uuid.UUID, lines: Sequence[LineInput], reason: str) -> BillView:
    """A bill nobody has paid yet may be corrected: the lines are replaced and the charge re-posted (the
    old one reversed, the new total charged), so the ledger keeps both."""
    bill = await _bill(ctx, bill_id)
    check_may_move_money(ctx)
    await lock_client(ctx, bill.client_id)
    repository = BillRepository(ctx.session)
    bill = (await repository.lock([bill.id]))[bill.id]  # as it is now, not as read before the lock
    if bill.status is BillStatus.cancelled:
        raise Conflict(
            "This bill is cancelled.",
            code=ErrorCode.bill_cancelled,
            next_step="Charge the client anew instead.",
        )
    if await repository.paid_minor(bill.id):
        raise Conflict(
            "Payments are applied to this bill, so its lines are locked.",
            code=ErrorCode.bill_has_payments,
            next_step="Un-apply or refund its payments first, then edit the lines.",
        )
    ledger = LedgerRepository(ctx.session)
    charges = await ledger.live_charges_of_bill(bill.id)
    new_lines = [
        BillLine(
            id=uuid.uuid4(),
            description=line.description,
            service_code=line.service_code,
            modifiers=list(line.modifiers),
            amount_minor=check_amount(line.amount_minor, f"lines.{i}.amount_minor"),
        )
        for i, line in enumerate(lines)
    ]
    total = sum(line.amount_minor for line in new_lines)
    for charge in charges:
        await ledger.add_entry(await mirror_of(ctx, charge, reason))
    if total:
        template = charges[0] if charges else None
        await ledger.add_entry(
            new_entry(
                ctx,
                client_id=bill.client_id,
                kind=EntryKind.charge,
                charge_type=template.charge_type if template else None,
                amount_minor=total,
                delta_minor=total,
                currency=bill.currency,
                effective_date=template.effective_date if template else await practice_today(ctx),
                memo=reason,
                appointment_id=bill.appointment_id,
                bill_id=bill.id,
            )
        )
    await repository.replace_lines(bill, new_lines)
    bill.total_minor = total
    await settle_paid(ctx, bill)
    audit.record(
        ctx, "bill.lines_edited", object_type="client", object_id=bill.client_id, bill_id=str(bill.id)
    )
    return await get_bill(ctx, bill.id)
