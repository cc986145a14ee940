"""The year report and the comparison over years: who pledged what, and how it moved.

A `Tally` (what counts, `counting`) and a converter in, plain dataclasses out (no
TinyDB, Rich or Typer), so the reports can be tested without a store or a terminal.
The sum of one donor, year, currency and stage converts once, at that year's rate,
rounded once to the report currency's minor unit; every rate used is listed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, Literal

from . import analysis
from .analysis import Selection
from .counting import Counted, Hedged, Tally, count
from .errors import AidtrackError, InvalidInput
from .model import Category, Pledge, Qualifier, Status, YearSpan
from .money import minor_unit, quantize
from .rates import Conversion, MissingRate

SCHEMA_VERSION = 1
DEFAULT_CURRENCY = "USD"
COMPARE_YEARS = 4
NEW: Literal["new"] = "new"
EVERYTHING = Selection()
_ZERO = Decimal(0)

Convert = Callable[[Decimal, str, str, int, int], Conversion]
"""`RateTable.convert`: (amount, from, to, year, places) -> Conversion, or MissingRate."""

Percent = Decimal | Literal["new"] | None
"""A change in percent: None when there is nothing to compare, "new" from zero."""

ROW_COLUMNS: tuple[str, ...] = (
    "donor",
    "year",
    "currency",
    "amount",
    "qualifier",
    "share_pct",
    *(status.value for status in Status),
    *(category.value for category in Category),
)
"""The tidy table (CSV, NDJSON): one row per donor and year."""


class NoRate(AidtrackError):
    """A figure cannot be converted: no rate for its currency in its year."""


def combined_qualifier(qualifiers: Iterable[Qualifier]) -> Qualifier:
    """The hedge of a sum: exact + at least is at least; at least + up to is about."""
    hedges = set(qualifiers) - {Qualifier.EXACT}
    if len(hedges) == 1:
        return hedges.pop()
    return Qualifier.ABOUT if hedges else Qualifier.EXACT


def percent_change(previous: Decimal, current: Decimal) -> Percent:
    """Change in percent to one place; "new" from zero, None when both are zero."""
    if previous == 0:
        return NEW if current else None
    return _one_place((current - previous) * 100 / previous)


def share(part: Decimal, whole: Decimal) -> Decimal | None:
    return _one_place(part * 100 / whole) if whole else None


def _one_place(value: Decimal) -> Decimal:
    rounded = quantize(value, 1)
    return rounded.copy_abs() if rounded == 0 else rounded  # never "-0.0"


@dataclass(frozen=True)
class RateUsed:
    """A rate behind the report's figures: report currency per one unit of `currency`."""

    currency: str
    year: int
    rate: Decimal
    source: str
    provisional: bool
    user: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "currency": self.currency,
            "year": self.year,
            "rate": f"{self.rate:f}",
            "source": self.source,
            "provisional": self.provisional,
            "user": self.user,
        }


class _Converter:
    """Converts into the report currency and remembers the rate behind every figure."""

    def __init__(self, convert: Convert, currency: str) -> None:
        self.currency = currency
        self.places = minor_unit(currency)
        self.zero = quantize(Decimal(0), self.places)
        self._convert = convert
        self._used: dict[tuple[int, str], Conversion] = {}
        self._missing: dict[tuple[int, str], MissingRate] = {}

    def __call__(self, amount: Decimal, currency: str, year: int) -> Conversion:
        conversion = self.between(amount, currency, self.currency, year, self.places)
        if currency != self.currency:
            self._used.setdefault((year, currency), conversion)
        return conversion

    def between(
        self, amount: Decimal, currency: str, target: str, year: int, places: int
    ) -> Conversion:
        try:
            return self._convert(amount, currency, target, year, places)
        except MissingRate as error:
            # Carry on with a zero so that `rates()` can name every missing rate at once.
            self._missing.setdefault((error.year, error.currency), error)
            return Conversion(self.zero, target, Decimal(0), year, "", False, False)

    def rates(self) -> list[RateUsed]:
        """By year, then currency; NoRate if any was missing, naming each."""
        if self._missing:
            raise NoRate(_missing_message([e for _, e in sorted(self._missing.items())]))
        return [
            RateUsed(currency, year, c.rate, c.source, c.provisional, c.user)
            for (year, currency), c in sorted(self._used.items())
        ]


@dataclass(frozen=True)
class Figure:
    """A donor's (or everyone's) counted money in one year, in the report currency.

    `amount` is the sum of `by_status`; `by_category` is rounded on its own, so in a
    converted report it may differ from `amount` by a cent of rounding.
    """

    amount: Decimal
    qualifier: Qualifier
    by_status: Mapping[Status, Decimal]
    by_category: Mapping[Category, Decimal]

    @classmethod
    def zero(cls, zero: Decimal) -> Figure:
        return cls(
            zero,
            Qualifier.EXACT,
            dict.fromkeys(Status, zero),
            dict.fromkeys(Category, zero),
        )

    def __add__(self, other: Figure) -> Figure:
        return Figure(
            self.amount + other.amount,
            combined_qualifier((self.qualifier, other.qualifier)),
            {key: value + other.by_status[key] for key, value in self.by_status.items()},
            {key: value + other.by_category[key] for key, value in self.by_category.items()},
        )


@dataclass
class _Sums:
    """One donor's money in one year and one currency, before conversion."""

    by_status: dict[Status, Decimal] = field(default_factory=dict)
    by_category: dict[Category, Decimal] = field(default_factory=dict)
    qualifiers: set[Qualifier] = field(default_factory=set)

    def add(
        self,
        status: Status,
        amount: Decimal,
        qualifiers: frozenset[Qualifier],
        by_category: Mapping[Category, Hedged],
    ) -> None:
        self.by_status[status] = self.by_status.get(status, _ZERO) + amount
        self.qualifiers |= qualifiers
        for category, (part, _) in by_category.items():
            self.by_category[category] = self.by_category.get(category, _ZERO) + part

    def converted(self, convert: _Converter, currency: str, year: int) -> Figure:
        def each(sums: Mapping[Any, Decimal]) -> Iterator[tuple[Any, Decimal]]:
            for key, amount in sums.items():
                yield key, convert(amount, currency, year).amount

        zero = Figure.zero(convert.zero)
        by_status = {**zero.by_status, **dict(each(self.by_status))}
        return Figure(
            sum(by_status.values(), convert.zero),
            combined_qualifier(self.qualifiers),
            by_status,
            {**zero.by_category, **dict(each(self.by_category))},
        )


@dataclass(frozen=True)
class Change:
    previous: Decimal
    current: Decimal

    @property
    def amount(self) -> Decimal:
        return self.current - self.previous

    @property
    def pct(self) -> Percent:
        return percent_change(self.previous, self.current)


@dataclass(frozen=True)
class Row:
    """One donor over the years shown, every year filled (zero where nothing counts)."""

    donor: str
    by_year: Mapping[int, Figure]


@dataclass(frozen=True)
class Comparison:
    """Donors as rows, years as columns, ranked by the last year (`compare`)."""

    years: Sequence[int]
    currency: str
    rows: Sequence[Row]
    totals: Mapping[int, Figure]
    rates: Sequence[RateUsed]
    notes: Sequence[str]

    def change(self, by_year: Mapping[int, Figure]) -> Change | None:
        """The last year against the one before it; None for a single year."""
        if len(self.years) < 2:
            return None
        return Change(by_year[self.years[-2]].amount, by_year[self.years[-1]].amount)

    def share(self, by_year: Mapping[int, Figure], year: int | None = None) -> Decimal | None:
        """Of everyone's total in `year` (the last year if not given)."""
        year = self.years[-1] if year is None else year
        return share(by_year[year].amount, self.totals[year].amount)

    def tidy_rows(self) -> list[dict[str, Any]]:
        """For CSV and NDJSON: one row per donor and year, money as exact strings."""
        return [
            {
                "donor": row.donor,
                "year": year,
                "currency": self.currency,
                "amount": _money(figure.amount),
                "qualifier": figure.qualifier.value,
                "share_pct": _percent(self.share(row.by_year, year)),
                **_by(figure.by_status),
                **_by(figure.by_category),
            }
            for row in self.rows
            for year, figure in row.by_year.items()
        ]

    def to_json(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "years": list(self.years),
            "currency": self.currency,
            "rates": [rate.to_json() for rate in self.rates],
            "donors": [
                {
                    "donor": row.donor,
                    "amounts": _by_year(row.by_year, lambda f: _money(f.amount)),
                    "qualifiers": _by_year(row.by_year, lambda f: f.qualifier.value),
                    **_change_json(self.change(row.by_year)),
                    "share_pct": _percent(self.share(row.by_year)),
                }
                for row in self.rows
            ],
            "total": {
                "amounts": _by_year(self.totals, lambda f: _money(f.amount)),
                **_change_json(self.change(self.totals)),
            },
        }


@dataclass(frozen=True)
class Envelope:
    """A multi-year record covering the report's year, converted at its first year."""

    pledge: Pledge
    converted: Conversion

    def to_json(self) -> dict[str, Any]:
        """The record as `list --json` prints it, with `converted` as `list --currency`."""
        return {**self.pledge.to_json(), "converted": analysis.conversion_json(self.converted)}


@dataclass(frozen=True)
class Report(Comparison):
    """`report --year Y`: the comparison of Y-1 and Y, plus the envelopes covering Y."""

    envelopes: Sequence[Envelope]

    @property
    def year(self) -> int:
        return self.years[-1]

    @property
    def previous_year(self) -> int:
        return self.years[0]

    def to_json(self) -> dict[str, Any]:
        """DESIGN §5's report JSON."""
        total = self.totals[self.year]
        return {
            "schema_version": SCHEMA_VERSION,
            "year": self.year,
            "currency": self.currency,
            "rates": [rate.to_json() for rate in self.rates],
            "donors": [
                {
                    "donor": row.donor,
                    "amount": _money(row.by_year[self.year].amount),
                    "previous_amount": _money(row.by_year[self.previous_year].amount),
                    **_change_json(self.change(row.by_year)),
                    "share_pct": _percent(self.share(row.by_year)),
                    "qualifier": row.by_year[self.year].qualifier.value,
                    "by_status": _by(row.by_year[self.year].by_status),
                    "by_category": _by(row.by_year[self.year].by_category),
                }
                for row in self.rows
            ],
            "by_category": _by(total.by_category),
            "total": {
                "amount": _money(total.amount),
                "previous_amount": _money(self.totals[self.previous_year].amount),
                **_change_json(self.change(self.totals)),
            },
            "envelopes": [envelope.to_json() for envelope in self.envelopes],
        }


def report(
    source: Iterable[Pledge] | Tally,
    convert: Convert,
    *,
    year: int | None = None,
    currency: str = DEFAULT_CURRENCY,
    selection: Selection = EVERYTHING,
) -> Report:
    """Year `year` (default: the latest with single-year records) against the year before.

    `source` is records (all versions; only current ones count) or their `Tally`.
    `selection` narrows by donor, recipient, stage and category; its `years` and
    `include_superseded` are not read: the years are the report's.
    """
    tally = source if isinstance(source, Tally) else Tally.of(source)
    if year is None:
        year = _data_years(tally, selection)[-1]
    converter = _Converter(convert, currency)
    years = [year - 1, year]
    rows, totals, notes = _tabulate(tally, years, selection, converter)
    covering = replace(selection, years=YearSpan(year, year))
    envelopes = [
        Envelope(p, converter(p.amount, p.currency, p.years.start))
        for p in tally.envelopes
        if covering.matches(p)
    ]
    envelopes.sort(key=lambda e: (-e.converted.amount, e.pledge.donor.casefold(), e.pledge.id))
    return Report(years, currency, rows, totals, converter.rates(), notes, envelopes)


def compare(
    source: Iterable[Pledge] | Tally,
    convert: Convert,
    *,
    years: YearSpan | None = None,
    currency: str = DEFAULT_CURRENCY,
    selection: Selection = EVERYTHING,
) -> Comparison:
    """Donors over `years` (default: up to the last COMPARE_YEARS years with data)."""
    tally = source if isinstance(source, Tally) else Tally.of(source)
    if years is None:
        have = _data_years(tally, selection)
        years = YearSpan(max(have[0], have[-1] - COMPARE_YEARS + 1), have[-1])
    converter = _Converter(convert, currency)
    columns = list(range(years.start, years.end + 1))
    rows, totals, notes = _tabulate(tally, columns, selection, converter)
    return Comparison(columns, currency, rows, totals, converter.rates(), notes)


def _in_scope(scope: Selection, counted: Counted) -> bool:
    """Whether `scope` (donors, recipients, stages, years; not categories) takes it."""
    return (
        (not scope.donors or counted.donor in scope.donors)
        and (not scope.recipients or counted.recipient in scope.recipients)
        and (not scope.statuses or counted.status in scope.statuses)
        and (scope.years is None or counted.year in scope.years)
    )


def _counted(tally: Tally, scope: Selection, converter: _Converter) -> Iterator[Counted]:
    """The tally's sums that `scope` takes (its categories aside); a whole whose parts
    need converting is counted at the rates, and only when it is taken."""

    def between(amount: Decimal, source: str, target: str, year: int, places: int) -> Decimal:
        return converter.between(amount, source, target, year, places).amount

    scope = replace(scope, categories=frozenset())
    yield from (counted for counted in tally.counted if _in_scope(scope, counted))
    for whole, parts in tally.mixed:
        if scope.matches(whole):
            yield count(whole, parts, between)


def _data_years(tally: Tally, selection: Selection) -> list[int]:
    """Years in which a single-year whole of the selection counts, oldest first."""
    scope = replace(selection, years=None, categories=frozenset())
    years = {c.year for c in tally.counted if _in_scope(scope, c)}
    years.update(whole.years.start for whole, _ in tally.mixed if scope.matches(whole))
    if not years:
        raise InvalidInput(
            "no single-year pledges match, so there is no year to show; "
            "record some with `aidtrack add`, or give the year(s)"
        )
    return sorted(years)


def _tabulate(
    tally: Tally, years: list[int], selection: Selection, convert: _Converter
) -> tuple[list[Row], dict[int, Figure], list[str]]:
    """Rows ranked by the last year, the totals, and notes on doubtful data."""
    scope = replace(selection, years=YearSpan(years[0], years[-1]))
    sums: dict[tuple[str, int, str], _Sums] = {}
    notes: list[str] = []
    for sums_of in _counted(tally, scope, convert):
        notes += sums_of.notes
        amount, qualifiers, by_category = sums_of.amount, sums_of.qualifiers, sums_of.by_category
        if selection.categories:
            by_category = {c: v for c, v in by_category.items() if c in selection.categories}
            if not by_category:
                continue
            amount = sum((part for part, _ in by_category.values()), _ZERO)
            qualifiers = frozenset().union(*(hedges for _, hedges in by_category.values()))
        key = (sums_of.donor, sums_of.year, sums_of.currency)
        bucket = sums.get(key)
        if bucket is None:
            bucket = sums[key] = _Sums()
        bucket.add(sums_of.status, amount, qualifiers, by_category)

    zero = Figure.zero(convert.zero)
    by_donor: dict[str, dict[int, Figure]] = {
        donor: dict.fromkeys(years, zero) for donor in sorted(selection.donors)
    }
    for (donor, year, currency), bucket in sums.items():
        by_year = by_donor.setdefault(donor, dict.fromkeys(years, zero))
        by_year[year] += bucket.converted(convert, currency, year)
    rows = [Row(donor, by_year) for donor, by_year in by_donor.items()]
    rows.sort(key=lambda row: (*(-row.by_year[y].amount for y in reversed(years)), row.donor))
    totals = {year: sum((row.by_year[year] for row in rows), zero) for year in years}
    return rows, totals, sorted(notes)


def _missing_message(missing: list[MissingRate]) -> str:
    if len(missing) == 1:
        return str(missing[0])
    first = missing[0]
    listed = ", ".join(f"{error.currency} {error.year}" for error in missing)
    return (
        f"no exchange rates for {listed}; add each with `aidtrack rates set CURRENCY YEAR "
        f"RATE` (RATE in CURRENCY per 1 EUR), e.g. `aidtrack rates set {first.currency} "
        f"{first.year} RATE`"
    )


def _money(value: Decimal) -> str:
    return f"{value:f}"


def _percent(value: Percent) -> str | None:
    return value if value is None or isinstance(value, str) else f"{value:f}"


def _by(amounts: Mapping[Status, Decimal] | Mapping[Category, Decimal]) -> dict[str, str]:
    return {key.value: _money(value) for key, value in amounts.items()}


def _by_year(by_year: Mapping[int, Figure], shown: Callable[[Figure], str]) -> dict[str, str]:
    return {str(year): shown(figure) for year, figure in by_year.items()}


def _change_json(change: Change | None) -> dict[str, str | None]:
    if change is None:
        return {"change": None, "change_pct": None}
    return {"change": _money(change.amount), "change_pct": _percent(change.pct)}
