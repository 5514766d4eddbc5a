"""Queries of the clients context: who may read which client, search and filters, the per-client summaries,
relationships, enrollments and custom field definitions."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, String, and_, false, func, literal, or_, select, true, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from tend.core.actor import Actor
from tend.core.enums import ClientStatus
from tend.core.pages import Page, PageRequest
from tend.persistence.repositories.base import contains, locked
from tend.persistence.repositories.pagination import paginate
from tend.persistence.tables.clients import (
    Client,
    ClientPractitioner,
    ClientRelationship,
    CustomFieldDefinition,
    Enrollment,
)
from tend.persistence.tables.ledger import LedgerEntry
from tend.persistence.tables.practice import Practitioner, Program
from tend.persistence.tables.scheduling import Appointment


@dataclass(frozen=True)
class ClientFilter:
    search_terms: tuple[str, ...] = ()
    status: ClientStatus | None = None
    practitioner_id: uuid.UUID | None = None
    program_id: uuid.UUID | None = None
    on_date: date | None = None  # for "currently enrolled in program"


def _assigned_to(practitioner_id: uuid.UUID | None) -> ColumnElement[bool]:
    """Clients assigned to a practitioner (none without one)."""
    if practitioner_id is None:
        return false()
    return Client.id.in_(
        select(ClientPractitioner.client_id).where(ClientPractitioner.practitioner_id == practitioner_id)
    )


def _readable_by(actor: Actor) -> ColumnElement[bool]:
    """Clinicians read only their practitioner's clients; admins, the front desk, API keys and the system
    every client; anyone else (the public, an unknown role) none: deny by default."""
    if actor.is_clinician:
        return _assigned_to(actor.practitioner_id)
    if actor.reads_whole_practice:
        return true()
    return false()


_LIVE = Client.merged_into_id.is_(None)  # not a tombstone left by a merge


def _document_key(column: Any) -> Any:
    """A document number compared without case, spaces, dots or dashes ('dni 45.678-912' = 'DNI45678912')."""
    return func.replace(func.replace(func.replace(func.upper(column), " ", ""), "-", ""), ".", "")


# What separates the words of a client's search text (folded name | e-mail | ID | phone digits): a word of a
# search must start one of them, so "sofia cordova d" finds Díaz and not the "d" inside Córdova or an e-mail.
_WORD_BREAKS = ".@-_+/|,;:()"
_TO_SPACES = str.maketrans(dict.fromkeys(_WORD_BREAKS, " "))


def _escaped(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _search_words() -> Any:
    """' ' + the search text with every word break as a space: a word starts where a space precedes it."""
    text: Any = Client.search_text
    for char in _WORD_BREAKS:
        text = func.replace(text, char, " ")
    return literal(" ", String).concat(text)


def _matches(term: str) -> ColumnElement[bool]:
    """A folded search word finds a client when it starts a word of the name, e-mail or ID (a whole address
    typed as it is, too); a word with a digit also anywhere (the end of a phone number, part of an ID)."""
    words = " ".join(term.translate(_TO_SPACES).split())
    if not words:  # only punctuation: as typed
        return contains(Client.search_text, term)
    starts: ColumnElement[bool] = _search_words().like(f"% {_escaped(words)}%", escape="\\")
    if any(char.isdigit() for char in term):
        return or_(starts, contains(Client.search_text, term))
    return starts


@dataclass(frozen=True)
class DuplicateProbe:
    """What is known of a person being registered; each part that is set may match on its own."""

    name_key: str | None = None  # folded "last first", as Client.sort_key
    date_of_birth: date | None = None
    phone: str | None = None  # E.164
    email: str | None = None
    document: str | None = None  # as typed
    exclude_id: uuid.UUID | None = None


def _current(on_date: date) -> ColumnElement[bool]:
    return and_(
        Enrollment.start_date <= on_date, or_(Enrollment.end_date.is_(None), Enrollment.end_date >= on_date)
    )


class ClientRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def readable_by(
        self, actor: Actor, client_id: uuid.UUID, *, for_update: bool = False
    ) -> Client | None:
        """The client, if `actor` may read it (else None, as if it did not exist)."""
        statement = select(Client).where(Client.id == client_id, _readable_by(actor))
        if for_update:
            return (await locked(self.session, statement)).scalar()
        return await self.session.scalar(statement)

    async def get(self, client_id: uuid.UUID) -> Client | None:
        """Whoever asks: for a record reached through one the caller may read (a relationship's
        other side)."""
        return await self.session.get(Client, client_id)

    async def readable_ids(self, actor: Actor, client_ids: list[uuid.UUID]) -> set[uuid.UUID]:
        """Which of these clients `actor` may read, in one query."""
        if not client_ids:
            return set()
        rows = await self.session.scalars(
            select(Client.id).where(Client.id.in_(client_ids), _readable_by(actor))
        )
        return set(rows.all())

    async def lock(self, client_ids: list[uuid.UUID]) -> None:
        """Row-locks these clients in id order (one global order, so concurrent lockers cannot deadlock)."""
        # Whole rows, refreshed: a client this session read before the lock is current afterwards.
        statement = select(Client).where(Client.id.in_(client_ids)).order_by(Client.id)
        (await locked(self.session, statement)).scalars().all()

    async def possible_duplicates(self, actor: Actor, probe: DuplicateProbe, limit: int = 10) -> list[Client]:
        """Live clients `actor` may read that share a name and birth date, a phone, an e-mail or a document
        number with the probe (which part matched is for the caller to say)."""
        matches: list[ColumnElement[bool]] = []
        if probe.name_key and probe.date_of_birth:
            matches.append(
                and_(Client.sort_key == probe.name_key, Client.date_of_birth == probe.date_of_birth)
            )
        if probe.phone:
            matches.append(Client.phone == probe.phone)
        if probe.email:
            matches.append(func.lower(Client.email) == probe.email.lower())
        if probe.document:
            matches.append(_document_key(Client.id_number) == _document_key(literal(probe.document)))
        if not matches:
            return []
        statement = select(Client).where(_readable_by(actor), _LIVE, or_(*matches))
        if probe.exclude_id is not None:
            statement = statement.where(Client.id != probe.exclude_id)
        rows = await self.session.scalars(statement.order_by(Client.sort_key, Client.id).limit(limit))
        return list(rows.all())

    async def merged_into(self, client_id: uuid.UUID) -> uuid.UUID | None:
        """The survivor a merged-away record points at, if this id is a tombstone."""
        return await self.session.scalar(select(Client.merged_into_id).where(Client.id == client_id))

    async def attached_record_counts(self, client_id: uuid.UUID) -> dict[str, int]:
        """What hangs off a client (a client with any of it is not deleted, only deactivated or merged)."""
        counts = {
            "relationships": select(func.count()).where(ClientRelationship.client_id == client_id),
            "enrollments": select(func.count()).where(Enrollment.client_id == client_id),
            "merged_records": select(func.count()).where(Client.merged_into_id == client_id),
            "appointments": select(func.count()).where(Appointment.client_id == client_id),
            "ledger_entries": select(func.count()).where(LedgerEntry.client_id == client_id),
        }
        return {name: int(await self.session.scalar(query) or 0) for name, query in counts.items()}

    async def delete(self, client: Client) -> None:
        await self.session.delete(client)
        await self.session.flush()

    async def repoint_tombstones(self, from_id: uuid.UUID, to_id: uuid.UUID) -> None:
        await self.session.execute(
            update(Client).where(Client.merged_into_id == from_id).values(merged_into_id=to_id)
        )

    async def count(self) -> int:
        return int(await self.session.scalar(select(func.count()).select_from(Client)) or 0)

    async def add(self, client: Client) -> Client:
        self.session.add(client)
        await self.session.flush()
        return client

    async def search(self, actor: Actor, page: PageRequest, filters: ClientFilter) -> Page[Client]:
        statement = select(Client).where(_readable_by(actor), _LIVE)
        for term in filters.search_terms:  # every word must match
            statement = statement.where(_matches(term))
        if filters.status is not None:
            statement = statement.where(Client.status == filters.status)
        if filters.practitioner_id is not None:
            statement = statement.where(_assigned_to(filters.practitioner_id))
        if filters.program_id is not None:
            enrolled = select(Enrollment.client_id).where(Enrollment.program_id == filters.program_id)
            if filters.on_date is not None:
                enrolled = enrolled.where(_current(filters.on_date))
            statement = statement.where(Client.id.in_(enrolled))
        return await paginate(self.session, statement, Client.sort_key, page)

    async def practitioner_ids(self, client_id: uuid.UUID) -> set[uuid.UUID]:
        rows = await self.session.scalars(
            select(ClientPractitioner.practitioner_id).where(ClientPractitioner.client_id == client_id)
        )
        return set(rows.all())

    async def set_practitioners(self, client_id: uuid.UUID, practitioner_ids: set[uuid.UUID]) -> None:
        current = await self.practitioner_ids(client_id)
        for removed in current - practitioner_ids:
            link = await self.session.get(ClientPractitioner, (client_id, removed))
            if link is not None:
                await self.session.delete(link)
        for added in practitioner_ids - current:
            self.session.add(ClientPractitioner(client_id=client_id, practitioner_id=added))
        await self.session.flush()

    async def practitioners_by_client(
        self, client_ids: list[uuid.UUID]
    ) -> dict[uuid.UUID, list[Practitioner]]:
        return await self._by_client(
            client_ids,
            select(ClientPractitioner.client_id, Practitioner)
            .join(Practitioner, Practitioner.id == ClientPractitioner.practitioner_id)
            .where(ClientPractitioner.client_id.in_(client_ids))
            .order_by(Practitioner.sort_key),
        )

    async def current_programs_by_client(
        self, client_ids: list[uuid.UUID], on_date: date
    ) -> dict[uuid.UUID, list[Program]]:
        return await self._by_client(
            client_ids,
            select(Enrollment.client_id, Program)
            .join(Program, Program.id == Enrollment.program_id)
            .where(Enrollment.client_id.in_(client_ids), _current(on_date))
            .order_by(Program.name),
        )

    async def _by_client(self, client_ids: list[uuid.UUID], statement: Any) -> dict[uuid.UUID, list[Any]]:
        """(client id, item) rows grouped per client, every requested client present; one query."""
        result: dict[uuid.UUID, list[Any]] = {client_id: [] for client_id in client_ids}
        if client_ids:
            for client_id, item in (await self.session.execute(statement)).all():
                result[client_id].append(item)
        return result

    async def relationships(self, client_id: uuid.UUID) -> list[tuple[ClientRelationship, Client]]:
        rows = await self.session.execute(
            select(ClientRelationship, Client)
            .join(Client, Client.id == ClientRelationship.related_client_id)
            .where(ClientRelationship.client_id == client_id)
            .order_by(Client.sort_key)
        )
        return [(relationship, related) for relationship, related in rows.all()]

    async def enrollments(self, client_id: uuid.UUID) -> list[tuple[Enrollment, Program]]:
        rows = await self.session.execute(
            select(Enrollment, Program)
            .join(Program, Program.id == Enrollment.program_id)
            .where(Enrollment.client_id == client_id)
            .order_by(Enrollment.start_date.desc())
        )
        return [(enrollment, program) for enrollment, program in rows.all()]


class RelationshipRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def exists_between(self, client_id: uuid.UUID, related_client_id: uuid.UUID) -> bool:
        found = await self.session.scalar(
            select(ClientRelationship.id).where(
                ClientRelationship.client_id == client_id,
                ClientRelationship.related_client_id == related_client_id,
            )
        )
        return found is not None

    async def add_pair(self, forward: ClientRelationship, inverse: ClientRelationship) -> bool:
        """Stores both directions; False when the pair already exists (a concurrent request won)."""
        try:
            async with self.session.begin_nested():
                self.session.add_all([forward, inverse])
                await self.session.flush()
        except IntegrityError:
            return False
        return True

    async def of_client(self, relationship_id: uuid.UUID, client_id: uuid.UUID) -> ClientRelationship | None:
        return await self.session.scalar(
            select(ClientRelationship).where(
                ClientRelationship.id == relationship_id, ClientRelationship.client_id == client_id
            )
        )

    async def inverse_of(self, relationship: ClientRelationship) -> ClientRelationship | None:
        return await self.session.scalar(
            select(ClientRelationship).where(
                ClientRelationship.pair_id == relationship.pair_id, ClientRelationship.id != relationship.id
            )
        )

    async def delete_pair(self, forward: ClientRelationship, inverse: ClientRelationship) -> None:
        await self.session.delete(forward)
        await self.session.delete(inverse)
        await self.session.flush()


class EnrollmentRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def of_client(self, enrollment_id: uuid.UUID, client_id: uuid.UUID) -> Enrollment | None:
        return await self.session.scalar(
            select(Enrollment).where(Enrollment.id == enrollment_id, Enrollment.client_id == client_id)
        )

    async def delete(self, enrollment: Enrollment) -> None:
        await self.session.delete(enrollment)
        await self.session.flush()

    async def others_in_program(self, enrollment: Enrollment) -> list[Enrollment]:
        """The client's other enrollments in the same program (to refuse overlapping dates)."""
        rows = await self.session.scalars(
            select(Enrollment).where(
                Enrollment.client_id == enrollment.client_id,
                Enrollment.program_id == enrollment.program_id,
                Enrollment.id != enrollment.id,
            )
        )
        return list(rows.all())


class CustomFieldRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def definitions(self, *, include_inactive: bool) -> list[CustomFieldDefinition]:
        statement = select(CustomFieldDefinition).order_by(
            CustomFieldDefinition.position, CustomFieldDefinition.key
        )
        if not include_inactive:
            statement = statement.where(CustomFieldDefinition.active.is_(True))
        return list((await self.session.scalars(statement)).all())

    async def key_taken(self, key: str) -> bool:
        found = await self.session.scalar(
            select(CustomFieldDefinition.id).where(CustomFieldDefinition.key == key)
        )
        return found is not None
