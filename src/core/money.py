"""Money is integer minor units plus an ISO 4217 code. This module knows the codes and their exponents."""

from __future__ import annotations

from tend.core.errors import ErrorCode, Invalid

# Active ISO 4217 codes (funds and precious metals excluded) with their minor-unit exponent when it is not 2.
_EXPONENT_0 = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"
_EXPONENT_3 = "BHD IQD JOD KWD LYD OMR TND"
_EXPONENT_4 = "CLF UYW"
_EXPONENT_2 = (
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF "
    "CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL HTG HUF "
    "IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR "
    "MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD "
    "SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VED VES WST XCD XCG "
    "YER ZAR ZMW ZWG"
)

CURRENCY_EXPONENTS: dict[str, int] = {
    **{code: 2 for code in _EXPONENT_2.split()},
    **{code: 0 for code in _EXPONENT_0.split()},
    **{code: 3 for code in _EXPONENT_3.split()},
    **{code: 4 for code in _EXPONENT_4.split()},
}

MAX_AMOUNT_MINOR = 10**12  # far above any fee or price; keeps sums inside 64-bit integers


def check_currency(code: str, field: str) -> str:
    if code not in CURRENCY_EXPONENTS:
        raise Invalid(
            f"{code!r} is not an ISO 4217 currency code (e.g. PEN, USD).",
            field=field,
            code=ErrorCode.currency,
        )
    return code


def check_amount(amount_minor: int, field: str, *, allow_zero: bool = True) -> int:
    if isinstance(amount_minor, bool) or not isinstance(amount_minor, int):
        raise Invalid(
            "Amounts are whole numbers of minor units (cents, céntimos).",
            field=field,
            code=ErrorCode.wrong_type,
        )
    if amount_minor < 0 or (amount_minor == 0 and not allow_zero) or amount_minor > MAX_AMOUNT_MINOR:
        raise Invalid("The amount is out of range.", field=field, code=ErrorCode.out_of_range)
    return amount_minor


def check_prices(prices: dict[str, int], field: str, enabled: list[str] | None = None) -> dict[str, int]:
    """A price list: currency code -> non-negative minor units, only in currencies the practice uses."""
    for code, amount in prices.items():
        check_currency(code, f"{field}.{code}")
        if enabled is not None and code not in enabled:
            raise Invalid(
                f"{code} is not enabled for this practice; enable it in the practice settings first.",
                field=f"{field}.{code}",
                code=ErrorCode.currency_not_enabled,
            )
        check_amount(amount, f"{field}.{code}")
    return dict(sorted(prices.items()))
