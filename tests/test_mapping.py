"""Other people's files (issue 16): a tracker's CSV or XLSX through a column map."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from aidtrack.store import read

from .conftest import Aidtrack

DONORS = ["Norway", "GERMANY", "sweden", "Denmark", "Netherlands"]
STAGES = ["Commitment", "DISBURSEMENT", "allocation", "Pledge"]
KINDS = ["Military", "humanitarian", "Financial", "Budget support"]
COLUMNS = [
    "Donor country",
    "announcement_date",
    "tot_sub_activity_value_EUR",
    "measure",
    "aid_type_general",
    "explanation",
    "internal_code",
]
MAP = [
    "--map",
    "donor=Donor country",
    "--map",
    "year=announcement_date",
    "--map",
    "amount=tot_sub_activity_value_EUR",
    "--map",
    "status=measure",
    "--map",
    "category=aid_type_general",
    "--set",
    "recipient=Ukraine",
    "--set",
    "currency=EUR",
]
MAPPING_FILE = """
[map]
donor = "Donor country"
year = "announcement_date"
amount = "tot_sub_activity_value_EUR"
status = "measure"
category = "aid_type_general"

[set]
recipient = "Ukraine"
currency = "EUR"
"""
ROWS = 400


def tracker_rows() -> list[list[object]]:
    """Rows as a tracker exports them (generated, not real figures): dates, words in
    any case, every 25th row without an amount and eight with a zero, some amounts with
    float noise."""
    rows: list[list[object]] = []
    for i in range(ROWS):
        day = dt.date(2022 + i % 4, 1 + i % 12, 1 + i % 28)
        amount: object = 1_000_000 * (i + 1) + (0.123456789 if i % 7 == 0 else 0)
        if i % 25 == 0:
            amount = ""
        elif i % 50 == 13:
            amount = 0
        rows.append(
            [DONORS[i % 5], day, amount, STAGES[i % 4], KINDS[i % 4], f"note {i}", f"X{i:05d}"]
        )
    return rows


def tracker_csv(path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for row in tracker_rows():
            writer.writerow([c.isoformat() if isinstance(c, dt.date) else c for c in row])
    return path


def tracker_xlsx(path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Bilateral"
    sheet.append(["Aid to Ukraine, exported from a tracker"])  # a title above the table
    sheet.append([])
    sheet.append(COLUMNS)
    for row in tracker_rows():
        sheet.append(
            [dt.datetime.combine(c, dt.time()) if isinstance(c, dt.date) else c for c in row]
        )
    book.save(path)
    return path


def stored(store: Path) -> dict[str, dict[str, object]]:
    records = read(store).data["pledges"].values()
    return {r["id"]: {k: v for k, v in r.items() if not k.endswith("_at")} for r in records}


@pytest.mark.parametrize("make", [tracker_csv, tracker_xlsx], ids=["csv", "xlsx"])
def test_a_trackers_file_imports_through_a_map_once(
    aidtrack: Aidtrack, store: Path, tmp_path: Path, make: object
) -> None:
    path = make(tmp_path / ("tracker.csv" if make is tracker_csv else "tracker.xlsx"))  # type: ignore[operator]
    result = aidtrack.ok("import", str(path), *MAP, "--skip-empty", "--round")
    assert "376 new" in result.stderr and "24 rows without an amount left out" in result.stderr
    assert "54 amounts rounded" in result.stderr
    records = stored(store)
    assert len(records) == 376
    second = next(r for r in records.values() if r["amount"] == "2000000")  # the 2nd row
    assert (second["donor"], second["year"], second["announced_on"]) == (
        "Germany",
        2023,
        "2023-02-02",
    )
    assert (second["status"], second["category"]) == ("disbursed", "humanitarian")
    eighth = next(r for r in records.values() if r["amount"].startswith("8000000"))
    assert eighth["amount"] == "8000000.12"  # 8000000.123456789 rounded half-even
    assert {r["donor"] for r in records.values()} == {
        "Norway",
        "Germany",
        "Sweden",
        "Denmark",
        "Netherlands",
    }
    again = aidtrack.ok("import", str(path), *MAP, "--skip-empty", "--round")
    assert "0 new, 0 updated, 376 already there" in again.stderr
    assert len(stored(store)) == 376


def test_without_skip_empty_and_round_the_file_is_refused_whole(
    aidtrack: Aidtrack, store: Path, tmp_path: Path
) -> None:
    path = tracker_csv(tmp_path / "tracker.csv")
    result = aidtrack("import", str(path), *MAP)
    assert result.exit_code == 1
    assert "row 2, field amount: missing" in result.stderr
    assert "row 9, field amount: EUR 8000000.123456789 has more decimal places" in result.stderr
    assert not store.exists()


def test_an_unknown_word_names_its_row_until_it_is_mapped(
    aidtrack: Aidtrack, store: Path, tmp_path: Path
) -> None:
    path = tracker_csv(tmp_path / "tracker.csv")
    text = path.read_text(encoding="utf-8").replace("Budget support", "Weapons", 1)
    path.write_text(text, encoding="utf-8")
    result = aidtrack("import", str(path), *MAP, "--skip-empty", "--round")
    assert result.exit_code == 1
    assert "row 5: category 'Weapons' is not a word aidtrack knows" in result.stderr
    assert "--value category:Weapons=" in result.stderr
    assert not store.exists()
    mapped = (*MAP, "--value", "category:Weapons=military", "--skip-empty", "--round")
    aidtrack.ok("import", str(path), *mapped)


def test_a_mapping_file_and_the_flags_give_the_same_store(
    aidtrack: Aidtrack, tmp_path: Path
) -> None:
    path = tracker_csv(tmp_path / "tracker.csv")
    mapping = tmp_path / "tracker.toml"
    mapping.write_text(MAPPING_FILE, encoding="utf-8")
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    aidtrack.ok("--db", str(one), "import", str(path), *MAP, "--skip-empty", "--round")
    aidtrack.ok(
        "--db", str(two), "import", str(path), "--mapping", str(mapping), "--skip-empty", "--round"
    )
    assert stored(one) == stored(two)


def test_a_mapping_file_that_cannot_be_read_is_a_one_line_error(
    aidtrack: Aidtrack, store: Path, tmp_path: Path
) -> None:
    path = tracker_csv(tmp_path / "tracker.csv")
    result = aidtrack("import", str(path), "--mapping", str(tmp_path / "missing.toml"))
    assert result.exit_code == 1
    assert result.stderr.startswith("error: cannot read ") and "missing.toml" in result.stderr
    assert "internal error" not in result.stderr and not store.exists()


def test_a_dry_run_shows_the_first_rows_as_they_would_be_recorded(
    aidtrack: Aidtrack, store: Path, tmp_path: Path
) -> None:
    path = tracker_csv(tmp_path / "tracker.csv")
    result = aidtrack.ok("import", str(path), *MAP, "--skip-empty", "--round", "--dry-run")
    assert result.stdout.count("Ukraine") == 10 and "EUR 2.0m" in result.stdout
    assert "nothing was written" in result.stderr
    assert not store.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--map", "donor"), "write it as FIELD=COLUMN"),
        (("--map", "giver=Donor country"), "no field 'giver'"),
        (("--map", "donor=Nation"), "every mapped column (Nation)"),
        (("--map", "donor=Donor country", "--header-row", "900"), "no header in row 900"),
    ],
)
def test_a_bad_map_is_refused(
    aidtrack: Aidtrack, store: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    path = tracker_csv(tmp_path / "tracker.csv")
    result = aidtrack("import", str(path), *args)
    assert result.exit_code == 1 and message in result.stderr, result.stderr
    assert not store.exists()
