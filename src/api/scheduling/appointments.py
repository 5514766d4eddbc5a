"""Appointments: the calendar window, booking each kind, moving, and recording how a session ended.

Times are ISO 8601 with an offset (stored in UTC); `time_zone` is the zone the appointment was booked in
(the practice's by default), in which reminders and statements show it."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from pydantic import Field, StrictInt

from tend.api.deps import ContextDep, StaffDep
from tend.api.errors import READ_ERRORS, WRITE_ERRORS
from tend.api.idempotency import IdempotencyKey, once
from tend.api.schemas import CleanName, InputModel, Instant, OutputModel, PatchModel
from tend.core.enums import (
    AppointmentKind,
    AppointmentStatus,
    Availability,
    ContactMedium,
    ContactWith,
    ReminderChannel,
)
from tend.domain.clients.records import NewClient as NewClientRecord
from tend.domain.scheduling import appointments

router = APIRouter(prefix="/appointments", tags=["appointments"])
Name = Annotated[str, Field(min_length=1, max_length=100), CleanName]
Text = Annotated[str, Field(max_length=2000)]


FeeMinor = Annotated[
    StrictInt | None,
    Field(
        ge=0,
        le=10**12,
        description="No-show / late cancellation: the fee to charge instead of the practice's default.",
    ),
]
WaiveFeeReason = Annotated[
    Annotated[str, Field(min_length=1, max_length=500), CleanName] | None,
    Field(description="No-show / late cancellation: charge no fee, for this reason (kept)."),
]


class Reminder(InputModel):
    channel: ReminderChannel
    days_before: StrictInt = Field(ge=1, le=5)


class NewClient(InputModel):
    first_name: Name
    last_name: Name


class AppointmentFields(InputModel):
    time_zone: str | None = Field(
        default=None, max_length=64, description="IANA zone; the practice's by default."
    )
    service_id: uuid.UUID | None = None
    location_id: uuid.UUID | None = None
    room_id: uuid.UUID | None = None
    modifiers: list[Annotated[str, Field(min_length=1, max_length=4)]] = Field(
        default_factory=list, max_length=4
    )
    price_minor: StrictInt | None = Field(default=None, ge=0, le=10**12)
    currency: str | None = Field(default=None, min_length=3, max_length=3)
    telehealth_url: str | None = Field(
        default=None, max_length=500, pattern=r"^https?://\S+$", description="An http(s) link."
    )
    instructions: Text | None = None
    reminders: list[Reminder] = Field(default_factory=list, max_length=2)
    feedback_request: bool = False
    medium: ContactMedium | None = None
    contact_with: ContactWith | None = None
    contact_name: Name | None = None
    summary: Text | None = None
    title: Annotated[str, Field(min_length=1, max_length=200), CleanName] | None = None
    availability: Availability | None = None


class AppointmentCreate(AppointmentFields):
    kind: AppointmentKind
    starts_at: Instant
    ends_at: Instant
    practitioner_id: uuid.UUID | None = Field(
        default=None, description="Required except for practice-wide events."
    )
    client_id: uuid.UUID | None = None
    new_client: NewClient | None = Field(
        default=None, description="Book someone not registered yet: created now."
    )
    status: Literal["scheduled", "attended", "no_show"] = Field(
        default="scheduled", description="`attended`/`no_show` log a past session in one call."
    )
    fee_minor: FeeMinor = None
    waive_fee_reason: WaiveFeeReason = None
    group_with_appointment_id: uuid.UUID | None = Field(
        default=None, description="Join that session's group: same slot and room, one group id, no clash."
    )
    allow_conflicts: bool = Field(default=False, description="Book even if it clashes (the clashes stay).")


class AppointmentUpdate(PatchModel, AppointmentFields):
    not_null = frozenset({"starts_at", "ends_at", "time_zone", "modifiers", "reminders", "feedback_request"})

    starts_at: Instant | None = None
    ends_at: Instant | None = None
    practitioner_id: uuid.UUID | None = None
    modifiers: list[Annotated[str, Field(min_length=1, max_length=4)]] | None = Field(
        default=None, max_length=4
    )  # type: ignore[assignment]
    reminders: list[Reminder] | None = Field(default=None, max_length=2)  # type: ignore[assignment]
    feedback_request: bool | None = None  # type: ignore[assignment]
    allow_conflicts: bool = False


class StatusChange(InputModel):
    status: AppointmentStatus
    reason: str | None = Field(default=None, max_length=500)
    fee_minor: FeeMinor = None
    waive_fee_reason: WaiveFeeReason = None


class ClientRef(OutputModel):
    id: uuid.UUID
    first_name: str
    last_name: str


class ReminderOut(OutputModel):
    channel: ReminderChannel
    days_before: int


class AppointmentOut(OutputModel):
    id: uuid.UUID
    kind: AppointmentKind
    status: AppointmentStatus
    practitioner_id: uuid.UUID | None
    client_id: uuid.UUID | None
    service_id: uuid.UUID | None
    location_id: uuid.UUID | None
    room_id: uuid.UUID | None
    starts_at: datetime
    ends_at: datetime
    time_zone: str
    group_id: uuid.UUID | None
    modifiers: list[str]
    price_minor: int | None
    currency: str | None
    telehealth_url: str | None
    instructions: str | None
    reminders: list[ReminderOut]
    feedback_request: bool
    medium: ContactMedium | None
    contact_with: ContactWith | None
    contact_name: str | None
    summary: str | None
    title: str | None
    availability: Availability | None
    status_reason: str | None
    status_changed_at: datetime | None
    series_id: uuid.UUID | None = Field(description="The recurring series it belongs to, if any.")
    series_exception: bool = Field(description="Edited on its own: series-wide edits leave it alone.")
    time_adjusted: str | None = Field(
        description="`nonexistent_local_time`: the series' local time did not exist that day (DST) "
        "and the occurrence starts later by the gap."
    )
    created_at: datetime
    updated_at: datetime


@router.post("", status_code=201, response_model=AppointmentOut, responses=WRITE_ERRORS)
async def create_appointment(
    body: AppointmentCreate,
    request: Request,
    _staff: StaffDep,
    ctx: ContextDep,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """Books one appointment. A clash (same practitioner, room or client; a busy event) is a 409 listing
    each clash, unless `allow_conflicts`. With `status` attended / no_show it logs a past session in one
    call, and its money follows as for a status change (`fee_minor` / `waive_fee_reason` with a no-show);
    send an Idempotency-Key so a retry does not log it twice."""

    async def act() -> AppointmentOut:
        data = body.model_dump(exclude={"new_client", "status"})
        asked = body.new_client
        new = appointments.NewAppointment(
            **data,
            status=AppointmentStatus(body.status),
            new_client=NewClientRecord(**asked.model_dump()) if asked is not None else None,
        )
        return AppointmentOut.model_validate(await appointments.create_appointment(ctx, new))

    return await once(request, ctx, idempotency_key, body, 201, act)


@router.get("/{appointment_id:uuid}", responses=READ_ERRORS)
async def get_appointment(appointment_id: uuid.UUID, _staff: StaffDep, ctx: ContextDep) -> AppointmentOut:
    return AppointmentOut.model_validate(await appointments.get_appointment(ctx, appointment_id))


@router.patch("/{appointment_id:uuid}", responses=WRITE_ERRORS)
async def update_appointment(
    appointment_id: uuid.UUID, body: AppointmentUpdate, _staff: StaffDep, ctx: ContextDep
) -> AppointmentOut:
    """Moves or edits an appointment (times, people, place, price, reminders). Clashes as when booking."""
    return AppointmentOut.model_validate(
        await appointments.update_appointment(
            ctx, appointment_id, appointments.AppointmentChanges(**body.changes())
        )
    )


@router.post("/{appointment_id:uuid}/status", response_model=AppointmentOut, responses=WRITE_ERRORS)
async def change_status(
    appointment_id: uuid.UUID,
    body: StatusChange,
    request: Request,
    _staff: StaffDep,
    ctx: ContextDep,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """attended / no_show (not before the start) / cancelled (late_cancelled inside the practice's window)
    / scheduled (a correction). Corrections are audited. The ledger follows through a job: attended posts
    the session charge and bill; no-show / late cancellation the fee (`fee_minor` overrides the practice's,
    `waive_fee_reason` charges none); a correction reverses what no longer applies."""

    async def act() -> AppointmentOut:
        changed = await appointments.set_status(
            ctx,
            appointment_id,
            body.status,
            body.reason,
            fee_minor=body.fee_minor,
            waive_fee_reason=body.waive_fee_reason,
        )
        return AppointmentOut.model_validate(changed)

    return await once(request, ctx, idempotency_key, body, 200, act)


@router.delete("/{appointment_id:uuid}", status_code=204, response_class=Response, responses=WRITE_ERRORS)
async def delete_appointment(appointment_id: uuid.UUID, _staff: StaffDep, ctx: ContextDep) -> Response:
    """Removes an appointment entered by mistake (cancel it instead if it was really booked). A billed
    session needs its bill cancelled first; a signed note, unlocking."""
    await appointments.delete_appointment(ctx, appointment_id)
    return Response(status_code=204)
