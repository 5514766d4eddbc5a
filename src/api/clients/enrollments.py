"""Program enrollments of a client: enrol, change dates, end."""

from __future__ import annotations

import uuid
from datetime import date

from fastapi import APIRouter
from pydantic import Field

from tend.api.clients.records import ProgramRef
from tend.api.deps import ContextDep, StaffDep
from tend.api.errors import READ_ERRORS, WRITE_ERRORS
from tend.api.schemas import InputModel, OutputModel, PatchModel
from tend.domain.clients import enrollments

router = APIRouter(prefix="/clients", tags=["clients"])


class EnrollmentCreate(InputModel):
    program_id: uuid.UUID
    start_date: date
    end_date: date | None = None


class EnrollmentUpdate(PatchModel):
    not_null = frozenset({"start_date"})

    start_date: date | None = None
    end_date: date | None = Field(default=None, description="Set to end the enrollment; null reopens it.")


class EnrollmentOut(OutputModel):
    id: uuid.UUID
    program: ProgramRef
    start_date: date
    end_date: date | None

    @classmethod
    def of(cls, view: enrollments.EnrollmentView) -> EnrollmentOut:
        return cls.from_record(view.enrollment, program=ProgramRef.model_validate(view.program))


@router.get("/{client_id}/enrollments", responses=READ_ERRORS)
async def list_enrollments(client_id: uuid.UUID, _staff: StaffDep, ctx: ContextDep) -> list[EnrollmentOut]:
    return [EnrollmentOut.of(v) for v in await enrollments.list_enrollments(ctx, client_id)]


@router.post("/{client_id}/enrollments", status_code=201, responses=WRITE_ERRORS)
async def enroll_client(
    client_id: uuid.UUID, body: EnrollmentCreate, _staff: StaffDep, ctx: ContextDep
) -> EnrollmentOut:
    new = enrollments.NewEnrollment(**body.model_dump())
    return EnrollmentOut.of(await enrollments.enroll(ctx, client_id, new))


@router.patch("/{client_id}/enrollments/{enrollment_id}", responses=WRITE_ERRORS)
async def update_enrollment(
    client_id: uuid.UUID, enrollment_id: uuid.UUID, body: EnrollmentUpdate, _staff: StaffDep, ctx: ContextDep
) -> EnrollmentOut:
    """Set `end_date` to end an enrollment."""
    changes = enrollments.EnrollmentChanges(**body.changes())
    return EnrollmentOut.of(await enrollments.update_enrollment(ctx, client_id, enrollment_id, changes))
