"""The calendar's reads: the appointments of a window as each caller may see them (a clinician sees
colleagues' time as busy blocks), and the client sessions of a local month."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from tend.api.deps import ContextDep, StaffDep
from tend.api.errors import problem_responses
from tend.api.scheduling.appointments import ClientRef
from tend.api.schemas import Instant, OutputModel, SafeStr
from tend.core.enums import (
    AppointmentKind,
    AppointmentStatus,
    Availability,
)
from tend.domain.platform.local_time import LocalMonth
from tend.domain.scheduling import reports, window

router = APIRouter(prefix="/appointments", tags=["appointments"])


class CalendarEntryOut(OutputModel):
    """One block of the calendar. `busy_only`: a colleague's appointment shown to a clinician, with its
    time, practitioner and room, and nothing about the client or its purpose."""

    id: uuid.UUID
    busy_only: bool
    kind: AppointmentKind | None
    status: AppointmentStatus | None
    practitioner_id: uuid.UUID | None
    room_id: uuid.UUID | None
    location_id: uuid.UUID | None
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    group_id: uuid.UUID | None
    client: ClientRef | None
    service_id: uuid.UUID | None
    title: str | None
    availability: Availability | None
    price_minor: int | None
    currency: str | None
    series_id: uuid.UUID | None
    series_exception: bool
    time_adjusted: str | None

    @classmethod
    def of(cls, entry: window.WindowEntry) -> CalendarEntryOut:
        a, row = entry.row.appointment, entry.row
        if entry.busy_only:
            return cls(
                id=a.id, busy_only=True, kind=None, status=None, practitioner_id=a.practitioner_id,
                room_id=a.room_id, location_id=a.location_id, starts_at=a.starts_at, ends_at=a.ends_at,
                time_zone=a.time_zone, group_id=None, client=None, service_id=None, title=None,
                availability=None, price_minor=None, currency=None, series_id=None,
                series_exception=False, time_adjusted=None,
            )  # fmt: skip
        client = (
            ClientRef(
                id=a.client_id, first_name=row.client_first_name or "", last_name=row.client_last_name or ""
            )
            if a.client_id is not None
            else None
        )
        return cls.from_record(a, busy_only=False, client=client)


@router.get("", responses=problem_responses(401, 403, 404, 422))
async def list_appointments(
    _staff: StaffDep,
    ctx: ContextDep,
    start: Annotated[Instant, Query(description="Window start (with offset).")],
    end: Annotated[Instant, Query(description="Window end; at most 62 days after start.")],
    practitioner_id: Annotated[list[uuid.UUID] | None, Query(max_length=50)] = None,
    room_id: Annotated[uuid.UUID | None, Query()] = None,
    client_id: Annotated[uuid.UUID | None, Query()] = None,
    kind: Annotated[list[AppointmentKind] | None, Query(max_length=4)] = None,
    status: Annotated[list[AppointmentStatus] | None, Query(max_length=5)] = None,
    include_cancelled: Annotated[
        bool,
        Query(
            description="false: leave out cancelled and late-cancelled appointments. Unlike a `status` "
            "filter, this keeps a clinician's view of colleagues' busy blocks."
        ),
    ] = True,
) -> list[CalendarEntryOut]:
    """Everything in a window that overlaps [start, end), ordered by start."""
    entries = await window.calendar(
        ctx,
        start,
        end,
        practitioner_ids=tuple(practitioner_id or ()),
        room_id=room_id,
        client_id=client_id,
        kinds=tuple(kind or ()),
        statuses=tuple(status or ()),
        include_cancelled=include_cancelled,
    )
    return [CalendarEntryOut.of(entry) for entry in entries]


class SessionRowOut(OutputModel):
    id: uuid.UUID
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    status: AppointmentStatus
    practitioner_id: uuid.UUID | None
    client: ClientRef | None
    service_id: uuid.UUID | None
    location_id: uuid.UUID | None
    modifiers: list[str]
    price_minor: int | None
    currency: str | None


Month = Annotated[
    str, Query(pattern=r"^(19|2\d)\d{2}-(0[1-9]|1[0-2])$", description="A local month, YYYY-MM (1900-2999).")
]


@router.get("/sessions-of-month", responses=problem_responses(401, 403, 422))
async def sessions_of_month(
    _staff: StaffDep,
    ctx: ContextDep,
    month: Month,
    practitioner_id: Annotated[uuid.UUID | None, Query()] = None,
    status: Annotated[list[AppointmentStatus] | None, Query(max_length=5)] = None,
    modality: Annotated[Literal["virtual", "on_site"] | None, Query()] = None,
    client_name: Annotated[SafeStr | None, Query(max_length=200)] = None,
) -> list[SessionRowOut]:
    """Client sessions of a month in the practice's zone (a clinician: her own), ordered by start."""
    year, number = (int(part) for part in month.split("-"))
    rows = await reports.sessions_of_month(
        ctx,
        LocalMonth(year, number),
        practitioner_id=practitioner_id,
        statuses=tuple(status or ()),
        virtual=None if modality is None else modality == "virtual",
        client_name=client_name,
    )
    return [
        SessionRowOut.from_record(
            row.appointment,
            client=ClientRef(
                id=row.appointment.client_id,
                first_name=row.client_first_name or "",
                last_name=row.client_last_name or "",
            )
            if row.appointment.client_id
            else None,
        )
        for row in rows
    ]
