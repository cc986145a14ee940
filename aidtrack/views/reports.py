"""The views of `report` and `compare`: donors ranked over years by one measure with
the other beside it, the category split, the envelopes, a chart and the rates behind
every figure."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from ..drawing import (
    NO_RATE,
    Aside,
    Chart,
    Column,
    Grid,
    Heading,
    Note,
    Part,
    Section,
    Shown,
    View,
    amount_cell,
    conversion_cells,
    listed,
    money_cell,
    percent_cell,
    percent_change_cell,
    rates_used_note,
    signed_cell,
)
from ..money import format_compact

if TYPE_CHECKING:
    from ..analysis import Selection
    from ..yearly import Cell, Comparison, Envelope, Figure, Report, Row

CHART_DONORS = 10
ENVELOPES_SHOWN = 10
"""A report is a summary: the largest envelopes, not a tracker's thousands."""
_QUALIFIER_LEGEND = "~ about, >= at least, <= up to"


class _YearsView(View):
    """The figures of `report` and `compare`: drawn, as JSON, and as tidy rows (one
    per donor and year, for NDJSON, CSV and TSV). `per`: the measures of size shown
    (`gdp`, `capita`); `chart`: what a report's chart shows."""

    def __init__(
        self,
        result: Comparison,
        selection: Selection,
        rates_through: str,
        scope_note: str = "",
        per: Sequence[str] = (),
        chart: str = "amount",
    ) -> None:
        self.result, self.selection, self.rates_through = result, selection, rates_through
        self.scope_note, self.per, self.chart = scope_note, per, chart

    def counts(self) -> bool:
        return bool(self.result.rows)

    def counted_in(self) -> str:
        """The years a terminal names when nothing counts in them."""
        return "those years"

    def shown(self) -> Sequence[Shown]:
        if self.counts():
            return self.parts()
        nothing = f"no pledges count in {self.counted_in()}"
        return [Aside(f"{nothing}; `aidtrack list` shows what is recorded")]

    def to_json(self) -> dict[str, Any]:
        return self.result.to_json()

    def rows(self) -> list[dict[str, Any]]:
        return self.result.tidy_rows()

    def csv_table(self) -> tuple[Sequence[str], Iterable[dict[str, Any]]]:
        from ..yearly import ROW_COLUMNS

        return ROW_COLUMNS, self.rows()


class ReportView(_YearsView):
    """`report`: donors ranked with Y-1 beside Y, the category split, what each
    recipient got (when there are several), the envelopes covering Y (apart), a chart
    and the rates behind every figure."""

    result: Report

    def counts(self) -> bool:
        return bool(self.result.rows or self.result.envelopes)

    def counted_in(self) -> str:
        return str(self.result.year)

    def parts(self) -> list[Part]:
        report, selection, per = self.result, self.selection, self.per
        previous, year = report.previous_year, report.year
        by = _by_measure(report)
        drawn: list[Part] = [
            _heading(
                f"{_aid(report)}{_to(report)} in {year} against {previous}, in {report.currency}",
                selection,
            ),
            *([Note(self.scope_note)] if self.scope_note else []),
            _years_grid(report, stages=True),
            *_measures_note(report, stages=True),
            *_without_previous(report),
            *(_size_view(report, per) if per else []),
            Section(f"By category in {year}{by} (breakdowns where given, else the whole)"),
            _category_grid(report),
        ]
        if len(report.recipients) > 1:
            drawn += [Section(f"By recipient in {year}{by}"), _recipient_grid(report)]
        if report.envelopes:
            drawn.append(Section(f"Multi-year envelopes covering {year} (not added to the year)"))
            largest = report.envelopes[:ENVELOPES_SHOWN]
            drawn.append(_envelope_grid(largest, report.currency, year))
            more = len(report.envelopes) - ENVELOPES_SHOWN
            if more > 0:
                drawn.append(Note(f"... and {more} smaller ones; --json lists them all"))
        if report.rows and self.chart == "gdp":
            drawn += [Section(f"{year} as a share of GDP"), _gdp_chart(report)]
            used = {s.gdp_year for s in report.sizes.get(year, {}).values() if s.gdp_year}
            if used - {year}:
                years = ", ".join(str(y) for y in sorted(used - {year}))
                drawn.append(Note(f"* GDP of {years}: the latest before {year}"))
        elif report.rows:
            drawn += [Section(f"{previous} -> {year} by donor{by}"), _chart_of(report)]
        drawn.append(rates_used_note(report.rates, report.currency, self.rates_through))
        return drawn


class ComparisonView(_YearsView):
    """`compare`: donors as rows, years as columns, change over the last two years."""

    def parts(self) -> list[Part]:
        comparison = self.result
        first, last = comparison.years[0], comparison.years[-1]
        span = f"{first}-{last}" if first != last else str(first)
        return [
            _heading(
                f"{_aid(comparison)}{_to(comparison)} {span}, in {comparison.currency}",
                self.selection,
            ),
            *([Note(self.scope_note)] if self.scope_note else []),
            _years_grid(comparison, stages=False),
            *_measures_note(comparison, stages=False),
            *_without_previous(comparison),
            *(_size_view(comparison, self.per) if self.per else []),
            Note(
                "Multi-year envelopes are not added to any year; "
                "`aidtrack report --year Y` lists those covering Y."
            ),
            rates_used_note(comparison.rates, comparison.currency, self.rates_through),
        ]


def _aid(comparison: Comparison) -> str:
    """What the table's figures are: `Aid pledges` (promised), or `Aid delivered`."""
    from ..counting import Measure

    return "Aid delivered" if comparison.measure is Measure.DELIVERED else "Aid pledges"


def _by_measure(comparison: Comparison) -> str:
    """`, delivered` after a title whose figures are of the delivered measure."""
    from ..counting import Measure

    return ", delivered" if comparison.measure is Measure.DELIVERED else ""


def _to(comparison: Comparison) -> str:
    """` to Ukraine`, ` to Moldova and Ukraine`: the recipients the figures count."""
    return f" to {listed(comparison.recipients)}" if comparison.recipients else ""


def _heading(title: str, selection: Selection) -> Heading:
    scope = []
    if selection.group:
        scope.append(f"group: {selection.group.name}")
    if selection.donors:
        scope.append("donors: " + ", ".join(sorted(selection.donors)))
    if selection.statuses:
        scope.append("stages: " + _values(selection.statuses))
    if selection.categories:
        scope.append("categories: " + _values(selection.categories))
    return Heading(title + (f" ({'; '.join(scope)})" if scope else ""))


def _values(members: Iterable[Any]) -> str:
    return ", ".join(sorted(member.value for member in members))


_REACHED, _RANK, _OTHER = 3, 2, 1
"""The order in which a narrow terminal leaves a report's columns out: the stage view
first, then the rank, then the other measure (the note under the table always gives
the year's total of both)."""


def _years_grid(comparison: Comparison, *, stages: bool) -> Grid:
    """Donors ranked by the report's measure, one column per year, change and share;
    then the other measure in the last year, with delivered as a share of promised,
    and (`stages`) how much of the year's promises reached at least each stage. A
    totals row closes it."""
    from ..counting import Measure
    from ..yearly import Figure, Gap

    currency, years = comparison.currency, comparison.years
    last = years[-1]
    by_promised = comparison.measure is Measure.PROMISED
    figures = [c for row in comparison.rows for c in row.by_year.values() if isinstance(c, Figure)]
    # By the promised measure, a year in which no one has a delivery recorded leaves
    # the delivered column out rather than fill it with dashes; the note under the
    # table says that none is recorded. By the delivered measure, the promised
    # figures are always beside it.
    other = not by_promised or any(
        isinstance(cell := row.by_year[last], Figure) and cell.delivered.amount
        for row in comparison.rows
    )
    columns = [
        Column("#", right=True, drop=_RANK, style="dim", in_blocks=False),
        Column("Donor", wraps=True),
    ]
    columns += [Column(str(year), right=True) for year in years]
    if len(years) > 1:
        columns += [Column("Change", right=True), Column("Change %", right=True)]
    share_at = len(columns) - 2  # the cells leave out the rank and the name
    columns.append(Column(f"Share {last}" if len(years) > 2 else "Share", right=True))
    if other:
        named = f"{'Delivered' if by_promised else 'Promised'} {last}"
        columns.append(Column(named, right=True, drop=_OTHER))
    if stages:
        columns.append(Column(f"Reached at least, {last}", wraps=True, drop=_REACHED))
    last_shares = comparison.shares(last)

    def cells(name: str, by_year: Mapping[int, Cell]) -> list[str]:
        row = [_cell(by_year[year], currency) for year in years]
        if len(years) > 1:
            change = comparison.change(by_year)
            if change is not None:
                row += [signed_cell(change.amount, currency), percent_change_cell(change.pct)]
            elif by_year[years[-2]] is Gap.NO_RECORD and isinstance(by_year[last], Figure):
                row += [f"no {years[-2]} record", ""]
            else:
                row += ["", ""]
        row.append(percent_cell(last_shares.get(name)))
        figure = by_year[last]
        if other:
            row.append(_other_measure(figure, by_promised, currency))
        if stages:
            row.append(_reached(figure, currency) if isinstance(figure, Figure) else "")
        return row

    rows = [
        ([str(rank), _row_name(row), *cells(row.donor, row.by_year)], "")
        for rank, row in enumerate(comparison.rows, 1)
    ]
    total = cells("", comparison.totals)
    total[share_at] = "100.0%" if last_shares else ""
    hedges = [f.qualifier for f in figures]
    if other:  # the other measure is shown for the last year only
        lasts = [row.by_year[last] for row in comparison.rows]
        hedges += [
            (f.delivered if by_promised else f.promised).qualifier
            for f in lasts
            if isinstance(f, Figure)
        ]
    hedged = any(qualifier.value != "exact" for qualifier in hedges)
    return Grid(
        columns,
        rows,
        footer=["", "Total", *total],
        caption=_QUALIFIER_LEGEND if hedged else None,
        key=1,
    )


def _other_measure(cell: Cell, by_promised: bool, currency: str) -> str:
    """The measure the table is not by, in the last year: `$4.82bn (37.0%)`, with
    delivered as a share of promised."""
    from ..yearly import Figure, Gap

    if not isinstance(cell, Figure):
        return NO_RATE if cell is Gap.NO_RATE else ""
    side = cell.delivered if by_promised else cell.promised
    shown = money_cell(side.amount, currency, side.qualifier.value)
    pct = cell.delivered_pct
    return shown if pct is None or not side.amount else f"{shown} ({pct:f}%)"


def _reached(figure: Figure, currency: str, *, every: bool = False) -> str:
    """How much of the year's promises reached at least each stage past announced:
    `committed $8.2bn, allocated $7.0bn, disbursed $7.0bn` (`every`), each at most the
    one before; else only where it drops (`committed $8.2bn, disbursed $7.0bn`: what
    is not named reached the same as the next stage named). `announced` when none went
    further; empty with nothing promised."""
    from ..model import Status

    if not figure.promised.amount:
        return ""
    past = [(s, a) for s, a in figure.by_status.items() if s is not Status.ANNOUNCED and a]
    if past and not every:  # a stage holding as much as the next one says nothing more
        after = [amount for _, amount in past[1:]] + [None]
        past = [step for step, then in zip(past, after, strict=True) if step[1] != then]
    return ", ".join(f"{s.value} {money_cell(a, currency)}" for s, a in past) or "announced"


def _measures_note(comparison: Comparison, *, stages: bool) -> list[Part]:
    """The last year's total by both measures, whatever columns a narrow terminal
    leaves out, and (`stages`) how far the year's promises got."""
    from ..model import Status
    from ..yearly import Figure

    last, currency = comparison.years[-1], comparison.currency
    total = comparison.totals[last]
    if not isinstance(total, Figure):
        return []
    promised, delivered = total.promised, total.delivered
    lines = []
    if stages and promised.amount:
        whole = money_cell(promised.amount, currency, promised.qualifier.value)
        reached = _reached(total, currency, every=True)
        lines.append(
            f"Of the {whole} promised for {last}, none is recorded as committed."
            if reached == Status.ANNOUNCED.value
            else f"Of the {whole} promised for {last}, reached at least: {reached}."
        )
    if not delivered.amount:
        lines.append(f"Delivered in {last}: none recorded.")
    else:
        shown = money_cell(delivered.amount, currency, delivered.qualifier.value)
        share = (
            f"{total.delivered_pct:f}% of what was promised for {last}"
            if total.delivered_pct is not None
            else f"nothing was promised for {last}"
        )
        lines.append(f"Delivered in {last}: {shown}, {share}.")
    return [Note("\n".join(lines))]


def _without_previous(comparison: Comparison) -> list[Part]:
    """Which donors have no record in the year before (their change is not known)."""
    names = comparison.without_previous()
    if not names:
        return []
    before, year = comparison.years[-2], comparison.years[-1]
    have, their = ("has", "its") if len(names) == 1 else ("have", "their")
    return [
        Note(
            f"{listed(names)} {have} no {before} record: the total's change counts "
            f"{their} {year} pledges in full."
        )
    ]


def _category_grid(report: Report) -> Grid:
    from ..yearly import Figure

    previous, current = (report.totals[y] for y in report.years)
    before = previous.by_category if isinstance(previous, Figure) else {}
    now = current.by_category if isinstance(current, Figure) else {}
    category_shares = report.category_shares()
    columns = [
        Column("Category"),
        Column(str(report.previous_year), right=True),
        Column(str(report.year), right=True),
        Column("Share", right=True),
    ]
    rows = [
        (
            [
                category.value,
                money_cell(before.get(category, Decimal(0)), report.currency),
                money_cell(now.get(category, Decimal(0)), report.currency),
                percent_cell(category_shares.get(category)),
            ],
            "",
        )
        for category in {**before, **now}
        if before.get(category) or now.get(category)
    ]
    return Grid(columns, rows)


def _recipient_grid(report: Report) -> Grid:
    from ..yearly import shares

    split = shares(dict(report.by_recipient))
    columns = [
        Column("Recipient", wraps=True),
        Column(str(report.year), right=True),
        Column("Share", right=True),
    ]
    rows = [
        ([name, money_cell(amount, report.currency), percent_cell(split.get(name))], "")
        for name, amount in report.by_recipient.items()
    ]
    return Grid(columns, rows)


def _envelope_grid(envelopes: Sequence[Envelope], currency: str, year: int) -> Grid:
    """The envelopes and their pace by the end of `year`: what was delivered of each
    (in its own currency, and as a share of it) against the share of its years gone.
    A narrow terminal leaves out the rate first (the footer lists it), then the label,
    the stage and the converted amount. With no delivery recorded for any of them, the
    delivered column is left out, and the caption says so."""
    delivered = any(envelope.delivered for envelope in envelopes)
    columns = [
        Column("ID", style="cyan"),
        Column("Donor", wraps=True),
        Column("Years"),
        Column("Amount", right=True),
        Column(f"In {currency}", right=True, drop=1),
        Column("Rate", right=True, drop=4),
        *([Column("Delivered", right=True)] if delivered else []),
        Column("Years gone", right=True),
        Column("Stage", drop=2),
        Column("Label", wraps=True, drop=3),
    ]
    rows = []
    for envelope in envelopes:
        pledge = envelope.pledge
        cells = [pledge.id, pledge.donor, pledge.year_label, amount_cell(pledge)]
        cells += conversion_cells(envelope.converted, pledge.qualifier.value)
        if delivered:
            done = envelope.delivered
            cells.append(
                f"{format_compact(done, pledge.currency)} ({envelope.delivered_pct:f}%)"
                if done
                else "-"
            )
        cells.append(f"{envelope.elapsed} of {envelope.years} ({envelope.pace_pct:f}%)")
        cells += [pledge.status.value, pledge.label or ""]
        rows.append((cells, ""))
    caption = (
        f"Delivered and years gone: by the end of {year}."
        if delivered
        else f"Years gone: by the end of {year}; none of them has a delivery recorded."
    )
    return Grid(columns, rows, caption=caption)


def _chart_of(report: Report) -> Chart:
    from ..yearly import Figure

    bars = []
    for row in report.rows[:CHART_DONORS]:
        for year in report.years:
            cell = row.by_year[year]
            amount = cell.amount if isinstance(cell, Figure) else Decimal(0)
            label = _row_name(row) if year == report.years[0] else ""
            bars.append(
                (label, str(year), amount, _cell(cell, report.currency), year == report.year)
            )
    return Chart(bars, more=max(0, len(report.rows) - CHART_DONORS))


def _gdp_chart(report: Report) -> Chart:
    """`--chart gdp`: the year's aid as a share of each donor's GDP, largest first."""
    year = report.year
    sized = report.sizes.get(year, {})
    rows = [row for row in report.rows if row.donor in sized and sized[row.donor].gdp_pct]
    rows.sort(key=lambda row: -(sized[row.donor].gdp_pct or Decimal(0)))
    bars = [
        (_row_name(row), str(report.year), pct, f"{pct:f}%{_earlier(size.gdp_year, year)}", True)
        for row in rows[:CHART_DONORS]
        if (pct := (size := sized[row.donor]).gdp_pct) is not None
    ]
    return Chart(bars, more=max(0, len(rows) - CHART_DONORS))


def _cell(cell: Cell, currency: str) -> str:
    from ..yearly import Gap

    if cell is Gap.NO_RATE:
        return NO_RATE
    if cell is Gap.NO_RECORD:
        return "-"
    return money_cell(cell.amount, currency, cell.qualifier.value)


def _row_name(row: Row) -> str:
    """A donor's name, or a group's with what it is (`europe (group)`)."""
    return f"{row.donor} (group)" if row.group else row.donor


def _size_view(report: Comparison, per: Sequence[str]) -> list[Part]:
    """`--per gdp|capita`: each row's last year of aid (in US$) as a share of its GDP
    and per person; a figure of an earlier year than the report's is marked `*`."""
    year = report.years[-1]
    columns = [Column("Donor", wraps=True)]
    if "gdp" in per:
        columns.append(Column("% of GDP", right=True))
    if "capita" in per:
        columns.append(Column("US$ per person", right=True))
    rows, earlier = [], set()
    for row in report.rows:
        size = report.sizes.get(year, {}).get(row.donor)
        if size is None:
            continue
        cells = [_row_name(row)]
        if "gdp" in per:
            mark = _earlier(size.gdp_year, year)
            cells.append(f"{size.gdp_pct:f}%{mark}" if size.gdp_pct is not None else "")
            if mark:
                earlier.add(f"GDP {size.gdp_year}")
        if "capita" in per:
            mark = _earlier(size.population_year, year)
            cells.append(f"${size.per_person:,f}{mark}" if size.per_person is not None else "")
            if mark:
                earlier.add(f"population {size.population_year}")
        rows.append((cells, ""))
    drawn: list[Part] = [Section(f"For their size in {year} (aid in US$ at {year}'s average)")]
    if not rows:
        return [*drawn, Note("  no GDP or population for these donors; `aidtrack gdp import`")]
    drawn.append(Grid(columns, rows))
    if earlier:
        drawn.append(Note(f"* {', '.join(sorted(earlier))}: the latest before {year}"))
    return drawn


def _earlier(used: int | None, year: int) -> str:
    """`*` on a figure of an earlier year than the one shown, as on a provisional rate."""
    return "*" if used is not None and used < year else ""
