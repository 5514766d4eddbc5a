"""Practice settings: one row the admin edits; read by everything that needs the zone, currencies, fees."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from zoneinfo import available_timezones

from tend.core.enums import Locale, WeekStart
from tend.core.errors import ErrorCode, Invalid
from tend.core.money import check_currency, check_prices
from tend.core.phones import COUNTRIES
from tend.domain.commands import UNSET, Unset, sent
from tend.domain.context import Context
from tend.domain.platform import local_time
from tend.domain.records import apply_changes, record_change
from tend.persistence.repositories.practice import PracticeRepository

# Re-exported: other contexts name the practice's settings through this module, never the table.
from tend.persistence.tables.practice import PracticeSettings as PracticeSettings

DEFAULT_FEE_MINOR = 2500
# The lengths a calendar slot may have: drags and resizes snap to one, so a session lands on 16:00, not 15:55.
SLOT_MINUTES = (5, 10, 15, 20, 30, 60)
DEFAULT_SLOT_MINUTES = 15


# Files of the server's zone database that are not zones: `localtime` is whatever the server's clock is set
# to, `Factory` a placeholder with no offset ("-00"), `posixrules` a default for POSIX TZ strings. Each
# loads as a zone, so each would pass as one and mean something else on another server.
_NOT_ZONES = frozenset({"localtime", "Factory", "posixrules"})


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    """The IANA zone names (America/Lima, UTC, and the old names that link to one, e.g. US/Eastern)."""
    return frozenset(available_timezones()) - _NOT_ZONES


def check_time_zone(name: str, field: str = "time_zone") -> str:
    if name not in _zones():
        raise Invalid(
            f"{name!r} is not an IANA time zone (e.g. America/Lima).", field=field, code=ErrorCode.choice
        )
    return name


def default_settings(ctx: Context) -> PracticeSettings:
    return PracticeSettings(
        singleton=1,
        name="My practice",
        time_zone="UTC",
        currencies=["USD"],
        default_currency="USD",
        no_show_fees={"USD": DEFAULT_FEE_MINOR},
        late_cancel_fees={"USD": DEFAULT_FEE_MINOR},
        late_cancel_window_hours=24,
        fees_count_toward_commission=False,
        reminder_send_hour=9,
        monthly_survey_enabled=False,
        monthly_survey_day=1,
        default_locale=Locale.en,
        client_labels={},
        slot_minutes=DEFAULT_SLOT_MINUTES,
        week_starts_on=WeekStart.monday,
        rating_anonymity_floor=3,
        updated_at=ctx.clock.now(),
    )


async def get_practice(ctx: Context) -> PracticeSettings:
    """The settings row, or the defaults (not yet saved) on a new installation."""
    stored = await PracticeRepository(ctx.session).get()
    return stored if stored is not None else default_settings(ctx)


def local_date(instant: datetime, practice: PracticeSettings) -> date:
    """The practice's calendar day at `instant` (its own zone)."""
    return local_time.local_date(instant, practice.time_zone)


async def practice_today(ctx: Context) -> date:
    return local_date(ctx.clock.now(), await get_practice(ctx))


def _validate(settings: PracticeSettings) -> None:
    check_time_zone(settings.time_zone)
    if settings.country is not None:
        settings.country = settings.country.upper()
        if settings.country not in COUNTRIES:
            raise Invalid(
                f"{settings.country!r} is not a country code (ISO 3166, e.g. PE).",
                field="country",
                code=ErrorCode.country,
            )
    if not settings.currencies:
        raise Invalid("Enable at least one currency.", field="currencies", code=ErrorCode.required)
    if len(set(settings.currencies)) != len(settings.currencies):
        raise Invalid("Each currency may be listed once.", field="currencies", code=ErrorCode.duplicate_value)
    for index, code in enumerate(settings.currencies):
        check_currency(code, f"currencies.{index}")
    if settings.default_currency not in settings.currencies:
        raise Invalid(
            "The default currency must be one of the enabled currencies.",
            field="default_currency",
            code=ErrorCode.currency_not_enabled,
        )
    if settings.slot_minutes not in SLOT_MINUTES:
        raise Invalid(
            f"A calendar slot is one of {', '.join(map(str, SLOT_MINUTES))} minutes.",
            field="slot_minutes",
            code=ErrorCode.choice,
        )
    settings.client_labels = _client_labels(settings.client_labels)
    settings.no_show_fees = check_prices(settings.no_show_fees, "no_show_fees", settings.currencies)
    settings.late_cancel_fees = check_prices(
        settings.late_cancel_fees, "late_cancel_fees", settings.currencies
    )


def _client_labels(labels: dict[str, str]) -> dict[str, str]:
    """Trimmed words for known languages; an empty word (or the built-in "client") means the UI's own."""
    words = {}
    for language, word in labels.items():
        if language not in Locale.__members__:
            raise Invalid(
                f"{language!r} is not a language Tend speaks (en, es).",
                field=f"client_labels.{language}",
                code=ErrorCode.choice,
            )
        word = word.strip()
        if len(word) > 40:
            raise Invalid(
                "At most 40 characters.", field=f"client_labels.{language}", code=ErrorCode.too_long
            )
        if word and word.lower() != "client":
            words[Locale(language).value] = word
    return words


@dataclass(frozen=True)
class PracticeChanges:
    """An admin's edit of the settings (UNSET: not sent). Every setting but `country` keeps a value.
    Fees are minor units by currency; `client_labels` is the whole map of the practice's word for its
    clients by language, and `client_label` (the older one-word form) sets the default language's word."""

    name: str | Unset = UNSET
    time_zone: str | Unset = UNSET
    country: str | Unset | None = UNSET
    currencies: Sequence[str] | Unset = UNSET
    default_currency: str | Unset = UNSET
    no_show_fees: Mapping[str, int] | Unset = UNSET
    late_cancel_fees: Mapping[str, int] | Unset = UNSET
    late_cancel_window_hours: int | Unset = UNSET
    fees_count_toward_commission: bool | Unset = UNSET
    reminder_send_hour: int | Unset = UNSET
    monthly_survey_enabled: bool | Unset = UNSET
    monthly_survey_day: int | Unset = UNSET
    default_locale: Locale | Unset = UNSET
    client_label: str | Unset = UNSET
    client_labels: Mapping[str, str] | Unset = UNSET
    slot_minutes: int | Unset = UNSET
    week_starts_on: WeekStart | Unset = UNSET
    rating_anonymity_floor: int | Unset = UNSET


def _columns(changes: PracticeChanges, settings: PracticeSettings) -> dict[str, object]:
    """The settings' columns the change sets (the maps become dicts when checked, in `_validate`)."""
    columns = sent(changes)
    if changes.currencies is not UNSET:
        columns["currencies"] = list(changes.currencies)  # stored as a JSON list
    if changes.client_label is not UNSET:
        # The one-word form older integrations send sets the word of the practice's own language.
        language = changes.default_locale if changes.default_locale is not UNSET else settings.default_locale
        labels = dict(changes.client_labels if changes.client_labels is not UNSET else settings.client_labels)
        labels[Locale(language).value] = changes.client_label
        del columns["client_label"]
        columns["client_labels"] = labels
    return columns


async def update_practice(ctx: Context, changes: PracticeChanges) -> PracticeSettings:
    repository = PracticeRepository(ctx.session)
    stored = await repository.get(for_update=True)
    settings = stored if stored is not None else default_settings(ctx)
    changed = apply_changes(settings, _columns(changes, settings), ctx)
    _validate(settings)
    if stored is None:
        await repository.add(settings)
    await ctx.session.flush()
    record_change(ctx, "practice.updated", settings, "practice", changed)
    return settings
