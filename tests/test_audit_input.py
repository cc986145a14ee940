"""Issue 25, items 10, 11, 13, 14 and 15: what stored text may do to a terminal or a
spreadsheet, nonsense the store must refuse, and errors a person can read (one line,
naming the value, never an internal error)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock

from aidtrack import interchange

from .conftest import NOR_2026, Aidtrack
from .test_check import record
from .test_check import write as write_store
from .test_screens import on_terminal

HOSTILE = "\x1b]0;PWNED\x07\x1b[2J\u202egnp.exe\x9b31m"
"""A label that retitles the terminal, clears it, reverses what follows, and (as a C1
code) starts a colour."""
RAW = ("\x1b]", "\x07", "\u202e", "\x9b")
FORMULA_STARTS = ("=", "+", "-", "@")


def add_hostile(aidtrack: Aidtrack) -> None:
    aidtrack.ok("add", *NOR_2026, "--label", HOSTILE, "--note", "a\u2066b\u0085c")
    envelope = ("Norway", "NOK 75bn", "--to", "Ukraine", "--year", "2023-2027")
    aidtrack.ok("add", *envelope, "--label", HOSTILE, "--source", "https://x.org/e")


def one_line_error(result: object, code: int = 1) -> str:
    """The error of a refused command: one line, the exit code given."""
    stderr: str = result.stderr  # type: ignore[attr-defined]
    assert result.exit_code == code, (result.exit_code, stderr)  # type: ignore[attr-defined]
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert "internal error" not in stderr and "Traceback" not in stderr, stderr
    return stderr


# 10. Escape codes never reach the terminal ------------------------------------------------

JSON_COMMANDS = [
    ("list", "--json"),
    ("list", "--format", "ndjson"),
    ("show", "p1", "--json"),
    ("export", "--format", "json"),
    ("export", "--format", "ndjson"),
    ("report", "--year", "2026", "--json"),
]


@pytest.mark.parametrize("args", JSON_COMMANDS, ids=" ".join)
def test_json_always_escapes_c1_and_bidi_controls(
    aidtrack: Aidtrack, args: tuple[str, ...]
) -> None:
    add_hostile(aidtrack)
    out = aidtrack.ok(*args).stdout
    assert not [code for code in (*RAW, "\u2066", "\x85") if code in out], out
    assert "\\u202e" in out.lower() and "\\u009b" in out.lower()
    if args[0] == "list" and "--json" in args:
        first = {row["id"]: row for row in json.loads(out)}["p1"]
        assert (first["label"], first["note"]) == (HOSTILE, "a\u2066b\u0085c")  # as stored


def test_extract_json_escapes_c1_and_bidi_controls(aidtrack: Aidtrack) -> None:
    sentence = "Norway will give NOK 5 billion to Ukraine in 2026.\u202e\x9b31m"
    out = aidtrack.ok("extract", sentence, "--json").stdout
    assert "\u202e" not in out and "\x9b" not in out, out


def test_piped_csv_keeps_the_text_exactly(aidtrack: Aidtrack) -> None:
    """Off a terminal, CSV is data: the label goes out as it was stored."""
    add_hostile(aidtrack)
    out = aidtrack.ok("list", "--format", "csv").stdout
    rows = list(csv.reader(io.StringIO(out)))
    assert HOSTILE in [cell for row in rows for cell in row]


TERMINAL_COMMANDS = [
    ["list", "--format", "csv"],
    ["list", "--format", "tsv"],
    ["list", "--json"],
    ["list", "--format", "ndjson"],
    ["show", "p1", "--json"],
    ["export"],
    ["export", "--format", "ndjson"],
    ["report", "--year", "2026", "--json"],
]


@pytest.mark.slow
@pytest.mark.parametrize("args", TERMINAL_COMMANDS, ids=" ".join)
def test_on_a_terminal_every_format_shows_control_codes_escaped(
    aidtrack: Aidtrack, store: Path, args: list[str]
) -> None:
    add_hostile(aidtrack)
    shown = on_terminal(store, args, 120)
    assert "PWNED" in shown, shown
    assert not [code for code in RAW if code in shown], repr(shown)


@pytest.mark.slow
def test_extract_on_a_terminal_shows_control_codes_escaped(store: Path) -> None:
    sentence = "Norway will give NOK 5 billion to Ukraine in 2026." + HOSTILE
    for fmt in ("csv", "json", "ndjson"):
        shown = on_terminal(store, ["extract", sentence, "--format", fmt], 120)
        assert "PWNED" in shown, shown
        assert not [code for code in RAW if code in shown], repr(shown)


# 11. A formula behind any locale's separator is never run --------------------------------

FORMULAS = {
    "label": "x;=cmd|' /C calc'!A0",
    "note": "a,=1+1",
    "quote": "b\t@SUM(A1:A9)",
}


def add_formulas(aidtrack: Aidtrack) -> None:
    aidtrack.ok(
        "add",
        "Norway",
        "NOK 5bn",
        "--to",
        "Ukraine",
        "--year",
        "2024",
        "--label",
        FORMULAS["label"],
        "--note",
        FORMULAS["note"],
        "--source",
        "https://x.org/f",
        "--quote",
        FORMULAS["quote"],
    )


def formula_cells(text: str, delimiter: str) -> list[str]:
    """The cells a spreadsheet splitting at `delimiter` would read as formulas."""
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [cell for row in rows for cell in row if cell.startswith(FORMULA_STARTS)]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"], ids=["comma", "semicolon", "tab"])
def test_no_locale_reads_a_csv_cell_as_a_formula(aidtrack: Aidtrack, delimiter: str) -> None:
    add_formulas(aidtrack)
    text = aidtrack.ok("export").stdout
    assert formula_cells(text, delimiter) == []


def test_a_csv_cell_with_any_locales_separator_is_quoted(aidtrack: Aidtrack) -> None:
    add_formulas(aidtrack)
    text = aidtrack.ok("export").stdout
    assert "\"x;'=cmd|' /C calc'!A0\"" in text
    assert '"b\t\'@SUM(A1:A9)"' in text


@pytest.mark.parametrize("delimiter", [",", ";"], ids=["comma", "semicolon"])
def test_no_locale_reads_a_tsv_cell_as_a_formula(aidtrack: Aidtrack, delimiter: str) -> None:
    add_formulas(aidtrack)
    text = aidtrack.ok("list", "--format", "tsv").stdout
    cells = [cell for line in text.splitlines() for cell in line.split("\t")]
    split = [part for cell in cells for part in cell.split(delimiter)]
    assert [part for part in split if part.startswith(FORMULA_STARTS)] == []


def test_formulas_behind_separators_import_back_as_they_were(
    aidtrack: Aidtrack, tmp_path: Path
) -> None:
    add_formulas(aidtrack)
    aidtrack.ok("add", *NOR_2026, "--label", "a;'=b,''+c", "--note", "\t-x")
    path = tmp_path / "out.csv"
    aidtrack.ok("export", "-o", str(path))
    other = ("--db", str(tmp_path / "other.json"))
    aidtrack.ok(*other, "import", str(path))
    back = {row["id"]: row for row in aidtrack.json(*other, "list")}
    assert back["p1"]["label"] == FORMULAS["label"] and back["p1"]["note"] == FORMULAS["note"]
    assert back["p1"]["sources"][0]["quote"] == FORMULAS["quote"]
    assert (back["p2"]["label"], back["p2"]["note"]) == ("a;'=b,''+c", "\t-x")


@pytest.mark.parametrize(
    "cell", ["x;=1", "a,'=b", ";;+", "\t\t=x", "'", "a;", ",''-'", "'=x", "plain", ""]
)
def test_neutralise_after_separators_is_undone_exactly(cell: str) -> None:
    neutralised = interchange.neutralise(cell)
    for delimiter in ",;\t":
        assert not [p for p in neutralised.split(delimiter) if p.startswith(FORMULA_STARTS)]
    assert interchange.unneutralise(neutralised) == cell


# 13. Nonsense is refused, and the store is left as it was ---------------------------------

NORWAY_2024 = ("Norway", "5bn", "--to", "Ukraine", "--year", "2024", "--source", "https://x.org/n")


@pytest.fixture
def stored(aidtrack: Aidtrack, store: Path) -> bytes:
    """A store with one record: what every refused command must leave byte for byte."""
    aidtrack.ok("add", *NOR_2026)
    return store.read_bytes()


NOT_MONEY = (
    *("XXX", "XTS", "XAU", "XAG", "XPT", "XPD", "XBA", "XBB", "XBC", "XBD", "XSU", "XUA"),
    *("BOV", "CHE", "CHW", "CLF", "COU", "MXV", "USN", "UYI", "UYW"),
)


@pytest.mark.parametrize("code", NOT_MONEY)
def test_a_currency_that_is_not_money_is_refused(
    aidtrack: Aidtrack, store: Path, stored: bytes, code: str
) -> None:
    stderr = one_line_error(aidtrack("add", *NORWAY_2024, "--currency", code))
    assert code in stderr and "unknown currency" not in stderr
    assert store.read_bytes() == stored
    one_line_error(aidtrack("add", *NORWAY_2024[2:], "Norway", f"{code} 5bn"))
    assert store.read_bytes() == stored


def test_codes_that_are_not_money_are_not_offered(aidtrack: Aidtrack) -> None:
    from aidtrack.money import currency_codes

    assert not set(NOT_MONEY) & set(currency_codes())


def test_special_drawing_rights_are_money(aidtrack: Aidtrack) -> None:
    """The IMF lends in SDR (Ukraine's 2023 programme: SDR 11.6bn)."""
    assert aidtrack.json("add", "IMF", "XDR 11.6bn", "--to", "Ukraine", "-y", "2023")["currency"]


def test_a_fund_code_names_the_currency_to_use(aidtrack: Aidtrack) -> None:
    stderr = one_line_error(aidtrack("add", *NORWAY_2024, "--currency", "CHE"))
    assert "CHF" in stderr


def test_an_announcement_after_today_is_refused(
    aidtrack: Aidtrack, store: Path, stored: bytes
) -> None:
    later = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    stderr = one_line_error(aidtrack("add", *NORWAY_2024, "-c", "NOK", "--announced", later))
    assert later in stderr
    assert store.read_bytes() == stored
    one_line_error(aidtrack("edit", "p1", "--announced", later))
    assert store.read_bytes() == stored
    today = dt.date.today().isoformat()
    aidtrack.ok("add", *NORWAY_2024, "-c", "NOK", "--announced", today)


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "file:///etc/passwd", "ftp://x.org/a", "x.org/a", "https://"]
)
def test_a_source_that_is_not_a_web_address_is_refused(
    aidtrack: Aidtrack, store: Path, stored: bytes, url: str
) -> None:
    args = ("add", *NORWAY_2024[:-2], "-c", "NOK", "--source", url)
    stderr = one_line_error(aidtrack(*args))
    assert "http" in stderr
    one_line_error(aidtrack("edit", "p1", "--source", url))
    assert store.read_bytes() == stored


def test_a_source_already_stored_does_not_stop_an_edit(aidtrack: Aidtrack, store: Path) -> None:
    """A store written before the rule keeps its sources, and its records stay editable."""
    old = record("old")
    old["sources"] = [{"url": "file:///x", "date": None, "quote": None}]
    write_store(store, old)
    assert aidtrack.json("edit", "old", "--note", "checked")["note"] == "checked"


@pytest.mark.parametrize("option", ["--status", "--category", "--qualifier", "--instrument"])
def test_an_empty_word_is_refused_not_taken_as_the_default(
    aidtrack: Aidtrack, store: Path, stored: bytes, option: str
) -> None:
    result = aidtrack("add", *NORWAY_2024, "-c", "NOK", option, "")
    assert result.exit_code in (1, 2), result.stderr
    assert option in result.stderr and "empty" in result.stderr, result.stderr
    assert len(result.stderr.strip().splitlines()) <= 2, result.stderr
    result = aidtrack("edit", "p1", option, " ")
    assert result.exit_code in (1, 2) and "empty" in result.stderr, result.stderr
    assert store.read_bytes() == stored


def import_json(aidtrack: Aidtrack, tmp_path: Path, **fields: object) -> str:
    row = {"donor": "Norway", "recipient": "Ukraine", "year": 2023, "amount": "5bn"}
    path = tmp_path / "rows.json"
    path.write_text(json.dumps([{**row, "currency": "NOK", **fields}]))
    return one_line_error(aidtrack("import", str(path)))


def test_a_record_with_both_year_and_years_is_refused(
    aidtrack: Aidtrack, store: Path, stored: bytes, tmp_path: Path
) -> None:
    stderr = import_json(aidtrack, tmp_path, years=[2023, 2024])
    assert "year" in stderr and "years" in stderr
    assert store.read_bytes() == stored


@pytest.mark.parametrize("field", ["note", "label", "id"])
def test_nul_in_text_is_refused(
    aidtrack: Aidtrack, store: Path, stored: bytes, tmp_path: Path, field: str
) -> None:
    stderr = import_json(aidtrack, tmp_path, **{field: "a\x00b"})
    assert "NUL" in stderr and field in stderr
    assert store.read_bytes() == stored


def test_nul_in_a_source_or_a_csv_cell_is_refused(
    aidtrack: Aidtrack, store: Path, stored: bytes, tmp_path: Path
) -> None:
    source = {"url": "https://x.org", "date": None, "quote": "a\x00b"}
    assert "NUL" in import_json(aidtrack, tmp_path, sources=[source])
    path = tmp_path / "rows.csv"
    path.write_bytes(
        b"donor,recipient,year,amount,currency,label\nNorway,Ukraine,2023,5,NOK,a\0b\n"
    )
    assert "NUL" in one_line_error(aidtrack("import", str(path)))
    assert store.read_bytes() == stored


def test_a_donor_is_never_its_own_recipient(
    aidtrack: Aidtrack, store: Path, stored: bytes, tmp_path: Path
) -> None:
    assert "both the donor and the recipient" in one_line_error(
        aidtrack("add", "Norway", "NOK 5bn", "--to", "NO", "--year", "2024")
    )
    assert "both the donor" in one_line_error(aidtrack("edit", "p1", "--to", "Norway"))
    assert "both the donor" in import_json(aidtrack, tmp_path, recipient="NOR")
    assert store.read_bytes() == stored


# 14. One-line errors, never internal ones ------------------------------------------------

NOT_UTF8 = os.fsdecode(b"caf\xe9")  # what Python makes of Latin-1 bytes on a command line


@pytest.mark.parametrize("option", ["--label", "--quote", "--note", "--source"])
def test_bytes_that_are_not_utf8_are_refused_in_one_line(
    aidtrack: Aidtrack, store: Path, stored: bytes, option: str
) -> None:
    args = ("add", *NORWAY_2024[:-2], "-c", "NOK", "--source", "https://x.org/n")
    stderr = one_line_error(aidtrack(*args, option, NOT_UTF8))
    assert "\\xe9" in stderr and "UTF-8" in stderr
    one_line_error(aidtrack("edit", "p1", option, NOT_UTF8))
    assert store.read_bytes() == stored


@pytest.mark.slow
def test_bytes_that_are_not_utf8_on_a_real_command_line(store: Path) -> None:
    env = {**os.environ, "AIDTRACK_DB": str(store)}
    args = [sys.executable, "-m", "aidtrack", "add", *NORWAY_2024, "-c", "NOK"]
    result = subprocess.run([*args, "--label", b"caf\xe9"], capture_output=True, env=env)
    assert result.returncode == 1, result.stderr
    assert result.stderr.decode().splitlines() == [
        "error: label holds the byte \\xe9, which is not UTF-8 text"
    ]
    assert not store.exists()


LONG_YEAR = "9" * 5000


@pytest.mark.parametrize(
    "args",
    [
        ("add", *NORWAY_2024[:4], "--year", LONG_YEAR, "-c", "NOK"),
        ("list", "--year", LONG_YEAR),
        ("report", "--year", LONG_YEAR),
        ("compare", "Norway", "--years", f"2020-{LONG_YEAR}"),
        ("progress", "--year", LONG_YEAR),
        ("groups", "nato", "--year", LONG_YEAR),
        ("groups", "nato", "--year", "0"),
        ("groups", "--year", "-5"),
        ("groups", "nato", "--year", "99999"),
    ],
    ids=lambda args: " ".join(args)[:40],
)
def test_a_year_out_of_any_range_is_a_short_error(
    aidtrack: Aidtrack, store: Path, stored: bytes, args: tuple[str, ...]
) -> None:
    result = aidtrack(*args)
    assert result.exit_code in (1, 2), result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 2 and len(result.stderr) < 400, result.stderr
    assert "year" in result.stderr
    assert store.read_bytes() == stored


def test_groups_take_a_year(aidtrack: Aidtrack) -> None:
    members = aidtrack.json("groups", "nato", "--year", "2022")["members"]
    assert "Norway" in [m["member"] for m in members]
    assert "Finland" not in [m["member"] for m in members]


@pytest.mark.parametrize("wait", ["nan", "NaN", "-nan"])
def test_a_wait_that_is_not_a_number_is_a_usage_error(
    aidtrack: Aidtrack, store: Path, stored: bytes, wait: str
) -> None:
    result = aidtrack("--wait", wait, "add", *NORWAY_2024, "-c", "NOK")
    assert result.exit_code == 2, result.stderr
    assert "--wait" in result.stderr and "internal error" not in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 2, result.stderr
    assert store.read_bytes() == stored


@pytest.mark.parametrize("field", ["note", "label", "donor"])
def test_a_lone_surrogate_in_a_json_import_is_refused(
    aidtrack: Aidtrack, store: Path, stored: bytes, tmp_path: Path, field: str
) -> None:
    row = {
        "donor": "Norway",
        "recipient": "Ukraine",
        "year": 2023,
        "amount": "5",
        "currency": "NOK",
    }
    path = tmp_path / "rows.json"
    path.write_text(json.dumps([{**row, field: "a\ud800b"}]))  # written as "a\\ud800b"
    stderr = one_line_error(aidtrack("import", str(path)))
    assert "\\ud800" in stderr and field in stderr
    assert store.read_bytes() == stored


# 15. Errors a person can read -------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("add", "Poland", "5bn", "--yeer", "2026"), "No such option: --yeer"),
        (("list", "--format", "xml"), "'xml' is not one of"),
        (("lst",), "No such command 'lst'"),
        (("show",), "Missing argument"),
        (("--wait", "x", "list"), "'x' is not a valid float"),
        (("add", *NORWAY_2024, "--status", ""), "--status"),
    ],
)
def test_a_usage_error_takes_at_most_two_lines(
    aidtrack: Aidtrack, args: tuple[str, ...], says: str
) -> None:
    result = aidtrack(*args)
    assert result.exit_code == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) <= 2 and lines[0].startswith("error: "), result.stderr
    assert says in lines[0], result.stderr
    assert not [ch for ch in result.stderr if ch in "╭│╰"], result.stderr


def test_help_is_still_shown_without_arguments(aidtrack: Aidtrack) -> None:
    result = aidtrack()
    assert "Usage: aidtrack" in result.stdout + result.stderr


@pytest.mark.parametrize("amount", ["-inf", "-Infinity", "-nan", "-INF"])
def test_a_negative_infinity_is_not_an_amount(aidtrack: Aidtrack, store: Path, amount: str) -> None:
    stderr = one_line_error(
        aidtrack("add", "Poland", amount, "-c", "PLN", "--to", "UA", "-y", "2026")
    )
    assert f"amount {amount!r} is not a number" in stderr
    assert not store.exists()


def test_a_damaged_amount_is_named(aidtrack: Aidtrack, store: Path) -> None:
    damaged = record("bad")
    damaged["amount"] = "5x"
    before = write_store(store, record("fine"), damaged)
    result = aidtrack("list")
    assert result.exit_code == 3
    assert "'5x'" in result.stderr and "ConversionSyntax" not in result.stderr
    shown = aidtrack("check").stdout
    assert "'5x' is not a number" in shown and "ConversionSyntax" not in shown
    assert store.read_bytes() == before


def test_check_prints_amounts_as_the_rest_of_the_tool(aidtrack: Aidtrack, store: Path) -> None:
    before = write_store(
        store,
        record("whole", amount="NOK 185bn"),
        record("part-a", amount="NOK 100bn", part_of="whole", category="military"),
        record("part-b", amount="EUR 10bn", part_of="whole", category="civilian"),
    )
    shown = " ".join(aidtrack("check").stdout.split())
    assert "more than its NOK 185.0bn" in shown, shown
    assert ".000000" not in shown and "185,000,000,000" not in shown
    assert store.read_bytes() == before


def test_check_shows_every_digit_when_rounding_would_hide_the_difference(
    aidtrack: Aidtrack, store: Path
) -> None:
    write_store(
        store,
        record("whole", amount="NOK 185000000000"),
        record("part-a", amount="NOK 100000000000", part_of="whole", category="military"),
        record("part-b", amount="NOK 85000000001", part_of="whole", category="civilian"),
    )
    shown = " ".join(aidtrack("check").stdout.split())
    assert "NOK 185,000,000,001" in shown and "NOK 185,000,000,000" in shown, shown


def test_a_db_file_that_is_not_sqlite_is_named_so(
    aidtrack: Aidtrack, store: Path, stored: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "pledges.db"
    path.write_text("id,donor\n")
    stderr = one_line_error(aidtrack("import", str(path)))
    assert "not an SQLite database" in stderr and "not valid JSON" not in stderr
    assert store.read_bytes() == stored


def test_a_busy_store_does_not_claim_one_writer_held_it(
    aidtrack: Aidtrack, store: Path, stored: bytes
) -> None:
    with FileLock(f"{store}.lock"):
        result = aidtrack("--wait", "0.2", "add", *NORWAY_2024, "-c", "NOK")
    stderr = one_line_error(result, code=3)
    assert "busy" in stderr and "held it for" not in stderr and "0.2 s" in stderr
    assert store.read_bytes() == stored


def test_an_import_with_many_problems_lists_the_first_twenty(
    aidtrack: Aidtrack, store: Path, stored: bytes, tmp_path: Path
) -> None:
    rows = "".join(f"Norwey,Ukraine,2023,{'9' * 100_000},NOK\n" for _ in range(57))
    path = tmp_path / "bad.csv"
    path.write_text("donor,recipient,year,amount,currency\n" + rows)
    result = aidtrack("import", str(path))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == f"error: {path}: 114 problems; nothing was imported:"
    assert len(lines) == 22 and lines[-1] == "  ... and 94 more"
    assert len(result.stderr) < 20_000
    assert store.read_bytes() == stored
