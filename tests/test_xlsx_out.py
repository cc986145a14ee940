"""Excel out (`export --format xlsx`, `report --format xlsx`) and the Datasette
metadata.json an SQLite export writes beside the database."""

from __future__ import annotations

import csv
import io
import json
import stat
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from .conftest import STARTER_CSV, Aidtrack

FORMULA_NOTE = '=HYPERLINK("https://evil.example","click")'
LONG_AMOUNT = "12345678901234567.89"  # more digits than a spreadsheet's number holds


def records(aidtrack: Aidtrack, *db: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = aidtrack.json(*db, "list", "--all", "--to", "all", "--sort", "id")
    return [{k: v for k, v in row.items() if k not in ("created_at", "updated_at")} for row in rows]


def close(number: Decimal, exact: Decimal) -> bool:
    """A spreadsheet's number against the exact amount: equal to 15 significant digits."""
    return abs(number - exact) <= abs(exact) * Decimal("1e-15")


def sheet_rows(path: Path, title: str) -> list[dict[str, Any]]:
    book = openpyxl.load_workbook(path)
    rows = list(book[title].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.fixture
def filled(aidtrack: Aidtrack) -> None:
    aidtrack.ok("import", str(STARTER_CSV))
    aidtrack.ok(
        *("add", "Germany", LONG_AMOUNT, "--currency", "EUR", "--to", "Moldova", "-y", "2024"),
        *("--category", "humanitarian", "--note", FORMULA_NOTE, "--source", "https://x.org/a"),
    )


@pytest.fixture
def workbook(aidtrack: Aidtrack, filled: None, tmp_path: Path) -> Path:
    path = tmp_path / "pledges.xlsx"
    said = aidtrack.ok("export", "--all", "--to", "all", "--format", "xlsx", "-o", str(path))
    assert "sheets pledges, sources, year_totals" in said.stderr
    return path


def test_the_sheets_each_under_a_frozen_bold_header(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    assert book.sheetnames == ["pledges", "sources", "year_totals", "rates", "about"]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.b for cell in sheet[1])
    header = [cell.value for cell in book["pledges"][1]]
    assert header[:11] == [
        *("id", "donor", "donor_code", "recipient", "recipient_code", "year"),
        *("first_year", "last_year", "amount", "currency", "amount_exact"),
    ]


def test_amounts_are_numbers_with_their_currency_beside_and_the_exact_text(
    aidtrack: Aidtrack, workbook: Path
) -> None:
    stored = {row["id"]: row for row in records(aidtrack)}
    rows = sheet_rows(workbook, "pledges")
    assert len(rows) == len(stored)
    for row in rows:
        record = stored[row["id"]]
        assert isinstance(row["amount"], int | float)
        assert row["currency"] == record["currency"]
        assert row["amount_exact"] == record["amount"]  # every digit, as text
        assert close(Decimal(repr(row["amount"])), Decimal(record["amount"]))
    book = openpyxl.load_workbook(workbook)
    assert book["pledges"]["I2"].number_format == "#,##0.00"
    long = next(row for row in rows if row["amount_exact"] == LONG_AMOUNT)
    assert long["currency"] == "EUR" and long["year"] == 2024


def test_stored_text_is_text_never_a_formula(workbook: Path) -> None:
    book = openpyxl.load_workbook(workbook)
    sheet = book["pledges"]
    header = [cell.value for cell in sheet[1]]
    note = header.index("note")
    cells = [row[note] for row in sheet.iter_rows(min_row=2) if row[note].value == FORMULA_NOTE]
    assert len(cells) == 1 and cells[0].data_type == "s"


def test_sources_sheet_lists_every_source(aidtrack: Aidtrack, workbook: Path) -> None:
    stored = records(aidtrack)
    expected = [
        (record["id"], position, source["url"])
        for record in stored
        for position, source in enumerate(record["sources"], start=1)
    ]
    found = [
        (row["pledge_id"], row["position"], row["url"]) for row in sheet_rows(workbook, "sources")
    ]
    assert sorted(found) == sorted(expected)


def test_year_totals_per_measure_match_the_sqlite_export(
    aidtrack: Aidtrack, workbook: Path, tmp_path: Path
) -> None:
    import sqlite3

    database = tmp_path / "pledges.db"
    aidtrack.ok("export", "--all", "--to", "all", "--format", "sqlite", "-o", str(database))
    with sqlite3.connect(database) as db:
        expected = sorted(
            (donor, year, measure, stage, category, amount, currency, usd)
            for donor, year, measure, stage, category, amount, currency, usd in db.execute(
                "SELECT donor, year, measure, stage, category, amount, currency, usd_cents "
                "FROM year_totals"
            )
        )
    rows = sheet_rows(workbook, "year_totals")
    assert {row["measure"] for row in rows} == {"promised", "delivered"}
    found = sorted(
        (
            *(row["donor"], row["year"], row["measure"], row["stage"], row["category"]),
            row["amount_exact"],
            row["currency"],
            None if row["usd"] is None else Decimal(repr(row["usd"])) * 100,
        )
        for row in rows
    )
    assert [row[:-1] for row in found] == [row[:-1] for row in expected]
    for row, known in zip(found, expected, strict=True):  # a number holds 15 digits
        assert (row[-1] is None) is (known[-1] is None)
        assert row[-1] is None or close(row[-1], Decimal(known[-1]))


def test_the_records_come_back_through_import(
    aidtrack: Aidtrack, workbook: Path, tmp_path: Path
) -> None:
    """Every digit with `--map amount=amount_exact`; each record here has one source
    at most, which travels on its row."""
    copy = str(tmp_path / "copy.json")
    aidtrack.ok("--db", copy, "import", str(workbook), "--map", "amount=amount_exact")
    assert records(aidtrack, "--db", copy) == records(aidtrack)
    again = aidtrack.ok("--db", copy, "import", str(workbook), "--map", "amount=amount_exact")
    assert "0 new" in again.stderr


def test_amounts_a_spreadsheet_holds_come_back_without_a_map(
    aidtrack: Aidtrack, tmp_path: Path
) -> None:
    aidtrack.ok("import", str(STARTER_CSV))
    path = tmp_path / "starter.xlsx"
    aidtrack.ok("export", "--all", "--to", "all", "-o", str(path))  # by its extension
    copy = str(tmp_path / "copy.json")
    aidtrack.ok("--db", copy, "import", str(path))
    assert records(aidtrack, "--db", copy) == records(aidtrack)


def test_written_whole_owner_only_and_never_to_a_terminal(
    aidtrack: Aidtrack, filled: None, tmp_path: Path
) -> None:
    refused = aidtrack("export", "--format", "xlsx")
    assert refused.exit_code == 1
    assert refused.stderr.strip().splitlines() == [
        "error: an Excel export needs a file: --format xlsx -o pledges.xlsx"
    ]
    piped = aidtrack("export", "--format", "xlsx", "-o", "-")
    assert piped.exit_code == 0
    book = openpyxl.load_workbook(io.BytesIO(piped.stdout_bytes))
    assert book.sheetnames[0] == "pledges"
    path = tmp_path / "out.xlsx"
    aidtrack.ok("export", "-o", str(path))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.xlsx")] == []


def test_a_text_excel_cannot_hold_refuses_the_export_in_one_line(
    aidtrack: Aidtrack, tmp_path: Path
) -> None:
    aidtrack.ok(
        *("add", "Norway", "NOK 1bn", "--to", "Ukraine", "-y", "2024"),
        *("--source", "https://x.org", "--note", "x" * 40_000),
    )
    path = tmp_path / "long.xlsx"
    result = aidtrack("export", "-o", str(path))
    assert result.exit_code == 1
    assert "does not fit in an Excel cell" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not path.exists()


# report --format xlsx ---------------------------------------------------------------------


def test_the_report_as_a_workbook_of_its_tidy_rows(
    aidtrack: Aidtrack, filled: None, tmp_path: Path
) -> None:
    path = tmp_path / "report.xlsx"
    aidtrack.ok(
        "report", "--year", "2025", "--currency", "EUR", "--format", "xlsx", "-o", str(path)
    )
    tidy = list(
        csv.DictReader(
            io.StringIO(
                aidtrack.ok(
                    "report", "--year", "2025", "--currency", "EUR", "--format", "csv"
                ).stdout
            )
        )
    )
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["report", "rates", "about"]
    assert all(sheet.freeze_panes == "A2" for sheet in book.worksheets)
    rows = sheet_rows(path, "report")
    assert [row["donor"] for row in rows] == [row["donor"] for row in tidy]
    for row, text in zip(rows, tidy, strict=True):
        assert row["currency"] == "EUR" and row["measure"] == "promised"
        for column in ("amount", "promised", "delivered", "military", "share_pct"):
            assert isinstance(row[column], int | float)
            assert close(Decimal(repr(row[column])), Decimal(text[column]))
    assert {row["currency"] for row in sheet_rows(path, "rates")} >= {"NOK"}


def test_report_xlsx_needs_a_file_and_one_format(aidtrack: Aidtrack, filled: None) -> None:
    no_file = aidtrack("report", "--year", "2025", "--format", "xlsx")
    assert no_file.exit_code == 1 and "needs a file" in no_file.stderr
    both = aidtrack("report", "--year", "2025", "--format", "xlsx", "--json", "-o", "r.xlsx")
    assert both.exit_code == 1 and "disagree" in both.stderr
    table = aidtrack("report", "--year", "2025", "-o", "r.xlsx")
    assert table.exit_code == 1 and "--format xlsx" in table.stderr


# metadata.json for Datasette ----------------------------------------------------------------


def test_an_sqlite_export_describes_itself_for_datasette(
    aidtrack: Aidtrack, filled: None, tmp_path: Path
) -> None:
    said = aidtrack.ok("export", "--all", "--to", "all", "-o", str(tmp_path / "pledges.db"))
    assert "metadata.json" in said.stderr
    metadata = json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["title"] and metadata["description"]
    assert (metadata["license"], metadata["about"]) == ("MIT", "aidtrack")
    assert "European Central Bank" in metadata["source"]
    tables = metadata["databases"]["pledges"]["tables"]
    assert set(tables) == {"pledges", "sources", "rates", "year_totals"}
    assert all(table["description"] for table in tables.values())
    totals = tables["year_totals"]
    assert "filter on `measure`" in totals["description"]
    assert "never sum across measures" in totals["description"]
    assert "never add the two" in totals["columns"]["measure"]
    assert {"amount", "currency", "status", "delivery_of"} <= set(tables["pledges"]["columns"])


def test_metadata_keeps_other_databases_and_leaves_a_foreign_file_alone(
    aidtrack: Aidtrack, filled: None, tmp_path: Path
) -> None:
    aidtrack.ok("export", "-o", str(tmp_path / "one.db"))
    aidtrack.ok("export", "-o", str(tmp_path / "two.db"))
    metadata = json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8"))
    assert set(metadata["databases"]) == {"one", "two"}
    elsewhere = tmp_path / "own"
    elsewhere.mkdir()
    theirs = '{"title": "My own Datasette"}\n'
    (elsewhere / "metadata.json").write_text(theirs, encoding="utf-8")
    said = aidtrack.ok("export", "-o", str(elsewhere / "pledges.db"))
    assert "left as it was" in said.stderr
    assert (elsewhere / "metadata.json").read_text(encoding="utf-8") == theirs
