"""Session notes (minimal): text, signed by/at. Signing locks the session — its note, times, people,
status and deletion — until someone unlocks it, which is audited. Its bill is the front desk's and stays
correctable (lines, while no payment is applied): signing documents the session, not its price."""

from __future__ import annotations

import uuid

from tend.core.errors import Conflict, ErrorCode, Forbidden
from tend.domain import audit
from tend.domain.context import Context
from tend.domain.scheduling.appointments import get_appointment
from tend.persistence.repositories.ledger import SessionNoteRepository
from tend.persistence.tables.ledger import SessionNote


async def get_note(ctx: Context, appointment_id: uuid.UUID) -> SessionNote:
    appointment = await get_appointment(ctx, appointment_id)
    note = await SessionNoteRepository(ctx.session).get(appointment.id)
    return note or SessionNote(appointment_id=appointment.id, text="", updated_at=appointment.updated_at)


async def _note_for_change(ctx: Context, appointment_id: uuid.UUID) -> SessionNote:
    appointment = await get_appointment(ctx, appointment_id, for_update=True)
    repository = SessionNoteRepository(ctx.session)
    note = await repository.get(appointment.id)
    if note is None:
        note = await repository.add(
            SessionNote(appointment_id=appointment.id, text="", updated_at=ctx.clock.now())
        )
    return note


async def write_note(ctx: Context, appointment_id: uuid.UUID, text: str) -> SessionNote:
    note = await _note_for_change(ctx, appointment_id)
    if note.signed_at is not None:
        raise Conflict(
            "This note is signed.",
            code=ErrorCode.note_signed,
            next_step="Unlock it first (the unlock is recorded), then edit it.",
        )
    note.text, note.updated_at = text, ctx.clock.now()
    audit.record(ctx, "session_note.written", object_type="appointment", object_id=note.appointment_id)
    return note


async def sign_note(ctx: Context, appointment_id: uuid.UUID) -> SessionNote:
    if ctx.actor.user_id is None:
        raise Forbidden("Notes are signed by a person, not an integration.")
    note = await _note_for_change(ctx, appointment_id)
    if note.signed_at is None:
        note.signed_by, note.signed_at = ctx.actor.user_id, ctx.clock.now()
        note.updated_at = ctx.clock.now()
        audit.record(ctx, "session_note.signed", object_type="appointment", object_id=note.appointment_id)
    return note


async def unlock_note(ctx: Context, appointment_id: uuid.UUID, reason: str) -> SessionNote:
    note = await _note_for_change(ctx, appointment_id)
    if note.signed_at is not None:
        audit.record(
            ctx,
            "session_note.unlocked",
            object_type="appointment",
            object_id=note.appointment_id,
            signed_by=str(note.signed_by),
            reason=reason,
        )
        note.signed_by, note.signed_at, note.updated_at = None, None, ctx.clock.now()
    return note
