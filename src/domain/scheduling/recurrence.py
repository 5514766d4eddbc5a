"""Recurrence rules of a series (an RFC 5545 RRULE subset, kept as JSON) and their expansion into concrete
occurrences in the series' zone. Pure: no I/O, no clock.

Choices a caller should know:

- A weekly rule must name its weekdays (`by_weekday`); there is no default to the start's weekday, so a rule
  means the same thing whatever date a series (or the second half of a split series) starts on.
- The series' start date is the earliest possible day, not necessarily an occurrence: the first occurrence is
  the first day on or after it that the rule selects, and `count` counts only such days (dateutil's reading of
  RFC 5545, which would otherwise always count DTSTART). Weeks start on Monday (WKST=MO).
- Monthly `by_month_day` days a month lacks are skipped, as RFC 5545 says: `[31]` has no February occurrence,
  `[29]` has one on 29 February in leap years only.
- Monthly `by_weekday` + `by_set_position` is RFC 5545's BYSETPOS over the set of those weekdays in the month:
  `["TU"]` + 2 is the 2nd Tuesday, `["MO".."FR"]` + -1 the last weekday of the month.
- `until` is a local date, inclusive: every occurrence on that local day is in the series, whatever UTC says.
- Wall-clock time is kept across DST: the UTC instant moves. A wall time that does not exist (spring-forward
  gap) is moved forward by the gap and flagged `nonexistent_local_time`; an ambiguous one (autumn) is its
  first instance. An occurrence ends `duration` later in absolute time, so a session spanning a DST change
  keeps its real length (a 2-hour session from 01:00 on a fall-back night ends at 02:00 local).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any, Final, Required, TypedDict
from zoneinfo import ZoneInfo

from dateutil import rrule as rr

from tend.core.errors import ErrorCode, FieldProblem, Invalid


class Frequency(StrEnum):
    weekly = "weekly"
    monthly = "monthly"


class Weekday(StrEnum):
    MO = "MO"
    TU = "TU"
    WE = "WE"
    TH = "TH"
    FR = "FR"
    SA = "SA"
    SU = "SU"


MIN_INTERVAL: Final = 1
MAX_INTERVAL: Final = 52
MAX_COUNT: Final = 730
MAX_MONTH_DAYS: Final = 5
SET_POSITIONS: Final = (1, 2, 3, 4, -1)
NONEXISTENT_LOCAL_TIME: Final = "nonexistent_local_time"

_KEYS: Final = ("freq", "interval", "by_weekday", "by_month_day", "by_set_position", "until", "count")
_WEEKDAY_ORDER: Final = {day: position for position, day in enumerate(Weekday)}
_RRULE_WEEKDAYS: Final = {
    Weekday.MO: rr.MO,
    Weekday.TU: rr.TU,
    Weekday.WE: rr.WE,
    Weekday.TH: rr.TH,
    Weekday.FR: rr.FR,
    Weekday.SA: rr.SA,
    Weekday.SU: rr.SU,
}
_ISO_DATE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class RecurrenceRule:
    """A valid rule, whichever way it was built: construction checks it (raising `Invalid` naming `rule.*`).
    Weekdays are kept in calendar order and month days ascending, so equal rules compare equal."""

    freq: Frequency
    interval: int = 1
    by_weekday: tuple[Weekday, ...] = ()
    by_month_day: tuple[int, ...] = ()
    by_set_position: int | None = None
    until: date | None = None
    count: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "by_weekday", tuple(sorted(self.by_weekday, key=lambda day: _WEEKDAY_ORDER.get(day, 99)))
        )
        object.__setattr__(self, "by_month_day", tuple(sorted(self.by_month_day)))
        problems, _ = _check(rule_to_json(self), "rule")
        if problems:
            raise Invalid("The recurrence rule is not valid.", errors=problems)


@dataclass(frozen=True)
class Occurrence:
    """One occurrence of a series. `local_date` is the day the rule selected; `index` its 0-based position in
    the whole series (the same whatever window it was expanded in)."""

    local_date: date
    starts_at: datetime
    ends_at: datetime
    time_adjusted: str | None
    index: int


def parse_rule(data: Any, field: str = "rule", *, starts_on: date | None = None) -> RecurrenceRule:
    """The rule in `data` (a JSON object), or `Invalid` listing every problem, each naming its part
    (`rule.freq`, `rule.by_weekday.1`, ...). A part given as null counts as absent. With `starts_on` (the
    series' start date), an `until` before it is refused too."""
    if not isinstance(data, Mapping):
        raise Invalid("The recurrence rule must be an object.", field=field, code=ErrorCode.wrong_type)
    problems, parts = _check(data, field)
    until = parts.get("until")
    if starts_on is not None and isinstance(until, date) and until < starts_on:
        problems.append(
            FieldProblem(f"{field}.until", "The series would end before it starts.", ErrorCode.out_of_range)
        )
    if problems:
        raise Invalid("The recurrence rule is not valid.", errors=problems)
    return RecurrenceRule(**parts)


def check_ends_after(rule: RecurrenceRule, starts_on: date, field: str = "rule") -> RecurrenceRule:
    """The rule, if it can occur on or after the series' first day (an `until` before it cannot)."""
    if rule.until is not None and rule.until < starts_on:
        raise Invalid(
            "The recurrence rule is not valid.",
            errors=[
                FieldProblem(
                    f"{field}.until", "The series would end before it starts.", ErrorCode.out_of_range
                )
            ],
        )
    return rule


class RuleJson(TypedDict, total=False):
    """A rule as stored in the series row and read by `parse_rule` (absent parts are left out)."""

    freq: Required[str]
    interval: Required[int]
    by_weekday: list[str]
    by_month_day: list[int]
    by_set_position: int
    until: str  # YYYY-MM-DD
    count: int


def rule_to_json(rule: RecurrenceRule) -> RuleJson:
    """The JSON object `parse_rule` reads back into an equal rule; absent parts are left out."""
    data: RuleJson = {"freq": str(rule.freq), "interval": rule.interval}
    if rule.by_weekday:
        data["by_weekday"] = [str(day) for day in rule.by_weekday]
    if rule.by_month_day:
        data["by_month_day"] = list(rule.by_month_day)
    if rule.by_set_position is not None:
        data["by_set_position"] = rule.by_set_position
    if rule.until is not None:
        data["until"] = rule.until.isoformat()
    if rule.count is not None:
        data["count"] = rule.count
    return data


def expand(
    rule: RecurrenceRule,
    start_local_date: date,
    local_time: time,
    duration: timedelta,
    tz: ZoneInfo,
    *,
    window_start_utc: datetime | None = None,
    until_utc: datetime,
) -> list[Occurrence]:
    """The series' occurrences starting before `until_utc` (the materialisation horizon) and, when given, at
    or after `window_start_utc`. `count` and `index` are reckoned from the series' start, not the window."""
    horizon = _utc(until_utc, "until_utc")
    window_start = _utc(window_start_utc, "window_start_utc") if window_start_utc is not None else None
    found: list[Occurrence] = []
    for occurrence in _occurrences(rule, start_local_date, local_time, duration, tz):
        # Occurrences are at least a day apart and offsets move by hours: starts only ever increase.
        if occurrence.starts_at >= horizon:
            break
        if window_start is None or occurrence.starts_at >= window_start:
            found.append(occurrence)
    return found


def occurrence_on_or_after(
    rule: RecurrenceRule,
    start_local_date: date,
    local_time: time,
    tz: ZoneInfo,
    moment_utc: datetime,
    *,
    duration: timedelta = timedelta(0),
) -> Occurrence | None:
    """The first occurrence starting at or after `moment_utc`, or None when the series ends before it.
    `ends_at` is `starts_at + duration` (the same instant unless a duration is given)."""
    moment = _utc(moment_utc, "moment_utc")
    for occurrence in _occurrences(rule, start_local_date, local_time, duration, tz):
        if occurrence.starts_at >= moment:
            return occurrence
    return None


def occurrences(
    rule: RecurrenceRule, start_local_date: date, local_time: time, duration: timedelta, tz: ZoneInfo
) -> Iterator[Occurrence]:
    """Every occurrence of the series in order, lazily (an open-ended rule never ends: stop reading)."""
    return _occurrences(rule, start_local_date, local_time, duration, tz)


def truncate_before(
    rule: RecurrenceRule, local_date: date, *, start_local_date: date | None = None
) -> RecurrenceRule:
    """The same rule ending the day before `local_date` (the old half of a "this and following" split), never
    later than the rule already ended. A `count` becomes the equivalent `until`, which needs the series'
    `start_local_date` (count is reckoned from it). If `local_date` is on or before the first occurrence the
    result has no occurrences: the caller should treat that as an edit of the whole series."""
    last_day = local_date - timedelta(days=1)
    if rule.count is not None:
        if start_local_date is None:
            raise ValueError("truncating a rule with a count needs the series' start_local_date")
        counted = list(_rrule(rule, datetime.combine(start_local_date, time())))
        if counted:
            last_day = min(last_day, counted[-1].date())
        return replace(rule, count=None, until=last_day)
    if rule.until is not None:
        last_day = min(last_day, rule.until)
    return replace(rule, until=last_day)


def _occurrences(
    rule: RecurrenceRule, start_local_date: date, local_time: time, duration: timedelta, tz: ZoneInfo
) -> Iterator[Occurrence]:
    if local_time.tzinfo is not None:
        raise ValueError("local_time must be a naive wall-clock time")
    if duration < timedelta(0):
        raise ValueError("duration must not be negative")
    for index, wall in enumerate(_rrule(rule, datetime.combine(start_local_date, local_time))):
        # rrule drops microseconds from its start: rebuild the wall time from the day it chose.
        starts_at, adjusted = _localise(datetime.combine(wall.date(), local_time), tz)
        yield Occurrence(wall.date(), starts_at, starts_at + duration, adjusted, index)


def _rrule(rule: RecurrenceRule, dtstart: datetime) -> rr.rrule:
    """dateutil's rule over naive local wall times; `until` is the end of its local day (inclusive)."""
    return rr.rrule(
        rr.WEEKLY if rule.freq is Frequency.weekly else rr.MONTHLY,
        dtstart=dtstart,
        interval=rule.interval,
        wkst=rr.MO,
        count=rule.count,
        until=datetime.combine(rule.until, time.max) if rule.until is not None else None,
        bysetpos=rule.by_set_position,
        bymonthday=rule.by_month_day or None,
        byweekday=[_RRULE_WEEKDAYS[day] for day in rule.by_weekday] or None,
    )


def _localise(wall: datetime, tz: ZoneInfo) -> tuple[datetime, str | None]:
    """The UTC instant of a naive wall time in `tz`. fold=0 takes the first of an ambiguous time and, for a
    time in a gap, the offset before it (PEP 495), which lands `gap` later on the clock: moved, flagged."""
    instant = wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
    if instant.astimezone(tz).replace(tzinfo=None) == wall:
        return instant, None
    return instant, NONEXISTENT_LOCAL_TIME


def _utc(moment: datetime, name: str) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime")
    return moment.astimezone(UTC)


def _check(data: Mapping[str, Any], field: str) -> tuple[list[FieldProblem], dict[str, Any]]:
    """Every problem of a rule's JSON, and the parts that parsed (keyword arguments of `RecurrenceRule`)."""
    problems: list[FieldProblem] = []
    parts: dict[str, Any] = {}

    def problem(part: str, message: str, code: ErrorCode) -> None:
        problems.append(FieldProblem(f"{field}.{part}", message, code))

    for key in data:
        if key not in _KEYS:
            message = f"Not a part of a recurrence rule; use {', '.join(_KEYS)}."
            problem(str(key), message, ErrorCode.unknown_field)

    # Cross-part checks look at what was given, valid or not, so one mistake is not reported twice.
    given = {key for key in _KEYS if data.get(key) is not None}

    freq = data.get("freq")
    if freq is None:
        problem("freq", "Choose how often the series repeats: weekly or monthly.", ErrorCode.required)
    elif not isinstance(freq, str) or freq not in Frequency.__members__:
        problem("freq", "Use weekly or monthly.", ErrorCode.choice)
    else:
        parts["freq"] = Frequency(freq)

    for key, low, high, label in (
        ("interval", MIN_INTERVAL, MAX_INTERVAL, "The interval"),
        ("count", 1, MAX_COUNT, "The number of occurrences"),
    ):
        if key not in given:
            continue
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, int):
            problem(key, f"{label} must be a whole number.", ErrorCode.wrong_type)
        elif not low <= value <= high:
            problem(key, f"{label} must be from {low} to {high}.", ErrorCode.out_of_range)
        else:
            parts[key] = value

    if "by_weekday" in given:
        empty = "Choose at least one day of the week."
        days = _list_of(data["by_weekday"], "by_weekday", empty, problem, _weekday_problem)
        if days is not None:
            parts["by_weekday"] = tuple(Weekday(day) for day in days)

    if "by_month_day" in given:
        empty = "Choose at least one day of the month."
        month_days = _list_of(data["by_month_day"], "by_month_day", empty, problem, _day_problem)
        if month_days is not None and len(month_days) > MAX_MONTH_DAYS:
            problem("by_month_day", f"At most {MAX_MONTH_DAYS} days of the month.", ErrorCode.too_long)
        elif month_days is not None:
            parts["by_month_day"] = tuple(month_days)

    if "by_set_position" in given:
        position = data["by_set_position"]
        if isinstance(position, bool) or not isinstance(position, int):
            problem("by_set_position", "The position must be a whole number.", ErrorCode.wrong_type)
        elif position not in SET_POSITIONS:
            problem(
                "by_set_position",
                "The position must be 1, 2, 3 or 4 (first to fourth), or -1 (last).",
                ErrorCode.out_of_range,
            )
        else:
            parts["by_set_position"] = position

    if "until" in given:
        until = data["until"]
        parsed: date | None = None
        if isinstance(until, str) and _ISO_DATE.fullmatch(until):
            try:
                parsed = date.fromisoformat(until)
            except ValueError:
                parsed = None
        if parsed is None:
            problem("until", "Enter the last day as a date, YYYY-MM-DD.", ErrorCode.date)
        else:
            parts["until"] = parsed

    if "until" in given and "count" in given:
        message = "End the series either on a date (until) or after a count, not both."
        problem("count", message, ErrorCode.invalid)

    if parts.get("freq") is Frequency.weekly:
        if "by_weekday" not in given:
            problem("by_weekday", "Choose the days of the week the series repeats on.", ErrorCode.required)
        for key in ("by_month_day", "by_set_position"):
            if key in given:
                problem(key, f"Only a monthly series takes {key}.", ErrorCode.invalid)
    elif parts.get("freq") is Frequency.monthly:
        if "by_month_day" in given and {"by_weekday", "by_set_position"} & given:
            problem(
                "by_month_day",
                "Repeat either on days of the month or on a weekday's position (by_weekday with "
                "by_set_position), not both.",
                ErrorCode.invalid,
            )
        elif not {"by_month_day", "by_weekday", "by_set_position"} & given:
            problem(
                "by_month_day",
                "Choose the days of the month (e.g. the 15th), or a weekday and its position (e.g. the 2nd "
                "Tuesday) with by_weekday and by_set_position.",
                ErrorCode.required,
            )
        elif "by_weekday" in given and "by_set_position" not in given:
            problem(
                "by_set_position",
                "Say which of those weekdays in the month: 1 to 4, or -1 for the last.",
                ErrorCode.required,
            )
        elif "by_set_position" in given and "by_weekday" not in given:
            problem("by_weekday", "Choose the day of the week the position counts.", ErrorCode.required)
    return problems, parts


def _list_of(
    value: Any,
    part: str,
    empty_message: str,
    problem: Callable[[str, str, ErrorCode], None],
    item_problem: Callable[[Any], tuple[str, ErrorCode] | None],
) -> list[Any] | None:
    """The items of a JSON list that are each valid and unique, or None after reporting what is wrong."""
    if not isinstance(value, list):
        problem(part, "Give a list.", ErrorCode.wrong_type)
        return None
    if not value:
        problem(part, empty_message, ErrorCode.required)
        return None
    ok = True
    seen: list[Any] = []
    for position, item in enumerate(value):
        issue = item_problem(item)
        if issue is None and item in seen:
            issue = ("Listed more than once.", ErrorCode.duplicate_value)
        if issue is not None:
            problem(f"{part}.{position}", *issue)
            ok = False
        else:
            seen.append(item)
    return seen if ok else None


def _weekday_problem(item: Any) -> tuple[str, ErrorCode] | None:
    if isinstance(item, str) and item in Weekday.__members__:
        return None
    return "Use MO, TU, WE, TH, FR, SA or SU.", ErrorCode.choice


def _day_problem(item: Any) -> tuple[str, ErrorCode] | None:
    if isinstance(item, bool) or not isinstance(item, int):
        return "A day of the month is a whole number.", ErrorCode.wrong_type
    if not 1 <= item <= 31:
        return "A day of the month is from 1 to 31.", ErrorCode.out_of_range
    return None
