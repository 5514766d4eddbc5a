"""The practice's local day and month: the one helper every context uses for "today" and "this month"."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tend.domain.platform.local_time import LocalMonth, day_bounds, local_date

ZONES = ["America/Lima", "America/New_York", "Europe/Madrid", "Pacific/Kiritimati", "Pacific/Pago_Pago"]


def test_late_evening_in_lima_is_still_the_local_day_and_month() -> None:
    instant = datetime(2026, 4, 1, 4, 30, tzinfo=UTC)  # 23:30 on 31 March in Lima
    assert local_date(instant, "America/Lima") == date(2026, 3, 31)
    assert LocalMonth.at(instant, "America/Lima") == LocalMonth(2026, 3)
    assert LocalMonth.at(instant, "UTC") == LocalMonth(2026, 4)


def test_month_bounds_are_local_midnights_in_utc() -> None:
    start, end = LocalMonth(2026, 3).bounds("America/Lima")
    assert start == datetime(2026, 3, 1, 5, tzinfo=UTC)
    assert end == datetime(2026, 4, 1, 5, tzinfo=UTC)


def test_a_day_when_clocks_change_is_23_or_25_hours_long() -> None:
    spring = day_bounds(date(2026, 3, 8), "America/New_York")
    autumn = day_bounds(date(2026, 11, 1), "America/New_York")
    assert spring[1] - spring[0] == timedelta(hours=23)
    assert autumn[1] - autumn[0] == timedelta(hours=25)


def test_months_step_across_years_and_know_their_last_day() -> None:
    assert LocalMonth(2026, 12).next() == LocalMonth(2027, 1)
    assert LocalMonth(2027, 1).previous() == LocalMonth(2026, 12)
    assert LocalMonth(2028, 2).last_day == date(2028, 2, 29)
    assert str(LocalMonth(2026, 3)) == "2026-03"
    with pytest.raises(ValueError, match="no such month"):
        LocalMonth(2026, 13)


@given(
    instant=st.datetimes(
        min_value=datetime(1990, 1, 1), max_value=datetime(2090, 1, 1), timezones=st.just(UTC)
    ),
    zone=st.sampled_from(ZONES),
)
def test_every_instant_falls_inside_its_own_local_day_and_month(instant: datetime, zone: str) -> None:
    day_start, day_end = day_bounds(local_date(instant, zone), zone)
    month = LocalMonth.at(instant, zone)
    month_start, month_end = month.bounds(zone)
    assert day_start <= instant < day_end
    assert month_start <= instant < month_end
    assert month.next().bounds(zone)[0] == month_end
