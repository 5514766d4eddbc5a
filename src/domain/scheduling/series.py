"""Recurring series: a template, a rule over local wall time, and materialised occurrences (ordinary
appointments) up to a horizon the daily job extends.

Edits and deletes take a scope: `this` (one occurrence, kept as an exception), `following` (the series is
split: the old one ends the day before this occurrence's slot, a new one starts there), `all` (every
occurrence that has not happened). Occurrences the locks hold back (past, not `scheduled`, a signed note, a
bill, a group) or edited on their own are never moved by `following`/`all`, except the occurrence a person
acts on: it always takes the change unless a lock holds it. Occurrence `pivot + n` of the old series
becomes occurrence `n` of the new one, so a series keeps its count (kept occurrences still take their
slot, one deleted alone stays deleted). Every edit is planned first; `dry_run` answers the plan, and
without it exactly that plan is applied. The changed fields get the one validation of an appointment's
fields (`appointments.prepare`), with each problem named under `changes.`."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from tend.core.enums import AppointmentKind, AppointmentStatus, Availability, ContactMedium, ContactWith
from tend.core.errors import ErrorCode, FieldProblem, Invalid
from tend.domain import audit
from tend.domain.commands import UNSET, Unset, sent
from tend.domain.context import Context
from tend.domain.platform import local_time
from tend.domain.practice.settings import check_time_zone, get_practice
from tend.domain.scheduling import appointments, locks, permissions
from tend.domain.scheduling import clashes as clash_checks
from tend.domain.scheduling.recurrence import (
    Occurrence,
    RecurrenceRule,
    Weekday,
    check_ends_after,
    expand,
    occurrences,
    parse_rule,
    rule_to_json,
    truncate_before,
)
from tend.persistence.repositories.scheduling import AppointmentRepository, SeriesRepository
from tend.persistence.tables.scheduling import Appointment, AppointmentSeries

HORIZON = timedelta(weeks=26)
TEMPLATE_FIELDS = (
    "kind", "practitioner_id", "client_id", "service_id", "location_id", "room_id", "modifiers",
    "price_minor", "currency", "telehealth_url", "instructions", "reminders", "feedback_request", "medium",
    "contact_with", "contact_name", "summary", "title", "availability",
)  # fmt: skip
_IDS = ("practitioner_id", "client_id", "service_id", "location_id", "room_id")
# Stored as their text in the template's JSON; read back as the enums the rules compare by identity.
_ENUMS: dict[str, type[StrEnum]] = {
    "kind": AppointmentKind,
    "availability": Availability,
    "medium": ContactMedium,
    "contact_with": ContactWith,
}


def _stored(template: dict[str, Any]) -> dict[str, Any]:
    return {k: (str(v) if k in _IDS and v is not None else v) for k, v in template.items()}


def _loaded(template: dict[str, Any]) -> dict[str, Any]:
    loaded: dict[str, Any] = {}
    for name, value in template.items():
        if value is not None and name in _IDS:
            value = uuid.UUID(value)
        elif value is not None and name in _ENUMS:
            value = _ENUMS[name](value)
        loaded[name] = value
    return loaded


def _clock_time(text: str) -> time:
    return time.fromisoformat(text)


def _occurrence(series: AppointmentSeries, occurrence: Occurrence, now: datetime) -> Appointment:
    return Appointment(
        id=uuid.uuid4(),
        status=AppointmentStatus.scheduled,
        starts_at=occurrence.starts_at,
        ends_at=occurrence.ends_at,
        time_zone=series.time_zone,
        series_id=series.id,
        series_index=occurrence.index,
        series_exception=False,
        time_adjusted=occurrence.time_adjusted,
        created_at=now,
        updated_at=now,
        **_loaded(series.template),
    )


def _expand(series: AppointmentSeries, until: datetime, start: datetime | None = None) -> list[Occurrence]:
    return expand(
        parse_rule(series.rule),
        series.start_date,
        _clock_time(series.local_time),
        timedelta(minutes=series.duration_minutes),
        ZoneInfo(series.time_zone),
        window_start_utc=start,
        until_utc=until,
    )


@dataclass
class SeriesResult:
    series: AppointmentSeries
    created: list[Appointment]


# A series is booked from about now on: a start a little in the past (this week's first session, booked late)
# is fine; older sessions are logged one by one. Every occurrence up to the horizon becomes a row, so an
# unbounded start would book centuries of them.
MAX_START_DAYS_BACK = 31
MAX_START_DAYS_AHEAD = 2 * 366


def _check_start(ctx: Context, start_date: date, zone: str) -> None:
    today = local_time.today(ctx.clock, zone)
    if start_date < today - timedelta(days=MAX_START_DAYS_BACK):
        raise Invalid(
            f"A series starts at most {MAX_START_DAYS_BACK} days back; log earlier sessions one by one.",
            field="start_date",
            code=ErrorCode.out_of_range,
        )
    if start_date > today + timedelta(days=MAX_START_DAYS_AHEAD):
        raise Invalid(
            "A series starts within the next two years.", field="start_date", code=ErrorCode.out_of_range
        )


@dataclass(frozen=True)
class NewSeries:
    """A series to create: when it repeats (a local start day and time, a length, the rule) and the
    appointment each occurrence is (the template: the fields of `TEMPLATE_FIELDS`)."""

    kind: AppointmentKind
    start_date: date
    local_time: time
    duration_minutes: int
    rule: RecurrenceRule
    time_zone: str | None = None
    practitioner_id: uuid.UUID | None = None
    client_id: uuid.UUID | None = None
    service_id: uuid.UUID | None = None
    location_id: uuid.UUID | None = None
    room_id: uuid.UUID | None = None
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
    allow_conflicts: bool = False


async def create_series(ctx: Context, new: NewSeries) -> SeriesResult:
    """Creates the series and its occurrences up to the horizon; clashes of any occurrence are a 409
    (unless allowed)."""
    template = {name: getattr(new, name) for name in TEMPLATE_FIELDS}
    permissions.check_may_set_money(ctx, permissions.given(template))
    practice = await get_practice(ctx)
    zone = check_time_zone(new.time_zone or practice.time_zone)
    _check_start(ctx, new.start_date, zone)
    rule = check_ends_after(new.rule, new.start_date)
    template["modifiers"] = list(new.modifiers)
    template["reminders"] = [dict(reminder) for reminder in new.reminders]
    now = ctx.clock.now()
    series = AppointmentSeries(
        id=uuid.uuid4(),
        template={},
        time_zone=zone,
        start_date=new.start_date,
        local_time=new.local_time.strftime("%H:%M"),
        duration_minutes=new.duration_minutes,
        rule=rule_to_json(rule),
        materialised_until=now + HORIZON,
        created_at=now,
        updated_at=now,
    )
    series.template = await _checked_template(
        ctx,
        template,
        zone,
        (now, now + timedelta(minutes=1)),
        price_given=template.get("price_minor") is not None,
    )
    occurrences = [_occurrence(series, o, now) for o in _expand(series, series.materialised_until)]
    if not occurrences:
        raise Invalid(
            "This rule gives no occurrence in the next 26 weeks.", field="rule", code=ErrorCode.invalid
        )
    if not new.allow_conflicts:
        clashes = [c for o in occurrences for c in await clash_checks.clashes_of(ctx, o)]
        if clashes:
            raise clash_checks.SchedulingClash(clashes)
    await SeriesRepository(ctx.session).add(series)
    ctx.session.add_all(occurrences)
    await ctx.session.flush()
    audit.record(
        ctx, "series.created", object_type="series", object_id=series.id, occurrences=len(occurrences)
    )
    return SeriesResult(series, occurrences)


async def _checked_template(
    ctx: Context,
    template: dict[str, Any],
    zone: str,
    times: tuple[datetime, datetime],
    *,
    price_given: bool,
) -> dict[str, Any]:
    """The template as stored, after the checks and defaults of a booking (references, price, modifier
    95, consent...) on a sample occurrence at `times`."""
    sample = Appointment(**template, starts_at=times[0], ends_at=times[1], time_zone=zone)
    if sample.kind is AppointmentKind.other_event and sample.availability is None:
        sample.availability = Availability.busy
    await appointments.prepare(ctx, sample, price_given=price_given)
    return _stored({name: getattr(sample, name) for name in TEMPLATE_FIELDS})


@contextmanager
def _named_under_changes() -> Iterator[None]:
    """A series change sends its fields in `changes`: each problem names them there."""
    try:
        yield
    except Invalid as error:
        problems = [FieldProblem(f"changes.{p.field}", p.message, p.code) for p in error.errors]
        raise Invalid(error.detail, errors=problems) from None


async def extend_all(ctx: Context) -> int:
    """The daily job: every series gets its occurrences up to the horizon. Safe to run twice (the
    occurrence's (series, index) is unique, and existing indexes are skipped)."""
    horizon = ctx.clock.now() + HORIZON
    repository = SeriesRepository(ctx.session)
    added = 0
    for series in await repository.needing_more(horizon):
        have = {a.series_index for a in await repository.occurrences(series.id)}
        new = [
            _occurrence(series, o, ctx.clock.now())
            for o in _expand(series, horizon, start=series.materialised_until)
            if o.index not in have
        ]
        ctx.session.add_all(new)
        series.materialised_until = horizon
        added += len(new)
    await ctx.session.flush()
    return added


# ---- edits -------------------------------------------------------------------------------------------


@dataclass
class Plan:
    scope: str
    moves: list[dict[str, Any]] = field(default_factory=list)
    creates: list[dict[str, Any]] = field(default_factory=list)
    deletes: list[dict[str, Any]] = field(default_factory=list)
    kept: list[dict[str, Any]] = field(default_factory=list)
    clashes: list[dict[str, Any]] = field(default_factory=list)
    found: list[clash_checks.Clash] = field(default_factory=list)  # for the 409, not shown
    series_id: str | None = None  # the series the edited occurrences belong to afterwards


_EXCEPTION = locks.Hold("exception", "edited on its own")
_GROUP = locks.Hold("group", "part of a group session")


async def _kept_back(
    ctx: Context, occurrences: Sequence[Appointment], now: datetime
) -> dict[uuid.UUID, locks.Hold]:
    """Why each occurrence a `following`/`all` change would touch is left as it is: what the locks hold
    back, then an occurrence edited on its own, or one in a group (its slot is its group's)."""
    held = await locks.holds(ctx, occurrences, now)
    for appointment in occurrences:
        if appointment.id in held:
            continue
        if appointment.series_exception:
            held[appointment.id] = _EXCEPTION
        elif appointment.group_id is not None:
            held[appointment.id] = _GROUP
    return held


def _shift_rule(rule: RecurrenceRule, days: int) -> RecurrenceRule:
    """The same rule `days` later (a drag from Tuesday to Wednesday moves every Tuesday), ending as many
    days later too, so a series ending on a date keeps its number of occurrences."""
    order = list(Weekday)
    weekdays = tuple(order[(order.index(d) + days) % 7] for d in rule.by_weekday)
    month_days = tuple(min(31, max(1, d + days)) for d in rule.by_month_day)
    data = {**rule_to_json(rule), **({"by_weekday": [d.value for d in weekdays]} if weekdays else {})}
    if month_days:
        data["by_month_day"] = sorted(set(month_days))
    if rule.until is not None:
        data["until"] = (rule.until + timedelta(days=days)).isoformat()
    return parse_rule(data)


@dataclass(frozen=True)
class SeriesChanges:
    """What a series change sets (`changes` of POST …/series-change): a field left UNSET was not sent and
    keeps its value; None clears it. `rule` only with scope following or all."""

    starts_at: datetime | Unset = UNSET
    ends_at: datetime | Unset = UNSET
    rule: RecurrenceRule | Unset = UNSET
    service_id: uuid.UUID | Unset | None = UNSET
    location_id: uuid.UUID | Unset | None = UNSET
    room_id: uuid.UUID | Unset | None = UNSET
    price_minor: int | Unset | None = UNSET
    instructions: str | Unset | None = UNSET
    telehealth_url: str | Unset | None = UNSET

    def as_dict(self) -> dict[str, Any]:
        """The fields sent, the rule in its stored JSON form (as the plan reads it)."""
        values: dict[str, Any] = sent(self)
        if isinstance(self.rule, RecurrenceRule):
            values["rule"] = rule_to_json(self.rule)
        return values


async def edit_series(
    ctx: Context,
    appointment_id: uuid.UUID,
    scope: str,
    given: SeriesChanges,
    *,
    dry_run: bool,
    allow_conflicts: bool = False,
    delete: bool = False,
) -> Plan:
    """Plans (and unless `dry_run`, applies) an edit or delete of an occurrence with a scope."""
    changes = given.as_dict()
    permissions.check_may_set_money(ctx, permissions.given(changes))
    if delete and changes:
        raise Invalid(
            "A delete takes no changes: send `changes` only with action edit.",
            field="changes",
            code=ErrorCode.invalid,
        )
    if scope == "this" and "rule" in changes:
        raise Invalid(
            "One occurrence has no rule of its own: change the rule with scope following or all.",
            field="changes.rule",
            code=ErrorCode.invalid,
        )
    occurrence = await appointments.get_appointment(ctx, appointment_id, for_update=True)
    if occurrence.series_id is None:
        raise Invalid("This appointment is not part of a series.", field="scope", code=ErrorCode.invalid)
    permissions.check_may_hold_practice_wide(ctx, occurrence)
    series_repository = SeriesRepository(ctx.session)
    series = await series_repository.get(occurrence.series_id, for_update=True)
    assert series is not None
    now = ctx.clock.now()
    plan = Plan(scope=scope)
    tz = ZoneInfo(series.time_zone)

    if scope == "this":
        # The same rules as for a lone appointment, in the preview too (a signed note, a live bill).
        if delete:
            await appointments.check_deletable(ctx, occurrence)
            plan.deletes.append(_ref(occurrence))
        else:
            await locks.ensure_unlocked(ctx, occurrence)
            await locks.ensure_billing_fields_free(
                ctx, occurrence, {k for k, v in changes.items() if getattr(occurrence, k) != v}
            )
            candidate = await _checked_candidate(ctx, occurrence, changes)
            plan.moves.append(
                {
                    **_ref(occurrence),
                    "to_starts_at": candidate.starts_at.isoformat(),
                    "to_ends_at": candidate.ends_at.isoformat(),
                }
            )
            await _record_clashes(ctx, plan, candidate)
        if not dry_run:
            await _apply_this(ctx, occurrence, changes, delete, allow_conflicts, plan)
        return plan

    # following / all: the series is split at a pivot slot; from there on it has its new shape. For `all`
    # the pivot is the first occurrence that may still change: what happened stays under the old rule.
    existing = await series_repository.occurrences(series.id, for_update=True)
    held = await _kept_back(ctx, existing, now)
    if held.get(occurrence.id) is _EXCEPTION:
        # The occurrence a person acts on takes the change, even one edited on its own before (the locks
        # of a signed note, a bill, the past, an outcome or a group still hold it).
        del held[occurrence.id]
    slots = _slots_of(series, max((a.series_index or 0) for a in existing))
    own = slots.get(occurrence.series_index) if occurrence.series_index is not None else None
    # Occurrences left behind by an earlier split (held then) are no longer the rule's: never touched.
    in_rule = [a for a in existing if a.series_index in slots]
    outside: list[dict[str, Any]] = []
    if own is None:
        if occurrence.id not in held:
            raise Invalid(
                "An earlier change of the series left this occurrence outside its rule: change it on its "
                "own (scope this).",
                field="scope",
                code=ErrorCode.invalid,
            )
        # Still held back: kept, as before; `all` changes the rest of the series, a drag read from here.
        outside = [_kept(occurrence, held[occurrence.id])]
        local = occurrence.starts_at.astimezone(tz)
        own = Occurrence(
            local.date(), occurrence.starts_at, occurrence.ends_at, None, occurrence.series_index or 0
        )
    if scope == "following":
        pivot: int | None = None if outside else own.index
    else:
        pivot = min(
            (a.series_index for a in in_rule if a.id not in held and a.series_index is not None), default=None
        )
    if pivot is None:  # nothing that may change: the plan only says why
        plan.kept = [_kept(a, held[a.id]) for a in in_rule if held[a.id] is not locks.PAST] + outside
        plan.series_id = str(series.id)
        return plan
    rows = {a.series_index: a for a in in_rule if a.series_index is not None and a.series_index >= pivot}
    first_date = slots[pivot].local_date
    if delete:
        steps = _Steps()
        for index in sorted(rows):
            row = rows[index]
            if row.id in held:
                plan.kept.append(_kept(row, held[row.id]))
            else:
                plan.deletes.append(_ref(row))
                steps.deletes.append(row)
        plan.kept += outside
        if not dry_run:
            await _apply_series(ctx, series, None, scope, first_date, steps)
        return plan

    new_series = _reshaped(series, occurrence, own, first_date, changes, tz, now, pivot)
    with _named_under_changes():
        new_series.template = await _checked_template(
            ctx,
            _loaded(new_series.template),
            new_series.time_zone,
            (changes.get("starts_at", occurrence.starts_at), changes.get("ends_at", occurrence.ends_at)),
            price_given=True,
        )
    steps = _map_onto(new_series, series, slots, rows, pivot, held, now)
    steps.land(occurrence, _landing(occurrence, changes))
    for step in steps.moves:
        plan.moves.append(
            {
                **_ref(step.row),
                "to_starts_at": step.starts_at.isoformat(),
                "to_ends_at": step.ends_at.isoformat(),
            }
        )
    plan.kept = [_kept(row, held[row.id]) for row in steps.kept] + outside
    plan.deletes = [_ref(row) for row in steps.deletes]
    plan.creates = [
        {"starts_at": o.starts_at.isoformat(), "ends_at": o.ends_at.isoformat()} for o in steps.creates
    ]
    for step in steps.moves:
        candidate = _candidate(new_series, step.row, step.slot)
        candidate.starts_at, candidate.ends_at = step.starts_at, step.ends_at
        await _record_clashes(ctx, plan, candidate)
    for slot in steps.creates:
        await _record_clashes(ctx, plan, _occurrence(new_series, slot, now))
    if dry_run:
        return plan
    if plan.clashes and not allow_conflicts:
        raise clash_checks.SchedulingClash(plan.found)
    await _apply_series(ctx, series, new_series, scope, first_date, steps)
    plan.series_id = str(new_series.id)
    return plan


@dataclass
class _Move:
    row: Appointment
    slot: Occurrence  # its place in the new series
    starts_at: datetime  # where it lands: the slot, or where a person put the occurrence they acted on
    ends_at: datetime

    @property
    def exception(self) -> bool:
        return (self.starts_at, self.ends_at) != (self.slot.starts_at, self.slot.ends_at)


@dataclass
class _Steps:
    """What a `following`/`all` change does to each occurrence from the pivot on."""

    moves: list[_Move] = field(default_factory=list)
    kept: list[Appointment] = field(default_factory=list)
    deletes: list[Appointment] = field(default_factory=list)
    creates: list[Occurrence] = field(default_factory=list)
    rehomed: list[tuple[Appointment, int]] = field(default_factory=list)  # kept, but in the new series

    def land(self, occurrence: Appointment, at: tuple[datetime, datetime] | None) -> None:
        for step in self.moves:
            if step.row.id == occurrence.id and at is not None:
                step.starts_at, step.ends_at = at


def _slots_of(series: AppointmentSeries, last_index: int) -> dict[int, Occurrence]:
    """The series' slots by index: up to `last_index` and every one it has materialised."""
    found: dict[int, Occurrence] = {}
    for slot in _iter_slots(series):
        if slot.index > last_index and slot.starts_at >= series.materialised_until:
            break
        found[slot.index] = slot
    return found


def _iter_slots(series: AppointmentSeries) -> Iterator[Occurrence]:
    return occurrences(
        parse_rule(series.rule),
        series.start_date,
        _clock_time(series.local_time),
        timedelta(minutes=series.duration_minutes),
        ZoneInfo(series.time_zone),
    )


def _map_onto(
    new_series: AppointmentSeries,
    series: AppointmentSeries,
    slots: dict[int, Occurrence],
    rows: dict[int, Appointment],
    pivot: int,
    held: dict[uuid.UUID, locks.Hold],
    now: datetime,
) -> _Steps:
    """Occurrence `pivot + n` of the old series becomes occurrence `n` of the new one, so a series keeps its
    count and its gaps: a slot whose occurrence is kept (held back) is still taken by it, one deleted on its
    own stays deleted, and only slots the old series had not materialised yet are created."""
    steps = _Steps()
    rows = dict(rows)
    materialised = {i for i, slot in slots.items() if slot.starts_at < series.materialised_until}
    last_offset = max(rows, default=pivot - 1) - pivot
    for slot in _iter_slots(new_series):
        if slot.index > last_offset and slot.starts_at >= new_series.materialised_until:
            break
        row = rows.pop(pivot + slot.index, None)
        if row is None:
            if (
                pivot + slot.index not in materialised
                and now <= slot.starts_at < new_series.materialised_until
            ):
                steps.creates.append(slot)
        elif row.id in held:
            steps.kept.append(row)
            if held[row.id] is _EXCEPTION:
                steps.rehomed.append((row, slot.index))
        else:
            steps.moves.append(_Move(row, slot, slot.starts_at, slot.ends_at))
    for index in sorted(rows):  # past the new rule's end
        (steps.kept if rows[index].id in held else steps.deletes).append(rows[index])
    return steps


def _landing(occurrence: Appointment, changes: dict[str, Any]) -> tuple[datetime, datetime] | None:
    """Where the occurrence a person acts on lands: where they put it; with a new rule and no time, its
    slot (None); with neither, where it is."""
    if "starts_at" in changes or "ends_at" in changes:
        return (
            changes.get("starts_at", occurrence.starts_at).astimezone(UTC),
            changes.get("ends_at", occurrence.ends_at).astimezone(UTC),
        )
    if "rule" in changes:
        return None
    return occurrence.starts_at, occurrence.ends_at


def _kept(appointment: Appointment, hold: locks.Hold) -> dict[str, Any]:
    return {
        **_ref(appointment),
        "reason_code": hold.reason_code,
        "reason": hold.reason,
        "status": appointment.status.value,
    }


def _ref(appointment: Appointment) -> dict[str, Any]:
    return {
        "appointment_id": str(appointment.id),
        "starts_at": appointment.starts_at.isoformat(),
        "ends_at": appointment.ends_at.isoformat(),
    }


async def _checked_candidate(ctx: Context, occurrence: Appointment, changes: dict[str, Any]) -> Appointment:
    """The occurrence as the change of `this` one would leave it, not saved, after the checks a PATCH
    makes (the preview refuses what applying it would)."""
    candidate = Appointment(
        **{name: getattr(occurrence, name) for name in TEMPLATE_FIELDS},
        id=occurrence.id,
        starts_at=changes.get("starts_at", occurrence.starts_at).astimezone(UTC),
        ends_at=changes.get("ends_at", occurrence.ends_at).astimezone(UTC),
        time_zone=occurrence.time_zone,
        group_id=occurrence.group_id,
    )
    for name, value in changes.items():
        if name in TEMPLATE_FIELDS:
            setattr(candidate, name, value)
    with _named_under_changes():
        await appointments.prepare(ctx, candidate, price_given=True)
    return candidate


async def _record_clashes(ctx: Context, plan: Plan, candidate: Appointment) -> None:
    found = await clash_checks.clashes_of(ctx, candidate)
    if found:
        plan.clashes.append(
            {"starts_at": candidate.starts_at.isoformat(), "with": [str(c.appointment.id) for c in found]}
        )
        plan.found.extend(found)


def _candidate(series: AppointmentSeries, appointment: Appointment, target: Occurrence) -> Appointment:
    candidate = _occurrence(series, target, appointment.created_at)
    candidate.id = appointment.id
    candidate.group_id = appointment.group_id
    return candidate


def _reshaped(
    series: AppointmentSeries,
    occurrence: Appointment,
    own: Occurrence,
    first_date: date,
    changes: dict[str, Any],
    tz: ZoneInfo,
    now: datetime,
    pivot: int,
) -> AppointmentSeries:
    """The series as it will be from the pivot slot (on `first_date`) on, not saved. A drag is read against
    the slot of the occurrence acted on (`own`), not where it stands: one moved on its own from Tuesday
    to Wednesday, then dragged to 17:00, moves the rest to Wednesdays at 17:00 (its slot's day + 1). Without
    a new rule, a counted rule keeps what remained (the series keeps its count) and `until` moves with the
    days."""
    explicit = "rule" in changes
    rule = parse_rule(changes["rule"]) if explicit else parse_rule(series.rule)
    local_time = _clock_time(series.local_time)
    duration = series.duration_minutes
    shift = 0
    if "starts_at" in changes:
        new_start = changes["starts_at"].astimezone(tz)
        new_end = changes.get("ends_at", occurrence.ends_at).astimezone(tz)
        local_time = new_start.time().replace(second=0, microsecond=0)
        duration = max(1, int((new_end - new_start).total_seconds() // 60))
        shift = (new_start.date() - own.local_date).days
    elif "ends_at" in changes:
        duration = max(1, int((changes["ends_at"] - occurrence.starts_at).total_seconds() // 60))
    if not explicit:
        if rule.count is not None:
            rule = parse_rule({**rule_to_json(rule), "count": max(1, rule.count - pivot)})
        if shift:
            rule = _shift_rule(rule, shift)
    if "duration_minutes" in changes:
        duration = changes["duration_minutes"]
    if "local_time" in changes:
        local_time = changes["local_time"]
    start_date = first_date + timedelta(days=shift)
    if rule.until is not None and rule.until < start_date:
        # A rule that ends before its first occurrence would turn an edit into a silent delete of the rest.
        raise Invalid(
            f"The rule ends ({rule.until.isoformat()}) before the series it changes starts "
            f"({start_date.isoformat()}): to remove the sessions, delete them with this scope instead.",
            field="changes.rule.until",
            code=ErrorCode.date,
        )
    template = _loaded(series.template)
    template.update({k: v for k, v in changes.items() if k in TEMPLATE_FIELDS})
    return AppointmentSeries(
        id=uuid.uuid4(),
        template=_stored(template),
        time_zone=series.time_zone,
        start_date=start_date,
        local_time=local_time.strftime("%H:%M"),
        duration_minutes=duration,
        rule=rule_to_json(rule),
        materialised_until=max(series.materialised_until, now + HORIZON),
        created_at=now,
        updated_at=now,
    )


async def _apply_this(
    ctx: Context,
    occurrence: Appointment,
    changes: dict[str, Any],
    delete: bool,
    allow_conflicts: bool,
    plan: Plan,
) -> None:
    if delete:
        await appointments.delete_appointment(ctx, occurrence.id)
        return
    occurrence.series_exception = True
    await appointments.update_appointment(
        ctx, occurrence.id, appointments.AppointmentChanges(**changes, allow_conflicts=allow_conflicts)
    )


async def _apply_series(
    ctx: Context,
    series: AppointmentSeries,
    new_series: AppointmentSeries | None,
    scope: str,
    first_date: date,
    steps: _Steps,
) -> None:
    """Applies the plan's steps: the old series ends the day before the pivot slot; a new one (none for a
    delete) takes the moved, created and re-homed occurrences at their slots' indexes."""
    now = ctx.clock.now()
    kept = truncate_before(parse_rule(series.rule), first_date, start_local_date=series.start_date)
    series.rule = dict(rule_to_json(kept))
    series.updated_at = now
    repository = AppointmentRepository(ctx.session)
    for appointment in steps.deletes:
        await repository.delete(appointment)
    if new_series is not None:
        await SeriesRepository(ctx.session).add(new_series)
        # Moved rows get the new series' indexes: park them first ((series, index) is unique).
        for appointment in [step.row for step in steps.moves] + [row for row, _ in steps.rehomed]:
            appointment.series_index = None
        await ctx.session.flush()
        template = _loaded(new_series.template)
        for step in steps.moves:
            appointment = step.row
            for name, value in template.items():
                setattr(appointment, name, value)
            appointment.starts_at, appointment.ends_at = step.starts_at, step.ends_at
            appointment.series_id, appointment.series_index = new_series.id, step.slot.index
            appointment.series_exception = step.exception
            appointment.time_adjusted = None if step.exception else step.slot.time_adjusted
            appointment.updated_at = now
        # Edited on its own and kept as it is, but still one of the series' occurrences (it counts).
        for appointment, index in steps.rehomed:
            appointment.series_id, appointment.series_index = new_series.id, index
        ctx.session.add_all([_occurrence(new_series, slot, now) for slot in steps.creates])
    await ctx.session.flush()
    audit.record(
        ctx,
        "series.edited" if new_series is not None else "series.deleted",
        object_type="series",
        object_id=(new_series or series).id,
        scope=scope,
        moved=len(steps.moves),
        created=len(steps.creates),
        deleted=len(steps.deletes),
    )
    for step in steps.moves:
        await appointments.announce(ctx, step.row, "moved")
