"""The practice's local day and local month: the one place Tend turns instants into calendar days and months
and back. Every stored instant is UTC; every "day" (a bill's date, a daily close, a periodic job's period) and
every "month" (sessions of a month, statements, surveys) is local to a zone, usually the practice's — 23:30 on
31 March in Lima is a March session even though it is 1 April in UTC."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tend.core.clock import Clock


def local_date(instant: datetime, zone: str) -> date:
    """The calendar day at `instant` in `zone` (an IANA name)."""
    return instant.astimezone(ZoneInfo(zone)).date()


def today(clock: Clock, zone: str) -> date:
    return local_date(clock.now(), zone)


def day_bounds(day: date, zone: str) -> tuple[datetime, datetime]:
    """[start, end) of a local day as UTC instants (23 or 25 hours long on a daylight-saving change)."""
    tz = ZoneInfo(zone)
    start = datetime.combine(day, time(), tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time(), tzinfo=tz)
    return start.astimezone(UTC), end.astimezone(UTC)


@dataclass(frozen=True, order=True)
class LocalMonth:
    """A calendar month, e.g. LocalMonth(2026, 3); its instants depend on the zone it is read in."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12 or not 1 <= self.year <= 9999:
            raise ValueError(f"no such month: {self.year}-{self.month}")

    @classmethod
    def of(cls, day: date) -> LocalMonth:
        return cls(day.year, day.month)

    @classmethod
    def at(cls, instant: datetime, zone: str) -> LocalMonth:
        return cls.of(local_date(instant, zone))

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    def next(self) -> LocalMonth:
        return LocalMonth(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> LocalMonth:
        return LocalMonth(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    @property
    def last_day(self) -> date:
        return self.next().first_day - timedelta(days=1)

    def bounds(self, zone: str) -> tuple[datetime, datetime]:
        """[start, end) of the month in `zone` as UTC instants."""
        return day_bounds(self.first_day, zone)[0], day_bounds(self.next().first_day, zone)[0]

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"
