"""add, list, show, edit, revise and remove, driven through the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aidtrack.cli import with_commands

from .conftest import NOR_2026, Aidtrack

app = with_commands()

# Norway's Nansen programme, as in data/pledges-starter.csv.
NOR_2025_FIRST = (
    "Norway",
    "35bn",
    "--currency",
    "NOK",
    "--to",
    "Ukraine",
    "--year",
    "2025",
    "--status",
    "committed",
    "--qualifier",
    "at_least",
    "--announced",
    "2024-11-28",
    "--source",
    "https://menafn.com/1108937601/Norway-Approves-EUR-31B-In-Aid-To-Ukraine-For-Next-Year",
    "--quote",
    "In 2025, the funding for the support program will amount to at least 35 billion",
)


def add(aidtrack: Aidtrack, *args: str) -> dict[str, object]:
    result: dict[str, object] = aidtrack.json("add", *args)
    return result


def test_add_prints_the_record_as_json(aidtrack: Aidtrack) -> None:
    record = add(aidtrack, *NOR_2026)
    assert record["id"] == "p1"
    assert (record["donor"], record["recipient"], record["year"]) == ("Norway", "Ukraine", 2026)
    assert (record["amount"], record["currency"]) == ("85000000000", "NOK")
    assert record["sources"] == [
        {
            "url": "https://norway.news-pravda.com/en/world/2025/10/15/7490.html",
            "date": "2025-10-15",
            "quote": "85 billion Norwegian kroner",
        }
    ]


def test_add_without_json_prints_the_id_and_warns_without_source(aidtrack: Aidtrack) -> None:
    result = aidtrack.ok("add", "NO", "5bn", "-c", "nok", "--to", "UA", "-y", "2026")
    assert result.stdout == "p1\n"
    assert "no source" in result.stderr


def test_the_recipient_can_come_from_the_environment(
    aidtrack: Aidtrack, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AIDTRACK_RECIPIENT", "Ukraine")
    record = add(aidtrack, "Germany", "EUR 11.5bn", "--year", "2026")
    assert record["recipient"] == "Ukraine"


def test_a_donor_is_never_its_own_recipient(
    aidtrack: Aidtrack, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One rule in `model.Builder`, so add, edit and import all refuse it."""
    args = ("Ukraine", "5bn", "--to", "UA", "--currency", "USD", "--year", "2026")
    refused = aidtrack("add", *args)
    assert (refused.exit_code, refused.stderr) == (
        1,
        "error: Ukraine is both the donor and the recipient\n",
    )
    assert not store.exists()
    add(aidtrack, *NOR_2026)
    before = store.read_bytes()
    edited = aidtrack("edit", "p1", "--to", "NOR")
    assert edited.exit_code == 1 and "Norway is both the donor and the recipient" in edited.stderr
    row = '{"donor": "Norway", "recipient": "Norway", "year": 2026, "amount": "NOK 1bn"}\n'
    imported = aidtrack("import", "-", "--format", "ndjson", input=row)
    assert imported.exit_code == 1 and "both the donor and the recipient" in imported.stderr
    monkeypatch.setenv("AIDTRACK_RECIPIENT", "Norway")
    assert aidtrack("add", "Norway", "NOK 1bn", "--year", "2027").exit_code == 1
    assert store.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("Norwya", "5bn", "-c", "NOK", "--to", "UA", "-y", "2026"), "did you mean Norway"),
        (("Norway", "-5", "-c", "NOK", "--to", "UA", "-y", "2026"), "greater than zero"),
        (("Norway", "NaN", "-c", "NOK", "--to", "UA", "-y", "2026"), "not a number"),
        (("Norway", "7e999", "-c", "NOK", "--to", "UA", "-y", "2026"), "not a number"),
        (("Norway", "5bn", "-c", "NOKK", "--to", "UA", "-y", "2026"), "unknown currency"),
        (("Norway", "5bn", "--to", "UA", "-y", "2026"), "no currency"),
        (("Norway", "5bn", "-c", "NOK", "--to", "UA", "-y", "1900"), "outside 1945-2100"),
        (("Norway", "5bn", "-c", "NOK", "--to", "UA", "-y", "2026", "-s", "maybe"), "status"),
        (("Norway", "5bn", "-c", "NOK", "--to", "UA"), "missing --year"),
        (("Norway",), "missing AMOUNT, --year, --to"),
        (
            ("Norway", "5bn", "-c", "NOK", "--to", "UA", "-y", "2026", "--part-of", "zz"),
            "no pledge",
        ),
        (
            ("Norway", "5bn", "-c", "NOK", "--to", "UA", "-y", "2026", "--announced", "15/10/2025"),
            "date like",
        ),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    aidtrack: Aidtrack, store: Path, args: tuple[str, ...], message: str
) -> None:
    add(aidtrack, *NOR_2026)
    before = store.read_bytes()
    result = aidtrack("add", *args)
    assert result.exit_code == 1, result.stderr
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert store.read_bytes() == before


def test_the_same_pledge_in_another_currency_is_a_likely_duplicate(aidtrack: Aidtrack) -> None:
    add(aidtrack, *NOR_2026)
    # NOK 85bn at the 2026 averages (11.039 NOK, 1.1568 USD per EUR) is $8.91bn; $8.5bn is 4.6% off.
    args = ("Norway", "$8.5bn", "--to", "Ukraine", "--year", "2026")
    refused = aidtrack("add", *args)
    assert refused.exit_code == 1
    assert "duplicate of p1" in refused.stderr and "--force" in refused.stderr
    assert add(aidtrack, *args, "--force")["id"] == "p2"


def test_list_shows_a_table_with_qualifier_marks(aidtrack: Aidtrack) -> None:
    add(aidtrack, *NOR_2025_FIRST)
    add(aidtrack, *NOR_2026)
    table = aidtrack.ok("list").stdout
    assert ">= NOK 35.0bn" in table and "NOK 85.0bn" in table
    assert "committed" in table and "announced" in table


def test_list_filters_and_sorts(aidtrack: Aidtrack) -> None:
    add(aidtrack, *NOR_2025_FIRST)
    add(aidtrack, *NOR_2026)
    add(
        aidtrack,
        "Germany",
        "EUR 11.5bn",
        "--to",
        "Ukraine",
        "--year",
        "2026",
        "--status",
        "committed",
        "--category",
        "military",
    )
    assert [r["id"] for r in aidtrack.json("list", "--donor", "NOR")] == ["p1", "p2"]
    # by year, then donor: Norway 2025, Germany 2026, Norway 2026
    assert [r["id"] for r in aidtrack.json("list", "--donor", "no", "--donor", "DE")] == [
        "p1",
        "p3",
        "p2",
    ]
    assert [r["id"] for r in aidtrack.json("list", "--year", "2026")] == ["p3", "p2"]
    assert [r["id"] for r in aidtrack.json("list", "--status", "committed")] == ["p1", "p3"]
    assert [r["id"] for r in aidtrack.json("list", "--category", "military")] == ["p3"]
    assert [r["id"] for r in aidtrack.json("list", "--sort", "donor")] == ["p3", "p1", "p2"]
    assert next(r["id"] for r in aidtrack.json("list", "--sort", "year", "--desc")) in {"p2", "p3"}


def test_list_tables_show_a_page_and_json_shows_all(aidtrack: Aidtrack) -> None:
    for year in range(1990, 2025):
        aidtrack.ok(
            "add",
            "Norway",
            "1bn",
            "-c",
            "NOK",
            "--to",
            "UA",
            "-y",
            str(year),
            "--source",
            "https://example.org",
        )
    table = aidtrack.ok("list")
    assert table.stdout.count("Norway") == 30
    assert "showing 30 of 35" in table.stderr
    assert len(aidtrack.json("list")) == 35
    assert aidtrack.ok("list", "--limit", "0").stdout.count("Norway") == 35
    assert len(aidtrack.json("list", "--limit", "3")) == 3


def test_formats_ndjson_and_csv(aidtrack: Aidtrack) -> None:
    add(aidtrack, *NOR_2026)
    ndjson = aidtrack.ok("list", "--format", "ndjson").stdout.splitlines()
    assert json.loads(ndjson[0])["id"] == "p1"
    csv = aidtrack.ok("list", "-f", "csv").stdout.splitlines()
    assert csv[0].startswith("id,donor,recipient,year,amount,currency")
    assert csv[1].startswith("p1,Norway,Ukraine,2026,85000000000,NOK")
    assert aidtrack("list", "--json", "--format", "csv").exit_code == 1


def test_revise_supersedes_and_keeps_history(aidtrack: Aidtrack) -> None:
    add(aidtrack, *NOR_2025_FIRST)
    revised = aidtrack.json(
        "revise",
        "p1",
        "85bn",
        "--qualifier",
        "exact",
        "--announced",
        "2025-08-25",
        "--source",
        "https://www.pravda.com.ua/eng/news/2025/08/25/7527721/",
    )
    assert (revised["id"], revised["supersedes"], revised["amount"]) == ("p2", "p1", "85000000000")
    assert [r["id"] for r in aidtrack.json("list")] == ["p2"]
    assert [r["id"] for r in aidtrack.json("list", "--all")] == ["p1", "p2"]
    shown = aidtrack.ok("show", "p2").stdout
    assert "Versions" in shown and "p1" in shown and ">= NOK 35.0bn" in shown
    again = aidtrack("revise", "p1", "90bn")
    assert again.exit_code == 1 and "already revised by p2" in again.stderr


def test_a_stage_change_carries_the_parts(aidtrack: Aidtrack) -> None:
    add(aidtrack, *NOR_2026)
    add(aidtrack, "Norway", "70bn", "--part-of", "p1", "--category", "military")
    add(aidtrack, "Norway", "15bn", "--part-of", "p1", "--category", "civilian")
    revised = aidtrack.ok("revise", "p1", "--status", "committed").stdout.split()
    assert revised == ["p4", "p5", "p6"]
    current = {r["id"]: r for r in aidtrack.json("list")}
    assert set(current) == {"p4", "p5", "p6"}
    assert {current["p5"]["part_of"], current["p6"]["part_of"]} == {"p4"}
    assert {r["status"] for r in current.values()} == {"committed"}
    shown = aidtrack.ok("show", "p4").stdout
    assert "Parts" in shown and "p5" in shown and "p6" in shown


def test_a_part_takes_what_it_does_not_say_from_its_whole(aidtrack: Aidtrack) -> None:
    add(aidtrack, *NOR_2026)
    part = add(aidtrack, "Norway", "70bn", "--part-of", "p1", "--category", "military")
    assert (part["year"], part["currency"], part["recipient"], part["status"]) == (
        2026,
        "NOK",
        "Ukraine",
        "announced",
    )
    assert part["sources"] == add(aidtrack, "Norway", "1bn", "--part-of", "p1")["sources"]
    assert part["sources"][0]["url"].startswith("https://norway.news-pravda.com")
    other = aidtrack("add", "Germany", "1bn", "--part-of", "p1")
    assert other.exit_code == 1 and "Norway's pledge" in other.stderr


def test_a_new_amount_leaves_the_parts_with_the_old_version(aidtrack: Aidtrack) -> None:
    add(aidtrack, *NOR_2026)
    add(aidtrack, "Norway", "70bn", "--part-of", "p1", "--category", "military")
    aidtrack.ok("revise", "p1", "90bn")
    assert [r["id"] for r in aidtrack.json("list")] == ["p3"]


def test_show_prints_fields_sources_and_json(aidtrack: Aidtrack) -> None:
    add(aidtrack, *NOR_2026)
    shown = aidtrack.ok("show", "p1").stdout
    assert "Norway (NOR)" in shown and "NOK 85,000,000,000" in shown
    assert "85 billion Norwegian kroner" in shown
    assert aidtrack.json("show", "p1")["id"] == "p1"
    missing = aidtrack("show", "p9")
    assert missing.exit_code == 1 and "no pledge with id 'p9'" in missing.stderr


def test_edit_corrects_in_place_and_adds_sources(aidtrack: Aidtrack) -> None:
    add(aidtrack, *NOR_2026)
    edited = aidtrack.json("edit", "p1", "--year", "2025", "--source", "https://example.org/2")
    assert (edited["id"], edited["year"], len(edited["sources"])) == ("p1", 2025, 2)
    assert edited["supersedes"] is None
    nothing = aidtrack("edit", "p1")
    assert nothing.exit_code == 1 and "nothing to change" in nothing.stderr


def test_stored_markup_and_escapes_are_printed_literally(aidtrack: Aidtrack) -> None:
    note = "[bold]x[/bold] \x1b[2J\x1b]8;;http://evil\x07"
    add(aidtrack, *NOR_2026, "--note", note, "--label", "[red]label[/red]")
    table = aidtrack.ok("list").stdout
    assert "[red]label[/red]" in table and "\x1b" not in table
    shown = aidtrack.ok("show", "p1").stdout
    assert "[bold]x[/bold]" in shown and "\\x1b[2J" in shown and "\x1b" not in shown
    assert aidtrack.json("show", "p1")["note"] == note


def test_remove_needs_yes_off_a_terminal_and_refuses_linked_records(
    aidtrack: Aidtrack, store: Path
) -> None:
    add(aidtrack, *NOR_2026)
    add(aidtrack, "Norway", "70bn", "--part-of", "p1", "--category", "military")
    before = store.read_bytes()
    asked = aidtrack("remove", "p2")
    assert asked.exit_code == 1 and "--yes" in asked.stderr
    linked = aidtrack("remove", "p1", "--yes")
    assert linked.exit_code == 1 and "p2 point at it" in linked.stderr
    assert store.read_bytes() == before
    aidtrack.ok("remove", "p2", "--yes")
    assert [r["id"] for r in aidtrack.json("list")] == ["p1"]


def test_ids_are_never_reused_after_removing_the_newest(aidtrack: Aidtrack) -> None:
    add(aidtrack, *NOR_2026)
    add(aidtrack, "Germany", "EUR 11.5bn", "--to", "Ukraine", "--year", "2026")
    aidtrack.ok("remove", "p2", "--yes")
    assert add(aidtrack, "Germany", "EUR 11.5bn", "--to", "Ukraine", "--year", "2026")["id"] == "p3"


def test_the_store_records_its_schema_version(aidtrack: Aidtrack, store: Path) -> None:
    add(aidtrack, *NOR_2026)
    data = json.loads(store.read_text())
    assert next(iter(data["meta"].values()))["schema_version"] == 1


def test_db_option_wins_over_the_environment(aidtrack: Aidtrack, tmp_path: Path) -> None:
    other = tmp_path / "other.json"
    aidtrack.ok("--db", str(other), "add", *NOR_2026)
    assert other.exists()
    assert aidtrack.json("list") == []


def test_every_command_has_help() -> None:
    from typer.main import get_command
    from typer.testing import CliRunner

    group = get_command(app)
    names = sorted(group.commands)  # type: ignore[attr-defined]
    assert {"add", "list", "show", "edit", "revise", "remove"} <= set(names)
    for name in names:
        result = CliRunner().invoke(app, [name, "--help"])
        assert result.exit_code == 0 and "Usage" in result.stdout, name


def test_version() -> None:
    from typer.testing import CliRunner

    assert CliRunner().invoke(app, ["--version"]).stdout.startswith("aidtrack ")
