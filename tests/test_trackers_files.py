"""Other trackers' files, whole (issue 23): a tracker's activity file as it really is.

The file is made here, shaped as the Kiel Institute publishes its activity rows (not real
figures): the tracker's column names and words, its spelling of a donor (`EU (Commission
and Council)`), amounts in millions of euros, identical rows (two deliveries of one value
on one day), a negative correction, and a `Total` row at the bottom; as CSV and as a
workbook with a read-me sheet before the main sheet.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from aidtrack import mapping
from aidtrack.errors import InvalidInput
from aidtrack.mapping import ColumnMap
from aidtrack.store import read

from .conftest import Aidtrack

MAIN_SHEET = "Bilateral Assistance, MAIN DATA"
COLUMNS = [
    "ID",
    "donor",
    "announcement_date",
    "measure",
    "aid_type_general",
    "aid_type_specific",
    "explanation",
    "Amount (EUR m)",
    "link",
]
DONORS = ["Germany", "United States", "EU (Commission and Council)", "Norway", "Poland", "Japan"]
SPECIFIC = {"Military": "Weapons", "Financial": "Budget support", "Humanitarian": "Food"}
MAP = (
    "--map",
    "year=announcement_date",
    "--map",
    "amount=Amount (EUR m)",
    "--map",
    "status=measure",
    "--map",
    "category=aid_type_general",
    "--map",
    "label=aid_type_specific",
    "--map",
    "note=explanation",
    "--map",
    "source_url=link",
    "--set",
    "recipient=Ukraine",
    "--set",
    "currency=EUR",
)
WHOLE = (
    *MAP,
    "--scale",
    "million",
    "--skip-if",
    "donor=Total",
    "--value",
    "donor:EU (Commission and Council)=EU institutions",
)
MAPPING_FILE = """
scale = "million"

[map]
year = "announcement_date"
amount = "Amount (EUR m)"
status = "measure"
category = "aid_type_general"
label = "aid_type_specific"
note = "explanation"
source_url = "link"

[set]
recipient = "Ukraine"
currency = "EUR"

[values.donor]
"EU (Commission and Council)" = "EU institutions"

[[skip]]
column = "donor"
value = "Total"
"""
ROWS = 300
TWINS = 6  # rows repeated exactly, each right after its first
COMMITMENT = ["C-1", "United Kingdom", "2023-02-24", "Commitment", "Military", "Weapons"]
CORRECTION_OF = 4  # the row (index into the plain rows) a correction corrects


def activity_rows() -> list[list[Any]]:
    """The main sheet's rows, header apart: allocations (dates as dates, amounts in
    millions as Decimal), a commitment with allocations against it, identical rows, one
    correction and a Total row."""
    rng = random.Random(23)
    rows: list[list[Any]] = []
    for i in range(ROWS):
        kind = ("Military", "Financial", "Humanitarian")[i % 3]
        day = dt.date(2022 + i % 4, 1 + i % 12, 1 + i % 28)
        amount = Decimal(rng.randint(1, 900_000)) / 1000  # EUR m with three decimals
        donor = DONORS[i % len(DONORS)]
        rows.append(
            [
                f"A-{i}",
                donor,
                day,
                "Allocation",
                kind,
                SPECIFIC[kind],
                f"{kind} aid announced {day}",
                amount,
                f"https://example.org/{i}",
            ]
        )
    for i in range(TWINS):  # the same delivery twice, ID and all
        at = 40 * i + 10
        rows.insert(at + 1, list(rows[at]))
    rows.append([*COMMITMENT, "Package for 2023", Decimal(2500), "https://example.org/uk"])
    for i in range(3):
        rows.append(
            [
                f"U-{i}",
                "United Kingdom",
                dt.date(2023, 3 + i, 1),
                "Allocation",
                "Military",
                "Weapons",
                "delivered",
                Decimal(100 + i),
                "https://example.org/uk",
            ]
        )
    corrected = rows[CORRECTION_OF]
    correction = list(corrected)
    correction[0], correction[6] = "A-corr", "correction of an earlier figure"
    correction[7] = -(corrected[7] / 2)
    rows.append(correction)
    total = sum((row[7] for row in rows), Decimal(0))
    rows.append(["", "Total", "", "", "", "", "", total, ""])
    return rows


RECORDS = ROWS + TWINS + 1 + 3  # the correction is netted, the Total row left out


def text_of(cell: Any) -> str:
    return cell.isoformat() if isinstance(cell, dt.date) else str(cell)


def activity_csv(path: Path, rows: list[list[Any]] | None = None) -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for row in activity_rows() if rows is None else rows:
            writer.writerow([text_of(cell) for cell in row])
    return path


def activity_xlsx(path: Path) -> Path:
    """As Kiel publishes it: a read-me sheet first, then the main sheet by name."""
    import openpyxl

    book = openpyxl.Workbook()
    readme = book.active
    readme.title = "Read me"
    readme.append(["Ukraine Support Tracker (generated for a test, not real figures)"])
    readme.append(["See the sheet 'Bilateral Assistance, MAIN DATA'."])
    sheet = book.create_sheet(MAIN_SHEET)
    sheet.append(COLUMNS)
    for row in activity_rows():
        sheet.append(
            [
                dt.datetime.combine(cell, dt.time()) if isinstance(cell, dt.date) else cell
                for cell in [*row[:7], float(row[7]) if row[7] != "" else None, row[8]]
            ]
        )
    book.save(path)
    return path


def stored(store: Path) -> dict[str, dict[str, Any]]:
    records = read(store).data["pledges"].values()
    return {r["id"]: {k: v for k, v in r.items() if not k.endswith("_at")} for r in records}


def url(record: dict[str, Any]) -> str | None:
    sources = record.get("sources") or [{}]
    found: str | None = sources[0].get("url")
    return found


def make(kind: str, folder: Path) -> tuple[Path, tuple[str, ...]]:
    if kind == "csv":
        return activity_csv(folder / "activity.csv"), ()
    return activity_xlsx(folder / "activity.xlsx"), ("--sheet", MAIN_SHEET)


# The whole file --------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_activity_file_imports_whole_and_a_second_time_adds_nothing(
    aidtrack: Aidtrack, store: Path, tmp_path: Path, kind: str
) -> None:
    path, sheet = make(kind, tmp_path)
    result = aidtrack.ok("import", str(path), *sheet, *WHOLE, "--negative", "net")
    assert f"{RECORDS} new" in result.stderr, result.stderr
    assert "1 row left out by --skip-if" in result.stderr
    assert "1 correction netted" in result.stderr
    records = stored(store)
    assert len(records) == RECORDS
    assert "EU institutions" in {r["donor"] for r in records.values()}
    assert "Total" not in json.dumps(list(records.values()))
    rows = activity_rows()
    # Amounts in millions, exactly: 123.456 EUR m is EUR 123,456,000.
    first = next(r for r in records.values() if url(r) == "https://example.org/0")
    assert Decimal(first["amount"]) == rows[0][7] * 1_000_000
    # Identical rows are each a record.
    twin = rows[10]
    twins = [r for r in records.values() if url(r) == twin[8]]
    assert len(twins) == 2 and twins[0]["amount"] == twins[1]["amount"]
    # The correction is subtracted from the largest record of the same donor, year,
    # stage and category: their sum is the file's less the correction.
    corrected = rows[CORRECTION_OF]
    alike = [
        row
        for row in rows[:-2]
        if row[1] == corrected[1] and row[2].year == corrected[2].year and row[4] == corrected[4]
    ]
    group = [r for r in records.values() if url(r) in {row[8] for row in alike}]
    assert len(group) == len(alike)
    correction = rows[-2][7]
    assert (
        sum(Decimal(r["amount"]) for r in group) == (sum(r[7] for r in alike) + correction) * 10**6
    )
    (netted,) = [r for r in group if "netted" in (r["note"] or "")]
    assert Decimal(netted["amount"]) == (max(row[7] for row in alike) + correction) * 10**6
    # The tracker's allocations are deliveries of its commitment ("Promised and delivered").
    (promise,) = [r for r in records.values() if r["status"] == "committed"]
    deliveries = [r for r in records.values() if r.get("delivery_of") == promise["id"]]
    assert len(deliveries) == 3
    again = aidtrack.ok("import", str(path), *sheet, *WHOLE, "--negative", "net")
    assert f"0 new, 0 updated, {RECORDS} already there" in again.stderr
    assert stored(store) == records


def test_csv_xlsx_and_a_mapping_file_give_the_same_store(
    aidtrack: Aidtrack, tmp_path: Path
) -> None:
    csv_path, _ = make("csv", tmp_path)
    xlsx_path, sheet = make("xlsx", tmp_path)
    toml = tmp_path / "kiel.toml"
    toml.write_text(MAPPING_FILE, encoding="utf-8")
    one, two, three = (tmp_path / f"{n}.json" for n in ("one", "two", "three"))
    net = ("--negative", "net")
    aidtrack.ok("--db", str(one), "import", str(csv_path), *WHOLE, *net)
    aidtrack.ok("--db", str(two), "import", str(xlsx_path), *sheet, *WHOLE, *net)
    aidtrack.ok("--db", str(three), "import", str(csv_path), "--mapping", str(toml), *net)
    assert stored(one) == stored(two) == stored(three)


# 1. Identical rows -----------------------------------------------------------------------


def test_identical_delivery_rows_are_two_records_with_stable_ids(
    aidtrack: Aidtrack, store: Path, tmp_path: Path
) -> None:
    row = ["A-1", "Germany", dt.date(2024, 3, 1), "Allocation", "Military", "Weapons", "", 12.5, ""]
    path = activity_csv(tmp_path / "twins.csv", [row, list(row), [*row[:7], 3, ""]])
    args = (*MAP, "--map", "donor=donor")
    result = aidtrack.ok("import", str(path), *args)
    assert "3 new" in result.stderr
    records = stored(store)
    assert sorted(r["amount"] for r in records.values()) == ["12.5", "12.5", "3"]
    again = aidtrack.ok("import", str(path), *args)
    assert "0 new, 0 updated, 3 already there" in again.stderr
    assert stored(store) == records


def test_a_content_id_counts_its_occurrence() -> None:
    fields = {"donor": "Germany", "year": "2024", "amount": "5"}
    first, second, third = (mapping.content_id(fields, n) for n in (1, 2, 3))
    assert first == mapping.content_id(fields)  # the first keeps the id it always had
    assert len({first, second, third}) == 3
    assert second == mapping.content_id(dict(fields), 2)


# 2. Corrections and rows set aside -------------------------------------------------------


def test_a_correction_is_refused_naming_what_it_is_and_the_ways_on(
    aidtrack: Aidtrack, store: Path, tmp_path: Path
) -> None:
    row = ["A-1", "Germany", dt.date(2024, 3, 1), "Allocation", "Military", "Weapons", "", 80, ""]
    path = activity_csv(tmp_path / "c.csv", [row, [*row[:7], "-51902216.22", ""]])
    result = aidtrack("import", str(path), *MAP)
    assert result.exit_code == 1
    assert "row 3, field amount: EUR -51902216.22 is a correction (a negative amount)" in (
        result.stderr
    )
    assert "--rejects FILE" in result.stderr and "--negative net" in result.stderr
    assert "nothing was imported" in result.stderr and not store.exists()
    whole, _ = make("csv", tmp_path)
    assert "is a correction" in aidtrack("import", str(whole), *WHOLE).stderr


def test_rejects_imports_the_valid_rows_and_writes_the_others_as_they_were(
    aidtrack: Aidtrack, store: Path, tmp_path: Path
) -> None:
    path, _ = make("csv", tmp_path)
    rejects = tmp_path / "rejects.csv"
    without_eu = [a for a in WHOLE if not a.startswith("donor:EU")]
    without_eu.remove("--value")
    result = aidtrack.ok("import", str(path), *without_eu, "--rejects", str(rejects), "--json")
    eu_rows = sum(1 for row in activity_rows() if row[1].startswith("EU ("))
    set_aside = eu_rows + 1  # and the correction
    assert f"{RECORDS - eu_rows} new" in result.stderr
    assert f"{set_aside} rows set aside in {rejects}" in result.stderr
    assert len(json.loads(result.stdout)["set_aside"]) == set_aside
    assert len(stored(store)) == RECORDS - eu_rows  # no refused row reached the store
    with rejects.open(encoding="utf-8", newline="") as lines:
        written = list(csv.reader(lines))
    assert written[0] == ["row", "reason", *COLUMNS]
    assert len(written) == 1 + set_aside
    original = list(csv.reader(path.open(encoding="utf-8", newline="")))
    for row in written[1:]:
        assert row[2:] == original[int(row[0]) - 1]  # its cells as they were
    reasons = {row[3]: row[1] for row in written[1:]}
    assert "unknown donor 'EU (Commission and Council)'" in reasons["EU (Commission and Council)"]
    correction = next(row for row in written[1:] if row[2] == "A-corr")
    assert "is a correction" in correction[1] and not correction[1].startswith("row ")

    # The rejects file, fixed, imports with the same map: the spelling corrected, the
    # correction left out.
    fixed = tmp_path / "fixed.csv"
    kept = [row for row in written if row[2] != "A-corr"]
    with fixed.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(
            [c.replace("EU (Commission and Council)", "EU institutions") for c in row]
            for row in kept
        )
    result = aidtrack.ok("import", str(fixed), *without_eu)
    assert f"{eu_rows} new" in result.stderr
    assert len(stored(store)) == RECORDS
    # The whole file with the donor mapped is now what the store holds, but the correction.
    again = aidtrack.ok("import", str(path), *WHOLE, "--rejects", str(rejects))
    assert f"0 new, 0 updated, {RECORDS} already there" in again.stderr
    assert "1 row set aside" in again.stderr


def test_without_rejects_a_bad_row_still_refuses_the_whole_file(
    aidtrack: Aidtrack, store: Path, tmp_path: Path
) -> None:
    aidtrack.ok("add", "Norway", "NOK 1bn", "--to", "Ukraine", "--year", "2024")
    before = store.read_bytes()
    path, _ = make("csv", tmp_path)
    result = aidtrack("import", str(path), *MAP, "--scale", "million", "--negative", "net")
    assert result.exit_code == 1 and "nothing was imported" in result.stderr
    assert "unknown donor 'EU (Commission and Council)'" in result.stderr
    assert '--value "donor:EU (Commission and Council)=..."' in result.stderr
    assert store.read_bytes() == before
    mapped = (*MAP, "--value", "donor:EU (Commission and Council)=EU institutions")
    result = aidtrack("import", str(path), *mapped, "--scale", "million", "--negative", "net")
    # The total row, past the first 20 problems above, is named once they are fixed.
    assert "a total row? leave it out: --skip-if donor=Total" in result.stderr
    assert store.read_bytes() == before


def test_negative_net_subtracts_from_the_largest_record_alike(
    aidtrack: Aidtrack, store: Path, tmp_path: Path
) -> None:
    def row(ident: str, amount: object, kind: str = "Military") -> list[object]:
        return [ident, "Poland", dt.date(2024, 5, 1), "Allocation", kind, "", "", amount, ""]

    path = activity_csv(
        tmp_path / "net.csv",
        [row("1", 10), row("2", 40), row("3", -15), row("4", 100, "Financial"), row("5", -5)],
    )
    result = aidtrack.ok("import", str(path), *MAP, "--scale", "million", "--negative", "net")
    assert "3 new" in result.stderr and "2 corrections netted" in result.stderr
    amounts = sorted(Decimal(r["amount"]) for r in stored(store).values())
    assert amounts == [Decimal(10_000_000), Decimal(20_000_000), Decimal(100_000_000)]
    (netted,) = [r for r in stored(store).values() if r["amount"] == "20000000"]
    assert "EUR -15,000,000 netted (row 4)" in netted["note"]
    assert "EUR -5,000,000 netted (row 6)" in netted["note"]


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([["1", 10, "Military"], ["2", -3, "Financial"]], "has nothing to net: no record of"),
        (
            [["1", 10, "Military"], ["2", -10, "Military"]],
            "would leave EUR 0, and a record is never netted",
        ),
        ([["1", 10, "Military"], ["2", -12, "Military"]], "would leave EUR -2,000,000"),
    ],
)
def test_negative_net_refuses_what_it_cannot_net(
    aidtrack: Aidtrack, store: Path, tmp_path: Path, rows: list[list[Any]], message: str
) -> None:
    aidtrack.ok("add", "Norway", "NOK 1bn", "--to", "Ukraine", "--year", "2024")
    before = store.read_bytes()
    path = activity_csv(
        tmp_path / "net.csv",
        [[i, "Poland", dt.date(2024, 5, 1), "Allocation", k, "", "", a, ""] for i, a, k in rows],
    )
    result = aidtrack("import", str(path), *MAP, "--scale", "million", "--negative", "net")
    assert result.exit_code == 1 and message in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1 and "--rejects" in result.stderr
    assert store.read_bytes() == before


# 3. Value maps ---------------------------------------------------------------------------


def test_value_maps_every_closed_field_from_flags_and_the_mapping_file() -> None:
    column_map = ColumnMap.parse(
        values=[
            "donor:EU (Commission and Council)=EU institutions",
            "recipient:UA=Ukraine",
            "currency:Euro=EUR",
            "qualifier:mindestens=at least",
            "stage:Zusage=commitment",
            "category:Waffen=military",
            "instrument:Darlehen=loan",
        ],
        mapping_file='[values.donor]\n"Deutschland" = "Germany"\n',
    )
    row = {
        "donor": "eu  (commission and council)",
        "recipient": "UA",
        "currency": "euro",
        "qualifier": "Mindestens",
        "status": "ZUSAGE",
        "category": "Waffen",
        "instrument": "Darlehen",
    }
    assert column_map.fields(row, "row 2") == {
        "donor": "EU institutions",
        "recipient": "Ukraine",
        "currency": "EUR",
        "qualifier": "at_least",
        "status": "committed",
        "category": "military",
        "instrument": "loan",
    }
    assert column_map.fields({"donor": "Deutschland"}, "row 3") == {"donor": "Germany"}
    assert column_map.fields({"donor": "Norway"}, "row 4") == {"donor": "Norway"}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("donor:EU (Commission and Council)=Atlantis", "unknown donor 'Atlantis'"),
        ("colour:red=blue", "no closed field 'colour'"),
        ("currency:Euro=Euros", "Euros"),
        ("status:Zusage=promised", "'promised' is not one of"),
        ("donor=EU", "write it as FIELD:WORD=VALUE"),
    ],
)
def test_a_bad_value_map_is_refused_before_any_row(
    aidtrack: Aidtrack, store: Path, tmp_path: Path, value: str, message: str
) -> None:
    path, _ = make("csv", tmp_path)
    result = aidtrack("import", str(path), *MAP, "--value", value)
    assert result.exit_code == 1 and message in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1 and not store.exists()


# 4. Columns named as aidtrack names them ---------------------------------------------------


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_column_named_as_aidtrack_names_it_maps_itself(
    aidtrack: Aidtrack, store: Path, tmp_path: Path, kind: str
) -> None:
    path, sheet = make(kind, tmp_path)
    args = (*sheet, "--map", "year=announcement_date", "--map", "amount=Amount (EUR m)")
    args += ("--scale", "million")
    args += ("--set", "recipient=Ukraine", "--set", "currency=EUR", "--skip-if", "donor=Total")
    result = aidtrack("import", str(path), *args, "--dry-run")
    assert "field donor: missing" not in result.stderr  # `donor` is read from its column
    assert "unknown donor 'EU (Commission and Council)'" in result.stderr
    # The map says otherwise: --set wins, and `--map donor=` reads it from no column.
    aidtrack.ok("import", str(path), *args, "--set", "donor=Norway", "--negative", "net")
    assert {r["donor"] for r in stored(store).values()} == {"Norway"}
    unmapped = aidtrack("import", str(path), *args, "--map", "donor=", "--dry-run")
    assert "field donor: missing" in unmapped.stderr


# 5. Scale --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("scale", "cell", "amount"),
    [
        ("million", "7100", "7100000000"),
        ("million", "7,100.5", "7100500000"),
        ("billion", "0.25", "250000000"),
        ("thousand", "12.345", "12345"),
        ("1000", "3", "3000"),
        ("mn", "1.5", "1500000"),
    ],
)
def test_scale_multiplies_the_amount_exactly(scale: str, cell: str, amount: str) -> None:
    column_map = ColumnMap.parse(scale=scale)
    assert column_map.fields({"amount": cell}, "row 2")["amount"] == amount


def test_scale_in_the_mapping_file_and_the_flag_overriding_it() -> None:
    assert ColumnMap.parse(mapping_file='scale = "million"').scale == Decimal(10**6)
    assert ColumnMap.parse(mapping_file="scale = 1000").scale == Decimal(1000)
    assert ColumnMap.parse(mapping_file='scale = "million"', scale="1").scale == Decimal(1)
    with pytest.raises(InvalidInput, match="written as text"):
        ColumnMap.parse(mapping_file="scale = 0.001")
    with pytest.raises(InvalidInput, match="not a scale"):
        ColumnMap.parse(scale="zillion")
    with pytest.raises(InvalidInput, match="not a plain number"):
        ColumnMap.parse(scale="million").fields({"amount": "7.1bn"}, "row 2")


@pytest.mark.parametrize(
    ("column", "warned"),
    [
        ("Amount (EUR m)", True),
        ("value mn", True),
        ("Betrag (Mill. EUR)", True),
        ("value (EURm)", True),
        ("USD bn", True),
        ("tot_sub_activity_value_EUR", False),
        ("amount", False),
    ],
)
def test_an_amount_column_in_millions_is_warned_about_without_a_scale(
    aidtrack: Aidtrack, tmp_path: Path, column: str, warned: bool
) -> None:
    path = tmp_path / "m.csv"
    path.write_text(f"donor,year,{column}\nNorway,2024,7100\n", encoding="utf-8")
    args = ("--map", f"amount={column}", "--set", "recipient=Ukraine", "--set", "currency=EUR")
    result = aidtrack.ok("import", str(path), *args, "--dry-run")
    assert ("--scale" in result.stderr) is warned, result.stderr
    if warned:
        assert f"warning: the amount column {column!r}" in result.stderr
        quiet = aidtrack.ok("import", str(path), *args, "--scale", "million", "--dry-run")
        assert "warning" not in quiet.stderr


# 6. Skipping rows ------------------------------------------------------------------------


def test_skip_if_leaves_out_rows_from_the_flags_or_the_mapping_file(
    aidtrack: Aidtrack, tmp_path: Path
) -> None:
    path = tmp_path / "t.csv"
    path.write_text(
        "donor,year,amount,kind\nNorway,2024,5,\nSweden,2024,6,subtotal\nTOTAL,,11,\n",
        encoding="utf-8",
    )
    base = ("--set", "recipient=Ukraine", "--set", "currency=EUR", "--dry-run")
    flags = aidtrack.ok(
        "import", str(path), *base, "--skip-if", "donor=Total", "--skip-if", "kind=Subtotal"
    )
    assert "1 new" in flags.stderr and "2 rows left out by --skip-if" in flags.stderr
    toml = tmp_path / "skip.toml"
    toml.write_text(
        '[[skip]]\ncolumn = "donor"\nvalue = "total"\n[[skip]]\ncolumn = "kind"\n'
        'value = "subtotal"\n',
        encoding="utf-8",
    )
    from_file = aidtrack.ok("import", str(path), *base, "--mapping", str(toml))
    assert "1 new" in from_file.stderr and "2 rows left out" in from_file.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--skip-if", "Land=Total"), "every mapped column (Amount (EUR m), Land,"),
        (("--skip-if", "Total"), "write it as COLUMN=VALUE"),
        (("--scale", "lots"), "'lots' is not a scale"),
        (("--mapping", "SKIP"), "[[skip]] tables must each hold"),
    ],
)
def test_bad_skip_and_scale_options_are_one_line_and_change_nothing(
    aidtrack: Aidtrack, store: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    aidtrack.ok("add", "Norway", "NOK 1bn", "--to", "Ukraine", "--year", "2024")
    before = store.read_bytes()
    path, _ = make("csv", tmp_path)
    if args == ("--mapping", "SKIP"):
        toml = tmp_path / "bad.toml"
        toml.write_text('[[skip]]\ncolumn = "donor"\n', encoding="utf-8")
        args = ("--mapping", str(toml))
    result = aidtrack("import", str(path), *MAP, *args)
    assert result.exit_code == 1 and message in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1
    assert store.read_bytes() == before


# 10. The small ones ----------------------------------------------------------------------


def test_an_unknown_column_names_the_map(aidtrack: Aidtrack, tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("country,year,amount\nNorway,2024,5\n", encoding="utf-8")
    result = aidtrack("import", str(path))
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert "unknown column 'country'; the columns are" in result.stderr
    assert "--map FIELD=COLUMN" in result.stderr


def test_import_help_shows_the_mapping_files_tables(aidtrack: Aidtrack) -> None:
    shown = " ".join(aidtrack.ok("import", "--help").stdout.split())
    for table in ("[map]", "[set]", "[values.FIELD]", "[[skip]]"):
        assert table in shown
    assert "--rejects" in shown and "--scale" in shown and "--skip-if" in shown


def test_format_xlsx_is_accepted_also_from_stdin(
    aidtrack: Aidtrack, store: Path, tmp_path: Path
) -> None:
    path, sheet = make("xlsx", tmp_path)
    named = tmp_path / "release-23.bin"
    named.write_bytes(path.read_bytes())
    result = aidtrack.ok(
        "import", str(named), "--format", "xlsx", *sheet, *WHOLE, "--negative", "net"
    )
    assert f"{RECORDS} new" in result.stderr
    other = tmp_path / "stdin.json"
    args = ["--db", str(other), "import", "-", "--format", "xlsx", *sheet, *WHOLE]
    piped = aidtrack(*args, "--negative", "net", input=path.read_bytes())
    assert piped.exit_code == 0, piped.stderr
    assert stored(other) == stored(store)


def test_set_fills_what_ndjson_drafts_leave_open(
    aidtrack: Aidtrack, store: Path, tmp_path: Path
) -> None:
    drafts = tmp_path / "drafts.ndjson"
    drafts.write_text(
        aidtrack.ok(
            "extract",
            "It will give EUR 500 million in military aid to Ukraine in 2025.",
            "--format",
            "ndjson",
        ).stdout,
        encoding="utf-8",
    )
    refused = aidtrack("import", str(drafts))
    assert refused.exit_code == 1 and "line 1, field donor: missing" in refused.stderr
    result = aidtrack.ok("import", str(drafts), "--set", "donor=Norway")
    assert "1 new" in result.stderr
    (record,) = stored(store).values()
    assert (record["donor"], record["amount"], record["category"]) == (
        "Norway",
        "500000000",
        "military",
    )
    assert record["sources"][0]["quote"].startswith("It will give EUR 500 million")
    again = aidtrack.ok("import", str(drafts), "--set", "donor=Norway")
    assert "0 new, 0 updated, 1 already there" in again.stderr


def test_rejects_refuses_the_store_and_json_files(
    aidtrack: Aidtrack, store: Path, tmp_path: Path
) -> None:
    path, _ = make("csv", tmp_path)
    aidtrack.ok("add", "Norway", "NOK 1bn", "--to", "Ukraine", "--year", "2024")
    before = store.read_bytes()
    on_store = aidtrack("import", str(path), *WHOLE, "--rejects", str(store))
    assert on_store.exit_code == 1 and "is the store itself" in on_store.stderr
    on_input = aidtrack("import", str(path), *WHOLE, "--rejects", str(path))
    assert on_input.exit_code == 1 and "is the file being imported" in on_input.stderr
    drafts = tmp_path / "d.ndjson"
    drafts.write_text('{"donor": "Norway"}\n', encoding="utf-8")
    on_json = aidtrack("import", str(drafts), "--rejects", str(tmp_path / "r.csv"))
    assert on_json.exit_code == 1 and "CSV or XLSX" in on_json.stderr
    assert store.read_bytes() == before and not (tmp_path / "r.csv").exists()


def test_a_dry_run_with_rejects_writes_no_file(
    aidtrack: Aidtrack, store: Path, tmp_path: Path
) -> None:
    path, _ = make("csv", tmp_path)
    rejects = tmp_path / "rejects.csv"
    result = aidtrack.ok("import", str(path), *WHOLE, "--rejects", str(rejects), "--dry-run")
    assert "1 row would be set aside" in result.stderr
    assert not rejects.exists() and not store.exists()
