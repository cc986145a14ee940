"""The second audit's wrong figures (issue 25, items 1-3): parts within their whole,
rates and GDP within what money and economies can be, and a shown rate that reproduces
the figure it converts. Driven through the command line on the shipped sample."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from .conftest import Aidtrack

SOURCE = ("--source", "https://example.org/part")


@pytest.fixture
def sample(aidtrack: Aidtrack) -> Aidtrack:
    aidtrack.ok("init", "--sample")
    return aidtrack


def promised(aidtrack: Aidtrack, year: str, donor: str) -> str:
    report = aidtrack.json("report", "--year", year, "--currency", "NOK")
    (row,) = [d for d in report["donors"] if d["donor"] == donor]
    return str(row["promised"])


def refused(aidtrack: Aidtrack, store: Path, *args: str) -> str:
    before = store.read_bytes()
    result = aidtrack(*args)
    assert result.exit_code != 0, result.stdout
    assert store.read_bytes() == before
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1, message
    return message


# 1. A part or tranche larger than its whole ---------------------------------------------


def test_a_part_of_an_envelope_larger_than_the_envelope_is_refused(
    sample: Aidtrack, store: Path
) -> None:
    before = promised(sample, "2026", "Norway")
    message = refused(
        sample, store, "add", "Norway", "NOK 300bn", "--part-of", "nor-nansen-2030",
        "--year", "2026", *SOURCE,
    )  # fmt: skip
    assert "nor-nansen-2030" in message and "NOK 300.0bn" in message
    assert "NOK 205.0bn" in message
    assert promised(sample, "2026", "Norway") == before


def test_parts_that_add_up_to_more_than_their_whole_are_refused(
    sample: Aidtrack, store: Path
) -> None:
    message = refused(
        sample, store, "add", "Norway", "100bn", "--part-of", "nor-2026",
        "--category", "humanitarian", *SOURCE,
    )  # fmt: skip
    assert "parts of nor-2026" in message and "NOK 185.0bn" in message


def test_editing_a_part_or_its_whole_past_the_other_is_refused(
    sample: Aidtrack, store: Path
) -> None:
    assert "parts of nor-2026" in refused(sample, store, "edit", "nor-2026-mil", "--amount", "80bn")
    assert "parts of nor-2026" in refused(sample, store, "edit", "nor-2026", "--amount", "50bn")
    sample.ok("edit", "nor-2026-mil", "--amount", "65bn")  # within the whole: fine


def test_an_import_whose_parts_exceed_their_whole_is_refused(
    sample: Aidtrack, store: Path, tmp_path: Path
) -> None:
    rows = tmp_path / "parts.csv"
    rows.write_text(
        "donor,recipient,year,amount,currency,part_of,source_url\n"
        "Norway,Ukraine,2026,20000000000,NOK,nor-2026,https://example.org/a\n",
        encoding="utf-8",
    )
    assert "parts of nor-2026" in refused(sample, store, "import", str(rows))


def test_a_part_in_another_currency_is_converted_before_it_is_compared(
    sample: Aidtrack, store: Path
) -> None:
    message = refused(
        sample, store, "add", "Norway", "$10bn", "--part-of", "nor-2026-civ",
        "--year", "2026", *SOURCE,
    )  # fmt: skip
    assert "parts of nor-2026-civ" in message
    sample.ok("add", "Norway", "$1bn", "--part-of", "nor-2026-civ", "--year", "2026", *SOURCE)


def test_the_parts_of_an_at_least_whole_may_add_up_to_more(sample: Aidtrack) -> None:
    # "at least NOK 10bn, of which ...": the whole is a floor, not a ceiling.
    whole = sample.json(
        "add",
        "Norway",
        "NOK 10bn",
        "--to",
        "Ukraine",
        "--qualifier",
        "at_least",
        "--year",
        "2027",
        *SOURCE,
    )["id"]
    sample.ok("add", "Norway", "NOK 12bn", "--part-of", whole, "--category", "military", *SOURCE)


def test_a_years_share_of_an_envelope_counts_once_in_its_year(sample: Aidtrack) -> None:
    before = Decimal(promised(sample, "2026", "Norway"))
    sample.ok(
        "add", "Norway", "NOK 20bn", "--part-of", "nor-nansen-2030", "--year", "2026", *SOURCE
    )
    assert Decimal(promised(sample, "2026", "Norway")) == before + Decimal("20000000000")
    envelopes = sample.json("report", "--year", "2026")["envelopes"]
    (nansen,) = [e for e in envelopes if e["id"] == "nor-nansen-2030"]
    assert Decimal(str(nansen["amount"])) == Decimal("205000000000")  # not grown by its part


def test_check_names_parts_over_their_whole_that_a_hand_edit_left(
    sample: Aidtrack, store: Path
) -> None:
    document = json.loads(store.read_text(encoding="utf-8"))
    for record in document["pledges"].values():
        if record["id"] == "nor-2026-mil":
            record["amount"] = "80000000000"
    store.write_text(json.dumps(document), encoding="utf-8")
    result = sample("check", "--json")
    (problem,) = [p for p in json.loads(result.stdout)["problems"] if p["id"] == "nor-2026"]
    assert problem["kind"] == "parts_exceed_whole"
    assert "NOK 95.0bn" in problem["message"]


# 2. Values that break every later report -------------------------------------------------


@pytest.mark.parametrize(
    "rate", ["0.000000000000000000000000000001", "100000000000000000000", "0.001"]
)
def test_a_rate_no_currency_has_ever_had_is_refused(
    sample: Aidtrack, store: Path, rate: str
) -> None:
    message = refused(sample, store, "rates", "set", "NOK", "2025", rate)
    assert "NOK 2025" in message and "per EUR" in message


def test_a_real_rate_far_from_the_euro_is_kept(sample: Aidtrack) -> None:
    sample.ok("rates", "set", "IRR", "2025", "1200000")  # the rial's market rate
    sample.ok("rates", "set", "KWD", "2025", "0.34")


def stored_rate(store: Path, per_eur: str) -> None:
    document = json.loads(store.read_text(encoding="utf-8"))
    document["rates"] = {"1": {"currency": "NOK", "year": 2025, "per_eur": per_eur}}
    store.write_text(json.dumps(document), encoding="utf-8")


@pytest.mark.parametrize(
    "command",
    [
        ("report", "--year", "2025"),
        ("report", "--year", "2025", "--json"),
        ("compare", "--json"),
        ("list", "--currency", "USD"),
        ("check",),
    ],
    ids=lambda c: " ".join(c),
)
def test_every_read_survives_a_stored_rate_out_of_range_and_names_it(
    sample: Aidtrack, store: Path, command: tuple[str, ...]
) -> None:
    stored_rate(store, "0.000000000000000000000000000001")
    result = sample(*command)
    assert result.exit_code != 0
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and "internal error" not in message, message
    assert "NOK 2025" in message and "rates unset NOK 2025" in message


def world_bank_csv(tmp_path: Path, gdp: str) -> Path:
    path = tmp_path / "API_NY.GDP.MKTP.CD_DS2_en_csv_v2_1.csv"
    path.write_text(
        '"Data Source","World Development Indicators",\n\n"Last Updated Date","2026-07-01",\n\n'
        '"Country Name","Country Code","Indicator Name","Indicator Code","2024",\n'
        f'"Norway","NOR","GDP (current US$)","NY.GDP.MKTP.CD","{gdp}",\n',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("gdp", ["1e-300", "0.000001", "1E+40"])
def test_a_gdp_no_economy_has_is_refused_naming_its_line(
    sample: Aidtrack, store: Path, tmp_path: Path, gdp: str
) -> None:
    message = refused(sample, store, "gdp", "import", str(world_bank_csv(tmp_path, gdp)))
    assert "line 6" in message and "2024" in message


def test_a_stored_gdp_out_of_range_is_named_by_the_reports_that_use_it(
    sample: Aidtrack, store: Path, tmp_path: Path
) -> None:
    sample.ok("gdp", "import", str(world_bank_csv(tmp_path, "485000000000")))
    document = json.loads(store.read_text(encoding="utf-8"))
    for table in document.values():
        for doc in table.values() if isinstance(table, dict) else ():
            if isinstance(doc, dict) and doc.get("indicator") == "NY.GDP.MKTP.CD":
                doc["values"] = {"2024": "0.000001"}
    store.write_text(json.dumps(document), encoding="utf-8")
    result = sample("report", "--year", "2025", "--per", "gdp")
    assert result.exit_code != 0
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and "NOR" in message and "0.000001" in message


# 3. The rate shown reproduces the figure -------------------------------------------------


def test_the_rates_under_a_report_reproduce_its_figures(sample: Aidtrack) -> None:
    shown = sample.ok("report", "--year", "2024", "--currency", "NOK").stdout
    legs = re.search(r"euro rates: NOK 2024 ([0-9.]+), USD 2024 ([0-9.]+) per EUR", shown)
    assert legs is not None, shown
    figures = sample.json("report", "--year", "2024", "--currency", "NOK")
    (usa,) = [d for d in figures["donors"] if d["donor"] == "United States"]
    exact = Decimal("60840000000") * Decimal(legs[1]) / Decimal(legs[2])
    assert exact.quantize(Decimal("0.01")) == Decimal(str(usa["promised"]))
    (usd,) = [r for r in figures["rates"] if r["currency"] == "USD"]
    assert (usd["from_per_eur"], usd["to_per_eur"]) == (legs[2], legs[1])
