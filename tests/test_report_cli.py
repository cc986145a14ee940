"""`report` and `compare` on the starter dataset, driven through the command line."""

from __future__ import annotations

import csv
import io
import json
import stat
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from aidtrack.money import format_compact

from .conftest import STARTER_CSV, Aidtrack


@pytest.fixture
def starter(aidtrack: Aidtrack, store: Path) -> Path:
    """The store with data/pledges-starter.csv imported."""
    aidtrack.ok("import", str(STARTER_CSV))
    return store


def donors(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {entry["donor"]: entry for entry in data["donors"]}


def test_report_json_counts_each_pledge_once(aidtrack: Aidtrack, starter: Path) -> None:
    data = aidtrack.json("report", "--year", "2026", "--currency", "NOK")
    assert data["schema_version"] == 3
    assert (data["year"], data["currency"]) == (2026, "NOK")
    norway = donors(data)["Norway"]
    # NOK 85bn announced for 2026 against the NOK 85bn committed for 2025.
    assert (norway["amount"], norway["previous_amount"]) == ("85000000000.00", "85000000000.00")
    assert (norway["change"], norway["change_pct"]) == ("0.00", "0.0")
    assert norway["by_category"]["military"] == "70000000000.00"
    assert norway["by_category"]["civilian"] == "15000000000.00"
    assert norway["donor_code"] == "NOR"
    assert norway["previous_by_category"]["mixed"] == "85000000000.00"  # 2025: no split
    assert (data["previous_year"], data["previous_by_category"]["mixed"]) == (
        2025,
        "85000000000.00",
    )
    assert donors(data)["Germany"]["previous_by_category"] is None  # no 2025 record
    assert list(norway) == [
        "donor",
        "donor_code",
        "amount",
        "previous_amount",
        "change",
        "change_pct",
        "share_pct",
        "qualifier",
        "promised",
        "delivered",
        "delivered_pct",
        "promised_qualifier",
        "delivered_qualifier",
        "reached",
        "by_category",
        "previous_by_category",
        "share_of_gdp_pct",
        "gdp_year",
        "per_person_usd",
        "population_year",
        "gdp_of",
    ]
    assert [e["id"] for e in data["envelopes"]].count("nor-nansen-2030") == 1
    assert "nor-nansen-2023" not in {e["id"] for e in data["envelopes"]}
    nansen = next(e for e in data["envelopes"] if e["id"] == "nor-nansen-2030")
    assert nansen["years"] == [2023, 2030]
    assert nansen["converted"]["amount"] == "205000000000.00"
    # The year adds Norway and Germany only: the EU's envelopes stay out.
    assert set(donors(data)) == {"Norway", "Germany"}
    assert data["total"]["amount"] == "211949650000.00"  # 85bn + EUR 11.5bn * 11.0391
    assert [(r["currency"], r["year"], r["provisional"]) for r in data["rates"]] == [
        ("EUR", 2024, False),
        ("USD", 2025, False),  # Norway's 2025 delivery, in the year before
        ("EUR", 2026, True),
    ]


def test_the_currency_comes_from_the_environment_and_defaults_to_usd(
    aidtrack: Aidtrack, starter: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert aidtrack.json("report", "-y", "2026")["currency"] == "USD"
    monkeypatch.setenv("AIDTRACK_CURRENCY", "eur")
    data = aidtrack.json("report", "-y", "2024")
    assert data["currency"] == "EUR"
    # NOK 27bn / 11.6290 + USD 60.84bn / 1.0824 (see test_yearly for the arithmetic).
    assert data["total"]["amount"] == "58530207473.14"
    assert aidtrack.json("report", "-y", "2024", "-c", "NOK")["currency"] == "NOK"


def test_report_table(aidtrack: Aidtrack, starter: Path) -> None:
    out = aidtrack.ok("report", "--year", "2026").stdout
    assert "Aid pledges to Ukraine in 2026 against 2025, in USD" in out
    lines = out.splitlines()
    germany = next(line for line in lines if " Germany " in line)
    assert "$13.3bn" in germany and "no 2025 record" in germany and "59.9%" in germany
    norway = next(line for line in lines if " Norway " in line and "$8.2bn" in line)
    assert "+8.7%" in norway and "announced" in norway
    assert any("Total" in line and "$22.2bn" in line for line in lines)
    for shown in ("military", "civilian", "nor-nansen-2030", "eu-loan-2026", "eu-facility"):
        assert shown in out
    assert "nor-nansen-2023" not in out
    assert "\u2588" in out  # the bars
    assert "* provisional: the current year's average runs to" in out
    assert "NOK 2026 0.104791*" in out
    assert "European Central Bank" in out


def test_the_table_shows_qualifier_marks(aidtrack: Aidtrack, starter: Path) -> None:
    aidtrack.ok("add", "Sweden", "SEK 5bn", "--to", "Ukraine", "-y", "2026", "-q", "at_least")
    out = aidtrack.ok("report", "-y", "2026", "-c", "SEK").stdout
    assert ">= SEK 5.0bn" in out
    assert "~ about, >= at least, <= up to" in out
    assert donors(aidtrack.json("report", "-y", "2026"))["Sweden"]["qualifier"] == "at_least"


def test_status_and_category_narrow_the_report(aidtrack: Aidtrack, starter: Path) -> None:
    committed = aidtrack.json("report", "-y", "2026", "-c", "NOK", "--status", "committed")
    # Norway's 2026 figure is only announced; its 2025 one was committed.
    norway = donors(committed)["Norway"]
    assert (norway["amount"], norway["previous_amount"]) == (None, "85000000000.00")
    assert committed["total"]["amount"] == donors(committed)["Germany"]["amount"]
    assert {e["id"] for e in committed["envelopes"]} == {
        "eu-facility",
        "eu-loan-2026",
        "nor-nansen-2030",
    }
    both = aidtrack.json("report", "-y", "2026", "-c", "NOK", "-s", "committed", "-s", "announced")
    assert donors(both)["Norway"]["amount"] == "85000000000.00"
    civilian = aidtrack.json("report", "-y", "2026", "-c", "NOK", "--category", "civilian")
    assert donors(civilian)["Norway"]["amount"] == "15000000000.00"
    assert civilian["envelopes"] == []
    nowhere = aidtrack.json("report", "-y", "2026", "--to", "Moldova")
    assert nowhere["donors"] == [] and nowhere["total"]["amount"] is None
    assert nowhere["recipients"] == []


def test_report_csv_and_ndjson_are_tidy(aidtrack: Aidtrack, starter: Path) -> None:
    out = aidtrack.ok("report", "-y", "2026", "-c", "NOK", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["donor"], r["year"]) for r in rows] == [  # no row for a year without a record
        ("Germany", "2026"),
        ("Norway", "2025"),
        ("Norway", "2026"),
    ]
    assert rows[2]["amount"] == "85000000000.00" and rows[2]["military"] == "70000000000.00"
    lines = aidtrack.ok("report", "-y", "2026", "-f", "ndjson").stdout.splitlines()
    assert [json.loads(line)["year"] for line in lines] == [2026, 2025, 2026]


def test_svg_and_html_save_the_table(  # shared files: the user's normal mode
    aidtrack: Aidtrack, starter: Path, tmp_path: Path
) -> None:
    svg, html = tmp_path / "report.svg", tmp_path / "report.html"
    html.write_text("stale drawing")
    html.chmod(0o644)
    result = aidtrack.ok("report", "-y", "2026", "--svg", str(svg), "--html", str(html))
    assert "Norway" in result.stdout
    assert f"saved {svg}" in result.stderr
    assert stat.S_IMODE(html.stat().st_mode) == 0o644  # as it was
    drawing = svg.read_text()
    assert drawing.startswith("<svg") and "Germany" in drawing
    page = html.read_text()
    assert "<html" in page.lower() and "nor-nansen-2030" in page and "stale drawing" not in page
    # With --json, stdout stays JSON and the drawing is still saved.
    again = tmp_path / "again.svg"
    json.loads(aidtrack.ok("report", "-y", "2026", "--json", "--svg", str(again)).stdout)
    assert "Norway" in again.read_text()


def test_an_unwritable_drawing_is_a_one_line_error(
    aidtrack: Aidtrack, starter: Path, tmp_path: Path
) -> None:
    result = aidtrack("report", "-y", "2026", "--svg", str(tmp_path / "no" / "such" / "x.svg"))
    assert result.exit_code == 1
    assert result.stderr.startswith("error: cannot write") and result.stderr.count("\n") == 1


def test_a_missing_rate_is_a_clear_error(aidtrack: Aidtrack, starter: Path) -> None:
    result = aidtrack("report", "-y", "2026", "--currency", "UAH")
    assert result.exit_code == 1
    assert "UAH 2023, UAH 2024, UAH 2025, UAH 2026" in result.stderr
    assert "aidtrack rates set UAH 2023 RATE" in result.stderr
    assert result.stderr.count("\n") == 1 and result.stdout == ""


def test_a_user_rate_is_used_and_marked(aidtrack: Aidtrack, starter: Path) -> None:
    aidtrack.ok("rates", "set", "NOK", "2025", "10")
    data = aidtrack.json("report", "-y", "2025", "-c", "EUR")
    assert donors(data)["Norway"]["amount"] == "8500000000.00"  # NOK 85bn / 10
    rate = next(r for r in data["rates"] if (r["currency"], r["year"]) == ("NOK", 2025))
    assert rate["user"] is True and rate["rate"] == "0.1"
    assert "u: your own rate" in aidtrack.ok("report", "-y", "2025", "-c", "EUR").stdout


def test_report_takes_one_year(aidtrack: Aidtrack, starter: Path) -> None:
    result = aidtrack("report", "--year", "2023-2026")
    assert result.exit_code == 1
    assert "aidtrack compare --years 2023-2026" in result.stderr
    assert aidtrack.json("report", "-c", "NOK")["year"] == 2026  # the latest with data


def test_an_empty_store(aidtrack: Aidtrack) -> None:
    result = aidtrack.ok("report", "-y", "2026")
    assert result.stdout == "" and "no pledges count in 2026" in result.stderr
    assert aidtrack.json("report", "-y", "2026")["donors"] == []
    failed = aidtrack("compare")
    assert failed.exit_code == 1 and "no single-year pledges" in failed.stderr


def test_stored_text_in_envelopes_is_printed_literally(aidtrack: Aidtrack, starter: Path) -> None:
    aidtrack.ok(
        "add",
        "Sweden",
        "SEK 10bn",
        "--to",
        "Ukraine",
        "-y",
        "2025-2027",
        "--label",
        "[red]support[/red] \x1b[2J",
    )
    out = aidtrack.ok("report", "-y", "2026").stdout
    assert "[red]support[/red] \\x1b[2J" in out
    assert "\x1b" not in out


def test_compare_table(aidtrack: Aidtrack, starter: Path) -> None:
    out = aidtrack.ok("compare", "--currency", "NOK").stdout
    assert "Aid pledges to Ukraine 2023-2026, in NOK" in out
    header = next(line for line in out.splitlines() if "Donor" in line)
    for column in ("2023", "2024", "2025", "2026", "Change", "Change %"):
        assert column in header
    norway = next(line for line in out.splitlines() if " Norway " in line)
    assert "NOK 15.0bn" in norway and "NOK 27.0bn" in norway and "0.0%" in norway
    assert any("Total" in line for line in out.splitlines())
    assert "not added to any year" in out


def test_compare_json_and_csv(aidtrack: Aidtrack, starter: Path) -> None:
    data = aidtrack.json("compare", "Norway", "DE", "--years", "2024-2026", "-c", "NOK")
    assert data["years"] == [2024, 2025, 2026]
    assert [d["donor"] for d in data["donors"]] == ["Germany", "Norway"]
    norway = donors(data)["Norway"]
    assert norway["amounts"] == {
        "2024": "27000000000.00",
        "2025": "85000000000.00",
        "2026": "85000000000.00",
    }
    assert (norway["change"], norway["change_pct"]) == ("0.00", "0.0")
    assert data["total"]["amounts"]["2024"] == "27000000000.00"  # the US is not asked for
    out = aidtrack.ok("compare", "-y", "2023-2024", "-f", "csv", "--status", "committed").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {(r["donor"], r["year"]) for r in rows} == {
        ("United States", "2024"),
        ("Norway", "2023"),
        ("Norway", "2024"),
    }


def test_report_and_compare_agree(aidtrack: Aidtrack, starter: Path) -> None:
    report = aidtrack.json("report", "-y", "2026", "-c", "EUR")
    comparison = aidtrack.json("compare", "-y", "2025-2026", "-c", "EUR")
    assert comparison["total"]["amounts"] == {
        "2025": report["total"]["previous_amount"],
        "2026": report["total"]["amount"],
    }


def test_bad_options_are_one_line_errors(aidtrack: Aidtrack, starter: Path) -> None:
    for args in (
        ("report", "-y", "2026", "--status", "promised"),
        ("report", "-y", "2026", "--currency", "XYZ"),
        ("compare", "Atlantis"),
        ("report", "-y", "2026", "--json", "--format", "csv"),
    ):
        result = aidtrack(*args)
        assert result.exit_code == 1, args
        assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1


def test_reports_never_write_the_store(aidtrack: Aidtrack, starter: Path) -> None:
    before = starter.read_bytes()
    aidtrack.ok("report", "-y", "2026")
    aidtrack.ok("compare")
    assert starter.read_bytes() == before


# --- promised and delivered (DESIGN §2a) -----------------------------------------------


def deliver(store: Path, of: str, amount: str, year: str, currency: str = "NOK") -> None:
    """Money of pledge `of` disbursed in `year`: a delivery, through the ledger and its
    write rules (as `aidtrack deliver` records one)."""
    from aidtrack import model
    from aidtrack.ledger import open_ledger

    with open_ledger(store, write=True) as ledger:
        pledge = ledger.get(of)
        fields = {"donor": pledge.donor, "recipient": pledge.recipient, "year": year}
        fields |= {"amount": amount, "currency": currency, "status": "disbursed"}
        ledger.add(model.build({**fields, "delivery_of": of}, id=f"{of}-d{year}"))


@pytest.fixture
def funnel(aidtrack: Aidtrack, store: Path) -> Path:
    """Norway 2025: NOK 85bn committed, NOK 50bn of it disbursed; Germany 2025: EUR 10bn
    committed, EUR 1bn disbursed; the Nansen envelope (NOK 205bn 2023-2030), NOK 50bn
    of it disbursed in 2024; Norway 2024: NOK 27bn committed."""
    source = ("--to", "Ukraine", "--status", "committed", "--source", "https://example.org/f")

    def add(donor: str, amount: str, year: str) -> str:
        return str(aidtrack.ok("add", donor, amount, "-y", year, *source).stdout.strip())

    add("Norway", "NOK 27bn", "2024")
    norway, germany = add("Norway", "NOK 85bn", "2025"), add("Germany", "EUR 10bn", "2025")
    nansen = add("Norway", "NOK 205bn", "2023-2030")
    deliver(store, norway, "50000000000", "2025")
    deliver(store, germany, "1000000000", "2025", "EUR")
    deliver(store, nansen, "50000000000", "2024")
    return store


def test_a_delivery_is_shown_beside_its_promise_never_added(
    aidtrack: Aidtrack, funnel: Path
) -> None:
    data = aidtrack.json("report", "--year", "2025", "--currency", "NOK")
    assert data["measure"] == "promised"
    norway = donors(data)["Norway"]
    assert norway["amount"] == norway["promised"] == "85000000000.00"
    assert (norway["delivered"], norway["delivered_pct"]) == ("50000000000.00", "58.8")
    assert norway["reached"] == {
        "announced": "85000000000.00",
        "committed": "85000000000.00",
        "allocated": "50000000000.00",
        "disbursed": "50000000000.00",
    }
    # 2024: NOK 27bn promised, and the envelope's NOK 50bn delivered that year.
    assert (norway["previous_amount"], norway["change"]) == ("27000000000.00", "58000000000.00")
    total, germany = data["total"], donors(data)["Germany"]
    promised = Decimal(norway["promised"]) + Decimal(germany["promised"])
    delivered = Decimal(norway["delivered"]) + Decimal(germany["delivered"])
    assert Decimal(total["amount"]) == Decimal(total["promised"]) == promised
    assert Decimal(total["delivered"]) == delivered
    assert [d["donor"] for d in data["donors"]] == ["Germany", "Norway"]  # by promised

    table = aidtrack.ok("report", "--year", "2025", "--currency", "NOK").stdout
    header = next(line for line in table.splitlines() if " Donor " in line)
    assert "Delivered 2025" in header and "Reached at least, 2025" in header
    row = next(line for line in table.splitlines() if " Norway " in line)
    assert "NOK 85.0bn" in row and "NOK 50.0bn (58.8%)" in row
    assert "committed NOK 85.0bn, disbursed NOK 50.0bn" in row
    shown = " ".join(table.split())  # the notes wrap with the terminal
    assert "reached at least: committed NOK" in shown and ", allocated NOK" in shown
    delivered_text = f"NOK {Decimal(total['delivered']) / 10**9:.1f}bn"
    assert f"Delivered in 2025: {delivered_text}, {total['delivered_pct']}% of what" in shown


def test_the_measure_ranks_charts_and_heads_the_table(aidtrack: Aidtrack, funnel: Path) -> None:
    data = aidtrack.json("report", "-y", "2025", "-c", "NOK", "--measure", "delivered")
    assert data["measure"] == "delivered"
    assert [d["donor"] for d in data["donors"]] == ["Norway", "Germany"]  # 50bn > EUR 1bn
    norway = donors(data)["Norway"]
    assert norway["amount"] == norway["delivered"] == "50000000000.00"
    assert norway["previous_amount"] == "50000000000.00"  # the envelope's, in 2024
    assert data["total"]["amount"] == data["total"]["delivered"]
    table = aidtrack.ok("report", "-y", "2025", "-c", "NOK", "--measure", "DELIVERED").stdout
    lines = table.splitlines()
    assert lines[0].startswith("Aid delivered to Ukraine in 2025 against 2024, in NOK")
    assert "Promised 2025" in next(line for line in lines if " Donor " in line)
    first = next(line for line in lines if line.startswith("1 "))
    assert "Norway" in first and "NOK 85.0bn (58.8%)" in first
    assert "2024 -> 2025 by donor, delivered" in table
    compared = aidtrack.json("compare", "-y", "2024-2025", "-c", "NOK", "--measure", "delivered")
    assert compared["measure"] == "delivered"
    assert donors(compared)["Norway"]["amounts"] == {
        "2024": "50000000000.00",
        "2025": "50000000000.00",
    }
    assert donors(compared)["Norway"]["promised"]["2025"] == "85000000000.00"
    assert (
        "Aid delivered to Ukraine 2024-2025"
        in aidtrack.ok("compare", "-c", "NOK", "--measure", "delivered").stdout
    )
    bad = aidtrack("report", "--measure", "paid")
    assert bad.exit_code != 0 and "paid" in bad.stderr


def test_an_envelopes_pace(aidtrack: Aidtrack, funnel: Path) -> None:
    """NOK 205bn for 2023-2030, NOK 50bn delivered by 2025: 24.4%, in 3 of 8 years (37.5%)."""
    (nansen,) = aidtrack.json("report", "-y", "2025", "-c", "NOK")["envelopes"]
    assert (nansen["delivered"], nansen["delivered_pct"]) == ("50000000000.00", "24.4")
    assert (nansen["years_elapsed"], nansen["years_total"], nansen["pace_pct"]) == (3, 8, "37.5")
    table = aidtrack.ok("report", "-y", "2025", "-c", "NOK").stdout
    row = next(line for line in table.splitlines() if "NOK 205.0bn" in line)
    assert "NOK 50.0bn (24.4%)" in row and "3 of 8 (37.5%)" in row
    assert "Delivered and years gone: by the end of 2025." in table
    (later,) = aidtrack.json("report", "-y", "2030", "-c", "NOK")["envelopes"]
    assert (later["years_elapsed"], later["pace_pct"]) == (8, "100.0")


def test_the_year_report_says_the_delivered_share(aidtrack: Aidtrack, funnel: Path) -> None:
    table = aidtrack.ok("report", "--year", "2025").stdout
    data = aidtrack.json("report", "--year", "2025")
    assert f"({donors(data)['Norway']['delivered_pct']}%)" in table
    assert f"{data['total']['delivered_pct']}% of what was promised for 2025" in " ".join(
        table.split()
    )
    rows = list(
        csv.DictReader(io.StringIO(aidtrack.ok("report", "-y", "2025", "-f", "csv").stdout))
    )
    norway = next(r for r in rows if (r["donor"], r["year"]) == ("Norway", "2025"))
    assert (norway["measure"], norway["delivered_pct"]) == ("promised", "58.8")
    markdown = aidtrack.ok("report", "-y", "2025", "-c", "NOK", "-f", "markdown").stdout
    assert "| Delivered 2025 |" in markdown and "NOK 50.0bn (58.8%)" in markdown
    assert "|  | **Total** | **NOK 27.0bn** |" in markdown  # bold, not escaped stars
    assert "\\\nDelivered in 2025: NOK" in markdown  # the note's lines, hard breaks
    assert "\\x0a" not in markdown


def test_with_nothing_delivered_the_table_has_no_delivered_column(aidtrack: Aidtrack) -> None:
    aidtrack.ok("add", "Norway", "NOK 85bn", "--to", "Ukraine", "-y", "2025", "--force")
    table = aidtrack.ok("report", "-y", "2025", "-c", "NOK").stdout
    assert "Delivered 2025" not in table and "Delivered in 2025: none recorded." in table
    assert "none is recorded as committed" in " ".join(table.split())
    data = aidtrack.json("report", "-y", "2025", "-c", "NOK")
    assert (data["total"]["delivered"], data["total"]["delivered_pct"]) == ("0.00", "0.0")


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_no_figure_of_either_measure_is_cut(
    aidtrack: Aidtrack, funnel: Path, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    """Every figure whole at 60, 80 and 120 columns: the per-donor delivered column
    goes at 60 (after the stage view and the rank), the note's totals never do."""
    data = aidtrack.json("report", "-y", "2025")
    monkeypatch.setenv("COLUMNS", str(columns))
    table = aidtrack.ok("report", "-y", "2025").stdout
    assert max(len(line) for line in table.splitlines()) <= columns
    words = set(table.split())
    expected = [f"{data['total']['delivered_pct']}%", "24.4%)", "(37.5%)"]
    for donor in data["donors"]:
        expected.append(format_compact(Decimal(donor["promised"]), "USD"))
        if columns >= 80:
            expected.append(f"({donor['delivered_pct']}%)")
    expected += [
        format_compact(Decimal(data["total"][key]), "USD") for key in ("promised", "delivered")
    ]
    missing = [figure for figure in expected if not any(figure in word for word in words)]
    assert not missing, (columns, missing, table)
