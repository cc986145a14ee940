"""Records in and out of files: CSV, JSON and NDJSON (DESIGN §4, `import` / `export`).

The CSV columns are those of the shipped dataset (`data/pledges-starter.csv`). A CSV
row carries one source: a record with several sources takes several rows with the
same `id`, the first carrying the record and each further row adding one source
(its other columns empty or equal to the first row's). JSON is an array of records
in the JSON contract (`list --json`), NDJSON one such record per line; `donor_code`
and `recipient_code` follow from the names, so a file's own are not read. Amounts
are text as `add` takes them, or JSON numbers read from their digits, never floats.

An import is all or nothing: `read_records` checks every row (through the one
`model.Builder` that `add` uses too) and lists every problem, then
`importing.import_records` checks them against the store (ids, links, likely
duplicates) and stores them, in one insert, or none. Another tracker's file is read
through a column map (`read_mapped`); there, on request, rows refused on their own are
set aside (`--rejects`) and the valid ones imported.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import io
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple, TextIO

from . import mapping, model
from .errors import AidtrackError, InvalidInput, unsafe_xml
from .formats import FileFormat
from .importing import SAMPLE_NAME, FileProblem, Incoming, collector_paused, refuse
from .mapping import ColumnMap
from .model import CSV_COLUMNS, SOURCE_COLUMNS, InvalidRecord, Pledge, Source
from .store import write_atomically

REQUIRED_COLUMNS = ("donor", "recipient", "year", "amount", "currency")
RECORD_COLUMNS = tuple(c for c in CSV_COLUMNS if c not in SOURCE_COLUMNS)
JSON_FIELDS = model.FIELDS
"""What a JSON record may hold: the stored form's keys (what aidtrack derives, the
codes and `first_year`, is read back from its own exports and recomputed)."""
MAX_CELL = 64 * 1024 * 1024  # a 1 MB note must import; csv's default limit is 128 KB

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FIRST_OF_FORMULAS = frozenset((*FORMULA_STARTS, "'"))  # one character each
SEPARATORS = (",", ";", "\t")
"""The field separators of CSV files in common locales (`;` in Norway, Germany, France):
a spreadsheet may split a cell at any of them, so a formula may start after each."""
_FORMULA_AFTER = re.compile(f"[{''.join(SEPARATORS)}](?='*[{re.escape(''.join(FORMULA_STARTS))}])")
_NEUTRALISED_AFTER = re.compile(
    f"([{''.join(SEPARATORS)}])'(?='*[{re.escape(''.join(FORMULA_STARTS))}])"
)
Progress = Callable[[int, int], None]
"""Told (records checked, records in all) while an import checks its rows."""


EXTENSIONS = {
    ".csv": FileFormat.CSV,
    ".json": FileFormat.JSON,
    ".ndjson": FileFormat.NDJSON,
    ".jsonl": FileFormat.NDJSON,
    ".db": FileFormat.SQLITE,
    ".sqlite": FileFormat.SQLITE,
    ".sqlite3": FileFormat.SQLITE,
}


def format_of(name: str, text: str) -> FileFormat:
    """The format a file's extension names, else what its first character says."""
    known = EXTENSIONS.get(Path(name).suffix.lower())
    if known is not None:
        return known
    start = text.lstrip()[:1]
    return {"[": FileFormat.JSON, "{": FileFormat.NDJSON}.get(start, FileFormat.CSV)


# Export ---------------------------------------------------------------------------------


def neutralise(cell: str) -> str:
    """A cell a spreadsheet would run as a formula gets a `'` (OWASP advice) at its
    start, and after each separator of any locale, where a formula starts once the
    cell is split there (`x;=cmd|...` in a `;` locale).

    Where `'`s already stand before such a character, one more goes in, so that
    `unneutralise` gives back exactly what was exported.
    """
    if cell[:1] in _FIRST_OF_FORMULAS and cell.lstrip("'").startswith(FORMULA_STARTS):
        cell = "'" + cell
    if _FORMULA_AFTER.search(cell) is None:  # nearly every cell: return at once
        return cell
    return _FORMULA_AFTER.sub(r"\g<0>'", cell)


def unneutralise(cell: str) -> str:
    """The cell as it was before `neutralise`."""
    if "'" not in cell:  # nearly every cell: return at once
        return cell
    if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS):
        cell = cell[1:]
    return _NEUTRALISED_AFTER.sub(r"\1", cell)


_CSV_CELLS = tuple(
    (column, f.name, f.kind.text)
    for f in model.RECORD
    for column in f.csv
    if column not in SOURCE_COLUMNS
)
"""(column, field, its text) of each CSV column but the source's."""


def csv_rows(pledge: Pledge) -> list[dict[str, str]]:
    """One CSV row per source: the first carries the record, each further row only the id
    and one more source (repeating a 1 MB note 10,000 times would make a 10 GB file)."""
    first = {column: text(getattr(pledge, name)) for column, name, text in _CSV_CELLS}
    rows: list[dict[str, str]] = []
    for source in pledge.sources or (Source(),):
        row = first if not rows else dict.fromkeys(first, "") | {"id": pledge.id}
        rows.append(
            row
            | {
                "source_url": source.url or "",
                "source_date": source.date or "",
                "quote": source.quote or "",
            }
        )
    return rows


def csv_text(pledges: Iterable[Pledge], *, tsv: bool = False) -> str:
    """The records as CSV (or TSV), formula cells neutralised."""
    rows = ([row[column] for column in CSV_COLUMNS] for p in pledges for row in csv_rows(p))
    return delimited([list(CSV_COLUMNS), *rows], tsv=tsv)


def table_csv_text(
    rows: Iterable[dict[str, Any]], columns: Iterable[str], *, tsv: bool = False
) -> str:
    """Any tidy table (report rows, rate rows) as CSV (or TSV), formula cells
    neutralised, and true/false as JSON and pandas write them."""
    columns = list(columns)
    cells = ([_table_cell(row.get(column)) for column in columns] for row in rows)
    return delimited([columns, *cells], tsv=tsv)


def delimited(rows: Iterable[list[str]], *, tsv: bool = False) -> str:
    """Rows as CSV, formula cells neutralised: lines end in CRLF (RFC 4180, as
    spreadsheets write it), and a cell that holds a quote, a line break or the
    separator of any locale (`,` `;` tab) is quoted, so that a spreadsheet splitting at
    `;` keeps it whole. As TSV: tab-separated lines, with a tab, newline, carriage
    return or backslash in a cell written `\\t`, `\\n`, `\\r`, `\\\\`, so that a line split
    at its tabs gives its cells."""
    if tsv:
        return "".join("\t".join(_tsv_cell(neutralise(c)) for c in row) + "\n" for row in rows)
    return "".join(",".join(map(_csv_cell, row)) + "\r\n" for row in rows)


def _csv_cell(cell: str) -> str:
    """The cell neutralised, and quoted when it must be; nearly every cell is neither."""
    if _QUOTED.search(cell) is None and cell[:1] not in _FIRST_OF_FORMULAS:
        return cell
    cell = neutralise(cell)
    return '"' + cell.replace('"', '""') + '"' if _QUOTED.search(cell) else cell


_QUOTED = re.compile(f'["\\r\\n{"".join(SEPARATORS)}]')
_TSV_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _tsv_cell(cell: str) -> str:
    return cell.translate(_TSV_ESCAPES)


def _table_cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def export_bytes(records: Sequence[Mapping[str, Any]], fmt: FileFormat) -> Iterator[bytes]:
    """The records (in JSON form) in a text format that `import` reads back to the
    same records, a piece at a time."""
    from .jsonout import json_pieces

    if fmt is FileFormat.CSV:
        yield csv_text(Pledge.from_json(record) for record in records).encode()
    else:
        yield from json_pieces(records, pretty=fmt is FileFormat.JSON)


def write_file(path: Path, pieces: Iterable[bytes]) -> None:
    """Write an export whole or not at all, readable by its owner only."""
    try:
        write_atomically(path, b"".join(pieces))
    except OSError as error:
        raise InvalidInput(f"cannot write {path}: {error.strerror}") from None


# Import: reading and checking rows -------------------------------------------------------


@dataclasses.dataclass
class _Draft:
    """A record's raw fields as the file gave them, before they are checked."""

    number: int
    where: str
    word: str
    fields: Mapping[str, Any]
    sources: list[Source]


def read_text(path: str, stdin: TextIO) -> str:
    """The text of FILE, or of stdin for `-`; UTF-8, with or without a byte-order mark."""
    try:
        if path == "-":
            raw = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode()
        else:
            raw = Path(path).read_bytes()
    except OSError as error:
        raise InvalidInput(f"cannot read {path}: {error.strerror}") from None
    try:
        return str(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise InvalidInput(
            f"{path} is not UTF-8 text (byte {error.start}); save it as UTF-8 and try again"
        ) from None


def read_records(
    text: str, fmt: FileFormat, *, name: str = "the file", progress: Progress | None = None
) -> list[Incoming]:
    """Every record of a file, checked; any problem in any row refuses the whole file."""
    if not text.strip():
        raise InvalidInput(f"{name} is empty; nothing was imported")
    if fmt is FileFormat.SQLITE:  # named .db or .sqlite, and not a database inside
        raise InvalidInput(
            f"{name} is not an SQLite database, though its name says so; if it is CSV, "
            "JSON or NDJSON, say which with --format"
        )
    with collector_paused():
        return _read_records(text, fmt, name, progress)


def _read_records(
    text: str, fmt: FileFormat, name: str, progress: Progress | None
) -> list[Incoming]:
    """Drafts from the file's rows, then each checked; ids must not repeat."""
    problems: list[FileProblem] = []
    if fmt is FileFormat.CSV:
        drafts = _csv_drafts(text, name, problems)
    else:
        drafts = _json_drafts(text, fmt, name, problems)
    return _checked(drafts, name, problems, progress)


@dataclasses.dataclass(frozen=True)
class ReadOptions:
    """How `import` and `reconcile` read a file, given once by the command and passed
    down whole: the column map (`maps`, `sets`, `values`, a `mapping_file`, `scale`,
    `skip_if`), where a sheet's table is (`sheet`, `header_row`, counted from 1), and
    what becomes of another tracker's rows: left out without an amount, rounded,
    corrections netted (`net`), refused rows set aside (`set_aside`)."""

    maps: Sequence[str] | None = None
    sets: Sequence[str] | None = None
    values: Sequence[str] | None = None
    mapping_file: Path | None = None
    skip_empty: bool = False
    round_amounts: bool = False
    sheet: str | None = None
    header_row: int | None = None
    scale: str | None = None
    skip_if: Sequence[str] | None = None
    net: bool = False
    set_aside: bool = False

    @property
    def changes_rows(self) -> bool:
        """Whether rows are left out, rounded, netted or set aside: what only a read
        through a column map (`read_mapped`) does."""
        return self.skip_empty or self.round_amounts or self.net or self.set_aside


class Rejected(NamedTuple):
    """A row set aside (`--rejects`): its number in the file, its cells as they were, and
    why it was refused."""

    number: int
    cells: Sequence[str]
    reason: str


@dataclasses.dataclass(frozen=True)
class Mapped:
    """A mapped file's records, and what the map did: rows left out (without an amount,
    or by a `--skip-if` rule), amounts rounded, corrections netted, rows set aside."""

    incoming: list[Incoming]
    skipped: int
    rounded: int
    left_out: int = 0
    netted: int = 0
    rejected: list[Rejected] = dataclasses.field(default_factory=list)
    columns: list[str] = dataclasses.field(default_factory=list)
    """The file's header, for the rejects file."""


class _Row(NamedTuple):
    """A row of another tracker's file before the map: its cells as text by column, its
    cells as they were (for the rejects file), and any sources it brings whole."""

    number: int
    where: str
    text: Mapping[str, str]
    cells: Sequence[str]
    sources: Sequence[Source] = ()


class TrackerRows(NamedTuple):
    """Another tracker's file as rows, before the map: the rows, the columns they have
    (which the map's scale warning reads), the header a rejects file repeats (none for
    JSON), and the problems found on the way."""

    rows: Iterable[_Row]
    columns: Collection[str]
    header: list[str]
    problems: list[FileProblem]


def table_rows(
    table: Sequence[Sequence[str]], header: int, column_map: ColumnMap, *, name: str
) -> TrackerRows:
    """A CSV's or a sheet's rows (its header at index `header`), each cell by its
    column's name; every column the map reads must be there."""
    if header >= len(table):
        raise InvalidInput(f"{name} has {len(table)} rows; there is no header in row {header + 1}")
    columns = [cell.strip() for cell in table[header]]
    missing = [c for c in column_map.columns_needed() if c not in columns]
    if missing:
        raise InvalidInput(
            f"{name}: no column {missing[0]!r} in row {header + 1}; its columns are "
            + ", ".join(repr(c) for c in columns if c)
        )
    rows = (
        _Row(number, f"row {number}", dict(zip(columns, cells, strict=False)), cells)
        for number, cells in enumerate(table[header + 1 :], start=header + 2)
        if "".join(cells).strip()
    )
    return TrackerRows(rows, columns, columns, [])


def item_rows(text: str, fmt: FileFormat, *, name: str) -> TrackerRows:
    """A JSON or NDJSON file's objects as rows, read as a CSV's are (`--set
    donor=Norway` on drafts that `extract` left open): each object's keys are its
    columns, its `sources` are kept, `years: [2023, 2027]` reads as `2023-2027`."""
    if not text.strip():
        raise InvalidInput(f"{name} is empty; nothing was imported")
    problems: list[FileProblem] = []
    rows = [
        _Row(number, where, _text_view(item), (), sources)
        for number, where, item, sources in _objects(_numbered(text, fmt, name, problems), problems)
    ]
    return TrackerRows(rows, {key for row in rows for key in row.text}, [], problems)


def _text_view(item: Mapping[str, Any]) -> dict[str, str]:
    """A JSON record's values as the text a CSV cell would hold."""
    view: dict[str, str] = {}
    for key, value in item.items():
        if isinstance(value, str):
            view[key] = value
        elif isinstance(value, int | Decimal) and not isinstance(value, bool):
            view[key] = f"{value:f}" if isinstance(value, Decimal) else str(value)
    years = item.get("years")
    if "year" not in view and isinstance(years, list) and len(years) == 2:
        view["year"] = f"{years[0]}-{years[1]}"
    return view


def read_mapped(
    source: TrackerRows,
    column_map: ColumnMap,
    options: ReadOptions,
    *,
    name: str,
    progress: Progress | None = None,
    warn: Callable[[str], None] | None = None,
) -> Mapped:
    """Another tracker's rows through a column map, checked: all or nothing, as every
    import, unless `options.set_aside`, which keeps every valid row and returns the
    others as `rejected`. Identical rows get ids of their own (`content_id` with their
    occurrence); a negative amount is a correction, refused, or with `options.net`
    subtracted from a row it corrects. `warn` is told, before any row is read, what
    looks wrong with the map (amounts in millions)."""
    warning = column_map.scale_warning(source.columns)
    if warning and warn is not None:
        warn(warning)
    problems = source.problems
    drafts: list[_Draft] = []
    corrections: set[int] = set()
    cells_of: dict[int, Sequence[str]] = {}
    occurrences: dict[str, int] = {}
    skipped = rounded = left_out = 0
    with collector_paused():
        for row in source.rows:
            number, where = row.number, row.where
            if column_map.skips and column_map.skipped(row.text):
                left_out += 1
                continue
            if options.set_aside:
                cells_of[number] = row.cells
            try:
                fields = column_map.fields(row.text, where)
            except InvalidInput as error:
                problems.append((number, str(error)))
                continue
            if options.skip_empty and mapping.empty_amount(fields):
                skipped += 1
                continue
            if options.round_amounts and mapping.rounded(fields):
                rounded += 1
            if "id" not in fields:
                fields["id"] = _occurrence_id(fields, occurrences)
            if mapping.correction(fields):
                if not options.net:
                    problems.append((number, _correction(where, fields)))
                    continue
                fields["amount"] = fields["amount"][1:]
                corrections.add(number)
            url, date, quote = _source_cells(fields)
            try:
                day = model.parse_date(date, "source date")
            except InvalidInput as error:
                problems.append((number, f"{where}, source date: {error}"))
                continue
            sources = [*row.sources, *([Source(url, day, quote)] if url or date or quote else [])]
            drafts.append(_Draft(number, where, "field", fields, sources))
        valid, found = _validated(drafts, progress, hint=column_map)
        problems += found
        kept, netted = _netted(valid, corrections, problems)
    if not options.set_aside:
        refuse(name, problems)
    reasons: dict[int, list[str]] = {}
    for number, message in problems:
        reasons.setdefault(number, []).append(message)
    rejected = [
        Rejected(number, cells_of.get(number, ()), "; ".join(_reason(m) for m in messages))
        for number, messages in sorted(reasons.items())
    ]
    incoming = [item for number, item in kept if number not in reasons]
    return Mapped(incoming, skipped, rounded, left_out, netted, rejected, source.header)


def _occurrence_id(fields: Mapping[str, str], occurrences: dict[str, int]) -> str:
    """The row's content id; the second of identical rows gets the id of its occurrence."""
    first = mapping.content_id(fields)
    count = occurrences[first] = occurrences.get(first, 0) + 1
    return first if count == 1 else mapping.content_id(fields, count)


def _correction(where: str, fields: Mapping[str, str]) -> str:
    """Why a negative amount is refused, and the two ways on."""
    amount = f"{fields.get('currency', '')} {fields['amount']}".strip()
    return (
        f"{where}, field amount: {amount} is a correction (a negative amount), not a pledge; "
        "set such rows aside with --rejects FILE, or subtract each from the records of "
        "the same donor, year, stage and category in the file with --negative net"
    )


def _reason(message: str) -> str:
    """A problem's message without the `row N` it starts with (the rejects file has a
    column for the row)."""
    head, comma, rest = message.partition(", ")
    if comma and head.startswith(("row ", "record ", "line ")) and ":" not in head:
        return rest
    head, colon, rest = message.partition(": ")
    return rest if colon and head.startswith(("row ", "record ", "line ")) else message


def _netted(
    valid: Sequence[tuple[_Draft, dict[str, Any]]],
    corrections: set[int],
    problems: list[FileProblem],
) -> tuple[list[tuple[int, Incoming]], int]:
    """The records, each correction subtracted from the largest record of the file with
    the same donor, recipient, year, stage, category and currency (the totals are the
    same whichever it is; the largest is the one that can take it). A correction with
    no such record, or that would leave it at zero or below, is a problem. How many
    were netted."""
    if not corrections:
        return [(draft.number, Incoming(draft.where, values)) for draft, values in valid], 0

    def key(values: Mapping[str, Any]) -> tuple[Any, ...]:
        return tuple(
            values[f] for f in ("donor", "recipient", "years", "status", "category", "currency")
        )

    records = [(draft, dict(values)) for draft, values in valid if draft.number not in corrections]
    alike: dict[tuple[Any, ...], list[int]] = {}
    for index, (_, values) in enumerate(records):
        alike.setdefault(key(values), []).append(index)
    notes: dict[int, list[str]] = {}
    netted = 0
    for draft, values in valid:
        if draft.number not in corrections:
            continue
        shown = f"{values['currency']} -{values['amount']:,f}"
        what = (
            f"{values['donor']} {values['years']}, {values['status']}, {values['category']}, "
            f"to {values['recipient']} in {values['currency']}"
        )
        candidates = alike.get(key(values))
        if not candidates:
            problems.append(
                (
                    draft.number,
                    f"{draft.where}, field amount: the correction {shown} has nothing to net: "
                    f"no record of {what} in the file (set it aside with --rejects FILE)",
                )
            )
            continue
        index = max(candidates, key=lambda i: records[i][1]["amount"])
        target, fields = records[index]
        left = fields["amount"] - values["amount"]
        if left <= 0:
            problems.append(
                (
                    draft.number,
                    f"{draft.where}, field amount: netting the correction {shown} from the "
                    f"largest record of {what} ({target.where}, {values['currency']} "
                    f"{fields['amount']:,f}) would leave {values['currency']} {left:,f}, and "
                    "a record is never netted to zero or below (set it aside with --rejects "
                    "FILE)",
                )
            )
            continue
        fields["amount"] = left
        notes.setdefault(index, []).append(f"{shown} netted ({draft.where})")
        netted += 1
    for index, lines in notes.items():
        values = records[index][1]
        values["note"] = "; ".join([values["note"], *lines] if values.get("note") else lines)
    return [(draft.number, Incoming(draft.where, values)) for draft, values in records], netted


def rejects_csv(columns: Sequence[str], rejected: Iterable[Rejected]) -> bytes:
    """The rows set aside as CSV: `row` and `reason`, then the file's own columns with
    each row's cells as they were, so that the file, fixed, imports with the same map."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["row", "reason", *columns])
    for row in rejected:
        writer.writerow([str(row.number), row.reason, *row.cells])
    return out.getvalue().encode()


def table_of(text: str, name: str) -> list[list[str]]:
    """A CSV's rows as cells."""
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL))
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise InvalidInput(f"{name} is not valid CSV ({error})") from None


WORKBOOK_BYTES = 512 * 2**20
"""The most a workbook read may unpack to: a 100,000-record export unpacks to 190 MB."""
PART_BYTES = 32 * 2**20
"""The most any part but a sheet may unpack to. openpyxl holds those whole (a 16 MB part
of tiny XML elements takes 400 MB and 4 s), and streams a sheet."""
SHEET_ROWS, SHEET_COLUMNS = 1_048_576, 16_384
"""Excel's own: no spreadsheet has a row or a column beyond."""
SHEET_CELLS = 10_000_000
"""The most cells read from a sheet, counting the empty ones before each row's last (a
100,000-record export has under 2.5 million): a row of a few bytes may end in column XFD."""
WORKBOOK_BOUNDS = (
    f"aidtrack reads at most {WORKBOOK_BYTES // 2**20} MB unpacked ({PART_BYTES // 2**20} MB "
    f"for a part that is not a sheet), and {SHEET_ROWS:,} rows, {SHEET_COLUMNS:,} columns "
    f"and {SHEET_CELLS:,} cells of a sheet"
)


def sheet_of(path: str, sheet: str | None, stdin: TextIO | None = None) -> list[list[str]]:
    """An Excel workbook's sheet (the first, or `sheet`) as rows of text cells (`-` reads
    the workbook from stdin), each row up to its last value. A file of a few kilobytes
    may unpack to gigabytes or declare Excel's whole sheet: it is read within
    `WORKBOOK_BOUNDS`, and any fault of its zip or XML is one line. openpyxl loads only
    for the command that reads one."""
    import openpyxl

    name = "stdin" if path == "-" else path
    with _workbook_errors(name), _workbook_file(path, name, stdin) as source:
        _check_unpacked(source, name)
        source.seek(0)
        book = openpyxl.load_workbook(source, read_only=True, data_only=True, keep_links=False)
        try:
            if sheet is not None and sheet not in book.sheetnames:
                raise InvalidInput(
                    f"{name} has no sheet {sheet!r}; its sheets are " + ", ".join(book.sheetnames)
                )
            return _sheet_rows(book[sheet] if sheet else book.worksheets[0], name)
        finally:
            book.close()


@contextlib.contextmanager
def _workbook_errors(name: str) -> Iterator[None]:
    """The zip's and the XML's faults as one line, wherever they strike: openpyxl's own
    messages run to three lines, and a sheet's XML is parsed only as its rows are read."""
    import zipfile
    import zlib
    from xml.parsers.expat import ExpatError

    import defusedxml
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        yield
    except AidtrackError:
        raise
    except (
        OSError,
        ValueError,  # openpyxl's, wrapping the fault (its cause)
        TypeError,  # openpyxl's, for an attribute of the wrong kind
        KeyError,  # a part the workbook names and lacks
        EOFError,
        SyntaxError,  # ElementTree's ParseError
        ExpatError,
        zipfile.BadZipFile,
        zlib.error,
        InvalidFileException,
    ) as error:
        fault: Exception = error
        while isinstance(fault.__cause__, Exception):
            fault = fault.__cause__
        if isinstance(fault, defusedxml.DefusedXmlException):
            raise InvalidInput(unsafe_xml(name, fault)) from None
        shown = str(fault).splitlines()[0] if str(fault).strip() else type(fault).__name__
        raise InvalidInput(f"cannot read {name} as an Excel workbook: {shown}") from None


@contextlib.contextmanager
def _workbook_file(path: str, name: str, stdin: TextIO | None) -> Iterator[BinaryIO]:
    """The workbook's bytes, from its file, or from stdin (at most `WORKBOOK_BYTES`)."""
    if path != "-":
        with open(path, "rb") as file:
            yield file
        return
    buffer = getattr(stdin, "buffer", None)
    data = buffer.read(WORKBOOK_BYTES + 1) if buffer is not None else b""
    if len(data) > WORKBOOK_BYTES:
        raise InvalidInput(
            f"cannot read {name} as an Excel workbook: it is larger than "
            f"{WORKBOOK_BYTES // 2**20} MB; {WORKBOOK_BOUNDS}"
        )
    yield io.BytesIO(data)


def _check_unpacked(source: BinaryIO, name: str) -> None:
    """Refuse a workbook that unpacks to more than `WORKBOOK_BYTES`, or any part but a
    sheet to more than `PART_BYTES`, from the sizes its zip declares (and zipfile holds
    each part to). A sheet is a part in xl/worksheets/ that the manifest gives no other
    type (it could make one the shared strings)."""
    import zipfile

    from openpyxl.packaging.manifest import Manifest
    from openpyxl.xml.constants import ARC_CONTENT_TYPES, WORKSHEET_TYPE
    from openpyxl.xml.functions import fromstring

    def refuse(what: str) -> InvalidInput:
        return InvalidInput(f"cannot read {name} as an Excel workbook: {what}; {WORKBOOK_BOUNDS}")

    with zipfile.ZipFile(source) as archive:
        parts = archive.infolist()
        unpacked = sum(part.file_size for part in parts)
        if unpacked > WORKBOOK_BYTES:
            raise refuse(f"it unpacks to {unpacked / 2**20:,.0f} MB")
        if archive.getinfo(ARC_CONTENT_TYPES).file_size > PART_BYTES:
            raise refuse(f"its part {ARC_CONTENT_TYPES} is larger than {PART_BYTES // 2**20} MB")
        manifest = Manifest.from_tree(fromstring(archive.read(ARC_CONTENT_TYPES)))
    typed = {o.PartName.lstrip("/") for o in manifest.Override if o.ContentType != WORKSHEET_TYPE}
    for part in parts:
        folder, _, _ = part.filename.rpartition("/")
        sheet = folder == "xl/worksheets" and part.filename not in typed
        if part.file_size > PART_BYTES and not sheet:
            raise refuse(f"its part {part.filename} unpacks to {part.file_size / 2**20:,.0f} MB")


def _sheet_rows(worksheet: Any, name: str) -> list[list[str]]:
    """The sheet's rows as text cells, each up to its last value, within `SHEET_ROWS`,
    `SHEET_COLUMNS` and `SHEET_CELLS`. The size the sheet declares is not read: openpyxl
    would pad every row to it."""
    worksheet.reset_dimensions()
    rows: list[list[str]] = []
    blank = 0  # empty rows since the last with a value: added only if another follows
    cells = 0
    for number, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
        cells += len(values)
        if number > SHEET_ROWS or len(values) > SHEET_COLUMNS or cells > SHEET_CELLS:
            beyond = (
                f"row {number:,}"
                if number > SHEET_ROWS
                else (
                    f"column {len(values):,}"
                    if len(values) > SHEET_COLUMNS
                    else f"{cells:,} cells by row {number:,}"
                )
            )
            raise InvalidInput(
                f"cannot read {name} as an Excel workbook: its sheet {worksheet.title!r} "
                f"reaches {beyond}; {WORKBOOK_BOUNDS}"
            )
        last = len(values)
        while last and values[last - 1] is None:
            last -= 1
        if not last:
            blank += 1
            continue
        rows.extend([] for _ in range(blank))
        blank = 0
        rows.append([mapping.as_text(value) for value in values[:last]])
    return rows


def _checked(
    drafts: Sequence[_Draft], name: str, problems: list[FileProblem], progress: Progress | None
) -> list[Incoming]:
    """Each draft checked by the one validation of records; ids must not repeat."""
    valid, found = _validated(drafts, progress)
    refuse(name, problems + found)
    return [Incoming(draft.where, values) for draft, values in valid]


def _validated(
    drafts: Sequence[_Draft], progress: Progress | None, *, hint: ColumnMap | None = None
) -> tuple[list[tuple[_Draft, dict[str, Any]]], list[FileProblem]]:
    """The drafts that pass the one validation of records (`model.Builder`) with their
    fields, and the problems of the others; an id may not repeat (the later is refused).
    With `hint` (the map a file is read through), an unknown donor, recipient or
    currency names the `--value` that maps it (or the `--skip-if` for a total row)."""
    builder = model.Builder()
    valid: list[tuple[_Draft, dict[str, Any]]] = []
    problems: list[FileProblem] = []
    first_of: dict[str, str] = {}
    for done, draft in enumerate(drafts, start=1):
        try:
            values = builder.values(draft.fields, draft.sources)
        except InvalidRecord as error:
            problems += (
                (
                    draft.number,
                    f"{draft.where}, {draft.word} {field}: {message}"
                    + (_value_hint(field, draft.fields, hint) if hint else ""),
                )
                for field, message in error.problems
            )
        else:
            pledge_id = values["id"]
            earlier = first_of.setdefault(pledge_id, draft.where) if pledge_id else draft.where
            if earlier != draft.where:
                problems.append((draft.number, f"{draft.where}: id {pledge_id} is also {earlier}"))
            else:
                valid.append((draft, values))
        if progress is not None and (done % 1000 == 0 or done == len(drafts)):
            progress(done, len(drafts))
    return valid, problems


def _value_hint(field: str, fields: Mapping[str, Any], column_map: ColumnMap) -> str:
    """For a word of the file aidtrack does not know as a donor, recipient or currency:
    the `--value` that maps it, or for a total row the `--skip-if` that leaves it out."""
    import shlex

    word = fields.get(field)
    if field not in ("donor", "recipient", "currency") or not isinstance(word, str) or not word:
        return ""
    if word.casefold() in TOTAL_WORDS:
        column = column_map.columns.get(field) or field
        option = f"{column}={word}"
        shown = option if shlex.quote(option) == option else f'"{option}"'
        return f" (a total row? leave it out: --skip-if {shown})"
    option = f"{field}:{word}=..."
    shown = option if shlex.quote(word) == word else f'"{option}"'
    return f" (a word of the file's own? map it: --value {shown})"


TOTAL_WORDS = frozenset(("total", "totals", "grand total", "sum", "subtotal", "all donors"))


def _cell(value: str) -> str | None:
    """A cell's text, or None when it is empty or only spaces."""
    return value if value and not value.isspace() else None


def _csv_drafts(text: str, name: str, problems: list[FileProblem]) -> list[_Draft]:
    """Rows numbered as a spreadsheet shows them (the header is row 1); rows of one id merged."""
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL))
    reader = csv.reader(io.StringIO(text, newline=""))
    source_date = model.memo(partial(model.parse_date, what="source date"))
    drafts: list[_Draft] = []
    by_id: dict[str, _Draft] = {}
    try:
        columns = _header(next(reader), name)
        for number, cells in enumerate(reader, start=2):
            joined = "".join(cells)
            if not joined.strip():
                continue
            where = f"row {number}"
            if len(cells) > len(columns):
                problems.append(
                    (number, f"{where} has {len(cells)} cells but the header has {len(columns)}")
                )
                continue
            if "'" in joined:  # else no cell was neutralised (nearly every row)
                cells = [unneutralise(c) for c in cells]
            row = dict(zip(columns, cells, strict=False))
            url, date, quote = _source_cells(row)
            source = None
            if url or date or quote:
                try:
                    source = Source(url, source_date(date) if date else None, quote)
                except InvalidInput as error:
                    problems.append((number, f"{where}, column source_date: {error}"))
            pledge_id = row.get("id", "").strip()
            first = by_id.get(pledge_id) if pledge_id else None
            if first is None:
                draft = _Draft(number, where, "column", row, [source] if source else [])
                drafts.append(draft)
                if pledge_id:
                    by_id[pledge_id] = draft
            else:
                problems.extend(_further_row_problems(first, row, number, where))
                if source:
                    first.sources.append(source)
    except csv.Error as error:
        raise InvalidInput(f"{name}: line {reader.line_num} is not valid CSV ({error})") from None
    return drafts


def _source_cells(row: Mapping[str, str]) -> tuple[str | None, str | None, str | None]:
    """A CSV row's source: url, date and quote, each None when empty."""
    return (
        _cell(row.get("source_url", "")),
        _cell(row.get("source_date", "")),
        _cell(row.get("quote", "")),
    )


def _header(cells: list[str], name: str) -> list[str]:
    columns = [cell.strip().lower() for cell in cells]
    unknown = [c for c in columns if c not in CSV_COLUMNS]
    if unknown:
        raise InvalidInput(
            f"{name}: unknown column {unknown[0]!r}; the columns are {','.join(CSV_COLUMNS)} "
            f"(another tracker's file is read through a map: --map FIELD=COLUMN, e.g. "
            f"--map donor={unknown[0]!r}; see aidtrack import --help)"
        )
    repeated = [c for c in CSV_COLUMNS if columns.count(c) > 1]
    if repeated:
        raise InvalidInput(f"{name}: the column {repeated[0]!r} appears twice in the header")
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise InvalidInput(
            f"{name}: no {', '.join(missing)} column; a CSV needs at least "
            f"{','.join(REQUIRED_COLUMNS)} (all columns: {','.join(CSV_COLUMNS)})"
        )
    return columns


def _further_row_problems(
    first: _Draft, row: Mapping[str, str], number: int, where: str
) -> Iterable[FileProblem]:
    """A further row of an id adds a source; its record columns must not say otherwise."""
    for column in RECORD_COLUMNS:
        value = row.get(column, "").strip()
        given = str(first.fields.get(column, "")).strip()
        if value and value != given:
            yield (
                number,
                f"{where}, column {column}: {value!r}, but {first.where} of the same id "
                f"says {given!r} (further rows of an id add sources; leave the other "
                "columns empty or the same)",
            )


def _json_drafts(
    text: str, fmt: FileFormat, name: str, problems: list[FileProblem]
) -> list[_Draft]:
    return _item_drafts(_numbered(text, fmt, name, problems), problems)


def _numbered(
    text: str, fmt: FileFormat, name: str, problems: list[FileProblem]
) -> list[tuple[int, str, Any]]:
    """A JSON file's records (an array's items, or one object), or an NDJSON file's
    lines, each with its number and its place as a message names it."""
    if fmt is FileFormat.JSON:
        document = _json_value(text, name)
        items = document if isinstance(document, list) else [document]
        return [(number, f"record {number}", item) for number, item in enumerate(items, 1)]
    numbered = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                numbered.append((number, f"line {number}", _json_value(line, f"line {number}")))
            except InvalidInput as error:
                problems.append((number, str(error)))
    return numbered


def read_items(items: Sequence[Any], name: str) -> list[Incoming]:
    """Records as JSON objects already read (an exported database's), checked as a
    JSON file's are."""
    problems: list[FileProblem] = []
    numbered = [(number, f"record {number}", item) for number, item in enumerate(items, 1)]
    with collector_paused():
        return _checked(_item_drafts(numbered, problems), name, problems, None)


def _item_drafts(
    numbered: Iterable[tuple[int, str, Any]], problems: list[FileProblem]
) -> list[_Draft]:
    return [
        _Draft(number, where, "field", item, sources)
        for number, where, item, sources in _objects(numbered, problems, JSON_FIELDS)
    ]


def _objects(
    numbered: Iterable[tuple[int, str, Any]],
    problems: list[FileProblem],
    known: Collection[str] | None = None,
) -> Iterator[tuple[int, str, dict[str, Any], list[Source]]]:
    """The objects of a JSON or NDJSON file with their sources; anything else, a key
    outside `known` (when given) or sources that do not read is a problem of its item."""
    for number, where, item in numbered:
        if not isinstance(item, dict):
            kind = "an array" if isinstance(item, list) else type(item).__name__
            problems.append((number, f"{where}: a record must be a JSON object, not {kind}"))
            continue
        unknown = sorted(item.keys() - known) if known is not None else []
        if unknown:
            problems.append((number, f"{where}: unknown field {unknown[0]!r}"))
            continue
        try:
            sources = [Source.from_json(source) for source in _source_list(item.get("sources"))]
        except InvalidInput as error:
            problems.append((number, f"{where}, field sources: {error}"))
            continue
        yield number, where, item, sources


def _source_list(value: object) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise InvalidInput("must be a list of {url, date, quote} objects")
    return value


def _json_value(text: str, where: str) -> Any:
    """JSON with numbers read from their digits (Decimal), never through a float."""
    import json

    def refuse(constant: str) -> None:
        raise ValueError(f"{constant} is not a number")

    try:
        return json.loads(text, parse_float=Decimal, parse_constant=refuse)
    except RecursionError:
        raise InvalidInput(f"{where} is nested too deeply to be a pledge") from None
    except ValueError as error:
        raise InvalidInput(f"{where} is not valid JSON ({error})") from None


def sample_records() -> list[Incoming]:
    """The shipped starter dataset, checked as every file is."""
    return read_records(sample_text(), FileFormat.CSV, name=SAMPLE_NAME)


def sample_text() -> str:
    """The shipped starter dataset (real, sourced pledges) as CSV."""
    from importlib.resources import files

    return (files("aidtrack") / "data" / "pledges-starter.csv").read_text(encoding="utf-8")
