"""The pledge record (DESIGN §3), its vocabularies, and the rules that make it valid.

A record is built in one of two ways: `build` validates what a person or a file said
(names resolve through ISO 3166, amounts and currencies are checked), and
`Pledge.from_json` reads back what aidtrack itself wrote. Both give the same frozen
`Pledge`; `to_json` is the JSON contract of DESIGN §5, which is also the stored form.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

from . import money, places
from .errors import InvalidInput

FIRST_YEAR, LAST_YEAR = 1945, 2100
E = TypeVar("E", bound=StrEnum)


class Status(StrEnum):
    """The stages a pledge moves through; the same money at two stages is one pledge."""

    ANNOUNCED = "announced"
    COMMITTED = "committed"
    ALLOCATED = "allocated"
    DISBURSED = "disbursed"


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
        allowed = ", ".join(member.value for member in kind)
        raise InvalidInput(f"{what} {text!r} is not one of: {allowed}") from None


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

    def covers(self, year: int) -> bool:
        return self.start <= year <= self.end

    def overlaps(self, other: YearSpan) -> bool:
        return self.start <= other.end and other.start <= self.end

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
    note: str | None = None
    created_at: str = ""
    updated_at: str = ""

    @property
    def year_label(self) -> str:
        return str(self.years)

    def to_json(self) -> dict[str, Any]:
        """The record as DESIGN §5 prints it: exact amount string, `year` or `years`."""
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
        data.update(
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
                years=_years_from_json(data),
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
                note=_text_or_none(data.get("note")),
                created_at=str(data.get("created_at") or ""),
                updated_at=str(data.get("updated_at") or ""),
            )
        except KeyError as error:
            raise InvalidInput(
                f"record {data.get('id')!r}: {error} is missing or unknown"
            ) from None
        except (ValueError, TypeError, ArithmeticError) as error:
            raise InvalidInput(f"record {data.get('id')!r}: {error}") from None


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


def _years_from_json(data: Mapping[str, Any]) -> YearSpan:
    if "years" in data and data["years"] is not None:
        span = data["years"]
        if isinstance(span, str):
            return YearSpan.parse(span)
        if not (isinstance(span, list) and len(span) == 2 and all(_is_int(y) for y in span)):
            raise InvalidInput("years must be [start, end]")
        return YearSpan.of(span[0], span[1])
    year = data.get("year")
    if isinstance(year, int) and not isinstance(year, bool):
        return YearSpan.of(year, year)
    if isinstance(year, str):
        return YearSpan.parse(year)
    raise InvalidInput("a record needs a year (2026) or years ([2023, 2027])")


def _ascii_digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _required_text(value: object, what: str) -> str:
    text = _optional_text(value, what)
    if text is None:
        raise InvalidInput(f"{what} is missing")
    return text


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


def now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def build(
    fields: Mapping[str, Any],
    *,
    id: str,
    sources: Iterable[Source] = (),
) -> Pledge:
    """Validate what a person or a file gave (text or JSON values) into a new record."""
    donor = places.resolve(_required_text(fields.get("donor"), "donor"), "donor")
    recipient = places.resolve(_required_text(fields.get("recipient"), "recipient"), "recipient")
    amount_text = fields.get("amount")
    if amount_text is None or str(amount_text).strip() == "":
        raise InvalidInput("amount is missing")
    parsed = money.parse_amount(str(amount_text))
    given_currency = _optional_text(fields.get("currency"), "currency")
    currency = _currency(parsed.currency, given_currency)
    stamp = now()
    return Pledge(
        id=id,
        donor=donor.name,
        donor_code=donor.code,
        recipient=recipient.name,
        recipient_code=recipient.code,
        years=_years_from_json(fields),
        amount=money.check_places(parsed.value, currency),
        currency=currency,
        qualifier=choice(Qualifier, fields.get("qualifier") or "exact", "qualifier"),
        status=choice(Status, fields.get("status") or "announced", "status"),
        category=choice(Category, fields.get("category") or "mixed", "category"),
        label=_optional_text(fields.get("label"), "label"),
        instrument=choice(Instrument, fields.get("instrument") or "unspecified", "instrument"),
        announced_on=parse_date(fields.get("announced_on"), "announced date"),
        sources=tuple(sources),
        supersedes=_optional_text(fields.get("supersedes"), "supersedes"),
        part_of=_optional_text(fields.get("part_of"), "part_of"),
        note=_optional_text(fields.get("note"), "note"),
        created_at=stamp,
        updated_at=stamp,
    )


def _currency(from_amount: str | None, given: str | None) -> str:
    if given is None and from_amount is None:
        raise InvalidInput("no currency: add --currency NOK, or write the amount as NOK 85bn")
    if given is not None:
        normalized = money.normalize_currency(given)
        if from_amount is not None and from_amount != normalized:
            raise InvalidInput(f"the amount says {from_amount} but the currency is {normalized}")
        return normalized
    assert from_amount is not None
    return from_amount


def _merged(old: Pledge, changes: Mapping[str, str]) -> dict[str, Any]:
    """The old record's fields with the user's changes laid over them."""
    fields = old.to_json()
    if "year" in changes:
        fields.pop("years", None)
    amount = changes.get("amount")
    if amount and "currency" not in changes and money.parse_amount(amount).currency:
        fields.pop("currency")  # `NOK 90bn` brings its own currency
    fields.update(changes)
    return fields


def corrected(old: Pledge, changes: Mapping[str, str], new_sources: Iterable[Source]) -> Pledge:
    """`edit`: the same record (same id, same history) with a typo fixed."""
    fixed = build(_merged(old, changes), id=old.id, sources=(*old.sources, *new_sources))
    return replace(fixed, created_at=old.created_at)


def revision(
    old: Pledge, changes: Mapping[str, str], sources: Iterable[Source], *, id: str
) -> Pledge:
    """`revise`: a new record that supersedes `old`, with only the new sources."""
    return replace(build(_merged(old, changes), id=id, sources=sources), supersedes=old.id)


def part_defaults(
    whole: Pledge, fields: Mapping[str, Any], sources: Sequence[Source]
) -> tuple[dict[str, Any], Sequence[Source]]:
    """A part says only what differs from its whole ("of which 70bn military"): the rest,
    and the source that gave the breakdown, come from the whole."""
    amount = fields.get("amount")
    own_currency = fields.get("currency") or (amount and money.parse_amount(amount).currency)
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
