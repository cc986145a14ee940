"""Everything a person or a script sees: Rich tables, JSON, NDJSON (DESIGN §5).

The only module that builds Rich objects; Rich is imported inside the functions that
draw, so `list --json` never loads it. Stored text is shown inert: control characters
become visible escapes and nothing is read as markup.
"""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from .money import format_compact, format_exact

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

    from .checks import Problem
    from .model import Pledge
    from .rates import Conversion, Rate

_BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


def inert(text: str | None) -> str:
    """Text with every control character shown as an escape (`\\x1b`), so it cannot act."""
    if not text:
        return ""
    return "".join(_escape(ch) if _is_control(ch) else ch for ch in text)


def _is_control(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Cs") or ch in _BIDI_CONTROLS


def _escape(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def console(stream: TextIO, *, width: int | None, color: bool) -> Console:
    """A Rich console that prints stored text literally: no markup, no emoji codes, no
    highlighting; colour only when asked."""
    from rich.console import Console

    return Console(
        width=width,
        file=stream,
        no_color=not color,
        color_system="auto" if color else None,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
        force_terminal=color or None,
    )


def text(value: str | None, style: str = "") -> Text:
    """A Rich `Text` of stored data: literal brackets, no control characters."""
    from rich.text import Text

    return Text(inert(value), style=style)


def json_bytes(value: Any, *, pretty: bool = True) -> bytes:
    """JSON for scripts: never through Rich, exact decimals already strings."""
    import orjson

    option = orjson.OPT_INDENT_2 if pretty else 0
    return orjson.dumps(value, option=option) + b"\n"


def json_text(value: Any, *, pretty: bool = True) -> str:
    return json_bytes(value, pretty=pretty).decode()


def ndjson_text(rows: Iterable[Any]) -> str:
    return "".join(json_text(row, pretty=False) for row in rows)


def links(pledge: Pledge, superseded: set[str]) -> str:
    """What a record is to others: a part, a revision, an old version."""
    notes = []
    if pledge.id in superseded:
        notes.append("superseded")
    if pledge.supersedes:
        notes.append(f"revises {pledge.supersedes}")
    if pledge.part_of:
        notes.append(f"part of {pledge.part_of}")
    return ", ".join(notes)


def amount_cell(pledge: Pledge) -> str:
    return format_compact(pledge.amount, pledge.currency, pledge.qualifier.value)


def conversion_cells(conversion: Conversion, qualifier: str) -> list[Text]:
    """The converted amount, and the rate with its year (`*` provisional, `u` user)."""
    mark = "u" if conversion.user else ("*" if conversion.provisional else "")
    return [
        text(format_compact(conversion.amount, conversion.currency, qualifier)),
        text(f"{conversion.rate:f} ({conversion.year}{mark})"),
    ]


def rates_note(conversions: Iterable[Conversion], last_date: str) -> str:
    """The footer every converted table carries: where the rates came from."""
    from .rates import SAME_CURRENCY_SOURCE, USER_SOURCE

    used = list(conversions)
    legs = {leg for c in used for leg in c.source.split(" + ")}
    sources = sorted(legs - {SAME_CURRENCY_SOURCE, USER_SOURCE})
    note = "Rates: " + ("; ".join(sources) or "none needed") + "."
    if any(c.provisional for c in used):
        note += f" * provisional: the current year's average runs to {last_date}."
    if any(c.user for c in used):
        note += " u: your own rate (`aidtrack rates`)."
    return note


def pledge_table(
    pledges: Sequence[Pledge],
    superseded: set[str],
    converted: Mapping[str, Conversion] | None = None,
    currency: str | None = None,
) -> RenderableType:
    """The `list` table; with `converted` (by id), two more columns: amount and rate."""
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAVY, header_style="bold", pad_edge=False)
    table.add_column("ID", style="cyan", no_wrap=True)
    table.add_column("Donor")
    table.add_column("To")
    table.add_column("Year", no_wrap=True)
    table.add_column("Amount", justify="right", no_wrap=True)
    if converted is not None:
        table.add_column(f"In {currency}", justify="right", no_wrap=True)
        table.add_column("Rate (year)", justify="right", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    table.add_column("Category", no_wrap=True)
    table.add_column("Label")
    table.add_column("Links", style="dim")
    for pledge in pledges:
        style = "dim" if pledge.id in superseded else ""
        row = [
            text(pledge.id),
            text(pledge.donor),
            text(pledge.recipient),
            text(pledge.year_label),
            text(amount_cell(pledge)),
        ]
        if converted is not None:
            row += conversion_cells(converted[pledge.id], pledge.qualifier.value)
        row += [
            text(pledge.status.value),
            text(pledge.category.value),
            text(pledge.label),
            text(links(pledge, superseded)),
        ]
        table.add_row(*row, style=style)
    return table


def rates_table(rates: Sequence[Rate]) -> RenderableType:
    """`aidtrack rates`: one row per currency and year; provisional and user rates marked."""
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAVY, header_style="bold", pad_edge=False)
    table.add_column("Year", no_wrap=True)
    table.add_column("Currency", no_wrap=True)
    table.add_column("Per EUR", justify="right", no_wrap=True)
    table.add_column("Source")
    for rate in rates:
        mark = "user" if rate.user else ("ECB *" if rate.provisional else "ECB")
        table.add_row(str(rate.year), rate.currency, f"{rate.per_eur:f}", mark)
    return table


def problems_table(problems: Sequence[Problem]) -> RenderableType:
    """`check`: one row per problem, with the command that fixes it."""
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAVY, header_style="bold", pad_edge=False)
    table.add_column("Problem", no_wrap=True, style="yellow")
    table.add_column("Record", no_wrap=True, style="cyan")
    table.add_column("What")
    table.add_column("Fix")
    for problem in problems:
        table.add_row(
            text(problem.kind), text(problem.id), text(problem.message), text(problem.fix)
        )
    return table


def pledge_detail(
    pledge: Pledge,
    history: Sequence[Pledge],
    parts: Sequence[Pledge],
    superseded: set[str],
) -> list[RenderableType]:
    """`show`: the record's fields, its sources, its versions and its parts."""
    from rich.table import Table

    fields = Table.grid(padding=(0, 2))
    fields.add_column(style="bold")
    fields.add_column()
    state = "superseded" if pledge.id in superseded else "current"
    rows = [
        ("id", f"{pledge.id} ({state})"),
        ("donor", _with_code(pledge.donor, pledge.donor_code)),
        ("recipient", _with_code(pledge.recipient, pledge.recipient_code)),
        ("year" if not pledge.years.is_envelope else "years", pledge.year_label),
        ("amount", f"{amount_cell(pledge)}  ({format_exact(pledge.amount, pledge.currency)})"),
        ("qualifier", pledge.qualifier.value),
        ("status", pledge.status.value),
        ("category", pledge.category.value),
        ("label", pledge.label),
        ("instrument", pledge.instrument.value),
        ("announced", pledge.announced_on),
        ("supersedes", pledge.supersedes),
        ("part of", pledge.part_of),
        ("note", pledge.note),
        ("created", pledge.created_at),
        ("updated", pledge.updated_at),
    ]
    for name, value in rows:
        if value:
            fields.add_row(text(name), text(value))
    shown: list[RenderableType] = [fields]
    shown.append(_section(f"Sources ({len(pledge.sources)})"))
    if not pledge.sources:
        shown.append(text("  none: add one with `aidtrack edit ID --source URL`", "yellow"))
    for source in pledge.sources:
        dated = f"  {source.date}" if source.date else ""
        shown.append(text(f"  {source.url or '(no url)'}{dated}"))
        if source.quote:
            shown.append(text(f"    \u201c{source.quote}\u201d", "italic"))
    if len(history) > 1:
        shown.append(_section("Versions (oldest first)"))
        shown.append(_brief_table(history, superseded, marked=pledge.id))
    if parts:
        shown.append(_section("Parts"))
        shown.append(_brief_table(parts, superseded))
    return shown


def _section(title: str) -> Text:
    from rich.text import Text

    return Text(f"\n{title}", style="bold")


def _with_code(name: str, code: str | None) -> str:
    return f"{name} ({code})" if code else name


def _brief_table(pledges: Sequence[Pledge], superseded: set[str], marked: str = "") -> Any:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE, show_header=False, pad_edge=False)
    for pledge in pledges:
        marker = "*" if pledge.id == marked else " "
        state = "superseded" if pledge.id in superseded else "current"
        table.add_row(
            text(marker),
            text(pledge.id, "cyan"),
            text(pledge.year_label),
            text(amount_cell(pledge)),
            text(pledge.status.value),
            text(pledge.category.value),
            text(state),
        )
    return table


@contextlib.contextmanager
def progress(console: Console, *, show_from: int) -> Iterator[Callable[[int, int], None]]:
    """A transient bar for a long import: the callback takes (rows done, rows in all);
    the bar shows only for `show_from` rows or more (a smaller import is over before a
    bar would help)."""
    from rich.progress import Progress

    with Progress(console=console, transient=True) as bar:
        task = bar.add_task("checking rows", visible=False)

        def advance(done: int, total: int) -> None:
            stage = "checking rows" if done < total else "importing"
            bar.update(
                task, description=stage, completed=done, total=total, visible=total >= show_from
            )

        yield advance


def print_all(console: Console, renderables: Iterable[RenderableType]) -> None:
    for renderable in renderables:
        console.print(renderable)


# --- `report` and `compare` (issue 5) -------------------------------------------------

if TYPE_CHECKING:
    from decimal import Decimal

    from .analysis import Selection
    from .yearly import Comparison, Envelope, Figure, Percent, Report

BAR_WIDTH = 40
CHART_DONORS = 10
_EIGHTHS = " \u258f\u258e\u258d\u258c\u258b\u258a\u2589"
_QUALIFIER_LEGEND = "~ about, >= at least, <= up to"


ENVELOPES_SHOWN = 10
"""A report is a summary: the largest envelopes, not a tracker's thousands."""


def report_view(report: Report, selection: Selection, rates_through: str) -> list[RenderableType]:
    """`report`: donors ranked with Y-1 beside Y, the category split, the envelopes
    covering Y (apart), a year-over-year chart and the rates behind every figure."""
    previous, year = report.previous_year, report.year
    shown: list[RenderableType] = [
        _heading(f"Aid pledges in {year} against {previous}, in {report.currency}", selection),
        _years_table(report, stages=True),
        _section(f"By category in {year} (breakdowns where given, else the whole)"),
        _category_table(report),
    ]
    if report.envelopes:
        shown.append(_section(f"Multi-year envelopes covering {year} (not added to the year)"))
        shown.append(_envelope_table(report.envelopes[:ENVELOPES_SHOWN], report.currency))
        more = len(report.envelopes) - ENVELOPES_SHOWN
        if more > 0:
            shown.append(text(f"... and {more} smaller ones; --json lists them all", "dim"))
    if report.rows:
        shown.append(_section(f"{previous} -> {year} by donor"))
        shown.append(_chart(report))
    shown.append(_rates_footer(report, rates_through))
    return shown


def comparison_view(
    comparison: Comparison, selection: Selection, rates_through: str
) -> list[RenderableType]:
    """`compare`: donors as rows, years as columns, change over the last two years."""
    first, last = comparison.years[0], comparison.years[-1]
    span = f"{first}-{last}" if first != last else str(first)
    return [
        _heading(f"Aid pledges {span}, in {comparison.currency}", selection),
        _years_table(comparison, stages=False),
        text(
            "Multi-year envelopes are not added to any year; "
            "`aidtrack report --year Y` lists those covering Y.",
            "dim",
        ),
        _rates_footer(comparison, rates_through),
    ]


def recorded(renderables: Sequence[RenderableType], width: int, color: bool) -> tuple[str, str]:
    """The same drawing as SVG and as HTML, for `--svg` and `--html`."""
    import io

    from rich.console import Console

    console = Console(
        file=io.StringIO(),
        record=True,
        width=width,
        force_terminal=True,
        color_system="truecolor",
        no_color=None if color else True,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )
    print_all(console, renderables)
    return console.export_svg(title="aidtrack", clear=False), console.export_html()


def _heading(title: str, selection: Selection) -> Text:
    from rich.text import Text

    scope = [f"to {name}" for name in sorted(selection.recipients)]
    if selection.donors:
        scope.append("donors: " + ", ".join(sorted(selection.donors)))
    if selection.statuses:
        scope.append("stages: " + _values(selection.statuses))
    if selection.categories:
        scope.append("categories: " + _values(selection.categories))
    heading = Text(title, style="bold")
    if scope:
        heading.append_text(text(f" ({'; '.join(scope)})"))
    return heading


def _values(members: Iterable[Any]) -> str:
    return ", ".join(sorted(member.value for member in members))


def _years_table(comparison: Comparison, *, stages: bool) -> RenderableType:
    """Donors ranked, one column per year, change and share; a totals row closes it."""
    from rich import box
    from rich.table import Table

    currency, years = comparison.currency, comparison.years
    last = years[-1]
    table = Table(box=box.SIMPLE_HEAVY, header_style="bold", pad_edge=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("Donor")
    for year in years:
        table.add_column(str(year), justify="right", no_wrap=True)
    if len(years) > 1:
        table.add_column("Change", justify="right", no_wrap=True)
        table.add_column("Change %", justify="right", no_wrap=True)
    table.add_column(f"Share {last}" if len(years) > 2 else "Share", justify="right")
    if stages:
        table.add_column(f"Stages {last}")

    def cells(by_year: Mapping[int, Figure]) -> list[Text]:
        change = comparison.change(by_year)
        row = [text(_figure(by_year[year], currency)) for year in years]
        if change is not None:
            row += [text(_signed(change.amount, currency)), text(_percent_change(change.pct))]
        row.append(text(_percent(comparison.share(by_year))))
        if stages:
            row.append(text(_stage_mix(by_year[last])))
        return row

    for rank, row in enumerate(comparison.rows, 1):
        table.add_row(text(str(rank)), text(row.donor), *cells(row.by_year))
    table.add_section()
    table.add_row(text(""), text("Total", "bold"), *cells(comparison.totals), style="bold")
    figures = [f for row in comparison.rows for f in row.by_year.values()]
    if any(f.qualifier.value != "exact" for f in figures):
        table.caption = _QUALIFIER_LEGEND
    return table


def _category_table(report: Report) -> RenderableType:
    from rich import box
    from rich.table import Table

    from .yearly import share

    previous, year = (report.totals[y].by_category for y in report.years)
    total = report.totals[report.year].amount
    table = Table(box=box.SIMPLE, header_style="bold", pad_edge=False)
    table.add_column("Category")
    table.add_column(str(report.previous_year), justify="right", no_wrap=True)
    table.add_column(str(report.year), justify="right", no_wrap=True)
    table.add_column("Share", justify="right")
    for category, amount in year.items():
        if amount or previous[category]:
            table.add_row(
                text(category.value),
                text(_amount(previous[category], report.currency)),
                text(_amount(amount, report.currency)),
                text(_percent(share(amount, total)) if amount else ""),
            )
    return table


def _envelope_table(envelopes: Sequence[Envelope], currency: str) -> RenderableType:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE, header_style="bold", pad_edge=False)
    table.add_column("ID", no_wrap=True)
    table.add_column("Donor")
    table.add_column("Years", no_wrap=True)
    for name in ("Amount", f"In {currency}", "Rate (year)"):
        table.add_column(name, justify="right", no_wrap=True)
    table.add_column("Stage", no_wrap=True)
    table.add_column("Label")
    for envelope in envelopes:
        pledge = envelope.pledge
        table.add_row(
            text(pledge.id, "cyan"),
            text(pledge.donor),
            text(pledge.year_label),
            text(amount_cell(pledge)),
            *conversion_cells(envelope.converted, pledge.qualifier.value),
            text(pledge.status.value),
            text(pledge.label),
        )
    return table


def _chart(report: Report) -> RenderableType:
    """Bars a person takes in at a glance: Y-1 dim above Y, on one scale."""
    from rich.table import Table

    rows = report.rows[:CHART_DONORS]
    peak = max(row.by_year[y].amount for row in rows for y in report.years)
    grid = Table.grid(padding=(0, 1))
    grid.add_column()
    grid.add_column(style="dim")
    grid.add_column(no_wrap=True)
    grid.add_column(justify="right", no_wrap=True)
    for row in rows:
        for year in report.years:
            figure = row.by_year[year]
            grid.add_row(
                text(row.donor if year == report.years[0] else ""),
                text(str(year)),
                text(_bar(figure.amount, peak), "cyan" if year == report.year else "grey50"),
                text(_figure(figure, report.currency)),
            )
    if len(report.rows) > len(rows):
        grid.add_row(text(f"and {len(report.rows) - len(rows)} more"), "", "", "")
    return grid


def _bar(value: Decimal, peak: Decimal) -> str:
    """A bar in eighths of a cell; anything above zero shows at least a sliver."""
    if value <= 0 or peak <= 0:
        return ""
    eighths = max(1, int(value * BAR_WIDTH * 8 / peak))
    full, rest = divmod(eighths, 8)
    return "\u2588" * full + (_EIGHTHS[rest] if rest else "")


def _rates_footer(comparison: Comparison, rates_through: str) -> Text:
    """Every rate behind the figures, its source, and which are provisional or the user's."""
    from rich.text import Text

    rates = comparison.rates
    if not rates:
        lines = [f"No conversion: every figure was in {comparison.currency}."]
    else:
        listed = ", ".join(
            f"{r.currency} {r.year} {r.rate:f}{'u' if r.user else '*' if r.provisional else ''}"
            for r in rates
        )
        lines = [f"Rates ({comparison.currency} per unit, yearly averages): {listed}"]
        sources = sorted({r.source for r in rates if not r.user})
        if sources:
            lines.append(f"Source: {'; '.join(sources)}.")
        if any(r.provisional for r in rates):
            lines.append(f"* provisional: the current year's average runs to {rates_through}.")
        if any(r.user for r in rates):
            lines.append("u: your own rate (`aidtrack rates`).")
    return Text("\n", style="dim").join(text(line, "dim") for line in ["", *lines])


def _figure(figure: Figure, currency: str) -> str:
    return _amount(figure.amount, currency, figure.qualifier.value)


def _amount(value: Decimal, currency: str, qualifier: str = "exact") -> str:
    return format_compact(value, currency, qualifier) if value else "-"


def _signed(value: Decimal, currency: str) -> str:
    if not value:
        return "0"
    return ("+" if value > 0 else "-") + format_compact(abs(value), currency)


def _percent(value: Decimal | None) -> str:
    return "" if value is None else f"{value:f}%"


def _percent_change(value: Percent) -> str:
    if value is None or isinstance(value, str):
        return value or ""
    return f"+{value:f}%" if value > 0 else f"{value:f}%"


def _stage_mix(figure: Figure) -> str:
    """`committed`, or `announced 82%, committed 18%` when the year mixes stages."""
    present = [(status, amount) for status, amount in figure.by_status.items() if amount]
    if len(present) == 1:
        return present[0][0].value
    return ", ".join(
        f"{status.value} {amount * 100 / figure.amount:.0f}%" for status, amount in present
    )
