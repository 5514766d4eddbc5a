"""Queries of the notes context: a session's note, its signed versions and its amendments, and which of
a set of sessions are signed (the session lock other contexts ask about)."""

from __future__ import annotations

import uuid
from collections.abc import Collection

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tend.persistence.tables.notes import SessionNote, SessionNoteAmendment, SessionNoteVersion


class SessionNoteRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, appointment_id: uuid.UUID) -> SessionNote | None:
        return await self.session.get(SessionNote, appointment_id)

    async def add(self, note: SessionNote) -> SessionNote:
        self.session.add(note)
        await self.session.flush()
        return note

    async def signed_among(self, appointment_ids: Collection[uuid.UUID]) -> set[uuid.UUID]:
        """Those of the sessions whose note is signed now."""
        if not appointment_ids:
            return set()
        rows = await self.session.scalars(
            select(SessionNote.appointment_id).where(
                SessionNote.appointment_id.in_(list(appointment_ids)), SessionNote.signed_at.is_not(None)
            )
        )
        return set(rows.all())

    async def documented_among(self, appointment_ids: Collection[uuid.UUID]) -> set[uuid.UUID]:
        """Those of the sessions with a clinical record: a note with text, a signed version, an amendment."""
        ids = list(appointment_ids)
        if not ids:
            return set()
        found: set[uuid.UUID] = set()
        for statement in (
            select(SessionNote.appointment_id).where(
                SessionNote.appointment_id.in_(ids), func.length(SessionNote.text) > 0
            ),
            select(SessionNoteVersion.appointment_id).where(SessionNoteVersion.appointment_id.in_(ids)),
            select(SessionNoteAmendment.appointment_id).where(SessionNoteAmendment.appointment_id.in_(ids)),
        ):
            found.update((await self.session.scalars(statement.distinct())).all())
        return found

    async def versions_of(self, appointment_id: uuid.UUID) -> list[SessionNoteVersion]:
        """Every signed version of the session's note, the first signed first."""
        rows = await self.session.scalars(
            select(SessionNoteVersion)
            .where(SessionNoteVersion.appointment_id == appointment_id)
            .order_by(SessionNoteVersion.number)
        )
        return list(rows.all())

    async def add_version(self, version: SessionNoteVersion) -> SessionNoteVersion:
        """Numbers it after the session's last version (the caller holds the session's row lock)."""
        last = await self.session.scalar(
            select(func.max(SessionNoteVersion.number)).where(
                SessionNoteVersion.appointment_id == version.appointment_id
            )
        )
        version.number = int(last or 0) + 1
        self.session.add(version)
        await self.session.flush()
        return version

    async def amendments_of(self, appointment_id: uuid.UUID) -> list[SessionNoteAmendment]:
        """The session's amendments, oldest first."""
        rows = await self.session.scalars(
            select(SessionNoteAmendment)
            .where(SessionNoteAmendment.appointment_id == appointment_id)
            .order_by(SessionNoteAmendment.number)
        )
        return list(rows.all())

    async def add_amendment(self, amendment: SessionNoteAmendment) -> SessionNoteAmendment:
        """Numbers it after the session's last amendment (the caller holds the session's row lock)."""
        last = await self.session.scalar(
            select(func.max(SessionNoteAmendment.number)).where(
                SessionNoteAmendment.appointment_id == amendment.appointment_id
            )
        )
        amendment.number = int(last or 0) + 1
        self.session.add(amendment)
        await self.session.flush()
        return amendment
