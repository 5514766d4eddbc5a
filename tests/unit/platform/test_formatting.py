"""Dates, times and money on the server read as the SPA writes them (frontend/src/lib/money.test.ts): the
practice's country decides the signs ("S/ 150.00", "US$ 40.00" in Peru, a bare "$" where the dollar is the
country's money), Spanish clocks run on 24 hours, and every instant is shown in the reader's zone."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from tend.domain.platform.messaging import (
    MessageLocale,
    format_date,
    format_datetime,
    format_money,
    format_time,
)
from tend.domain.platform.messaging.formatting import currency_symbol, format_number

ES_PE = MessageLocale.of("es", "pe", "America/Lima")
EN_PE = MessageLocale.of("en", "PE", "America/Lima")
EN = MessageLocale.of("en", None, "America/New_York")


def plain(text: str) -> str:
    """CLDR (as Intl) separates signs with a no-break space and "PM" with a narrow one: compare plainly."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def test_a_lima_evening_reads_as_lima_s_local_day_and_time() -> None:
    instant = datetime(2026, 12, 15, 21, 0, tzinfo=UTC)
    assert format_datetime(instant, ES_PE) == "martes, 15 de diciembre de 2026, 16:00"
    assert plain(format_datetime(instant, EN_PE)) == "Tuesday, December 15, 2026 at 4:00 PM"
    assert format_time(datetime(2026, 12, 15, 14, 5, tzinfo=UTC), ES_PE) == "09:05"
    # 23:30 on 31 March in Lima is 1 April in UTC: the reader's day is the 31st.
    assert format_date(datetime(2026, 4, 1, 4, 30, tzinfo=UTC), ES_PE) == "31 de marzo de 2026"
    assert format_date(date(2026, 3, 5), EN, "full") == "Thursday, March 5, 2026"


def test_a_naive_instant_is_refused_rather_than_guessed() -> None:
    with pytest.raises(ValueError, match="time zone"):
        format_datetime(datetime(2026, 12, 15, 21, 0), ES_PE)


@pytest.mark.parametrize(
    ("amount_minor", "currency", "locale", "expected"),
    [
        (15000, "PEN", ES_PE, "S/ 150.00"),
        (22000, "PEN", EN_PE, "S/ 220.00"),
        (4000, "USD", ES_PE, "US$ 40.00"),
        (4000, "USD", EN_PE, "US$ 40.00"),
        (-4000, "USD", EN_PE, "-US$ 40.00"),
        (4000, "USD", EN, "$40.00"),
        (4000, "USD", MessageLocale.of("es", "EC", "America/Guayaquil"), "$40,00"),
        (123456789, "USD", EN, "$1,234,567.89"),
        (500, "JPY", EN, "¥500"),
        (1500, "KWD", EN_PE, "KWD 1.500"),
        (7, "USD", EN, "$0.07"),
    ],
)
def test_money_reads_as_people_in_the_practice_s_country_write_it(
    amount_minor: int, currency: str, locale: MessageLocale, expected: str
) -> None:
    assert plain(format_money(amount_minor, currency, locale)) == expected


def test_the_signs_people_recognise() -> None:
    assert currency_symbol("PEN", EN_PE) == "S/"
    assert currency_symbol("USD", ES_PE) == "US$"
    assert currency_symbol("EUR", EN_PE) == "€"
    assert currency_symbol("MXN", EN_PE) == "MX$"
    assert currency_symbol("COP", EN_PE) != "$"


def test_money_and_numbers_never_go_through_floats() -> None:
    assert plain(format_money(115, "USD", EN)) == "$1.15"  # 1.15 * 100 is 114.99999999999999 in floats
    with pytest.raises(TypeError):
        format_money(1.15, "USD", EN)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        format_number(0.1, EN)  # type: ignore[arg-type]
    assert format_number(Decimal("1234.5"), ES_PE) == "1,234.5"
