"""Reports scheduling answers itself: the sessions of a local month in the practice's zone."""

from __future__ import annotations

import uuid

from tend.core.enums import AppointmentStatus
from tend.core.text import search_terms
from tend.domain.context import Context
from tend.domain.platform import local_time
from tend.domain.practice.settings import get_practice
from tend.persistence.repositories.scheduling import CalendarRow, SessionFilter, SessionReportRepository


async def sessions_of_month(
    ctx: Context,
    month: local_time.LocalMonth,
    *,
    practitioner_id: uuid.UUID | None = None,
    statuses: tuple[AppointmentStatus, ...] = (),
    virtual: bool | None = None,
    client_name: str | None = None,
) -> list[CalendarRow]:
    """Sessions of a local month in the practice's zone: 23:30 on 31 March in Lima is a March session,
    though it is 1 April in UTC."""
    starts_from, starts_before = month.bounds((await get_practice(ctx)).time_zone)
    filters = SessionFilter(
        starts_from=starts_from,
        starts_before=starts_before,
        practitioner_id=practitioner_id,
        statuses=statuses,
        virtual=virtual,
        name_terms=tuple(search_terms(client_name or "")),
    )
    return await SessionReportRepository(ctx.session).sessions(ctx.actor, filters)
