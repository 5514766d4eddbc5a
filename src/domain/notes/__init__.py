"""The notes context: clinical records — session notes, signing, amendments, unlocking
(`tend.domain.notes.session_notes`).

What other contexts may ask of it lives here, and needs nothing of theirs: whether sessions' notes are
signed, which locks the session (its times, people, status and deletion) until the note is unlocked, and
whether they carry a clinical record at all, which keeps them from being deleted."""

from __future__ import annotations

import uuid
from collections.abc import Collection

from tend.core.errors import Conflict, ErrorCode
from tend.domain.context import Context
from tend.persistence.repositories.notes import SessionNoteRepository


async def signed_appointment_ids(ctx: Context, appointment_ids: Collection[uuid.UUID]) -> set[uuid.UUID]:
    """Those of the sessions whose note is signed now (and so locked)."""
    return await SessionNoteRepository(ctx.session).signed_among(appointment_ids)


async def documented_appointment_ids(ctx: Context, appointment_ids: Collection[uuid.UUID]) -> set[uuid.UUID]:
    """Those of the sessions with a clinical record (a note's text, a signed version, an amendment): a
    record that is never deleted, so neither is its session."""
    return await SessionNoteRepository(ctx.session).documented_among(appointment_ids)


async def ensure_unlocked(ctx: Context, appointment_id: uuid.UUID) -> None:
    """Refuses (409 `conflict.note_signed`) a change to a session whose note is signed."""
    if await signed_appointment_ids(ctx, [appointment_id]):
        raise Conflict(
            "This session's note is signed, which locks the session.",
            code=ErrorCode.note_signed,
            next_step="Ask the treating clinician or an admin to unlock the note (the unlock is recorded), "
            "then make the change.",
        )
