"""Records in and out of files: CSV, JSON and NDJSON (DESIGN §4, `import` / `export`).

The CSV columns are those of the shipped dataset (`data/pledges-starter.csv`). A CSV
row carries one source: a record with several sources takes several rows with the
same `id`, the first carrying the record and each further row adding one source
(its other columns empty or equal to the first row's). JSON is an array of records
in the JSON contract (`list --json`), NDJSON one such record per line; `donor_code`
and `recipient_code` follow from the names, so a file's own are not read. Amounts
are text as `add` takes them, or JSON numbers read from their digits, never floats.

An import is all or nothing: `read_records` checks every row and lists every
problem, `plan_import` checks them against the store (ids, links, likely
duplicates), and only then `import_records` stores them, in one insert.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime as dt
import gc
import io
import operator
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any, TextIO, TypeVar

from . import analysis, model, money, places
from .errors import AidtrackError, InvalidInput, LikelyDuplicate
from .formats import FileFormat
from .ledger import Ledger, describe, write_atomically
from .model import Pledge, Source, YearSpan

CSV_COLUMNS = (
    "id",
    "donor",
    "recipient",
    "year",
    "amount",
    "currency",
    "qualifier",
    "status",
    "category",
    "label",
    "instrument",
    "announced_on",
    "source_url",
    "source_date",
    "quote",
    "supersedes",
    "part_of",
    "note",
)
REQUIRED_COLUMNS = ("donor", "recipient", "year", "amount", "currency")
SOURCE_COLUMNS = ("source_url", "source_date", "quote")
RECORD_COLUMNS = tuple(c for c in CSV_COLUMNS if c not in SOURCE_COLUMNS)
JSON_FIELDS = frozenset(
    (
        *RECORD_COLUMNS,
        "years",
        "donor_code",
        "recipient_code",
        "sources",
        "created_at",
        "updated_at",
    )
)
MAX_CELL = 64 * 1024 * 1024  # a 1 MB note must import; csv's default limit is 128 KB

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FIRST_OF_FORMULAS = frozenset((*FORMULA_STARTS, "'"))  # one character each
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")

T = TypeVar("T")
Problem = tuple[int, str]
"""(where in the file, message): problems are listed in file order."""
Progress = Callable[[int, int], None]
"""Told (records checked, records in all) while an import checks its rows."""


EXTENSIONS = {
    ".csv": FileFormat.CSV,
    ".json": FileFormat.JSON,
    ".ndjson": FileFormat.NDJSON,
    ".jsonl": FileFormat.NDJSON,
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
    """A cell a spreadsheet would run as a formula gets a leading `'` (OWASP advice).

    A cell that already starts with `'` before such a character gets one more, so that
    `unneutralise` gives back exactly what was exported.
    """
    if not cell or cell[0] not in _FIRST_OF_FORMULAS:  # nearly every cell: return at once
        return cell
    return "'" + cell if cell.lstrip("'").startswith(FORMULA_STARTS) else cell


def unneutralise(cell: str) -> str:
    """The cell as it was before `neutralise`."""
    if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


def csv_rows(pledge: Pledge) -> list[dict[str, str]]:
    """One CSV row per source: the first carries the record, each further row only the id
    and one more source (repeating a 1 MB note 10,000 times would make a 10 GB file)."""
    first = {
        "id": pledge.id,
        "donor": pledge.donor,
        "recipient": pledge.recipient,
        "year": pledge.year_label,
        "amount": f"{pledge.amount:f}",
        "currency": pledge.currency,
        "qualifier": pledge.qualifier.value,
        "status": pledge.status.value,
        "category": pledge.category.value,
        "label": pledge.label or "",
        "instrument": pledge.instrument.value,
        "announced_on": pledge.announced_on or "",
        "supersedes": pledge.supersedes or "",
        "part_of": pledge.part_of or "",
        "note": pledge.note or "",
    }
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


def csv_text(pledges: Iterable[Pledge]) -> str:
    """The records as CSV, formula cells neutralised.

    Lines end in CRLF (RFC 4180, as spreadsheets write it): only then does the writer
    quote a cell that holds a bare carriage return, which a reader would split.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for pledge in pledges:
        for row in csv_rows(pledge):
            writer.writerow([neutralise(row[column]) for column in CSV_COLUMNS])
    return buffer.getvalue()


def table_csv_text(rows: Iterable[dict[str, Any]], columns: Iterable[str]) -> str:
    """Any tidy table (report rows, rate rows) as CSV, formula cells neutralised; CRLF
    line ends as in `csv_text`, and true/false as JSON and pandas write them."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: neutralise(_table_cell(value)) for key, value in row.items()})
    return buffer.getvalue()


def _table_cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def export_text(pledges: Sequence[Pledge], fmt: FileFormat) -> str:
    """The records in a format that `import` reads back to the same records."""
    from .render import json_text, ndjson_text

    if fmt is FileFormat.CSV:
        return csv_text(pledges)
    rows = [pledge.to_json() for pledge in pledges]
    return json_text(rows) if fmt is FileFormat.JSON else ndjson_text(rows)


def write_file(path: Path, text: str) -> None:
    """Write an export whole or not at all, readable by its owner only."""
    try:
        write_atomically(path, text.encode())
    except OSError as error:
        raise InvalidInput(f"cannot write {path}: {error.strerror}") from None


def dangling_links(pledges: Sequence[Pledge]) -> list[str]:
    """Ids that the records point at but that are not among them (an export without --all)."""
    ids = {pledge.id for pledge in pledges}
    linked = (link for p in pledges for link in (p.supersedes, p.part_of) if link)
    return sorted({link for link in linked if link not in ids})


# Import: reading and checking rows -------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Incoming:
    """A checked record from a file: its id ("" when the file gave none) and other fields.

    The `Pledge` itself is made once its id is known (`plan_import`).
    """

    where: str
    id: str
    fields: Mapping[str, Any]

    def pledge(self, pledge_id: str = "") -> Pledge:
        return Pledge(id=pledge_id or self.id, **self.fields)

    @property
    def content(self) -> tuple[Any, ...]:
        """What the record says, to compare with `_content` of a stored one."""
        return tuple(_content_of_fields(self.fields))


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
    with _collector_paused():
        return _read_records(text, fmt, name, progress)


def _read_records(
    text: str, fmt: FileFormat, name: str, progress: Progress | None
) -> list[Incoming]:
    """Drafts from the file's rows, then each checked; ids must not repeat."""
    problems: list[Problem] = []
    if fmt is FileFormat.CSV:
        drafts = _csv_drafts(text, name, problems)
    else:
        drafts = _json_drafts(text, fmt, name, problems)
    checker = _Checker(model.now())
    incoming: list[Incoming] = []
    first_of: dict[str, str] = {}
    for done, draft in enumerate(drafts, start=1):
        checked = checker.check(draft, problems)
        if checked is not None:
            pledge_id, fields = checked
            if pledge_id:
                earlier = first_of.setdefault(pledge_id, draft.where)
                if earlier != draft.where:
                    problems.append(
                        (draft.number, f"{draft.where}: id {pledge_id} is also {earlier}")
                    )
            incoming.append(Incoming(draft.where, pledge_id, fields))
        if progress is not None and (done % 1000 == 0 or done == len(drafts)):
            progress(done, len(drafts))
    _refuse(name, problems)
    return incoming


def _refuse(
    name: str,
    problems: list[Problem],
    error: type[AidtrackError] = InvalidInput,
    hint: str = "",
) -> None:
    """Raise one error that lists every problem, in file order."""
    if not problems:
        return
    lines = [message for _, message in sorted(problems, key=lambda problem: problem[0])]
    if len(lines) == 1:
        raise error(f"{name}: {lines[0]}; nothing was imported{hint}")
    listed = "\n  ".join(lines)
    raise error(f"{name}: {len(lines)} problems; nothing was imported{hint}:\n  {listed}")


def _cell(value: str) -> str | None:
    """A cell's text, or None when it is empty or only spaces."""
    return value if value and not value.isspace() else None


def _csv_drafts(text: str, name: str, problems: list[Problem]) -> list[_Draft]:
    """Rows numbered as a spreadsheet shows them (the header is row 1); rows of one id merged."""
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CELL))
    reader = csv.reader(io.StringIO(text, newline=""))
    source_date = _memo(partial(model.parse_date, what="source date"))
    drafts: list[_Draft] = []
    by_id: dict[str, _Draft] = {}
    try:
        columns = _header(next(reader), name)
        for number, cells in enumerate(reader, start=2):
            if not "".join(cells).strip():
                continue
            where = f"row {number}"
            if len(cells) > len(columns):
                problems.append(
                    (number, f"{where} has {len(cells)} cells but the header has {len(columns)}")
                )
                continue
            row = dict(
                zip(columns, [unneutralise(c) if c[:1] == "'" else c for c in cells], strict=False)
            )
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
            f"{name}: unknown column {unknown[0]!r}; the columns are {','.join(CSV_COLUMNS)}"
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
) -> Iterable[Problem]:
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


def _json_drafts(text: str, fmt: FileFormat, name: str, problems: list[Problem]) -> list[_Draft]:
    if fmt is FileFormat.JSON:
        document = _json_value(text, name)
        items = document if isinstance(document, list) else [document]
        numbered = [(number, f"record {number}", item) for number, item in enumerate(items, 1)]
    else:
        numbered = []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    numbered.append((number, f"line {number}", _json_value(line, f"line {number}")))
                except InvalidInput as error:
                    problems.append((number, str(error)))
    drafts = []
    for number, where, item in numbered:
        if not isinstance(item, dict):
            kind = "an array" if isinstance(item, list) else type(item).__name__
            problems.append((number, f"{where}: a record must be a JSON object, not {kind}"))
            continue
        unknown = sorted(item.keys() - JSON_FIELDS)
        if unknown:
            problems.append((number, f"{where}: unknown field {unknown[0]!r}"))
            continue
        try:
            sources = [Source.from_json(source) for source in _source_list(item.get("sources"))]
        except InvalidInput as error:
            problems.append((number, f"{where}, field sources: {error}"))
            continue
        drafts.append(_Draft(number, where, "field", item, sources))
    return drafts


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


def _memo(parse: Callable[[str], T]) -> Callable[[object], T]:
    """`parse` run once per distinct text, its error included (a file repeats its names)."""
    parsed: dict[object, T] = {}
    refused: dict[str, str] = {}

    def cached(value: object) -> T:
        try:
            return parsed[value]
        except (KeyError, TypeError):  # not seen yet, or not text at all (a JSON list)
            pass
        text = _text(value)
        if text in refused:
            raise InvalidInput(refused[text])
        try:
            result = parsed[text] = parse(text)
        except InvalidInput as error:
            refused[text] = str(error)
            raise
        return result

    return cached


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidInput(f"must be text, not {type(value).__name__}")
    return value


def _link(value: object) -> str:
    return _text(value).strip()


def _pledge_id(value: object) -> str:
    text = _link(value)
    if not _ID.fullmatch(text):
        raise InvalidInput(
            f"id {text!r} must be up to 64 letters, digits, '.', '_', ':' or '-', "
            "starting with a letter or digit"
        )
    return text


def _timestamp(value: object) -> str:
    text = _text(value)
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInput(f"{text!r} is not a time like 2025-10-15T12:00:00Z") from None
    return text


def _amount(value: object) -> money.ParsedAmount:
    """Text as `add` takes it (`85000000000`, `85bn`, `NOK 85bn`), or an exact JSON number."""
    if isinstance(value, str):
        if value.isascii() and value.isdigit():  # the common case, 10x faster; same result
            number = Decimal(value)
            if 0 < number < money.MAX_AMOUNT:
                return money.ParsedAmount(number, None)
        return money.parse_amount(value)
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return money.ParsedAmount(money.check_amount(Decimal(value), str(value)), None)
    raise InvalidInput(f"must be a number or text, not {type(value).__name__}")


def _years(span: Callable[[object], YearSpan], value: object) -> YearSpan:
    """`2026`, `"2023-2027"` or `[2023, 2027]`."""
    if isinstance(value, int) and not isinstance(value, bool):
        return YearSpan.of(value, value)
    if isinstance(value, list):
        if len(value) == 2 and all(isinstance(y, int) and not isinstance(y, bool) for y in value):
            return YearSpan.of(value[0], value[1])
        raise InvalidInput("must be [start, end], like [2023, 2027]")
    return span(value)


def _mentioned(found: list[str], *names: str) -> bool:
    """Whether a problem was already found in one of these fields."""
    return any(problem.split(":", 1)[0] in names for problem in found)


class _Checker:
    """Turns raw fields into records, naming the row and column of every problem.

    `model.build` checks what a person typed and stops at the first problem; a file
    needs them all, and 100,000 rows need each distinct name or word checked once.
    """

    def __init__(self, stamp: str) -> None:
        self.stamp = stamp
        years = partial(_years, _memo(YearSpan.parse))
        self.parsers: dict[str, Callable[[object], Any]] = {
            "id": _pledge_id,
            "donor": _memo(partial(places.resolve, role="donor")),
            "recipient": _memo(partial(places.resolve, role="recipient")),
            "year": years,
            "years": years,
            "amount": _amount,
            "currency": _memo(money.normalize_currency),
            "qualifier": _memo(partial(model.choice, model.Qualifier, what="qualifier")),
            "status": _memo(partial(model.choice, model.Status, what="status")),
            "category": _memo(partial(model.choice, model.Category, what="category")),
            "label": _text,
            "instrument": _memo(partial(model.choice, model.Instrument, what="instrument")),
            "announced_on": _memo(partial(model.parse_date, what="date")),
            "supersedes": _link,
            "part_of": _link,
            "note": _text,
            "created_at": _timestamp,
            "updated_at": _timestamp,
        }

    def check(self, draft: _Draft, problems: list[Problem]) -> tuple[str, dict[str, Any]] | None:
        """The record's id and other fields, or None with its problems added to `problems`."""
        values: dict[str, Any] = {}
        found: list[str] = []
        for name, value in draft.fields.items():
            parse = self.parsers.get(name)
            if parse is None or value is None or value == "":
                continue
            if isinstance(value, str) and value.isspace():
                continue
            try:
                values[name] = parse(value)
            except InvalidInput as error:
                found.append(f"{name}: {error}")
        for name in ("donor", "recipient", "amount"):
            if name not in values and not _mentioned(found, name):
                found.append(f"{name}: missing")
        if (
            "year" not in values
            and "years" not in values
            and not _mentioned(found, "year", "years")
        ):
            found.append("year: missing")
        money_ = self._money(values, found)
        if found or money_ is None:
            problems.extend((draft.number, f"{draft.where}, {draft.word} {f}") for f in found)
            return None
        donor, recipient = values["donor"], values["recipient"]
        created_at = values.get("created_at", self.stamp)
        return values.get("id", ""), {
            "donor": donor.name,
            "donor_code": donor.code,
            "recipient": recipient.name,
            "recipient_code": recipient.code,
            "years": values.get("years") or values["year"],
            "amount": money_[0],
            "currency": money_[1],
            "qualifier": values.get("qualifier", model.Qualifier.EXACT),
            "status": values.get("status", model.Status.ANNOUNCED),
            "category": values.get("category", model.Category.MIXED),
            "label": values.get("label"),
            "instrument": values.get("instrument", model.Instrument.UNSPECIFIED),
            "announced_on": values.get("announced_on"),
            "sources": tuple(draft.sources),
            "supersedes": values.get("supersedes"),
            "part_of": values.get("part_of"),
            "note": values.get("note"),
            "created_at": created_at,
            "updated_at": values.get("updated_at", created_at),
        }

    @staticmethod
    def _money(values: Mapping[str, Any], found: list[str]) -> tuple[Decimal, str] | None:
        """The amount and its currency, given in the currency column or by the amount."""
        parsed: money.ParsedAmount | None = values.get("amount")
        given: str | None = values.get("currency")
        if parsed is None:
            return None
        if parsed.currency and given and parsed.currency != given:
            found.append(f"currency: the amount says {parsed.currency} but this says {given}")
            return None
        currency = given or parsed.currency
        if currency is None:
            if not _mentioned(found, "currency"):
                found.append("currency: missing; give an ISO 4217 code such as NOK or EUR")
            return None
        try:
            return money.check_places(parsed.value, currency), currency
        except InvalidInput as error:
            found.append(f"amount: {error}")
            return None


# Import: checking against the store, and writing --------------------------------------


@dataclasses.dataclass(frozen=True)
class ImportPlan:
    """What an import does: records to add, records to replace, ids already there as given."""

    added: list[Pledge]
    updated: list[Pledge]
    unchanged: list[str]


_CONTENT = tuple(
    field.name
    for field in dataclasses.fields(Pledge)
    if field.name not in ("id", "created_at", "updated_at")
)
_content_of_pledge = operator.attrgetter(*_CONTENT)
_content_of_fields = operator.itemgetter(*_CONTENT)


def _content(pledge: Pledge) -> tuple[Any, ...]:
    """What a record says, without what a store sets itself (its id and times)."""
    return tuple(_content_of_pledge(pledge))


def same_records(stored: Sequence[Pledge], records: Sequence[Pledge]) -> bool:
    """Whether a store holds these records and nothing else (times aside)."""
    return {p.id: _content(p) for p in stored} == {p.id: _content(p) for p in records}


def _differences(old: Pledge, new: Pledge) -> list[str]:
    before, after = old.to_json(), new.to_json()
    ignored = {"created_at", "updated_at"}
    return [
        key
        for key in {**before, **after}
        if key not in ignored and before.get(key) != after.get(key)
    ]


_Placed = tuple[str, Pledge]
"""A record of the file with its final id, and where the file has it."""


def plan_import(
    ledger: Ledger,
    incoming: Sequence[Incoming],
    *,
    name: str = "the file",
    update: bool = False,
    force: bool = False,
) -> ImportPlan:
    """Check the records against the store; change nothing but the id counter.

    A record whose id is stored with the same content (times aside) is left alone, one
    with other content is refused unless `update`; a record without an id that matches
    a stored record's content is that record. Links may point into the file or the
    store; new records that resemble current stored ones are refused unless `force`.
    """
    stored = {pledge.id: pledge for pledge in ledger.pledges()}
    position = {item.where: index for index, item in enumerate(incoming)}
    new, updated, unchanged, problems = _sort_out(stored, incoming, position, update)
    given = {item.id for item in new if item.id}
    fresh = iter(ledger.new_ids(len(new) - len(given), avoid=given))
    added = [(item.where, item.pledge(item.id or next(fresh))) for item in new]
    problems += _Links(stored, added + updated).problems(position)
    _refuse(name, problems)
    if not force:
        where = {pledge.id: label for label, pledge in added}
        duplicates = [
            (position[where[new.id]], f"{where[new.id]}: looks like a duplicate of {describe(old)}")
            for new, old in ledger.likely_duplicates(pledge for _, pledge in added)
        ]
        hint = "; add --force if these are different pledges"
        _refuse(name, duplicates, LikelyDuplicate, hint)
    return ImportPlan([p for _, p in added], [p for _, p in updated], unchanged)


def _sort_out(
    stored: Mapping[str, Pledge],
    incoming: Sequence[Incoming],
    position: Mapping[str, int],
    update: bool,
) -> tuple[list[Incoming], list[_Placed], list[str], list[Problem]]:
    """New records, records to replace, ids already stored as given, and id conflicts."""
    unclaimed: dict[tuple[Any, ...], list[str]] = defaultdict(list)
    if stored and any(not item.id for item in incoming):
        claimed = {item.id for item in incoming}
        for pledge in stored.values():
            if pledge.id not in claimed:
                unclaimed[_content(pledge)].append(pledge.id)
    new: list[Incoming] = []
    updated: list[_Placed] = []
    unchanged: list[str] = []
    problems: list[Problem] = []
    stamp = model.now()
    for item in incoming:
        old = stored.get(item.id)
        if not item.id:
            twins = unclaimed.get(item.content) if unclaimed else None
            if twins:
                unchanged.append(twins.pop(0))
            else:
                new.append(item)
        elif old is None:
            new.append(item)
        elif _content(old) == item.content:
            unchanged.append(old.id)
        elif update:
            times = {"created_at": old.created_at, "updated_at": stamp}
            updated.append((item.where, Pledge(id=old.id, **{**item.fields, **times})))
        else:
            changed = ", ".join(_differences(old, item.pledge()))
            message = f"{item.id} is stored with another {changed}; add --update to replace it"
            problems.append((position[item.where], f"{item.where}: {message}"))
    return new, updated, unchanged, problems


class _Links:
    """`supersedes` and `part_of` checked as `Ledger.add` checks them, over store and file.

    Checked on the store as it will be, so the file's rows may come in any order. The
    file may hold whole histories: a part of a whole that a record of the same file
    revises is history; only a whole superseded in the store already takes no new parts.
    """

    def __init__(self, stored: Mapping[str, Pledge], touched: Sequence[_Placed]) -> None:
        self.stored = stored
        self.final = {**stored, **{pledge.id: pledge for _, pledge in touched}}
        self.where = {pledge.id: label for label, pledge in touched}
        self.revisers: dict[str, list[str]] = defaultdict(list)
        for pledge in self.final.values():
            if pledge.supersedes:
                self.revisers[pledge.supersedes].append(pledge.id)
        self.looped = {
            column: analysis.looped(
                {i: link for i, p in self.final.items() if (link := getattr(p, column))}
            )
            for column in ("supersedes", "part_of")
        }
        self.superseded_before = analysis.superseded_ids(stored.values()) if touched else set()

    def problems(self, position: Mapping[str, int]) -> list[Problem]:
        """Problems of the file's records, and of stored records that point at them."""
        found: list[Problem] = []
        where = self.where
        for pledge in self.final.values():
            mine = pledge.id in where
            if not (mine or pledge.supersedes in where or pledge.part_of in where):
                continue
            if pledge.supersedes is None and pledge.part_of is None:
                continue
            label = where.get(pledge.id) or f"{pledge.id} (in the store)"
            for column, message in self._check(pledge, mine):
                found.append((position.get(label, -1), f"{label}, column {column}: {message}"))
        return found

    def _check(self, pledge: Pledge, mine: bool) -> Iterable[tuple[str, str]]:
        links = {"supersedes": pledge.supersedes, "part_of": pledge.part_of}
        old = self.stored.get(pledge.id)
        for column, link in links.items():
            if link is None:
                continue
            target = self.final.get(link)
            if target is None:
                yield column, f"no pledge {link!r} in the store or in the file"
            elif target.donor != pledge.donor:
                relation = "a revision of" if column == "supersedes" else "part of"
                yield (
                    column,
                    f"{link} is {target.donor}'s; a {pledge.donor} record cannot be {relation} it",
                )
            elif pledge.id in self.looped[column]:
                yield column, f"the {column} links from {pledge.id} lead back to it"
            elif not mine or (old is not None and getattr(old, column) == link):
                continue
            elif column == "part_of" and link in self.superseded_before:
                yield column, f"{link} is superseded; parts belong to its current version"
            elif column == "supersedes" and len(self.revisers[link]) > 1:
                other = next(i for i in self.revisers[link] if i != pledge.id)
                yield column, f"{link} is also revised by {other}; a version is revised once"


def import_records(
    ledger: Ledger,
    incoming: Sequence[Incoming],
    *,
    name: str = "the file",
    update: bool = False,
    force: bool = False,
    dry_run: bool = False,
) -> ImportPlan:
    """Check the records against the store, then store them all (unless `dry_run`), or
    raise and store none: one TinyDB update for replaced records, one insert for new ones.
    """
    with _collector_paused():
        plan = plan_import(ledger, incoming, name=name, update=update, force=force)
        if not dry_run:
            ledger.replace_all(plan.updated)
            ledger.add_all(plan.added)
    return plan


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while an import builds its records.

    Every object built is kept, so its passes free nothing, yet each walks all of them
    again: without this a 100,000-row import takes a third longer.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_sample(ledger: Ledger) -> int:
    """Load the shipped starter dataset into an empty store: how many records, or 0 when
    the store already holds exactly the sample. Never mixes it into other records.
    """
    incoming = read_records(sample_text(), FileFormat.CSV, name="the sample dataset")
    held = ledger.pledges()
    if not held:
        return len(import_records(ledger, incoming, name="the sample dataset").added)
    if same_records(held, [item.pledge() for item in incoming]):
        return 0
    raise InvalidInput(
        f"store {ledger.path} already holds {len(held)} pledges; --sample fills only an "
        "empty store, so it was left as it is (for a separate sample store: "
        "aidtrack --db sample.json init --sample)"
    )


def sample_text() -> str:
    """The shipped starter dataset (real, sourced pledges) as CSV."""
    from importlib.resources import files

    return (files("aidtrack") / "data" / "pledges-starter.csv").read_text(encoding="utf-8")
