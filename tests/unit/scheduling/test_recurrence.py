from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import event, example, given, settings
from hypothesis import strategies as st

from tend.core.errors import ErrorCode, Invalid
from tend.domain.scheduling.recurrence import (
    NONEXISTENT_LOCAL_TIME,
    Frequency,
    Occurrence,
    RecurrenceRule,
    Weekday,
    expand,
    occurrence_on_or_after,
    parse_rule,
    rule_to_json,
    truncate_before,
)

NEW_YORK = ZoneInfo("America/New_York")
SYDNEY = ZoneInfo("Australia/Sydney")
LIMA = ZoneInfo("America/Lima")
HOUR = timedelta(hours=1)
FAR = datetime(2100, 1, 1, tzinfo=UTC)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def series(
    data: dict[str, Any],
    start: date,
    at: time = time(9),
    tz: ZoneInfo = NEW_YORK,
    *,
    duration: timedelta = HOUR,
    window_start_utc: datetime | None = None,
    until_utc: datetime = FAR,
) -> list[Occurrence]:
    return expand(
        parse_rule(data), start, at, duration, tz, window_start_utc=window_start_utc, until_utc=until_utc
    )


def local_dates(occurrences: list[Occurrence]) -> list[date]:
    return [o.local_date for o in occurrences]


def dates(year: int, *month_days: tuple[int, int]) -> list[date]:
    return [date(year, month, day) for month, day in month_days]


def problems_of(data: Any, **kwargs: Any) -> set[tuple[str, ErrorCode]]:
    with pytest.raises(Invalid) as caught:
        parse_rule(data, **kwargs)
    return {(p.field, p.code) for p in caught.value.errors}


# --- Parsing and validation ---


@pytest.mark.parametrize(
    "data",
    [
        {"freq": "weekly", "interval": 2, "by_weekday": ["MO", "WE"], "until": "2026-06-30"},
        {"freq": "monthly", "interval": 1, "by_month_day": [15], "count": 10},
        {"freq": "monthly", "interval": 1, "by_weekday": ["TU"], "by_set_position": 2},
        {"freq": "monthly", "interval": 3, "by_weekday": ["FR"], "by_set_position": -1},
        {"freq": "weekly", "interval": 52, "by_weekday": ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]},
        {"freq": "monthly", "interval": 1, "by_month_day": [1, 8, 15, 22, 31], "count": 730},
    ],
)
def test_valid_rules_round_trip_through_json(data: dict[str, Any]) -> None:
    rule = parse_rule(data)
    assert rule_to_json(rule) == data
    assert parse_rule(json.loads(json.dumps(rule_to_json(rule)))) == rule


def test_parsed_rule_has_typed_parts() -> None:
    rule = parse_rule({"freq": "weekly", "interval": 2, "by_weekday": ["MO", "WE"], "until": "2026-06-30"})
    assert rule == RecurrenceRule(
        freq=Frequency.weekly, interval=2, by_weekday=(Weekday.MO, Weekday.WE), until=date(2026, 6, 30)
    )


def test_interval_defaults_to_one_and_null_parts_count_as_absent() -> None:
    rule = parse_rule(
        {"freq": "monthly", "by_month_day": [15], "until": None, "count": None, "interval": None}
    )
    assert rule.interval == 1
    assert rule.until is None
    assert rule.count is None
    assert rule_to_json(rule) == {"freq": "monthly", "interval": 1, "by_month_day": [15]}


def test_equal_rules_compare_equal_whatever_the_order_of_days() -> None:
    assert parse_rule({"freq": "weekly", "by_weekday": ["FR", "MO", "WE"]}) == parse_rule(
        {"freq": "weekly", "by_weekday": ["MO", "WE", "FR"]}
    )
    assert parse_rule({"freq": "monthly", "by_month_day": [20, 5]}).by_month_day == (5, 20)


@pytest.mark.parametrize(
    ("data", "field", "code"),
    [
        ({}, "rule.freq", ErrorCode.required),
        ({"freq": "daily", "by_weekday": ["MO"]}, "rule.freq", ErrorCode.choice),
        ({"freq": "WEEKLY", "by_weekday": ["MO"]}, "rule.freq", ErrorCode.choice),
        ({"freq": 1, "by_weekday": ["MO"]}, "rule.freq", ErrorCode.choice),
        ({"freq": "weekly", "by_weekday": ["MO"], "interval": 0}, "rule.interval", ErrorCode.out_of_range),
        ({"freq": "weekly", "by_weekday": ["MO"], "interval": 53}, "rule.interval", ErrorCode.out_of_range),
        ({"freq": "weekly", "by_weekday": ["MO"], "interval": True}, "rule.interval", ErrorCode.wrong_type),
        ({"freq": "weekly", "by_weekday": ["MO"], "interval": "2"}, "rule.interval", ErrorCode.wrong_type),
        ({"freq": "weekly", "by_weekday": ["MO"], "interval": 1.5}, "rule.interval", ErrorCode.wrong_type),
        ({"freq": "weekly"}, "rule.by_weekday", ErrorCode.required),
        ({"freq": "weekly", "by_weekday": []}, "rule.by_weekday", ErrorCode.required),
        ({"freq": "weekly", "by_weekday": "MO"}, "rule.by_weekday", ErrorCode.wrong_type),
        ({"freq": "weekly", "by_weekday": ["MO", "XX"]}, "rule.by_weekday.1", ErrorCode.choice),
        ({"freq": "weekly", "by_weekday": ["mo"]}, "rule.by_weekday.0", ErrorCode.choice),
        ({"freq": "weekly", "by_weekday": ["1TU"]}, "rule.by_weekday.0", ErrorCode.choice),
        ({"freq": "weekly", "by_weekday": [0]}, "rule.by_weekday.0", ErrorCode.choice),
        (
            {"freq": "weekly", "by_weekday": ["MO", "WE", "MO"]},
            "rule.by_weekday.2",
            ErrorCode.duplicate_value,
        ),
        (
            {"freq": "weekly", "by_weekday": ["MO"], "by_month_day": [1]},
            "rule.by_month_day",
            ErrorCode.invalid,
        ),
        (
            {"freq": "weekly", "by_weekday": ["MO"], "by_set_position": 1},
            "rule.by_set_position",
            ErrorCode.invalid,
        ),
        ({"freq": "monthly"}, "rule.by_month_day", ErrorCode.required),
        (
            {"freq": "monthly", "by_month_day": [1], "by_weekday": ["TU"], "by_set_position": 2},
            "rule.by_month_day",
            ErrorCode.invalid,
        ),
        ({"freq": "monthly", "by_weekday": ["TU"]}, "rule.by_set_position", ErrorCode.required),
        ({"freq": "monthly", "by_set_position": 2}, "rule.by_weekday", ErrorCode.required),
        (
            {"freq": "monthly", "by_weekday": ["TU"], "by_set_position": 0},
            "rule.by_set_position",
            ErrorCode.out_of_range,
        ),
        (
            {"freq": "monthly", "by_weekday": ["TU"], "by_set_position": 5},
            "rule.by_set_position",
            ErrorCode.out_of_range,
        ),
        (
            {"freq": "monthly", "by_weekday": ["TU"], "by_set_position": -2},
            "rule.by_set_position",
            ErrorCode.out_of_range,
        ),
        (
            {"freq": "monthly", "by_weekday": ["TU"], "by_set_position": True},
            "rule.by_set_position",
            ErrorCode.wrong_type,
        ),
        ({"freq": "monthly", "by_month_day": 15}, "rule.by_month_day", ErrorCode.wrong_type),
        ({"freq": "monthly", "by_month_day": []}, "rule.by_month_day", ErrorCode.required),
        ({"freq": "monthly", "by_month_day": [0]}, "rule.by_month_day.0", ErrorCode.out_of_range),
        ({"freq": "monthly", "by_month_day": [1, 32]}, "rule.by_month_day.1", ErrorCode.out_of_range),
        ({"freq": "monthly", "by_month_day": [-1]}, "rule.by_month_day.0", ErrorCode.out_of_range),
        ({"freq": "monthly", "by_month_day": ["15"]}, "rule.by_month_day.0", ErrorCode.wrong_type),
        ({"freq": "monthly", "by_month_day": [True]}, "rule.by_month_day.0", ErrorCode.wrong_type),
        ({"freq": "monthly", "by_month_day": [15, 15]}, "rule.by_month_day.1", ErrorCode.duplicate_value),
        ({"freq": "monthly", "by_month_day": [1, 2, 3, 4, 5, 6]}, "rule.by_month_day", ErrorCode.too_long),
        ({"freq": "weekly", "by_weekday": ["MO"], "until": "2026-02-30"}, "rule.until", ErrorCode.date),
        ({"freq": "weekly", "by_weekday": ["MO"], "until": "2026/06/30"}, "rule.until", ErrorCode.date),
        ({"freq": "weekly", "by_weekday": ["MO"], "until": "20260630"}, "rule.until", ErrorCode.date),
        ({"freq": "weekly", "by_weekday": ["MO"], "until": "2026-06-30T00:00"}, "rule.until", ErrorCode.date),
        ({"freq": "weekly", "by_weekday": ["MO"], "until": 20260630}, "rule.until", ErrorCode.date),
        ({"freq": "weekly", "by_weekday": ["MO"], "count": 0}, "rule.count", ErrorCode.out_of_range),
        ({"freq": "weekly", "by_weekday": ["MO"], "count": 731}, "rule.count", ErrorCode.out_of_range),
        ({"freq": "weekly", "by_weekday": ["MO"], "count": "10"}, "rule.count", ErrorCode.wrong_type),
        ({"freq": "weekly", "by_weekday": ["MO"], "count": False}, "rule.count", ErrorCode.wrong_type),
        (
            {"freq": "weekly", "by_weekday": ["MO"], "count": 5, "until": "2026-06-30"},
            "rule.count",
            ErrorCode.invalid,
        ),
        ({"freq": "weekly", "by_weekday": ["MO"], "byday": ["MO"]}, "rule.byday", ErrorCode.unknown_field),
        ({"freq": "weekly", "by_weekday": ["MO"], "wkst": "SU"}, "rule.wkst", ErrorCode.unknown_field),
        (["weekly"], "rule", ErrorCode.wrong_type),
        (None, "rule", ErrorCode.wrong_type),
    ],
)
def test_every_validation_problem_names_its_part(data: Any, field: str, code: ErrorCode) -> None:
    assert (field, code) in problems_of(data)


def test_all_problems_are_reported_at_once() -> None:
    problems = problems_of(
        {
            "freq": "weekly",
            "interval": 0,
            "by_weekday": ["MO", "XX", "MO"],
            "by_set_position": 2,
            "until": "tomorrow",
            "count": 1000,
            "colour": "blue",
        }
    )
    assert problems == {
        ("rule.interval", ErrorCode.out_of_range),
        ("rule.by_weekday.1", ErrorCode.choice),
        ("rule.by_weekday.2", ErrorCode.duplicate_value),
        ("rule.by_set_position", ErrorCode.invalid),
        ("rule.until", ErrorCode.date),
        ("rule.count", ErrorCode.out_of_range),
        ("rule.count", ErrorCode.invalid),
        ("rule.colour", ErrorCode.unknown_field),
    }


def test_an_invalid_part_is_not_reported_again_as_missing() -> None:
    assert problems_of({"freq": "weekly", "by_weekday": []}) == {("rule.by_weekday", ErrorCode.required)}
    assert problems_of({"freq": "monthly", "by_month_day": [40]}) == {
        ("rule.by_month_day.0", ErrorCode.out_of_range)
    }


def test_problems_are_named_under_the_given_field() -> None:
    assert problems_of({"freq": "weekly", "by_weekday": ["XX"]}, field="series.rule") == {
        ("series.rule.by_weekday.0", ErrorCode.choice)
    }


def test_until_before_the_series_start_is_refused_when_the_start_is_known() -> None:
    data = {"freq": "weekly", "by_weekday": ["MO"], "until": "2026-01-31"}
    assert problems_of(data, starts_on=date(2026, 2, 1)) == {("rule.until", ErrorCode.out_of_range)}
    assert parse_rule(data, starts_on=date(2026, 1, 31)).until == date(2026, 1, 31)


def test_a_rule_built_directly_is_checked_too() -> None:
    with pytest.raises(Invalid) as caught:
        RecurrenceRule(freq=Frequency.weekly, interval=0)
    assert {(p.field, p.code) for p in caught.value.errors} == {
        ("rule.interval", ErrorCode.out_of_range),
        ("rule.by_weekday", ErrorCode.required),
    }


# --- RFC 5545 examples (DTSTART 1997-09-0x 09:00 America/New_York) ---


def test_rfc_every_other_week_on_monday_wednesday_friday_until_a_date() -> None:
    # RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR (UNTIL is 23 Dec in New York)
    occurrences = series(
        {"freq": "weekly", "interval": 2, "by_weekday": ["MO", "WE", "FR"], "until": "1997-12-23"},
        date(1997, 9, 1),
    )
    assert local_dates(occurrences) == dates(
        1997,
        *[(9, d) for d in (1, 3, 5, 15, 17, 19, 29)],
        *[(10, d) for d in (1, 3, 13, 15, 17, 27, 29, 31)],
        *[(11, d) for d in (10, 12, 14, 24, 26, 28)],
        *[(12, d) for d in (8, 10, 12, 22)],
    )
    assert all(o.starts_at.astimezone(NEW_YORK).time() == time(9) for o in occurrences)
    assert occurrences[0].starts_at == utc(1997, 9, 1, 13)  # EDT
    assert occurrences[-1].starts_at == utc(1997, 12, 22, 14)  # EST


def test_rfc_weekly_for_ten_occurrences() -> None:
    # RRULE:FREQ=WEEKLY;COUNT=10 from Tuesday 2 September 1997
    occurrences = series({"freq": "weekly", "by_weekday": ["TU"], "count": 10}, date(1997, 9, 2))
    assert local_dates(occurrences) == dates(
        1997, (9, 2), (9, 9), (9, 16), (9, 23), (9, 30), (10, 7), (10, 14), (10, 21), (10, 28), (11, 4)
    )
    assert [o.index for o in occurrences] == list(range(10))


def test_rfc_every_other_week_on_tuesday_and_thursday_for_eight_occurrences() -> None:
    # RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH
    occurrences = series(
        {"freq": "weekly", "interval": 2, "by_weekday": ["TU", "TH"], "count": 8}, date(1997, 9, 2)
    )
    assert local_dates(occurrences) == dates(
        1997, (9, 2), (9, 4), (9, 16), (9, 18), (9, 30), (10, 2), (10, 14), (10, 16)
    )


def test_rfc_weekly_on_tuesday_and_thursday_for_five_weeks_by_until_or_by_count() -> None:
    by_until = series({"freq": "weekly", "by_weekday": ["TU", "TH"], "until": "1997-10-06"}, date(1997, 9, 2))
    by_count = series({"freq": "weekly", "by_weekday": ["TU", "TH"], "count": 10}, date(1997, 9, 2))
    assert (
        local_dates(by_until)
        == local_dates(by_count)
        == dates(1997, (9, 2), (9, 4), (9, 9), (9, 11), (9, 16), (9, 18), (9, 23), (9, 25), (9, 30), (10, 2))
    )


def test_rfc_monthly_on_the_2nd_and_15th_for_ten_occurrences() -> None:
    occurrences = series({"freq": "monthly", "by_month_day": [2, 15], "count": 10}, date(1997, 9, 2))
    assert local_dates(occurrences) == [
        *dates(1997, (9, 2), (9, 15), (10, 2), (10, 15), (11, 2), (11, 15), (12, 2), (12, 15)),
        *dates(1998, (1, 2), (1, 15)),
    ]


def test_rfc_monthly_on_the_first_friday_for_ten_occurrences() -> None:
    # RRULE:FREQ=MONTHLY;COUNT=10;BYDAY=1FR
    occurrences = series(
        {"freq": "monthly", "by_weekday": ["FR"], "by_set_position": 1, "count": 10}, date(1997, 9, 5)
    )
    assert local_dates(occurrences) == [
        *dates(1997, (9, 5), (10, 3), (11, 7), (12, 5)),
        *dates(1998, (1, 2), (2, 6), (3, 6), (4, 3), (5, 1), (6, 5)),
    ]


def test_rfc_set_position_counts_over_all_the_listed_weekdays() -> None:
    # RRULE:FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3: the 3rd of any Tuesday, Wednesday or Thursday
    occurrences = series(
        {"freq": "monthly", "by_weekday": ["TU", "WE", "TH"], "by_set_position": 3, "count": 3},
        date(1997, 9, 4),
    )
    assert local_dates(occurrences) == dates(1997, (9, 4), (10, 7), (11, 6))


# --- Monthly ---


def test_monthly_on_the_second_tuesday() -> None:
    occurrences = series(
        {"freq": "monthly", "by_weekday": ["TU"], "by_set_position": 2, "count": 6}, date(2026, 1, 1)
    )
    assert local_dates(occurrences) == dates(2026, (1, 13), (2, 10), (3, 10), (4, 14), (5, 12), (6, 9))


def test_monthly_on_the_last_friday() -> None:
    occurrences = series(
        {"freq": "monthly", "by_weekday": ["FR"], "by_set_position": -1, "until": "2026-06-30"},
        date(2026, 1, 1),
    )
    assert local_dates(occurrences) == dates(2026, (1, 30), (2, 27), (3, 27), (4, 24), (5, 29), (6, 26))


def test_monthly_on_the_last_weekday_of_the_month() -> None:
    occurrences = series(
        {"freq": "monthly", "by_weekday": ["MO", "TU", "WE", "TH", "FR"], "by_set_position": -1, "count": 6},
        date(2026, 1, 1),
    )
    assert local_dates(occurrences) == dates(2026, (1, 30), (2, 27), (3, 31), (4, 30), (5, 29), (6, 30))


def test_monthly_every_third_month_on_the_15th() -> None:
    occurrences = series(
        {"freq": "monthly", "interval": 3, "by_month_day": [15], "count": 4}, date(2026, 2, 1)
    )
    assert local_dates(occurrences) == [*dates(2026, (2, 15), (5, 15), (8, 15), (11, 15))]


def test_monthly_on_the_31st_skips_months_without_one() -> None:
    occurrences = series({"freq": "monthly", "by_month_day": [31], "count": 7}, date(2026, 1, 1))
    assert local_dates(occurrences) == dates(
        2026, (1, 31), (3, 31), (5, 31), (7, 31), (8, 31), (10, 31), (12, 31)
    )


def test_monthly_on_the_29th_includes_the_leap_day_only_in_leap_years() -> None:
    leap = series({"freq": "monthly", "by_month_day": [29], "count": 3}, date(2028, 1, 1))
    assert local_dates(leap) == dates(2028, (1, 29), (2, 29), (3, 29))
    common = series({"freq": "monthly", "by_month_day": [29], "count": 3}, date(2027, 1, 1))
    assert local_dates(common) == dates(2027, (1, 29), (3, 29), (4, 29))


def test_first_occurrence_is_the_first_matching_day_on_or_after_the_start() -> None:
    # The start is a Wednesday; a Monday series begins the next Monday and counts from there.
    occurrences = series({"freq": "weekly", "by_weekday": ["MO"], "count": 2}, date(2026, 1, 7))
    assert local_dates(occurrences) == dates(2026, (1, 12), (1, 19))


# --- Time zones and DST ---


def test_new_york_10am_stays_10am_local_across_spring_forward() -> None:
    occurrences = series(
        {"freq": "weekly", "by_weekday": ["SU"], "count": 2}, date(2026, 3, 1), time(10), NEW_YORK
    )
    assert [o.starts_at for o in occurrences] == [utc(2026, 3, 1, 15), utc(2026, 3, 8, 14)]
    assert [o.starts_at.astimezone(NEW_YORK).time() for o in occurrences] == [time(10), time(10)]
    assert [o.time_adjusted for o in occurrences] == [None, None]


def test_new_york_10am_stays_10am_local_across_fall_back() -> None:
    occurrences = series(
        {"freq": "weekly", "by_weekday": ["SU"], "count": 2}, date(2026, 10, 25), time(10), NEW_YORK
    )
    assert [o.starts_at for o in occurrences] == [utc(2026, 10, 25, 14), utc(2026, 11, 1, 15)]
    assert [o.starts_at.astimezone(NEW_YORK).time() for o in occurrences] == [time(10), time(10)]


def test_sydney_10am_stays_10am_local_when_clocks_go_back_in_april() -> None:
    occurrences = series(
        {"freq": "weekly", "by_weekday": ["SU"], "count": 2}, date(2026, 3, 29), time(10), SYDNEY
    )
    assert [o.starts_at for o in occurrences] == [utc(2026, 3, 28, 23), utc(2026, 4, 5, 0)]
    assert [o.starts_at.astimezone(SYDNEY).time() for o in occurrences] == [time(10), time(10)]


def test_sydney_10am_stays_10am_local_when_clocks_go_forward_in_october() -> None:
    occurrences = series(
        {"freq": "weekly", "by_weekday": ["SU"], "count": 2}, date(2026, 9, 27), time(10), SYDNEY
    )
    assert [o.starts_at for o in occurrences] == [utc(2026, 9, 27, 0), utc(2026, 10, 3, 23)]
    assert [o.starts_at.astimezone(SYDNEY).time() for o in occurrences] == [time(10), time(10)]


def test_nonexistent_new_york_0230_on_spring_forward_moves_to_0330_and_is_flagged() -> None:
    occurrences = series(
        {"freq": "weekly", "by_weekday": ["SU"], "count": 3},
        date(2026, 3, 1),
        time(2, 30),
        NEW_YORK,
        duration=timedelta(minutes=50),
    )
    before, gap_day, after = occurrences
    assert gap_day.local_date == date(2026, 3, 8)
    assert gap_day.time_adjusted == NONEXISTENT_LOCAL_TIME
    assert gap_day.starts_at == utc(2026, 3, 8, 7, 30)
    assert gap_day.starts_at.astimezone(NEW_YORK).replace(tzinfo=None) == datetime(2026, 3, 8, 3, 30)
    assert gap_day.ends_at == utc(2026, 3, 8, 8, 20)
    assert before.time_adjusted is None
    assert after.time_adjusted is None
    assert after.starts_at.astimezone(NEW_YORK).time() == time(2, 30)


def test_nonexistent_sydney_0230_on_spring_forward_moves_to_0330_and_is_flagged() -> None:
    [occurrence] = series(
        {"freq": "weekly", "by_weekday": ["SU"], "count": 1}, date(2026, 10, 4), time(2, 30), SYDNEY
    )
    assert occurrence.time_adjusted == NONEXISTENT_LOCAL_TIME
    assert occurrence.starts_at == utc(2026, 10, 3, 16, 30)
    assert occurrence.starts_at.astimezone(SYDNEY).time() == time(3, 30)


def test_ambiguous_new_york_0130_on_fall_back_takes_the_first_instance() -> None:
    [occurrence] = series(
        {"freq": "weekly", "by_weekday": ["SU"], "count": 1}, date(2026, 11, 1), time(1, 30), NEW_YORK
    )
    assert occurrence.starts_at == utc(2026, 11, 1, 5, 30)  # 01:30 EDT, not 01:30 EST (06:30 UTC)
    assert occurrence.time_adjusted is None


def test_ambiguous_sydney_0230_when_clocks_go_back_takes_the_first_instance() -> None:
    [occurrence] = series(
        {"freq": "weekly", "by_weekday": ["SU"], "count": 1}, date(2026, 4, 5), time(2, 30), SYDNEY
    )
    assert occurrence.starts_at == utc(2026, 4, 4, 15, 30)  # 02:30 AEDT (+11)
    assert occurrence.time_adjusted is None


def test_session_spanning_fall_back_keeps_its_real_duration() -> None:
    [occurrence] = series(
        {"freq": "weekly", "by_weekday": ["SU"], "count": 1},
        date(2026, 11, 1),
        time(1),
        NEW_YORK,
        duration=timedelta(hours=2),
    )
    assert occurrence.ends_at - occurrence.starts_at == timedelta(hours=2)
    assert occurrence.ends_at.astimezone(NEW_YORK).time() == time(2)  # 01:00 EDT + 2 h = 02:00 EST


def test_lima_without_dst_keeps_the_same_utc_time_all_year() -> None:
    occurrences = series(
        {"freq": "weekly", "by_weekday": ["MO", "TH"], "until": "2026-12-31"},
        date(2026, 1, 1),
        time(10),
        LIMA,
    )
    assert len(occurrences) == 105
    assert {o.starts_at.time() for o in occurrences} == {time(15)}
    assert {o.time_adjusted for o in occurrences} == {None}


def test_until_includes_a_late_evening_occurrence_that_is_the_next_day_in_utc() -> None:
    occurrences = series(
        {"freq": "weekly", "by_weekday": ["TU"], "until": "2026-03-31"}, date(2026, 3, 17), time(23, 30), LIMA
    )
    assert local_dates(occurrences) == dates(2026, (3, 17), (3, 24), (3, 31))
    assert occurrences[-1].starts_at == utc(2026, 4, 1, 4, 30)


def test_occurrence_keeps_the_seconds_and_microseconds_of_its_local_time() -> None:
    [occurrence] = series(
        {"freq": "weekly", "by_weekday": ["MO"], "count": 1}, date(2026, 1, 5), time(9, 0, 30, 500), LIMA
    )
    assert occurrence.starts_at == datetime(2026, 1, 5, 14, 0, 30, 500, tzinfo=UTC)


# --- Windows and the horizon ---


WEEKLY_MONDAY = {"freq": "weekly", "by_weekday": ["MO"]}


def test_only_occurrences_starting_before_the_horizon_are_returned() -> None:
    occurrences = series(WEEKLY_MONDAY, date(2026, 1, 5), time(9), LIMA, until_utc=utc(2026, 1, 26, 14))
    assert local_dates(occurrences) == dates(2026, (1, 5), (1, 12), (1, 19))  # 26 Jan starts at 14:00 UTC


def test_window_filtering_keeps_indexes_stable() -> None:
    whole = series(WEEKLY_MONDAY, date(2026, 1, 5), time(9), LIMA, until_utc=utc(2026, 6, 1))
    window = series(
        WEEKLY_MONDAY,
        date(2026, 1, 5),
        time(9),
        LIMA,
        window_start_utc=utc(2026, 2, 1),
        until_utc=utc(2026, 3, 1),
    )
    assert local_dates(window) == dates(2026, (2, 2), (2, 9), (2, 16), (2, 23))
    assert [o.index for o in window] == [4, 5, 6, 7]
    assert window == whole[4:8]


def test_window_start_is_inclusive() -> None:
    window = series(
        WEEKLY_MONDAY, date(2026, 1, 5), time(9), LIMA, window_start_utc=utc(2026, 1, 12, 14), until_utc=FAR
    )
    assert window[0].local_date == date(2026, 1, 12)


def test_count_is_reckoned_from_the_series_start_across_windows() -> None:
    data = {"freq": "weekly", "by_weekday": ["MO", "TH"], "count": 10}
    first = series(data, date(2026, 1, 1), time(9), LIMA, until_utc=utc(2026, 1, 20))
    rest = series(data, date(2026, 1, 1), time(9), LIMA, window_start_utc=utc(2026, 1, 20), until_utc=FAR)
    later = series(data, date(2026, 1, 1), time(9), LIMA, window_start_utc=utc(2026, 3, 1), until_utc=FAR)
    assert [o.index for o in first + rest] == list(range(10))
    assert len(first) == 6
    assert rest[-1].local_date == date(2026, 2, 2)
    assert later == []


def test_open_ended_series_stops_at_the_horizon() -> None:
    occurrences = series(WEEKLY_MONDAY, date(2026, 1, 5), time(9), LIMA, until_utc=utc(2026, 7, 6))
    assert len(occurrences) == 26


def test_aware_moments_and_a_non_negative_duration_are_required() -> None:
    rule = parse_rule(WEEKLY_MONDAY)
    with pytest.raises(ValueError, match="until_utc"):
        expand(rule, date(2026, 1, 5), time(9), HOUR, LIMA, until_utc=datetime(2026, 2, 1))
    with pytest.raises(ValueError, match="window_start_utc"):
        expand(
            rule, date(2026, 1, 5), time(9), HOUR, LIMA, window_start_utc=datetime(2026, 1, 1), until_utc=FAR
        )
    with pytest.raises(ValueError, match="duration"):
        expand(rule, date(2026, 1, 5), time(9), -HOUR, LIMA, until_utc=FAR)
    with pytest.raises(ValueError, match="local_time"):
        expand(rule, date(2026, 1, 5), time(9, tzinfo=UTC), HOUR, LIMA, until_utc=FAR)


def test_horizon_given_in_another_zone_is_compared_as_an_instant() -> None:
    horizon = datetime(2026, 1, 19, 9, tzinfo=LIMA)  # exactly the third occurrence: excluded
    occurrences = series(WEEKLY_MONDAY, date(2026, 1, 5), time(9), LIMA, until_utc=horizon)
    assert local_dates(occurrences) == dates(2026, (1, 5), (1, 12))


# --- Helpers for series edits ---


def test_occurrence_on_or_after_finds_the_next_occurrence_with_its_series_index() -> None:
    rule = parse_rule({"freq": "weekly", "by_weekday": ["MO", "TH"]})
    found = occurrence_on_or_after(rule, date(2026, 1, 1), time(9), LIMA, utc(2026, 1, 13))
    assert found is not None
    assert (found.local_date, found.index) == (date(2026, 1, 15), 4)
    assert found.starts_at == found.ends_at == utc(2026, 1, 15, 14)


def test_occurrence_on_or_after_includes_an_occurrence_at_that_moment() -> None:
    rule = parse_rule({"freq": "weekly", "by_weekday": ["MO"]})
    found = occurrence_on_or_after(
        rule, date(2026, 1, 5), time(9), LIMA, utc(2026, 1, 12, 14), duration=timedelta(minutes=50)
    )
    assert found is not None
    assert found.local_date == date(2026, 1, 12)
    assert found.ends_at == utc(2026, 1, 12, 14, 50)


def test_occurrence_on_or_after_the_series_end_is_none() -> None:
    rule = parse_rule({"freq": "weekly", "by_weekday": ["MO"], "count": 3})
    assert occurrence_on_or_after(rule, date(2026, 1, 5), time(9), LIMA, utc(2026, 1, 19, 15)) is None


def test_truncate_before_ends_the_rule_the_day_before() -> None:
    rule = parse_rule({"freq": "weekly", "by_weekday": ["MO"], "until": "2026-12-31"})
    truncated = truncate_before(rule, date(2026, 2, 2))
    assert truncated == RecurrenceRule(
        freq=Frequency.weekly, by_weekday=(Weekday.MO,), until=date(2026, 2, 1)
    )
    kept = expand(truncated, date(2026, 1, 5), time(9), HOUR, LIMA, until_utc=FAR)
    whole = expand(rule, date(2026, 1, 5), time(9), HOUR, LIMA, until_utc=FAR)
    assert kept == [o for o in whole if o.local_date < date(2026, 2, 2)]


def test_truncate_before_an_open_ended_rule_gives_it_an_end() -> None:
    rule = parse_rule({"freq": "monthly", "by_weekday": ["TU"], "by_set_position": 2})
    assert truncate_before(rule, date(2026, 5, 12)).until == date(2026, 5, 11)


def test_truncate_before_never_extends_a_rule_that_already_ended() -> None:
    rule = parse_rule({"freq": "weekly", "by_weekday": ["MO"], "until": "2026-01-31"})
    assert truncate_before(rule, date(2026, 6, 1)).until == date(2026, 1, 31)


def test_truncate_before_converts_a_count_to_the_equivalent_until() -> None:
    rule = parse_rule({"freq": "weekly", "by_weekday": ["TU"], "count": 10})
    truncated = truncate_before(rule, date(2026, 2, 3), start_local_date=date(2026, 1, 6))
    assert (truncated.count, truncated.until) == (None, date(2026, 2, 2))
    kept = expand(truncated, date(2026, 1, 6), time(9), HOUR, LIMA, until_utc=FAR)
    assert local_dates(kept) == dates(2026, (1, 6), (1, 13), (1, 20), (1, 27))


def test_truncate_before_after_a_counted_series_ends_keeps_its_last_occurrence_as_the_end() -> None:
    rule = parse_rule({"freq": "weekly", "by_weekday": ["TU"], "count": 3})
    truncated = truncate_before(rule, date(2026, 6, 1), start_local_date=date(2026, 1, 6))
    assert truncated.until == date(2026, 1, 20)
    assert len(expand(truncated, date(2026, 1, 6), time(9), HOUR, LIMA, until_utc=FAR)) == 3


def test_truncate_before_a_counted_rule_needs_the_series_start() -> None:
    rule = parse_rule({"freq": "weekly", "by_weekday": ["TU"], "count": 3})
    with pytest.raises(ValueError, match="start_local_date"):
        truncate_before(rule, date(2026, 2, 1))


def test_truncate_before_the_first_occurrence_leaves_nothing() -> None:
    rule = parse_rule({"freq": "weekly", "by_weekday": ["MO"]})
    truncated = truncate_before(rule, date(2026, 1, 5))
    assert expand(truncated, date(2026, 1, 5), time(9), HOUR, LIMA, until_utc=FAR) == []


# --- Property ---


ZONES = [
    "America/New_York",
    "Australia/Sydney",
    "America/Lima",
    "Europe/London",
    "America/Santiago",  # changes at midnight: 00:xx does not exist on its spring-forward day
    "Australia/Lord_Howe",  # a 30-minute shift
    "Pacific/Auckland",
    "Asia/Kolkata",
    "UTC",
]


# Small hours where these zones' clocks jump or repeat (Santiago at midnight, London at 01:00, the others
# at 02:00, Lord Howe by 30 minutes).
SMALL_HOURS = [time(0), time(0, 30), time(1, 30), time(2), time(2, 15), time(2, 30), time(2, 45)]


@st.composite
def weekly_series(draw: st.DrawFn) -> tuple[dict[str, Any], date]:
    start = draw(st.dates(date(2024, 1, 1), date(2030, 12, 31)))
    data: dict[str, Any] = {
        "freq": "weekly",
        "interval": draw(st.integers(1, 4) | st.integers(1, 52)),
        "by_weekday": draw(st.lists(st.sampled_from([str(d) for d in Weekday]), min_size=1, unique=True)),
    }
    end = draw(st.sampled_from(["open", "count", "until"]))
    if end == "count":
        data["count"] = draw(st.integers(1, 200))
    elif end == "until":
        data["until"] = (start + timedelta(days=draw(st.integers(0, 900)))).isoformat()
    return data, start


def sundays_from(start: date) -> tuple[dict[str, Any], date]:
    return {"freq": "weekly", "by_weekday": ["SU"], "count": 3}, start


@settings(max_examples=200, deadline=None)
# Spring-forward Sundays in 2026, so the moved branch always runs whatever random cases are drawn.
@example(sundays_from(date(2026, 3, 1)), "America/New_York", time(2, 30), 50)
@example(sundays_from(date(2026, 3, 22)), "Europe/London", time(1, 30), 50)
@example(sundays_from(date(2026, 8, 30)), "America/Santiago", time(0, 30), 50)
@example(sundays_from(date(2026, 9, 27)), "Australia/Lord_Howe", time(2, 15), 50)
@given(
    rule_and_start=weekly_series(),
    zone=st.sampled_from(ZONES),
    at=st.sampled_from(SMALL_HOURS) | st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45])),
    minutes=st.integers(0, 180),
)
def test_weekly_occurrences_keep_local_time_unless_flagged_and_strictly_increase(
    rule_and_start: tuple[dict[str, Any], date], zone: str, at: time, minutes: int
) -> None:
    data, start = rule_and_start
    tz = ZoneInfo(zone)
    rule = parse_rule(data)
    duration = timedelta(minutes=minutes)
    horizon = datetime.combine(start, time(), tzinfo=UTC) + timedelta(days=800)
    occurrences = expand(rule, start, at, duration, tz, until_utc=horizon)
    event("has a moved occurrence" if any(o.time_adjusted for o in occurrences) else "no moved occurrence")

    assert [o.index for o in occurrences] == list(range(len(occurrences)))
    assert all(a.starts_at < b.starts_at for a, b in pairwise(occurrences))
    for o in occurrences:
        local = o.starts_at.astimezone(tz).replace(tzinfo=None)
        wall = datetime.combine(o.local_date, at)
        assert o.starts_at.tzinfo is UTC
        assert o.starts_at < horizon
        assert o.ends_at - o.starts_at == duration
        assert o.local_date >= start
        assert list(Weekday)[o.local_date.weekday()] in rule.by_weekday
        if rule.until is not None:
            assert o.local_date <= rule.until
        if o.time_adjusted is None:
            assert local == wall
        else:
            assert o.time_adjusted == NONEXISTENT_LOCAL_TIME
            assert zone not in ("America/Lima", "Asia/Kolkata", "UTC")
            assert wall < local <= wall + timedelta(hours=1)  # moved forward by the gap
    if rule.count is not None:
        assert len(occurrences) <= rule.count
