"""The output door: every command hands its view (`drawing.View`) and the format asked
for to `emit`, which prints the view in that form. The formats a command prints are
declared once beside it (`format_of` refuses the others); a format is a branch here,
not in each command.

Imported at every start (the formats declare `--format`): what draws and encodes
loads only when something is printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING

from ..errors import InvalidInput

if TYPE_CHECKING:
    from pathlib import Path

    import typer

    from ..drawing import Part, Shown, View
    from ..environment import Environment


class Format(StrEnum):
    TABLE = "table"
    JSON = "json"
    NDJSON = "ndjson"
    CSV = "csv"
    TSV = "tsv"
    MARKDOWN = "markdown"


EVERY_FORMAT = tuple(Format)
TABLE_OR_JSON = (Format.TABLE, Format.JSON)


def format_of(
    ctx: typer.Context,
    json_flag: bool,
    given: Format | None,
    printed: Sequence[Format] = EVERY_FORMAT,
) -> Format:
    """The format `--json` and `--format` ask for, one of those the command prints
    (declared once beside it); any other is refused, naming them."""
    if json_flag and given not in (None, Format.JSON):
        raise InvalidInput(f"--json and --format {given.value} disagree; use one of them")
    chosen = Format.JSON if json_flag else (given or Format.TABLE)
    if chosen not in printed:
        *others, last = ("a table" if f is Format.TABLE else f.value for f in printed)
        raise InvalidInput(
            f"{ctx.info_name} prints {', '.join(others)} or {last}, not {chosen.value}"
        )
    return chosen


def emit(
    env: Environment,
    fmt: Format,
    view: View,
    *,
    wide: bool = False,
    svg: Path | None = None,
    html: Path | None = None,
) -> None:
    """Print `view` as `fmt` asks: drawn for a terminal (`wide`: every column at full
    width), or for an article (markdown); its JSON, a JSON line a row, or its rows as
    CSV or TSV. `svg` and `html` also save the drawing as pictures, whatever the
    format, unless a terminal had nothing to draw (only a line saying so)."""
    drawn: Sequence[Part] = ()
    if fmt is Format.TABLE:
        drawn = _on_terminal(env, view.shown(), wide)
    elif fmt is Format.MARKDOWN:
        from ..drawing import markdown

        drawn = view.parts()
        env.write(markdown(drawn))
    elif fmt is Format.JSON:
        from ..jsonout import json_bytes, json_pieces

        data = view.to_json()
        env.write_bytes(json_pieces(data) if isinstance(data, list) else [json_bytes(data)])
    elif fmt is Format.NDJSON:
        from ..jsonout import json_pieces

        env.write_bytes(json_pieces(view.rows(), pretty=False))
    else:
        from ..interchange import table_csv_text

        columns, rows = view.csv_table()
        env.write(table_csv_text(rows, columns, tsv=fmt is Format.TSV))
    if svg or html:
        if fmt is not Format.TABLE:
            drawn = drawn or view.parts()
        if drawn:
            _save_pictures(env, drawn, svg, html)


def _on_terminal(env: Environment, shown: Sequence[Shown], wide: bool) -> list[Part]:
    """`--format table`: the parts drawn on stdout, fitted to its width, and the lines
    beside them (for the person on stderr, for scripts on stdout), each in its place;
    the parts drawn are returned."""
    from ..drawing import Aside, Plain

    drawn: list[Part] = []
    pending: list[Part] = []
    for part in shown:
        if not isinstance(part, Aside | Plain):
            pending.append(part)
            drawn.append(part)
            continue
        if pending:
            env.show(pending, wide=wide)
            pending = []
        if isinstance(part, Aside):
            env.say(part.text)
        else:
            env.write(part.text)
    if pending:
        env.show(pending, wide=wide)
    return drawn


def _save_pictures(
    env: Environment, drawn: Sequence[Part], svg: Path | None, html: Path | None
) -> None:
    """The drawing as SVG and as HTML, each written whole or not at all (through a
    symlink to its target), with the user's normal file mode: a picture is made to be
    shared."""
    from ..drawing import recorded
    from ..store import write_atomically

    as_svg, as_html = recorded(drawn, env.console().width, color=not env.no_color)
    for path, content in ((svg, as_svg), (html, as_html)):
        if path is None:
            continue
        try:
            write_atomically(path, content.encode(), private=False)
        except OSError as error:
            raise InvalidInput(f"cannot write {path}: {error.strerror}") from None
        env.say(f"saved {path}")
