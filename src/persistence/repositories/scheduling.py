"""Queries of the scheduling context: appointments a caller may read, a calendar window in one query,
the clashes of a candidate booking, and per-client session counts."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, false, func, or_, select, true, update
from sqlalchemy.ext.asyncio import AsyncSession

from tend.core.actor import Actor
from tend.core.enums import AppointmentKind, AppointmentStatus, Availability, BillStatus
from tend.persistence.repositories.base import RecordRepository, contains, locked
from tend.persistence.tables.clients import Client
from tend.persistence.tables.ledger import Bill
from tend.persistence.tables.practice import Location, Practitioner
from tend.persistence.tables.scheduling import Appointment, AppointmentSeries, CalendarFeed

VIRTUAL_POS_CODES = ("02", "10")  # the places where a session is virtual (telehealth)
# Statuses that occupy time: a cancelled appointment frees its slot.
OCCUPYING = (AppointmentStatus.scheduled, AppointmentStatus.attended, AppointmentStatus.no_show)
CANCELLED = (AppointmentStatus.cancelled, AppointmentStatus.late_cancelled)


def _own(actor: Actor) -> ColumnElement[bool]:
    """Appointments an actor sees in full: a clinician her practitioner's (none without one); admins, the
    front desk, API keys and the system all; anyone else (the public, an unknown role) none."""
    if actor.is_clinician:
        if actor.practitioner_id is None:
            return false()
        return Appointment.practitioner_id == actor.practitioner_id
    if actor.reads_whole_practice:
        return true()
    return false()


@dataclass(frozen=True)
class CalendarRow:
    appointment: Appointment
    client_first_name: str | None
    client_last_name: str | None


@dataclass(frozen=True)
class FeedWindow:
    """The span a calendar feed covers, around the instant it is fetched."""

    start: datetime
    now: datetime
    end: datetime


@dataclass(frozen=True)
class FeedEvent:
    """What a calendar feed shows of one appointment (a client by name only to make initials)."""

    id: uuid.UUID
    kind: AppointmentKind
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    title: str | None
    availability: Availability | None
    updated_at: datetime
    client_first_name: str | None
    client_last_name: str | None


@dataclass(frozen=True)
class WindowFilter:
    starts_before: datetime
    ends_after: datetime
    practitioner_ids: tuple[uuid.UUID, ...] = ()
    room_id: uuid.UUID | None = None
    client_id: uuid.UUID | None = None
    kinds: tuple[AppointmentKind, ...] = ()
    statuses: tuple[AppointmentStatus, ...] = ()
    include_cancelled: bool = True


class AppointmentRepository(RecordRepository[Appointment]):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, Appointment)

    async def readable_by(
        self, actor: Actor, appointment_id: uuid.UUID, *, for_update: bool = False
    ) -> Appointment | None:
        statement = select(Appointment).where(Appointment.id == appointment_id, _own(actor))
        if for_update:
            return (await locked(self.session, statement)).scalar()
        return await self.session.scalar(statement)

    async def group_members(self, group_id: uuid.UUID, *, for_update: bool = False) -> list[Appointment]:
        """The appointments of one group session, in a stable order (locked when asked)."""
        statement = select(Appointment).where(Appointment.group_id == group_id).order_by(Appointment.id)
        if for_update:
            return list((await locked(self.session, statement)).scalars().all())
        return list((await self.session.scalars(statement)).all())

    async def billed_among(self, appointment_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
        """Those of the appointments with a live (not cancelled) bill, in one query."""
        ids = list(appointment_ids)
        if not ids:
            return set()
        rows = await self.session.scalars(
            select(Bill.appointment_id)
            .where(Bill.appointment_id.in_(ids), Bill.status != BillStatus.cancelled)
            .distinct()
        )
        return {appointment_id for appointment_id in rows.all() if appointment_id is not None}

    async def in_window(self, window: WindowFilter) -> list[CalendarRow]:
        """Everything the calendar draws for a window, with the client's name, in one query."""
        statement = (
            select(Appointment, Client.first_name, Client.last_name)
            .outerjoin(Client, Client.id == Appointment.client_id)
            .where(Appointment.starts_at < window.starts_before, Appointment.ends_at > window.ends_after)
        )
        if window.practitioner_ids:
            statement = statement.where(Appointment.practitioner_id.in_(window.practitioner_ids))
        if window.room_id is not None:
            statement = statement.where(Appointment.room_id == window.room_id)
        if window.client_id is not None:
            statement = statement.where(Appointment.client_id == window.client_id)
        if window.kinds:
            statement = statement.where(Appointment.kind.in_(window.kinds))
        if window.statuses:
            statement = statement.where(Appointment.status.in_(window.statuses))
        if not window.include_cancelled:
            statement = statement.where(Appointment.status.not_in(CANCELLED))
        rows = await self.session.execute(statement.order_by(Appointment.starts_at, Appointment.id))
        return [CalendarRow(appointment, first, last) for appointment, first, last in rows.all()]

    async def clashes(self, candidate: Appointment) -> list[Appointment]:
        """Appointments that occupy the candidate's time with the same practitioner, room or client, and
        busy events of its practitioner (or of the whole practice). Members of one group never clash."""
        overlapping = and_(
            Appointment.starts_at < candidate.ends_at,
            Appointment.ends_at > candidate.starts_at,
            Appointment.status.in_(OCCUPYING),
            Appointment.id != candidate.id,
        )
        busy_event = and_(
            Appointment.kind == AppointmentKind.other_event, Appointment.availability == Availability.busy
        )
        same: list[ColumnElement[bool]] = []
        if candidate.practitioner_id is not None:
            same.append(
                and_(
                    Appointment.practitioner_id == candidate.practitioner_id,
                    or_(Appointment.availability.is_(None), Appointment.availability == Availability.busy),
                )
            )
            same.append(and_(busy_event, Appointment.practitioner_id.is_(None)))
        if candidate.room_id is not None:
            same.append(Appointment.room_id == candidate.room_id)
        if candidate.client_id is not None:
            same.append(Appointment.client_id == candidate.client_id)
        if not same:
            return []
        statement = select(Appointment).where(overlapping, or_(*same))
        if candidate.group_id is not None:
            statement = statement.where(
                or_(Appointment.group_id.is_(None), Appointment.group_id != candidate.group_id)
            )
        rows = await self.session.scalars(statement.order_by(Appointment.starts_at, Appointment.id))
        return list(rows.all())

    async def attended_counts(self, client_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, int]:
        ids = list(client_ids)
        if not ids:
            return {}
        rows = await self.session.execute(
            select(Appointment.client_id, func.count())
            .where(
                Appointment.client_id.in_(ids),
                Appointment.kind == AppointmentKind.client_session,
                Appointment.status == AppointmentStatus.attended,
            )
            .group_by(Appointment.client_id)
        )
        return {client_id: int(count) for client_id, count in rows.all() if client_id is not None}

    async def started_session_ids(self, now: datetime) -> list[uuid.UUID]:
        return list(
            await self.session.scalars(
                select(Appointment.id)
                .where(Appointment.kind == AppointmentKind.client_session, Appointment.starts_at <= now)
                .order_by(Appointment.starts_at)
            )
        )


@dataclass(frozen=True)
class SessionFilter:
    starts_from: datetime
    starts_before: datetime
    practitioner_id: uuid.UUID | None = None
    statuses: tuple[AppointmentStatus, ...] = ()
    virtual: bool | None = None  # at a telehealth place (POS 02/10) or on site
    name_terms: tuple[str, ...] = ()  # folded, as the clients' search text


class SessionReportRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def sessions(self, actor: Actor, filters: SessionFilter) -> list[CalendarRow]:
        """Client sessions starting in [from, before) that `actor` may read in full, with client names."""
        statement = (
            select(Appointment, Client.first_name, Client.last_name)
            .join(Client, Client.id == Appointment.client_id)
            .join(Location, Location.id == Appointment.location_id)
            .where(
                Appointment.kind == AppointmentKind.client_session,
                Appointment.starts_at >= filters.starts_from,
                Appointment.starts_at < filters.starts_before,
                _own(actor),
            )
        )
        if filters.practitioner_id is not None:
            statement = statement.where(Appointment.practitioner_id == filters.practitioner_id)
        if filters.statuses:
            statement = statement.where(Appointment.status.in_(filters.statuses))
        if filters.virtual is not None:
            virtual = Location.pos_code.in_(VIRTUAL_POS_CODES)
            statement = statement.where(virtual if filters.virtual else ~virtual)
        for term in filters.name_terms:
            statement = statement.where(contains(Client.search_text, term))
        rows = await self.session.execute(statement.order_by(Appointment.starts_at, Appointment.id))
        return [CalendarRow(appointment, first, last) for appointment, first, last in rows.all()]


class SeriesRepository(RecordRepository[AppointmentSeries]):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, AppointmentSeries)

    async def occurrences(self, series_id: uuid.UUID, *, for_update: bool = False) -> list[Appointment]:
        """The series' occurrences by start; `for_update` locks them (in that order), so that no note is
        signed and no bill made between a series change's checks and its writes."""
        statement = (
            select(Appointment)
            .where(Appointment.series_id == series_id)
            .order_by(Appointment.starts_at, Appointment.id)
        )
        if for_update:
            statement = statement.with_for_update()
        rows = await self.session.scalars(statement)
        return list(rows.all())

    async def needing_more(self, horizon: datetime) -> list[AppointmentSeries]:
        """Series whose occurrences stop short of the horizon (open-ended or ending later)."""
        rows = await self.session.scalars(
            select(AppointmentSeries).where(AppointmentSeries.materialised_until < horizon)
        )
        return list(rows.all())


class CalendarFeedRepository(RecordRepository[CalendarFeed]):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, CalendarFeed)

    async def active_by_hash(self, token_hash: str) -> CalendarFeed | None:
        """The feed with this token, unless revoked or its practitioner is no longer active."""
        return await self.session.scalar(
            select(CalendarFeed)
            .join(Practitioner, Practitioner.id == CalendarFeed.practitioner_id)
            .where(
                CalendarFeed.token_hash == token_hash,
                CalendarFeed.revoked_at.is_(None),
                Practitioner.active.is_(True),
            )
        )

    async def revoke_all(self, practitioner_id: uuid.UUID, now: datetime) -> int:
        result = await self.session.execute(
            update(CalendarFeed)
            .where(CalendarFeed.practitioner_id == practitioner_id, CalendarFeed.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        return int(getattr(result, "rowcount", 0) or 0)

    async def feed_events(
        self, practitioner_id: uuid.UUID, window: FeedWindow, *, limit: int, past_limit: int
    ) -> list[FeedEvent]:
        """A practitioner's appointments for her feed, not cancelled, in start order: at most `past_limit`
        begun before `window.now` (the latest first kept) and then the soonest upcoming, `limit` in all.
        Plain values (no ORM objects), so the feed can be rendered on another thread."""
        columns = select(
            Appointment.id, Appointment.kind, Appointment.starts_at, Appointment.ends_at,
            Appointment.time_zone, Appointment.title, Appointment.availability, Appointment.updated_at,
            Client.first_name, Client.last_name,
        ).outerjoin(Client, Client.id == Appointment.client_id).where(
            Appointment.practitioner_id == practitioner_id, Appointment.status.in_(OCCUPYING)
        )  # fmt: skip
        begun = await self.session.execute(
            columns.where(Appointment.starts_at < window.now, Appointment.ends_at > window.start)
            .order_by(Appointment.starts_at.desc(), Appointment.id.desc())
            .limit(min(past_limit, limit))
        )
        past = [FeedEvent(*tuple(row)) for row in begun.all()]
        upcoming = await self.session.execute(
            columns.where(Appointment.starts_at >= window.now, Appointment.starts_at < window.end)
            .order_by(Appointment.starts_at, Appointment.id)
            .limit(limit - len(past))
        )
        return [*reversed(past), *(FeedEvent(*tuple(row)) for row in upcoming.all())]
