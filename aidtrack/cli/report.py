"""The year report and the comparison over years: `report` and `compare`."""

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from .. import money
from ..analysis import Selection
from ..counting import Measure
from ..environment import Environment
from ..errors import InvalidInput
from ..model import EVERY_YEAR, YearSpan
from . import (
    CategoriesOption,
    FormatOption,
    GroupOption,
    JsonOption,
    RecipientFilterOption,
    StatusesOption,
    WideOption,
    bundled,
    command,
    complete_party,
    group_of,
    recipient_of,
    word_option,
)
from .output import Format, emit, format_of

if TYPE_CHECKING:
    from .. import yearly
    from ..groups import Group as DonorGroup
    from ..indicators import Indicators

ReportCurrencyOption = Annotated[
    str | None,
    typer.Option(
        "--currency", "-c", help="Report currency (default: $AIDTRACK_CURRENCY, else USD)."
    ),
]
SvgOption = Annotated[
    Path | None,
    typer.Option("--svg", help="Also save the table as SVG to FILE.", dir_okay=False),
]
HtmlOption = Annotated[
    Path | None,
    typer.Option("--html", help="Also save the table as HTML to FILE.", dir_okay=False),
]


class Per(StrEnum):
    GDP = "gdp"
    CAPITA = "capita"


PerOption = Annotated[
    list[Per] | None,
    word_option(
        Per,
        "--per",
        help="gdp or capita (repeatable): the year's aid as a share of each donor's GDP, "
        "or per person, in US$ (always in JSON).",
    ),
]


class ReportFormat(StrEnum):
    """`report --format`: the formats of every read command, and an Excel workbook."""

    TABLE = "table"
    JSON = "json"
    NDJSON = "ndjson"
    CSV = "csv"
    TSV = "tsv"
    MARKDOWN = "markdown"
    XLSX = "xlsx"


ReportFormatOption = Annotated[
    ReportFormat | None,
    word_option(
        ReportFormat,
        "--format",
        "-f",
        help="table, json, ndjson, csv, tsv (for scripts), markdown (for articles) or "
        "xlsx (the tidy rows as an Excel workbook, with -o FILE).",
        metavar="FORMAT",
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="The file of --format xlsx.", dir_okay=False),
]
NOT_NUMBERS = frozenset(("donor", "year", "currency", "measure", "qualifier"))
"""The columns of a report's tidy rows that are not decimal figures."""


def _excel_target(fmt: "ReportFormat | None", json_flag: bool, output: Path | None) -> Path | None:
    """The workbook file of `--format xlsx -o FILE` (None for another format)."""
    if fmt is not ReportFormat.XLSX:
        if output is not None:
            raise InvalidInput("--output is for --format xlsx; redirect other formats: > FILE")
        return None
    if json_flag:
        raise InvalidInput("--json and --format xlsx disagree; use one of them")
    if output is None or str(output) == "-":
        raise InvalidInput("an Excel report needs a file: --format xlsx -o report.xlsx")
    return output


def _save_workbook(
    env: Environment, result: "yearly.Report", path: Path, selection: Selection
) -> None:
    """The report's tidy rows, its rates and what the figures are, as a workbook."""
    from .. import yearly
    from ..interchange import write_file
    from ..rates import missing_message
    from ..workbook import report_workbook

    for note in result.notes:
        env.warn(note)
    if result.missing:
        env.warn(f"{missing_message(result.missing)}; figures that need it are left empty")
    scope = [
        *([f"group: {result.group}"] if result.group else []),
        *([f"stages: {', '.join(sorted(selection.statuses))}"] if selection.statuses else []),
        *(
            [f"categories: {', '.join(sorted(selection.categories))}"]
            if selection.categories
            else []
        ),
    ]
    about = [
        ("report", f"{result.year} against {result.previous_year}, in {result.currency}"),
        ("recipients", ", ".join(result.recipients) or "none"),
        ("scope", "; ".join(scope) or "every donor"),
        (
            "measure",
            f"`amount` is {result.measure.value}; `promised` and `delivered` are both "
            "given and never added to each other",
        ),
        ("stages", "each stage column: how much of the year's promises reached at least it"),
    ]
    book = report_workbook(
        result.tidy_rows(),
        yearly.ROW_COLUMNS,
        [column for column in yearly.ROW_COLUMNS if column not in NOT_NUMBERS],
        [rate.to_json() for rate in result.rates],
        about,
    )
    write_file(path, [book])
    env.say(f"saved {path}")


class ChartOf(StrEnum):
    AMOUNT = "amount"
    GDP = "gdp"


class By(StrEnum):
    DONOR = "donor"
    GROUP = "group"


ByOption = Annotated[
    By,
    word_option(
        By,
        "--by",
        help="donor, or group: the members of --group as one row, ranked against every "
        "other donor (europe against the United States).",
    ),
]


MeasureOption = Annotated[
    Measure,
    word_option(
        Measure,
        "--measure",
        help="What ranks, charts and heads the table; both are shown.\n\n"
        "promised: each current promise, once, in its year.\n\n"
        "delivered: money that reached allocated or disbursed, in the year it did so.",
    ),
]


class Scope(NamedTuple):
    """What `report` and `compare` count, how they rank it and in what currency:
    options the two take alike, declared once."""

    group: GroupOption = None
    by: ByOption = By.DONOR
    measure: MeasureOption = Measure.PROMISED
    per: PerOption = None
    recipient: RecipientFilterOption = None
    currency: ReportCurrencyOption = None
    status: StatusesOption = None
    category: CategoriesOption = None

    def counted(self, env: Environment, donors: Sequence[str] = ()) -> "Counted":
        """The scope settled: the group whose members make one row (`--by group`), else
        the one that narrows the figures; the recipient, else $AIDTRACK_RECIPIENT (and
        a note saying so); the currency, else $AIDTRACK_CURRENCY, else USD."""
        recipient, scope_note = recipient_of(env, self.recipient)
        named = group_of(env, self.group)
        if self.by is By.GROUP and named is None:
            raise InvalidInput("--by group needs the group: --group europe (see `aidtrack groups`)")
        narrowed, by_group = (named, None) if self.by is By.DONOR else (None, named)
        selection = Selection.from_text(
            donors=donors,
            recipient=recipient,
            statuses=self.status or (),
            categories=self.category or (),
            group=narrowed,
        )
        code = money.normalize_currency(self.currency or env.currency or money.DEFAULT_CURRENCY)
        return Counted(selection, by_group, code, scope_note, [p.value for p in self.per or ()])


class Counted(NamedTuple):
    """A report's scope settled (`Scope.counted`); `per` as words (`gdp`, `capita`)."""

    selection: Selection
    by_group: "DonorGroup | None"
    currency: str
    scope_note: str
    per: list[str]


def _figures(env: Environment, per: Sequence[str], fmt: Format) -> "Indicators | None":
    """GDP and population, when the table shows them or JSON is printed."""
    if not per and fmt is Format.TABLE:
        return None
    from ..indicators import with_imported
    from ..store import INDICATORS, read_table

    return with_imported(read_table(env.store, INDICATORS))


def _warn(env: Environment, result: "yearly.Comparison") -> None:
    """Doubtful data, and the rates missing (their figures show `no rate`)."""
    from ..rates import missing_message

    for note in result.notes:
        env.warn(note)
    if result.missing:
        env.warn(f"{missing_message(result.missing)}; figures that need it show `no rate`")


@command(
    "report",
    panel="Report",
    examples=[
        "aidtrack report --year 2026",
        "aidtrack report --year 2026 --currency NOK --json | jq '.donors[] | {donor, change_pct}'",
        "aidtrack report --year 2026 --html norway-2026.html",
        "aidtrack report --year 2024 --by group --group europe",
        "aidtrack report --year 2025 --per gdp --per capita --chart gdp",
        "aidtrack report --year 2025 --measure delivered",
    ],
)
@bundled("scope", Scope)
def report(
    ctx: typer.Context,
    year: Annotated[
        str | None,
        typer.Option("--year", "-y", help="The year (default: the latest with pledges)."),
    ] = None,
    *,
    scope: Scope,
    chart: Annotated[
        ChartOf,
        word_option(
            ChartOf,
            "--chart",
            help="amount (the year against the one before) or gdp (the year as a share "
            "of each donor's GDP).",
        ),
    ] = ChartOf.AMOUNT,
    svg: SvgOption = None,
    html: HtmlOption = None,
    wide: WideOption = False,
    json_flag: JsonOption = False,
    format_given: ReportFormatOption = None,
    output: OutputOption = None,
) -> None:
    """The year: donors ranked against the year before, category split, envelopes, chart.

    Only current versions count; breakdowns never add to their whole; multi-year
    envelopes are listed apart, never added, with their pace. Promised and delivered
    are both shown, never added to each other. Every conversion shows its rate; a year
    that needs a rate nobody has is an error naming every missing rate. A donor with
    no record in the year before has no change figure.
    """
    from ..views.reports import ReportView

    env: Environment = ctx.obj
    excel = _excel_target(format_given, json_flag, output)
    printed = None if format_given in (None, ReportFormat.XLSX) else Format(format_given)
    fmt = format_of(ctx, json_flag, printed)
    span = YearSpan.parse(year) if year else None
    if span is not None and span.is_envelope:
        raise InvalidInput(
            f"report takes one year; to set years side by side: aidtrack compare --years {span}"
        )
    counted = scope.counted(env)
    # Without a year, the latest with pledges is found in all of them.
    years = YearSpan(span.start - 1, span.start) if span else None
    from ..totals import read_tally  # the reading loads only for the commands that report

    tally, rates = read_tally(env.store, years, envelopes=span or EVERY_YEAR)
    from .. import yearly

    figures = _figures(env, counted.per or (["gdp"] if chart is ChartOf.GDP else []), fmt)
    result = yearly.report(
        tally,
        rates.convert,
        year=span.start if span else None,
        currency=counted.currency,
        selection=counted.selection,
        by=counted.by_group,
        figures=figures,
        measure=scope.measure,
    )
    if excel is not None:
        _save_workbook(env, result, excel, counted.selection)
        return
    _warn(env, result)
    view = ReportView(
        result,
        counted.selection,
        rates.last_date,
        counted.scope_note,
        counted.per,
        chart.value,
    )
    emit(env, fmt, view, wide=wide, svg=svg, html=html)


@command(
    "compare",
    panel="Report",
    examples=[
        "aidtrack compare --years 2023-2026 --currency NOK",
        "aidtrack compare Norway Germany --currency EUR",
        "aidtrack compare --format markdown > table.md",
        "aidtrack compare --years 2023-2026 --by group --group europe --per gdp",
    ],
)
@bundled("scope", Scope)
def compare(
    ctx: typer.Context,
    donors: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="DONOR", help="Donors to compare (default: all).", autocompletion=complete_party
        ),
    ] = None,
    years: Annotated[
        str | None,
        typer.Option(
            "--years",
            "--year",
            "-y",
            help="Years as columns, e.g. 2023-2026 (default: the last 4 with pledges).",
        ),
    ] = None,
    *,
    scope: Scope,
    wide: WideOption = False,
    json_flag: JsonOption = False,
    format_given: FormatOption = None,
) -> None:
    """Donors side by side over years, with the change over the last two, and totals.

    The same counting rules as `report`: current versions, wholes once, no envelopes;
    ranked by --measure, with the other measure beside the last year. A figure that
    needs a rate nobody has shows `no rate` (null in JSON, listed under
    "missing_rates"), and the others stand.
    """
    from ..views.reports import ComparisonView

    env: Environment = ctx.obj
    fmt = format_of(ctx, json_flag, format_given)
    counted = scope.counted(env, donors or ())
    span = YearSpan.parse(years) if years else None
    from ..totals import read_tally

    tally, rates = read_tally(env.store, span)
    from .. import yearly

    result = yearly.compare(
        tally,
        rates.convert,
        years=span,
        currency=counted.currency,
        selection=counted.selection,
        by=counted.by_group,
        figures=_figures(env, counted.per, fmt),
        measure=scope.measure,
    )
    _warn(env, result)
    view = ComparisonView(
        result, counted.selection, rates.last_date, counted.scope_note, counted.per
    )
    emit(env, fmt, view, wide=wide)
