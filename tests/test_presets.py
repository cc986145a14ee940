"""Shipped presets: `--mapping kiel` reads the Kiel tracker's workbook as published, with
no other flag; `--mapping list` shows the presets; a copy of one is a mapping file."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import zipfile
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from aidtrack import mapping, presets

from .conftest import REPO, Aidtrack

MAIN = "Bilateral Assistance, MAIN DATA"
# The main sheet's columns as the tracker publishes them (a selection, in its order):
# the preset reads donor, announcement_date, measure, aid_type_general,
# aid_type_specific, tot_sub_activity_value_EUR and the first source column.
COLUMNS = [
    "ID",
    "donor",
    "announcement_date",
    "month",
    "measure",
    "aid_type_general",
    "aid_type_specific",
    "explanation",
    "reporting_currency",
    "tot_activity_value",
    "tot_sub_activity_value",
    "tot_sub_activity_value_EUR",
    "tot_sub_activity_value_EUR_redistr",
    "Source of Aid 1",
    "Source of Aid 2",
]
# The tracker's own spellings: two EU bodies aidtrack counts as "EU institutions"
# (these need `[values.donor]`, the value maps of every closed field), the rest as is.
DONORS = [
    "EU (Commission and Council)",
    "European Peace Facility",
    "United States",
    "Germany",
    "United Kingdom",
    "Czech Republic",
    "Turkey",
    "South Korea",
    "Norway",
    "Japan",
]
TYPES = {
    "Military": ["Weapons and equipment", "Ammunition"],
    "Humanitarian ": ["Humanitarian aid"],  # the tracker's trailing space, as published
    "Financial": ["Loan", "Grant", "Guarantee"],
}


# As in the tracker: the European Peace Facility gives military aid only, the EU's
# Commission and Council none.
ONLY = {
    "EU (Commission and Council)": ("Humanitarian ", "Financial"),
    "European Peace Facility": ("Military",),
}


def kiel_rows() -> list[list[Any]]:
    """Some 300 activity rows: for each donor, year and aid type a commitment and
    allocations of part of it (never more), values with float noise, a few commitments
    without a value, as the tracker has them."""
    rows: list[list[Any]] = []
    number = 0
    for d, donor in enumerate(DONORS):
        for year in (2022, 2023, 2024):
            for t, (general, specifics) in enumerate(TYPES.items()):
                if general not in ONLY.get(donor, tuple(TYPES)):
                    continue
                number += 1
                day = dt.datetime(year, 1 + (d + t) % 12, 1 + (d * 3 + t) % 27)
                committed = 1_000_000_000 + d * 37_000_000.0 + t * 0.123456789 + year
                value: float | None = committed if (d + t + year) % 7 else None
                rows.append(row(number, donor, day, "Commitment", general, specifics[0], value))
                for part in range(1, 4):
                    number += 1
                    share = committed / 5 + part * 1.000000001
                    allocated = day + dt.timedelta(days=part)
                    specific = specifics[part % len(specifics)]
                    cells = row(number, donor, allocated, "Allocation", general, specific, share)
                    rows.append(cells)
    return rows


def row(
    number: int,
    donor: str,
    day: dt.datetime,
    measure: str,
    general: str,
    specific: str,
    value: float | None,
) -> list[Any]:
    month = (day.year - 2022) * 12 + day.month
    url = f"https://example.org/kiel/{number}"
    return [
        number,
        donor,
        day,
        month,
        measure,
        general,
        specific,
        f"{donor}: {specific.lower()}",
        "EUR",
        value,
        value,
        value,
        value,
        url,
        None,
    ]


def kiel_workbook(path: Path, rows: list[list[Any]]) -> Path:
    """A workbook shaped as the tracker publishes it: a read-me sheet first, the main
    data sheet by name among others."""
    import openpyxl

    book = openpyxl.Workbook()
    readme = book.active
    readme.title = "ReadMe"
    readme["A1"] = "Ukraine Support Tracker"
    readme["A3"] = "Kiel Institute for the World Economy; see the sheets below."
    book.create_sheet("Updates and Corrections")["A1"] = "Release notes"
    main = book.create_sheet(MAIN)
    main.append(COLUMNS)
    for cells in rows:
        main.append(cells)
    summary = book.create_sheet("Country Summary (€)")
    summary["B8"] = "Country"
    book.save(path)
    return path


def records(aidtrack: Aidtrack) -> list[dict[str, Any]]:
    return list(aidtrack.json("list", "--all", "--to", "all"))


def test_mapping_list_prints_each_preset_on_a_line(aidtrack: Aidtrack) -> None:
    result = aidtrack.ok("import", "--mapping", "list")  # no FILE needed
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["iati", "kiel"]
    for line in lines:
        location = line.rsplit("(", 1)[1].rstrip(")")
        assert Path(location).name == f"{line.split()[0]}.toml"
        assert Path(location).is_file()
    assert "Kiel" in lines[1] and "IATI" in lines[0]


def test_an_unknown_name_is_one_line_naming_the_presets(aidtrack: Aidtrack, tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("donor,amount\nNorway,1\n", encoding="utf-8")
    result = aidtrack("import", str(table), "--mapping", "kiell")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [
        "error: --mapping 'kiell' is neither a mapping file nor a preset; the presets are "
        "iati, kiel (aidtrack import --mapping list describes them)"
    ]


def test_a_file_of_that_name_is_read_before_a_preset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("kiel").write_text('[set]\ncurrency = "NOK"\n', encoding="utf-8")
    assert mapping.mapping_text("kiel", lambda p: Path(p).read_text()) == Path("kiel").read_text()
    assert mapping.mapping_text("iati", lambda p: "") == presets.find("iati").text  # type: ignore[union-attr]
    with pytest.raises(FileNotFoundError):
        mapping.mapping_text("maps/mine.toml", lambda p: Path(p).read_text())


def test_the_shipped_presets_parse() -> None:
    for name in presets.names():
        preset = presets.find(name)
        assert preset is not None and preset.description
        mapping.ColumnMap.parse(mapping_file=preset.text)
    kiel = presets.options(presets.find("kiel").text)  # type: ignore[union-attr]
    assert (kiel.reader, kiel.sheet, kiel.skip_empty, kiel.round) == ("table", MAIN, True, True)
    assert presets.options(presets.find("iati").text).reader == "iati"  # type: ignore[union-attr]


def test_the_kiel_preset_reads_the_workbook_as_published_with_no_other_flag(
    aidtrack: Aidtrack, tmp_path: Path
) -> None:
    """Needs `[values.donor]` (value maps for every closed field, issue 23 item 3) for
    the tracker's "EU (Commission and Council)" and "European Peace Facility"."""
    rows = kiel_rows()
    assert len(rows) >= 300
    book = kiel_workbook(tmp_path / "Ukraine_Support_Tracker_Release_25.xlsx", rows)
    empty = sum(1 for cells in rows if cells[11] is None)
    assert empty > 0

    result = aidtrack.ok("import", str(book), "--mapping", "kiel")
    assert f"{len(rows) - empty} new" in result.stderr
    assert f"{empty} rows without an amount left out" in result.stderr
    held = records(aidtrack)
    assert len(held) == len(rows) - empty
    assert {r["donor"] for r in held} == {
        "EU institutions",
        "United States",
        "Germany",
        "United Kingdom",
        "Czechia",
        "Türkiye",
        "South Korea",
        "Norway",
        "Japan",
    }
    assert {r["recipient"] for r in held} == {"Ukraine"}
    assert {r["currency"] for r in held} == {"EUR"}
    assert {r["status"] for r in held} == {"committed", "allocated"}
    assert {r["category"] for r in held} == {"military", "humanitarian", "financial"}
    assert {r["label"] for r in held} >= {"Weapons and equipment", "Loan", "Humanitarian aid"}
    assert all(Decimal(r["amount"]) == Decimal(r["amount"]).quantize(Decimal("0.01")) for r in held)

    given = next(cells for cells in rows if cells[11] is not None)  # the first with a value
    first = next(r for r in held if r["sources"][0]["url"] == given[13])
    assert given[1] == "EU (Commission and Council)"
    assert (first["donor"], first["year"], first["announced_on"], first["label"]) == (
        "EU institutions",
        given[2].year,
        given[2].date().isoformat(),
        given[6],
    )
    assert first["amount"] == str(Decimal(repr(given[11])).quantize(Decimal("0.01")))
    # an allocation is delivered money of the commitment beside it (DESIGN §2a), when
    # the tracker gave that commitment a value
    promises = {
        (r["donor"], r["year"], r["category"]): r["id"] for r in held if r["status"] == "committed"
    }
    allocations = [r for r in held if r["status"] == "allocated"]
    linked = [r for r in allocations if r.get("delivery_of")]
    assert linked and len(linked) < len(allocations)
    for r in allocations:
        assert r.get("delivery_of") == promises.get((r["donor"], r["year"], r["category"]))

    again = aidtrack.ok("import", str(book), "--mapping", "kiel")
    assert "0 new" in again.stderr
    assert len(records(aidtrack)) == len(held)

    promised: dict[str, Decimal] = defaultdict(Decimal)
    delivered: dict[str, Decimal] = defaultdict(Decimal)
    for r in held:
        if r["year"] == 2023:
            if r["status"] == "allocated":
                delivered[r["donor"]] += Decimal(r["amount"])
            if not r.get("delivery_of"):  # a promise, or an allocation standing alone
                promised[r["donor"]] += Decimal(r["amount"])
    report = aidtrack.json("report", "--year", "2023", "--currency", "EUR")
    by_donor = {d["donor"]: d for d in report["donors"]}
    for donor in ("United States", "EU institutions"):
        assert Decimal(by_donor[donor]["promised"]) == promised[donor]
        assert Decimal(by_donor[donor]["delivered"]) == delivered[donor]


def test_a_copy_of_a_preset_changed_is_a_mapping_file(aidtrack: Aidtrack, tmp_path: Path) -> None:
    """Copy `kiel.toml` and keep each figure in the currency the donor reported."""
    rows = [
        row(1, "Norway", dt.datetime(2023, 2, 1), "Commitment", "Military", "Ammunition", 1e9),
        row(2, "Norway", dt.datetime(2023, 3, 1), "Allocation", "Military", "Ammunition", 2e8),
    ]
    rows[0][8:11] = ["NOK", 11e9, 11e9]
    rows[1][8:11] = ["NOK", 2.2e9, 2.2e9]
    book = kiel_workbook(tmp_path / "kiel.xlsx", rows)
    location = presets.find("kiel").location  # type: ignore[union-attr]
    text = Path(location).read_text(encoding="utf-8")
    mine = tmp_path / "my-kiel.toml"
    mine.write_text(
        text.replace(
            'amount = "tot_sub_activity_value_EUR"',
            'amount = "tot_sub_activity_value"\ncurrency = "reporting_currency"',
        ).replace('currency = "EUR"\n', ""),
        encoding="utf-8",
    )
    aidtrack.ok("import", str(book), "--mapping", str(mine))
    assert sorted((r["amount"], r["currency"]) for r in records(aidtrack)) == [
        ("11000000000", "NOK"),
        ("2200000000", "NOK"),
    ]


def test_a_workbook_without_the_main_sheet_names_the_sheets(
    aidtrack: Aidtrack, tmp_path: Path
) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "ReadMe"
    book.save(tmp_path / "other.xlsx")
    result = aidtrack("import", str(tmp_path / "other.xlsx"), "--mapping", "kiel")
    assert result.exit_code == 1
    assert f"no sheet '{MAIN}'" in result.stderr and "ReadMe" in result.stderr


@pytest.mark.slow
def test_the_built_wheel_carries_the_presets(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    built = subprocess.run(
        [
            *(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"),
            *("-q", "-w", str(wheels), str(REPO)),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = wheels.glob("aidtrack-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        for name in ("kiel", "iati"):
            shipped = archive.read(f"aidtrack/presets/{name}.toml")
            assert shipped == (REPO / "aidtrack" / "presets" / f"{name}.toml").read_bytes()
        archive.extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site), "AIDTRACK_DB": str(tmp_path / "s.json")}
    listed = subprocess.run(
        [sys.executable, "-m", "aidtrack", "import", "--mapping", "list"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert listed.returncode == 0, listed.stderr
    assert str(site / "aidtrack" / "presets" / "kiel.toml") in listed.stdout
