"""Appointments: booking each kind with its rules, changing and moving one, the status a session ends in,
deleting. Clashes, permissions, pricing, the calendar window and the month's sessions have their own modules
(clashes.py, permissions.py, pricing.py, window.py, reports.py).

Status changes and moves are announced through the outbox (`appointment_changed` jobs carrying ids), so
the ledger and the automations hook in without being called from here."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from tend.core.enums import (
    AppointmentKind,
    AppointmentStatus,
    Availability,
    ContactMedium,
    ContactWith,
    ReminderChannel,
)
from tend.core.errors import Conflict, ErrorCode, FieldProblem, Forbidden, Invalid, NotFound
from tend.domain import audit
from tend.domain.clients import records as clients
from tend.domain.commands import UNSET, Unset, sent
from tend.domain.context import Context
from tend.domain.platform.jobs import record_job
from tend.domain.practice.catalog import LOCATIONS, PRACTITIONERS, ROOMS, SERVICES
from tend.domain.practice.settings import check_time_zone, get_practice
from tend.domain.scheduling import locks
from tend.domain.scheduling.clashes import refuse_clashes
from tend.domain.scheduling.permissions import check_may_hold_practice_wide, check_may_set_money, given
from tend.domain.scheduling.pricing import price_and_modifiers
from tend.persistence.repositories.scheduling import (
    AppointmentRepository,
)
from tend.persistence.tables.scheduling import Appointment

# How long one appointment may last. An event may close the practice for a holiday of a few weeks; a
# session or contact lasts hours (a series' duration is at most a day too). Without a bound, one event from
# 1900 to 2999 made every later booking a clash.
MAX_EVENT_LENGTH = timedelta(days=31)
MAX_APPOINTMENT_LENGTH = timedelta(hours=24)
APPOINTMENT_CHANGED_JOB = "appointment_changed"
CLIENT_KINDS = (
    AppointmentKind.client_session,
    AppointmentKind.client_contact,
    AppointmentKind.collateral_contact,
)
_CONSENT = {
    ReminderChannel.email: "reminder_consent_email",
    ReminderChannel.sms: "reminder_consent_sms",
    ReminderChannel.voice: "reminder_consent_voice",
}


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


async def get_appointment(
    ctx: Context, appointment_id: uuid.UUID, *, for_update: bool = False
) -> Appointment:
    """The appointment, if the caller may see it in full (a clinician: her own practitioner's)."""
    found = await AppointmentRepository(ctx.session).readable_by(
        ctx.actor, appointment_id, for_update=for_update
    )
    if found is None:
        raise NotFound("No such appointment.")
    return found


async def _check_people_and_places(ctx: Context, appointment: Appointment) -> None:
    """Every reference exists and fits the kind; the practitioner is the clinician's own."""
    problems: list[FieldProblem] = []
    kind = appointment.kind
    longest = MAX_EVENT_LENGTH if kind is AppointmentKind.other_event else MAX_APPOINTMENT_LENGTH
    if appointment.ends_at <= appointment.starts_at:
        problems.append(FieldProblem("ends_at", "The end is after the start.", ErrorCode.date))
    elif appointment.ends_at - appointment.starts_at > longest:
        limit = (
            f"{longest.total_seconds() / 3600:g} hours"
            if longest < timedelta(days=2)
            else f"{longest.days} days"
        )
        problems.append(
            FieldProblem("ends_at", f"This lasts at most {limit} after its start.", ErrorCode.out_of_range)
        )
    if kind is not AppointmentKind.other_event and appointment.practitioner_id is None:
        problems.append(FieldProblem("practitioner_id", "Choose the practitioner.", ErrorCode.required))
    if kind in CLIENT_KINDS and appointment.client_id is None:
        problems.append(FieldProblem("client_id", "Choose the client.", ErrorCode.required))
    if kind is AppointmentKind.client_session:
        for name in ("service_id", "location_id"):
            if getattr(appointment, name) is None:
                problems.append(FieldProblem(name, "This is needed for a session.", ErrorCode.required))
    if kind is AppointmentKind.client_contact and appointment.medium is None:
        problems.append(FieldProblem("medium", "Say how the contact happened.", ErrorCode.required))
    if kind is AppointmentKind.collateral_contact and appointment.contact_with is None:
        problems.append(FieldProblem("contact_with", "Say who the contact was with.", ErrorCode.required))
    if kind is AppointmentKind.other_event and not appointment.title:
        problems.append(FieldProblem("title", "Give the event a title.", ErrorCode.required))
    if problems:
        raise Invalid("Some fields are missing or wrong.", errors=problems)
    check_may_hold_practice_wide(ctx, appointment)
    if ctx.actor.is_clinician and appointment.practitioner_id != ctx.actor.practitioner_id:
        raise Forbidden(
            "Clinicians book their own appointments only; the front desk books for colleagues.",
            code=ErrorCode.other_practitioner,
        )
    for name, kind_of in (
        ("practitioner_id", PRACTITIONERS),
        ("service_id", SERVICES),
        ("location_id", LOCATIONS),
        ("room_id", ROOMS),
    ):
        record_id = getattr(appointment, name)
        if record_id is not None:
            try:
                await kind_of.get(ctx, record_id)
            except NotFound:
                raise Invalid(
                    f"No such {kind_of.name}.", field=name, code=ErrorCode.unknown_reference
                ) from None
    if appointment.room_id is not None:
        room = await ROOMS.get(ctx, appointment.room_id)
        if appointment.location_id is not None and room.location_id != appointment.location_id:
            raise Invalid("This room is at another location.", field="room_id", code=ErrorCode.invalid)
        appointment.location_id = room.location_id
    if appointment.client_id is not None:
        try:
            await clients.get_client(ctx, appointment.client_id)
        except NotFound:
            raise Invalid("No such client.", field="client_id", code=ErrorCode.unknown_reference) from None


async def _check_reminders(ctx: Context, appointment: Appointment) -> None:
    if not appointment.reminders:
        return
    if appointment.kind is not AppointmentKind.client_session:
        raise Invalid("Only sessions have reminders.", field="reminders", code=ErrorCode.invalid)
    assert appointment.client_id is not None
    client = await clients.get_client(ctx, appointment.client_id)
    for index, reminder in enumerate(appointment.reminders):
        channel = ReminderChannel(reminder["channel"])
        if not getattr(client, _CONSENT[channel]):
            raise Invalid(
                f"The client has not agreed to {channel.value} reminders.",
                field=f"reminders.{index}.channel",
                code=ErrorCode.no_consent,
            )


async def announce(ctx: Context, appointment: Appointment, event: str, **ids: str) -> None:
    await record_job(
        ctx.session,
        ctx.clock,
        APPOINTMENT_CHANGED_JOB,
        {"appointment_id": str(appointment.id), "event": event, **ids},
    )


@dataclass(frozen=True)
class NewAppointment:
    """One appointment to book: its own fields, and how to book it — a client registered on the way
    (`new_client`, assigned to the appointment's practitioner), a past session logged in the same call
    (`status` attended / no_show, with its fee), joining a group, booking over clashes."""

    kind: AppointmentKind
    starts_at: datetime
    ends_at: datetime
    practitioner_id: uuid.UUID | None = None
    client_id: uuid.UUID | None = None
    service_id: uuid.UUID | None = None
    location_id: uuid.UUID | None = None
    room_id: uuid.UUID | None = None
    time_zone: str | None = None
    modifiers: Sequence[str] = ()
    price_minor: int | None = None
    currency: str | None = None
    telehealth_url: str | None = None
    instructions: str | None = None
    reminders: Sequence[Mapping[str, Any]] = ()
    feedback_request: bool = False
    medium: ContactMedium | None = None
    contact_with: ContactWith | None = None
    contact_name: str | None = None
    summary: str | None = None
    title: str | None = None
    availability: Availability | None = None
    # How to book it (not stored on the appointment):
    new_client: clients.NewClient | None = None
    status: AppointmentStatus = AppointmentStatus.scheduled
    fee_minor: int | None = None
    waive_fee_reason: str | None = None
    group_with_appointment_id: uuid.UUID | None = None
    allow_conflicts: bool = False


# NewAppointment's fields that are not the appointment's own columns.
_BOOKING_ONLY = frozenset(
    {"new_client", "status", "fee_minor", "waive_fee_reason", "group_with_appointment_id", "allow_conflicts"}
)


async def create_appointment(ctx: Context, new: NewAppointment) -> Appointment:
    check_may_set_money(ctx, given({f.name: getattr(new, f.name) for f in fields(new)}))
    status = AppointmentStatus(new.status)
    fee_given = new.fee_minor is not None or new.waive_fee_reason is not None
    if status is not AppointmentStatus.no_show and fee_given:
        raise Invalid(
            "A fee goes with a no-show only.",
            field="fee_minor" if new.fee_minor is not None else "waive_fee_reason",
            code=ErrorCode.invalid,
        )
    practice = await get_practice(ctx)
    client_id = new.client_id
    if new.new_client is not None:
        if client_id is not None:
            raise Invalid(
                "Send client_id or new_client, not both.", field="new_client", code=ErrorCode.invalid
            )
        practitioner_ids = [new.practitioner_id] if new.practitioner_id else []
        created = await clients.create_client(ctx, replace(new.new_client, practitioner_ids=practitioner_ids))
        client_id = created.client.id
    own = {f.name: getattr(new, f.name) for f in fields(new) if f.name not in _BOOKING_ONLY}
    now = ctx.clock.now()
    appointment = Appointment(
        **own
        | {
            "id": uuid.uuid4(),
            "kind": AppointmentKind(new.kind),
            "client_id": client_id,
            "time_zone": check_time_zone(new.time_zone or practice.time_zone),
            "starts_at": _utc(new.starts_at),
            "ends_at": _utc(new.ends_at),
            "status": AppointmentStatus.scheduled,
            "modifiers": list(new.modifiers),
            "reminders": [dict(reminder) for reminder in new.reminders],
            "created_at": now,
            "updated_at": now,
        }
    )
    if appointment.kind is AppointmentKind.other_event:
        appointment.availability = appointment.availability or Availability.busy
    if new.group_with_appointment_id is not None:
        await _join_group(ctx, appointment, new.group_with_appointment_id)
    await prepare(ctx, appointment, price_given=new.price_minor is not None)
    if not new.allow_conflicts:
        await refuse_clashes(ctx, appointment)
    await AppointmentRepository(ctx.session).add(appointment)
    audit.record(ctx, "appointment.created", object_type="appointment", object_id=appointment.id)
    if status is not AppointmentStatus.scheduled:  # "log past session": booked and recorded in one call
        await set_status(
            ctx, appointment.id, status, fee_minor=new.fee_minor, waive_fee_reason=new.waive_fee_reason
        )
    return appointment


async def prepare(ctx: Context, appointment: Appointment, *, price_given: bool) -> None:
    """The one validation of an appointment's fields, with their defaults, whichever route sets them:
    booking (POST), a change (PATCH, a group's move), a series' template and a series change."""
    await _check_people_and_places(ctx, appointment)
    await price_and_modifiers(ctx, appointment, price_given)
    await _check_reminders(ctx, appointment)


async def _join_group(ctx: Context, appointment: Appointment, other_id: uuid.UUID) -> None:
    """Group sessions: the new member takes the same slot and room as the group, under one group id."""
    other = await get_appointment(ctx, other_id, for_update=True)
    if (
        other.kind is not AppointmentKind.client_session
        or appointment.kind is not AppointmentKind.client_session
    ):
        raise Invalid("Only sessions form groups.", field="group_with_appointment_id", code=ErrorCode.invalid)
    if other.practitioner_id != appointment.practitioner_id:
        # One practitioner leads a group: the whole group is hers to move, record and see.
        raise Invalid(
            "A group session has one practitioner: book this member with the group's.",
            field="practitioner_id",
            code=ErrorCode.invalid,
        )
    if other.group_id is None:
        await locks.ensure_unlocked(ctx, other)  # the session gets a group id: a change to it
        other.group_id = uuid.uuid4()
        await ctx.session.flush()  # the clash check reads the group from the database
    appointment.group_id = other.group_id
    appointment.starts_at, appointment.ends_at = other.starts_at, other.ends_at
    appointment.room_id, appointment.location_id = other.room_id, other.location_id


_MOVING = frozenset({"starts_at", "ends_at", "practitioner_id", "room_id", "location_id", "client_id"})
# What the members of a group session share: moving one moves them all, in one transaction.
_GROUP_SLOT = frozenset({"starts_at", "ends_at", "room_id", "location_id"})


@dataclass(frozen=True)
class AppointmentChanges:
    """A change of one appointment (PATCH, a series change of one occurrence). A field left UNSET was not
    sent and keeps its value; one sent as None clears it (the API refuses None where a field needs one)."""

    starts_at: datetime | Unset = UNSET
    ends_at: datetime | Unset = UNSET
    time_zone: str | Unset = UNSET
    practitioner_id: uuid.UUID | Unset | None = UNSET
    client_id: uuid.UUID | Unset | None = UNSET
    service_id: uuid.UUID | Unset | None = UNSET
    location_id: uuid.UUID | Unset | None = UNSET
    room_id: uuid.UUID | Unset | None = UNSET
    modifiers: Sequence[str] | Unset = UNSET
    price_minor: int | Unset | None = UNSET
    currency: str | Unset | None = UNSET
    telehealth_url: str | Unset | None = UNSET
    instructions: str | Unset | None = UNSET
    reminders: Sequence[Mapping[str, Any]] | Unset = UNSET
    feedback_request: bool | Unset = UNSET
    medium: ContactMedium | Unset | None = UNSET
    contact_with: ContactWith | Unset | None = UNSET
    contact_name: str | Unset | None = UNSET
    summary: str | Unset | None = UNSET
    title: str | Unset | None = UNSET
    availability: Availability | Unset | None = UNSET
    allow_conflicts: bool = False

    def sent(self) -> dict[str, object]:
        """The fields sent, with their values (lists for the stored JSON ones)."""
        values = sent(self)
        del values["allow_conflicts"]
        if self.modifiers is not UNSET:  # stored as JSON lists
            values["modifiers"] = list(self.modifiers)
        if self.reminders is not UNSET:
            values["reminders"] = [dict(reminder) for reminder in self.reminders]
        return values


async def update_appointment(
    ctx: Context, appointment_id: uuid.UUID, changes: AppointmentChanges
) -> Appointment:
    """Edits one appointment. A group session's slot (time, room, place) is the group's: changing it on one
    member moves every member, each checked for clashes, or none of them."""
    sent = changes.sent()
    appointment = await _update_one(ctx, appointment_id, sent, changes.allow_conflicts)
    slot = {name: getattr(appointment, name) for name in _GROUP_SLOT & set(sent)}
    if appointment.group_id is not None and slot:
        for member in await AppointmentRepository(ctx.session).group_members(appointment.group_id):
            if any(getattr(member, name) != value for name, value in slot.items()):
                await _update_one(ctx, member.id, dict(slot), changes.allow_conflicts)
    return appointment


async def _update_one(
    ctx: Context, appointment_id: uuid.UUID, changes: dict[str, object], allow_conflicts: bool
) -> Appointment:
    check_may_set_money(ctx, changes)
    appointment = await get_appointment(ctx, appointment_id, for_update=True)
    await locks.ensure_unlocked(ctx, appointment)
    check_may_hold_practice_wide(ctx, appointment)
    await locks.ensure_billing_fields_free(
        ctx, appointment, {name for name, value in changes.items() if getattr(appointment, name) != value}
    )
    if appointment.status is not AppointmentStatus.scheduled and _MOVING & set(changes):
        raise Conflict(
            f"This appointment is {appointment.status.value}: its time and people are kept as they were.",
            code=ErrorCode.outcome_recorded,
            next_step="Correct its status to scheduled first, or book a new appointment.",
        )
    if "time_zone" in changes:
        check_time_zone(str(changes["time_zone"]))
    for name in ("starts_at", "ends_at"):
        instant = changes.get(name)
        if isinstance(instant, datetime):
            changes[name] = _utc(instant)
    before = (appointment.starts_at, appointment.ends_at)
    changed = [name for name, value in changes.items() if getattr(appointment, name) != value]
    for name in changed:
        setattr(appointment, name, changes[name])
    await prepare(ctx, appointment, price_given=True)
    if _MOVING & set(changed) and not allow_conflicts:
        await refuse_clashes(ctx, appointment)
    appointment.updated_at = ctx.clock.now()
    await ctx.session.flush()
    audit.record(
        ctx,
        "appointment.updated",
        object_type="appointment",
        object_id=appointment.id,
        fields=sorted(changed),
    )
    if (appointment.starts_at, appointment.ends_at) != before:
        await announce(ctx, appointment, "moved")
    return appointment


async def set_status(
    ctx: Context,
    appointment_id: uuid.UUID,
    status: AppointmentStatus,
    reason: str | None = None,
    *,
    fee_minor: int | None = None,
    waive_fee_reason: str | None = None,
) -> Appointment:
    """Records how a session (or contact) ended. A no-show or attendance cannot be recorded before the
    start; a cancellation inside the practice's late-cancel window is a late cancellation. Corrections
    (no-show -> attended) are allowed and audited; the ledger undoes their money through the event."""
    appointment = await get_appointment(ctx, appointment_id, for_update=True)
    if appointment.kind is AppointmentKind.other_event:
        raise Invalid("Events have no attendance.", field="status", code=ErrorCode.invalid)
    await locks.ensure_unlocked(ctx, appointment)
    now = ctx.clock.now()
    if status in (AppointmentStatus.no_show, AppointmentStatus.attended) and now < appointment.starts_at:
        raise Conflict(
            "This session has not started yet.",
            code=ErrorCode.not_started,
            next_step="Record attendance once it has started, or cancel it.",
        )
    if status in (AppointmentStatus.cancelled, AppointmentStatus.late_cancelled):
        # Whether a cancellation is late is the practice's window's to say, not the caller's.
        window = timedelta(hours=(await get_practice(ctx)).late_cancel_window_hours)
        late = now >= appointment.starts_at - window
        if status is AppointmentStatus.late_cancelled and not late:
            raise Invalid(
                f"This is more than {window.total_seconds() / 3600:g} hours before the start: not a late "
                "cancellation. Record it as cancelled.",
                field="status",
                code=ErrorCode.invalid,
            )
        status = AppointmentStatus.late_cancelled if late else AppointmentStatus.cancelled
    check_may_set_money(ctx, given({"fee_minor": fee_minor, "waive_fee_reason": waive_fee_reason}))
    if fee_minor is not None and waive_fee_reason:
        raise Invalid("Give a fee or waive it, not both.", field="waive_fee_reason", code=ErrorCode.invalid)
    fee_given = fee_minor is not None or bool(waive_fee_reason)
    if fee_given and status not in (AppointmentStatus.no_show, AppointmentStatus.late_cancelled):
        raise Invalid(
            "A fee goes with a no-show or a late cancellation only.",
            field="fee_minor" if fee_minor is not None else "waive_fee_reason",
            code=ErrorCode.invalid,
        )
    previous = appointment.status
    if status is previous and not fee_given:
        return appointment
    # The ledger's automatic charges are unique per round, so each change may post its own (once).
    appointment.status_round = (appointment.status_round or 0) + 1
    appointment.fee_override_minor, appointment.fee_waived_reason = fee_minor, waive_fee_reason or None
    appointment.status, appointment.status_reason = status, reason
    appointment.status_changed_at = appointment.updated_at = now
    await ctx.session.flush()
    audit.record(
        ctx,
        "appointment.status_changed",
        object_type="appointment",
        object_id=appointment.id,
        previous=previous.value,
        status=status.value,
    )
    await announce(ctx, appointment, "status_changed", previous=previous.value, status=status.value)
    return appointment


async def check_deletable(ctx: Context, appointment: Appointment) -> None:
    """However the appointment is removed (alone or from a series): see `locks.ensure_deletable`; a
    practice-wide event is the admins' and the front desk's."""
    await locks.ensure_deletable(ctx, appointment)
    check_may_hold_practice_wide(ctx, appointment)


async def delete_appointment(ctx: Context, appointment_id: uuid.UUID) -> None:
    """Removes an appointment entered by mistake (see `check_deletable`)."""
    appointment = await get_appointment(ctx, appointment_id, for_update=True)
    await check_deletable(ctx, appointment)
    audit.record(
        ctx,
        "appointment.deleted",
        object_type="appointment",
        object_id=appointment.id,
        status=appointment.status.value,
        client_id=str(appointment.client_id) if appointment.client_id else None,
    )
    await AppointmentRepository(ctx.session).delete(appointment)


async def past_session_ids(ctx: Context) -> list[uuid.UUID]:
    """Client sessions that have started, oldest first (the demo practice settles their money)."""
    return await AppointmentRepository(ctx.session).started_session_ids(ctx.clock.now())
