"""Program enrollments: a client is in a program from a start date until an optional end date, and
never twice at once in the same program."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from tend.core.errors import Conflict, ErrorCode, Invalid, NotFound
from tend.domain.clients.records import get_client
from tend.domain.commands import UNSET, Unset, sent
from tend.domain.context import Context
from tend.domain.practice.catalog import PROGRAMS, Program
from tend.domain.records import apply_changes, record_change
from tend.persistence.repositories.base import RecordRepository
from tend.persistence.repositories.clients import ClientRepository, EnrollmentRepository
from tend.persistence.tables.clients import Enrollment

FAR_FUTURE = date.max


@dataclass(frozen=True)
class NewEnrollment:
    """A client joining a program from `start_date`, until `end_date` (None: still in it)."""

    program_id: uuid.UUID
    start_date: date
    end_date: date | None = None


@dataclass(frozen=True)
class EnrollmentChanges:
    """New dates (UNSET: not sent). An end date ends the enrollment; None reopens it."""

    start_date: date | Unset = UNSET
    end_date: date | Unset | None = UNSET


@dataclass(frozen=True)
class EnrollmentView:
    enrollment: Enrollment
    program: Program


def _overlaps(a_start: date, a_end: date | None, b_start: date, b_end: date | None) -> bool:
    return a_start <= (b_end or FAR_FUTURE) and b_start <= (a_end or FAR_FUTURE)


async def list_enrollments(ctx: Context, client_id: uuid.UUID) -> list[EnrollmentView]:
    client = await get_client(ctx, client_id)
    return [EnrollmentView(e, p) for e, p in await ClientRepository(ctx.session).enrollments(client.id)]


async def _check(ctx: Context, enrollment: Enrollment) -> None:
    if enrollment.end_date is not None and enrollment.end_date < enrollment.start_date:
        raise Invalid("The end date is before the start date.", field="end_date", code=ErrorCode.date)
    for other in await EnrollmentRepository(ctx.session).others_in_program(enrollment):
        if _overlaps(enrollment.start_date, enrollment.end_date, other.start_date, other.end_date):
            until = other.end_date.isoformat() if other.end_date else "now (still open)"
            raise Conflict(
                f"The client is already in this program from {other.start_date.isoformat()} to {until}.",
                code=ErrorCode.enrollment_overlap,
                next_step="End the existing enrollment first, or choose dates that do not overlap it.",
            )


async def enroll(ctx: Context, client_id: uuid.UUID, new: NewEnrollment) -> EnrollmentView:
    # Locking the client serialises enrollments for one client, so the overlap check cannot race.
    client = await get_client(ctx, client_id, for_update=True)
    program = await PROGRAMS.find(ctx, new.program_id)
    if program is None:
        raise Invalid("No such program.", field="program_id", code=ErrorCode.unknown_reference)
    if not program.active:
        raise Invalid(
            "This program is no longer active.", field="program_id", code=ErrorCode.inactive_reference
        )
    now = ctx.clock.now()
    enrollment = Enrollment(
        id=uuid.uuid4(),
        client_id=client.id,
        program_id=program.id,
        start_date=new.start_date,
        end_date=new.end_date,
        created_at=now,
        updated_at=now,
    )
    await _check(ctx, enrollment)
    await RecordRepository(ctx.session, Enrollment).add(enrollment)
    record_change(ctx, "enrollment.created", enrollment, "enrollment")
    return EnrollmentView(enrollment, program)


async def update_enrollment(
    ctx: Context, client_id: uuid.UUID, enrollment_id: uuid.UUID, changes: EnrollmentChanges
) -> EnrollmentView:
    client = await get_client(ctx, client_id, for_update=True)
    enrollment = await EnrollmentRepository(ctx.session).of_client(enrollment_id, client.id)
    if enrollment is None:
        raise NotFound("No such enrollment for this client.")
    changed = apply_changes(enrollment, sent(changes), ctx)
    await _check(ctx, enrollment)
    await ctx.session.flush()
    record_change(ctx, "enrollment.updated", enrollment, "enrollment", changed)
    program = await PROGRAMS.find(ctx, enrollment.program_id)
    assert program is not None
    return EnrollmentView(enrollment, program)
