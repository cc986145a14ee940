"""Everything a person or a script sees: Rich tables, JSON, NDJSON (DESIGN §5).

The only module that builds Rich objects; Rich is imported inside the functions that
draw, so `list --json` never loads it. Stored text is shown inert: control characters
become visible escapes and nothing is read as markup.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .money import format_compact, format_exact

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

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


def print_all(console: Console, renderables: Iterable[RenderableType]) -> None:
    for renderable in renderables:
        console.print(renderable)
