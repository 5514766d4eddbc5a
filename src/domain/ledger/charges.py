"""The money a session's status implies, posted by the `appointment_changed` job (never inline).

`settle_appointment` compares what the session's current status calls for with the automatic charges
already live on it, and fixes the difference: attended → the session fee and its bill; no-show /
late-cancelled → the fee (the amount given with the status, else the practice's default in the session's
currency; none when waived); anything else → nothing. Charges that no longer apply are reversed (payments
applied to their bills are un-applied first and stay as the client's credit). It is idempotent, and the
UNIQUE (appointment, charge type, status round) constraint makes a twin run — even a concurrent one — post
one charge: no-show → attended → no-show nets exactly one live fee."""

from __future__ import annotations

import uuid

from tend.core.enums import AppointmentKind, AppointmentStatus, BillStatus, ChargeType, EntryKind
from tend.domain.context import Context
from tend.domain.ledger.bills import unallocate_bill
from tend.domain.ledger.entries import lock_client, new_entry, reverse_entry
from tend.domain.ledger.memos import FEE_MEMOS, Memo, session_marked
from tend.domain.platform import local_time
from tend.domain.practice.catalog import SERVICES
from tend.domain.practice.settings import get_practice
from tend.domain.scheduling.attendance import Appointment, session_record
from tend.persistence.repositories.ledger import LedgerRepository
from tend.persistence.tables.ledger import Bill, BillLine

_FEE_OF = {
    AppointmentStatus.attended: ChargeType.session_fee,
    AppointmentStatus.no_show: ChargeType.no_show_fee,
    AppointmentStatus.late_cancelled: ChargeType.late_cancel_fee,
}


async def _wanted(ctx: Context, appointment: Appointment) -> tuple[ChargeType, int, str] | None:
    """(charge type, amount, currency) the session's status calls for, or None."""
    charge_type = _FEE_OF.get(appointment.status)
    if charge_type is None or appointment.kind is not AppointmentKind.client_session:
        return None
    if appointment.client_id is None:
        return None
    practice = await get_practice(ctx)
    currency = appointment.currency or practice.default_currency
    if charge_type is ChargeType.session_fee:
        amount = appointment.price_minor or 0
    elif appointment.fee_waived_reason:
        return None
    elif appointment.fee_override_minor is not None:
        amount = appointment.fee_override_minor
    else:
        fees = practice.no_show_fees if charge_type is ChargeType.no_show_fee else practice.late_cancel_fees
        amount = int(fees.get(currency, 0))
    return (charge_type, amount, currency) if amount > 0 else None


async def settle_appointment(ctx: Context, appointment_id: uuid.UUID) -> None:
    appointment = await session_record(ctx, appointment_id)
    if appointment is None or appointment.client_id is None:
        return
    await lock_client(ctx, appointment.client_id)
    # Read again under the lock (and refreshed): a status change committed meanwhile is the one to settle.
    appointment = await session_record(ctx, appointment_id, for_update=True)
    assert appointment is not None and appointment.client_id is not None
    ledger = LedgerRepository(ctx.session)
    wanted = await _wanted(ctx, appointment)
    live = await ledger.live_automatic_charges(appointment.id)
    for charge in live:
        if wanted is not None and charge.charge_type is wanted[0] and charge.amount_minor == wanted[1]:
            continue
        if charge.bill_id is not None:  # its payments become credit; the bill is settled from what is left
            await unallocate_bill(ctx, charge.bill_id)
        await reverse_entry(ctx, charge.id, session_marked(appointment.status))
    if wanted is None or any(c.charge_type is wanted[0] and c.amount_minor == wanted[1] for c in live):
        return
    charge_type, amount, currency = wanted
    # The ledger's own words (a code, read in each reader's language), or the service's name as the
    # practice wrote it.
    memo, code, modifiers = Memo.coded(FEE_MEMOS[charge_type]), None, []
    if charge_type is ChargeType.session_fee and appointment.service_id is not None:
        service = await SERVICES.find(ctx, appointment.service_id)
        if service is not None:
            memo, code, modifiers = Memo(text=service.name), service.code, list(appointment.modifiers or [])
    # The practice's books keep its own days (as its daily close and months do), whatever zone the session
    # was booked in.
    practice = await get_practice(ctx)
    today = local_time.today(ctx.clock, practice.time_zone)
    session_day = local_time.local_date(appointment.starts_at, practice.time_zone)
    bill = Bill(
        id=uuid.uuid4(),
        client_id=appointment.client_id,
        appointment_id=appointment.id,
        currency=currency,
        total_minor=amount,
        paid_minor=0,
        status=BillStatus.open,
        issued_on=min(session_day, today),  # a session logged later is billed on its own day
        created_at=ctx.clock.now(),
        updated_at=ctx.clock.now(),
    )
    line = BillLine(
        id=uuid.uuid4(),
        description=memo.text,
        description_code=memo.code,
        service_code=code,
        modifiers=modifiers,
        amount_minor=amount,
    )
    entry = new_entry(
        ctx,
        client_id=appointment.client_id,
        kind=EntryKind.charge,
        charge_type=charge_type,
        amount_minor=amount,
        delta_minor=amount,
        currency=currency,
        effective_date=min(session_day, today),
        **memo.entry_fields(),
        appointment_id=appointment.id,
        bill_id=bill.id,
        status_round=appointment.status_round,
    )
    await ledger.add_automatic(bill, [line], entry)  # a twin run's charge wins; this one is dropped
