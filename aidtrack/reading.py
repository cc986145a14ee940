"""Which reader a file takes, for `import` and `reconcile` alike (`read_any`): an
SQLite export, IATI activity XML, another tracker's table through a column map, or
aidtrack's own CSV, JSON or NDJSON; each file's records checked, all or nothing unless
rows are set aside."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TextIO

from .errors import InvalidInput
from .formats import FileFormat

if TYPE_CHECKING:
    from .importing import Incoming
    from .interchange import Mapped, Progress, ReadOptions, TrackerRows
    from .mapping import ColumnMap


def counted_rows(count: int) -> str:
    """`1 row`, `2 rows`."""
    return f"{count} row" if count == 1 else f"{count} rows"


class Read(NamedTuple):
    """A file's checked records, whether they came through a column map (a tracker's
    file, whose delivery-stage rows are linked to their promises), notes for the
    summary, and for a mapped file what the map did (the rows set aside among it)."""

    incoming: list[Incoming]
    mapped: bool
    notes: list[str]
    table: Mapped | None = None


def read_any(
    file: str,
    fmt: FileFormat | None,
    reading: ReadOptions,
    *,
    stdin: TextIO,
    warn: Callable[[str], None],
    progress: Progress | None = None,
) -> Read:
    """FILE (- for `stdin`) read with the options `reading`: its records, checked, all
    or nothing unless `reading.set_aside`. A warning about the map (amounts that look
    counted in millions) goes to `warn`."""
    from . import interchange, presets
    from .mapping import ColumnMap
    from .mapping import mapping_text as mapping_of

    name = "stdin" if file == "-" else file
    mapping_text = (
        mapping_of(str(reading.mapping_file), lambda path: interchange.read_text(path, stdin))
        if reading.mapping_file
        else None
    )
    column_map = ColumnMap.parse(
        reading.maps or (),
        reading.sets or (),
        reading.values or (),
        mapping_text,
        scale=reading.scale,
        skips=reading.skip_if or (),
    )
    options = presets.options(mapping_text) if mapping_text else presets.Options()
    if options.reader == "iati" or (
        not column_map.columns and file != "-" and _is_iati(Path(file))
    ):
        return _read_iati(file, column_map, stdin, row_options=reading.net or reading.set_aside)
    reading = dataclasses.replace(
        reading,
        sheet=reading.sheet or options.sheet,
        skip_empty=reading.skip_empty or options.skip_empty,
        round_amounts=reading.round_amounts or options.round,
    )
    excel = fmt is FileFormat.XLSX or (fmt is None and name.lower().endswith(".xlsx"))
    if column_map.given or excel or reading.changes_rows:
        read = _read_mapped(
            file, fmt, column_map, reading, excel=excel, stdin=stdin, warn=warn, progress=progress
        )
        corrections = "correction" if read.netted == 1 else "corrections"
        done = (  # what the map did, noted when its option was given
            (reading.skip_empty, f"{read.skipped} rows without an amount left out"),
            (column_map.skips, f"{counted_rows(read.left_out)} left out by --skip-if"),
            (reading.round_amounts, f"{read.rounded} amounts rounded to the currency's minor unit"),
            (reading.net, f"{read.netted} {corrections} netted"),
        )
        return Read(read.incoming, True, [note for given, note in done if given], read)
    if fmt is FileFormat.SQLITE or (file != "-" and _is_database(Path(file))):
        from . import database

        incoming = interchange.read_items(database.records(Path(file)), name)
    else:
        text = interchange.read_text(file, stdin)
        incoming = interchange.read_records(
            text, fmt or interchange.format_of(name, text), name=name, progress=progress
        )
    return Read(incoming, False, [])


def _read_mapped(
    file: str,
    fmt: FileFormat | None,
    column_map: ColumnMap,
    reading: ReadOptions,
    *,
    excel: bool,
    stdin: TextIO,
    warn: Callable[[str], None],
    progress: Progress | None,
) -> Mapped:
    """A CSV's, a sheet's, a JSON or an NDJSON file's rows through a column map."""
    from . import interchange

    name = "stdin" if file == "-" else file
    if fmt is FileFormat.SQLITE or (not excel and file != "-" and _is_database(Path(file))):
        raise InvalidInput(
            f"{name} is an SQLite database, which is imported whole: a column map, "
            "--skip-empty, --round, --scale, --skip-if, --negative and --rejects are for CSV, "
            "XLSX, JSON and NDJSON files"
        )
    if excel:
        rows = _table_rows(
            interchange.sheet_of(file, reading.sheet, stdin), column_map, reading, name
        )
    else:
        text = interchange.read_text(file, stdin)
        kind = fmt or interchange.format_of(name, text)
        if kind in (FileFormat.JSON, FileFormat.NDJSON):
            if reading.set_aside:
                raise InvalidInput(
                    f"--rejects sets aside rows of a CSV or XLSX file, and {name} is "
                    f"{kind.upper()}; import it without --rejects to see every problem"
                )
            rows = interchange.item_rows(text, kind, name=name)
        else:
            rows = _table_rows(interchange.table_of(text, name), column_map, reading, name)
    return interchange.read_mapped(
        rows, column_map, reading, name=name, progress=progress, warn=warn
    )


def _table_rows(
    cells: list[list[str]], column_map: ColumnMap, reading: ReadOptions, name: str
) -> TrackerRows:
    """A CSV's or a sheet's rows, below the header row given (`--header-row`), else
    found."""
    from . import interchange

    header = reading.header_row - 1 if reading.header_row else _header_of(cells, column_map)
    return interchange.table_rows(cells, header, column_map, name=name)


def _is_iati(path: Path) -> bool:
    from .iati import sniff

    return sniff(str(path))


def _read_iati(file: str, column_map: ColumnMap, stdin: TextIO, *, row_options: bool) -> Read:
    """An IATI activity file (`--mapping iati`, or its root says so): its deliveries
    carry their links already."""
    from . import iati

    name = "stdin" if file == "-" else file
    if row_options or column_map.scale is not None or column_map.skips:
        raise InvalidInput(
            f"{name} is IATI activity XML, read by activity: --scale, --skip-if, "
            "--negative and --rejects are for the rows of CSV, XLSX, JSON and NDJSON files"
        )
    read = iati.read(iati.read_bytes(file, stdin), column_map, name=name)
    return Read(read.incoming, False, read.notes)


def _is_database(path: Path) -> bool:
    from .database import is_sqlite

    return is_sqlite(path)


def _header_of(table: list[list[str]], column_map: ColumnMap) -> int:
    """The header's index: the first row naming every mapped column (a sheet may have a
    title above its table), else the first row."""
    from .mapping import header_row

    needed = column_map.columns_needed()
    return header_row(table, needed) if needed else 0
