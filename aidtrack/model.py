"""The pledge record (DESIGN §3), its vocabularies, and the rules that make it valid.

`Pledge` declares each field once, with its `Kind` and how the formats carry it
(`carried`); the JSON keys, the stored form, the CSV and SQLite columns, and what files
and column maps may set follow from `RECORD`, derived from it.

A record is built in one of two ways: a `Builder` validates what a person or a file said
(names resolve through ISO 3166, amounts and currencies are checked), and
`Pledge.from_json` reads back what aidtrack itself wrote. Both give the same frozen
`Pledge`; `to_json` is the JSON contract of DESIGN §5, which is also the stored form.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
import re
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import Field, dataclass, field, fields, replace
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import partial
from typing import Any, NamedTuple, TypeVar

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


# How the formats carry a record's fields --------------------------------------------------


@dataclass(frozen=True, slots=True, eq=False)
class Kind:
    """What a field holds, which settles how every format carries it."""

    name: str
    json_types: tuple[type, ...]
    """The types of its value in the stored form (JSON)."""
    sql: str
    """The type of its SQLite column."""
    text: Callable[[Any], str]
    """Its value as a CSV cell (and as `show` prints it)."""
    in_files: bool = True
    """Whether CSV files and column maps carry it (a code follows from its name, a time
    from the store)."""
    listed: bool = True
    """Whether `show` lists it as `name  value` (the others it draws itself: the parties
    with their codes, the years, the amount with its currency, the sources)."""
    csv: tuple[str, ...] | None = None
    """Its CSV columns, when they are not the field's name."""
    sql_columns: tuple[tuple[str, str], ...] | None = None
    """Its SQLite columns and their types, when they are not the field's name."""


def _same(value: str) -> str:
    return value


def _or_empty(value: str | None) -> str:
    return value or ""


def _word(value: StrEnum) -> str:
    return value._value_  # what `.value` gives, without its descriptor: every record written


def _exact(amount: Decimal) -> str:
    return f"{amount:f}"


_NULL = type(None)
TEXT = Kind("text", (str,), "TEXT NOT NULL", _same, listed=False)
OPTIONAL_TEXT = Kind("optional text", (str, _NULL), "TEXT", _or_empty)
CODE = Kind("code", (str, _NULL), "TEXT", _or_empty, in_files=False, listed=False)
LINK = Kind("link", (str, _NULL), "TEXT REFERENCES pledges(id)", _or_empty)
DATE = Kind("date", (str, _NULL), "TEXT", _or_empty)
CHOICE = Kind("choice", (str,), "TEXT NOT NULL", _word)
YEARS = Kind(
    "years",
    (int,),
    "INTEGER NOT NULL",
    str,
    listed=False,
    csv=("year",),
    sql_columns=(("first_year", "INTEGER NOT NULL"), ("last_year", "INTEGER NOT NULL")),
)
AMOUNT = Kind("amount", (str,), "TEXT NOT NULL", _exact, listed=False)
SOURCE_COLUMNS = ("source_url", "source_date", "quote")
"""A record's source in CSV: each row carries one."""
SOURCES = Kind(
    "sources",
    (list,),
    "",
    str,
    listed=False,
    csv=SOURCE_COLUMNS,
    sql_columns=(),  # a table of their own
)
STAMP = Kind("time", (str,), "TEXT", _same, in_files=False)
"""A time the store sets; "" in a record built but not yet stored."""


@dataclass(frozen=True, slots=True)
class RecordField:
    """One field of a record, as `Pledge` declares it, and how each format carries it."""

    name: str
    kind: Kind
    default: Any
    words: bool
    """Whether a file's words for it can be mapped (`--value FIELD:WORD=OURS`)."""
    shown: str | None
    """The name `show` lists it by, or None when `show` draws it itself."""
    added_later: bool
    """Added after stores existed: written only when it has a value, so that the stores,
    files and content ids made before it stay as they were."""
    sql_type: str
    """The type of its SQLite column (the kind's, or its own: `TEXT PRIMARY KEY`)."""

    @property
    def csv(self) -> tuple[str, ...]:
        """Its columns in CSV files and in column maps (none: files do not carry it)."""
        if not self.kind.in_files:
            return ()
        return self.kind.csv if self.kind.csv is not None else (self.name,)

    @property
    def sql(self) -> tuple[tuple[str, str], ...]:
        """Its columns in SQLite's `pledges` table, with their types."""
        columns = self.kind.sql_columns
        return columns if columns is not None else ((self.name, self.sql_type),)

    @property
    def choices(self) -> type[StrEnum] | None:
        """The words a closed field takes (its default's kind), or None."""
        return type(self.default) if self.kind is CHOICE else None


def carried(
    kind: Kind,
    *,
    words: bool = False,
    shown: str | None = None,
    sql: str | None = None,
    added_later: bool = False,
) -> dict[str, Any]:
    """The metadata of one of `Pledge`'s fields: its kind, and what differs from the kind's
    way (`sql`, the type of its column; `shown`, the name `show` lists it by)."""
    return {
        "carried": {
            "kind": kind,
            "words": words or kind is CHOICE,
            "shown": shown,
            "added_later": added_later,
            "sql_type": sql or kind.sql,
        }
    }


@dataclass(frozen=True, slots=True)
class Pledge:
    """A record: a pledge, a revision, a part or a delivery (DESIGN §3).

    Each field is declared here once, with how the formats carry it (`carried`):
    `to_json` and the stored form, the CSV and spreadsheet columns, the SQLite table,
    what files and column maps may set, and `show`'s lines all follow from these lines.
    A field added to a store that exists is optional and `added_later`.
    """

    id: str = field(metadata=carried(TEXT, sql="TEXT PRIMARY KEY"))
    donor: str = field(metadata=carried(TEXT, words=True))
    donor_code: str | None = field(metadata=carried(CODE))
    recipient: str = field(metadata=carried(TEXT, words=True))
    recipient_code: str | None = field(metadata=carried(CODE))
    years: YearSpan = field(metadata=carried(YEARS))
    amount: Decimal = field(metadata=carried(AMOUNT))
    currency: str = field(metadata=carried(TEXT, words=True))
    qualifier: Qualifier = field(default=Qualifier.EXACT, metadata=carried(CHOICE))
    status: Status = field(default=Status.ANNOUNCED, metadata=carried(CHOICE))
    category: Category = field(default=Category.MIXED, metadata=carried(CHOICE))
    label: str | None = field(default=None, metadata=carried(OPTIONAL_TEXT))
    instrument: Instrument = field(default=Instrument.UNSPECIFIED, metadata=carried(CHOICE))
    announced_on: str | None = field(default=None, metadata=carried(DATE, shown="announced"))
    sources: tuple[Source, ...] = field(default=(), metadata=carried(SOURCES))
    supersedes: str | None = field(default=None, metadata=carried(LINK))
    part_of: str | None = field(default=None, metadata=carried(LINK))
    delivery_of: str | None = field(default=None, metadata=carried(LINK))
    note: str | None = field(default=None, metadata=carried(OPTIONAL_TEXT))
    channel: str | None = field(default=None, metadata=carried(OPTIONAL_TEXT, added_later=True))
    """The fund or body the money was passed through ("PURL", "Ukraine Facility")."""
    created_at: str = field(default="", metadata=carried(STAMP, shown="created"))
    updated_at: str = field(default="", metadata=carried(STAMP, shown="updated"))

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
        and always `first_year` and `last_year`; a field added later only when set."""
        data: dict[str, Any] = {}
        for (name, encode, later), value in zip(_JSON_WRITING, _values(self), strict=True):
            if encode is None:
                if value is not None or not later:
                    data[name] = value
            elif encode is _years_json:
                data.update(_years_json(value))
            else:
                data[name] = encode(value)
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Pledge:
        """Read back a record that aidtrack wrote: every field's type and value is checked,
        but names are taken as canonical and dates as written.

        This runs for every record a command loads (100,000 in a large store), so each
        field is read by a reader made once for it (`_reader`) rather than through the
        validators that `build` uses.
        """
        try:
            return cls(*[read(data) for read in _JSON_READING])
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


# The formats' view of the fields, derived from `Pledge` ---------------------------------


def _declared(declared: Field[Any]) -> RecordField:
    """A field of `Pledge` with how the formats carry it (`carried`)."""
    given = declared.metadata["carried"]
    kind: Kind = given["kind"]
    shown = (given["shown"] or declared.name.replace("_", " ")) if kind.listed else None
    return RecordField(
        declared.name,
        kind,
        declared.default,
        given["words"],
        shown,
        given["added_later"],
        given["sql_type"],
    )


RECORD = tuple(map(_declared, fields(Pledge)))
"""A record's fields in their order, with how each format carries them."""
CSV_COLUMNS = tuple(column for record_field in RECORD for column in record_field.csv)
"""A record's fields as files carry them: the columns of aidtrack's CSV, and the fields a
column map (`mapping`) can fill."""
SQL_COLUMNS = tuple(column for record_field in RECORD for column in record_field.sql)
"""The columns of SQLite's `pledges` table, with their types."""


def shown_fields(pledge: Pledge) -> list[tuple[str, str]]:
    """The fields `show` lists by name, in order, those without a value left out."""
    listed = ((f.shown, f.kind.text(getattr(pledge, f.name))) for f in RECORD if f.shown)
    return [(name, text) for name, text in listed if text]


def _json_encoding(record_field: RecordField) -> Callable[[Any], Any] | None:
    """How a field's value is written in JSON; None: as it is."""
    kind = record_field.kind
    if kind is SOURCES:
        return lambda sources: [source.to_json() for source in sources]
    if kind is YEARS:
        return _years_json
    return kind.text if kind in (CHOICE, AMOUNT) else None


def _years_json(years: YearSpan) -> dict[str, Any]:
    """`year` or `years`, then `first_year` and `last_year`: integer columns for pandas
    and jq, the same for single years and envelopes."""
    span = {"years": [years.start, years.end]} if years.is_envelope else {"year": years.start}
    return {**span, "first_year": years.start, "last_year": years.end}


_JSON_WRITING = tuple((f.name, _json_encoding(f), f.added_later) for f in RECORD)
_values = operator.attrgetter(*(f.name for f in RECORD))


def _reader(record_field: RecordField) -> Callable[[Mapping[str, Any]], Any]:
    """How `from_json` reads one field: its type and value checked, inline."""
    name, kind = record_field.name, record_field.kind
    if kind is TEXT:
        return lambda data: _text(data[name])
    if kind is CHOICE:
        members = {member.value: member for member in type(record_field.default)}
        default = record_field.default.value
        return lambda data: members[data.get(name, default)]
    if kind is YEARS:
        return stored_years
    if kind is AMOUNT:
        return _stored_amount
    if kind is SOURCES:
        return _stored_sources_of
    if kind is STAMP:
        return lambda data: str(data.get(name) or "")
    return lambda data: _text_or_none(data.get(name))


def _stored_amount(data: Mapping[str, Any]) -> Decimal:
    amount = Decimal(_text(data["amount"]))
    if not (amount.is_finite() and 0 < amount < money.MAX_AMOUNT):
        raise ValueError(f"amount {data['amount']!r} is not a positive amount")
    return amount


def _stored_sources_of(data: Mapping[str, Any]) -> tuple[Source, ...]:
    sources = data.get("sources") or ()
    if type(sources) is not list and sources != ():
        raise ValueError("sources must be a list")
    return tuple(
        Source(_text_or_none(s["url"]), _text_or_none(s["date"]), _text_or_none(s["quote"]))
        for s in sources
    )


_JSON_READING = tuple(map(_reader, RECORD))


def in_stored_form(doc: Mapping[str, Any]) -> bool:
    """Whether `doc` is exactly what `to_json` writes for the record `from_json` reads
    from it, key order included: then the record is printed as it is stored, without
    being built (what aidtrack wrote always is; a hand edit may not be).

    It runs for every record a listing prints: keys and value types are compared with
    the stored form's at once, then what types cannot say is checked.
    """
    shape = _SHAPES.get(tuple(doc))
    if shape is None:
        return False
    types, texts, at, envelope, amount, sources, choices, words = shape
    values = tuple(doc.values())
    if tuple(map(type, values)) not in types:
        return False
    try:
        start, end = values[at] if envelope else (values[at], values[at])
        return (
            "" not in texts(values)  # texts are never empty (a time may be)
            and FIRST_YEAR <= start <= end <= LAST_YEAR
            and (start < end) == envelope
            and values[at + 1] == start
            and values[at + 2] == end
            and _STORED_AMOUNT.fullmatch(values[amount]) is not None
            and choices(values) in words
            and _stored_sources(values[sources])
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


class _Shape(NamedTuple):
    """One key order `to_json` writes, and where in it `in_stored_form` looks."""

    types: frozenset[tuple[type, ...]]
    """The value types of every record of these keys (each optional field null or not)."""
    texts: Callable[[tuple[Any, ...]], tuple[Any, ...]]
    """The values that are never empty text."""
    years: int
    """Where `year` (or `years`) is; `first_year` and `last_year` follow it."""
    envelope: bool
    amount: int
    sources: int
    choices: Callable[[tuple[Any, ...]], tuple[Any, ...]]
    """The values of the closed fields..."""
    words: frozenset[tuple[str, ...]]
    """...and the words they may be."""


def _shapes() -> dict[tuple[str, ...], _Shape]:
    """Every key order `to_json` writes, by its keys: with `year` or `years`, and with
    or without each field added later (written only when it has a value)."""
    later = [f for f in RECORD if f.added_later]
    closed = [(f.name, f.choices) for f in RECORD if f.choices is not None]
    written_later = itertools.chain.from_iterable(
        itertools.combinations(later, count) for count in range(len(later) + 1)
    )
    shapes = {}
    for written, year_key in itertools.product(list(written_later), ("year", "years")):
        keyed = [
            (key, f)
            for f in RECORD
            if f in written or not f.added_later
            for key in ((year_key, "first_year", "last_year") if f.kind is YEARS else (f.name,))
        ]
        keys = tuple(key for key, _ in keyed)
        at: dict[str, int] = {}
        for index, (_, f) in enumerate(keyed):
            at.setdefault(f.name, index)  # a field's first key: `year` before `first_year`
        types = [(list,) if key == "years" else _json_types(f) for key, f in keyed]
        shapes[keys] = _Shape(
            frozenset(itertools.product(*types)),
            operator.itemgetter(*(i for i, (_, f) in enumerate(keyed) if f.kind is not STAMP)),
            at["years"],
            year_key == "years",
            at["amount"],
            at["sources"],
            operator.itemgetter(*(at[name] for name, _ in closed)),
            frozenset(itertools.product(*([m.value for m in kind] for _, kind in closed))),
        )
    return shapes


def _json_types(record_field: RecordField) -> tuple[type, ...]:
    """The types of a field's value in JSON: one added later is not written when null."""
    types = record_field.kind.json_types
    return tuple(t for t in types if t is not _NULL) if record_field.added_later else types


_SHAPES = _shapes()
FIELDS = frozenset(key for keys in _SHAPES for key in keys)
"""Every field of a stored record that aidtrack knows."""
_SOURCE_KEYS = ("url", "date", "quote")
_SOURCE_TYPES = frozenset(itertools.product((str, type(None)), repeat=3))
_STORED_AMOUNT = re.compile(r"[1-9][0-9]{0,17}(?:\.[0-9]+)?|0\.[0-9]*[1-9][0-9]*")
"""A positive amount below money.MAX_AMOUNT (10**18) as `f"{amount:f}"` prints it."""


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


_OWN_TEXTS = ("id", "created_at", "updated_at")
"""The fields whose text each record has its own of: read every time."""
_DEFAULTS = {f.name: f.default for f in RECORD}
"""A record's fields in order, with their defaults (those without one are always given)."""
_LEFT_OUT = object()


class _Refused(NamedTuple):
    """A given value that a field's rule refused, and why."""

    message: str


class Builder:
    """Checks what a person or a file gave into a record, naming every problem.

    The one validation of new and changed records: `add`, `edit`, `revise` and `import`
    all build through it. A file's rows share one builder, so that each distinct name,
    word, date or amount of 100,000 rows is read once.
    """

    def __init__(self, stamp: str | None = None) -> None:
        self.stamp = stamp or now()
        self._parsers: dict[str, Callable[[object], Any]] = {
            "id": _pledge_id,
            "donor": _of_text(partial(places.resolve, role="donor")),
            "recipient": _of_text(partial(places.resolve, role="recipient")),
            "year": years_of,
            "years": years_of,
            "amount": _amount,
            "currency": _of_text(money.normalize_currency),
            "qualifier": _of_text(partial(choice, Qualifier, what="qualifier")),
            "status": _of_text(partial(choice, Status, what="status")),
            "category": _of_text(partial(choice, Category, what="category")),
            "label": _given_text,
            "instrument": _of_text(partial(choice, Instrument, what="instrument")),
            "announced_on": _of_text(_announced),
            "supersedes": _link,
            "part_of": _link,
            "delivery_of": _link,
            "note": _given_text,
            "channel": _given_text,
            "created_at": _timestamp,
            "updated_at": _timestamp,
        }
        self._read: dict[str, dict[str, Any]] = {
            name: {} for name in self._parsers if name not in _OWN_TEXTS
        }
        """What each text given for a field was read as (`_field`), by field: the rows of
        a file repeat their names, years, amounts, words and dates (and "", most often
        of all), so each distinct text is read once."""

    def values(self, given: Mapping[str, Any], sources: Iterable[Source] = ()) -> dict[str, Any]:
        """The fields of a `Pledge` (`id` is "" when none was given); fields it does not
        know are left alone. Raises InvalidRecord naming every problem, in field order."""
        values: dict[str, Any] = {}
        problems: list[tuple[str, str]] = []
        read_by_field, parsers = self._read, self._parsers
        for name, value in given.items():
            read = read_by_field.get(name)
            if read is not None and type(value) is str:
                try:
                    found = read[value]
                except KeyError:
                    found = read[value] = self._field(name, value)
            elif name in parsers:
                found = self._field(name, value)
            else:
                continue
            if type(found) is _Refused:
                problems.append((name, found.message))
            elif found is not _LEFT_OUT:
                values[name] = found
        if "year" in values and "years" in values:
            problems.append(("years", "give year (2026) or years ([2023, 2027]), not both"))
        problems += source_problems(sources)
        named = {name for name, _ in problems} if problems else ()
        for name in ("donor", "recipient", "amount"):
            if name not in values and name not in named:
                problems.append((name, MISSING))
        if not any(name in values or name in named for name in ("year", "years")):
            problems.append(("year", MISSING))
        if "donor" in values and values["donor"] == values.get("recipient"):
            problems.append(("recipient", own_recipient(values["donor"].name)))
        amount = self._money(values, problems)
        if problems or amount is None:
            raise InvalidRecord(problems)
        donor, recipient = values["donor"], values["recipient"]
        created_at = values.get("created_at", self.stamp)
        settled = {
            "id": values.get("id", ""),
            "donor": donor.name,
            "donor_code": donor.code,
            "recipient": recipient.name,
            "recipient_code": recipient.code,
            "years": values.get("years") or values["year"],
            "amount": amount[0],
            "currency": amount[1],
            "sources": tuple(sources),
            "created_at": created_at,
            "updated_at": values.get("updated_at", created_at),
        }
        record = {**_DEFAULTS, **values, **settled}
        record.pop("year", None)  # read into `years`
        return record

    def _field(self, name: str, value: object) -> Any:
        """What one given value is read as: the field's value, `_Refused` with why, or
        `_LEFT_OUT` (a field it does not know, or nothing given)."""
        parse = self._parsers.get(name)
        if parse is None or value is None or (isinstance(value, str) and not value.strip()):
            return _LEFT_OUT
        try:
            return parse(unfit_checked(value, name))
        except InvalidInput as error:
            return _Refused(str(error))

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
                    f"{parsed.shared} are {named}, and {donor.name if donor else 'the donor'} "
                    "does not say which; write the code (NOK 85bn) or give --currency",
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
    """Refuse a URL that `urlsplit` does not read as http(s) with a host. One that starts
    as a plain one does (`_PLAIN_WEB_ADDRESS`) is not split: each of a file's 100,000
    rows has its own."""
    if _PLAIN_WEB_ADDRESS.match(url.strip()):
        return
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url.strip())
    except ValueError:  # a malformed IPv6 host
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise InvalidInput(
            f"source url {url!r} is not a web address: give one that starts with https://"
        )


_PLAIN_WEB_ADDRESS = re.compile(r"(?i:https?)://[A-Za-z0-9.-]+(?:[/?#]|\Z)")
"""How most web addresses start: http(s), then a host name of letters, digits, dots and
hyphens, ending where the path, query or fragment starts, or the text ends. `urlsplit`
reads such a one as http(s) with that host whatever follows (no port, user or IPv6
brackets to look into; tabs and line ends it drops only come after)."""


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


def _of_text(parse: Callable[[str], T]) -> Callable[[object], T]:
    """`parse` of a value that must be text (a file's JSON may give a number)."""
    return lambda value: parse(_given_text(value))


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
