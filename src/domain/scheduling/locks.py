"""What may still change about a session (seed 002), in one place for every route that changes or removes
appointments: a signed note locks the whole session; a live bill locks its price, service and client (its
lines are edited instead) and its deletion; a session that happened or has an outcome keeps its time.

A change of one appointment (PATCH, status, DELETE, series scope `this`, a group's move) is refused with the
reason; a change of many (series scope `following`/`all`) keeps those held back, each with a reason code.
Both ask the same questions, in one query each for all the appointments a change would touch."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from tend.core.enums import AppointmentStatus
from tend.core.errors import Conflict, ErrorCode
from tend.domain import notes
from tend.domain.context import Context
from tend.persistence.repositories.scheduling import AppointmentRepository
from tend.persistence.tables.scheduling import Appointment

BILLED_FIELDS = frozenset({"price_minor", "currency", "service_id", "modifiers", "client_id"})


@dataclass(frozen=True)
class Hold:
    """Why an appointment is left as it is by a change of many: a code for programs (documented in
    docs/api.md, worded by the SPA), the same in English words for people."""

    reason_code: str
    reason: str


SIGNED_NOTE = Hold("signed_note", "its note is signed")
HAS_NOTE = Hold("has_note", "it has a clinical note")
BILLED = Hold("billed", "it has a bill")
PAST = Hold("past", "in the past")


async def holds(ctx: Context, appointments: Sequence[Appointment], now: datetime) -> dict[uuid.UUID, Hold]:
    """The appointments of `appointments` a change of many must keep as they are, each with its reason
    (the first that applies: past, an outcome, a signed note, a clinical note, a bill); the others may
    change. A session with a note's text, a signed version or an amendment is kept even once unlocked: a
    change of many may delete occurrences, and a clinical record is never deleted with its session."""
    held: dict[uuid.UUID, Hold] = {}
    for appointment in appointments:
        if appointment.starts_at < now:
            held[appointment.id] = PAST
        elif appointment.status is not AppointmentStatus.scheduled:
            held[appointment.id] = Hold("status", f"already {appointment.status.value}")
    rest = [a.id for a in appointments if a.id not in held]
    signed = await notes.signed_appointment_ids(ctx, rest)
    documented = await notes.documented_appointment_ids(ctx, [i for i in rest if i not in signed])
    billed = await AppointmentRepository(ctx.session).billed_among(
        [i for i in rest if i not in signed and i not in documented]
    )
    held.update({appointment_id: SIGNED_NOTE for appointment_id in signed})
    held.update({appointment_id: HAS_NOTE for appointment_id in documented})
    held.update({appointment_id: BILLED for appointment_id in billed})
    return held


async def ensure_unlocked(ctx: Context, appointment: Appointment) -> None:
    """Refuses (409 `conflict.note_signed`) any change to a session whose note is signed."""
    await notes.ensure_unlocked(ctx, appointment.id)


async def live_bill_of(ctx: Context, appointment_id: uuid.UUID) -> bool:
    return bool(await AppointmentRepository(ctx.session).billed_among([appointment_id]))


async def ensure_billing_fields_free(ctx: Context, appointment: Appointment, changed: set[str]) -> None:
    if BILLED_FIELDS & changed and await live_bill_of(ctx, appointment.id):
        raise Conflict(
            "This session is billed: its price, service and client are on its bill.",
            code=ErrorCode.session_billed,
            next_step="Edit the bill's lines instead (possible while no payment is applied to it).",
        )


async def ensure_deletable(ctx: Context, appointment: Appointment) -> None:
    """A signed note needs unlocking first; a session with a clinical note is never deleted (it is
    cancelled instead, and the note stays); a billed session needs its bill cancelled first (its charges
    are reversed then; the ledger keeps them)."""
    await ensure_unlocked(ctx, appointment)
    if await notes.documented_appointment_ids(ctx, [appointment.id]):
        raise Conflict(
            "This session has a clinical note, which is never deleted.",
            code=ErrorCode.session_has_note,
            next_step="Cancel the session instead: it leaves the calendar and its note is kept.",
        )
    if await live_bill_of(ctx, appointment.id):
        raise Conflict(
            "This session has a bill.",
            code=ErrorCode.bill_not_cancelled,
            next_step="Cancel the bill first (un-apply or refund its payments), then delete the session.",
        )
