"""Practice settings: everyone signed in reads them (zone, currencies); admins change them."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter
from pydantic import Field, StrictInt

from tend.api.deps import AdminDep, ContextDep, StaffDep
from tend.api.errors import problem_responses
from tend.api.schemas import OutputModel, PatchModel, PricesIn
from tend.core.enums import Locale, WeekStart
from tend.domain.practice import settings as practice

router = APIRouter(prefix="/practice", tags=["practice"])

Prices = dict[str, int]


class PracticeOut(OutputModel):
    name: str
    time_zone: str = Field(description="IANA zone; every 'month' and 'today' is local to it.")
    country: str | None = Field(
        description="ISO 3166-1 alpha-2 (e.g. PE): phones typed without a country code are read as this "
        "country's; also the region money is shown for."
    )
    currencies: list[str]
    default_currency: str
    no_show_fees: Prices = Field(description="Minor units per currency, e.g. {'PEN': 2500} is S/ 25.00.")
    late_cancel_fees: Prices
    late_cancel_window_hours: int
    fees_count_toward_commission: bool
    reminder_send_hour: int
    monthly_survey_enabled: bool
    monthly_survey_day: int
    default_locale: Locale
    client_labels: dict[Locale, str] = Field(
        description="The practice's word for its clients per language, e.g. {'es': 'paciente', 'en': "
        "'patient'}; a language missing here uses the UI's own word ('client' / 'cliente')."
    )
    client_label: str = Field(
        description="The word in the practice's default language ('client' when none is set). Read-only "
        "summary of `client_labels`; sending it in a PATCH sets that language's word."
    )
    slot_minutes: int = Field(
        description="Length of a calendar slot in minutes (5, 10, 15, 20, 30 or 60): drags and resizes "
        "snap to it."
    )
    week_starts_on: WeekStart = Field(description="The first day of the week in calendars.")
    rating_anonymity_floor: int
    updated_at: datetime


class PracticeUpdate(PatchModel):
    """Every setting has a value: send the ones to change; `null` is refused."""

    not_null = frozenset(
        {
            "name",
            "time_zone",
            "currencies",
            "default_currency",
            "no_show_fees",
            "late_cancel_fees",
            "late_cancel_window_hours",
            "fees_count_toward_commission",
            "reminder_send_hour",
            "monthly_survey_enabled",
            "monthly_survey_day",
            "default_locale",
            "client_label",
            "client_labels",
            "slot_minutes",
            "week_starts_on",
            "rating_anonymity_floor",
        }
    )

    name: str | None = Field(default=None, min_length=1, max_length=200)
    time_zone: str | None = Field(default=None, min_length=1, max_length=64)
    country: str | None = Field(default=None, min_length=2, max_length=2, description="null: none set.")
    currencies: list[str] | None = Field(default=None, min_length=1, max_length=10)
    default_currency: str | None = Field(default=None, min_length=3, max_length=3)
    no_show_fees: PricesIn | None = None
    late_cancel_fees: PricesIn | None = None
    late_cancel_window_hours: StrictInt | None = Field(default=None, ge=0, le=24 * 14)
    fees_count_toward_commission: bool | None = None
    reminder_send_hour: StrictInt | None = Field(default=None, ge=0, le=23)
    monthly_survey_enabled: bool | None = None
    monthly_survey_day: StrictInt | None = Field(default=None, ge=1, le=28)
    default_locale: Locale | None = None
    client_label: str | None = Field(
        default=None, min_length=1, max_length=40, description="Sets the word of the default language."
    )
    client_labels: dict[Locale, Annotated[str, Field(max_length=40)]] | None = Field(
        default=None,
        description="The whole map (languages left out go back to the UI's own word; '' clears one).",
    )
    slot_minutes: StrictInt | None = Field(default=None, description="5, 10, 15, 20, 30 or 60.")
    week_starts_on: WeekStart | None = None
    rating_anonymity_floor: StrictInt | None = Field(default=None, ge=1, le=50)


@router.get("", response_model=PracticeOut, responses=problem_responses(401, 403))
async def get_practice(_staff: StaffDep, ctx: ContextDep) -> PracticeOut:
    return PracticeOut.model_validate(await practice.get_practice(ctx))


@router.patch("", response_model=PracticeOut, responses=problem_responses(401, 403, 422))
async def update_practice(body: PracticeUpdate, _admin: AdminDep, ctx: ContextDep) -> PracticeOut:
    changes = practice.PracticeChanges(**body.changes())
    return PracticeOut.model_validate(await practice.update_practice(ctx, changes))
