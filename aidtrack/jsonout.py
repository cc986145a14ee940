"""JSON for scripts: `--format json` and `ndjson`, exports, and every summary a command
prints as JSON (DESIGN §5). Through orjson, never through Rich; exact decimals are
strings already.

Nothing in it acts on a terminal or an editor showing it: orjson escapes the C0
control codes, and the C1 codes and bidi controls, which JSON may hold raw, are
written as `\\u` escapes (the same text to a reader).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

_ACTING_IN_JSON = tuple(
    re.compile(pattern)
    for pattern in (
        rb"\xc2[\x80-\x9f]",
        rb"\xe2(?:\x80[\x8e\x8f\xaa-\xae]|\x81[\xa6-\xa9])",
        rb"\xd8\x9c",
    )
)
"""In UTF-8: the C1 codes and bidi controls; none of these bytes starts a character of
any other. Three patterns, each with a fixed first byte: scanning for one byte is ten
times faster."""


def _escaped(data: bytes) -> bytes:
    """JSON with C1 codes and bidi controls written as `\\u` escapes."""
    if data.isascii():
        return data
    for pattern in _ACTING_IN_JSON:
        data = pattern.sub(_escape, data)
    return data


def _escape(match: re.Match[bytes]) -> bytes:
    return b"\\u%04x" % ord(match.group().decode())


def json_bytes(value: Any, *, pretty: bool = True) -> bytes:
    """One document, indented (`pretty`) or on one line."""
    import orjson

    option = orjson.OPT_INDENT_2 if pretty else 0
    return _escaped(orjson.dumps(value, option=option)) + b"\n"


def json_pieces(rows: Sequence[Any], *, pretty: bool = True) -> Iterator[bytes]:
    """`json_bytes(rows)` (pretty) or NDJSON, a thousand rows at a time: a listing of
    100,000 records never holds all of its text at once."""
    import orjson

    if not pretty:
        for start in range(0, len(rows), _PIECE):
            piece = b"".join(orjson.dumps(row) + b"\n" for row in rows[start : start + _PIECE])
            yield _escaped(piece)
        return
    if not rows:
        yield b"[]\n"
        return
    for start in range(0, len(rows), _PIECE):
        piece = orjson.dumps(rows[start : start + _PIECE], option=orjson.OPT_INDENT_2)
        # "[\n" + rows + "\n]": the pieces join into one array, as json_bytes writes it.
        yield (b",\n" if start else b"[\n") + _escaped(piece[2:-2])
    yield b"\n]\n"


_PIECE = 1000
