"""The year report and the comparison over years: who pledged what, and how it moved.

A `Tally` (what counts, `counting`) and a converter in, plain dataclasses out (no
TinyDB, Rich or Typer), so the reports can be tested without a store or a terminal.
The sum of one donor, year, currency and stage converts once, at that year's rate,
rounded once to the report currency's minor unit; every rate used is listed.

Only what the store knows is said (DESIGN §2.12): a donor with nothing recorded in a
year has no figure there (`Gap.NO_RECORD`), not a zero, and so no change against it;
a figure that needs a rate nobody has is `Gap.NO_RATE`, and only that figure (and the
totals it is part of) goes unknown. Shares are rounded so that they add up to 100.0.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal
from enum import StrEnum
from typing import Any

from . import analysis, places
from .analysis import Selection
from .counting import Counted, Hedged, Measure, Paid, Tally, combined_qualifier, count
from .errors import AidtrackError, InvalidInput
from .groups import Group
from .indicators import GDP, POPULATION, Indicators
from .indicators import Figure as IndicatorFigure
from .model import Category, Pledge, Qualifier, Status, YearSpan
from .money import DEFAULT_CURRENCY, minor_unit, quantize
from .rates import Conversion, MissingRate, missing_legs, missing_message

SCHEMA_VERSION = 3
COMPARE_YEARS = 4
EVERYTHING = Selection()
_ZERO = Decimal(0)
_TENTH = Decimal("0.1")

Convert = Callable[[Decimal, str, str, int, int], Conversion]
"""`RateTable.convert`: (amount, from, to, year, places) -> Conversion, or MissingRate."""

ROW_COLUMNS: tuple[str, ...] = (
    "donor",
    "year",
    "currency",
    "measure",
    "amount",
    "qualifier",
    "share_pct",
    "promised",
    "delivered",
    "delivered_pct",
    *(status.value for status in Status),
    *(category.value for category in Category),
)
"""The tidy table (CSV, NDJSON): one row per donor and year; the stage columns say how
much of the year's promises reached at least that stage."""


class NoRate(AidtrackError):
    """A figure cannot be converted: no rate for its currency in its year."""


class Gap(StrEnum):
    """Why a donor's year has no figure."""

    NO_RECORD = "no record"
    NO_RATE = "no rate"


def percent_change(previous: Decimal, current: Decimal) -> Decimal | None:
    """Change in percent to one place; None from zero, where a percentage says nothing."""
    if previous == 0:
        return None
    return _one_place((current - previous) * 100 / previous)


def shares(amounts: Mapping[Any, Decimal]) -> dict[Any, Decimal]:
    """Each amount's share of their sum in percent, to one place, rounded so that the
    shares add up to exactly 100.0 (largest remainder: the tenths left over go to the
    largest fractions, ties to the larger amount)."""
    whole = sum(amounts.values(), _ZERO)
    if not whole:
        return {}
    exact = {key: amount * 1000 / whole for key, amount in amounts.items()}
    tenths = {key: value.to_integral_value(ROUND_FLOOR) for key, value in exact.items()}
    left = int(1000 - sum(tenths.values()))
    order = sorted(exact, key=lambda key: (tenths[key] - exact[key], -amounts[key]))
    for key in order[:left]:
        tenths[key] += 1
    return {key: (value * _TENTH).quantize(_TENTH) for key, value in tenths.items()}


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
    per_eur: tuple[Decimal, Decimal]
    """`currency`'s and the report currency's euro rates: the figures use their ratio
    unrounded, `rate` is it shown to 6 digits (`rates.Conversion`)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "currency": self.currency,
            "year": self.year,
            "rate": f"{self.rate:f}",
            **analysis.per_eur_json(self.per_eur),
            "source": self.source,
            "provisional": self.provisional,
            "user": self.user,
        }


class _Converter:
    """Converts into the report currency and remembers the rate behind every figure,
    and every rate that was missing (each currency and year once, whichever leg)."""

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
        """`amount` in `target`; MissingRate (after noting every missing leg) if not."""
        try:
            return self._convert(amount, currency, target, year, places)
        except MissingRate:
            for missing in missing_legs(self._convert, (currency, target), year):
                self._missing.setdefault((missing.year, missing.currency), missing)
            raise

    def rates(self) -> list[RateUsed]:
        """The rates used, by year, then currency."""
        return [
            RateUsed(currency, year, c.rate, c.source, c.provisional, c.user, c.per_eur)
            for (year, currency), c in sorted(self._used.items())
        ]

    def missing(self) -> list[MissingRate]:
        """The rates that were needed and are not there, by year, then currency."""
        return [error for _, error in sorted(self._missing.items())]


@dataclass(frozen=True)
class Side:
    """One measure of a donor's (or everyone's) year, in the report currency: its sum,
    hedge and split by category (rounded on its own, so in a converted report it may
    differ from `amount` by a cent of rounding)."""

    amount: Decimal
    qualifier: Qualifier
    by_category: Mapping[Category, Decimal]

    @classmethod
    def zero(cls, zero: Decimal) -> Side:
        return cls(zero, Qualifier.EXACT, dict.fromkeys(Category, zero))

    def __add__(self, other: Side) -> Side:
        return Side(
            self.amount + other.amount,
            combined_qualifier((self.qualifier, other.qualifier)),
            {key: value + other.by_category[key] for key, value in self.by_category.items()},
        )


@dataclass(frozen=True)
class Figure:
    """A donor's (or everyone's) counted money in one year, in the report currency:
    both measures (DESIGN §2a), never added, and how much of the year's promises reached
    at least each stage (`by_status`). `amount`, `qualifier` and `by_category` are
    those of the measure the report is by."""

    promised: Side
    delivered: Side
    by_status: Mapping[Status, Decimal]
    measure: Measure = Measure.PROMISED

    @property
    def chosen(self) -> Side:
        return self.promised if self.measure is Measure.PROMISED else self.delivered

    @property
    def amount(self) -> Decimal:
        return self.chosen.amount

    @property
    def qualifier(self) -> Qualifier:
        return self.chosen.qualifier

    @property
    def by_category(self) -> Mapping[Category, Decimal]:
        return self.chosen.by_category

    @property
    def delivered_pct(self) -> Decimal | None:
        """Delivered as a share of promised, in percent to one place; None with
        nothing promised."""
        if not self.promised.amount:
            return None
        return _one_place(self.delivered.amount * 100 / self.promised.amount)

    def __add__(self, other: Figure) -> Figure:
        return Figure(
            self.promised + other.promised,
            self.delivered + other.delivered,
            {key: value + other.by_status[key] for key, value in self.by_status.items()},
            self.measure,
        )

    def measures_json(self) -> dict[str, str | None]:
        return {
            "promised": _money(self.promised.amount),
            "delivered": _money(self.delivered.amount),
            "delivered_pct": _percent(self.delivered_pct),
            "promised_qualifier": self.promised.qualifier.value,
            "delivered_qualifier": self.delivered.qualifier.value,
        }


Cell = Figure | Gap
"""What a donor's year holds: its figure, or why there is none."""


@dataclass
class _Side:
    """One measure's money of one donor (or recipient) in one year and one currency,
    before conversion, by stage (each converted on its own, as the SQLite
    `year_totals` rows are, so that they add up to the report's figure to the cent)."""

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

    def converted(self, convert: Callable[[Decimal], Decimal], zero: Decimal) -> Side:
        return Side(
            sum(map(convert, self.by_status.values()), zero),
            combined_qualifier(self.qualifiers),
            {**Side.zero(zero).by_category, **{c: convert(a) for c, a in self.by_category.items()}},
        )


@dataclass
class _Sums:
    """Money of one donor (or recipient) in one year and one currency, before
    conversion: each measure, and what the promises reached."""

    sides: dict[Measure, _Side] = field(default_factory=lambda: {m: _Side() for m in Measure})
    reached: dict[Status, Decimal] = field(default_factory=dict)

    def add(self, counted: Counted, categories: frozenset[Category]) -> bool:
        """Add a counted sum, narrowed to `categories` (all when empty); False when
        nothing of it is in them."""
        amount, qualifiers, by_category = counted.amount, counted.qualifiers, counted.by_category
        if categories:
            by_category = {c: v for c, v in by_category.items() if c in categories}
            if not by_category:
                return False
            amount = sum((part for part, _ in by_category.values()), _ZERO)
            qualifiers = frozenset().union(*(hedges for _, hedges in by_category.values()))
        self.sides[counted.measure].add(counted.status, amount, qualifiers, by_category)
        for status, reached in counted.reached.items():
            # Narrowed to some categories, a stage holds at most what they promised.
            self.reached[status] = self.reached.get(status, _ZERO) + min(reached, amount)
        return True

    def converted(self, convert: _Converter, currency: str, year: int, measure: Measure) -> Figure:
        """In the report currency; MissingRate if a rate is missing."""

        converted: dict[Decimal, Decimal] = {_ZERO: convert.zero}

        def each(amount: Decimal) -> Decimal:
            """Converted once per amount: a bucket repeats its sums (its stages, its
            categories, what they reached)."""
            if amount not in converted:
                converted[amount] = convert(amount, currency, year).amount
            return converted[amount]

        return Figure(
            self.sides[Measure.PROMISED].converted(each, convert.zero),
            self.sides[Measure.DELIVERED].converted(each, convert.zero),
            {status: each(self.reached.get(status, _ZERO)) for status in Status},
            measure,
        )


@dataclass(frozen=True)
class Change:
    previous: Decimal
    current: Decimal

    @property
    def amount(self) -> Decimal:
        return self.current - self.previous

    @property
    def pct(self) -> Decimal | None:
        return percent_change(self.previous, self.current)


@dataclass(frozen=True)
class Row:
    """One donor (or recipient, or group) over the years shown: each year's figure, or
    its gap."""

    donor: str
    by_year: Mapping[int, Cell]
    group: bool = False
    """A row of a group's members (`--by group`), named after the group."""


@dataclass(frozen=True)
class Comparison:
    """Donors as rows, years as columns, ranked by the last year (`compare`).

    `recipients` are those whose pledges the figures count; `missing` the rates that
    left figures unknown (`Gap.NO_RATE`).
    """

    years: Sequence[int]
    currency: str
    rows: Sequence[Row]
    totals: Mapping[int, Cell]
    rates: Sequence[RateUsed]
    notes: Sequence[str]
    recipients: Sequence[str]
    missing: Sequence[MissingRate]
    group: str | None = field(default=None, kw_only=True)
    """The donor group the figures are narrowed to (`--group`)."""
    sizes: Mapping[int, Mapping[str, Size]] = field(default_factory=dict, kw_only=True)
    """By year, each row's aid for its size (`sizes`), in US$ whatever the currency."""
    measure: Measure = field(default=Measure.PROMISED, kw_only=True)
    """The measure that ranks the rows and heads the table (DESIGN §2a)."""

    def change(self, by_year: Mapping[int, Cell]) -> Change | None:
        """The last year against the one before it; None for a single year, or when
        either year has no figure."""
        if len(self.years) < 2:
            return None
        previous, current = by_year[self.years[-2]], by_year[self.years[-1]]
        if isinstance(previous, Gap) or isinstance(current, Gap):
            return None
        return Change(previous.amount, current.amount)

    def shares(self, year: int) -> dict[str, Decimal]:
        """Each donor's share of everyone's total in `year`, adding up to 100.0; none
        when the total is unknown."""
        if isinstance(self.totals[year], Gap):
            return {}
        return shares(
            {
                row.donor: cell.amount
                for row in self.rows
                if isinstance(cell := row.by_year[year], Figure)
            }
        )

    def share(self, row: Row, year: int | None = None) -> Decimal | None:
        """A donor's share of `year` (the last year if not given)."""
        return self.shares(self.years[-1] if year is None else year).get(row.donor)

    def without_previous(self) -> list[str]:
        """Donors with a figure in the last year and no record in the year before."""
        if len(self.years) < 2:
            return []
        return [
            row.donor
            for row in self.rows
            if isinstance(row.by_year[self.years[-1]], Figure)
            and row.by_year[self.years[-2]] is Gap.NO_RECORD
        ]

    def tidy_rows(self) -> list[dict[str, Any]]:
        """For CSV and NDJSON: one row per donor and year with a figure, money as exact
        strings."""
        year_shares = {year: self.shares(year) for year in self.years}
        return [
            {
                "donor": row.donor,
                "year": year,
                "currency": self.currency,
                "measure": self.measure.value,
                "amount": _money(figure.amount),
                "qualifier": figure.qualifier.value,
                "share_pct": _percent(year_shares[year].get(row.donor)),
                "promised": _money(figure.promised.amount),
                "delivered": _money(figure.delivered.amount),
                "delivered_pct": _percent(figure.delivered_pct),
                **_by(figure.by_status),
                **_by(figure.by_category),
            }
            for row in self.rows
            for year, figure in row.by_year.items()
            if isinstance(figure, Figure)
        ]

    def _sizes_by_year(self, row: Row) -> dict[str, Any]:
        """A row's aid for its size, year by year (`compare` JSON)."""
        found = {
            year: by_row[row.donor] for year, by_row in self.sizes.items() if row.donor in by_row
        }
        fields = ("share_of_gdp_pct", "gdp_year", "per_person_usd", "population_year")
        return {
            name: {str(year): size.to_json()[name] for year, size in found.items()}
            for name in fields
        }

    def _scope_json(self) -> dict[str, Any]:
        return {"recipients": list(self.recipients), "group": self.group}

    def to_json(self) -> dict[str, Any]:
        last_shares = self.shares(self.years[-1])

        def row_json(row: Row) -> dict[str, Any]:
            return {
                "group" if row.group else "donor": row.donor,
                "amounts": _by_year(row.by_year, lambda f: _money(f.amount)),
                **_measures_by_year(row.by_year),
                "qualifiers": _by_year(row.by_year, lambda f: f.qualifier.value),
                **_change_json(self.change(row.by_year)),
                "share_pct": _percent(last_shares.get(row.donor)),
                **self._sizes_by_year(row),
            }

        return {
            "schema_version": SCHEMA_VERSION,
            "years": list(self.years),
            "currency": self.currency,
            "measure": self.measure.value,
            **self._scope_json(),
            "rates": [rate.to_json() for rate in self.rates],
            "missing_rates": [
                {"currency": error.currency, "year": error.year} for error in self.missing
            ],
            "donors": [row_json(row) for row in self.rows if not row.group],
            "groups": [row_json(row) for row in self.rows if row.group],
            "total": {
                "amounts": _by_year(self.totals, lambda f: _money(f.amount)),
                **_measures_by_year(self.totals),
                **_change_json(self.change(self.totals)),
                "donors_without_previous": len(self.without_previous()),
            },
        }


@dataclass(frozen=True)
class Envelope:
    """A multi-year record covering the report's year, converted at its first year,
    with what was delivered of it by the end of that year (in its own currency) and
    the years of it elapsed by then: its pace (DESIGN §2a)."""

    pledge: Pledge
    converted: Conversion
    delivered: Decimal
    elapsed: int

    @property
    def delivered_pct(self) -> Decimal:
        return _one_place(self.delivered * 100 / self.pledge.amount)

    @property
    def years(self) -> int:
        return self.pledge.years.end - self.pledge.years.start + 1

    @property
    def pace_pct(self) -> Decimal:
        """The share of the envelope its elapsed years imply."""
        return _one_place(Decimal(self.elapsed * 100) / self.years)

    def to_json(self) -> dict[str, Any]:
        """The record as `list --json` prints it, with `converted` as `list --currency`,
        and its pace."""
        return {
            **self.pledge.to_json(),
            "converted": analysis.conversion_json(self.converted),
            "delivered": _money(self.delivered),
            "delivered_pct": _percent(self.delivered_pct),
            "years_elapsed": self.elapsed,
            "years_total": self.years,
            "pace_pct": _percent(self.pace_pct),
        }


@dataclass(frozen=True)
class Size:
    """A row's year of aid for its donor's size: as a share of GDP and per person, in
    US$, with the years of the figures used (the report's, or the nearest earlier)."""

    gdp_pct: Decimal | None = None
    gdp_year: int | None = None
    per_person: Decimal | None = None
    population_year: int | None = None
    counted: tuple[str, ...] = ()
    """The countries (ISO 3166 alpha-3) whose GDP the share divides by: a group's
    members with a GDP figure."""

    def to_json(self) -> dict[str, Any]:
        return {
            "share_of_gdp_pct": None if self.gdp_pct is None else f"{self.gdp_pct:f}",
            "gdp_year": self.gdp_year,
            "per_person_usd": None if self.per_person is None else f"{self.per_person:f}",
            "population_year": self.population_year,
            "gdp_of": list(self.counted),
        }


def sizes(
    rows: Sequence[Row], year: int, figures: Indicators, by: Group | None = None
) -> dict[str, Size]:
    """Each row's aid in `year` (in US$) for its size. A group's is its aid over the sum
    of its members' GDP and people that year; an institution has none."""
    found = {}
    for row in rows:
        cell = row.by_year.get(year)
        if not isinstance(cell, Figure):
            continue
        names = by.members_in(year) if row.group and by is not None else [row.donor]
        codes = [code for name in names if (code := places.resolve(name).code)]
        gdp = {code: f for code in codes if (f := figures.get(GDP, code, year))}
        people = [f for code in codes if (f := figures.get(POPULATION, code, year))]
        if gdp or people:
            found[row.donor] = Size(
                gdp_pct=_ratio(cell.amount * 100, list(gdp.values()), 3),
                gdp_year=min((f.year for f in gdp.values()), default=None),
                per_person=_ratio(cell.amount, people, 2),
                population_year=min((f.year for f in people), default=None),
                counted=tuple(gdp),
            )
    return found


def _ratio(amount: Decimal, figures: Sequence[IndicatorFigure], digits: int) -> Decimal | None:
    total = sum((figure.value for figure in figures), _ZERO)
    return quantize(amount / total, digits) if total else None


@dataclass(frozen=True)
class Report(Comparison):
    """`report --year Y`: the comparison of Y-1 and Y, plus the envelopes covering Y
    and, for the year, what each recipient got."""

    envelopes: Sequence[Envelope]
    by_recipient: Mapping[str, Decimal]

    @property
    def year(self) -> int:
        return self.years[-1]

    @property
    def previous_year(self) -> int:
        return self.years[0]

    def category_shares(self) -> dict[Category, Decimal]:
        """The year's categories as shares of the year, adding up to 100.0."""
        total = self.totals[self.year]
        if isinstance(total, Gap):
            return {}
        return shares({c: a for c, a in total.by_category.items() if a})

    def to_json(self) -> dict[str, Any]:
        """DESIGN §5's report JSON (schema 3; since schema 2 a year without a record is null)."""
        total = self.totals[self.year]
        year_shares = self.shares(self.year)

        def donor(row: Row) -> dict[str, Any]:
            figure, previous = row.by_year[self.year], row.by_year[self.previous_year]
            known = figure if isinstance(figure, Figure) else None
            before = previous if isinstance(previous, Figure) else None
            if row.group:
                named: dict[str, Any] = {"group": row.donor}
            else:
                named = {"donor": row.donor, "donor_code": places.resolve(row.donor).code}
            return {
                **named,
                "amount": _money(known.amount) if known else None,
                "previous_amount": _money(before.amount) if before else None,
                **_change_json(self.change(row.by_year)),
                "share_pct": _percent(year_shares.get(row.donor)),
                "qualifier": known.qualifier.value if known else None,
                **(known.measures_json() if known else dict.fromkeys(_MEASURE_FIELDS)),
                "reached": _by(known.by_status) if known else None,
                "by_category": _by(known.by_category) if known else None,
                "previous_by_category": _by(before.by_category) if before else None,
                **self.sizes.get(self.year, {}).get(row.donor, Size()).to_json(),
            }

        previous_total = self.totals[self.previous_year]
        return {
            "schema_version": SCHEMA_VERSION,
            "year": self.year,
            "previous_year": self.previous_year,
            "currency": self.currency,
            "measure": self.measure.value,
            **self._scope_json(),
            "by_recipient": {name: _money(amount) for name, amount in self.by_recipient.items()},
            "rates": [rate.to_json() for rate in self.rates],
            "donors": [donor(row) for row in self.rows if not row.group],
            "groups": [donor(row) for row in self.rows if row.group],
            "by_category": _by(total.by_category) if isinstance(total, Figure) else None,
            "previous_by_category": _by(previous_total.by_category)
            if isinstance(previous_total, Figure)
            else None,
            "total": {
                "amount": _money(total.amount) if isinstance(total, Figure) else None,
                **(
                    total.measures_json()
                    if isinstance(total, Figure)
                    else dict.fromkeys(_MEASURE_FIELDS)
                ),
                "reached": _by(total.by_status) if isinstance(total, Figure) else None,
                "previous_amount": _money(previous_total.amount)
                if isinstance(previous_total, Figure)
                else None,
                **_change_json(self.change(self.totals)),
                "donors_without_previous": len(self.without_previous()),
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
    by: Group | None = None,
    figures: Indicators | None = None,
    measure: Measure = Measure.PROMISED,
) -> Report:
    """Year `year` (default: the latest with single-year records) against the year before.

    `source` is records (all versions; only current ones count) or their `Tally`.
    `selection` narrows by donor, recipient, stage and category; its `years` and
    `include_superseded` are not read: the years are the report's. A rate the report
    needs and nobody has is an error naming every such rate (NoRate).
    """
    tally = source if isinstance(source, Tally) else Tally.of(source)
    if year is None:
        year = _data_years(tally, selection)[-1]
    converter = _Converter(convert, currency)
    table = _tabulate(tally, [year - 1, year], selection, converter, by, measure)
    covering = selection._replace(years=YearSpan(year, year))
    envelopes = []
    for pledge, delivered in tally.envelopes:
        if covering.matches(pledge):
            try:
                envelopes.append(_envelope(pledge, delivered, year, converter))
            except MissingRate:
                continue  # named with the others below
    if converter.missing():
        raise NoRate(missing_message(converter.missing()))
    envelopes.sort(key=lambda e: (-e.converted.amount, e.pledge.donor.casefold(), e.pledge.id))
    weighed = _sized(tally, [year], selection, convert, by, figures, table, currency, measure)
    return Report(
        **table.fields([year - 1, year], currency, converter),
        envelopes=envelopes,
        by_recipient=table.by_recipient,
        group=_group_name(selection, by),
        sizes=weighed,
        measure=measure,
    )


def _envelope(
    pledge: Pledge, delivered: Sequence[Paid], year: int, converter: _Converter
) -> Envelope:
    """An envelope in the report of `year`: converted, and its pace by the end of it."""
    places = minor_unit(pledge.currency)
    done = sum(
        (
            converter.between(amount, currency, pledge.currency, paid_in, places).amount
            for paid_in, currency, amount in delivered
            if paid_in <= year
        ),
        quantize(_ZERO, places),  # "0.00" in JSON, as every other amount
    )
    elapsed = min(max(year - pledge.years.start + 1, 0), pledge.years.end - pledge.years.start + 1)
    return Envelope(
        pledge, converter(pledge.amount, pledge.currency, pledge.years.start), done, elapsed
    )


def _sized(
    tally: Tally,
    years: list[int],
    selection: Selection,
    convert: Convert,
    by: Group | None,
    figures: Indicators | None,
    table: _Table,
    currency: str,
    measure: Measure,
) -> dict[int, dict[str, Size]]:
    """Each year's rows for their size. GDP is in US$, so the aid is taken in US$ at
    each year's average, whatever the report's currency."""
    if figures is None:
        return {}
    if currency != "USD":
        table = _tabulate(tally, years, selection, _Converter(convert, "USD"), by, measure)
    return {year: sizes(table.rows, year, figures, by) for year in years}


def compare(
    source: Iterable[Pledge] | Tally,
    convert: Convert,
    *,
    years: YearSpan | None = None,
    currency: str = DEFAULT_CURRENCY,
    selection: Selection = EVERYTHING,
    by: Group | None = None,
    figures: Indicators | None = None,
    measure: Measure = Measure.PROMISED,
) -> Comparison:
    """Donors over `years` (default: up to the last COMPARE_YEARS years with data).

    A figure that needs a missing rate is `Gap.NO_RATE`, and the rate is listed in
    `missing`; the other figures stand.
    """
    tally = source if isinstance(source, Tally) else Tally.of(source)
    if years is None:
        have = _data_years(tally, selection)
        years = YearSpan(max(have[0], have[-1] - COMPARE_YEARS + 1), have[-1])
    converter = _Converter(convert, currency)
    columns = list(range(years.start, years.end + 1))
    table = _tabulate(tally, columns, selection, converter, by, measure)
    return Comparison(
        **table.fields(columns, currency, converter),
        group=_group_name(selection, by),
        sizes=_sized(tally, columns, selection, convert, by, figures, table, currency, measure),
        measure=measure,
    )


def _group_name(selection: Selection, by: Group | None) -> str | None:
    """The group the figures are narrowed to, or grouped by."""
    group = by or selection.group
    return group.name if group else None


def _in_scope(scope: Selection, counted: Counted) -> bool:
    """Whether `scope` (donors, recipients, stages, years; not categories) takes it."""
    return (
        (not scope.donors or counted.donor in scope.donors)
        and (not scope.recipients or counted.recipient in scope.recipients)
        and (not scope.statuses or counted.status in scope.statuses)
        and (scope.years is None or counted.year in scope.years)
        and (scope.group is None or scope.group.includes(counted.donor, counted.year))
    )


def _counted(
    tally: Tally, scope: Selection, converter: _Converter, unknown: set[tuple[str, int]]
) -> Iterator[Counted]:
    """The tally's sums that `scope` takes (its categories aside); a whole whose parts
    need converting is counted at the rates, and only when it is taken (a whole whose
    part has no rate leaves its donor's year in `unknown`)."""

    def between(amount: Decimal, source: str, target: str, year: int, places: int) -> Decimal:
        return converter.between(amount, source, target, year, places).amount

    scope = scope._replace(categories=frozenset())
    yield from (counted for counted in tally.counted if _in_scope(scope, counted))
    for whole, parts, deliveries in tally.mixed:
        if scope.matches(whole):
            try:
                yield from count(whole, parts, deliveries, between)
            except MissingRate:
                unknown.add((whole.donor, whole.years.start))


def _data_years(tally: Tally, selection: Selection) -> list[int]:
    """Years in which a single-year whole or delivery of the selection counts, oldest
    first."""
    scope = selection._replace(years=None, categories=frozenset())
    years = {c.year for c in tally.counted if _in_scope(scope, c)}
    years.update(whole.years.start for whole, _, _ in tally.mixed if scope.matches(whole))
    if not years:
        raise InvalidInput(
            "no single-year pledges match, so there is no year to show; "
            "record some with `aidtrack add`, or give the year(s)"
        )
    return sorted(years)


@dataclass(frozen=True)
class _Table:
    rows: list[Row]
    totals: dict[int, Cell]
    notes: list[str]
    recipients: list[str]
    by_recipient: dict[str, Decimal]

    def fields(self, years: Sequence[int], currency: str, converter: _Converter) -> dict[str, Any]:
        """The fields of a `Comparison` of these years."""
        return {
            "years": years,
            "currency": currency,
            "rows": self.rows,
            "totals": self.totals,
            "rates": converter.rates(),
            "notes": self.notes,
            "recipients": self.recipients,
            "missing": converter.missing(),
        }


def _tabulate(
    tally: Tally,
    years: list[int],
    selection: Selection,
    convert: _Converter,
    by: Group | None = None,
    measure: Measure = Measure.PROMISED,
) -> _Table:
    """Rows ranked by the last year, the totals, notes on doubtful data, the
    recipients counted, and what each got in the last year. With `by`, the donors that
    were its members in a year make one row, named after the group."""
    scope = selection._replace(years=YearSpan(years[0], years[-1]))

    def row_of(donor: str, year: int) -> str:
        return by.name if by is not None and by.includes(donor, year) else donor

    sums: dict[tuple[str, int, str], _Sums] = {}
    received: dict[tuple[str, str], _Sums] = defaultdict(_Sums)
    unknown: set[tuple[str, int]] = set()
    notes: list[str] = []
    recipients: set[str] = set()
    for sums_of in _counted(tally, scope, convert, unknown):
        notes += sums_of.notes
        key = (row_of(sums_of.donor, sums_of.year), sums_of.year, sums_of.currency)
        if key not in sums:
            sums[key] = _Sums()
        if not sums[key].add(sums_of, selection.categories):
            continue
        recipients.add(sums_of.recipient)
        if sums_of.year == years[-1]:
            received[sums_of.recipient, sums_of.currency].add(sums_of, selection.categories)

    unknown = {(row_of(donor, year), year) for donor, year in unknown}
    found: dict[tuple[str, int], Figure] = {}
    for (donor, year, currency), bucket in sums.items():
        if (donor, year) in unknown:
            continue
        try:
            figure = bucket.converted(convert, currency, year, measure)
        except MissingRate:
            unknown.add((donor, year))
            continue
        have = found.get((donor, year))
        found[donor, year] = figure if have is None else have + figure
    donors = set(selection.donors) | {donor for donor, _, _ in sums} | {d for d, _ in unknown}

    def cell(donor: str, year: int) -> Cell:
        if (donor, year) in unknown:
            return Gap.NO_RATE
        return found.get((donor, year), Gap.NO_RECORD)

    rows = [
        Row(
            donor,
            {year: cell(donor, year) for year in years},
            group=by is not None and donor == by.name,
        )
        for donor in donors
    ]
    rows.sort(key=lambda row: (*(_rank(row.by_year[y]) for y in reversed(years)), row.donor))
    totals = {year: _total([row.by_year[year] for row in rows]) for year in years}
    by_recipient: dict[str, Decimal] = defaultdict(lambda: convert.zero)
    for (recipient, currency), bucket in received.items():
        with contextlib.suppress(MissingRate):  # the donors' figures say so
            by_recipient[recipient] += bucket.converted(
                convert, currency, years[-1], measure
            ).amount
    return _Table(
        rows, totals, sorted(notes), sorted(recipients), dict(sorted(by_recipient.items()))
    )


def _rank(cell: Cell) -> tuple[int, Decimal]:
    """Largest figures first, then years without a figure."""
    return (0, -cell.amount) if isinstance(cell, Figure) else (1, _ZERO)


def _total(cells: Sequence[Cell]) -> Cell:
    """Everyone's year: unknown if any figure is, nothing if no one has a record."""
    if Gap.NO_RATE in cells:
        return Gap.NO_RATE
    figures = [cell for cell in cells if isinstance(cell, Figure)]
    if not figures:
        return Gap.NO_RECORD
    total = figures[0]
    for figure in figures[1:]:
        total += figure
    return total


def _money(value: Decimal) -> str:
    return f"{value:f}"


def _percent(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:f}"


def _by(amounts: Mapping[Status, Decimal] | Mapping[Category, Decimal]) -> dict[str, str]:
    return {key.value: _money(value) for key, value in amounts.items()}


def _by_year(by_year: Mapping[int, Cell], shown: Callable[[Figure], str | None]) -> dict[str, Any]:
    return {
        str(year): shown(cell) if isinstance(cell, Figure) else None
        for year, cell in by_year.items()
    }


_MEASURE_FIELDS = (
    *("promised", "delivered", "delivered_pct", "promised_qualifier", "delivered_qualifier"),
)


def _measures_by_year(by_year: Mapping[int, Cell]) -> dict[str, Any]:
    return {
        "promised": _by_year(by_year, lambda f: _money(f.promised.amount)),
        "delivered": _by_year(by_year, lambda f: _money(f.delivered.amount)),
        "delivered_pct": _by_year(by_year, lambda f: _percent(f.delivered_pct)),
    }


def _change_json(change: Change | None) -> dict[str, str | None]:
    if change is None:
        return {"change": None, "change_pct": None}
    return {"change": _money(change.amount), "change_pct": _percent(change.pct)}
