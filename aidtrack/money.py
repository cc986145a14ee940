"""Exact money: amounts as people write them, currencies as ISO 4217 (DESIGN §8).

Everything is `Decimal` built from strings. Amounts are parsed from the shapes that
appear in announcements (`85bn`, `7.5 billion`, `NOK 85bn`, `$7bn`, `1,200,000`) and
shown back compactly (`NOK 85.0bn`, `$8.9bn`), with the qualifier's mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from functools import cache

from .errors import InvalidInput, did_you_mean

DEFAULT_CURRENCY = "USD"
"""What reports are in when no currency is asked for."""
MAX_AMOUNT = Decimal(10) ** 18  # a quintillion: beyond any real pledge, within exact range

SCALES: dict[str, int] = {
    "": 0,
    "k": 3,
    "thousand": 3,
    "m": 6,
    "mn": 6,
    "mio": 6,
    "million": 6,
    "millions": 6,
    "b": 9,
    "bn": 9,
    "billion": 9,
    "billions": 9,
    "tn": 12,
    "trillion": 12,
    "trillions": 12,
}

SYMBOLS: dict[str, str] = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₴": "UAH"}

_AMOUNT = re.compile(
    r"""^\s*
    (?P<sign>[-+])?\s*
    (?P<pre>[A-Za-z]{3}(?=[\s\d])|[$€£¥₴])?\s*
    (?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*
    (?P<scale>[A-Za-z]*)\s*
    (?P<post>[A-Za-z]{3})?\s*$""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class ParsedAmount:
    """An amount as typed, with the currency it carried (if any)."""

    value: Decimal
    currency: str | None


def parse_amount(text: str) -> ParsedAmount:
    """Parse `85bn`, `7.5 billion`, `NOK 85bn`, `$7bn`, `1,200,000`; reject all else.

    Exponents (`7e999`), NaN and infinity never match; a sign is read only so that `-5`
    is refused as "not greater than zero". What comes out is positive, finite and exact.
    """
    match = _AMOUNT.match(text)
    if not match:
        raise InvalidInput(
            f"amount {text!r} is not a number: write it like 85bn, 7.5 billion, 850m, "
            "1,200,000 or NOK 85bn (positive, no exponent)"
        )
    scale_word, post = match["scale"].lower(), match["post"]
    if scale_word not in SCALES and post is None and len(scale_word) == 3:
        scale_word, post = "", match["scale"]  # `85 NOK`: the letters are the currency
    if scale_word not in SCALES:
        raise InvalidInput(
            f"amount {text!r}: unknown scale {match['scale']!r}; use k, m, bn, tn, "
            "thousand, million, billion or trillion"
        )
    number = (match["sign"] or "") + match["number"].replace(",", "")
    value = Decimal(number).scaleb(SCALES[scale_word])
    currency = _currency_mark(match["pre"], post, text)
    return ParsedAmount(check_amount(value, text), currency)


def _currency_mark(pre: str | None, post: str | None, text: str) -> str | None:
    if pre and post:
        raise InvalidInput(f"amount {text!r} names two currencies")
    mark = pre or post
    if mark is None:
        return None
    return SYMBOLS.get(mark) or normalize_currency(mark)


def check_amount(value: Decimal, shown: str) -> Decimal:
    """Positive, finite and below MAX_AMOUNT; returned without trailing exponent noise."""
    if not value.is_finite():
        raise InvalidInput(f"amount {shown!r} is not a finite number")
    if value <= 0:
        raise InvalidInput(f"amount {shown!r} must be greater than zero")
    if value >= MAX_AMOUNT:
        raise InvalidInput(f"amount {shown!r} is too large (the limit is 10^18)")
    return plain(value)


def plain(value: Decimal) -> Decimal:
    """The same number with a non-negative exponent removed: 8.5E+10 -> 85000000000."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def decimal_from_text(text: str, what: str = "amount") -> Decimal:
    """A stored or imported decimal string, strictly: digits and one dot, nothing else."""
    if not re.fullmatch(r"-?\d+(\.\d+)?", text.strip()):
        raise InvalidInput(f"{what} {text!r} is not a plain decimal number")
    try:
        return Decimal(text.strip())
    except InvalidOperation as error:  # pragma: no cover - the pattern already excludes it
        raise InvalidInput(f"{what} {text!r} is not a number") from error


@cache
def _currencies() -> dict[str, int]:
    """ISO 4217 codes and their minor units (2 for NOK, 0 for JPY, 3 for KWD)."""
    import iso4217  # imported on first use: only commands that validate pay for it

    units: dict[str, int] = {}
    for currency in iso4217.Currency:
        exponent = currency.exponent
        units[currency.code] = exponent if isinstance(exponent, int) else 2
    return units


def normalize_currency(code: str) -> str:
    """Upper-case ISO 4217 code; an unknown code is an error that says what is accepted."""
    normalized = code.strip().upper()
    if normalized in SYMBOLS:
        normalized = SYMBOLS[normalized]
    if normalized not in _currencies():
        raise InvalidInput(
            f"unknown currency {code!r}: use an ISO 4217 code such as USD, EUR, NOK or GBP"
            + did_you_mean(normalized, _currencies())
        )
    return normalized


def minor_unit(currency: str) -> int:
    """Decimal places of the currency's smallest unit."""
    return _currencies().get(currency, 2)


def check_places(value: Decimal, currency: str) -> Decimal:
    """Refuse fractions smaller than the currency's minor unit (NOK 1.001, JPY 0.5)."""
    places = minor_unit(currency)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > places:
        raise InvalidInput(
            f"{currency} {value} has more decimal places than {currency} has ({places})"
        )
    return value


def quantize(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)


QUALIFIER_MARKS: dict[str, str] = {"exact": "", "about": "~ ", "at_least": ">= ", "up_to": "<= "}

_UNITS: tuple[tuple[int, str], ...] = ((12, "tn"), (9, "bn"), (6, "m"))


def format_compact(value: Decimal, currency: str, qualifier: str = "exact") -> str:
    """`NOK 85.0bn`, `$8.9bn`, `>= NOK 35.0bn`: three significant digits, for people."""
    prefix = "$" if currency == "USD" else f"{currency} "
    return QUALIFIER_MARKS[qualifier] + prefix + compact_number(value)


def compact_number(value: Decimal) -> str:
    """85000000000 -> 85.0bn; 2690000000 -> 2.69bn; 850000 -> 850,000."""
    sign = "-" if value < 0 else ""
    magnitude = abs(value)
    for exponent, unit in _UNITS:
        if magnitude >= Decimal(10) ** exponent:
            scaled = magnitude.scaleb(-exponent)
            digits = 3 - len(str(int(scaled)))
            text = f"{quantize(scaled, max(digits, 1)):f}"
            if "." in text:
                whole, fraction = text.split(".")
                text = whole + "." + (fraction.rstrip("0") or "0")
            return f"{sign}{text}{unit}"
    return f"{sign}{plain(magnitude):,f}"


def format_exact(value: Decimal, currency: str) -> str:
    """Every digit, grouped: `NOK 85,000,000,000`."""
    return f"{currency} {value:,f}"
