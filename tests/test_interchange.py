"""Import, export and the shipped dataset (issue 4): all or nothing, idempotent, round trips."""

from __future__ import annotations

import dataclasses
import json
import os
import stat
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aidtrack import interchange
from aidtrack.errors import InvalidInput
from aidtrack.interchange import FileFormat
from aidtrack.ledger import open_ledger
from aidtrack.model import Pledge, Source, YearSpan

from .conftest import REPO, STARTER_CSV, Aidtrack

HEADER = "id,donor,recipient,year,amount,currency,status,part_of,supersedes\n"
STARTER_COUNT = 22  # records in data/pledges-starter.csv


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def records(aidtrack: Aidtrack, *db: str) -> list[dict[str, Any]]:
    """Every stored record, history included, as the JSON contract prints it."""
    rows: list[dict[str, Any]] = aidtrack.json(*db, "list", "--all", "--sort", "id")
    return rows


def without_times(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in row.items() if k not in ("created_at", "updated_at")} for row in rows]


@pytest.fixture
def starter(aidtrack: Aidtrack) -> None:
    aidtrack.ok("import", str(STARTER_CSV))


# The shipped dataset ---------------------------------------------------------------------


def test_the_starter_csv_arrives_whole_with_its_links(aidtrack: Aidtrack, starter: None) -> None:
    stored = {row["id"]: row for row in records(aidtrack)}
    assert len(stored) == STARTER_COUNT
    assert stored["nor-nansen-2030"]["supersedes"] == "nor-nansen-2023"
    assert stored["nor-nansen-2030"]["years"] == [2023, 2030]
    assert stored["nor-2025-first"]["qualifier"] == "at_least"
    assert stored["nor-2026-mil"]["part_of"] == "nor-2026"
    assert stored["eu-facility-loans"]["instrument"] == "loan"
    current = {row["id"] for row in aidtrack.json("list")}
    assert "nor-nansen-2023" not in current and "nor-nansen-2030" in current
    assert "nor-2025-first-mil" not in current  # a part of a superseded whole is history


def test_the_sample_ships_with_the_package_as_a_real_file() -> None:
    """A real file, not a link to data/: a checkout without symlinks would otherwise
    build a wheel that ships the link's 30 bytes of text."""
    packaged = REPO / "aidtrack" / "data" / "pledges-starter.csv"
    assert not packaged.is_symlink()
    assert packaged.read_bytes() == STARTER_CSV.read_bytes()
    assert interchange.sample_text() == STARTER_CSV.read_text(encoding="utf-8")
    assert len(interchange.read_records(interchange.sample_text(), FileFormat.CSV)) == 22


@pytest.mark.slow
def test_the_built_wheel_carries_the_sample_and_loads_it(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(REPO),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = wheels.glob("aidtrack-*.whl")
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        assert archive.read("aidtrack/data/pledges-starter.csv") == STARTER_CSV.read_bytes()
        wdi = "wdi-gdp-population-2024.csv"
        assert archive.read(f"aidtrack/data/{wdi}") == (REPO / "data" / wdi).read_bytes()
        archive.extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site), "AIDTRACK_DB": str(tmp_path / "s.json")}
    loaded = subprocess.run(
        [sys.executable, "-m", "aidtrack", "init", "--sample"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert loaded.returncode == 0, loaded.stderr
    assert "loaded 22 sample pledges" in loaded.stderr
    where = subprocess.run(
        [sys.executable, "-c", "import aidtrack; print(aidtrack.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert where.stdout.startswith(str(site))


def test_init_sample_fills_a_new_store_and_prints_its_path(aidtrack: Aidtrack, store: Path) -> None:
    result = aidtrack.ok("init", "--sample")
    assert result.stdout == f"{store}\n"
    assert "loaded 22 sample pledges" in result.stderr
    assert len(records(aidtrack)) == STARTER_COUNT


def test_init_sample_again_is_harmless(aidtrack: Aidtrack, store: Path) -> None:
    aidtrack.ok("init", "--sample")
    before = store.read_bytes()
    result = aidtrack.ok("init", "--sample")
    assert "already holds the sample" in result.stderr
    assert store.read_bytes() == before


def test_init_sample_never_mixes_into_a_store_with_other_data(
    aidtrack: Aidtrack, store: Path
) -> None:
    aidtrack.ok("add", "Norway", "NOK 5bn", "--year", "2027", "--to", "Ukraine")
    before = store.read_bytes()
    result = aidtrack("init", "--sample")
    assert result.exit_code == 1
    assert "already holds 1 pledges" in result.stderr
    assert store.read_bytes() == before


def test_plain_init_creates_an_empty_store(aidtrack: Aidtrack, store: Path) -> None:
    assert aidtrack.ok("init").stdout == f"{store}\n"
    assert store.exists() and stat.S_IMODE(store.stat().st_mode) == 0o600
    assert aidtrack.json("list") == []
    assert "already exists, with 0 pledges" in aidtrack.ok("init").stderr


# Idempotency and --update ----------------------------------------------------------------


def test_importing_the_same_file_twice_adds_nothing(
    aidtrack: Aidtrack, store: Path, starter: None
) -> None:
    before = store.read_bytes()
    result = aidtrack.ok("import", str(STARTER_CSV))
    assert "0 new, 0 updated, 22 already there" in result.stderr
    assert store.read_bytes() == before


def test_rows_without_ids_get_fresh_ids_and_are_recognised_next_time(
    aidtrack: Aidtrack, tmp_path: Path, store: Path
) -> None:
    text = (
        "donor,recipient,year,amount,currency\n"
        "Sweden,Ukraine,2025,SEK 10bn,\n"
        "Denmark,Ukraine,2025,8bn,DKK\n"
    )
    path = write(tmp_path, "noids.csv", text)
    added = json.loads(aidtrack.ok("import", str(path), "--json").stdout)["added"]
    assert added == ["p1", "p2"]
    before = store.read_bytes()
    summary = json.loads(aidtrack.ok("import", str(path), "--json").stdout)
    assert summary == {"added": [], "updated": [], "unchanged": ["p1", "p2"], "dry_run": False}
    assert store.read_bytes() == before


def test_fresh_ids_avoid_the_ids_the_file_brings(aidtrack: Aidtrack, tmp_path: Path) -> None:
    text = HEADER + "p1,Norway,Ukraine,2025,5bn,NOK,,,\n,Sweden,Ukraine,2025,5bn,SEK,,,\n"
    aidtrack.ok("import", str(write(tmp_path, "ids.csv", text)))
    assert [row["id"] for row in records(aidtrack)] == ["p1", "p2"]


def test_a_known_id_with_other_content_needs_update(
    aidtrack: Aidtrack, tmp_path: Path, store: Path, starter: None
) -> None:
    original = aidtrack.json("show", "deu-2026")
    changed = STARTER_CSV.read_text(encoding="utf-8").replace("11500000000,EUR", "12000000000,EUR")
    path = write(tmp_path, "changed.csv", changed)
    before = store.read_bytes()
    result = aidtrack("import", str(path))
    assert result.exit_code == 1
    assert "deu-2026 is stored with another amount; add --update" in result.stderr
    assert store.read_bytes() == before

    assert "1 updated, 21 already there" in aidtrack.ok("import", str(path), "--update").stderr
    updated = aidtrack.json("show", "deu-2026")
    assert updated["amount"] == "12000000000"
    assert updated["created_at"] == original["created_at"]
    assert [row["id"] for row in aidtrack.json("list", "--all", "--sort", "created")][16] == (
        "deu-2026"  # replaced in place, not appended
    )


# Round trips -----------------------------------------------------------------------------


def enrich(aidtrack: Aidtrack) -> None:
    """Several sources, formula-like text and control characters, on top of the starter."""
    aidtrack.ok(
        "edit",
        "nor-2026",
        "--source",
        "https://example.org/b",
        "--quote",
        '=HYPERLINK("http://evil", "click")',
        "--source-date",
        "2025-10-16",
    )
    aidtrack.ok("edit", "deu-2026", "--note", "-5 or +7 @home, 'quoted', \"double\"\nnext line")
    aidtrack.ok("edit", "usa-2024", "--label", "'=already quoted")


@pytest.mark.parametrize("fmt", ["csv", "json", "ndjson"])
def test_export_then_import_gives_the_same_records(
    aidtrack: Aidtrack, tmp_path: Path, starter: None, fmt: str
) -> None:
    enrich(aidtrack)
    exported = aidtrack.ok("export", "--all", "--format", fmt).stdout
    path = write(tmp_path, f"all.{fmt}", exported)
    other = ("--db", str(tmp_path / "other.json"))
    aidtrack.ok(*other, "import", str(path))
    again, original = records(aidtrack, *other), records(aidtrack)
    assert len(again[0]) == len(original[0])
    if fmt == "csv":  # CSV has no columns for the store's own times
        assert without_times(again) == without_times(original)
    else:
        assert again == original
    sources = next(row for row in again if row["id"] == "nor-2026")["sources"]
    assert [s["url"] for s in sources] == [
        "https://norway.news-pravda.com/en/world/2025/10/15/7490.html",
        "https://example.org/b",
    ]


def test_csv_carries_several_sources_as_rows_of_one_id(aidtrack: Aidtrack, starter: None) -> None:
    enrich(aidtrack)
    rows = aidtrack.ok("export", "--donor", "Norway", "--year", "2026").stdout.splitlines()
    assert [row.split(",")[0] for row in rows[1:]] == [
        "nor-nansen-2030",  # the envelope covers 2026
        "nor-2026",
        "nor-2026",
        "nor-2026-mil",
        "nor-2026-civ",
    ]
    assert rows[2].startswith("nor-2026,Norway,Ukraine,2026,85000000000,NOK,")
    assert rows[3].startswith("nor-2026,,,,,,")  # a further source: the id and the source only
    assert (
        ',https://example.org/b,2025-10-16,"\'=HYPERLINK(""http://evil"", ""click"")",' in rows[3]
    )


def test_a_further_row_of_an_id_may_not_contradict_the_first(
    aidtrack: Aidtrack, tmp_path: Path, store: Path
) -> None:
    text = (
        "id,donor,recipient,year,amount,currency,source_url\n"
        "a1,Norway,Ukraine,2026,85bn,NOK,https://one\n"
        ",,,,,,https://nothing\n"
        "a1,,,,,,https://two\n"
        "a1,Norway,Ukraine,2026,90bn,NOK,https://three\n"
    )
    result = aidtrack("import", str(write(tmp_path, "rows.csv", text)))
    assert result.exit_code == 1
    assert "row 3, column donor: missing" in result.stderr
    assert "row 5, column amount: '90bn', but row 2 of the same id says '85bn'" in result.stderr
    assert not store.exists()


def test_formula_cells_are_neutralised_and_read_back() -> None:
    pledge = Pledge(
        id="x1",
        donor="Norway",
        donor_code="NOR",
        recipient="Ukraine",
        recipient_code="UKR",
        years=YearSpan(2026, 2026),
        amount=Decimal(5_000_000_000),
        currency="NOK",
        label="@SUM(A1:A9)",
        note="+1-555-0100",
        sources=(Source("https://x.org/a", None, "=1+1"),),  # a URL is a web address
    )
    text = interchange.csv_text([pledge])
    assert "'@SUM(A1:A9)" in text and "'+1-555-0100" in text and "'=1+1" in text
    (back,) = interchange.read_records(text, FileFormat.CSV)
    assert back.pledge().label == "@SUM(A1:A9)"
    assert back.pledge().note == "+1-555-0100"
    assert back.pledge().sources == (Source("https://x.org/a", None, "=1+1"),)


@given(st.text())
def test_neutralise_is_undone_exactly_and_leaves_no_formula(cell: str) -> None:
    neutralised = interchange.neutralise(cell)
    assert not neutralised.startswith(interchange.FORMULA_STARTS)
    assert interchange.unneutralise(neutralised) == cell


@given(
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00")).filter(
        lambda t: t and not t.isspace()
    )
)
def test_any_note_survives_a_csv_round_trip(note: str) -> None:
    """Any note that may be stored (no NUL, no lone surrogate)."""
    row = "donor,recipient,year,amount,currency\nNorway,Ukraine,2026,5bn,NOK\n"
    pledge = interchange.read_records(row, FileFormat.CSV)[0].pledge("x1")
    text = interchange.csv_text([dataclasses.replace(pledge, note=note)])
    (back,) = interchange.read_records(text, FileFormat.CSV)
    assert back.values["note"] == note


# All or nothing, and clear errors --------------------------------------------------------


def test_every_bad_row_is_listed_and_nothing_is_written(
    aidtrack: Aidtrack, tmp_path: Path, store: Path, starter: None
) -> None:
    text = (
        "donor,recipient,year,amount,currency,status\n"
        "Norway,Ukraine,2027,5bn,NOK,committed\n"
        "Norwey,Ukraine,2027,NaN,NOK,committed\n"
        "Sweden,Ukraine,2027,7e999,SEK,committed\n"
        "Finland,Ukraine,2027,-5,XYZ,committed\n"
        "Poland,Ukraine,2030-2020,5bn,PLN,promised\n"
    )
    before = store.read_bytes()
    result = aidtrack("import", str(write(tmp_path, "bad.csv", text)))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {tmp_path / 'bad.csv'}: 7 problems; nothing was imported:",
        "  row 3, column donor: unknown donor 'Norwey'; did you mean Norway?",
        "  row 3, column amount: amount 'NaN' is not a number: write it like 85bn, 7.5 billion, "
        "7,5 mrd, 850m, 1,200,000, NOK 85bn or 2,5 Mrd. Euro (positive, no exponent)",
        "  row 4, column amount: amount '7e999' is not a number: write it like 85bn, 7.5 billion, "
        "7,5 mrd, 850m, 1,200,000, NOK 85bn or 2,5 Mrd. Euro (positive, no exponent)",
        "  row 5, column amount: amount '-5' must be greater than zero",
        "  row 5, column currency: unknown currency 'XYZ': use an ISO 4217 code such as USD, EUR, "
        "NOK or GBP",
        "  row 6, column year: year range 2030-2020 ends before it starts",
        "  row 6, column status: status 'promised' is not one of: announced, committed, "
        "allocated, disbursed",
    ]
    assert store.read_bytes() == before


BAD_FILES = {
    "truncated.json": ('[{"donor": "Norway", "recipient": "Ukr', "is not valid JSON"),
    "empty.csv": ("", "is empty"),
    "blank.json": ("  \n", "is empty"),
    "nocolumn.csv": (
        "donor,recipient,year,currency\nNorway,Ukraine,2026,NOK\n",
        "no amount column",
    ),
    "unknown.csv": (
        "donor,recipient,year,amount,currency,colour\nNorway,Ukraine,2026,5bn,NOK,red\n",
        "unknown column 'colour'",
    ),
    "nan.csv": ("donor,recipient,year,amount,currency\nNorway,Ukraine,2026,NaN,NOK\n", "'NaN'"),
    "huge.csv": ("donor,recipient,year,amount,currency\nNorway,Ukraine,2026,7e999,NOK\n", "7e999"),
    "negative.csv": (
        "donor,recipient,year,amount,currency\nNorway,Ukraine,2026,-5,NOK\n",
        "must be greater than zero",
    ),
    "country.csv": (
        "donor,recipient,year,amount,currency\nNorwey,Ukraine,2026,5bn,NOK\n",
        "did you mean Norway?",
    ),
    "currency.csv": (
        "donor,recipient,year,amount,currency\nNorway,Ukraine,2026,5bn,NOKK\n",
        "unknown currency 'NOKK'",
    ),
    "nan.json": (
        '[{"donor": "Norway", "recipient": "Ukraine", "year": 2026, '
        '"amount": NaN, "currency": "NOK"}]',
        "NaN is not a number",
    ),
    "float.json": (
        '[{"donor": "Norway", "recipient": "Ukraine", "year": 2026, '
        '"amount": 1e999, "currency": "NOK"}]',
        "too large",
    ),
    "field.json": ('[{"donor": "Norway", "colour": "red"}]', "unknown field 'colour'"),
    "notobject.ndjson": (
        '{"donor": "NO", "recipient": "UA", "year": 2026, "amount": "5bn", "currency": "NOK"}\n'
        "[1, 2]\n",
        "line 2: a record must be a JSON object",
    ),
    "latin1.csv": ("donor,recipient,year,amount,currency\nC\xf4te,Ukraine,2026,5bn,NOK\n", "UTF-8"),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_files_give_one_clear_line_and_change_nothing(
    aidtrack: Aidtrack, tmp_path: Path, store: Path, starter: None, name: str
) -> None:
    text, expected = BAD_FILES[name]
    path = tmp_path / name
    path.write_bytes(text.encode("latin-1" if name.startswith("latin1") else "utf-8"))
    before = store.read_bytes()
    result = aidtrack("import", str(path))
    assert result.exit_code == 1, result.stderr
    assert expected in result.stderr
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert store.read_bytes() == before


def test_a_missing_file_is_one_line(aidtrack: Aidtrack, tmp_path: Path) -> None:
    result = aidtrack("import", str(tmp_path / "nope.csv"))
    assert result.exit_code == 1
    assert (
        result.stderr == f"error: cannot read {tmp_path / 'nope.csv'}: No such file or directory\n"
    )


def test_dry_run_checks_but_writes_nothing(aidtrack: Aidtrack, store: Path) -> None:
    result = aidtrack.ok("import", str(STARTER_CSV), "--dry-run")
    assert "dry run" in result.stderr and "22 new" in result.stderr
    assert not store.exists()


# JSON and stdin --------------------------------------------------------------------------


def test_json_numbers_are_read_exactly_never_as_floats(aidtrack: Aidtrack) -> None:
    text = (
        '{"donor": "NO", "recipient": "UA", "year": 2026, "amount": 8.5e10, "currency": "NOK"}\n'
        '{"donor": "JP", "recipient": "UA", "years": [2024, 2026], "amount": 1234567890123, '
        '"currency": "JPY"}\n'
    )
    aidtrack.ok("import", "-", input=text)
    (nok,) = aidtrack.json("list", "--donor", "Norway")
    assert nok["amount"] == "85000000000"
    (jpy,) = aidtrack.json("list", "--donor", "Japan")
    assert (jpy["amount"], jpy["years"]) == ("1234567890123", [2024, 2026])
    result = aidtrack(
        "import",
        "-",
        input='[{"donor": "JP", "recipient": "UA", "year": 2026, '
        '"amount": 0.5, "currency": "JPY"}]',
    )
    assert "more decimal places than JPY has" in result.stderr


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("donor,recipient,year,amount,currency\nNorway,Ukraine,2026,5bn,NOK\n", None),
        (
            '[{"donor":"Norway","recipient":"Ukraine","year":2026,"amount":"5bn","currency":"NOK"}]',
            None,
        ),
        (
            '{"donor":"Norway","recipient":"Ukraine","year":2026,"amount":"5bn","currency":"NOK"}\n',
            None,
        ),
        (
            '{"donor":"Norway","recipient":"Ukraine","year":2026,"amount":"5bn","currency":"NOK"}',
            "json",
        ),
    ],
)
def test_stdin_format_is_given_or_sniffed(aidtrack: Aidtrack, text: str, fmt: str | None) -> None:
    aidtrack.ok("import", "-", *(("--format", fmt) if fmt else ()), input=text)
    assert [row["amount"] for row in aidtrack.json("list")] == ["5000000000"]


def test_format_of_names_and_contents() -> None:
    assert interchange.format_of("a.CSV", "[") is FileFormat.CSV
    assert interchange.format_of("a.jsonl", "") is FileFormat.NDJSON
    assert interchange.format_of("-", " [") is FileFormat.JSON
    assert interchange.format_of("-", "{") is FileFormat.NDJSON
    assert interchange.format_of("data.txt", "id,donor") is FileFormat.CSV


def test_repeated_ids_in_json_are_refused() -> None:
    row = '{"id":"a","donor":"NO","recipient":"UA","year":2026,"amount":"5bn","currency":"NOK"}'
    with pytest.raises(InvalidInput, match="line 2: id a is also line 1"):
        interchange.read_records(f"{row}\n{row}\n", FileFormat.NDJSON)


def test_a_bom_and_crlf_are_fine(aidtrack: Aidtrack, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(b"\xef\xbb\xbfdonor,recipient,year,amount,currency\r\nNO,UA,2026,5bn,NOK\r\n")
    aidtrack.ok("import", str(path))
    assert len(aidtrack.json("list")) == 1


# Links -----------------------------------------------------------------------------------


def test_links_may_point_forward_in_the_file_or_into_the_store(
    aidtrack: Aidtrack, tmp_path: Path, starter: None
) -> None:
    text = HEADER + (
        "w-mil,Norway,Ukraine,2027,60bn,NOK,announced,w,\n"
        "w,Norway,Ukraine,2027,80bn,NOK,announced,,\n"
        "nor-2026-b,Norway,Ukraine,2026,85bn,NOK,committed,,nor-2026\n"
    )
    aidtrack.ok("import", str(write(tmp_path, "links.csv", text)))
    assert aidtrack.json("show", "w-mil")["part_of"] == "w"
    current = {row["id"] for row in aidtrack.json("list")}
    assert "nor-2026-b" in current and "nor-2026" not in current


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ("a,Norway,Ukraine,2027,5bn,NOK,,ghost,\n", "row 2, column part_of: no pledge 'ghost'"),
        ("a,Norway,Ukraine,2027,5bn,NOK,,deu-2026,\n", "deu-2026 is Germany's"),
        (
            "a,Norway,Ukraine,2027,5bn,NOK,,,b\nb,Norway,Ukraine,2027,6bn,NOK,,,a\n",
            "the supersedes links from a lead back to it",
        ),
        (
            "a,Norway,Ukraine,2025,90bn,NOK,,,nor-2025-first\n",
            "nor-2025-first is already revised by nor-2025",
        ),
        (
            "a,Norway,Ukraine,2025,1bn,NOK,,nor-2025-first,\n",
            "nor-2025-first is superseded; parts belong to its current version",
        ),
    ],
)
def test_bad_links_are_refused(
    aidtrack: Aidtrack, tmp_path: Path, store: Path, starter: None, rows: str, expected: str
) -> None:
    before = store.read_bytes()
    result = aidtrack("import", str(write(tmp_path, "links.csv", HEADER + rows)))
    assert result.exit_code == 1
    assert expected in result.stderr
    assert store.read_bytes() == before


# The likely-duplicate check --------------------------------------------------------------


def test_nok_85bn_then_usd_8_5bn_is_a_likely_duplicate(
    aidtrack: Aidtrack, tmp_path: Path, store: Path, starter: None
) -> None:
    path = write(tmp_path, "usd.csv", HEADER + ",Norway,Ukraine,2026,$8.5bn,,announced,,\n")
    before = store.read_bytes()
    result = aidtrack("import", str(path))
    assert result.exit_code == 1
    assert "row 2: looks like a duplicate of nor-2026 (Norway 2026 NOK 85,000,000,000" in (
        result.stderr
    )
    assert "add --force" in result.stderr
    assert store.read_bytes() == before
    aidtrack.ok("import", str(path), "--force")
    assert len(records(aidtrack)) == STARTER_COUNT + 1


def test_parts_revisions_and_other_stages_are_not_duplicates(
    aidtrack: Aidtrack, tmp_path: Path, starter: None
) -> None:
    text = HEADER + (
        ",Norway,Ukraine,2026,$7.2bn,,announced,nor-2026-mil,\n"  # within 5% of NOK 70bn
        ",Norway,Ukraine,2026,$8.5bn,,committed,,\n"
        ",Norway,Ukraine,2026,86bn,NOK,announced,,nor-2026\n"
    )
    aidtrack.ok("import", str(write(tmp_path, "fine.csv", text)))
    assert len(records(aidtrack)) == STARTER_COUNT + 3


def test_rows_of_one_file_are_not_compared_with_each_other(
    aidtrack: Aidtrack, tmp_path: Path
) -> None:
    text = HEADER + ",Norway,Ukraine,2026,85bn,NOK,,,\n,Norway,Ukraine,2026,$8.5bn,,,,\n"
    aidtrack.ok("import", str(write(tmp_path, "twins.csv", text)))
    assert len(records(aidtrack)) == 2


def test_add_still_refuses_a_likely_duplicate(aidtrack: Aidtrack, starter: None) -> None:
    result = aidtrack("add", "Norway", "$8.5bn", "--year", "2026", "--to", "Ukraine")
    assert result.exit_code == 1
    assert "looks like a duplicate of nor-2026 (Norway 2026 NOK 85,000,000,000" in result.stderr


# Export ----------------------------------------------------------------------------------


def test_export_to_a_file_is_owner_only_and_filtered_like_list(
    aidtrack: Aidtrack, tmp_path: Path, starter: None
) -> None:
    out = tmp_path / "norway.json"
    result = aidtrack.ok("export", "--donor", "NO", "--status", "announced", "-o", str(out))
    assert "exported 3 pledges" in result.stderr and result.stdout == ""
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    listed = aidtrack.json("list", "--donor", "NO", "--status", "announced")
    assert json.loads(out.read_text()) == listed
    assert not list(tmp_path.glob(".norway.json.*"))


def test_export_warns_when_records_point_outside_it(aidtrack: Aidtrack, starter: None) -> None:
    result = aidtrack.ok("export", "--donor", "Norway")
    assert "not exported (nor-2025-first, nor-nansen-2023)" in result.stderr
    assert "--all" in result.stderr
    assert "not exported" not in aidtrack.ok("export", "--all").stderr


def test_export_never_overwrites_the_store(aidtrack: Aidtrack, store: Path, starter: None) -> None:
    before = store.read_bytes()
    result = aidtrack("export", "-o", str(store))
    assert result.exit_code == 1 and "is the store itself" in result.stderr
    assert store.read_bytes() == before


def test_export_of_an_empty_store_imports_as_nothing(aidtrack: Aidtrack, tmp_path: Path) -> None:
    for fmt in ("csv", "json", "ndjson"):
        path = tmp_path / f"empty.{fmt}"
        aidtrack.ok("export", "-o", str(path))
        if fmt != "ndjson":  # an NDJSON file of no records is an empty file
            assert "0 new" in aidtrack.ok("import", str(path)).stderr


# Progress and scale ----------------------------------------------------------------------


def test_progress_is_reported_while_rows_are_checked() -> None:
    rows = "".join(f",Norway,Ukraine,{2000 + i % 26},{i + 1},NOK,,,\n" for i in range(2500))
    calls: list[tuple[int, int]] = []
    incoming = interchange.read_records(
        HEADER + rows, FileFormat.CSV, progress=lambda done, total: calls.append((done, total))
    )
    assert len(incoming) == 2500
    assert calls == [(1000, 2500), (2000, 2500), (2500, 2500)]


def test_a_large_import_is_one_write(aidtrack: Aidtrack, tmp_path: Path, store: Path) -> None:
    rows = "".join(f",Norway,Ukraine,{2000 + i % 26},{i + 1},NOK,,,\n" for i in range(5000))
    aidtrack.ok("import", str(write(tmp_path, "many.csv", HEADER + rows)))
    with open_ledger(store) as ledger:
        assert len(ledger.pledges()) == 5000
        assert ledger.new_id() == "p5001"


def test_an_imported_generated_style_id_is_never_handed_out_again(
    aidtrack: Aidtrack, tmp_path: Path
) -> None:
    feed = tmp_path / "feed.csv"
    feed.write_text("id,donor,recipient,year,amount,currency\np7,Norway,Ukraine,2026,1,NOK\n")
    aidtrack.ok("import", str(feed))
    aidtrack.ok("remove", "p7", "--yes")
    added = aidtrack.ok("add", "Germany", "EUR 1bn", "--to", "UA", "-y", "2026").stdout.strip()
    assert added == "p8"
