"""The pledge record (DESIGN §3), its vocabularies, and the rules that make it valid.

A record is built in one of two ways: a `Builder` validates what a person or a file said
(names resolve through ISO 3166, amounts and currencies are checked), and
`Pledge.from_json` reads back what aidtrack itself wrote. Both give the same frozen
`Pledge`; `to_json` is the JSON contract of DESIGN §5, which is also the stored form.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import partial
from typing import Any, TypeVar

from . import money, places
from .errors import InvalidInput, did_you_mean

FIRST_YEAR, LAST_YEAR = 1945, 2100
E = TypeVar("E", bound=StrEnum)


class Status(StrEnum):
    """The stages a pledge moves through; the same money at two stages is one pledge."""

    ANNOUNCED = "announced"
    COMMITTED = "committed"
    ALLOCATED = "allocated"
    DISBURSED = "disbursed"


DELIVERED_STAGES = frozenset({Status.ALLOCATED, Status.DISBURSED})
"""The stages of money delivered or specified for delivery (DESIGN §2a)."""
STAGE_ORDER = {status: rank for rank, status in enumerate(Status)}


class Category(StrEnum):
    MILITARY = "military"
    FINANCIAL = "financial"
    HUMANITARIAN = "humanitarian"
    CIVILIAN = "civilian"
    MIXED = "mixed"


class Qualifier(StrEnum):
    """How the source hedged the figure: "at least", "up to", "about"."""

    EXACT = "exact"
    ABOUT = "about"
    AT_LEAST = "at_least"
    UP_TO = "up_to"


class Instrument(StrEnum):
    GRANT = "grant"
    LOAN = "loan"
    GUARANTEE = "guarantee"
    IN_KIND = "in_kind"
    UNSPECIFIED = "unspecified"


def choice(kind: type[E], text: str, what: str) -> E:
    """An enum member from text in any case, with `-` or `_`; else a one-line error."""
    key = text.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return kind(key)
    except ValueError:
        allowed = [member.value for member in kind]
        raise InvalidInput(
            f"{what} {text!r} is not one of: {', '.join(allowed)}{did_you_mean(key, allowed)}"
        ) from None


@dataclass(frozen=True, slots=True, order=True)
class YearSpan:
    """One year, or the range of a multi-year envelope (DESIGN §2.5)."""

    start: int
    end: int

    @classmethod
    def parse(cls, text: str) -> YearSpan:
        """`2026` or `2023-2027` (also with the en or em dash that sources print)."""
        parts = text.strip().replace("\u2013", "-").replace("\u2014", "-").split("-")
        if len(parts) > 2 or not all(_ascii_digits(part.strip()) for part in parts):
            raise InvalidInput(f"year {text!r} must be a year like 2026 or a range like 2023-2027")
        longest = max(len(part.strip().lstrip("0")) for part in parts)
        if longest > 4:  # and int() refuses 4,300 digits
            raise InvalidInput(
                f"year {text.strip()[:12]!r}... has {longest:,} digits: a year is in "
                f"{FIRST_YEAR}-{LAST_YEAR}"
            )
        numbers = [int(part) for part in parts]
        return cls.of(numbers[0], numbers[-1])

    @classmethod
    def of(cls, start: int, end: int) -> YearSpan:
        for year in (start, end):
            if not FIRST_YEAR <= year <= LAST_YEAR:
                raise InvalidInput(f"year {year} is outside {FIRST_YEAR}-{LAST_YEAR}")
        if end < start:
            raise InvalidInput(f"year range {start}-{end} ends before it starts")
        return cls(start, end)

    @property
    def is_envelope(self) -> bool:
        return self.end > self.start

    def __contains__(self, year: object) -> bool:
        """`2026 in span`: whether the span covers that year."""
        return type(year) is int and self.start <= year <= self.end

    def overlaps(self, other: YearSpan) -> bool:
        return self.start <= other.end and other.start <= self.end

    def contains(self, other: YearSpan) -> bool:
        return self.start <= other.start and other.end <= self.end

    def meets(self, years: Container[int]) -> bool:
        """Whether any of `years` falls within the span."""
        return any(year in years for year in range(self.start, self.end + 1))

    def __str__(self) -> str:
        return f"{self.start}-{self.end}" if self.is_envelope else str(self.start)


EVERY_YEAR = YearSpan(FIRST_YEAR, LAST_YEAR)


@dataclass(frozen=True, slots=True)
class Source:
    """Where a figure was read: the URL, the article's date, the sentence quoted."""

    url: str | None = None
    date: str | None = None
    quote: str | None = None

    def to_json(self) -> dict[str, str | None]:
        return {"url": self.url, "date": self.date, "quote": self.quote}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Source:
        if not isinstance(data, Mapping):
            raise InvalidInput("a source must be an object with url, date and quote")
        return cls(
            _optional_text(data.get("url"), "source url"),
            parse_date(data.get("date"), "source date"),
            _optional_text(data.get("quote"), "quote"),
        )


@dataclass(frozen=True, slots=True)
class Pledge:
    id: str
    donor: str
    donor_code: str | None
    recipient: str
    recipient_code: str | None
    years: YearSpan
    amount: Decimal
    currency: str
    qualifier: Qualifier = Qualifier.EXACT
    status: Status = Status.ANNOUNCED
    category: Category = Category.MIXED
    label: str | None = None
    instrument: Instrument = Instrument.UNSPECIFIED
    announced_on: str | None = None
    sources: tuple[Source, ...] = ()
    supersedes: str | None = None
    part_of: str | None = None
    delivery_of: str | None = None
    note: str | None = None
    created_at: str = ""
    updated_at: str = ""

    @property
    def year_label(self) -> str:
        return str(self.years)

    @property
    def link(self) -> tuple[str, str | None, str | None, str | None]:
        """(id, supersedes, part_of, delivery_of): what `counting` and `rules` read of a
        record's links."""
        return self.id, self.supersedes, self.part_of, self.delivery_of

    @property
    def delivered_stage(self) -> bool:
        """Whether the money reached `allocated` or `disbursed` (DESIGN §2a)."""
        return self.status in DELIVERED_STAGES

    def to_json(self) -> dict[str, Any]:
        """The record as DESIGN §5 prints it: exact amount string, `year` or `years`,
        and always `first_year` and `last_year`."""
        data: dict[str, Any] = {
            "id": self.id,
            "donor": self.donor,
            "donor_code": self.donor_code,
            "recipient": self.recipient,
            "recipient_code": self.recipient_code,
        }
        if self.years.is_envelope:
            data["years"] = [self.years.start, self.years.end]
        else:
            data["year"] = self.years.start
        # Integer columns for pandas and jq, the same for single years and envelopes.
        data.update(
            first_year=self.years.start,
            last_year=self.years.end,
            amount=f"{self.amount:f}",
            currency=self.currency,
            qualifier=self.qualifier.value,
            status=self.status.value,
            category=self.category.value,
            label=self.label,
            instrument=self.instrument.value,
            announced_on=self.announced_on,
            sources=[source.to_json() for source in self.sources],
            supersedes=self.supersedes,
            part_of=self.part_of,
            delivery_of=self.delivery_of,
            note=self.note,
            created_at=self.created_at,
            updated_at=self.updated_at,
        )
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Pledge:
        """Read back a record that aidtrack wrote: every field's type and value is checked,
        but names are taken as canonical and dates as written.

        This runs for every record a command loads (100,000 in a large store), so it
        checks inline rather than through the validators that `build` uses.
        """
        try:
            amount = Decimal(_text(data["amount"]))
            if not (amount.is_finite() and 0 < amount < money.MAX_AMOUNT):
                raise ValueError(f"amount {data['amount']!r} is not a positive amount")
            sources = data.get("sources") or ()
            if type(sources) is not list and sources != ():
                raise ValueError("sources must be a list")
            return cls(
                id=_text(data["id"]),
                donor=_text(data["donor"]),
                donor_code=_text_or_none(data.get("donor_code")),
                recipient=_text(data["recipient"]),
                recipient_code=_text_or_none(data.get("recipient_code")),
                years=stored_years(data),
                amount=amount,
                currency=_text(data["currency"]),
                qualifier=_QUALIFIERS[data.get("qualifier", "exact")],
                status=_STATUSES[data.get("status", "announced")],
                category=_CATEGORIES[data.get("category", "mixed")],
                label=_text_or_none(data.get("label")),
                instrument=_INSTRUMENTS[data.get("instrument", "unspecified")],
                announced_on=_text_or_none(data.get("announced_on")),
                sources=tuple(
                    Source(
                        _text_or_none(s["url"]), _text_or_none(s["date"]), _text_or_none(s["quote"])
                    )
                    for s in sources
                ),
                supersedes=_text_or_none(data.get("supersedes")),
                part_of=_text_or_none(data.get("part_of")),
                delivery_of=_text_or_none(data.get("delivery_of")),
                note=_text_or_none(data.get("note")),
                created_at=str(data.get("created_at") or ""),
                updated_at=str(data.get("updated_at") or ""),
            )
        except KeyError as error:
            raise InvalidInput(
                f"record {data.get('id')!r}: {error} is missing or unknown"
            ) from None
        except InvalidOperation:  # only the amount is read as a Decimal
            raise InvalidInput(
                f"record {data.get('id')!r}: amount {data['amount']!r} is not a number"
            ) from None
        except (ValueError, TypeError, ArithmeticError) as error:
            raise InvalidInput(f"record {data.get('id')!r}: {error}") from None


def in_stored_form(doc: Mapping[str, Any]) -> bool:
    """Whether `doc` is exactly what `to_json` writes for the record `from_json` reads
    from it, key order included: then the record is printed as it is stored, without
    being built (what aidtrack wrote always is; a hand edit may not be).

    It runs for every record a listing prints: keys and value types are compared with
    the stored form's at once, then what types cannot say is checked.
    """
    keys = tuple(doc)
    if keys != _YEAR_KEYS and keys != _YEARS_KEYS:
        return False
    values = tuple(doc.values())
    if tuple(map(type, values)) not in _STORED_TYPES[keys[5]]:
        return False
    try:
        start, end = values[5] if keys[5] == "years" else (values[5], values[5])
        return (
            "" not in values[:21]  # texts are never empty (created_at may be)
            and FIRST_YEAR <= start <= end <= LAST_YEAR
            and (start < end) == (keys[5] == "years")
            and values[6] == start
            and values[7] == end
            and _STORED_AMOUNT.fullmatch(values[8]) is not None
            and values[10] in _QUALIFIERS
            and values[11] in _STATUSES
            and values[12] in _CATEGORIES
            and values[14] in _INSTRUMENTS
            and _stored_sources(values[16])
        )
    except (TypeError, ValueError):  # a span not of two numbers
        return False


def _stored_sources(sources: list[Any]) -> bool:
    for source in sources:  # a loop, not all(): it runs for every record listed
        if not (
            type(source) is dict
            and tuple(source) == _SOURCE_KEYS
            and tuple(map(type, source.values())) in _SOURCE_TYPES
            and "" not in source.values()
        ):
            return False
    return True


def _stored_types() -> dict[str, frozenset[tuple[type, ...]]]:
    """By the name of the year field: the value types of every record `to_json` can
    write (seven fields may be null)."""
    optional = (
        *("donor_code", "recipient_code", "label", "announced_on", "supersedes", "part_of"),
        *("delivery_of", "note"),
    )
    typed = {"year": int, "years": list, "first_year": int, "last_year": int, "sources": list}
    shapes: dict[str, frozenset[tuple[type, ...]]] = {}
    for keys in (_YEAR_KEYS, _YEARS_KEYS):
        kinds = [(str, type(None)) if k in optional else (typed.get(k, str),) for k in keys]
        shapes[keys[5]] = frozenset(itertools.product(*kinds))
    return shapes


_YEAR_KEYS = (
    *("id", "donor", "donor_code", "recipient", "recipient_code", "year", "first_year"),
    *("last_year", "amount", "currency", "qualifier", "status", "category", "label"),
    *("instrument", "announced_on", "sources", "supersedes", "part_of", "delivery_of"),
    *("note", "created_at", "updated_at"),
)
_YEARS_KEYS = tuple("years" if key == "year" else key for key in _YEAR_KEYS)
FIELDS = frozenset(_YEAR_KEYS + _YEARS_KEYS)
"""Every field of a stored record that aidtrack knows."""
_STORED_TYPES = _stored_types()
_SOURCE_KEYS = ("url", "date", "quote")
_SOURCE_TYPES = frozenset(itertools.product((str, type(None)), repeat=3))
_STORED_AMOUNT = re.compile(r"[1-9][0-9]{0,17}(?:\.[0-9]+)?|0\.[0-9]*[1-9][0-9]*")
"""A positive amount below money.MAX_AMOUNT (10**18) as `f"{amount:f}"` prints it."""


_QUALIFIERS = {member.value: member for member in Qualifier}
_STATUSES = {member.value: member for member in Status}
_CATEGORIES = {member.value: member for member in Category}
_INSTRUMENTS = {member.value: member for member in Instrument}


def _text(value: object) -> str:
    if type(value) is not str or not value:
        raise ValueError(f"{value!r} is not a text")
    return value


def _text_or_none(value: object) -> str | None:
    if value is None or type(value) is str:
        return value or None
    raise ValueError(f"{value!r} is not a text")


def years_of(value: object) -> YearSpan:
    """A record's years from what a person, a file or the store gave: `2026`,
    `"2023-2027"` or `[2023, 2027]`. The one reader of a year field."""
    if _is_int(value):
        year: int = value  # type: ignore[assignment]
        return YearSpan.of(year, year)
    if isinstance(value, str):
        return YearSpan.parse(value)
    if isinstance(value, list):
        if len(value) == 2 and all(_is_int(y) for y in value):
            return YearSpan.of(value[0], value[1])
        raise InvalidInput("years must be [start, end], like [2023, 2027]")
    raise InvalidInput(f"year {value!r} must be a year like 2026 or a range like 2023-2027")


def stored_years(data: Mapping[str, Any]) -> YearSpan:
    """The years of a record in JSON (its `years`, else its `year`), read without
    building the record: what the store's readers pick records by."""
    span = data.get("years")
    if span is not None:
        return years_of(span)
    year = data.get("year")
    if year is None:
        raise InvalidInput("a record needs a year (2026) or years ([2023, 2027])")
    return years_of(year)


def _ascii_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _optional_text(value: object, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"{what} must be text, not {type(value).__name__}")
    return value if value.strip() else None


def parse_date(value: object, what: str = "date") -> str | None:
    """An ISO date (2025-10-15) or nothing."""
    text = _optional_text(value, what)
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise InvalidInput(f"{what} {text!r} must be a date like 2025-10-15") from None


def _announced(value: object) -> str | None:
    """The date of an announcement, which has been made: today anywhere on Earth (in
    UTC+14, where the day starts first) at the latest."""
    date = parse_date(value, "announced date")
    today = (dt.datetime.now(dt.UTC) + dt.timedelta(hours=14)).date().isoformat()
    if date is not None and date > today:
        raise InvalidInput(f"announced date {date} is after today; give the day it was said")
    return date


def now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


# Building records from what people and files say ----------------------------------------

MISSING = "missing"
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")
T = TypeVar("T")


class InvalidRecord(InvalidInput):
    """Every problem of one record, each with the field it is in."""

    def __init__(self, problems: Sequence[tuple[str, str]]) -> None:
        self.problems = list(problems)
        super().__init__(
            "; ".join(
                f"{name} is missing" if message == MISSING else message
                for name, message in self.problems
            )
        )


class Builder:
    """Checks what a person or a file gave into a record, naming every problem.

    The one validation of new and changed records: `add`, `edit`, `revise` and `import`
    all build through it. A file's rows share one builder, so that each distinct name,
    word or date of 100,000 rows is checked once.
    """

    def __init__(self, stamp: str | None = None) -> None:
        self.stamp = stamp or now()
        self._parsers: dict[str, Callable[[object], Any]] = {
            "id": _pledge_id,
            "donor": memo(partial(places.resolve, role="donor")),
            "recipient": memo(partial(places.resolve, role="recipient")),
            "year": _years(memo(YearSpan.parse)),
            "years": _years(memo(YearSpan.parse)),
            "amount": _amount,
            "currency": memo(money.normalize_currency),
            "qualifier": memo(partial(choice, Qualifier, what="qualifier")),
            "status": memo(partial(choice, Status, what="status")),
            "category": memo(partial(choice, Category, what="category")),
            "label": _given_text,
            "instrument": memo(partial(choice, Instrument, what="instrument")),
            "announced_on": memo(_announced),
            "supersedes": _link,
            "part_of": _link,
            "delivery_of": _link,
            "note": _given_text,
            "created_at": _timestamp,
            "updated_at": _timestamp,
        }

    def values(self, given: Mapping[str, Any], sources: Iterable[Source] = ()) -> dict[str, Any]:
        """The fields of a `Pledge` (`id` is "" when none was given); fields it does not
        know are left alone. Raises InvalidRecord naming every problem, in field order."""
        values: dict[str, Any] = {}
        problems: list[tuple[str, str]] = []
        for name, value in given.items():
            parse = self._parsers.get(name)
            if parse is None or value is None or (isinstance(value, str) and not value.strip()):
                continue
            try:
                values[name] = parse(unfit_checked(value, name))
            except InvalidInput as error:
                problems.append((name, str(error)))
        if "year" in values and "years" in values:
            problems.append(("years", "give year (2026) or years ([2023, 2027]), not both"))
        problems += source_problems(sources)
        named = {name for name, _ in problems}
        for name in ("donor", "recipient", "amount"):
            if name not in values and name not in named:
                problems.append((name, MISSING))
        if not ({"year", "years"} & (values.keys() | named)):
            problems.append(("year", MISSING))
        if "donor" in values and values["donor"] == values.get("recipient"):
            problems.append(("recipient", own_recipient(values["donor"].name)))
        amount = self._money(values, problems)
        if problems or amount is None:
            raise InvalidRecord(problems)
        donor, recipient = values["donor"], values["recipient"]
        created_at = values.get("created_at", self.stamp)
        return {
            "id": values.get("id", ""),
            "donor": donor.name,
            "donor_code": donor.code,
            "recipient": recipient.name,
            "recipient_code": recipient.code,
            "years": values.get("years") or values["year"],
            "amount": amount[0],
            "currency": amount[1],
            "qualifier": values.get("qualifier", Qualifier.EXACT),
            "status": values.get("status", Status.ANNOUNCED),
            "category": values.get("category", Category.MIXED),
            "label": values.get("label"),
            "instrument": values.get("instrument", Instrument.UNSPECIFIED),
            "announced_on": values.get("announced_on"),
            "sources": tuple(sources),
            "supersedes": values.get("supersedes"),
            "part_of": values.get("part_of"),
            "delivery_of": values.get("delivery_of"),
            "note": values.get("note"),
            "created_at": created_at,
            "updated_at": values.get("updated_at", created_at),
        }

    def build(
        self, given: Mapping[str, Any], *, id: str = "", sources: Iterable[Source] = ()
    ) -> Pledge:
        values = self.values(given, sources)
        if id:
            values["id"] = id
        return Pledge(**values)

    @staticmethod
    def _money(
        values: Mapping[str, Any], problems: list[tuple[str, str]]
    ) -> tuple[Decimal, str] | None:
        """The amount and its currency, given in the currency field or by the amount
        (`kroner` by the donor: Norway's are NOK, Denmark's DKK, Sweden's SEK)."""
        parsed: money.ParsedAmount | None = values.get("amount")
        given: str | None = values.get("currency")
        if parsed is None:
            return None
        donor: places.Party | None = values.get("donor")
        currency = parsed.settled(given, donor.code if donor else None)
        named = parsed.named
        clash = currency_clash(parsed, given, donor.code if donor else None)
        if clash:
            problems.append(("currency", clash))
            return None
        if currency is None and parsed.one_of:
            if "donor" not in values:
                return None  # the donor's own problem is named already
            problems.append(
                (
                    "currency",
                    f"kroner are {named}, and {donor.name if donor else 'the donor'} does not "
                    "say which; write the code (NOK 85bn) or give --currency",
                )
            )
            return None
        if currency is None:
            if "currency" not in {name for name, _ in problems}:
                problems.append(
                    (
                        "currency",
                        "no currency: give an ISO 4217 code such as NOK or EUR "
                        "(--currency), or write the amount as NOK 85bn",
                    )
                )
            return None
        try:
            return money.check_places(parsed.value, currency), currency
        except InvalidInput as error:
            problems.append(("amount", str(error)))
            return None


def unfit_checked(value: T, name: str) -> T:
    """`value`, unless it is text that cannot be stored: a NUL, or a lone surrogate
    (what Python makes of bytes that are not UTF-8 on a command line, or JSON's
    `"\\ud800"`)."""
    if not isinstance(value, str) or (value.isascii() and "\x00" not in value):
        return value  # nearly every value: `isascii` is known without reading the text
    if "\x00" in value:
        raise InvalidInput(f"{name} holds a NUL character (\\x00), which text may not hold")
    bad = _SURROGATE.search(value)
    if bad is None:
        return value
    code = ord(bad.group())
    if 0xDC80 <= code <= 0xDCFF:  # Python's stand-in for a byte that is not UTF-8
        raise InvalidInput(f"{name} holds the byte \\x{code - 0xDC00:02x}, which is not UTF-8 text")
    raise InvalidInput(f"{name} holds \\u{code:04x}, half of a UTF-16 pair, which is not text")


_SURROGATE = re.compile("[\ud800-\udfff]")


def source_problems(sources: Iterable[Source]) -> list[tuple[str, str]]:
    """What is wrong with new sources: text that cannot be stored, or a URL that is not a
    web address (`javascript:`, `file:`, no scheme), which a reader would open."""
    problems = []
    for source in sources:
        try:
            unfit_checked(source.quote, "quote")
            if source.url is not None:
                _web_address(unfit_checked(source.url, "source url"))
        except InvalidInput as error:
            problems.append(("sources", str(error)))
    return problems


def _web_address(url: str) -> None:
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url.strip())
    except ValueError:  # a malformed IPv6 host
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise InvalidInput(
            f"source url {url!r} is not a web address: give one that starts with https://"
        )


def own_recipient(name: str) -> str:
    """Why a record from a party to itself is refused (and reported by `check`)."""
    return f"{name} is both the donor and the recipient"


def currency_clash(
    parsed: money.ParsedAmount, given: str | None, donor_code: str | None = None
) -> str | None:
    """Why an amount that names its currency (`NOK 85bn`, `85 milliarder kroner`) and
    the currency given beside it disagree, or None: the amount's own is never overridden."""
    if parsed.names_currency and given and parsed.settled(given, donor_code) != given:
        return f"the amount says {parsed.named} but the currency is {given}"
    return None


def build(fields: Mapping[str, Any], *, id: str, sources: Iterable[Source] = ()) -> Pledge:
    """One record from what a person or a file gave (see `Builder`)."""
    return Builder().build(fields, id=id, sources=sources)


def memo(parse: Callable[[str], T]) -> Callable[[object], T]:
    """`parse` of a text, run once per distinct text, its error included (a file
    repeats its names and words)."""
    parsed: dict[str, T] = {}
    refused: dict[str, str] = {}

    def cached(value: object) -> T:
        text = _given_text(value)
        try:
            return parsed[text]
        except KeyError:
            pass
        if text in refused:
            raise InvalidInput(refused[text])
        try:
            result = parsed[text] = parse(text)
        except InvalidInput as error:
            refused[text] = str(error)
            raise
        return result

    return cached


def _years(parse_text: Callable[[object], YearSpan]) -> Callable[[object], YearSpan]:
    """`years_of`, with texts (`2026`, `2023-2027`) read through `parse_text`."""
    return lambda value: parse_text(value) if isinstance(value, str) else years_of(value)


def _given_text(value: object) -> str:
    if type(value) is not str:
        raise InvalidInput(f"must be text, not {type(value).__name__}")
    return value


def _link(value: object) -> str:
    return _given_text(value).strip()


def _pledge_id(value: object) -> str:
    text = _link(value)
    if not _ID.fullmatch(text):
        raise InvalidInput(
            f"id {text!r} must be up to 64 letters, digits, '.', '_', ':' or '-', "
            "starting with a letter or digit"
        )
    return text


def _timestamp(value: object) -> str:
    text = _given_text(value)
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"{text!r} is not a time like 2025-10-15T12:00:00Z") from None
    return text


def _amount(value: object) -> money.ParsedAmount:
    """Text as `add` takes it (`85000000000`, `85bn`, `NOK 85bn`), or an exact JSON number."""
    if isinstance(value, str):
        if value.isascii() and value.isdigit():  # the common case, 10x faster; same result
            number = Decimal(value)
            if 0 < number < money.MAX_AMOUNT:
                return money.ParsedAmount(number, None)
        return money.parse_amount(value)
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return money.ParsedAmount(money.check_amount(Decimal(value), str(value)), None)
    raise InvalidInput(f"must be a number or text, not {type(value).__name__}")


# Changing records -------------------------------------------------------------------------

_SET_BY_THE_STORE = ("id", "donor_code", "recipient_code", "sources", "created_at", "updated_at")


def _merged(old: Pledge, changes: Mapping[str, str]) -> dict[str, Any]:
    """The old record's fields with the user's changes laid over them."""
    fields = old.to_json()
    for name in _SET_BY_THE_STORE:
        del fields[name]
    if "year" in changes:
        fields.pop("years", None)
    amount = changes.get("amount")
    if amount and "currency" not in changes and money.parse_amount(amount).names_currency:
        fields.pop("currency")  # `NOK 90bn` brings its own currency
    fields.update(changes)
    return fields


def corrected(old: Pledge, changes: Mapping[str, str], new_sources: Iterable[Source]) -> Pledge:
    """`edit`: the same record (same id, same history) with a typo fixed."""
    fixed = build(_merged(old, changes), id=old.id, sources=new_sources)  # checks the new
    return replace(fixed, sources=(*old.sources, *fixed.sources), created_at=old.created_at)


def revision(
    old: Pledge, changes: Mapping[str, str], sources: Sequence[Source], *, id: str
) -> Pledge:
    """`revise`: a new record that supersedes `old`. Its sources are the new ones, or,
    when none is given (a stage change noted from the same article), the old ones."""
    revised = build(_merged(old, changes), id=id, sources=sources)  # checks the new ones
    return replace(
        revised, sources=revised.sources or old.sources, supersedes=old.id, part_of=old.part_of
    )


def part_defaults(
    whole: Pledge, fields: Mapping[str, Any], sources: Sequence[Source]
) -> tuple[dict[str, Any], Sequence[Source]]:
    """A part says only what differs from its whole ("of which 70bn military"): the rest,
    and the source that gave the breakdown, come from the whole."""
    amount = fields.get("amount")
    own_currency = fields.get("currency") or (amount and money.parse_amount(amount).names_currency)
    defaults = {
        "year": whole.year_label,
        "recipient": whole.recipient,
        "status": whole.status.value,
        "instrument": whole.instrument.value,
        "announced_on": whole.announced_on,
        "currency": None if own_currency else whole.currency,
    }
    merged = {**{k: v for k, v in defaults.items() if v is not None}, **fields}
    return merged, sources or whole.sources


def delivery_defaults(
    pledge: Pledge, fields: Mapping[str, Any], sources: Sequence[Source]
) -> tuple[dict[str, Any], Sequence[Source]]:
    """A delivery (DESIGN §2a) says how much of `pledge` arrived, when and at which
    stage: its donor and recipient are the pledge's, and its currency (unless the
    amount names its own: `$7bn`, `NOK 30bn`), category and instrument default to the
    pledge's. Its stage defaults to `disbursed`; its year is `year`, else that of its
    date (`announced_on`, the day it was delivered), else the pledge's when that is one
    year (an envelope's delivery needs one of them)."""
    status = choice(Status, fields.get("status") or Status.DISBURSED.value, "status")
    if status not in DELIVERED_STAGES:
        raise InvalidInput(
            f"a delivery is allocated or disbursed, not {status.value}; a promise's new "
            f"stage is a revision (`aidtrack revise {pledge.id} --status {status.value}`)"
        )
    on = parse_date(fields.get("announced_on"), "delivery date (--on)")
    year = fields.get("year") or (on[:4] if on else None)
    if year is None:
        if pledge.years.is_envelope:
            raise InvalidInput(
                f"{pledge.id} is an envelope ({pledge.year_label}): say the year the money "
                "was delivered with --year YEAR or --on DATE"
            )
        year = pledge.year_label
    amount = fields.get("amount")
    own_currency = fields.get("currency") or (amount and money.parse_amount(amount).names_currency)
    defaults = {
        "category": pledge.category.value,
        "instrument": pledge.instrument.value,
        "currency": None if own_currency else pledge.currency,
    }
    merged: dict[str, Any] = {k: v for k, v in defaults.items() if v is not None}
    merged.update(fields)
    merged.update(
        donor=pledge.donor,
        recipient=pledge.recipient,
        year=year,
        status=status.value,
        announced_on=on,
        delivery_of=pledge.id,
    )
    return merged, sources
