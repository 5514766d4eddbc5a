"""Session notes (the notes context): a session's note, signing it, amending it once signed, unlocking
it. Paths stay under the appointment: /api/v1/appointments/{id}/note.

Who may do what (DOMAIN.md "Session notes"): the text, amendments and history are for the treating
clinician and admins; the front desk and API keys get the same shape with those parts empty
(`content_visible: false`). Only the treating clinician writes, signs and amends (403
`forbidden.note_author_only`); she or an admin unlocks, with a reason (403 `forbidden.note_unlock`). A
clinician of another practitioner gets 404, as for every route of a colleague's appointment."""

from __future__ import annotations

import unicodedata
import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter
from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from tend.api.deps import ContextDep, StaffDep
from tend.api.errors import READ_ERRORS, WRITE_ERRORS
from tend.api.schemas import InputModel, OutputModel
from tend.core.text import BadText, clean_name
from tend.domain.notes import session_notes
from tend.domain.notes.session_notes import NoteView

router = APIRouter(prefix="/appointments", tags=["notes"])

MAX_NOTE_CHARACTERS = 20_000
_KEPT_CONTROLS = frozenset("\n\t")


def _clean_note_text(value: str) -> str:
    """Clinical text as stored: NFC, line breaks as \\n, no control characters but line breaks and tabs
    (they would hide or garble what was signed)."""
    normalized = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    if any(unicodedata.category(ch) == "Cc" and ch not in _KEPT_CONTROLS for ch in normalized):
        raise PydanticCustomError(  # the type the errors map to `validation.characters`
            "name_characters", "Text cannot contain control characters (line breaks and tabs are fine)."
        )
    return normalized


def _clean_reason(value: str) -> str:
    """A reason as stored: one line, as names are (NFC, no control or direction characters)."""
    try:
        return clean_name(value)
    except BadText as exc:
        if exc.empty:
            raise PydanticCustomError("name_empty", "Say why the note is unlocked.") from None
        raise PydanticCustomError(
            "name_characters", "A reason cannot contain control or text-direction characters."
        ) from None


NoteText = Annotated[str, Field(max_length=MAX_NOTE_CHARACTERS), AfterValidator(_clean_note_text)]


class NoteIn(InputModel):
    text: Annotated[NoteText, Field(description="The draft's whole text (at most 20,000 characters).")]


class AmendmentIn(InputModel):
    text: Annotated[NoteText, Field(min_length=1, description="The amendment (1 to 20,000 characters).")]


class UnlockIn(InputModel):
    reason: Annotated[
        str,
        Field(min_length=1, max_length=500, description="Why it is unlocked (kept)."),
        AfterValidator(_clean_reason),
    ]


class AmendmentOut(OutputModel):
    id: uuid.UUID
    text: str
    created_at: datetime
    author_user_id: uuid.UUID
    author_name: str


class SignedVersionOut(OutputModel):
    """A text that was signed and later unlocked: kept, never changed."""

    text: str
    signed_at: datetime
    signed_by_name: str | None
    unlocked_at: datetime
    unlocked_by_name: str | None
    unlock_reason: str
    amendments: list[AmendmentOut] = Field(
        description="The amendments made to this text while it was signed, oldest first."
    )


class NoteOut(OutputModel):
    """The same shape for every caller: what the caller may not read is null or empty, never omitted."""

    appointment_id: uuid.UUID
    exists: bool = Field(description="A draft with text, a signature, amendments or history.")
    signed: bool
    signed_at: datetime | None
    signed_by_user_id: uuid.UUID | None
    signed_by_name: str | None
    updated_at: datetime | None
    amendment_count: int = Field(
        description="Amendments to the current signed text (0 for a draft; earlier texts' are in `history`)."
    )
    content_visible: bool = Field(description="False for the front desk and API keys.")
    text: str | None = Field(description="The note's text; null when `content_visible` is false.")
    amendments: list[AmendmentOut] = Field(
        description="The amendments to the current signed text, oldest first; empty for a draft and when "
        "hidden (an unlocked text keeps its own in `history`)."
    )
    history: list[SignedVersionOut] = Field(
        description="Earlier signed texts that were later unlocked, oldest first; empty when hidden."
    )
    may_write: bool = Field(description="This caller may write, sign and amend (the treating clinician).")
    may_unlock: bool = Field(description="The note is signed and this caller may unlock it.")

    @classmethod
    def of(cls, view: NoteView) -> NoteOut:
        return cls.model_validate(view)


@router.get("/{appointment_id:uuid}/note", responses=READ_ERRORS)
async def get_note(appointment_id: uuid.UUID, _staff: StaffDep, ctx: ContextDep) -> NoteOut:
    """The session's note; its text, amendments and history only for the treating clinician and admins."""
    return NoteOut.of(await session_notes.get_note(ctx, appointment_id))


@router.put("/{appointment_id:uuid}/note", responses=WRITE_ERRORS)
async def write_note(appointment_id: uuid.UUID, body: NoteIn, _staff: StaffDep, ctx: ContextDep) -> NoteOut:
    """Replaces the draft's text (the treating clinician). A signed note is never overwritten: 409
    `conflict.note_signed`; add an amendment, or unlock it."""
    return NoteOut.of(await session_notes.write_note(ctx, appointment_id, body.text))


@router.post("/{appointment_id:uuid}/note/sign", responses=WRITE_ERRORS)
async def sign_note(appointment_id: uuid.UUID, _staff: StaffDep, ctx: ContextDep) -> NoteOut:
    """Signs the draft (the treating clinician), which locks the session (times, status, note) until it is
    unlocked. Signing a signed note changes nothing; an empty draft is 409 `conflict.note_empty`."""
    return NoteOut.of(await session_notes.sign_note(ctx, appointment_id))


@router.post("/{appointment_id:uuid}/note/amendments", status_code=201, responses=WRITE_ERRORS)
async def add_amendment(
    appointment_id: uuid.UUID, body: AmendmentIn, _staff: StaffDep, ctx: ContextDep
) -> NoteOut:
    """Adds an amendment to a signed note (the treating clinician), kept beside the signed text. A note
    that is not signed is 409 `conflict.note_not_signed`: edit the draft instead."""
    return NoteOut.of(await session_notes.add_amendment(ctx, appointment_id, body.text))


@router.post("/{appointment_id:uuid}/note/unlock", responses=WRITE_ERRORS)
async def unlock_note(
    appointment_id: uuid.UUID, body: UnlockIn, _staff: StaffDep, ctx: ContextDep
) -> NoteOut:
    """Returns a signed note to a draft so the session can be changed again (the treating clinician or an
    admin, with a reason; audited). The signed text stays in `history`."""
    return NoteOut.of(await session_notes.unlock_note(ctx, appointment_id, body.reason))
