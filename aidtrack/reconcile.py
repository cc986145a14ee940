"""The store against another tracker's file: which figures agree and which do not.

A newsroom checks its figures against a tracker's release (Kiel's, say) per donor,
year and measure. Both sides are counted by the same rules (`counting.Tally.of`,
DESIGN §2a): the file's records are counted as if they were a store, its delivery-stage
rows linked to the promise they deliver as a mapped import links them
(`rules.deliveries_found`), and each side is converted into one currency by the same
report code (`yearly.compare`), with the store's rate table. Promised and delivered are
compared apart, never added.

A line *matches* when the two figures differ by at most `tolerance` percent of the
file's figure (0: equal to the cent after conversion), *differs* when they do not, is on
one side only when the other side counts nothing of that measure in that donor's year.
A donor's year that cannot be converted (a rate nobody has) is compared in its own
currencies instead: the same sums in the same currencies match, one side's alone is on
that side only, and anything else has *no rate* (it cannot be said by how much it
differs). Multi-year envelopes count in no year (DESIGN §2.5), so they are not compared.

Pure: records and tallies in, plain dataclasses out (no TinyDB, Rich or Typer).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from . import rules
from .analysis import Selection
from .counting import Measure, Tally
from .model import Pledge, YearSpan
from .money import DEFAULT_CURRENCY
from .rates import MissingRate
from .yearly import EVERYTHING, Comparison, Convert, Figure, Gap, RateUsed, compare, percent_change

if TYPE_CHECKING:
    from .importing import Incoming

SCHEMA_VERSION = 1
_ZERO = Decimal(0)


class Result(StrEnum):
    """How one donor's year of one measure compares."""

    DIFFERS = "differs"
    STORE_ONLY = "store_only"
    FILE_ONLY = "file_only"
    NO_RATE = "no_rate"
    MATCH = "match"


@dataclass(frozen=True)
class Line:
    """One donor, year and measure: the store's figure and the file's, in the
    reconciliation's currency (None: that side counts nothing there, or cannot be
    converted)."""

    donor: str
    year: int
    measure: Measure
    store: Decimal | None
    file: Decimal | None
    result: Result
    no_rate_in: tuple[str, ...] = ()
    """The sides ("store", "file") whose figure needs a rate nobody has."""
    unconverted: tuple[Mapping[str, Decimal], Mapping[str, Decimal]] | None = None
    """Where a figure could not be converted: each side's sums in their own currencies
    (store, file), as they were compared; None when both were converted."""

    @property
    def difference(self) -> Decimal | None:
        """The store's figure less the file's."""
        if self.store is None or self.file is None:
            return None
        return self.store - self.file

    @property
    def difference_pct(self) -> Decimal | None:
        """The difference in percent of the file's figure, to one place."""
        if self.store is None or self.file is None:
            return None
        return percent_change(self.file, self.store)

    def to_json(self) -> dict[str, Any]:
        return {
            "donor": self.donor,
            "year": self.year,
            "measure": self.measure.value,
            "result": self.result.value,
            "store": _money(self.store),
            "file": _money(self.file),
            "difference": _money(self.difference),
            "difference_pct": _money(self.difference_pct),
            "no_rate_in": list(self.no_rate_in),
            "unconverted": None
            if self.unconverted is None
            else {
                side: {currency: f"{amount:f}" for currency, amount in sums.items()}
                for side, sums in zip(("store", "file"), self.unconverted, strict=True)
            },
        }


@dataclass(frozen=True)
class Reconciliation:
    """Every donor, year and measure that either side counts, in `currency`, with the
    rates that converted them and those that were missing."""

    name: str
    currency: str
    tolerance: Decimal
    recipients: Sequence[str]
    years: YearSpan | None
    lines: Sequence[Line]
    rates: Sequence[RateUsed] = ()
    missing: Sequence[MissingRate] = ()
    envelopes: tuple[int, int] = (0, 0)
    """The multi-year envelopes (store, file) in scope, which are not compared."""
    notes: Sequence[str] = field(default_factory=tuple)

    def of(self, result: Result) -> list[Line]:
        return [line for line in self.lines if line.result is result]

    def counts(self) -> dict[str, int]:
        return {result.value: len(self.of(result)) for result in Result}

    @property
    def agrees(self) -> bool:
        """Whether every line matches (nothing differs, nothing is on one side only)."""
        return all(line.result is Result.MATCH for line in self.lines)

    def to_json(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "file": self.name,
            "currency": self.currency,
            "tolerance_pct": f"{self.tolerance:f}",
            "recipients": list(self.recipients),
            "years": None if self.years is None else [self.years.start, self.years.end],
            "agrees": self.agrees,
            "counts": self.counts(),
            "lines": [line.to_json() for line in self.lines],
            "envelopes_not_compared": {"store": self.envelopes[0], "file": self.envelopes[1]},
            "rates": [rate.to_json() for rate in self.rates],
            "missing_rates": [
                {"currency": error.currency, "year": error.year} for error in self.missing
            ],
        }


def file_records(incoming: Sequence[Incoming], *, link_deliveries: bool) -> list[Pledge]:
    """A file's checked records as the records of a store: each with an id (the file's,
    else one made of where it is), and, for a tracker's file read through a column map,
    its delivery-stage rows linked to the promise of the file they deliver, as a mapped
    import links them (DESIGN §2a)."""
    records = [item.pledge(item.id or f"file:{item.where}") for item in incoming]
    if not link_deliveries:
        return records
    found = rules.deliveries_found(records, records)
    if not found:
        return records
    return [replace(p, delivery_of=found[p.id]) if p.id in found else p for p in records]


def years_of(tallies: Iterable[Tally], selection: Selection) -> YearSpan | None:
    """The years from the first to the last in which either side counts something of
    the selection's donors and recipients (None: neither counts anything)."""
    found: set[int] = set()
    for tally in tallies:
        found.update(
            c.year
            for c in tally.counted
            if (not selection.recipients or c.recipient in selection.recipients)
            and (not selection.donors or c.donor in selection.donors)
        )
        found.update(whole.years.start for whole, _, _ in tally.mixed if selection.matches(whole))
    return YearSpan(min(found), max(found)) if found else None


def reconcile(
    store: Tally,
    file: Tally,
    convert: Convert,
    *,
    name: str = "the file",
    currency: str = DEFAULT_CURRENCY,
    tolerance: Decimal = _ZERO,
    selection: Selection = EVERYTHING,
    years: YearSpan | None = None,
) -> Reconciliation:
    """The store's tally against the file's, per donor, year and measure, in
    `currency`, for the recipients and donors `selection` names (all: empty) and
    `years` (default: every year either side counts)."""
    if tolerance < 0:
        raise ValueError("the tolerance is a percentage of 0 or more")
    span = years or years_of((store, file), selection)

    def in_scope(envelope: Pledge) -> bool:
        return selection.matches(envelope) and (years is None or envelope.years.overlaps(years))

    envelopes = (
        sum(1 for p, _ in store.envelopes if in_scope(p)),
        sum(1 for p, _ in file.envelopes if in_scope(p)),
    )
    if span is None:
        return Reconciliation(name, currency, tolerance, [], None, [], envelopes=envelopes)
    ours = compare(store, convert, years=span, currency=currency, selection=selection)
    theirs = compare(file, convert, years=span, currency=currency, selection=selection)
    lines = _lines(ours, theirs, tolerance)
    if any(line.result is Result.NO_RATE for line in lines):
        own = (_own_currencies(store, selection, span), _own_currencies(file, selection, span))
        lines = [
            compared
            for line in lines
            if (compared := _unconverted(line, *own) if line.result is Result.NO_RATE else line)
        ]
    rates = {(r.year, r.currency): r for r in (*ours.rates, *theirs.rates)}
    missing = {(e.year, e.currency): e for e in (*ours.missing, *theirs.missing)}
    return Reconciliation(
        name,
        currency,
        tolerance,
        sorted({*ours.recipients, *theirs.recipients}),
        span,
        lines,
        [rate for _, rate in sorted(rates.items())],
        [error for _, error in sorted(missing.items())],
        envelopes,
        sorted({*ours.notes, *theirs.notes}),
    )


def _lines(ours: Comparison, theirs: Comparison, tolerance: Decimal) -> list[Line]:
    cells = {(row.donor, year): cell for row in ours.rows for year, cell in row.by_year.items()}
    other = {(row.donor, year): cell for row in theirs.rows for year, cell in row.by_year.items()}
    lines = []
    for donor, year in sorted(cells.keys() | other.keys(), key=lambda k: (k[0].casefold(), k)):
        mine, given = (
            cells.get((donor, year), Gap.NO_RECORD),
            other.get((donor, year), Gap.NO_RECORD),
        )
        for measure in Measure:
            line = _line(donor, year, measure, mine, given, tolerance)
            if line is not None:
                lines.append(line)
    return lines


def _line(
    donor: str,
    year: int,
    measure: Measure,
    mine: Figure | Gap,
    given: Figure | Gap,
    tolerance: Decimal,
) -> Line | None:
    """One measure of a donor's year, or None when neither side counts anything."""
    if Gap.NO_RATE in (mine, given):
        unknown = tuple(
            side for side, cell in (("store", mine), ("file", given)) if cell is Gap.NO_RATE
        )
        store, file = _amount(mine, measure), _amount(given, measure)
        return Line(donor, year, measure, store, file, Result.NO_RATE, unknown)
    store, file = _amount(mine, measure), _amount(given, measure)
    if store is None and file is None:
        return None
    if file is None:
        result = Result.STORE_ONLY
    elif store is None:
        result = Result.FILE_ONLY
    elif abs(store - file) * 100 <= tolerance * abs(file):
        result = Result.MATCH
    else:
        result = Result.DIFFERS
    return Line(donor, year, measure, store, file, result)


def _amount(cell: Figure | Gap, measure: Measure) -> Decimal | None:
    """A measure's figure, None where that side counts nothing of it (every record's
    amount is above zero, so a counted measure is too)."""
    if not isinstance(cell, Figure):
        return None
    amount = cell.promised.amount if measure is Measure.PROMISED else cell.delivered.amount
    return amount if amount else None


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:f}"


Own = dict[tuple[str, int, Measure], dict[str, Decimal]]
"""By donor, year and measure: the sums in their own currencies."""


def _own_currencies(tally: Tally, selection: Selection, years: YearSpan) -> Own:
    """A tally's sums in their own currencies, as `yearly.compare` takes them (the
    selection's donors and recipients, in `years`), before any conversion. A whole
    with a part or delivery in another currency (`Tally.mixed`) needs rates only to
    split itself: it promised its own amount, and delivered it when it reached
    `allocated` and has no deliveries (theirs are counted on their own)."""
    found: Own = {}

    def add(donor: str, year: int, measure: Measure, currency: str, amount: Decimal) -> None:
        sums = found.setdefault((donor, year, measure), {})
        sums[currency] = sums.get(currency, _ZERO) + amount

    for c in tally.counted:
        if (
            c.year in years
            and (not selection.donors or c.donor in selection.donors)
            and (not selection.recipients or c.recipient in selection.recipients)
        ):
            add(c.donor, c.year, c.measure, c.currency, c.amount)
    for whole, _, deliveries in tally.mixed:
        if whole.years.start in years and selection.matches(whole):
            measures = [Measure.PROMISED]
            if whole.delivered_stage and not deliveries:
                measures.append(Measure.DELIVERED)
            for measure in measures:
                add(whole.donor, whole.years.start, measure, whole.currency, whole.amount)
    return found


def _unconverted(line: Line, store: Own, file: Own) -> Line | None:
    """A line that needed a rate, compared in its own currencies; None when neither
    side counts anything of its measure (the rate was missing for the other)."""
    key = (line.donor, line.year, line.measure)
    mine = {c: a for c, a in sorted(store.get(key, {}).items()) if a}
    given = {c: a for c, a in sorted(file.get(key, {}).items()) if a}
    if not mine and not given:
        return None
    if mine == given:
        result = Result.MATCH
    elif not given:
        result = Result.STORE_ONLY
    elif not mine:
        result = Result.FILE_ONLY
    else:
        result = Result.NO_RATE
    return replace(line, result=result, unconverted=(mine, given))
