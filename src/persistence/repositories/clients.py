"""Queries for clients: visibility by role, search, filters, and the per-client summaries."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, and_, false, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from tend.persistence.client_tables import (
    Client,
    ClientPractitioner,
    ClientRelationship,
    ClientStatus,
    Enrollment,
)
from tend.persistence.practice_tables import Practitioner, Program
from tend.persistence.repositories.pagination import Page, PageRequest, paginate


@dataclass(frozen=True)
class ClientFilter:
    search_terms: tuple[str, ...] = ()
    status: ClientStatus | None = None
    practitioner_id: uuid.UUID | None = None
    program_id: uuid.UUID | None = None
    on_date: date | None = None  # for "currently enrolled in program"


def visible_to_practitioner(practitioner_id: uuid.UUID | None) -> ColumnElement[bool]:
    """Clients a clinician may see: those assigned to their practitioner (none without one)."""
    if practitioner_id is None:
        return false()
    return Client.id.in_(
        select(ClientPractitioner.client_id).where(ClientPractitioner.practitioner_id == practitioner_id)
    )


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _current(on_date: date) -> ColumnElement[bool]:
    return and_(
        Enrollment.start_date <= on_date, or_(Enrollment.end_date.is_(None), Enrollment.end_date >= on_date)
    )


class ClientRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(
        self, client_id: uuid.UUID, visibility: ColumnElement[bool], *, for_update: bool = False
    ) -> Client | None:
        statement = select(Client).where(Client.id == client_id, visibility)
        if for_update:
            statement = statement.with_for_update()
        return await self.session.scalar(statement)

    async def add(self, client: Client) -> Client:
        self.session.add(client)
        await self.session.flush()
        return client

    async def search(
        self, page: PageRequest, visibility: ColumnElement[bool], filters: ClientFilter
    ) -> Page[Client]:
        statement = select(Client).where(visibility)
        for term in filters.search_terms:
            statement = statement.where(Client.search_text.like(f"%{_escape_like(term)}%", escape="\\"))
        if filters.status is not None:
            statement = statement.where(Client.status == filters.status)
        if filters.practitioner_id is not None:
            statement = statement.where(visible_to_practitioner(filters.practitioner_id))
        if filters.program_id is not None:
            enrolled = select(Enrollment.client_id).where(Enrollment.program_id == filters.program_id)
            if filters.on_date is not None:
                enrolled = enrolled.where(_current(filters.on_date))
            statement = statement.where(Client.id.in_(enrolled))
        return await paginate(
            self.session, statement, sort_column=Client.sort_key, id_column=Client.id, page=page
        )

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
        result: dict[uuid.UUID, list[Practitioner]] = {client_id: [] for client_id in client_ids}
        if not client_ids:
            return result
        rows = await self.session.execute(
            select(ClientPractitioner.client_id, Practitioner)
            .join(Practitioner, Practitioner.id == ClientPractitioner.practitioner_id)
            .where(ClientPractitioner.client_id.in_(client_ids))
            .order_by(Practitioner.sort_key)
        )
        for client_id, practitioner in rows.all():
            result[client_id].append(practitioner)
        return result

    async def current_programs_by_client(
        self, client_ids: list[uuid.UUID], on_date: date
    ) -> dict[uuid.UUID, list[Program]]:
        result: dict[uuid.UUID, list[Program]] = {client_id: [] for client_id in client_ids}
        if not client_ids:
            return result
        rows = await self.session.execute(
            select(Enrollment.client_id, Program)
            .join(Program, Program.id == Enrollment.program_id)
            .where(Enrollment.client_id.in_(client_ids), _current(on_date))
            .order_by(Program.name)
        )
        for client_id, program in rows.all():
            result[client_id].append(program)
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


ALL_CLIENTS: ColumnElement[bool] = true()
