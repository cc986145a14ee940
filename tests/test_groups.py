"""Donor groups (issue 15): dated membership, the user's own groups, --group and --by group."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from aidtrack import groups

from .conftest import STARTER_CSV, Aidtrack


@pytest.mark.parametrize(
    ("group", "donor", "year", "member"),
    [
        ("eu", "United Kingdom", 2019, True),
        ("eu", "United Kingdom", 2020, False),  # left 2020-01-31: not a member on 1 July
        ("eu", "United Kingdom", 2021, False),
        ("eu", "Croatia", 2013, True),  # joined 2013-07-01
        ("europe", "United Kingdom", 2021, True),
        ("europe", "EU institutions", 2025, True),
        ("nato", "Finland", 2022, False),
        ("nato", "Finland", 2023, True),  # joined 2023-04-04
        ("nato", "Finland", 2024, True),
        ("nato", "Sweden", 2023, False),
        ("nato", "Sweden", 2024, True),  # joined 2024-03-07
        ("nordic", "Norway", 2026, True),
        ("g7", "Norway", 2026, False),
        ("oecd-dac", "Lithuania", 2021, False),
        ("oecd-dac", "Lithuania", 2022, True),
    ],
)
def test_membership_follows_the_dates(group: str, donor: str, year: int, member: bool) -> None:
    assert groups.built_in()[group].includes(donor, year) is member


@pytest.fixture
def starter(aidtrack: Aidtrack) -> None:
    aidtrack.ok("import", str(STARTER_CSV))


def test_a_record_counts_in_a_group_by_its_own_year(aidtrack: Aidtrack) -> None:
    for year in ("2019", "2021"):
        aidtrack.ok("add", "UK", "GBP 1bn", "--to", "UA", "-y", year, "--source", "https://x.org")
    listed = aidtrack.json("list", "--group", "eu")
    assert [row["year"] for row in listed] == [2019]
    assert len(aidtrack.json("list", "--group", "europe")) == 2


def test_own_groups_are_kept_listed_and_removed(aidtrack: Aidtrack, store: Path) -> None:
    said = aidtrack.ok("groups", "add", "baltics", "Estonia", "LV", "lithuania").stderr
    assert "added group baltics: Estonia, Latvia, Lithuania" in said
    shown = aidtrack.json("groups", "baltics")
    assert [m["member"] for m in shown["members"]] == ["Estonia", "Latvia", "Lithuania"]
    assert "baltics" in {g["name"] for g in aidtrack.json("groups")}
    before = store.read_bytes()
    for args, message in [
        (("groups", "add", "nato", "Norway"), "is taken"),
        (("groups", "add", "nordics", "Norwya"), "did you mean Norway"),
        (("groups", "add", "Bad Name", "Norway"), "lower-case letters"),
        (("groups", "remove", "eu"), "shipped group"),
        (("groups", "balitcs"), "did you mean baltics"),
        (("list", "--group", "balitcs"), "did you mean baltics"),
    ]:
        result = aidtrack(*args)
        assert result.exit_code != 0 and message in result.stderr, (args, result.stderr)
    assert store.read_bytes() == before
    aidtrack.ok("groups", "remove", "baltics")
    assert "baltics" not in {g["name"] for g in aidtrack.json("groups")}


def test_by_group_sums_its_members_rows(aidtrack: Aidtrack, starter: None) -> None:
    by_donor = aidtrack.json("report", "--year", "2024", "--currency", "EUR")
    by_group = aidtrack.json(
        "report", "--year", "2024", "--currency", "EUR", "--by", "group", "--group", "europe"
    )
    europe = groups.built_in()["europe"]
    members = [d for d in by_donor["donors"] if europe.includes(d["donor"], 2024)]
    (row,) = by_group["groups"]
    assert row["group"] == "europe" and by_group["group"] == "europe"
    assert Decimal(row["amount"]) == sum(Decimal(d["amount"]) for d in members)
    assert [d["donor"] for d in by_group["donors"]] == ["United States"]
    assert by_group["total"]["amount"] == by_donor["total"]["amount"]
    shares = [Decimal(r["share_pct"]) for r in (*by_group["groups"], *by_group["donors"])]
    assert sum(shares) == Decimal("100.0")


def test_group_narrows_report_and_compare(aidtrack: Aidtrack, starter: None) -> None:
    report = aidtrack.json("report", "--year", "2024", "--group", "nato")
    assert {d["donor"] for d in report["donors"]} == {"Norway", "United States"}
    compared = aidtrack.json("compare", "--years", "2023-2026", "--group", "eu")
    assert {d["donor"] for d in compared["donors"]} == {"Germany"}
    assert "needs the group" in aidtrack("compare", "--by", "group").stderr
