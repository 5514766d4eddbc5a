"""Clashes: whether an appointment takes its practitioner's, client's or room's time when another one does.
A clash is a 409 naming who and what (the front desk may book over it on purpose: allow_conflicts)."""

from __future__ import annotations

from dataclasses import dataclass

from tend.core.clock import utc_iso
from tend.core.enums import AppointmentKind, Availability
from tend.core.errors import Conflict, ErrorCode
from tend.domain.context import Context
from tend.persistence.repositories.scheduling import OCCUPYING, AppointmentRepository
from tend.persistence.tables.scheduling import Appointment


@dataclass(frozen=True)
class Clash:
    appointment: Appointment
    resources: list[str]  # "practitioner", "room", "client", "busy_time"


class SchedulingClash(Conflict):
    def __init__(self, clashes: list[Clash]) -> None:
        described = [
            {
                "appointment_id": str(c.appointment.id),
                "resources": c.resources,
                "starts_at": utc_iso(c.appointment.starts_at),
                "ends_at": utc_iso(c.appointment.ends_at),
            }
            for c in clashes
        ]
        super().__init__(
            f"This time clashes with {len(clashes)} other appointment(s).",
            code=ErrorCode.scheduling_clash,
            next_step="Choose another time, practitioner or room, or book anyway (allow_conflicts: true).",
            clashes=described,
        )


def _clash_resources(candidate: Appointment, other: Appointment) -> list[str]:
    resources = []
    if other.kind is AppointmentKind.other_event:
        resources.append("busy_time")
    elif candidate.practitioner_id is not None and other.practitioner_id == candidate.practitioner_id:
        resources.append("practitioner")
    if candidate.room_id is not None and other.room_id == candidate.room_id:
        resources.append("room")
    if candidate.client_id is not None and other.client_id == candidate.client_id:
        resources.append("client")
    return resources


async def refuse_clashes(ctx: Context, candidate: Appointment) -> None:
    found = await clashes_of(ctx, candidate)  # free time blocks nothing
    if found:
        raise SchedulingClash(found)


async def clashes_of(ctx: Context, candidate: Appointment) -> list[Clash]:
    if candidate.kind is AppointmentKind.other_event and candidate.availability is Availability.free:
        return []
    found = await AppointmentRepository(ctx.session).clashes(candidate)
    return [Clash(a, _clash_resources(candidate, a)) for a in found]


def takes_time(appointment: Appointment) -> bool:
    """Whether the appointment blocks its practitioner's time, as the clash check counts it."""
    if appointment.status not in OCCUPYING:
        return False
    return not (
        appointment.kind is AppointmentKind.other_event and appointment.availability is Availability.free
    )
