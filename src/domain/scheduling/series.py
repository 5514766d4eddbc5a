"""Recurring series: a template, a rule over local wall time, and materialised occurrences (ordinary
appointments) up to a horizon the daily job extends.

Edits and deletes take a scope: `this` (one occurrence, kept as an exception), `following` (the series is
split: the old one ends the day before, a new one starts here), `all` (every occurrence that has not
happened). Occurrences the locks hold back (past, not `scheduled`, a signed note, a bill) or edited on
their own are never touched by `following`/`all`. Every edit is planned first; `dry_run` answers the
plan, and without it exactly that plan is applied. The changed fields get the one validation of an
appointment's fields (`appointments.prepare`), with each problem named under `changes.`."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from tend.core.enums import AppointmentKind, AppointmentStatus, Availability, ContactMedium, ContactWith
from tend.core.errors import ErrorCode, FieldProblem, Invalid
from tend.domain import audit
from tend.domain.context import Context
from tend.domain.practice.settings import check_time_zone, get_practice
from tend.domain.scheduling import appointments, locks
from tend.domain.scheduling.recurrence import (
    Frequency,
    Occurrence,
    RecurrenceRule,
    Weekday,
    expand,
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
    today = ctx.clock.now().astimezone(ZoneInfo(zone)).date()
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


async def create_series(ctx: Context, data: dict[str, Any]) -> SeriesResult:
    """Creates the series and its occurrences up to the horizon; clashes of any occurrence are a 409
    (unless allowed)."""
    appointments.check_may_set_money(ctx, data)
    allow_conflicts = bool(data.pop("allow_conflicts", False))
    practice = await get_practice(ctx)
    zone = check_time_zone(data.get("time_zone") or practice.time_zone)
    start_date: date = data["start_date"]
    _check_start(ctx, start_date, zone)
    rule = parse_rule(data["rule"], starts_on=start_date)
    template = {name: data.get(name) for name in TEMPLATE_FIELDS}
    template["modifiers"] = template["modifiers"] or []
    template["reminders"] = template["reminders"] or []
    template["feedback_request"] = bool(template["feedback_request"])
    now = ctx.clock.now()
    series = AppointmentSeries(
        id=uuid.uuid4(),
        template={},
        time_zone=zone,
        start_date=start_date,
        local_time=data["local_time"].strftime("%H:%M"),
        duration_minutes=data["duration_minutes"],
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
    if not allow_conflicts:
        clashes = [c for o in occurrences for c in await appointments.clashes_of(ctx, o)]
        if clashes:
            raise appointments.SchedulingClash(clashes)
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
    found: list[appointments.Clash] = field(default_factory=list)  # for the 409, not shown
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
    """The same rule on other days (a drag from Tuesday to Wednesday moves every Tuesday)."""
    if days % 7 == 0 and rule.freq is Frequency.weekly:
        return rule
    order = list(Weekday)
    weekdays = tuple(order[(order.index(d) + days) % 7] for d in rule.by_weekday)
    month_days = tuple(min(31, max(1, d + days)) for d in rule.by_month_day)
    data = {**rule_to_json(rule), **({"by_weekday": [d.value for d in weekdays]} if weekdays else {})}
    if month_days:
        data["by_month_day"] = sorted(set(month_days))
    return parse_rule(data)


async def edit_series(
    ctx: Context,
    appointment_id: uuid.UUID,
    scope: str,
    changes: dict[str, Any],
    *,
    dry_run: bool,
    allow_conflicts: bool = False,
    delete: bool = False,
) -> Plan:
    """Plans (and unless `dry_run`, applies) an edit or delete of an occurrence with a scope."""
    appointments.check_may_set_money(ctx, changes)
    if scope == "this" and "rule" in changes:
        raise Invalid(
            "One occurrence has no rule of its own: change the rule with scope following or all.",
            field="changes.rule",
            code=ErrorCode.invalid,
        )
    occurrence = await appointments.get_appointment(ctx, appointment_id, for_update=True)
    if occurrence.series_id is None:
        raise Invalid("This appointment is not part of a series.", field="scope", code=ErrorCode.invalid)
    appointments.check_may_hold_practice_wide(ctx, occurrence)
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

    # following / all: the series is split at a pivot; from there on it has its new shape. For `all` the
    # pivot is the first occurrence that may still change: what happened stays under the old rule.
    existing = await series_repository.occurrences(series.id, for_update=True)
    held = await _kept_back(ctx, existing, now)
    if scope == "following":
        pivot_date, pivot_index = occurrence.starts_at.astimezone(tz).date(), occurrence.series_index
    else:
        changeable = sorted((a for a in existing if a.id not in held), key=lambda a: a.starts_at)
        first = changeable[0] if changeable else None
        pivot_date = (first.starts_at if first else now).astimezone(tz).date()
        pivot_index = first.series_index if first else None
    new_series = _reshaped(series, occurrence, changes, tz, pivot_date, now, pivot_index)
    if not delete:
        with _named_under_changes():
            new_series.template = await _checked_template(
                ctx,
                _loaded(new_series.template),
                new_series.time_zone,
                (changes.get("starts_at", occurrence.starts_at), changes.get("ends_at", occurrence.ends_at)),
                price_given=True,
            )
    affected = [a for a in existing if a.starts_at.astimezone(tz).date() >= pivot_date]
    movable = []
    for appointment in affected:
        hold = held.get(appointment.id)
        if hold:
            plan.kept.append(
                {
                    **_ref(appointment),
                    "reason_code": hold.reason_code,
                    "reason": hold.reason,
                    "status": appointment.status.value,
                }
            )
        else:
            movable.append(appointment)
    blocked_days = {a.starts_at.astimezone(tz).date() for a in affected if a not in movable}
    targets = [] if delete else [
        o for o in _expand(new_series, max(series.materialised_until, now + HORIZON), start=now)
        if o.local_date not in blocked_days
    ]  # fmt: skip
    pairs = list(zip(movable, targets, strict=False))
    for appointment, target in pairs:
        plan.moves.append(
            {
                **_ref(appointment),
                "to_starts_at": target.starts_at.isoformat(),
                "to_ends_at": target.ends_at.isoformat(),
            }
        )
    for appointment in movable[len(pairs) :]:
        plan.deletes.append(_ref(appointment))
    for target in targets[len(pairs) :]:
        plan.creates.append(
            {"starts_at": target.starts_at.isoformat(), "ends_at": target.ends_at.isoformat()}
        )
    if not delete:
        for appointment, target in pairs:
            candidate = _candidate(new_series, appointment, target)
            await _record_clashes(ctx, plan, candidate)
        for target in targets[len(pairs) :]:
            await _record_clashes(ctx, plan, _occurrence(new_series, target, now))
    if dry_run:
        return plan
    if plan.clashes and not allow_conflicts:
        raise appointments.SchedulingClash(plan.found)
    await _apply_series(
        ctx, series, new_series, scope, pivot_date, pairs, movable[len(pairs) :], targets[len(pairs) :]
    )
    plan.series_id = str(new_series.id)
    return plan


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
    found = await appointments.clashes_of(ctx, candidate)
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
    changes: dict[str, Any],
    tz: ZoneInfo,
    pivot_date: date,
    now: datetime,
    pivot_index: int | None,
) -> AppointmentSeries:
    """The series as it will be from the pivot on, not saved. A counted rule keeps only what remained."""
    rule = parse_rule(changes["rule"]) if "rule" in changes else parse_rule(series.rule)
    if "rule" not in changes and rule.count is not None and pivot_index is not None:
        rule = parse_rule({**rule_to_json(rule), "count": max(1, rule.count - pivot_index)})
    local_time = _clock_time(series.local_time)
    duration = series.duration_minutes
    start_date = pivot_date
    if "starts_at" in changes or "ends_at" in changes:
        old_start = occurrence.starts_at.astimezone(tz)
        new_start = changes.get("starts_at", occurrence.starts_at).astimezone(tz)
        new_end = changes.get("ends_at", occurrence.ends_at).astimezone(tz)
        local_time = new_start.time().replace(second=0, microsecond=0)
        duration = max(1, int((new_end - new_start).total_seconds() // 60))
        day_shift = (new_start.date() - old_start.date()).days
        if day_shift and "rule" not in changes:
            rule = _shift_rule(rule, day_shift)
        start_date = new_start.date() if day_shift < 0 else pivot_date
    if "duration_minutes" in changes:
        duration = changes["duration_minutes"]
    if "local_time" in changes:
        local_time = changes["local_time"]
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
    await appointments.update_appointment(ctx, occurrence.id, {**changes, "allow_conflicts": allow_conflicts})


async def _apply_series(
    ctx: Context,
    series: AppointmentSeries,
    new_series: AppointmentSeries,
    scope: str,
    pivot_date: date,
    pairs: list[tuple[Appointment, Occurrence]],
    deleted: list[Appointment],
    created: list[Occurrence],
) -> None:
    now = ctx.clock.now()
    series.rule = rule_to_json(
        truncate_before(parse_rule(series.rule), pivot_date, start_local_date=series.start_date)
    )
    series.updated_at = now
    await SeriesRepository(ctx.session).add(new_series)
    target_series = new_series
    repository = AppointmentRepository(ctx.session)
    for appointment in deleted:
        await repository.delete(appointment)
    # Moved rows get the new series' indexes: park them first ((series, index) is unique).
    for appointment, _ in pairs:
        appointment.series_index = None
    await ctx.session.flush()
    for appointment, target in pairs:
        for name, value in _loaded(target_series.template).items():
            setattr(appointment, name, value)
        appointment.starts_at, appointment.ends_at = target.starts_at, target.ends_at
        appointment.series_id, appointment.series_index = target_series.id, target.index
        appointment.time_adjusted, appointment.updated_at = target.time_adjusted, now
    ctx.session.add_all([_occurrence(target_series, target, now) for target in created])
    await ctx.session.flush()
    audit.record(
        ctx,
        "series.edited",
        object_type="series",
        object_id=target_series.id,
        scope=scope,
        moved=len(pairs),
        created=len(created),
        deleted=len(deleted),
    )
    for appointment, _ in pairs:
        await appointments.announce(ctx, appointment, "moved")
