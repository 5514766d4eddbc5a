"""What may still change about a session that already happened (seed 002): a signed note locks the
session; a live bill locks its price, service and client (its lines are edited instead)."""

from __future__ import annotations

import uuid

from tend.core.enums import BillStatus
from tend.core.errors import Conflict, ErrorCode
from tend.domain.context import Context
from tend.persistence.repositories.ledger import BillRepository, SessionNoteRepository
from tend.persistence.tables.scheduling import Appointment

BILLED_FIELDS = frozenset({"price_minor", "currency", "service_id", "modifiers", "client_id"})


async def ensure_unlocked(ctx: Context, appointment: Appointment) -> None:
    note = await SessionNoteRepository(ctx.session).get(appointment.id)
    if note is not None and note.signed_at is not None:
        raise Conflict(
            "This session's note is signed, which locks the session.",
            code=ErrorCode.note_signed,
            next_step="Unlock the note first (the unlock is recorded), then make the change.",
        )


async def live_bill_of(ctx: Context, appointment_id: uuid.UUID) -> bool:
    return any(
        b.status is not BillStatus.cancelled
        for b in await BillRepository(ctx.session).of_appointment(appointment_id)
    )


async def ensure_billing_fields_free(ctx: Context, appointment: Appointment, changed: set[str]) -> None:
    if BILLED_FIELDS & changed and await live_bill_of(ctx, appointment.id):
        raise Conflict(
            "This session is billed: its price, service and client are on its bill.",
            code=ErrorCode.session_billed,
            next_step="Edit the bill's lines instead (possible while no payment is applied to it).",
        )
