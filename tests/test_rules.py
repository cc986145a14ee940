"""The rules between records, as every write keeps them and `check` reports them:
links stay inside their pledge, parts move with their whole, stored parts count in the
likely-duplicate check, and a revision keeps its sources."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from aidtrack import totals
from aidtrack.model import build
from aidtrack.store import write

from .conftest import NOR_2026, Aidtrack

UKRAINE = ("--to", "Ukraine")
SOURCE = ("--source", "https://example.org/norway")


def ids(aidtrack: Aidtrack, *args: str) -> dict[str, dict[str, Any]]:
    return {row["id"]: row for row in aidtrack.json("list", *args)}


def by_category(aidtrack: Aidtrack, year: str, donor: str = "Norway") -> dict[str, str]:
    report = aidtrack.json("report", "--year", year, "--currency", "EUR")
    row = next(d for d in report["donors"] if d["donor"] == donor)
    return {k: v for k, v in row["by_category"].items() if v != "0.00"}


def nansen_2024_with_parts(aidtrack: Aidtrack) -> None:
    """p1 NOK 85bn in 2024, of which p2 70bn military and p3 15bn civilian."""
    aidtrack.ok("add", "Norway", "85bn", "-c", "NOK", "-y", "2024", *UKRAINE, *SOURCE)
    aidtrack.ok("add", "Norway", "70bn", "--part-of", "p1", "--category", "military")
    aidtrack.ok("add", "Norway", "15bn", "--part-of", "p1", "--category", "civilian")


# Parts lie within their whole's years ---------------------------------------------------


def test_revising_a_whole_into_another_year_moves_the_parts_it_carries(
    aidtrack: Aidtrack, store: Path
) -> None:
    nansen_2024_with_parts(aidtrack)
    revised = aidtrack.json("revise", "p1", "--year", "2026", "--status", "committed")
    assert [r["id"] for r in revised] == ["p4", "p5", "p6"]
    current = ids(aidtrack)
    assert {r["year"] for r in current.values()} == {2026}
    assert {current["p5"]["part_of"], current["p6"]["part_of"]} == {"p4"}
    split = by_category(aidtrack, "2026")
    assert set(split) == {"military", "civilian"}
    totals.path_for(store).unlink()
    assert by_category(aidtrack, "2026") == split


def test_a_part_outside_its_whole_is_refused_with_the_reason(
    aidtrack: Aidtrack, store: Path
) -> None:
    aidtrack.ok("add", "Norway", "20bn", "-c", "NOK", "-y", "2023-2024", *UKRAINE, *SOURCE)
    before = store.read_bytes()
    result = aidtrack("add", "Norway", "5bn", "-c", "NOK", "-y", "2026", "--part-of", "p1")
    assert result.exit_code == 1
    assert "the new record (2026) lies outside its whole p1 (2023-2024)" in result.stderr
    assert store.read_bytes() == before
    inside = aidtrack.json("add", "Norway", "5bn", "-c", "NOK", "-y", "2024", "--part-of", "p1")
    assert inside["year"] == 2024


def test_editing_a_whole_into_other_years_moves_its_parts(aidtrack: Aidtrack) -> None:
    nansen_2024_with_parts(aidtrack)
    edited = aidtrack.json("edit", "p1", "--year", "2025")
    assert [(r["id"], r["year"]) for r in edited] == [("p1", 2025), ("p2", 2025), ("p3", 2025)]
    assert set(by_category(aidtrack, "2025")) == {"military", "civilian"}


def test_an_envelope_cannot_shrink_away_from_its_tranches(aidtrack: Aidtrack, store: Path) -> None:
    aidtrack.ok("add", "Norway", "75bn", "-c", "NOK", "-y", "2023-2027", *UKRAINE, *SOURCE)
    aidtrack.ok("add", "Norway", "15bn", "-c", "NOK", "-y", "2026", "--part-of", "p1")
    before = store.read_bytes()
    result = aidtrack("edit", "p1", "--year", "2023-2025")
    assert result.exit_code == 1
    assert "its parts p2 (2026) would lie outside it" in result.stderr
    assert store.read_bytes() == before
    assert aidtrack.json("edit", "p1", "--year", "2024-2028")["years"] == [2024, 2028]
    assert ids(aidtrack)["p2"]["year"] == 2026  # a tranche that still fits stays


def test_a_part_cannot_be_edited_out_of_its_whole(aidtrack: Aidtrack, store: Path) -> None:
    nansen_2024_with_parts(aidtrack)
    result = aidtrack("edit", "p2", "--year", "2025")
    assert result.exit_code == 1 and "lies outside its whole p1 (2024)" in result.stderr


def test_a_new_donor_goes_to_every_record_linked(aidtrack: Aidtrack) -> None:
    """Links join records of one donor: correcting the donor of a pledge corrects it in
    its versions and parts."""
    nansen_2024_with_parts(aidtrack)
    aidtrack.ok("revise", "p1", "--status", "committed")
    edited = aidtrack.json("edit", "p4", "--donor", "Denmark")
    assert {r["donor"] for r in edited} == {"Denmark"}
    assert {r["donor"] for r in ids(aidtrack, "--all").values()} == {"Denmark"}
    assert "no problems" in aidtrack.ok("check").stderr


# Stored parts count in the likely-duplicate check ---------------------------------------


@pytest.mark.parametrize(
    ("args", "twin"),
    [
        (("Norway", "70bn", "-c", "NOK", "-y", "2026", "--category", "military"), "nor-2026-mil"),
        (("Norway", "NOK 15bn", "-y", "2026"), "nor-2026-civ"),
    ],
)
def test_a_standalone_record_repeating_a_stored_part_is_a_likely_duplicate(
    aidtrack: Aidtrack, store: Path, args: tuple[str, ...], twin: str
) -> None:
    aidtrack.ok("init", "--sample")
    before = aidtrack.json("report", "--year", "2026", "--currency", "NOK")
    stored = store.read_bytes()
    result = aidtrack("add", *args, *UKRAINE)
    assert result.exit_code == 1
    assert f"looks like a duplicate of {twin} (Norway 2026" in result.stderr
    assert "a part of nor-2026" in result.stderr and "--force" in result.stderr
    assert store.read_bytes() == stored
    assert aidtrack.json("report", "--year", "2026", "--currency", "NOK") == before
    forced = aidtrack.json("add", *args, *UKRAINE, "--force")
    problems = json.loads(aidtrack("check", "--json").stdout)["problems"]
    assert [(p["kind"], p["id"]) for p in problems if p["kind"] == "likely_duplicate"] == [
        ("likely_duplicate", forced["id"])
    ]


def test_parts_of_one_whole_never_collide(aidtrack: Aidtrack) -> None:
    """Norway 2023: NOK 15bn, of which 7.5bn civilian and 7.5bn military; and a
    whole with two equal military tranches."""
    aidtrack.ok("add", "Norway", "15bn", "-c", "NOK", "-y", "2023", *UKRAINE, *SOURCE)
    aidtrack.ok("add", "Norway", "7.5bn", "--part-of", "p1", "--category", "civilian")
    aidtrack.ok("add", "Norway", "7.5bn", "--part-of", "p1", "--category", "military")
    aidtrack.ok("add", "Norway", "5bn", "-c", "NOK", "-y", "2024", *UKRAINE, *SOURCE)
    aidtrack.ok("add", "Norway", "2.5bn", "--part-of", "p4", "--category", "military")
    aidtrack.ok("add", "Norway", "2.5bn", "--part-of", "p4", "--category", "military")
    assert "no problems" in aidtrack.ok("check").stderr


def test_different_categories_are_different_money(aidtrack: Aidtrack) -> None:
    nok_2023 = ("Norway", "7.5bn", "-c", "NOK", "-y", "2023", *UKRAINE, *SOURCE)
    aidtrack.ok("add", *nok_2023, "--category", "civilian")
    aidtrack.ok("add", *nok_2023, "--category", "military")
    mixed = aidtrack("add", *nok_2023)
    assert mixed.exit_code == 1 and "duplicate of p1" in mixed.stderr


def test_a_part_repeating_a_standalone_record_is_a_likely_duplicate(aidtrack: Aidtrack) -> None:
    military = ("70bn", "-c", "NOK", "-y", "2026", "--category", "military", *UKRAINE, *SOURCE)
    aidtrack.ok("add", "Norway", *military)
    aidtrack.ok("add", "Norway", "85bn", "-c", "NOK", "-y", "2026", *UKRAINE, *SOURCE)
    part = aidtrack("add", "Norway", "70bn", "--part-of", "p2", "--category", "military")
    assert part.exit_code == 1
    assert "duplicate of p1" in part.stderr and "aidtrack remove p1 --yes" in part.stderr


# Revisions keep their sources -----------------------------------------------------------


def test_a_revision_without_a_source_keeps_the_sources(aidtrack: Aidtrack) -> None:
    """The first session (README, docs/records.md): `revise p3 --status committed` leaves
    `check` clean."""
    aidtrack.ok("add", *NOR_2026)
    aidtrack.ok("add", "Norway", "70bn", "--part-of", "p1", "--category", "military")
    result = aidtrack.ok("revise", "p1", "--status", "committed")
    assert "no source" not in result.stderr
    current = ids(aidtrack)
    assert current["p3"]["sources"] == current["p4"]["sources"] != []
    assert "no problems" in aidtrack.ok("check").stderr
    other = ["--source", "https://example.org/new", "--quote", "NOK 90 billion"]
    revised = aidtrack.json("revise", "p3", "90bn", *other)
    assert [s["url"] for s in revised["sources"]] == ["https://example.org/new"]


# `check` on stores written before these rules -------------------------------------------


def _record(pledge_id: str, **fields: Any) -> dict[str, Any]:
    base = {"donor": "Norway", "recipient": "Ukraine", "year": "2026", "amount": "NOK 10bn"}
    data = build({**base, **fields}, id=pledge_id).to_json()
    data["sources"] = [{"url": "https://example.org", "date": None, "quote": None}]
    return data


def _legacy(path: Path, *records: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    pledges = {str(i): r for i, r in enumerate(records, 1)}
    write(path, {"meta": {"1": {"schema_version": 1}}, "pledges": pledges})


def test_check_names_each_broken_rule_and_the_command_that_fixes_it(
    aidtrack: Aidtrack, store: Path
) -> None:
    _legacy(
        store,
        _record("envelope", year="2023-2024", amount="NOK 20bn"),
        _record("tranche", year="2026", amount="NOK 5bn", part_of="envelope"),
        _record("whole", year="2026"),
        _record("german", donor="Germany", amount="EUR 1bn", part_of="whole"),
        _record("old", year="2025"),
        _record("new-a", year="2025", supersedes="old"),
        _record("new-b", year="2025", amount="NOK 11bn", supersedes="old"),
    )
    result = aidtrack("check", "--json")
    assert result.exit_code == 1
    found = {(p["kind"], p["id"]): p["fix"] for p in json.loads(result.stdout)["problems"]}
    assert found[("part_outside_whole", "tranche")].startswith(
        "aidtrack edit tranche --year YEAR (a year within 2023-2024"
    )
    assert found[("broken_link", "german")] == "aidtrack edit german --donor Norway"
    assert "aidtrack remove new-b --yes" in found[("revised_twice", "new-b")]
    table = aidtrack("check").stdout
    assert "lies outside its whole envelope (2023-2024)" in table


def test_the_fixes_check_names_make_the_store_clean(aidtrack: Aidtrack, store: Path) -> None:
    _legacy(
        store,
        _record("whole", year="2026"),
        _record("part", year="2025", amount="NOK 4bn", part_of="whole", category="military"),
        _record("german", donor="Germany", amount="EUR 100m", part_of="whole", category="civilian"),
    )
    fixes = [p["fix"] for p in json.loads(aidtrack("check", "--json").stdout)["problems"]]
    assert fixes == ["aidtrack edit part --year 2026", "aidtrack edit german --donor Norway"]
    for fix in fixes:
        aidtrack.ok(*fix.split()[1:])
    assert "no problems" in aidtrack.ok("check").stderr


def test_check_prints_csv_and_counts_in_words(aidtrack: Aidtrack, store: Path) -> None:
    _legacy(store, _record("whole"), _record("bare", donor="Poland", amount="PLN 1bn"))
    data = json.loads(store.read_bytes())
    data["pledges"]["2"]["sources"] = []
    store.write_text(json.dumps(data))
    result = aidtrack("check", "--format", "csv")
    assert result.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(row["kind"], row["id"]) for row in rows] == [("no_source", "bare")]
    assert set(rows[0]) == {"kind", "id", "message", "fix"}
    assert "2 records, 1 problem\n" in aidtrack("check").stderr
