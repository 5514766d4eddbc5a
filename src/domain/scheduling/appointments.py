"""Appointments: booking each kind with its rules, moving, the status a session ends in, clashes, and the
calendar window (clinicians see colleagues' time as busy blocks only).

Status changes and moves are announced through the outbox (`appointment_changed` jobs carrying ids), so
the ledger and the automations hook in without being called from here."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta
from enum import Enum
from typing import Any, Literal
from zoneinfo import ZoneInfo

from tend.core.clock import utc_iso
from tend.core.enums import (
    AppointmentKind,
    AppointmentStatus,
    Availability,
    ContactMedium,
    ContactWith,
    ReminderChannel,
    Role,
)
from tend.core.errors import Conflict, ErrorCode, FieldProblem, Forbidden, Invalid, NotFound
from tend.core.text import search_terms
from tend.domain import audit
from tend.domain.clients import records as clients
from tend.domain.context import Context
from tend.domain.jobs import record_job
from tend.domain.practice.catalog import LOCATIONS, PRACTITIONERS, ROOMS, SERVICES, is_virtual
from tend.domain.practice.settings import check_time_zone, get_practice
from tend.domain.scheduling import locks
from tend.persistence.repositories.scheduling import (
    OCCUPYING,
    AppointmentRepository,
    CalendarRow,
    SessionFilter,
    SessionReportRepository,
    WindowFilter,
)
from tend.persistence.tables.scheduling import Appointment

MAX_WINDOW = timedelta(days=62)
# How long one appointment may last. An event may close the practice for a holiday of a few weeks; a
# session or contact lasts hours (a series' duration is at most a day too). Without a bound, one event from
# 1900 to 2999 made every later booking a clash.
MAX_EVENT_LENGTH = timedelta(days=31)
MAX_APPOINTMENT_LENGTH = timedelta(hours=24)
# Who may put an event on everyone's calendar (practitioner null: a closure, a practice meeting).
PRACTICE_WIDE_ROLES = (Role.admin, Role.front_desk)
VIRTUAL_MODIFIER = "95"
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


_MONEY_FIELDS = ("price_minor", "currency", "fee_minor", "waive_fee_reason")


def given(fields: Mapping[str, object]) -> list[str]:
    """The names of the fields that carry a value (None is no value)."""
    return [name for name, value in fields.items() if value is not None]


def check_may_set_money(ctx: Context, sent: Iterable[str]) -> None:
    """A clinician records how her sessions went; their prices and fees are the front desk's (a price or a
    fee typed by her would put money on a client's account around the ledger's own 403). `sent`: the names
    of the fields the request gives (for a PATCH every key sent, null too)."""
    if ctx.actor.reads_whole_practice:  # anyone else (a clinician, the public) sets no money
        return
    money = [name for name in _MONEY_FIELDS if name in set(sent)]
    if money:
        raise Forbidden(
            f"Prices and fees are set by the front desk or an admin ({', '.join(money)}); "
            "the service's price and the practice's fees apply.",
            code=ErrorCode.money_is_front_desk,
        )


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


async def _refuse_clashes(ctx: Context, candidate: Appointment) -> None:
    found = await clashes_of(ctx, candidate)  # free time blocks nothing
    if found:
        raise SchedulingClash(found)


def check_may_hold_practice_wide(ctx: Context, appointment: Appointment) -> None:
    """A practice-wide event blocks everyone's time: the admins and the front desk (signed in, not an
    integration's key) create, change and remove it; Tend itself (jobs, the CLI) may too."""
    if appointment.kind is not AppointmentKind.other_event or appointment.practitioner_id is not None:
        return
    actor = ctx.actor
    if actor.is_system or (actor.user_id is not None and actor.role in PRACTICE_WIDE_ROLES):
        return
    raise Forbidden(
        "Practice-wide events (no practitioner) are set by an admin or the front desk, signed in; "
        "give the event a practitioner.",
        code=ErrorCode.practice_wide_event,
    )


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


async def _price_and_modifiers(ctx: Context, appointment: Appointment, price_given: bool) -> None:
    """Modifier 95 for telehealth places; the price from the service, else the practitioner's default."""
    if appointment.kind is not AppointmentKind.client_session:
        return
    assert appointment.location_id is not None and appointment.service_id is not None
    location = await LOCATIONS.get(ctx, appointment.location_id)
    modifiers = [m for m in appointment.modifiers if m]
    if is_virtual(location.pos_code) and VIRTUAL_MODIFIER not in modifiers:
        modifiers.append(VIRTUAL_MODIFIER)
    appointment.modifiers = modifiers
    practice = await get_practice(ctx)
    appointment.currency = appointment.currency or practice.default_currency
    if appointment.currency not in practice.currencies:
        raise Invalid(
            f"{appointment.currency} is not enabled for this practice.",
            field="currency",
            code=ErrorCode.currency_not_enabled,
        )
    # No price (not sent, or sent as null) means the default one: a session kept without a price would be
    # attended and never charged, so a null PATCH puts the default back rather than leaving it unbilled.
    if not price_given or appointment.price_minor is None:
        service = await SERVICES.get(ctx, appointment.service_id)
        assert appointment.practitioner_id is not None
        practitioner = await PRACTITIONERS.get(ctx, appointment.practitioner_id)
        appointment.price_minor = service.prices.get(
            appointment.currency, practitioner.default_prices.get(appointment.currency)
        )
        if appointment.price_minor is None:
            raise Invalid(
                f"Neither the service nor the practitioner has a price in {appointment.currency}: send "
                "price_minor (0 for a session without charge), or give the service a price in it.",
                field="price_minor",
                code=ErrorCode.required,
            )


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
    (`new_client`, a client record as `clients.create_client` takes it), a past session logged in the same
    call (`status` attended / no_show, with its fee), joining a group, booking over clashes."""

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
    new_client: Mapping[str, Any] | None = None
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
        created = await clients.create_client(ctx, {**new.new_client, "practitioner_ids": practitioner_ids})
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
        await _refuse_clashes(ctx, appointment)
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
    await _price_and_modifiers(ctx, appointment, price_given)
    await _check_reminders(ctx, appointment)


async def clashes_of(ctx: Context, candidate: Appointment) -> list[Clash]:
    if candidate.kind is AppointmentKind.other_event and candidate.availability is Availability.free:
        return []
    found = await AppointmentRepository(ctx.session).clashes(candidate)
    return [Clash(a, _clash_resources(candidate, a)) for a in found]


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


class _Unset(Enum):
    token = "unset"


UNSET = _Unset.token
# A PATCH field: its new value (None clears it), or UNSET: not sent, kept as it is.
Unset = Literal[_Unset.token]


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
        values: dict[str, object] = {}
        for field in fields(self):
            value = getattr(self, field.name)
            if field.name == "allow_conflicts" or value is UNSET:
                continue
            if field.name == "modifiers":
                value = list(value)
            elif field.name == "reminders":
                value = [dict(reminder) for reminder in value]
            values[field.name] = value
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
        await _refuse_clashes(ctx, appointment)
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


async def sessions_of_month(
    ctx: Context,
    year: int,
    month: int,
    *,
    practitioner_id: uuid.UUID | None = None,
    statuses: tuple[AppointmentStatus, ...] = (),
    virtual: bool | None = None,
    client_name: str | None = None,
) -> list[CalendarRow]:
    """Sessions of a local month in the practice's zone: 23:30 on 31 March in Lima is a March session,
    though it is 1 April in UTC."""
    tz = ZoneInfo((await get_practice(ctx)).time_zone)
    first = datetime(year, month, 1, tzinfo=tz)
    following = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=tz)
    filters = SessionFilter(
        starts_from=first.astimezone(UTC),
        starts_before=following.astimezone(UTC),
        practitioner_id=practitioner_id,
        statuses=statuses,
        virtual=virtual,
        name_terms=tuple(search_terms(client_name or "")),
    )
    return await SessionReportRepository(ctx.session).sessions(ctx.actor, filters)


def takes_time(appointment: Appointment) -> bool:
    """Whether the appointment blocks its practitioner's time, as the clash check counts it."""
    if appointment.status not in OCCUPYING:
        return False
    return not (
        appointment.kind is AppointmentKind.other_event and appointment.availability is Availability.free
    )


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
