"""Everything a person or a script sees: views drawn for a terminal, for an article
(markdown) or as a picture (SVG, HTML), and JSON (DESIGN §5, §9b).

A view is data first: headings, notes, `Fields` and `Grid`s (tables as rows of text,
with what each column is). `show` draws it on a terminal, fitted to its width: a
figure is never cut. When a table is too wide its columns go in the order each
declares (`Column.drop`: links, labels, categories, stages...), then text columns wrap
(never inside a word); below what a table can hold, its rows print as `key: value`
blocks. Piped output is plain: no padding lines, no trailing spaces.

The only module that builds Rich objects; Rich is imported inside the functions that
draw, so `list --json` never loads it. Stored text is shown inert: control characters
become visible escapes and nothing is read as markup.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple, TextIO

from .money import format_compact, format_exact

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.table import Table
    from rich.text import Text

    from .analysis import Progress, Selection
    from .checks import Problem
    from .extract import Draft
    from .groups import Group, Membership
    from .model import Pledge
    from .rates import Conversion, Rate
    from .reconcile import Line, Reconciliation
    from .yearly import Cell, Comparison, Envelope, Figure, RateUsed, Report, Row

_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f\\ud800-\\udfff{_BIDI_CONTROLS}]")
"""What acts rather than shows: C0 and C1 control codes, DEL, bidi overrides and
marks, and lone surrogates (which no terminal can print)."""
_ACTING_ON_A_TERMINAL = re.compile(f"(?![\\t\\n]|\\r\\n){_CONTROL.pattern}")
_ACTING_IN_JSON = tuple(
    re.compile(pattern)
    for pattern in (
        rb"\xc2[\x80-\x9f]",
        rb"\xe2(?:\x80[\x8e\x8f\xaa-\xae]|\x81[\xa6-\xa9])",
        rb"\xd8\x9c",
    )
)
"""In UTF-8: the C1 codes and bidi controls, which JSON may hold raw (orjson escapes
the C0 codes already); none of these bytes starts a character of any other. Three
patterns, each with a fixed first byte: scanning for one byte is ten times faster."""


def inert(text: str | None) -> str:
    """Text with every control character shown as an escape (`\\x1b`), so it cannot act."""
    if not text:
        return ""
    return _CONTROL.sub(_escape, text)


def on_terminal(text: str) -> str:
    """Data for scripts (CSV, TSV, JSON...) as a person's terminal shows it: every
    control code escaped as `inert` does, but tabs and line ends (`\\n`, `\\r\\n`) kept,
    since they lay the data out."""
    return _ACTING_ON_A_TERMINAL.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _json_escaped(data: bytes) -> bytes:
    """JSON with C1 codes and bidi controls written as `\\u` escapes (the same text to a
    reader), so that no terminal or editor showing it acts on them."""
    if data.isascii():
        return data
    for pattern in _ACTING_IN_JSON:
        data = pattern.sub(_json_escape, data)
    return data


def _json_escape(match: re.Match[bytes]) -> bytes:
    return b"\\u%04x" % ord(match.group().decode())


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
    """A Rich `Text` of stored data: literal brackets, no control characters; a text
    too long for its place folds onto the next line, it is never cut."""
    from rich.text import Text

    return Text(inert(value), style=style, overflow="fold")


def json_bytes(value: Any, *, pretty: bool = True) -> bytes:
    """JSON for scripts: never through Rich, exact decimals already strings."""
    import orjson

    option = orjson.OPT_INDENT_2 if pretty else 0
    return _json_escaped(orjson.dumps(value, option=option)) + b"\n"


def json_text(value: Any, *, pretty: bool = True) -> str:
    return json_bytes(value, pretty=pretty).decode()


def ndjson_text(rows: Iterable[Any]) -> str:
    return "".join(json_text(row, pretty=False) for row in rows)


def json_pieces(rows: Sequence[Any], *, pretty: bool = True) -> Iterator[bytes]:
    """`json_bytes(rows)` (pretty) or NDJSON, a thousand rows at a time: a listing of
    100,000 records never holds all of its text at once."""
    import orjson

    if not pretty:
        for start in range(0, len(rows), _PIECE):
            piece = b"".join(orjson.dumps(row) + b"\n" for row in rows[start : start + _PIECE])
            yield _json_escaped(piece)
        return
    if not rows:
        yield b"[]\n"
        return
    for start in range(0, len(rows), _PIECE):
        piece = orjson.dumps(rows[start : start + _PIECE], option=orjson.OPT_INDENT_2)
        # "[\n" + rows + "\n]": the pieces join into one array, as json_bytes writes it.
        yield (b",\n" if start else b"[\n") + _json_escaped(piece[2:-2])
    yield b"\n]\n"


_PIECE = 1000


# Views -------------------------------------------------------------------------------
# A view's parts are named tuples: built once and drawn, they need nothing more, and a
# frozen dataclass costs half a millisecond to define on every start of a command.


class Heading(NamedTuple):
    text: str


class Section(NamedTuple):
    """A title within a view, a blank line above it."""

    text: str


class Note(NamedTuple):
    text: str
    style: str = "dim"


class Fields(NamedTuple):
    """A record's fields, a `name  value` line each."""

    pairs: Sequence[tuple[str, str]]


class Column(NamedTuple):
    """A column of a `Grid`. Cells of a column that does not `wrap` (amounts, rates,
    percentages, ids, years) are printed whole on one line; a wrapping column (names,
    labels, links) breaks between words. When the table is too wide, the column with
    the highest `drop` goes first; a column with `drop` 0 never goes."""

    header: str
    right: bool = False
    wraps: bool = False
    drop: int = 0
    style: str = ""
    in_blocks: bool = True
    """Whether a row printed as a block says it (a rank does not need saying)."""


class Grid(NamedTuple):
    """A table as text: rows of cells (each with a style), an optional totals row, a
    caption, and the column that names a row when it prints as a block."""

    columns: Sequence[Column]
    rows: Sequence[tuple[Sequence[str], str]]
    footer: Sequence[str] | None = None
    caption: str | None = None
    key: int = 0


class Chart(NamedTuple):
    """Bars a person takes in at a glance: one per donor and year, on one scale."""

    bars: Sequence[tuple[str, str, Decimal, str, bool]]
    """(label, year, amount, the amount as shown, whether it is the year in focus)"""
    more: int = 0


Part = Heading | Section | Note | Fields | Grid | Chart


# Drawing on a terminal ------------------------------------------------------------------


def show(
    console: Console, parts: Sequence[Part], *, wide: bool = False, plain: bool = False
) -> None:
    """Draw a view on a terminal (or into a pipe, `plain`): fitted to its width, or at
    full width with every column (`wide`)."""
    if wide:
        console.width = max([console.width, *(_natural_width(p, console) for p in parts)])
    if not plain:
        for part in parts:
            console.print(_drawn(part, console, wide))
        return
    with console.capture() as captured:
        for part in parts:
            console.print(_drawn(part, console, wide))
    console.file.write(_plain(captured.get()))


def _plain(drawn: str) -> str:
    """What a pipe gets: no trailing spaces, no blank lines at either end, one blank
    line at most between parts."""
    text = re.sub(r"[ \t]+$", "", drawn, flags=re.M).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text) + "\n" if text else ""


def _drawn(part: Part, console: Console, wide: bool) -> RenderableType:
    from rich.table import Table

    if isinstance(part, Heading):
        return _lines(part.text, "bold")
    if isinstance(part, Section):
        return _lines(f"\n{part.text}", "bold")
    if isinstance(part, Note):
        return _lines(part.text, part.style)
    if isinstance(part, Fields):
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        for name, value in part.pairs:
            grid.add_row(text(name), text(value))
        return grid
    if isinstance(part, Grid):
        return _fitted(part, console, wide)
    return _chart(part, console.width)


def _lines(value: str, style: str) -> Text:
    """A text of several lines: each line inert, the line breaks kept."""
    from rich.text import Text

    return Text("\n").join(text(line, style) for line in value.split("\n"))


def _natural_width(part: Part, console: Console) -> int:
    """How wide a part is with every column at full width."""
    from rich.measure import Measurement

    if not isinstance(part, Grid):
        return 0
    table = _table(part, range(len(part.columns)))
    return Measurement.get(console, console.options.update_width(100_000), table).maximum


def _fitted(grid: Grid, console: Console, wide: bool) -> RenderableType:
    """The grid as a table that fits the console without cutting a figure: first the
    columns go, in their `drop` order; then text columns wrap between words; below
    that the rows print as blocks."""
    shown = list(range(len(grid.columns)))
    if wide:
        return _table(grid, shown)
    while True:
        widths = _widths(grid, shown, console, wrap=False)
        if widths is not None:
            return _table(grid, shown, widths)
        droppable = [i for i in shown if grid.columns[i].drop]
        if not droppable:
            break
        shown.remove(max(droppable, key=lambda i: grid.columns[i].drop))
    widths = _widths(grid, shown, console, wrap=True)
    return _blocks(grid) if widths is None else _table(grid, shown, widths)


def _widths(grid: Grid, shown: Sequence[int], console: Console, *, wrap: bool) -> list[int] | None:
    """Each shown column's width so that the table fits the console: every column at
    its widest cell, then (with `wrap`) the wrapping columns narrowed, the one with
    most to spare first, down to their longest word at the least; None if it cannot
    fit."""
    from rich.cells import cell_len

    widest, least = [], []
    for index in shown:
        cells = [grid.columns[index].header, *(inert(row[index]) for row, _ in grid.rows)]
        if grid.footer is not None:
            cells.append(inert(grid.footer[index]))
        width = max(cell_len(cell) for cell in cells)
        widest.append(width)
        if wrap and grid.columns[index].wraps:
            width = max((cell_len(word) for cell in cells for word in cell.split()), default=1)
        least.append(width)
    room = console.width - _GAP * (len(shown) - 1)
    if sum(least) > room:
        return None
    widths = list(widest)
    while sum(widths) > room:
        _, roomiest = max(
            (width - low, i) for i, (width, low) in enumerate(zip(widths, least, strict=True))
        )
        widths[roomiest] -= 1
    return widths


_GAP = 2
"""Cells between two columns of a table: one space of padding and the column rule."""


def _table(grid: Grid, shown: Iterable[int], widths: Sequence[int] | None = None) -> Table:
    """A Rich table of the shown columns, each at its given width (else its natural one)."""
    from rich import box
    from rich.table import Table

    shown = list(shown)
    table = Table(
        box=box.SIMPLE_HEAVY,
        header_style="bold",
        pad_edge=False,
        show_edge=False,
        collapse_padding=True,
        caption=grid.caption,
        caption_justify="left",
        caption_style="dim",
    )
    for place, index in enumerate(shown):
        column = grid.columns[index]
        table.add_column(
            column.header,
            justify="right" if column.right else "left",
            no_wrap=not column.wraps,
            overflow="fold",
            style=column.style,
            width=None if widths is None else widths[place],
        )
    for cells, style in grid.rows:
        table.add_row(*(text(cells[i]) for i in shown), style=style)
    if grid.footer is not None:
        table.add_section()
        table.add_row(*(text(grid.footer[i], "bold") for i in shown), style="bold")
    return table


def _blocks(grid: Grid) -> RenderableType:
    """Each row as a block of `column: value` lines, named by its key column."""
    from rich.console import Group

    lines: list[Text] = []
    rows = [*grid.rows, *([(grid.footer, "bold")] if grid.footer is not None else [])]
    for cells, style in rows:
        lines.append(text(cells[grid.key], f"bold {style}".strip()))
        for index, column in enumerate(grid.columns):
            if index != grid.key and cells[index] and column.in_blocks:
                lines.append(text(f"  {column.header}: {cells[index]}", style))
        lines.append(text(""))
    if grid.caption:
        lines.append(text(grid.caption, "dim"))
    return Group(*lines)


BAR_WIDTH = 40
_EIGHTHS = " \u258f\u258e\u258d\u258c\u258b\u258a\u2589"


def _chart(chart: Chart, width: int) -> RenderableType:
    """The bars, as long as the width leaves room for (none below 8 cells)."""
    from rich.cells import cell_len
    from rich.table import Table

    labels = max((cell_len(label) for label, *_ in chart.bars), default=0)
    label_width = min(labels, 24)
    values = max((cell_len(shown) for *_, shown, _ in chart.bars), default=0)
    room = min(BAR_WIDTH, width - label_width - 4 - values - 3)
    if room < 8:
        return text("")
    peak = max((amount for _, _, amount, _, _ in chart.bars), default=Decimal(0))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=label_width, overflow="fold")
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(no_wrap=True, width=room)
    grid.add_column(justify="right", no_wrap=True)
    for label, year, amount, shown, focus in chart.bars:
        bar = text(_bar(amount, peak, room), "cyan" if focus else "grey50")
        grid.add_row(text(label), text(year), bar, text(shown))
    if chart.more:
        grid.add_row(text(f"and {chart.more} more"), text(""), text(""), text(""))
    return grid


def _bar(value: Decimal, peak: Decimal, width: int) -> str:
    """A bar in eighths of a cell; anything above zero shows at least a sliver."""
    if value <= 0 or peak <= 0:
        return ""
    eighths = max(1, int(value * width * 8 / peak))
    full, rest = divmod(eighths, 8)
    return "\u2588" * full + (_EIGHTHS[rest] if rest else "")


# Markdown and pictures --------------------------------------------------------------------


def markdown(parts: Sequence[Part]) -> str:
    """A view for an article: headings, paragraphs and pipe tables (every column)."""
    blocks: list[str] = []
    for part in parts:
        if isinstance(part, Heading):
            blocks.append(f"## {_md(part.text)}")
        elif isinstance(part, Section):
            blocks.append(f"### {_md(part.text)}")
        elif isinstance(part, Note):  # its lines kept, as hard line breaks
            blocks.append("\\\n".join(_md(line) for line in part.text.strip("\n").split("\n")))
        elif isinstance(part, Fields):
            blocks.append(
                "\n".join(f"- **{_md(name)}**: {_md(value)}" for name, value in part.pairs)
            )
        elif isinstance(part, Grid):
            blocks.append(_md_table(part))
    return "\n\n".join(blocks) + "\n"


def _md_table(grid: Grid) -> str:
    def line(cells: Iterable[str], bold: bool = False) -> str:
        shown = (_md(cell).replace("|", "\\|") for cell in cells)
        return "| " + " | ".join(f"**{cell}**" if bold and cell else cell for cell in shown) + " |"

    rules = ["---:" if column.right else "---" for column in grid.columns]
    lines = [line(c.header for c in grid.columns), "| " + " | ".join(rules) + " |"]
    lines += [line(cells) for cells, _ in grid.rows]
    if grid.footer is not None:
        lines.append(line(grid.footer, bold=True))
    if grid.caption:
        lines += ["", _md(grid.caption)]
    return "\n".join(lines)


def _md(value: str) -> str:
    """Stored text made inert, and the characters markdown would read as markup
    escaped."""
    return re.sub(r"([\\`*_<>\[\]])", r"\\\1", inert(value))


def recorded(parts: Sequence[Part], width: int, color: bool) -> tuple[str, str]:
    """The view as SVG and as HTML, for `--svg` and `--html`: self-contained (no font
    or script fetched from the network) and drawn dark on a white page."""
    import io

    from rich._export_format import CONSOLE_SVG_FORMAT
    from rich.console import Console
    from rich.terminal_theme import DEFAULT_TERMINAL_THEME

    recording = Console(
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
    for part in parts:
        recording.print(_drawn(part, recording, wide=False))
    local_fonts = re.sub(r"@font-face \{\{.*?\}\}\s*", "", CONSOLE_SVG_FORMAT, flags=re.S)
    theme = DEFAULT_TERMINAL_THEME
    svg = recording.export_svg(title="aidtrack", clear=False, code_format=local_fonts, theme=theme)
    return svg, recording.export_html(theme=theme)


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


# Records ------------------------------------------------------------------------------


def links(pledge: Pledge, superseded: set[str]) -> str:
    """What a record is to others: a part, a revision, an old version."""
    notes = []
    if pledge.id in superseded:
        notes.append("superseded")
    if pledge.supersedes:
        notes.append(f"revises {pledge.supersedes}")
    if pledge.part_of:
        notes.append(f"part of {pledge.part_of}")
    if pledge.delivery_of:
        notes.append(f"delivery of {pledge.delivery_of}")
    return ", ".join(notes)


def amount_cell(pledge: Pledge) -> str:
    return format_compact(pledge.amount, pledge.currency, pledge.qualifier.value)


NO_RATE = "no rate"


def conversion_cells(conversion: Conversion | None, qualifier: str) -> list[str]:
    """The converted amount, and the rate of the record's year (an envelope's first),
    marked `*` when provisional and `u` when the user's own."""
    if conversion is None:
        return [NO_RATE, ""]
    mark = "u" if conversion.user else ("*" if conversion.provisional else "")
    return [
        format_compact(conversion.amount, conversion.currency, qualifier),
        f"{conversion.rate:f}{mark}",
    ]


def rates_note(conversions: Iterable[Conversion | None], last_date: str, currency: str) -> str:
    """The footer every converted table carries: where the rates came from, or that
    none converted them (the warning above names the rates missing)."""
    from .rates import SAME_CURRENCY_SOURCE, USER_SOURCE

    used = [c for c in conversions if c is not None]
    if not used:
        return f"Rates: none converts these records into {currency}."
    legs = {leg for c in used for leg in c.source.split(" + ")}
    sources = sorted(legs - {SAME_CURRENCY_SOURCE, USER_SOURCE})
    note = "Rates: yearly averages of each record's year (an envelope's first), " + (
        ("; ".join(sources) or "none needed") + "."
    )
    if any(c.provisional for c in used):
        note += f" * provisional: the current year's average runs to {last_date}."
    if any(c.user for c in used):
        note += " u: your own rate (`aidtrack rates`)."
    return note


LINKS, LABEL, CATEGORY, STAGE = 4, 3, 2, 1
"""The order in which a narrow terminal leaves columns out: links first, stage last."""


def pledge_grid(
    pledges: Sequence[Pledge],
    superseded: set[str],
    converted: Mapping[str, Conversion | None] | None = None,
    currency: str | None = None,
) -> Grid:
    """The `list` table; with `converted` (by id), two more columns: amount and rate."""
    columns = [
        Column("ID", style="cyan"),
        Column("Donor", wraps=True),
        Column("To", wraps=True),
        Column("Year"),
        Column("Amount", right=True),
    ]
    if converted is not None:
        columns += [Column(f"In {currency}", right=True), Column("Rate", right=True)]
    columns += [
        Column("Status", drop=STAGE),
        Column("Category", drop=CATEGORY),
        Column("Label", wraps=True, drop=LABEL),
        Column("Links", wraps=True, drop=LINKS, style="dim"),
    ]
    rows = []
    for pledge in pledges:
        cells = [pledge.id, pledge.donor, pledge.recipient, pledge.year_label, amount_cell(pledge)]
        if converted is not None:
            cells += conversion_cells(converted[pledge.id], pledge.qualifier.value)
        cells += [
            pledge.status.value,
            pledge.category.value,
            pledge.label or "",
            links(pledge, superseded),
        ]
        rows.append((cells, "dim" if pledge.id in superseded else ""))
    return Grid(columns, rows)


def rates_grid(rates: Sequence[Rate]) -> Grid:
    """`aidtrack rates`: one row per currency and year; provisional and user rates marked."""
    columns = [Column("Year"), Column("Currency"), Column("Per EUR", right=True), Column("Source")]
    rows = [
        (
            [
                str(rate.year),
                rate.currency,
                f"{rate.per_eur:f}",
                "user" if rate.user else ("ECB *" if rate.provisional else "ECB"),
            ],
            "",
        )
        for rate in rates
    ]
    return Grid(columns, rows)


def problems_grid(problems: Sequence[Problem]) -> Grid:
    """`check`: one row per problem, with the command that fixes it."""
    columns = [
        Column("Problem", style="yellow"),
        Column("Record", style="cyan"),
        Column("What", wraps=True),
        Column("Fix", wraps=True),
    ]
    rows = [([p.kind, p.id or "", p.message, p.fix], "") for p in problems]
    return Grid(columns, rows, key=1)


def pledge_detail(
    pledge: Pledge,
    history: Sequence[Pledge],
    parts: Sequence[Pledge],
    superseded: set[str],
    progress: Progress | None = None,
) -> list[Part]:
    """`show`: the record's fields, its sources, its versions, its parts, and what was
    delivered of it (`progress`: its deliveries and a line of promised against
    delivered)."""
    state = "superseded" if pledge.id in superseded else "current"
    pairs = [
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
        ("delivery of", pledge.delivery_of),
        ("note", pledge.note),
        ("created", pledge.created_at),
        ("updated", pledge.updated_at),
    ]
    shown: list[Part] = [
        Fields([(name, value) for name, value in pairs if value]),
        Section(f"Sources ({len(pledge.sources)})"),
    ]
    if not pledge.sources:
        shown.append(Note("  none: add one with `aidtrack edit ID --source URL`", "yellow"))
    for source in pledge.sources:
        dated = f"  {source.date}" if source.date else ""
        shown.append(Note(f"  {source.url or '(no url)'}{dated}", ""))
        if source.quote:
            shown.append(Note(f"    \u201c{source.quote}\u201d", "italic"))
    if len(history) > 1:
        shown += [Section("Versions (oldest first)"), _brief(history, superseded, pledge.id)]
    if parts:
        shown += [Section("Parts"), _brief(parts, superseded)]
    if progress is not None:
        shown += _delivered_parts(progress)
    return shown


def _delivered_parts(progress: Progress) -> list[Part]:
    """`show`'s deliveries: the records that say what was delivered, and the line."""
    pledge, deliveries = progress.pledge, progress.deliveries
    shown: list[Part] = [Section(f"Deliveries ({len(deliveries)})")]
    if deliveries:
        dated = any(d.announced_on for d in deliveries)
        of_others = any(d.delivery_of != pledge.id for d in deliveries)
        columns = [Column("ID", style="cyan"), Column("Year")]
        columns += [Column("On")] if dated else []
        columns += [Column("Amount", right=True), Column("Status")]
        if of_others:
            columns.append(Column("Of", style="dim"))
        rows = []
        for delivery in deliveries:
            cells = [delivery.id, delivery.year_label]
            cells += [delivery.announced_on or ""] if dated else []
            cells += [amount_cell(delivery), delivery.status.value]
            if of_others:
                cells.append(delivery.delivery_of or delivery.part_of or "")
            rows.append((cells, ""))
        shown.append(Grid(columns, rows))
    shown.append(Note(progress_line(progress), "bold"))
    if not deliveries and not progress.records:
        hint = f"aidtrack deliver {pledge.id} AMOUNT --source URL"
        shown.append(Note(f"  record money delivered with `{hint}`"))
    return shown


def progress_line(progress: Progress) -> str:
    """`NOK 85.0bn promised; NOK 30.0bn + >= $7.0bn delivered (44.3%)`: what was
    delivered in each currency, and its share of the promise once converted; a missing
    rate is named instead."""
    promised = f"{amount_cell(progress.pledge)} promised"
    if not progress.amounts:
        return f"{promised}; nothing delivered yet (0%)"
    delivered = " + ".join(
        format_compact(amount, currency, qualifier.value)
        for amount, currency, qualifier in progress.amounts
    )
    if progress.pct is not None:
        return f"{promised}; {delivered} delivered ({progress.pct:f}%)"
    rates = ", ".join(f"{error.currency} {error.year}" for error in progress.missing)
    return f"{promised}; {delivered} delivered (share unknown: no rate for {rates})"


def progress_grid(rows: Sequence[Progress]) -> Grid:
    """`progress`: one row per pledge, what it promised against what was delivered of
    it to date, in its own currency."""
    columns = [
        Column("ID", style="cyan"),
        Column("Donor", wraps=True),
        Column("Year"),
        Column("Promised", right=True),
        Column("Delivered", right=True),
        Column("Share", right=True),
        Column("Last delivery", drop=STAGE),
        Column("Status", drop=CATEGORY),
    ]
    cells = []
    for row in rows:
        pledge, last = row.pledge, row.last
        if row.delivered is None:
            delivered = NO_RATE
        else:
            delivered = _amount(row.delivered, pledge.currency, row.qualifier.value)
        cells.append(
            (
                [
                    pledge.id,
                    pledge.donor,
                    pledge.year_label,
                    amount_cell(pledge),
                    delivered,
                    _percent(row.pct),
                    (last.announced_on or last.year_label) if last else "",
                    pledge.status.value,
                ],
                "",
            )
        )
    return Grid(columns, cells)


def _with_code(name: str, code: str | None) -> str:
    return f"{name} ({code})" if code else name


def _brief(pledges: Sequence[Pledge], superseded: set[str], marked: str = "") -> Grid:
    columns = [
        Column(""),
        Column("ID", style="cyan"),
        Column("Year"),
        Column("Amount", right=True),
        Column("Status"),
        Column("Category", drop=CATEGORY),
        Column("State", drop=STAGE),
    ]
    rows = [
        (
            [
                "*" if pledge.id == marked else "",
                pledge.id,
                pledge.year_label,
                amount_cell(pledge),
                pledge.status.value,
                pledge.category.value,
                "superseded" if pledge.id in superseded else "current",
            ],
            "",
        )
        for pledge in pledges
    ]
    return Grid(columns, rows, key=1)


# `report` and `compare` ------------------------------------------------------------------

CHART_DONORS = 10
ENVELOPES_SHOWN = 10
"""A report is a summary: the largest envelopes, not a tracker's thousands."""
_QUALIFIER_LEGEND = "~ about, >= at least, <= up to"


def report_view(
    report: Report,
    selection: Selection,
    rates_through: str,
    scope_note: str = "",
    per: Sequence[str] = (),
    chart: str = "amount",
) -> list[Part]:
    """`report`: donors ranked with Y-1 beside Y, the category split, what each
    recipient got (when there are several), the envelopes covering Y (apart), a chart
    and the rates behind every figure."""
    previous, year = report.previous_year, report.year
    by = _by_measure(report)
    shown: list[Part] = [
        _heading(
            f"{_aid(report)}{_to(report)} in {year} against {previous}, in {report.currency}",
            selection,
        ),
        *([Note(scope_note)] if scope_note else []),
        _years_grid(report, stages=True),
        *_measures_note(report, stages=True),
        *_without_previous(report),
        *(_size_view(report, per) if per else []),
        Section(f"By category in {year}{by} (breakdowns where given, else the whole)"),
        _category_grid(report),
    ]
    if len(report.recipients) > 1:
        shown += [Section(f"By recipient in {year}{by}"), _recipient_grid(report)]
    if report.envelopes:
        shown.append(Section(f"Multi-year envelopes covering {year} (not added to the year)"))
        listed = report.envelopes[:ENVELOPES_SHOWN]
        shown.append(_envelope_grid(listed, report.currency, year))
        more = len(report.envelopes) - ENVELOPES_SHOWN
        if more > 0:
            shown.append(Note(f"... and {more} smaller ones; --json lists them all"))
    if report.rows and chart == "gdp":
        shown += [Section(f"{year} as a share of GDP"), _gdp_chart(report)]
        used = {s.gdp_year for s in report.sizes.get(year, {}).values() if s.gdp_year}
        if used - {year}:
            years = ", ".join(str(y) for y in sorted(used - {year}))
            shown.append(Note(f"* GDP of {years}: the latest before {year}"))
    elif report.rows:
        shown += [Section(f"{previous} -> {year} by donor{by}"), _chart_of(report)]
    shown.append(_rates_footer(report, rates_through))
    return shown


def comparison_view(
    comparison: Comparison,
    selection: Selection,
    rates_through: str,
    scope_note: str = "",
    per: Sequence[str] = (),
) -> list[Part]:
    """`compare`: donors as rows, years as columns, change over the last two years."""
    first, last = comparison.years[0], comparison.years[-1]
    span = f"{first}-{last}" if first != last else str(first)
    return [
        _heading(
            f"{_aid(comparison)}{_to(comparison)} {span}, in {comparison.currency}", selection
        ),
        *([Note(scope_note)] if scope_note else []),
        _years_grid(comparison, stages=False),
        *_measures_note(comparison, stages=False),
        *_without_previous(comparison),
        *(_size_view(comparison, per) if per else []),
        Note(
            "Multi-year envelopes are not added to any year; "
            "`aidtrack report --year Y` lists those covering Y."
        ),
        _rates_footer(comparison, rates_through),
    ]


def _aid(comparison: Comparison) -> str:
    """What the table's figures are: `Aid pledges` (promised), or `Aid delivered`."""
    from .counting import Measure

    return "Aid delivered" if comparison.measure is Measure.DELIVERED else "Aid pledges"


def _by_measure(comparison: Comparison) -> str:
    """`, delivered` after a title whose figures are of the delivered measure."""
    from .counting import Measure

    return ", delivered" if comparison.measure is Measure.DELIVERED else ""


def _to(comparison: Comparison) -> str:
    """` to Ukraine`, ` to Moldova and Ukraine`: the recipients the figures count."""
    return f" to {_listed(comparison.recipients)}" if comparison.recipients else ""


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
    from .counting import Measure
    from .yearly import Figure, Gap

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
                row += [_signed(change.amount, currency), _percent_change(change.pct)]
            elif by_year[years[-2]] is Gap.NO_RECORD and isinstance(by_year[last], Figure):
                row += [f"no {years[-2]} record", ""]
            else:
                row += ["", ""]
        row.append(_percent(last_shares.get(name)))
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
    from .yearly import Figure, Gap

    if not isinstance(cell, Figure):
        return NO_RATE if cell is Gap.NO_RATE else ""
    side = cell.delivered if by_promised else cell.promised
    shown = _amount(side.amount, currency, side.qualifier.value)
    pct = cell.delivered_pct
    return shown if pct is None or not side.amount else f"{shown} ({pct:f}%)"


def _reached(figure: Figure, currency: str, *, every: bool = False) -> str:
    """How much of the year's promises reached at least each stage past announced:
    `committed $8.2bn, allocated $7.0bn, disbursed $7.0bn` (`every`), each at most the
    one before; else only where it drops (`committed $8.2bn, disbursed $7.0bn`: what
    is not named reached the same as the next stage named). `announced` when none went
    further; empty with nothing promised."""
    from .model import Status

    if not figure.promised.amount:
        return ""
    past = [(s, a) for s, a in figure.by_status.items() if s is not Status.ANNOUNCED and a]
    if past and not every:  # a stage holding as much as the next one says nothing more
        after = [amount for _, amount in past[1:]] + [None]
        past = [step for step, then in zip(past, after, strict=True) if step[1] != then]
    return ", ".join(f"{s.value} {_amount(a, currency)}" for s, a in past) or "announced"


def _measures_note(comparison: Comparison, *, stages: bool) -> list[Part]:
    """The last year's total by both measures, whatever columns a narrow terminal
    leaves out, and (`stages`) how far the year's promises got."""
    from .model import Status
    from .yearly import Figure

    last, currency = comparison.years[-1], comparison.currency
    total = comparison.totals[last]
    if not isinstance(total, Figure):
        return []
    promised, delivered = total.promised, total.delivered
    lines = []
    if stages and promised.amount:
        whole = _amount(promised.amount, currency, promised.qualifier.value)
        reached = _reached(total, currency, every=True)
        lines.append(
            f"Of the {whole} promised for {last}, none is recorded as committed."
            if reached == Status.ANNOUNCED.value
            else f"Of the {whole} promised for {last}, reached at least: {reached}."
        )
    if not delivered.amount:
        lines.append(f"Delivered in {last}: none recorded.")
    else:
        shown = _amount(delivered.amount, currency, delivered.qualifier.value)
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
            f"{_listed(names)} {have} no {before} record: the total's change counts "
            f"{their} {year} pledges in full."
        )
    ]


def _listed(names: Sequence[str]) -> str:
    """`A`, `A and B`, `A, B and C`."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _category_grid(report: Report) -> Grid:
    from .yearly import Figure

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
                _amount(before.get(category, Decimal(0)), report.currency),
                _amount(now.get(category, Decimal(0)), report.currency),
                _percent(category_shares.get(category)),
            ],
            "",
        )
        for category in {**before, **now}
        if before.get(category) or now.get(category)
    ]
    return Grid(columns, rows)


def _recipient_grid(report: Report) -> Grid:
    from .yearly import shares

    split = shares(dict(report.by_recipient))
    columns = [
        Column("Recipient", wraps=True),
        Column(str(report.year), right=True),
        Column("Share", right=True),
    ]
    rows = [
        ([name, _amount(amount, report.currency), _percent(split.get(name))], "")
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
    from .yearly import Figure

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


def _rates_footer(comparison: Comparison, rates_through: str) -> Note:
    """Every rate behind the figures, its source, and which are provisional or the user's."""
    return _rates_used(comparison.rates, comparison.currency, rates_through)


def _rates_used(rates: Sequence[RateUsed], currency: str, rates_through: str) -> Note:
    if not rates:
        lines = [f"No conversion: every figure was in {currency}."]
    else:
        listed = ", ".join(
            f"{r.currency} {r.year} {r.rate:f}{'u' if r.user else '*' if r.provisional else ''}"
            for r in rates
        )
        lines = [f"Rates ({currency} per unit, yearly averages): {listed}"]
        legs = {
            (r.year, code): per_eur
            for r in rates
            for code, per_eur in ((r.currency, r.per_eur[0]), (currency, r.per_eur[1]))
            if code != "EUR"
        }
        lines.append(
            "Figures use them unrounded, as the ratio of the euro rates: "
            + ", ".join(f"{code} {year} {value:f}" for (year, code), value in sorted(legs.items()))
            + " per EUR."
        )
        sources = sorted({r.source for r in rates if not r.user})
        if sources:
            lines.append(f"Source: {'; '.join(sources)}.")
        if any(r.provisional for r in rates):
            lines.append(f"* provisional: the current year's average runs to {rates_through}.")
        if any(r.user for r in rates):
            lines.append("u: your own rate (`aidtrack rates`).")
    return Note("\n" + "\n".join(lines))


def _cell(cell: Cell, currency: str) -> str:
    from .yearly import Gap

    if cell is Gap.NO_RATE:
        return NO_RATE
    if cell is Gap.NO_RECORD:
        return "-"
    return _amount(cell.amount, currency, cell.qualifier.value)


def _amount(value: Decimal, currency: str, qualifier: str = "exact") -> str:
    return format_compact(value, currency, qualifier) if value else "-"


def _signed(value: Decimal, currency: str) -> str:
    if not value:
        return "0"
    return ("+" if value > 0 else "-") + format_compact(abs(value), currency)


def _percent(value: Decimal | None) -> str:
    return "" if value is None else f"{value:f}%"


def _percent_change(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"+{value:f}%" if value > 0 else f"{value:f}%"


def drafts_view(drafts: Sequence[Draft]) -> list[Part]:
    """`extract`: each draft's fields with the words they were read from, then what is
    open and why."""
    from .extract import FIELDS

    if not drafts:
        return [Note("no pledge found: no amount with a currency or a scale word", "yellow")]
    shown: list[Part] = []
    for number, draft in enumerate(drafts, start=1):
        state = "complete" if not draft.missing else "missing " + ", ".join(draft.missing)
        shown.append(Section(f"Draft {number} of {len(drafts)} ({state})"))
        pairs = [
            (name, f"{_draft_value(draft, name)}   \u2190 \u201c{draft.found[name].words}\u201d")
            for name in FIELDS
            if name in draft.found
        ]
        if draft.part_of is not None:
            pairs.append(("part of", f"draft {draft.part_of + 1}"))
        if draft.delivery_of is not None:
            pairs.append(("delivery of", f"draft {draft.delivery_of + 1}"))
        if draft.relative_to is not None:
            pairs.append(("same as", str(draft.relative_to)))
        if draft.note:
            pairs.append(("note", draft.note))
        shown.append(Fields(pairs))
        shown += [
            Note(f"  conversion given: \u201c{words}\u201d (not the amount)", "dim")
            for words in draft.conversions
        ]
        shown += [Note(f"  open: {name}: {why}", "yellow") for name, why in draft.open.items()]
        shown.append(Note(f"  \u201c{draft.quote}\u201d", "italic"))
    return shown


def _draft_value(draft: Draft, name: str) -> str:
    value = draft.value(name)
    if name == "amount":
        currency = draft.value("currency")
        return format_exact(value, currency) if currency else f"{value:,f}"
    return str(value)


def groups_grid(groups: Sequence[Group], year: int | None) -> Grid:
    """`groups`: each group, what it is, and how many members it has (in `year`)."""
    columns = [Column("Group"), Column("Members", right=True), Column("What", wraps=True)]
    rows = [
        (
            [
                group.name,
                str(len(group.members_in(year) if year else {m.member for m in group.members})),
                group.title,
            ],
            "",
        )
        for group in groups
    ]
    return Grid(columns, rows, caption="Members: on 1 July of --year; else all who ever were.")


def group_view(group: Group, members: Sequence[Membership], year: int | None) -> list[Part]:
    """`groups NAME`: the members, with the dates they joined and left."""
    heading = f"{group.name}: {group.title}" + (f", members in {year}" if year else "")
    rows = [([m.member, m.dates], "") for m in sorted(members, key=lambda m: m.member)]
    return [Heading(heading), Grid([Column("Member"), Column("Member since / until")], rows)]


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
    shown: list[Part] = [Section(f"For their size in {year} (aid in US$ at {year}'s average)")]
    if not rows:
        return [*shown, Note("  no GDP or population for these donors; `aidtrack gdp import`")]
    shown.append(Grid(columns, rows))
    if earlier:
        shown.append(Note(f"* {', '.join(sorted(earlier))}: the latest before {year}"))
    return shown


def _earlier(used: int | None, year: int) -> str:
    """`*` on a figure of an earlier year than the one shown, as on a provisional rate."""
    return "*" if used is not None and used < year else ""


def reconcile_view(result: Reconciliation, rates_through: str) -> list[Part]:
    """`reconcile`: what differs first, then what one side only has, what has no rate,
    and what matches; each donor's year and measure once, in one currency."""
    from .reconcile import Result

    span = "" if result.years is None else f", {result.years}"
    to = f" to {_listed(result.recipients)}" if result.recipients else ""
    tolerance = (
        "figures match when equal to the cent after conversion"
        if not result.tolerance
        else f"figures match within {result.tolerance:f}% of the file's"
    )
    shown: list[Part] = [
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
            shown += [Section(f"{title} ({len(lines)})"), _reconcile_grid(lines, result, both)]
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
    shown.append(Note(f"\n{summary}." if result.lines else "\nNeither side counts anything here."))
    store_envelopes, file_envelopes = result.envelopes
    if store_envelopes or file_envelopes:
        shown.append(
            Note(
                f"Multi-year envelopes count in no year and are not compared "
                f"({store_envelopes} in the store, {file_envelopes} in the file)."
            )
        )
    shown.append(_rates_used(result.rates, result.currency, rates_through))
    return shown


def _reconcile_grid(lines: Sequence[Line], result: Reconciliation, both: bool) -> Grid:
    """A section's lines: both figures with their difference, or the one figure there is."""
    from .reconcile import Result

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
                "" if difference is None else _signed(difference, currency),
                _percent_change(line.difference_pct),
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
