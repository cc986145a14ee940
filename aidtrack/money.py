"""Exact money: amounts as people write them, currencies as ISO 4217 (DESIGN §8).

Everything is `Decimal` built from strings. Amounts are parsed from the shapes that
appear in announcements (`85bn`, `7.5 billion`, `NOK 85bn`, `$7bn`, `1,200,000`) and
shown back compactly (`NOK 85.0bn`, `$8.9bn`), with the qualifier's mark.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from functools import cache
from typing import NamedTuple, NoReturn

from .errors import InvalidInput, did_you_mean

DEFAULT_CURRENCY = "USD"
"""What reports are in when no currency is asked for."""
MAX_AMOUNT = Decimal(10) ** 18  # a quintillion: beyond any real pledge, within exact range

# Scale words as English, Norwegian, Danish, Swedish, German and French news print them.
# Those of a language that writes a decimal comma also say how to read `1,500`.
SCALES: dict[str, int] = {
    "k": 3,
    "thousand": 3,
    "thousands": 3,
    "m": 6,
    "mn": 6,
    "mln": 6,
    "million": 6,
    "millions": 6,
    "b": 9,
    "bn": 9,
    "bln": 9,
    "billion": 9,
    "billions": 9,
    "tn": 12,
    "trn": 12,
    "trillion": 12,
    "trillions": 12,
}
DECIMAL_COMMA_SCALES: dict[str, int] = {
    "tsd": 3,
    "tusen": 3,
    "tusind": 3,
    "mille": 3,
    "mila": 3,  # Italian: "300 mila euro"
    "tys": 3,  # Polish: "500 tys. zł"
    "tysiąc": 3,
    "tysiące": 3,
    "tysięcy": 3,
    "mio": 6,
    "mill": 6,
    "millioner": 6,
    "millionen": 6,
    "miljon": 6,
    "miljoner": 6,
    "md": 9,
    "mds": 9,
    "mrd": 9,
    "mia": 9,
    "mdr": 9,
    "milliard": 9,
    "milliards": 9,
    "milliarde": 9,
    "milliarden": 9,
    "milliarder": 9,
    "miljard": 9,
    "miljarder": 9,
    "millionar": 6,  # Nynorsk
    "milliardar": 9,
    "millionene": 6,  # definite plurals: "de 100 millionene Norge har bidratt med"
    "millionerne": 6,
    "miljonerna": 6,
    "millionane": 6,
    "milliardene": 9,
    "milliarderne": 9,
    "miljarderna": 9,
    "milliardane": 9,
    "billionen": 12,  # German: a Billion is a million million
    "bio": 12,
    # Dutch, Polish, Spanish and Italian (issue 24).
    "miljoen": 6,
    "miljoenen": 6,
    "miljarden": 9,
    "milion": 6,
    "miliona": 6,
    "miliony": 6,
    "milionów": 6,
    "miliard": 9,
    "miliarda": 9,
    "miliardy": 9,
    "miliardów": 9,
    "mld": 9,
    "millón": 6,
    "millones": 6,
    "mil millones": 9,  # Spanish: a thousand million
    "milione": 6,
    "milioni": 6,
    "miliardo": 9,
    "miliardi": 9,
    # A million million in each of them, as in German and Swedish.
    "biljon": 12,
    "biljoner": 12,
    "biljoen": 12,
    "biljoenen": 12,
    "bilion": 12,
    "biliona": 12,
    "biliony": 12,
    "bilionów": 12,
    "billón": 12,
    "billones": 12,
    "trilione": 12,
    "trilioni": 12,
}

SYMBOLS: dict[str, str] = {"$": "USD", "€": "EUR", "£": "GBP", "₤": "GBP", "¥": "JPY", "₴": "UAH"}
CURRENCY_WORDS: dict[str, str] = {
    **SYMBOLS,
    "us$": "USD",
    "$us": "USD",  # as French and Australian texts write it
    "c$": "CAD",
    "can$": "CAD",
    "au$": "AUD",
    "$ca": "CAD",
    "$can": "CAD",
    "a$": "AUD",
    "nz$": "NZD",
    "dollar": "USD",
    "dollars": "USD",
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "us-dollar": "USD",
    "canadian dollars": "CAD",
    "australian dollars": "AUD",
    "sdr": "XDR",
    "sdrs": "XDR",
    "special drawing rights": "XDR",
    "dts": "XDR",
    "droits de tirage spéciaux": "XDR",
    "szr": "XDR",
    "sonderziehungsrechte": "XDR",
    "sonderziehungsrechten": "XDR",
    "derechos especiales de giro": "XDR",
    "diritti speciali di prelievo": "XDR",
    "dsp": "XDR",  # Italian "milioni di Dsp"
    "deg": "XDR",  # Spanish "DEG 1.529 millones"
    "trekkrettigheter": "XDR",
    "särskilda dragningsrätter": "XDR",
    "kyat": "MMK",
    "kyats": "MMK",
    "taka": "BDT",
    "afghani": "AFN",
    "afghanis": "AFN",
    "birr": "ETB",
    "naira": "NGN",
    "yuan": "CNY",
    "renminbi": "CNY",
    "shekel": "ILS",
    "shekels": "ILS",
    "ruble": "RUB",
    "rubles": "RUB",
    "rouble": "RUB",
    "roubles": "RUB",
    "reais": "BRL",
    "rand": "ZAR",
    "forint": "HUF",
    "koruna": "CZK",
    "rupiah": "IDR",
    "ringgit": "MYR",
    "baht": "THB",
    "cedis": "GHS",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "livres sterling": "GBP",
    "yen": "JPY",
    "yenes": "JPY",
    "yens": "JPY",
    "jenów": "JPY",
    "japanese yen": "JPY",
    "chinese yuan": "CNY",
    "indian rupees": "INR",
    "turkish lira": "TRY",
    "south african rand": "ZAR",
    "swiss francs": "CHF",
    "francs suisses": "CHF",
    "zloty": "PLN",
    "zlotys": "PLN",
    "złoty": "PLN",
    "hryvnia": "UAH",
    "hryvnias": "UAH",
    # The same currencies in the donors' languages (issue 24).
    "dollari": "USD",
    "dólares": "USD",
    "dólar": "USD",
    "dolarów": "USD",
    "dolary": "USD",
    "dolara": "USD",
    "dol": "USD",  # Polish "mln dol."
    "pund": "GBP",
    "pfund": "GBP",
    "britische pfund": "GBP",
    "britiske pund": "GBP",
    "brittiska pund": "GBP",
    "pond": "GBP",
    "pond sterling": "GBP",
    "livres": "GBP",
    "funtów": "GBP",
    "funty": "GBP",
    "funtów szterlingów": "GBP",
    "libras": "GBP",
    "libras esterlinas": "GBP",
    "sterline": "GBP",
    "złotych": "PLN",
    "złote": "PLN",
    "zł": "PLN",
    "franken": "CHF",
    "schweizer franken": "CHF",
    "franchi svizzeri": "CHF",
    "francos suizos": "CHF",
    "hrywien": "UAH",
    "hrywny": "UAH",
    "grivnas": "UAH",
    "rubel": "RUB",
    "rubler": "RUB",
    "rubeln": "RUB",
    "rublo": "RUB",
    "rubli": "RUB",
    "rublos": "RUB",
    "roebel": "RUB",
    "rubli rosyjskich": "RUB",
}
DOLLARS = ("USD", "CAD", "AUD", "NZD")
CURRENCY_WORDS |= {f"{code.lower()}$": code for code in DOLLARS}  # "AUD$12.05m"
# "Kuwaiti dinars", "dinars tunisiens": a dinar that names its country.
CURRENCY_WORDS |= {
    name: code
    for country, code in (
        ("kuwaiti", "KWD"),
        ("jordanian", "JOD"),
        ("iraqi", "IQD"),
        ("tunisian", "TND"),
        ("bahraini", "BHD"),
        ("libyan", "LYD"),
        ("algerian", "DZD"),
    )
    for name in (f"{country} dinar", f"{country} dinars")
}
CURRENCY_WORDS |= {"dinars tunisiens": "TND", "dinari tunisini": "TND", "kd": "KWD"}
# "Norwegian kronor", "danske kroner": a krone that names its country.
CURRENCY_WORDS |= {
    f"{country} {krone}": code
    for country, code in (
        ("norwegian", "NOK"),
        ("norske", "NOK"),
        ("danish", "DKK"),
        ("danske", "DKK"),
        ("swedish", "SEK"),
        ("svenska", "SEK"),
        ("icelandic", "ISK"),
    )
    for krone in (
        *("kroner", "kronor", "krone", "krona", "kronur", "krónur", "krones", "kronas"),
        "crowns",
    )
}
KRONE_WORDS = (
    *("kr", "krone", "kroner", "kronor", "krona", "kronur", "krónur", "kronen", "krones"),
    "kronas",
    *("couronnes", "couronne", "coronas", "corona", "corone", "koron", "korony", "crowns"),
)
KRONE_CURRENCIES: dict[str, str] = {"NOR": "NOK", "DNK": "DKK", "SWE": "SEK", "ISL": "ISK"}
"""Whose krone a bare `kroner` is, by the donor's ISO 3166 code."""
RIYAL_WORDS = (
    *("riyal", "riyals", "rial", "rials", "riales", "riyales", "rijal", "riyalen", "rialen"),
    *("riyaler", "rialer", "rialów", "riali", "riyali"),
)
RIYAL_CURRENCIES = {"SAU": "SAR", "QAT": "QAR", "OMN": "OMR", "YEM": "YER", "IRN": "IRR"}
"""Whose riyal a bare `riyals` is: the Gulf's donors give in their own."""
CFA_WORDS = ("fcfa", "francs cfa", "franc cfa", "cfa francs", "cfa franc", "f cfa")
CFA_CURRENCIES = {
    **dict.fromkeys(("BEN", "BFA", "CIV", "GNB", "MLI", "NER", "SEN", "TGO"), "XOF"),
    **dict.fromkeys(("CMR", "CAF", "TCD", "COG", "GNQ", "GAB"), "XAF"),
}
"""Whose CFA franc is meant: West Africa's (XOF) or Central Africa's (XAF)."""
SHARED_NAMES: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "kroner": (KRONE_WORDS, KRONE_CURRENCIES),
    "riyals": (RIYAL_WORDS, RIYAL_CURRENCIES),
    "lei": (("lei", "leu", "leis", "lej"), {"ROU": "RON", "MDA": "MDL"}),
    "CFA francs": (CFA_WORDS, CFA_CURRENCIES),
}
"""Currency names several countries share: the words, and whose currency each country's
is. An amount in one is settled by its donor (or a given code among them)."""
OWN_CURRENCY = {code: own for _, owners in SHARED_NAMES.values() for code, own in owners.items()}
SHARED_WORDS = {word: name for name, (words, _) in SHARED_NAMES.items() for word in words}
CURRENCY_SCALES: dict[str, tuple[int, str]] = {
    **{word: (power, "kroner") for word, power in (("tkr", 3), ("mkr", 6), ("mnkr", 6))},
    **{word: (9, "kroner") for word in ("mdkr", "mdrkr")},
    **{f"m{code}": (6, code.upper()) for code in ("eur", "usd", "chf", "gbp", "sek", "nok", "dkk")},
    **{f"{md}{code}": (9, code.upper()) for md in ("md", "mrd") for code in ("eur", "usd", "chf")},
}
"""A scale and its currency in one word: Swedish "300 mkr" and "950 MSEK", French "326 MEUR",
"1,5 MdEUR"."""

# The patterns of amounts are compiled on first use (and kept by `re`'s cache), not
# on import: a command that reads no amount does not pay for them.
_NUMBER_AND_REST = r"""^\s*
    (?P<sign>[-+])?\s*
    (?P<pre>[A-Za-z]{1,3}\$|\$[A-Za-z]{2,3}(?=\s*[0-9.])|[$€£₤¥₴]|[A-Za-z]{2,3}\.?(?=\s*[0-9.]))?\s*
    (?P<number>[0-9][0-9,. ]*[0-9]|[0-9]|\.[0-9]+)
    (?P<rest>[^0-9]*)$"""
_EXAMPLES = "85bn, 7.5 billion, 7,5 mrd, 850m, 1,200,000, NOK 85bn or 2,5 Mrd. Euro"

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS: dict[str, int] = {
    **{word: value for value, word in enumerate(_ONES)},
    **{word: 20 + 10 * index for index, word in enumerate(_TENS)},
}
# "Fifteen billion", "twenty-five million", "one and a half billion", "a billion": words
# for the number, always followed by a scale word (a bare "one" is no amount).
_SPELLED = (
    r"(?i)\b(?P<words>(?:an?|and|half|hundred|"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r")(?:[\s-]+(?:and|half|hundred|a|"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r"))*)(?=\s+(?:thousand|million|billion|trillion|mn|bn|milliarder|millioner)\b)"
)


def spelled_out(text: str) -> str:
    """`Fifteen billion` -> `15 billion`; `one and a half billion` -> `1.5 billion`."""

    def digits(match: re.Match[str]) -> str:
        words = re.split(r"[\s-]+", match["words"].lower())
        total, half = 0, "half" in words
        for index, word in enumerate(words):
            if word in NUMBER_WORDS:
                total += NUMBER_WORDS[word]
            elif word == "hundred":
                total = max(total, 1) * 100
            elif word in ("a", "an") and index == 0 and len(words) == 1:
                total = 1  # "a billion"; in "one and a half" or "half a" it counts nothing
        if half:
            return f"{total}.5" if total else "0.5"
        return str(total) if total else match[0]

    return re.sub(_SPELLED, digits, text)


class ParsedAmount(NamedTuple):
    """An amount as typed, with the currency it named: one (`NOK 85bn`), none (`85bn`),
    or a name several countries share (`85 milliarder kroner`, `1 billion riyals`) that
    the donor settles among `one_of`; `shared` is that name."""

    value: Decimal
    currency: str | None
    one_of: tuple[str, ...] = ()
    shared: str = ""

    @property
    def codes(self) -> set[str]:
        """Every currency the amount may be in: the one it named, or those it allows."""
        return {code for code in (self.currency, *self.one_of) if code is not None}

    @property
    def names_currency(self) -> bool:
        return self.currency is not None or bool(self.one_of)

    @property
    def named(self) -> str:
        """What the text said of the currency: `NOK`, or `DKK, ISK, NOK or SEK`."""
        if self.currency or not self.one_of:
            return self.currency or ""
        return ", ".join(self.one_of[:-1]) + " or " + self.one_of[-1]

    def settled(self, given: str | None, donor_code: str | None) -> str | None:
        """The currency: the one it named, else the one given that it allows, else the
        donor's own krone or riyal. None when nothing settles it."""
        if not self.one_of:
            return self.currency or given
        if given is not None:
            return given if given in self.one_of else None
        own = OWN_CURRENCY.get(donor_code or "")
        return own if own in self.one_of else None


def _shared(value: Decimal, name: str) -> ParsedAmount:
    """An amount in a currency name several countries share (see `SHARED_NAMES`)."""
    return ParsedAmount(value, None, tuple(sorted(set(SHARED_NAMES[name][1].values()))), name)


def parse_amount(text: str) -> ParsedAmount:
    """An amount as people and the news write it; anything else is refused with the reason.

    The number takes `1,200,000`, `1.200.000`, `1 200 000`, `7.5`, `7,5` and `1.234,5`. A
    single comma or dot before exactly three digits is a thousands separator in English
    (`1,500` is 1500, `1.500` is 1.5); next to a word of a decimal-comma language
    (`1,500 mrd`) it could be either, and is refused with both readings, unless the three
    digits are zeros (`1.000 millones` is a thousand million: no one writes 1.0 so). Exponents
    (`7e999`), NaN and infinity never match; a sign is read only so that `-5` is refused
    as "not greater than zero". What comes out is positive, finite and exact.
    """
    cleaned = spelled_out(text.replace("\u2212", "-"))
    for space in ("\u00a0", "\u202f", "\u2009"):
        cleaned = cleaned.replace(space, " ")
    match = re.match(_NUMBER_AND_REST, cleaned, re.VERBOSE)
    if not match:
        raise InvalidInput(
            f"amount {text!r} is not a number: write it like {_EXAMPLES} (positive, no exponent)"
        )
    exponent, named, decimal_comma = _words(match["rest"], text)
    before = _currency(match["pre"]) if match["pre"] else None
    if match["pre"] == "$" and named in DOLLARS:
        before = named  # "$2.4 billion Canadian dollars": the words say which dollar
    if before and named and before != named:
        raise InvalidInput(f"amount {text!r} names two currencies")
    named = before or named
    number = _number(match["number"].strip(), text, decimal_comma)
    value = check_amount(Decimal((match["sign"] or "") + number).scaleb(exponent), text)
    if named in SHARED_NAMES:
        return _shared(value, named)
    return ParsedAmount(value, named)


def _words(rest: str, text: str) -> tuple[int, str | None, bool]:
    """The scale and currency written after the number (`bn`, `Mrd. Euro`, `milliarder
    kroner`, `Md€`, `mkr`), and whether they come from a decimal-comma language."""
    words = re.sub(_COMPOUND_SCALE, r"\1", " ".join(rest.split()).lower(), count=1)
    exponent, decimal_comma = 0, False
    scales = {**SCALES, **DECIMAL_COMMA_SCALES}
    scale, words = _take(words, scales)
    if scale:
        exponent, decimal_comma = scales[scale], scale in DECIMAL_COMMA_SCALES
    elif (combined := _take(words, CURRENCY_SCALES))[0]:
        return (*CURRENCY_SCALES[combined[0]], True)
    words = re.sub("^(?:de |d'|d\u2019|of |di )", "", words)
    word, words = _take(words, {*CURRENCY_WORDS, *SHARED_WORDS})
    if not word and (code := re.fullmatch(r"[a-z]{3}\.?", words)):
        word, words = code[0].removesuffix("."), ""
    if words:
        raise InvalidInput(
            f"amount {text!r}: unknown scale or currency {words!r}; use a scale (k, m, bn, "
            "tn, million, billion, mrd, Mio., Milliarden, milliards) and a currency (NOK, "
            "€, $, kroner, euros, pounds)"
        )
    if word in SHARED_WORDS:  # kroner come from languages that write a decimal comma
        return exponent, SHARED_WORDS[word], decimal_comma or SHARED_WORDS[word] == "kroner"
    if word in CURRENCY_WORDS:
        return exponent, CURRENCY_WORDS[word], decimal_comma
    return exponent, (normalize_currency(word.upper()) if word else None), decimal_comma


COMPOUND_SCALES = ("milliarder", "miljarder", "milliarden", "millioner", "miljoner", "millionen")
"""Scales that Germanic compounds end in ("7,8 biståndsmiljarder", "Hilfsmilliarden")."""
_COMPOUND_SCALE = rf"^[^\W\d_]{{3,}}?({'|'.join(COMPOUND_SCALES)})(?![^\W\d_])"


def _take(words: str, known: Iterable[str]) -> tuple[str, str]:
    """The longest known word at the start of `words` (with its abbreviation dot, if
    any), and what follows it."""
    for word in sorted(known, key=len, reverse=True):
        after = words.removeprefix(word)
        if after != words and not (after and after[0].isalpha()):
            return word, after.removeprefix(".").strip()
    return "", words


def _currency(mark: str) -> str:
    """The currency written before the number: `$`, `US$`, `€`, `NOK`, `kr`."""
    word = mark.lower().removesuffix(".")
    if word in KRONE_WORDS:
        return "kroner"
    return CURRENCY_WORDS.get(word) or normalize_currency(word)


def _number(digits: str, text: str, decimal_comma: bool) -> str:
    """Digits with their separators as a plain decimal string (see `parse_amount`)."""

    def refuse() -> NoReturn:
        raise InvalidInput(
            f"amount {text!r} is not a number: write it like {_EXAMPLES} (positive, no exponent)"
        )

    if " " in digits:
        head, *groups = digits.split(" ")
        last = re.fullmatch(r"(\d{3})([.,]\d+)?", groups[-1])
        if not (re.fullmatch(r"\d{1,3}", head) and last) or not all(
            re.fullmatch(r"\d{3}", group) for group in groups[:-1]
        ):
            refuse()
        digits = head + "".join(groups[:-1]) + last[1] + (last[2] or "")
    marks = [mark for mark in ",." if mark in digits]
    if len(marks) == 2:  # `1,234.5` or `1.234,5`: the last mark is the decimal one
        point = "," if digits.rfind(",") > digits.rfind(".") else "."
        whole, _, fraction = digits.rpartition(point)
        thousands = "." if point == "," else ","
        if point in whole or not _grouped(whole, thousands):
            refuse()
        return whole.replace(thousands, "") + "." + fraction
    if not marks:
        return digits
    mark = marks[0]
    whole, *fractions = digits.split(mark)
    if len(fractions) > 1:  # `1,200,000` or `1.200.000`
        if not _grouped(digits, mark):
            refuse()
        return digits.replace(mark, "")
    fraction = fractions[0]
    if len(fraction) == 3 and 1 <= len(whole) <= 3 and whole != "0":
        if not decimal_comma:
            return whole + fraction if mark == "," else whole + "." + fraction
        if fraction == "000":  # `1.000 millones`: no one writes 1.0 as 1.000
            return whole + fraction
        thousands, decimal = whole + fraction, whole + "." + (fraction.rstrip("0") or "0")
        raise InvalidInput(
            f"amount {text!r} is ambiguous: {digits} reads as {thousands} or as {decimal}; "
            f"write {thousands} or {decimal} to say which"
        )
    return whole + "." + fraction


def _grouped(digits: str, mark: str) -> bool:
    return re.fullmatch(rf"\d{{1,3}}(?:{re.escape(mark)}\d{{3}})+", digits) is not None


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


NOT_MONEY: dict[str, tuple[str, str | None]] = {
    "XXX": ("the code for no currency at all", None),
    "XTS": ("reserved for testing", None),
    "XAU": ("gold", None),
    "XAG": ("silver", None),
    "XPT": ("platinum", None),
    "XPD": ("palladium", None),
    "XBA": ("a bond markets' unit of account (EURCO)", None),
    "XBB": ("a bond markets' unit of account (E.M.U.-6)", None),
    "XBC": ("a bond markets' unit of account (E.U.A.-9)", None),
    "XBD": ("a bond markets' unit of account (E.U.A.-17)", None),
    "XSU": ("the Sucre, a unit ALBA's central banks clear trade in", None),
    "XUA": ("the African Development Bank's unit of account, worth one SDR", "XDR"),
    "BOV": ("Bolivia's Mvdol, a dollar-linked unit", "BOB"),
    "CHE": ("the WIR euro of Switzerland's WIR Bank", "CHF"),
    "CHW": ("the WIR franc of Switzerland's WIR Bank", "CHF"),
    "CLF": ("Chile's Unidad de Fomento, an inflation-linked unit", "CLP"),
    "COU": ("Colombia's Unidad de Valor Real, an inflation-linked unit", "COP"),
    "MXV": ("Mexico's Unidad de Inversion, an inflation-linked unit", "MXN"),
    "USN": ("next-day US dollars, a money-market code", "USD"),
    "UYI": ("Uruguay's Unidades Indexadas, an inflation-linked unit", "UYU"),
    "UYW": ("Uruguay's Unidad Previsional, a wage-linked unit", "UYU"),
}
"""ISO 4217 codes that are not money a donor gives (metals, funds, test and bond
codes), with what each is and the currency to record instead. The SDR (XDR) is money
here: the IMF lends in it."""


@cache
def _currencies() -> dict[str, int]:
    """ISO 4217 codes of money and their minor units (2 for NOK, 0 for JPY, 3 for KWD)."""
    import iso4217  # imported on first use: only commands that validate pay for it

    units: dict[str, int] = {}
    for currency in iso4217.Currency:
        exponent = currency.exponent
        if currency.code not in NOT_MONEY:
            units[currency.code] = exponent if isinstance(exponent, int) else 2
    return units


def currency_codes() -> list[str]:
    """Every ISO 4217 code, sorted."""
    return sorted(_currencies())


def normalize_currency(code: str) -> str:
    """Upper-case ISO 4217 code; an unknown code is an error that says what is accepted."""
    normalized = code.strip().upper()
    if normalized in SYMBOLS:
        normalized = SYMBOLS[normalized]
    if normalized in NOT_MONEY:
        what, instead = NOT_MONEY[normalized]
        raise InvalidInput(
            f"{normalized} is {what}, not money a donor gives: record the amount in "
            + (instead or "a currency such as USD, EUR or NOK")
        )
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
    """85000000000 -> 85.0bn; 2690000000 -> 2.69bn; 999950000 -> 1.0bn; 850000 -> 850,000."""
    sign = "-" if value < 0 else ""
    magnitude = abs(value)
    for index, (exponent, unit) in enumerate(_UNITS):
        if magnitude >= Decimal(10) ** exponent:
            scaled = _three_digits(magnitude.scaleb(-exponent))
            if scaled >= 1000 and index:  # 999.95m rounds to 1000m: say 1.0bn
                exponent, unit = _UNITS[index - 1]
                scaled = _three_digits(magnitude.scaleb(-exponent))
            text = f"{scaled:f}"
            if "." in text:
                whole, fraction = text.split(".")
                text = whole + "." + (fraction.rstrip("0") or "0")
            return f"{sign}{text}{unit}"
    return f"{sign}{plain(magnitude):,f}"


def _three_digits(scaled: Decimal) -> Decimal:
    return quantize(scaled, max(3 - len(str(int(scaled))), 1))


def format_compared(first: Decimal, second: Decimal, currency: str) -> tuple[str, str]:
    """Two amounts a message compares (`NOK 218.5bn, more than NOK 185.0bn`), as
    `format_compact` shows them, or with every digit where that would show them alike."""
    shown = format_compact(first, currency), format_compact(second, currency)
    if shown[0] != shown[1]:
        return shown
    return format_exact(plain(first), currency), format_exact(plain(second), currency)


def format_exact(value: Decimal, currency: str) -> str:
    """Every digit, grouped: `NOK 85,000,000,000`."""
    return f"{currency} {value:,f}"
