"""Hostile files and output paths (audit, issue 25, items 5, 6, 9 and 12): a small file
that claims a huge sheet or runs a query for ever ends by itself in a one-line error, a
workbook's XML entities are refused in one line, an exported database imports back
whatever its name, and `export -o` writes only regular files."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from aidtrack.store import write

from .conftest import (
    NOR_2026,
    Aidtrack,
    bulky_store,
    interrupted_before_the_entry_point,
    run_process,
)

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TYPES = "application/vnd.openxmlformats-officedocument.spreadsheetml"
HEADER = ("donor", "recipient", "year", "amount", "currency")
RECORD = ("Norway", "Ukraine", "2024", "1000000", "NOK")
ENTITIES = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
Part = str | bytes | Iterable[bytes]
EXTERNAL = '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'


def cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def row(number: int, cells: tuple[str, ...]) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    inner = "".join(cell(f"{letters[i]}{number}", text) for i, text in enumerate(cells))
    return f'<row r="{number}">{inner}</row>'


def sheet_xml(rows: str, *, dimension: str = "A1:E2", head: str = "") -> str:
    return (
        f'<?xml version="1.0"?>{head}<worksheet xmlns="{MAIN}"><dimension ref="{dimension}"/>'
        f"<sheetData>{row(1, HEADER)}{row(2, RECORD)}{rows}</sheetData></worksheet>"
    )


def workbook(
    path: Path, sheet: Part, *, parts: dict[str, Part] | None = None, head: str = ""
) -> Path:
    """A minimal .xlsx, built by hand as a hostile file would be: one sheet, and
    `parts` adding shared strings or others; `head` goes before the workbook part's
    root element. A part given as chunks is written (and packed) as it comes."""
    strings = (
        f'<Override PartName="/xl/sharedStrings.xml" ContentType="{TYPES}.sharedStrings+xml"/>'
        if parts and "xl/sharedStrings.xml" in parts
        else ""
    )
    files: dict[str, Part] = {
        "[Content_Types].xml": (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
            '2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
            f'ContentType="{TYPES}.sheet.main+xml"/><Override PartName="/xl/worksheets/'
            f'sheet1.xml" ContentType="{TYPES}.worksheet+xml"/>{strings}</Types>'
        ),
        "_rels/.rels": (
            f'<?xml version="1.0"?><Relationships xmlns="{RELATIONSHIPS}"><Relationship '
            f'Id="rId1" Type="{OFFICE}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0"?>{head}<workbook xmlns="{MAIN}" xmlns:r="{OFFICE}"><sheets>'
            '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0"?><Relationships xmlns="{RELATIONSHIPS}"><Relationship '
            f'Id="rId1" Type="{OFFICE}/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": sheet,
        **(parts or {}),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, content in files.items():
            if isinstance(content, str | bytes):
                archive.writestr(name, content)
                continue
            with archive.open(name, "w", force_zip64=True) as part:
                for chunk in content:
                    part.write(chunk)
    return path


def padded(xml: str, megabytes: int) -> Iterator[bytes]:
    """`xml` with `megabytes` of spaces before its last tag, in chunks: a part that
    unpacks to that much and packs to a few hundred kilobytes."""
    head, tail = xml.rsplit("<", 1)
    yield head.encode()
    for _ in range(megabytes):
        yield b" " * 2**20
    yield b"<" + tail.encode()


def many_strings(count: int) -> Iterator[bytes]:
    """Shared strings of `count` empty texts (13 bytes each unpacked, about nothing packed)."""
    yield f'<?xml version="1.0"?><sst xmlns="{MAIN}">'.encode()
    for _ in range(count // 100_000):
        yield b"<si><t/></si>" * 100_000
    yield b"</sst>"


def hostile_workbooks(folder: Path) -> dict[str, Path]:
    """Workbooks of a few kilobytes that cost minutes and gigabytes to read as they claim."""
    far = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    wide = "".join(f'<row r="{n}"><c r="XFD{n}"><v>1</v></c></row>' for n in range(3, 700))
    return {
        "a value in the last row and column Excel has": workbook(
            folder / "far.xlsx", sheet_xml(far, dimension="A1:XFD1048576")
        ),
        "a row beyond Excel's last": workbook(
            folder / "beyond.xlsx", sheet_xml(row(2_000_000, RECORD))
        ),
        "rows as wide as Excel's widest": workbook(folder / "wide.xlsx", sheet_xml(wide)),
        "six million shared strings": workbook(
            folder / "strings.xlsx",
            sheet_xml(""),
            parts={"xl/sharedStrings.xml": many_strings(6_000_000)},
        ),
        "a sheet that unpacks to 600 MB": workbook(
            folder / "unpacked.xlsx", padded(sheet_xml(""), 600)
        ),
    }


def spawned_import(store: Path, file: Path, *extra: str) -> tuple[subprocess.Popen[str], float]:
    env = {**os.environ, "AIDTRACK_DB": str(store)}
    process = subprocess.Popen(
        [sys.executable, "-m", "aidtrack", "import", str(file), *extra],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return process, time.monotonic()


def ends_by_itself(store: Path, file: Path, *extra: str) -> str:
    """The import of `file` ends on its own with exit 1 in under 5 s; its stderr."""
    process, started = spawned_import(store, file, *extra)
    try:
        _, err = process.communicate(timeout=30)
    finally:
        process.kill()
        process.communicate()
    elapsed = time.monotonic() - started
    assert process.returncode == 1, (process.returncode, err)
    assert elapsed < 5, f"took {elapsed:.1f} s"
    return err


def one_line(text: str) -> str:
    lines = text.splitlines()
    assert len(lines) == 1, text
    return lines[0]


# 5. Hangs -------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "kind",
    [
        "a value in the last row and column Excel has",
        "a row beyond Excel's last",
        "rows as wide as Excel's widest",
        "six million shared strings",
        "a sheet that unpacks to 600 MB",
    ],
)
def test_a_workbook_that_claims_a_huge_sheet_ends_by_itself(
    aidtrack: Aidtrack, store: Path, tmp_path: Path, kind: str
) -> None:
    aidtrack.ok("add", *NOR_2026)
    before = store.read_bytes()
    file = hostile_workbooks(tmp_path)[kind]
    assert file.stat().st_size < 3_000_000
    err = ends_by_itself(store, file)
    assert store.read_bytes() == before
    if kind != "a value in the last row and column Excel has":  # a sheet Excel could hold
        line = one_line(err)
        assert "1,048,576 rows, 16,384 columns and 10,000,000 cells" in line, line
        assert "512 MB" in line and "32 MB" in line, line


def test_a_workbook_read_within_its_bounds_imports(aidtrack: Aidtrack, tmp_path: Path) -> None:
    """Cells past the rows' values, far to the right and far down, cost nothing and
    change nothing: a spreadsheet formats whole columns."""
    styled = '<row r="40000"><c r="XFD40000" s="1"/></row>'
    file = workbook(tmp_path / "styled.xlsx", sheet_xml(styled, dimension="A1:XFD1048576"))
    started = time.monotonic()
    aidtrack.ok("import", str(file))
    assert time.monotonic() - started < 5  # it was 655 million cells
    assert [(p["donor"], p["amount"]) for p in aidtrack.json("list")] == [("Norway", "1000000")]


def recursive_database(path: Path, *, view: str = "pledges", generated: bool = False) -> Path:
    """An 8 KB file whose `view` recurses for ever (or whose pledges computes a column)."""
    tables = {
        "pledges": "CREATE TABLE pledges (id TEXT, donor TEXT)",
        "sources": "CREATE TABLE sources (pledge_id TEXT, position INTEGER, url TEXT, "
        "date TEXT, quote TEXT)",
    }
    tables[view] = (
        f"CREATE VIEW {view} AS WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
        "SELECT x AS id, x AS pledge_id, x AS position FROM c WHERE x < 0"
    )
    with sqlite3.connect(path) as db:
        for statement in tables.values():
            db.execute(statement)
        if generated:  # added once the rows are in: SQLite computes it as each is read
            db.executemany("INSERT INTO pledges VALUES (?, 'Norway')", [("a",)] * 50)
            db.execute(
                "ALTER TABLE pledges ADD COLUMN note TEXT "
                "AS (length(printf('%.*c', 500000000, 'x')))"
            )
    db.close()
    return path


@pytest.mark.slow
@pytest.mark.parametrize(
    ("view", "generated"), [("pledges", False), ("sources", False), ("sources", True)]
)
def test_a_database_that_would_query_for_ever_ends_by_itself(
    aidtrack: Aidtrack, store: Path, tmp_path: Path, view: str, generated: bool
) -> None:
    aidtrack.ok("add", *NOR_2026)
    before = store.read_bytes()
    file = recursive_database(tmp_path / "pledges.db", view=view, generated=generated)
    line = one_line(ends_by_itself(store, file))
    assert "is not a database aidtrack exported" in line
    assert ("computed" if generated else f"{view} is a view") in line, line
    assert store.read_bytes() == before


def populated_export(aidtrack: Aidtrack, folder: Path, suffix: str, count: int) -> Path:
    """An export of `count` records, long enough to read to be stopped while reading."""
    source = folder / "source.json"
    write(source, bulky_store(count, years=70, note=500))
    exported = folder / f"exported{suffix}"
    aidtrack.ok("--db", str(source), "export", "--all", "-o", str(exported))
    return exported


def unsorted_sources(database: Path) -> Path:
    """The database with 2 million sources in no order and no index: SQLite sorts them
    all in one step (half a second), inside which Python's signal handlers cannot run."""
    with sqlite3.connect(database) as db:
        db.execute("DROP TABLE sources")
        db.execute("CREATE TABLE sources (pledge_id TEXT, position INTEGER, url, date, quote)")
        db.executemany(
            "INSERT INTO sources (pledge_id, position) VALUES (?, ?)",
            ((f"x{(i * 7919) % 1_000_003}", i) for i in range(2_000_000)),
        )
    db.close()
    return database


@pytest.mark.slow
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
@pytest.mark.parametrize("kind", ["database", "workbook", "database sorting its sources"])
def test_an_import_stops_on_a_signal_and_leaves_the_store(
    aidtrack: Aidtrack,
    store: Path,
    tmp_path: Path,
    signum: signal.Signals,
    code: int,
    kind: str,
) -> None:
    """Ctrl-C or SIGTERM at many moments of reading a file, in Python or inside SQLite:
    the process ends with the signal's exit code (never a one-line error about the
    file), the store as it was."""
    if kind == "workbook":
        exported = populated_export(aidtrack, tmp_path, ".xlsx", 3000)
    elif kind == "database":
        exported = populated_export(aidtrack, tmp_path, ".db", 20_000)
    else:
        exported = unsorted_sources(populated_export(aidtrack, tmp_path, ".db", 3000))
    first = 0.3 if kind == "database sorting its sources" else 0.05  # when the sort starts
    aidtrack.ok("add", *NOR_2026)
    before = store.read_bytes()
    codes = set()
    for attempt in range(8):
        process, _ = spawned_import(store, exported, "--dry-run")
        time.sleep(first + attempt * 0.1)
        process.send_signal(signum)
        _, err = process.communicate(timeout=30)
        assert store.read_bytes() == before
        if interrupted_before_the_entry_point(process.returncode, err):  # a loaded machine
            continue
        codes.add(process.returncode)
        assert process.returncode in (0, code, -signum), err  # -signum: before Python ran
        assert "Traceback" not in err
    assert code in codes, f"never stopped a read in progress: {codes}"


# 6. XML entities in a workbook ----------------------------------------------------------


@pytest.mark.parametrize(
    ("part", "head", "said"),
    [
        ("sheet", ENTITIES, "defines the XML entity 'a'"),
        ("sheet", EXTERNAL, "defines the XML entity 'e'"),
        ("workbook", ENTITIES, "defines the XML entity 'a'"),
        ("strings", ENTITIES, "defines the XML entity 'a'"),
        ("sheet", '<!DOCTYPE x SYSTEM "file:///etc/passwd">', "undefined entity"),
    ],
)
def test_xml_entities_in_a_workbook_are_refused_in_one_line(
    aidtrack: Aidtrack, store: Path, tmp_path: Path, part: str, head: str, said: str
) -> None:
    aidtrack.ok("add", *NOR_2026)
    before = store.read_bytes()
    strings = f'<?xml version="1.0"?>{head}<sst xmlns="{MAIN}"><si><t>&a;</t></si></sst>'
    file = workbook(
        tmp_path / "entities.xlsx",
        sheet_xml(row(3, ("&a;", "&e;")), head=head if part == "sheet" else ""),
        head=head if part == "workbook" else "",
        parts={"xl/sharedStrings.xml": strings} if part == "strings" else None,
    )
    result = aidtrack("import", str(file))
    line = one_line(result.stderr)
    assert result.exit_code == 1, result.stderr
    assert str(file) in line, line
    assert said in line and "internal error" not in line, line
    assert store.read_bytes() == before


# 12. An exported database imports back, whatever its name -------------------------------


@pytest.mark.parametrize("name", ["exp#1.db", "exp?1.db", "exp%1.db", "exp%231.db"])
def test_an_exported_database_imports_back_whatever_its_name(
    aidtrack: Aidtrack, tmp_path: Path, name: str
) -> None:
    aidtrack.ok("add", *NOR_2026)
    folder = tmp_path / "out"
    folder.mkdir()
    exported = folder / name
    aidtrack.ok("export", "-o", str(exported))
    made = sorted(p.name for p in folder.iterdir())
    again = tmp_path / "again.json"
    result = aidtrack.ok("--db", str(again), "import", str(exported))
    assert "1 new" in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == made  # no stray `exp`


# 9. export -o writes a regular file only ------------------------------------------------


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def device(path: Path) -> Path:
    """A character device like /dev/null, made in the test's own folder (root only)."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return path


def linked_fifo(path: Path) -> Path:
    path.symlink_to(fifo(path.with_name("the-pipe")))
    return path


def folder(path: Path) -> Path:
    path.mkdir()
    return path


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx", "sqlite"])
@pytest.mark.parametrize("make", [fifo, device, linked_fifo, folder])
def test_export_refuses_an_output_that_is_not_a_regular_file(
    aidtrack: Aidtrack, tmp_path: Path, fmt: str, make: object
) -> None:
    assert callable(make)
    aidtrack.ok("add", *NOR_2026)
    target = make(tmp_path / "out")
    kind = stat.S_IFMT(target.stat().st_mode)
    there = sorted(tmp_path.iterdir())
    result = aidtrack("export", "--format", fmt, "-o", str(target))
    line = one_line(result.stderr)
    assert result.exit_code == 1, result.stderr
    assert f"{target} is not a regular file" in line, line
    assert stat.S_IFMT(target.stat().st_mode) == kind  # still what it was
    assert sorted(tmp_path.iterdir()) == there


@pytest.mark.parametrize("make", [fifo, device, linked_fifo, folder])
def test_a_metadata_json_that_is_not_a_regular_file_is_left_alone(
    store: Path, tmp_path: Path, make: object
) -> None:
    """The Datasette file beside an SQLite export is read before it is rewritten; a
    pipe of that name blocked the export for ever. Now it is left alone, as a
    metadata.json aidtrack did not write is."""
    assert callable(make)
    env = {**os.environ, "AIDTRACK_DB": str(store)}
    assert run_process("add", *NOR_2026, env=env).returncode == 0
    beside = make(tmp_path / "metadata.json")
    kind = stat.S_IFMT(beside.lstat().st_mode)
    done = run_process("export", "--format", "sqlite", "-o", str(tmp_path / "p.db"), env=env)
    assert done.returncode == 0, done.stderr
    assert "exported 1 pledges" in done.stderr and "left as it was" in done.stderr
    assert stat.S_IFMT(beside.lstat().st_mode) == kind


def test_export_takes_a_link_to_a_regular_file_and_its_help_says_what_it_refuses(
    aidtrack: Aidtrack, tmp_path: Path
) -> None:
    aidtrack.ok("add", *NOR_2026)
    real = tmp_path / "real.csv"
    real.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    aidtrack.ok("export", "-o", str(link))
    assert link.read_text().startswith("id,donor")
    help_text = " ".join(aidtrack.ok("export", "--help").stdout.split())
    assert "a device, pipe or folder is refused" in help_text
