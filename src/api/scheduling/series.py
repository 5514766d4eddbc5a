"""Recurring series: create one (its occurrences are ordinary appointments), and change or delete an
occurrence with a scope (`this`, `following`, `all`), previewed with `dry_run` first."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import Annotated, Literal

from fastapi import APIRouter
from pydantic import Field, StrictInt

from tend.api.deps import ContextDep, StaffDep
from tend.api.errors import WRITE_ERRORS
from tend.api.scheduling.appointments import AppointmentFields
from tend.api.schemas import InputModel, Instant, OutputModel, PatchModel
from tend.core.enums import AppointmentKind, AppointmentStatus
from tend.domain.scheduling import recurrence, series
from tend.domain.scheduling.recurrence import MAX_COUNT, MAX_INTERVAL, MAX_MONTH_DAYS, MIN_INTERVAL

router = APIRouter(tags=["series"])

Weekday = Literal["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


class RecurrenceRule(InputModel):
    """When a series repeats: a subset of RFC 5545. Weekly on some weekdays (`by_weekday`), or monthly on
    days of the month (`by_month_day`) or on a weekday's position (`by_weekday` + `by_set_position`, e.g.
    the 2nd Tuesday); every `interval` weeks or months; ending on a date (`until`) or after a `count`, or
    never (kept booked 26 weeks ahead). Over local wall time: 16:00 stays 16:00 across clock changes."""

    freq: Literal["weekly", "monthly"]
    interval: StrictInt = Field(default=1, ge=MIN_INTERVAL, le=MAX_INTERVAL)
    by_weekday: list[Weekday] | None = Field(default=None, description='Days of the week, e.g. ["MO", "TH"].')
    by_month_day: list[Annotated[StrictInt, Field(ge=1, le=31)]] | None = Field(
        default=None,
        max_length=MAX_MONTH_DAYS,
        description="Days of the month (a short month uses its last).",
    )
    by_set_position: Literal[1, 2, 3, 4, -1] | None = Field(
        default=None, description="Which of the month's `by_weekday` days: 1 to 4, or -1 for the last."
    )
    until: date | None = Field(default=None, description="The last local day it may occur on.")
    count: StrictInt | None = Field(default=None, ge=1, le=MAX_COUNT, description="How many occurrences.")

    def to_domain(self, field: str) -> recurrence.RecurrenceRule:
        """The domain's rule, checked as a whole (how the parts combine), problems named under `field`."""
        return recurrence.parse_rule(self.model_dump(mode="json", exclude_none=True), field)


class RecurrenceRuleOut(OutputModel):
    freq: Literal["weekly", "monthly"]
    interval: int
    by_weekday: list[Weekday] | None = None
    by_month_day: list[int] | None = None
    by_set_position: int | None = None
    until: date | None = None
    count: int | None = None


class SeriesCreate(AppointmentFields):
    kind: AppointmentKind
    practitioner_id: uuid.UUID | None = None
    client_id: uuid.UUID | None = None
    start_date: date = Field(description="The first day it may occur (local).")
    local_time: time = Field(description="Local wall time, kept across DST changes.")
    duration_minutes: StrictInt = Field(ge=1, le=24 * 60)
    rule: RecurrenceRule
    allow_conflicts: bool = False


class SeriesOut(OutputModel):
    id: uuid.UUID
    time_zone: str
    start_date: date
    local_time: str
    duration_minutes: int
    rule: RecurrenceRuleOut
    materialised_until: datetime


class SeriesCreated(OutputModel):
    series: SeriesOut
    occurrences: int
    first_starts_at: datetime


class SeriesChanges(PatchModel):
    """What changes; a field not sent keeps its value. The same checks as `PATCH /appointments/{id}`."""

    not_null = frozenset({"starts_at", "ends_at", "rule"})

    starts_at: Instant | None = Field(default=None, description="This occurrence's new start (a drag).")
    ends_at: Instant | None = None
    rule: RecurrenceRule | None = Field(default=None, description="Scope following or all only.")
    service_id: uuid.UUID | None = None
    location_id: uuid.UUID | None = None
    room_id: uuid.UUID | None = None
    price_minor: StrictInt | None = Field(default=None, ge=0, le=10**12)
    instructions: Annotated[str, Field(max_length=2000)] | None = None
    telehealth_url: Annotated[str, Field(max_length=500, pattern=r"^https?://\S+$")] | None = None


class SeriesChange(InputModel):
    scope: Literal["this", "following", "all"]
    action: Literal["edit", "delete"] = "edit"
    dry_run: bool = Field(default=False, description="true: the plan only. Without it, exactly that plan.")
    allow_conflicts: bool = False
    changes: SeriesChanges = Field(default_factory=SeriesChanges)


class OccurrenceRef(OutputModel):
    appointment_id: uuid.UUID
    starts_at: datetime
    ends_at: datetime


class Move(OccurrenceRef):
    to_starts_at: datetime
    to_ends_at: datetime


class Kept(OccurrenceRef):
    reason_code: Literal["past", "status", "signed_note", "has_note", "billed", "exception", "group"] = Field(
        description="past: already started; status: recorded (see `status`); signed_note: its note is "
        "signed, which locks it; has_note: it has a clinical note (text, a signed version or an amendment), "
        "never deleted; billed: it has a live bill; exception: edited on its own; group: part of a "
        "group session (moved with its group)."
    )
    reason: str = Field(description="The same in English words.")
    status: AppointmentStatus


class NewOccurrence(OutputModel):
    starts_at: datetime
    ends_at: datetime


class ClashAt(OutputModel):
    starts_at: datetime
    with_: list[uuid.UUID] = Field(alias="with", serialization_alias="with")


class SeriesPlanOut(OutputModel):
    scope: str
    dry_run: bool
    series_id: uuid.UUID | None = Field(description="The series the changed occurrences belong to now.")
    moves: list[Move]
    creates: list[NewOccurrence]
    deletes: list[OccurrenceRef]
    kept: list[Kept]
    clashes: list[ClashAt]


def _changes(given: SeriesChanges) -> series.SeriesChanges:
    """The fields sent (a PATCH's meaning), the rule as the domain's."""
    changes = given.changes()
    if given.rule is not None:
        changes["rule"] = given.rule.to_domain("changes.rule")
    return series.SeriesChanges(**changes)


@router.post("/series", status_code=201, responses=WRITE_ERRORS)
async def create_series(body: SeriesCreate, _staff: StaffDep, ctx: ContextDep) -> SeriesCreated:
    """Creates the series and its occurrences for the next 26 weeks (a daily job keeps that horizon)."""
    result = await series.create_series(
        ctx, series.NewSeries(**body.model_dump(exclude={"rule"}), rule=body.rule.to_domain("rule"))
    )
    return SeriesCreated(
        series=SeriesOut.model_validate(result.series),
        occurrences=len(result.created),
        first_starts_at=min(a.starts_at for a in result.created),
    )


@router.post("/appointments/{appointment_id:uuid}/series-change", responses=WRITE_ERRORS)
async def change_series(
    appointment_id: uuid.UUID, body: SeriesChange, _staff: StaffDep, ctx: ContextDep
) -> SeriesPlanOut:
    """Edits or deletes an occurrence of a series with a scope. Past, finished and individually edited
    occurrences are kept as they were (listed in `kept`); the occurrence acted on takes the change unless a
    lock holds it."""
    plan = await series.edit_series(
        ctx,
        appointment_id,
        body.scope,
        _changes(body.changes),
        dry_run=body.dry_run,
        allow_conflicts=body.allow_conflicts,
        delete=body.action == "delete",
    )
    return SeriesPlanOut.model_validate(
        {
            "scope": plan.scope,
            "dry_run": body.dry_run,
            "series_id": plan.series_id,
            "moves": plan.moves,
            "creates": plan.creates,
            "deletes": plan.deletes,
            "kept": plan.kept,
            "clashes": plan.clashes,
        }
    )
