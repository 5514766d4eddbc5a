"""What other contexts may ask scheduling about clients' sessions, and the appointment type they get.
(This module imports no other context, so the clients context can use it.)"""

from __future__ import annotations

import uuid

from tend.domain.context import Context
from tend.persistence.repositories.scheduling import AppointmentRepository
from tend.persistence.tables.scheduling import Appointment

__all__ = ["Appointment", "attended_counts", "session_record"]


async def attended_counts(ctx: Context, client_ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    """Sessions each client attended (clients with none are absent); one query."""
    return await AppointmentRepository(ctx.session).attended_counts(client_ids)


async def session_record(
    ctx: Context, appointment_id: uuid.UUID, *, for_update: bool = False
) -> Appointment | None:
    """The appointment as stored, for the ledger settling what its status calls for (the system's reads:
    visibility is the caller's concern). `for_update` reads it again under a row lock, refreshed."""
    return await AppointmentRepository(ctx.session).get(appointment_id, for_update=for_update)
