"""The calendar window: appointments between two instants as each actor may see them (a clinician sees
colleagues' time as busy blocks only), at most MAX_WINDOW at a time."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from tend.core.enums import AppointmentKind, AppointmentStatus
from tend.core.errors import ErrorCode, Invalid
from tend.domain.clients import records as clients
from tend.domain.context import Context
from tend.domain.scheduling.clashes import takes_time
from tend.persistence.repositories.scheduling import AppointmentRepository, CalendarRow, WindowFilter

MAX_WINDOW = timedelta(days=62)


@dataclass(frozen=True)
class WindowEntry:
    row: CalendarRow
    busy_only: bool  # a colleague's appointment shown to a clinician: time, practitioner and room only


async def calendar(
    ctx: Context,
    start: datetime,
    end: datetime,
    *,
    practitioner_ids: tuple[uuid.UUID, ...] = (),
    room_id: uuid.UUID | None = None,
    client_id: uuid.UUID | None = None,
    kinds: tuple[AppointmentKind, ...] = (),
    statuses: tuple[AppointmentStatus, ...] = (),
    include_cancelled: bool = True,
) -> list[WindowEntry]:
    """Everything overlapping [start, end), at most 62 days, ordered by start. `include_cancelled=False`
    leaves out cancelled and late-cancelled appointments (the calendar's usual view) and, unlike a status
    filter, keeps colleagues' busy blocks: theirs are never cancelled ones, so it tells nothing about them."""
    window = WindowFilter(
        end, start, practitioner_ids, room_id, client_id, kinds, statuses, include_cancelled=include_cancelled
    )
    if window.starts_before <= window.ends_after:
        raise Invalid("The window ends before it starts.", field="end", code=ErrorCode.date)
    if window.starts_before - window.ends_after > MAX_WINDOW:
        raise Invalid("Ask for at most 62 days at a time.", field="end", code=ErrorCode.window_too_long)
    if window.client_id is not None:
        await clients.get_client(ctx, window.client_id)  # 404 for a client the caller may not see
    rows = await AppointmentRepository(ctx.session).in_window(window)
    own = ctx.actor.practitioner_id
    entries = [
        WindowEntry(row, ctx.actor.is_clinician and row.appointment.practitioner_id != own) for row in rows
    ]
    # A colleague's block says "busy": only what the clash check counts as taking her time is one (not a
    # cancelled session, not a free event).
    entries = [entry for entry in entries if not entry.busy_only or takes_time(entry.row.appointment)]
    if window.client_id is not None or window.kinds or window.statuses:
        # A colleague's block says only "busy": filtering by client, kind or status must not reveal more
        # (which of her clients a colleague sees, who did not come), so those filters find her own only.
        # Hiding cancellations is not such a filter (busy blocks are never cancelled ones): see above.
        entries = [entry for entry in entries if not entry.busy_only]
    return entries
