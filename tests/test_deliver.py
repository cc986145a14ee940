"""deliver, and what was delivered of a pledge: `show` and `progress` (DESIGN §2a),
driven through the command line on the shipped sample (`aidtrack init --sample`)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from .conftest import Aidtrack

SOURCE = "https://example.org/delivered"


@pytest.fixture
def sample(aidtrack: Aidtrack) -> Aidtrack:
    aidtrack.ok("init", "--sample")
    return aidtrack


def deliver(aidtrack: Aidtrack, *args: str) -> dict[str, Any]:
    record: dict[str, Any] = aidtrack.json("deliver", *args, "--source", SOURCE)
    return record


def in_nok(amount: str, currency: str, year: int) -> Decimal:
    from aidtrack.rates import RateTable

    return RateTable.shipped().convert(Decimal(amount), currency, "NOK", year, 2).amount


def test_a_delivery_takes_its_pledges_donor_recipient_currency_and_stage(sample: Aidtrack) -> None:
    record = deliver(sample, "nor-2024", "10bn", "--on", "2024-06-30")
    assert record["delivery_of"] == "nor-2024"
    assert (record["donor"], record["recipient"]) == ("Norway", "Ukraine")
    assert (record["amount"], record["currency"]) == ("10000000000", "NOK")
    assert (record["year"], record["announced_on"]) == (2024, "2024-06-30")
    assert (record["status"], record["qualifier"]) == ("disbursed", "exact")
    assert (record["category"], record["instrument"]) == ("mixed", "unspecified")
    assert record["sources"] == [{"url": SOURCE, "date": "2024-06-30", "quote": None}]


def test_a_delivery_is_in_its_pledges_year_unless_told(sample: Aidtrack) -> None:
    assert deliver(sample, "nor-2023", "5bn")["year"] == 2023
    later = deliver(sample, "nor-2023", "1bn", "--year", "2024", "--on", "2025-01-10")
    assert (later["year"], later["announced_on"]) == (2024, "2025-01-10")


def test_a_delivery_in_another_currency_keeps_it_and_its_hedge(sample: Aidtrack) -> None:
    hedged = ("--qualifier", "at_least", "--status", "allocated", "--category", "military")
    record = deliver(sample, "nor-2026", "$7bn", "--year", "2026", *hedged)
    assert (record["amount"], record["currency"]) == ("7000000000", "USD")
    assert (record["qualifier"], record["status"]) == ("at_least", "allocated")
    assert record["category"] == "military"


def test_deliver_says_what_it_recorded_and_prints_the_id(sample: Aidtrack) -> None:
    result = sample.ok("deliver", "nor-2024", "NOK 1bn", "--source", SOURCE)
    assert result.stdout == "p1\n"
    assert "delivered p1: Norway -> Ukraine 2024 NOK 1.0bn (disbursed)" in result.stderr


def test_more_delivered_than_promised_is_refused_and_changes_nothing(
    sample: Aidtrack, store: Path
) -> None:
    deliver(sample, "nor-2024", "20bn")
    before = store.read_bytes()
    refused = sample("deliver", "nor-2024", "10bn", "--source", SOURCE)
    assert refused.exit_code == 1
    assert "more than it promised" in refused.stderr and refused.stderr.count("\n") == 1
    assert store.read_bytes() == before
    forced = deliver(sample, "nor-2024", "10bn", "--year", "2025", "--force")
    assert forced["delivery_of"] == "nor-2024"


@pytest.mark.parametrize(
    ("status", "message"),
    [
        ("committed", "a delivery is allocated or disbursed, not committed"),
        ("announced", "a delivery is allocated or disbursed, not announced"),
        ("disbrused", "did you mean disbursed"),
    ],
)
def test_a_delivery_is_allocated_or_disbursed(
    sample: Aidtrack, store: Path, status: str, message: str
) -> None:
    before = store.read_bytes()
    refused = sample("deliver", "nor-2024", "1bn", "--status", status, "--source", SOURCE)
    assert refused.exit_code == 1
    assert message in refused.stderr and refused.stderr.count("\n") == 1
    assert store.read_bytes() == before


def test_an_envelopes_delivery_needs_its_year(sample: Aidtrack) -> None:
    refused = sample("deliver", "nor-nansen-2030", "20bn", "--source", SOURCE)
    assert refused.exit_code == 1
    assert "--year YEAR or --on DATE" in refused.stderr and refused.stderr.count("\n") == 1
    record = deliver(sample, "nor-nansen-2030", "20bn", "--on", "2024-12-31")
    assert (record["year"], record["announced_on"]) == (2024, "2024-12-31")


def test_a_delivery_needs_a_source(sample: Aidtrack) -> None:
    assert sample("deliver", "nor-2024", "1bn").exit_code == 2


@pytest.mark.parametrize("superseded", ["nor-2025-first", "nor-2025-first-mil"])
def test_a_delivery_of_a_superseded_pledge_names_the_current_one(
    sample: Aidtrack, store: Path, superseded: str
) -> None:
    before = store.read_bytes()
    refused = sample("deliver", superseded, "1bn", "--source", SOURCE)
    assert refused.exit_code == 1
    assert f"{superseded} is superseded" in refused.stderr
    assert "`aidtrack deliver nor-2025 1bn ...`" in refused.stderr
    assert store.read_bytes() == before


def test_a_delivery_of_a_delivery_is_refused(sample: Aidtrack) -> None:
    first = deliver(sample, "nor-2024", "1bn")
    refused = sample("deliver", first["id"], "1bn", "--source", SOURCE)
    assert refused.exit_code == 1 and "is itself a delivery" in refused.stderr


def test_show_lists_the_deliveries_and_promised_against_delivered(sample: Aidtrack) -> None:
    nok = deliver(sample, "nor-2024", "10bn", "--on", "2024-06-30")["id"]
    usd = deliver(sample, "nor-2024", "$1bn", "--qualifier", "at_least", "--year", "2024")["id"]
    shown = sample.ok("show", "nor-2024").stdout
    assert "Deliveries (2)" in shown
    assert re.search(rf"{nok}\s+2024\s+2024-06-30\s+NOK 10.0bn\s+disbursed", shown)
    assert re.search(rf"{usd}\s+2024\s+>= \$1.0bn\s+disbursed", shown)
    delivered = in_nok("10000000000", "NOK", 2024) + in_nok("1000000000", "USD", 2024)
    pct = (delivered * 100 / 27_000_000_000).quantize(Decimal("0.1"))
    assert f"NOK 27.0bn promised; NOK 10.0bn + >= $1.0bn delivered ({pct}%)" in shown
    assert "delivery of  nor-2024" in sample.ok("show", nok).stdout


def test_show_says_when_nothing_was_delivered(sample: Aidtrack) -> None:
    shown = sample.ok("show", "nor-2024").stdout
    assert "Deliveries (0)" in shown
    assert "NOK 27.0bn promised; nothing delivered yet (0%)" in shown
    assert "aidtrack deliver nor-2024 AMOUNT --source URL" in shown


def test_show_json_gives_the_deliveries_and_what_they_add_up_to(sample: Aidtrack) -> None:
    nok = deliver(sample, "nor-2024", "10bn")
    record = sample.json("show", "nor-2024")
    assert record["id"] == "nor-2024"
    assert record["deliveries"] == [nok]
    assert record["delivered"] == {
        "amounts": [{"amount": "10000000000", "currency": "NOK", "qualifier": "exact"}],
        "in_currency": "10000000000.00",
        "pct": "37.0",
    }
    deliver(sample, "nor-2024", "$1bn", "--year", "2024")
    delivered = sample.json("show", "nor-2024")["delivered"]
    assert [a["currency"] for a in delivered["amounts"]] == ["NOK", "USD"]
    expected = Decimal("10000000000.00") + in_nok("1000000000", "USD", 2024)
    assert Decimal(delivered["in_currency"]) == expected
    own = sample.json("show", nok["id"])
    assert (own["delivery_of"], own["deliveries"], own["delivered"]) == ("nor-2024", [], None)


def test_a_pledge_that_reached_a_delivery_stage_delivered_itself(aidtrack: Aidtrack) -> None:
    aidtrack.ok("add", "Sweden", "SEK 10bn", "--to", "UA", "-y", "2025", "-s", "disbursed")
    record = aidtrack.json("show", "p1")
    assert record["deliveries"] == []
    assert record["delivered"]["pct"] == "100.0"
    assert "SEK 10.0bn promised; SEK 10.0bn delivered (100.0%)" in aidtrack.ok("show", "p1").stdout


def test_a_missing_rate_is_named_instead_of_a_share(sample: Aidtrack) -> None:
    deliver(sample, "nor-2024", "UAH 1bn", "--year", "2024", "--force")
    shown = sample.ok("show", "nor-2024").stdout
    assert "delivered (share unknown: no rate for UAH 2024)" in shown
    delivered = sample.json("show", "nor-2024")["delivered"]
    assert (delivered["in_currency"], delivered["pct"]) == (None, None)
    row = next(r for r in sample.json("progress") if r["id"] == "nor-2024")
    assert row["missing_rate"] == {"currency": "UAH", "year": 2024}
    assert "no exchange rate for UAH in 2024" in sample.ok("progress").stderr


def test_progress_has_a_row_per_whole_with_what_was_delivered(sample: Aidtrack) -> None:
    deliver(sample, "nor-2024", "10bn", "--on", "2024-06-30")
    deliver(sample, "nor-nansen-2030", "NOK 20bn", "--year", "2024", "--status", "allocated")
    rows = sample.json("progress", "--donor", "Norway", "--year", "2024")
    assert [row["id"] for row in rows] == ["nor-nansen-2030", "nor-2024"]
    envelope, pledge = rows
    assert pledge == {
        "id": "nor-2024",
        "donor": "Norway",
        "recipient": "Ukraine",
        "first_year": 2024,
        "last_year": 2024,
        "status": "committed",
        "currency": "NOK",
        "promised": "27000000000",
        "promised_qualifier": "exact",
        "delivered": "10000000000.00",
        "delivered_qualifier": "exact",
        "delivered_pct": "37.0",
        "deliveries": 1,
        "last_delivery_year": 2024,
        "last_delivery_on": "2024-06-30",
        "missing_rate": None,
    }
    assert (envelope["delivered"], envelope["delivered_pct"]) == ("20000000000.00", "9.8")
    table = sample.ok("progress", "--donor", "Norway", "--year", "2024").stdout
    assert re.search(r"nor-2024 +Norway +2024 +NOK 27.0bn +NOK 10.0bn +37.0% +2024-06-30", table)
    assert re.search(r"nor-nansen-2030 +Norway +2023-2030 +NOK 205.0bn +NOK 20.0bn +9.8%", table)


def test_progress_leaves_out_parts_of_single_years_deliveries_and_history(
    sample: Aidtrack,
) -> None:
    deliver(sample, "nor-2024", "10bn")
    ids = {row["id"] for row in sample.json("progress")}
    assert {"nor-2024", "nor-2025", "nor-nansen-2030", "eu-facility", "usa-2024"} <= ids
    assert "eu-facility-grants" in ids  # a part of an envelope is a tranche of its own
    left_out = {"nor-2024-civ", "nor-2024-mil", "nor-2025-first", "nor-nansen-2023"}
    assert not ids & left_out
    assert not any(row["id"].startswith("p") for row in sample.json("progress"))


def test_revise_carries_the_deliveries_and_the_report_stays(sample: Aidtrack) -> None:
    delivery = deliver(sample, "nor-2024", "10bn")
    before = sample.json("report", "--year", "2024")
    revised = sample.json("revise", "nor-2024", "--note", "checked against the budget")
    new_id = revised[0]["id"]
    assert sample.json("show", delivery["id"])["delivery_of"] == new_id
    assert sample.json("show", new_id)["deliveries"][0]["id"] == delivery["id"]
    assert sample.json("report", "--year", "2024") == before
    row = next(r for r in sample.json("progress") if r["id"] == new_id)
    assert row["delivered"] == "10000000000.00"


def test_a_pledge_with_deliveries_cannot_be_removed(sample: Aidtrack, store: Path) -> None:
    delivery = deliver(sample, "usa-2024", "$5bn")
    before = store.read_bytes()
    refused = sample("remove", "usa-2024", "--yes")
    assert refused.exit_code == 1 and f"{delivery['id']} point at it" in refused.stderr
    assert store.read_bytes() == before
    sample.ok("remove", delivery["id"], "--yes")
    sample.ok("remove", "usa-2024", "--yes")


def test_deliver_completes_record_ids(sample: Aidtrack) -> None:
    from .test_command_line import complete

    assert complete("aidtrack deliver nor-2026") == ["nor-2026", "nor-2026-civ", "nor-2026-mil"]
    assert sorted(complete("aidtrack deliver nor-2026 1bn --status ")) == [
        "allocated",
        "disbursed",
    ]


def test_a_part_of_a_single_year_whole_leaves_its_deliveries_to_the_whole(
    sample: Aidtrack,
) -> None:
    assert "Deliveries" not in sample.ok("show", "nor-2024-civ").stdout
    assert sample.json("show", "nor-2024-civ")["delivered"] is None
    tranche = sample.json("show", "eu-facility-grants")["delivered"]
    assert tranche == {"amounts": [], "in_currency": "0.00", "pct": "0.0"}


def test_a_pledge_revised_twice_is_delivered_against_its_newest_version(
    sample: Aidtrack,
) -> None:
    newest = sample.json("revise", "nor-2025", "--note", "as voted")[0]["id"]
    refused = sample("deliver", "nor-2025-first", "1bn", "--source", SOURCE)
    assert refused.exit_code == 1 and f"`aidtrack deliver {newest} 1bn ...`" in refused.stderr


def test_a_second_delivery_counts_the_first_in_another_year(aidtrack: Aidtrack) -> None:
    """The report reads the year totals that the write refreshed: a delivery dated in
    a later year still counts in what its pledge's year reached when another is added."""
    aidtrack.ok("add", "Norway", "NOK 100", "--to", "UA", "-y", "2024", "-s", "committed")
    deliver(aidtrack, "p1", "30", "--year", "2025")
    deliver(aidtrack, "p1", "20", "--year", "2024")
    reached = aidtrack.json("report", "--year", "2024", "--currency", "NOK")["donors"][0]["reached"]
    assert (reached["allocated"], reached["disbursed"]) == ("50.00", "50.00")
