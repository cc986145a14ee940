"""The view of `reconcile`: the store against another tracker's file, what differs
first, each donor's year and measure once, in one currency."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .. import drawing
from ..drawing import NO_RATE, Column, Grid, Heading, Note, Section, View
from ..money import format_compact

if TYPE_CHECKING:
    from ..drawing import Part
    from ..reconcile import Line, Reconciliation


class ReconcileView(View):
    """`reconcile`: what differs first, then what one side only has, what has no rate,
    and what matches; each donor's year and measure once, in one currency."""

    def __init__(self, result: Reconciliation, rates_through: str) -> None:
        self.result, self.rates_through = result, rates_through

    def parts(self) -> list[Part]:
        from ..reconcile import Result

        result = self.result
        span = "" if result.years is None else f", {result.years}"
        to = f" to {drawing.listed(result.recipients)}" if result.recipients else ""
        tolerance = (
            "figures match when equal to the cent after conversion"
            if not result.tolerance
            else f"figures match within {result.tolerance:f}% of the file's"
        )
        drawn: list[Part] = [
            Heading(f"The store against {result.name}: aid{to}{span}, in {result.currency}"),
            Note(f"Promised and delivered compared apart, never added; {tolerance}."),
        ]
        sections = (
            (Result.DIFFERS, "Differ", True),
            (Result.STORE_ONLY, "Only in the store", False),
            (Result.FILE_ONLY, "Only in the file", False),
            (Result.NO_RATE, "No rate to convert", False),
            (Result.MATCH, "Match", bool(result.tolerance)),
        )
        for kind, title, both in sections:
            lines = result.of(kind)
            if lines:
                drawn += [Section(f"{title} ({len(lines)})"), _reconcile_grid(lines, result, both)]
        counts = result.counts()
        summary = ", ".join(
            f"{counts[kind.value]} {word}"
            for kind, word in (
                (Result.DIFFERS, "differ"),
                (Result.STORE_ONLY, "only in the store"),
                (Result.FILE_ONLY, "only in the file"),
                (Result.NO_RATE, "without a rate"),
                (Result.MATCH, "match"),
            )
            if counts[kind.value] or kind is Result.MATCH
        )
        drawn.append(
            Note(f"\n{summary}." if result.lines else "\nNeither side counts anything here.")
        )
        store_envelopes, file_envelopes = result.envelopes
        if store_envelopes or file_envelopes:
            drawn.append(
                Note(
                    f"Multi-year envelopes count in no year and are not compared "
                    f"({store_envelopes} in the store, {file_envelopes} in the file)."
                )
            )
        drawn.append(drawing.rates_used_note(result.rates, result.currency, self.rates_through))
        return drawn

    def to_json(self) -> dict[str, Any]:
        return self.result.to_json()


def _reconcile_grid(lines: Sequence[Line], result: Reconciliation, both: bool) -> Grid:
    """A section's lines: both figures with their difference, or the one figure there is."""
    from ..reconcile import Result

    currency = result.currency
    columns = [Column("Donor", wraps=True), Column("Year"), Column("Measure")]
    two = both or lines[0].result is Result.NO_RATE
    if two:
        columns += [Column("Store", right=True), Column("File", right=True)]
    else:
        columns.append(Column("Amount", right=True))
    if both:
        columns += [Column("Difference", right=True), Column("%", right=True)]
    rows = []
    for line in lines:
        store, file = (_side(line, side, currency) for side in range(2))
        cells = [line.donor, str(line.year), line.measure.value]
        if two:
            cells += [store, file]
        else:
            cells.append(file if line.result is Result.FILE_ONLY else store)
        if both:
            difference = line.difference
            cells += [
                "" if difference is None else drawing.signed_cell(difference, currency),
                drawing.percent_change_cell(line.difference_pct),
            ]
        rows.append((cells, ""))
    return Grid(columns, rows)


def _side(line: Line, side: int, currency: str) -> str:
    """One side's figure (0: the store's, 1: the file's): converted; else in its own
    currencies, marked `unconverted`; `no rate` where not even that is known; `-`
    where it counts nothing."""
    converted = (line.store, line.file)[side]
    if converted is not None:
        return format_compact(converted, currency)
    if line.unconverted is not None and line.unconverted[side]:
        sums = line.unconverted[side]
        return " + ".join(format_compact(a, c) for c, a in sums.items()) + " unconverted"
    return NO_RATE if ("store", "file")[side] in line.no_rate_in else "-"
