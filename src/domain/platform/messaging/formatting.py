"""Dates, times, numbers and money written the way a reader's language and country write them (Babel, CLDR),
matching the SPA (frontend/src/lib/money.ts, features/calendar/zonedTime.ts) so an e-mail and a screen say
the same thing the same way: "S/ 150.00" and "US$ 40.00" in a Peruvian practice, a bare "$" only where the
dollar is the country's own money, Spanish clocks on 24 hours ("16:00"), every instant in the reader's zone.

Money is integer minor units + ISO 4217 code; the major-unit value is a `Decimal` built from the integer,
never a float."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale as BabelLocale
from babel import UnknownLocaleError
from babel.core import get_global
from babel.dates import format_date as babel_date
from babel.dates import format_time as babel_time
from babel.numbers import format_decimal, get_currency_symbol

from tend.core.money import CURRENCY_EXPONENTS

# Countries and territories whose own money is the US dollar: there "$" is plain (as in money.ts).
DOLLAR_HOMES = frozenset(
    {
        "US",
        "EC",
        "SV",
        "PA",
        "PR",
        "TL",
        "FM",
        "MH",
        "PW",
        "ZW",
        "VG",
        "TC",
        "BQ",
        "AS",
        "GU",
        "MP",
        "VI",
        "UM",
        "IO",
    }
)
# CLDR's "{date} 'at' {time}" joining of full dates, which Intl uses and Babel's data lacks.
_AT_TIME = {"en": "{date} at {time}"}
# Spanish clocks run on 24 hours, two digits ("09:30"), as the SPA writes them; others use the locale's own.
_CLOCK = {"es": "HH:mm"}


@dataclass(frozen=True)
class MessageLocale:
    """Who a message is written for: a language ("es"), the practice's country ("PE", or None when the
    practice has not set one: the language's defaults, nothing guessed) and the IANA zone instants are
    shown in."""

    language: str
    region: str | None = None
    zone: str = "UTC"

    @classmethod
    def of(cls, language: str, country: str | None, zone: str) -> MessageLocale:
        region = (country or "").strip().upper()
        return cls(language, region if len(region) == 2 and region.isalpha() else None, zone)

    @property
    def tag(self) -> str:
        """A BCP 47 tag ("es-PE"), e.g. for an HTML `lang` attribute."""
        return f"{self.language}-{self.region}" if self.region else self.language


@lru_cache(maxsize=64)
def babel_locale(language: str, region: str | None) -> BabelLocale:
    """CLDR's data for the language in the region ("es_PE"); the language alone where CLDR has no such
    pair ("en_PE"), as Intl falls back."""
    if region:
        try:
            return BabelLocale.parse(f"{language}_{region}")
        except UnknownLocaleError:
            pass
    return BabelLocale.parse(language)


def _babel(locale: MessageLocale) -> BabelLocale:
    return babel_locale(locale.language, locale.region)


def _local(instant: datetime, locale: MessageLocale) -> datetime:
    if instant.tzinfo is None:
        raise ValueError("an instant to show must carry its time zone (Tend stores UTC)")
    return instant.astimezone(ZoneInfo(locale.zone))


def format_time(instant: datetime, locale: MessageLocale) -> str:
    """The clock time at `instant` in the reader's zone: "16:00" (es), "4:00 PM" (en)."""
    return babel_time(_local(instant, locale), _CLOCK.get(locale.language, "short"), locale=_babel(locale))


def format_date(day: date | datetime, locale: MessageLocale, style: str = "long") -> str:
    """A calendar day ("16 de diciembre de 2026"; style "full" adds the weekday). An instant is first
    turned into the reader's local day."""
    if isinstance(day, datetime):
        day = _local(day, locale).date()
    return babel_date(day, style, locale=_babel(locale))


def format_datetime(instant: datetime, locale: MessageLocale) -> str:
    """The local day and time of `instant`: "martes, 15 de diciembre de 2026, 16:00" / "Tuesday,
    December 15, 2026 at 4:00 PM"."""
    day, clock = format_date(instant, locale, "full"), format_time(instant, locale)
    joined = _AT_TIME.get(locale.language)
    if joined is not None:
        return joined.format(date=day, time=clock)
    return str(_babel(locale).datetime_formats["full"]).format(clock, day)


def format_number(value: int | Decimal, locale: MessageLocale) -> str:
    if not isinstance(value, int | Decimal):  # money and counts are exact: anything inexact is refused
        raise TypeError(f"format_number takes int or Decimal, not {type(value).__name__}")
    return format_decimal(value, locale=_babel(locale))


def currency_symbol(currency: str, locale: MessageLocale) -> str:
    """The sign people in the practice's country read (money.ts `currencySymbol`): dollars outside the
    dollar's homes are "US$"; a currency the language would write as its bare code takes the sign of the
    region's own language ("S/" for PEN in English in Peru)."""
    own = str(get_currency_symbol(currency, _babel(locale)))
    if currency == "USD" and locale.region and locale.region not in DOLLAR_HOMES:
        return "US$"
    if own != currency or not locale.region:
        return own
    likely = get_global("likely_subtags").get(f"und_{locale.region}")
    if likely is None:
        return own
    home = babel_locale(str(likely).split("_")[0], locale.region)
    return str(get_currency_symbol(currency, home))


def format_money(amount_minor: int, currency: str, locale: MessageLocale) -> str:
    """Minor units -> "S/ 150.00", "US$ 40.00", "-$25.00": the locale's pattern with the currency's ISO
    exponent (not CLDR's cash digits), and a sign that starts with letters kept apart from the digits."""
    if isinstance(amount_minor, bool) or not isinstance(amount_minor, int):
        raise TypeError("money is integer minor units")
    exponent = CURRENCY_EXPONENTS.get(currency, 2)
    babel = _babel(locale)
    pattern = copy.copy(babel.currency_formats["standard"])
    pattern.frac_prec = (exponent, exponent)
    text = str(
        pattern.apply(
            Decimal(amount_minor).scaleb(-exponent), babel, currency=currency, currency_digits=False
        )
    )
    own, symbol = str(get_currency_symbol(currency, babel)), currency_symbol(currency, locale)
    at = text.find(own)
    if at < 0:
        return text
    after = text[at + len(own) :]
    if symbol[:1].isalpha() and after[:1].isdigit():
        after = "\u00a0" + after
    return text[:at] + symbol + after
