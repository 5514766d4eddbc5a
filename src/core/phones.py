"""Phone numbers as stored: E.164 (+51987654321), read with the practice's country as the default for
numbers typed without a country code."""

from __future__ import annotations

import phonenumbers

COUNTRIES = frozenset(phonenumbers.SUPPORTED_REGIONS)


class BadPhone(ValueError):
    pass


def to_e164(typed: str, default_country: str | None) -> str:
    """'987 654 321' in Peru -> '+51987654321'; '+1 (212) 555-0100' anywhere -> '+12125550100'."""
    try:
        number = phonenumbers.parse(typed, default_country)
    except phonenumbers.NumberParseException as exc:
        hint = (
            "" if default_country else " Start with the country code (+51 ...) or set the practice's country."
        )
        raise BadPhone(f"This is not a phone number.{hint}") from exc
    if not phonenumbers.is_possible_number(number):
        raise BadPhone("This phone number has too few or too many digits.")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
