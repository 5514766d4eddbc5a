"""Tables of the notes context (clinical records): a session's note, the versions of it that were signed,
and the amendments added after signing.

A signed note is never overwritten. Signing stores the signed text as a version; unlocking marks that
version unlocked (who, when, why) and returns the note to a draft, so the signed text stays readable in
the note's history. The database enforces this itself (triggers on both engines, created by migration
0009): amendments are insert-only, and a version's signed text, signer and time never change, nor does an
unlock once recorded. Both go away only with their session (the session's own deletion cascades)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint, Uuid, text
from sqlalchemy.orm import Mapped, mapped_column

from tend.persistence.base import Base, id_column
from tend.persistence.types import UTCDateTime

HISTORY_IMMUTABLE_MESSAGE = "signed session notes and their amendments are never changed: add an amendment"


class SessionNote(Base):
    """A session's note: the working text, and who signed it when while it is signed. Signing locks the
    session (and the note) until the treating clinician or an admin unlocks it."""

    __tablename__ = "session_notes"

    appointment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("appointments.id", ondelete="CASCADE"), primary_key=True
    )
    text: Mapped[str] = mapped_column(Text, default="")
    signed_by: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SessionNoteVersion(Base):
    """The text of a note as it was signed. At most one version of a session is live (not unlocked): the
    one the note is signed with now; the others are the note's history."""

    __tablename__ = "session_note_versions"
    __table_args__ = (
        UniqueConstraint("appointment_id", "number"),
        # One live signature per session, whatever two requests try at once.
        Index(
            "uq_session_note_versions_live",
            "appointment_id",
            unique=True,
            sqlite_where=text("unlocked_at IS NULL"),
            postgresql_where=text("unlocked_at IS NULL"),
        ),
    )

    id: Mapped[uuid.UUID] = id_column()
    appointment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("appointments.id", ondelete="CASCADE"))
    # 1, 2, ... per session: the order of signing (instants can tie).
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    signed_by: Mapped[uuid.UUID] = mapped_column(Uuid)
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    unlocked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    unlocked_by: Mapped[uuid.UUID | None] = mapped_column(Uuid, nullable=True)
    unlock_reason: Mapped[str | None] = mapped_column(String(500), nullable=True)


class SessionNoteAmendment(Base):
    """A change to a signed note, kept beside the signed text (insert-only)."""

    __tablename__ = "session_note_amendments"
    __table_args__ = (UniqueConstraint("appointment_id", "number"),)

    id: Mapped[uuid.UUID] = id_column()
    appointment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("appointments.id", ondelete="CASCADE"))
    # The signed version it amends.
    version_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("session_note_versions.id", ondelete="CASCADE"), index=True
    )
    # 1, 2, ... per session: the order they were added in (instants can tie).
    number: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    author_user_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
