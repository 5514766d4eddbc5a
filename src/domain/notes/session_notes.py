"""Session notes: who reads them, who writes, signs, amends and unlocks them (DOMAIN.md "Session notes").

A note's text is for the treating clinician (the clinician user whose practitioner is the session's
practitioner) and the practice's admins. The front desk and API keys see that a note exists and whether,
when and by whom it is signed, never its text, amendments or history. Only the treating clinician writes,
signs and amends; she or an admin unlocks, with a reason.

A signed note is never overwritten: signing stores the signed text as a version, a change after signing is
an amendment kept beside it, and unlocking marks the version unlocked (who, when, why) and returns the note
to a draft, so the session can be changed again while the signed text stays in the note's history.
Signing locks the session (see `tend.domain.notes.ensure_unlocked`). The audit says who changed what when
with ids and a sha256 of the text, never the text itself."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from tend.core.actor import Actor
from tend.core.enums import Role
from tend.core.errors import Conflict, ErrorCode, Forbidden
from tend.domain import audit
from tend.domain.context import Context
from tend.domain.practice.users import names_of
from tend.domain.scheduling.appointments import get_appointment
from tend.domain.scheduling.attendance import Appointment
from tend.domain.security import sha256_hex
from tend.persistence.repositories.notes import SessionNoteRepository
from tend.persistence.tables.notes import SessionNote, SessionNoteAmendment, SessionNoteVersion

AUTHOR_ONLY = "Only the treating clinician writes, signs and amends session notes."


@dataclass(frozen=True)
class AmendmentView:
    id: uuid.UUID
    text: str
    created_at: datetime
    author_user_id: uuid.UUID
    author_name: str


@dataclass(frozen=True)
class SignedVersionView:
    """A text that was signed and later unlocked."""

    text: str
    signed_at: datetime
    signed_by_name: str | None
    unlocked_at: datetime
    unlocked_by_name: str | None
    unlock_reason: str
    amendments: list[AmendmentView]  # those made to this signed text while it was signed


@dataclass(frozen=True)
class NoteView:
    """A session's note as this caller may see it: the same shape for everyone, the hidden parts empty."""

    appointment_id: uuid.UUID
    exists: bool
    signed: bool
    signed_at: datetime | None
    signed_by_user_id: uuid.UUID | None
    signed_by_name: str | None
    updated_at: datetime | None
    amendment_count: int
    content_visible: bool
    text: str | None
    amendments: list[AmendmentView]
    history: list[SignedVersionView]
    may_write: bool
    may_unlock: bool


def _is_treating_clinician(actor: Actor, appointment: Appointment) -> bool:
    return (
        actor.role is Role.clinician
        and not actor.is_api_key
        and actor.user_id is not None
        and actor.practitioner_id is not None
        and actor.practitioner_id == appointment.practitioner_id
    )


def _is_admin(actor: Actor) -> bool:
    return actor.role is Role.admin and not actor.is_api_key and actor.user_id is not None


def _may_read_content(actor: Actor, appointment: Appointment) -> bool:
    return actor.is_system or _is_admin(actor) or _is_treating_clinician(actor, appointment)


async def _view(ctx: Context, appointment: Appointment, note: SessionNote | None) -> NoteView:
    """Amendments belong to the signed text they were made to: the current signature's are the note's,
    an unlocked version's stay with it in `history` (an amendment to text A never reads as one to B)."""
    repository = SessionNoteRepository(ctx.session)
    versions = await repository.versions_of(appointment.id)
    signed = note is not None and note.signed_at is not None
    live = next((v for v in versions if v.unlocked_at is None), None) if signed else None
    visible = _may_read_content(ctx.actor, appointment)
    may_unlock = signed and (_is_admin(ctx.actor) or _is_treating_clinician(ctx.actor, appointment))
    unlocked = [v for v in versions if v.unlocked_at is not None]
    every = await repository.amendments_of(appointment.id)
    by_version: dict[uuid.UUID, list[SessionNoteAmendment]] = {}
    for amendment in every:
        by_version.setdefault(amendment.version_id, []).append(amendment)
    current = by_version.get(live.id, []) if live is not None else []
    people = {a.author_user_id for a in every} | {v.signed_by for v in unlocked}
    people |= {v.unlocked_by for v in unlocked if v.unlocked_by is not None}
    if note is not None and note.signed_by is not None:
        people.add(note.signed_by)
    names = await names_of(ctx, people) if people and visible else {}
    if not visible and note is not None and note.signed_by is not None:
        names = await names_of(ctx, {note.signed_by})

    def shown(amendments: list[SessionNoteAmendment]) -> list[AmendmentView]:
        return [
            AmendmentView(
                id=a.id,
                text=a.text,
                created_at=a.created_at,
                author_user_id=a.author_user_id,
                author_name=names.get(a.author_user_id, ""),
            )
            for a in amendments
        ]

    return NoteView(
        appointment_id=appointment.id,
        exists=(note is not None and (bool(note.text) or signed)) or bool(every) or bool(versions),
        signed=signed,
        signed_at=note.signed_at if note is not None else None,
        signed_by_user_id=note.signed_by if note is not None else None,
        signed_by_name=names.get(note.signed_by) if note is not None and note.signed_by else None,
        updated_at=note.updated_at if note is not None else None,
        amendment_count=len(current),
        content_visible=visible,
        text=(note.text if note is not None else "") if visible else None,
        amendments=shown(current) if visible else [],
        history=[
            SignedVersionView(
                text=v.text,
                signed_at=v.signed_at,
                signed_by_name=names.get(v.signed_by),
                unlocked_at=v.unlocked_at,
                unlocked_by_name=names.get(v.unlocked_by) if v.unlocked_by else None,
                unlock_reason=v.unlock_reason or "",
                amendments=shown(by_version.get(v.id, [])),
            )
            for v in unlocked
            if v.unlocked_at is not None
        ]
        if visible
        else [],
        may_write=_is_treating_clinician(ctx.actor, appointment),
        may_unlock=may_unlock,
    )


async def get_note(ctx: Context, appointment_id: uuid.UUID) -> NoteView:
    """The note of a session the caller may read (404 otherwise); its text only for those it is for."""
    appointment = await get_appointment(ctx, appointment_id)
    return await _view(ctx, appointment, await SessionNoteRepository(ctx.session).get(appointment.id))


async def _for_change(ctx: Context, appointment_id: uuid.UUID) -> tuple[Appointment, SessionNote | None]:
    """The session, locked so changes to its note happen one at a time, and its note if it has one.
    404 before 403: a caller who may not read the session learns nothing about it."""
    appointment = await get_appointment(ctx, appointment_id, for_update=True)
    return appointment, await SessionNoteRepository(ctx.session).get(appointment.id)


def _ensure_author(ctx: Context, appointment: Appointment) -> uuid.UUID:
    if not _is_treating_clinician(ctx.actor, appointment) or ctx.actor.user_id is None:
        raise Forbidden(AUTHOR_ONLY, code=ErrorCode.note_author_only)
    return ctx.actor.user_id


async def write_note(ctx: Context, appointment_id: uuid.UUID, text: str) -> NoteView:
    """Replaces the draft's text. A signed note is not overwritten (409): amend it, or unlock it."""
    appointment, note = await _for_change(ctx, appointment_id)
    _ensure_author(ctx, appointment)
    if note is not None and note.signed_at is not None:
        raise Conflict(
            "This note is signed; a signed note is never overwritten.",
            code=ErrorCode.note_signed,
            next_step="Add an amendment, or unlock it (with a reason; the unlock is recorded) and edit it.",
        )
    now = ctx.clock.now()
    if note is None:
        note = await SessionNoteRepository(ctx.session).add(
            SessionNote(appointment_id=appointment.id, text=text, updated_at=now)
        )
    else:
        note.text, note.updated_at = text, now
    audit.record(
        ctx,
        "session_note.written",
        object_type="appointment",
        object_id=appointment.id,
        text_sha256=sha256_hex(text),
        characters=len(text),
    )
    return await _view(ctx, appointment, note)


async def sign_note(ctx: Context, appointment_id: uuid.UUID) -> NoteView:
    """Signs the draft: stores its text as a signed version and locks the session. Signing a signed note
    changes nothing."""
    appointment, note = await _for_change(ctx, appointment_id)
    signer = _ensure_author(ctx, appointment)
    if note is not None and note.signed_at is not None:
        return await _view(ctx, appointment, note)
    if note is None or not note.text.strip():
        raise Conflict(
            "This note is empty.",
            code=ErrorCode.note_empty,
            next_step="Write the note first, then sign it.",
        )
    now = ctx.clock.now()
    version = await SessionNoteRepository(ctx.session).add_version(
        SessionNoteVersion(appointment_id=appointment.id, text=note.text, signed_by=signer, signed_at=now)
    )
    note.signed_by, note.signed_at, note.updated_at = signer, now, now
    audit.record(
        ctx,
        "session_note.signed",
        object_type="appointment",
        object_id=appointment.id,
        version_id=str(version.id),
        version=version.number,
        text_sha256=sha256_hex(version.text),
    )
    return await _view(ctx, appointment, note)


async def add_amendment(ctx: Context, appointment_id: uuid.UUID, text: str) -> NoteView:
    """Adds a change to a signed note beside its signed text (which stays as it was)."""
    appointment, note = await _for_change(ctx, appointment_id)
    author = _ensure_author(ctx, appointment)
    repository = SessionNoteRepository(ctx.session)
    live = None
    if note is not None and note.signed_at is not None:
        live = next((v for v in await repository.versions_of(appointment.id) if v.unlocked_at is None), None)
    if note is None or live is None:
        raise Conflict(
            "This note is not signed: there is nothing to amend.",
            code=ErrorCode.note_not_signed,
            next_step="Edit the draft instead (and sign it when it is done).",
        )
    amendment = await repository.add_amendment(
        SessionNoteAmendment(
            appointment_id=appointment.id,
            version_id=live.id,
            text=text,
            author_user_id=author,
            created_at=ctx.clock.now(),
        )
    )
    audit.record(
        ctx,
        "session_note.amended",
        object_type="appointment",
        object_id=appointment.id,
        amendment_id=str(amendment.id),
        amendment=amendment.number,
        version_id=str(live.id),
        text_sha256=sha256_hex(text),
    )
    return await _view(ctx, appointment, note)


async def unlock_note(ctx: Context, appointment_id: uuid.UUID, reason: str) -> NoteView:
    """Returns a signed note to a draft (its text unchanged) so the session can be changed again; the
    signed version stays in the history, marked unlocked by whom, when and why. Unlocking an unsigned
    note changes nothing."""
    appointment, note = await _for_change(ctx, appointment_id)
    if not (_is_admin(ctx.actor) or _is_treating_clinician(ctx.actor, appointment)):
        raise Forbidden(
            "Only the treating clinician or an admin unlocks a signed session note.",
            code=ErrorCode.note_unlock,
        )
    if note is None or note.signed_at is None:
        return await _view(ctx, appointment, note)
    now = ctx.clock.now()
    live = next(
        (
            v
            for v in await SessionNoteRepository(ctx.session).versions_of(appointment.id)
            if v.unlocked_at is None
        ),
        None,
    )
    if live is not None:
        live.unlocked_at, live.unlocked_by, live.unlock_reason = now, ctx.actor.user_id, reason
    audit.record(
        ctx,
        "session_note.unlocked",
        object_type="appointment",
        object_id=appointment.id,
        version_id=str(live.id) if live is not None else None,
        signed_by=str(note.signed_by),
        signed_at=note.signed_at.isoformat(),
        text_sha256=sha256_hex(live.text if live is not None else note.text),
        reason=reason,
    )
    note.signed_by, note.signed_at, note.updated_at = None, None, now
    return await _view(ctx, appointment, note)
