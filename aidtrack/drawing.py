"""The drawing engine: views drawn for a terminal, for an article (markdown) or as a
picture (SVG, HTML) (DESIGN §9b). The views of each command are in `views`; the JSON
of their data in `jsonout`.

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

from .money import format_compact

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.table import Table
    from rich.text import Text

    from .model import Pledge
    from .rates import Conversion
    from .yearly import RateUsed

_BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f\\ud800-\\udfff{_BIDI_CONTROLS}]")
"""What acts rather than shows: C0 and C1 control codes, DEL, bidi overrides and
marks, and lone surrogates (which no terminal can print)."""
_ACTING_ON_A_TERMINAL = re.compile(f"(?![\\t\\n]|\\r\\n){_CONTROL.pattern}")


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


# The parts of a view -----------------------------------------------------------------
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


class Aside(NamedTuple):
    """A line for the person beside a drawing, on stderr (silenced by --quiet): a
    table's sources, or that nothing matched. Only with the drawing on a terminal or
    into a pipe (`--format table`); markdown and data leave it out."""

    text: str


class Plain(NamedTuple):
    """Text for scripts beside a drawing, on stdout as it is (the ids a write made)."""

    text: str


Shown = Part | Aside | Plain
"""What `--format table` prints: parts drawn, and the lines beside them."""


class View:
    """What a command shows, in each form a `--format` asks for: drawn (`parts`; for
    `--format table`, `shown`: the drawing with the lines beside it) and as data for
    scripts (`to_json`, `rows` a line each, `csv_table`). The output door
    (`cli.output`) asks for the form of the format given; each command declares the
    formats it prints, so a form its view does not have is never asked for."""

    def parts(self) -> Sequence[Part]:
        raise NotImplementedError

    def shown(self) -> Sequence[Shown]:
        return self.parts()

    def to_json(self) -> Any:
        return self.rows()

    def rows(self) -> Sequence[Mapping[str, Any]]:
        raise NotImplementedError

    def csv_table(self) -> tuple[Sequence[str], Iterable[dict[str, Any]]]:
        """The columns of CSV and TSV, and the rows under them."""
        raise NotImplementedError


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


# Figures as every view writes them ---------------------------------------------------------


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


def money_cell(value: Decimal, currency: str, qualifier: str = "exact") -> str:
    """An amount as a cell shows it; `-` for none."""
    return format_compact(value, currency, qualifier) if value else "-"


def signed_cell(value: Decimal, currency: str) -> str:
    if not value:
        return "0"
    return ("+" if value > 0 else "-") + format_compact(abs(value), currency)


def percent_cell(value: Decimal | None) -> str:
    return "" if value is None else f"{value:f}%"


def percent_change_cell(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"+{value:f}%" if value > 0 else f"{value:f}%"


def listed(names: Sequence[str]) -> str:
    """`A`, `A and B`, `A, B and C`."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def rates_used_note(rates: Sequence[RateUsed], currency: str, rates_through: str) -> Note:
    """Every rate behind a view's figures, its source, and which are provisional or the
    user's."""
    if not rates:
        lines = [f"No conversion: every figure was in {currency}."]
    else:
        each = ", ".join(
            f"{r.currency} {r.year} {r.rate:f}{'u' if r.user else '*' if r.provisional else ''}"
            for r in rates
        )
        lines = [f"Rates ({currency} per unit, yearly averages): {each}"]
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
