"""`reconcile`: the store against another tracker's file, per donor, year and measure,
counted by the same rules and converted with the store's rates; it writes nothing."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from aidtrack.counting import Measure, Tally
from aidtrack.model import Category, Pledge, Status, YearSpan
from aidtrack.rates import RateTable
from aidtrack.reconcile import Result, reconcile

from .conftest import Aidtrack

HEADER = "Donor country,announcement_date,measure,aid_type_general,value,currency_code\n"
ROWS = {
    "germany-2023-commitment": "Germany,2023-02-10,Commitment,Military,1000000000,EUR",
    "germany-2023-allocation": "Germany,2023-09-01,Allocation,Military,400000000,EUR",
    "france-2024": "France,2024-03-05,Commitment,Humanitarian,500000000,EUR",
    "italy-2022": "Italy,2022-06-01,Commitment,Financial,250000000,EUR",
    "usa-2024": "United States,2024-04-24,Commitment,Military,60840000000,USD",
    "norway-2025": "Norway,2025-01-15,Commitment,Military,12000000000,NOK",
}
MAP = (
    *("--map", "donor=Donor country", "--map", "year=announcement_date"),
    *("--map", "status=measure", "--map", "category=aid_type_general"),
    *("--map", "amount=value", "--map", "currency=currency_code", "--set", "recipient=Ukraine"),
)


def tracker_file(folder: Path, name: str, rows: dict[str, str]) -> Path:
    path = folder / name
    path.write_text(HEADER + "".join(row + "\n" for row in rows.values()), encoding="utf-8")
    return path


@pytest.fixture
def tracked(aidtrack: Aidtrack, tmp_path: Path) -> Path:
    """A store filled from a tracker's file (read through a column map): the file."""
    original = tracker_file(tmp_path, "tracker.csv", ROWS)
    aidtrack.ok("import", str(original), *MAP)
    return original


def planted(folder: Path) -> Path:
    """A copy of the tracker's file with four differences planted: an amount changed,
    a row removed, a row added, a delivery changed."""
    rows = dict(ROWS)
    rows["france-2024"] = rows["france-2024"].replace("500000000", "510000000")
    del rows["italy-2022"]
    rows["spain-2025"] = "Spain,2025-05-20,Commitment,Military,300000000,EUR"
    rows["germany-2023-allocation"] = rows["germany-2023-allocation"].replace(
        "400000000", "450000000"
    )
    return tracker_file(folder, "release.csv", rows)


def reconciled(aidtrack: Aidtrack, *args: str) -> tuple[int, dict[str, Any]]:
    result = aidtrack("reconcile", *args, "--json")
    assert result.exit_code in (0, 1), (result.exit_code, result.stdout, result.stderr)
    return result.exit_code, json.loads(result.stdout)


def not_matching(report: dict[str, Any]) -> dict[tuple[str, int, str], dict[str, Any]]:
    return {
        (line["donor"], line["year"], line["measure"]): line
        for line in report["lines"]
        if line["result"] != "match"
    }


def test_the_same_file_matches_everything_and_exits_0(aidtrack: Aidtrack, tracked: Path) -> None:
    code, report = reconciled(aidtrack, str(tracked), *MAP)
    assert code == 0
    assert report["agrees"] is True
    assert report["counts"] == {
        "differs": 0,
        "store_only": 0,
        "file_only": 0,
        "no_rate": 0,
        "match": 6,
    }
    # The allocation row is Germany's delivery: delivered 0.4bn, promised 1bn once.
    germany = {line["measure"]: line for line in report["lines"] if line["donor"] == "Germany"}
    assert germany["promised"]["store"] == germany["promised"]["file"] == "1000000000.00"
    assert germany["delivered"]["file"] == "400000000.00"


def test_reconcile_finds_exactly_the_differences_planted(
    aidtrack: Aidtrack, tracked: Path, tmp_path: Path
) -> None:
    code, report = reconciled(aidtrack, str(planted(tmp_path)), *MAP)
    assert code == 1
    assert report["agrees"] is False
    found = not_matching(report)
    assert set(found) == {
        ("France", 2024, "promised"),
        ("Italy", 2022, "promised"),
        ("Spain", 2025, "promised"),
        ("Germany", 2023, "delivered"),
    }
    france = found["France", 2024, "promised"]
    assert (france["result"], france["store"], france["file"]) == (
        "differs",
        "500000000.00",
        "510000000.00",
    )
    assert (france["difference"], france["difference_pct"]) == ("-10000000.00", "-2.0")
    assert found["Italy", 2022, "promised"]["result"] == "store_only"
    assert found["Italy", 2022, "promised"]["file"] is None
    assert found["Spain", 2025, "promised"]["result"] == "file_only"
    assert found["Spain", 2025, "promised"]["store"] is None
    delivery = found["Germany", 2023, "delivered"]
    assert (delivery["result"], delivery["difference"]) == ("differs", "-50000000.00")
    assert report["counts"] == {
        "differs": 2,
        "store_only": 1,
        "file_only": 1,
        "no_rate": 0,
        "match": 3,
    }


def test_a_tolerance_hides_a_small_difference_only(
    aidtrack: Aidtrack, tracked: Path, tmp_path: Path
) -> None:
    """France differs by 2.0% of the file's figure, Germany's delivery by 11.1%."""
    _, report = reconciled(aidtrack, str(planted(tmp_path)), *MAP, "--tolerance", "2")
    assert report["tolerance_pct"] == "2"
    found = not_matching(report)
    assert ("France", 2024, "promised") not in found
    assert found["Germany", 2023, "delivered"]["result"] == "differs"
    _, strict = reconciled(aidtrack, str(planted(tmp_path)), *MAP, "--tolerance", "1.9%")
    assert ("France", 2024, "promised") in not_matching(strict)


def test_only_differences_within_the_tolerance_give_exit_0(
    aidtrack: Aidtrack, tracked: Path, tmp_path: Path
) -> None:
    rows = dict(ROWS)
    rows["france-2024"] = rows["france-2024"].replace("500000000", "500000001")
    close = tracker_file(tmp_path, "close.csv", rows)
    assert aidtrack("reconcile", str(close), *MAP).exit_code == 1  # exact by default
    assert aidtrack("reconcile", str(close), *MAP, "--tolerance", "0.001").exit_code == 0


def test_the_json_shape(aidtrack: Aidtrack, tracked: Path, tmp_path: Path) -> None:
    _, report = reconciled(aidtrack, str(planted(tmp_path)), *MAP)
    assert set(report) == {
        "schema_version",
        "file",
        "currency",
        "tolerance_pct",
        "recipients",
        "years",
        "agrees",
        "counts",
        "lines",
        "envelopes_not_compared",
        "rates",
        "missing_rates",
    }
    assert report["currency"] == "EUR"
    assert report["recipients"] == ["Ukraine"]
    assert report["years"] == [2022, 2025]
    for line in report["lines"]:
        assert set(line) == {
            "donor",
            "year",
            "measure",
            "result",
            "store",
            "file",
            "difference",
            "difference_pct",
            "no_rate_in",
            "unconverted",
        }
        for key in ("store", "file", "difference", "difference_pct"):
            assert line[key] is None or isinstance(line[key], str)  # exact decimal text
    assert {(r["currency"], r["year"]) for r in report["rates"]} >= {("USD", 2024), ("NOK", 2025)}


def test_figures_are_converted_with_the_stores_rates(aidtrack: Aidtrack, tracked: Path) -> None:
    _, in_euros = reconciled(aidtrack, str(tracked), *MAP)
    usa = next(line for line in in_euros["lines"] if line["donor"] == "United States")
    usd_2024 = next(r for r in in_euros["rates"] if (r["currency"], r["year"]) == ("USD", 2024))
    expected = (Decimal(60840000000) * Decimal(usd_2024["rate"])).quantize(Decimal("0.01"))
    assert abs(Decimal(usa["store"]) - expected) < Decimal(60840000000) / 10**5
    _, in_dollars = reconciled(aidtrack, str(tracked), *MAP, "--currency", "usd")
    usa = next(line for line in in_dollars["lines"] if line["donor"] == "United States")
    assert in_dollars["currency"] == "USD"
    assert usa["store"] == usa["file"] == "60840000000.00"


def test_the_store_is_never_written(
    aidtrack: Aidtrack, tracked: Path, tmp_path: Path, store: Path
) -> None:
    before = store.read_bytes()
    listed = aidtrack.ok("list", "--json").stdout
    assert aidtrack("reconcile", str(planted(tmp_path)), *MAP).exit_code == 1
    assert aidtrack("reconcile", str(tracked), *MAP, "--json").exit_code == 0
    assert store.read_bytes() == before
    assert aidtrack.ok("list", "--json").stdout == listed


def test_an_aidtracks_own_export_reconciles_with_its_store(
    aidtrack: Aidtrack, tmp_path: Path
) -> None:
    from .conftest import STARTER_CSV

    aidtrack.ok("import", str(STARTER_CSV))
    exported = tmp_path / "all.csv"
    aidtrack.ok("export", "--all", "--to", "all", "-o", str(exported))
    code, report = reconciled(aidtrack, str(exported))
    assert code == 0 and report["counts"]["match"] > 0
    assert report["envelopes_not_compared"]["store"] == report["envelopes_not_compared"]["file"]


def test_the_table_lists_differences_one_side_and_matches(
    aidtrack: Aidtrack, tracked: Path, tmp_path: Path
) -> None:
    result = aidtrack("reconcile", str(planted(tmp_path)), *MAP)
    assert result.exit_code == 1
    out = result.stdout
    for title in ("Differ (2)", "Only in the store (1)", "Only in the file (1)", "Match (3)"):
        assert title in out
    assert out.index("Differ (2)") < out.index("Only in the store") < out.index("Match (3)")
    assert "-EUR 10.0m" in out and "-2.0%" in out
    assert "2 differ, 1 only in the store, 1 only in the file, 3 match." in out


@pytest.mark.parametrize("width", ["60", "80"])
def test_a_narrow_terminal_cuts_no_figure(
    aidtrack: Aidtrack, tracked: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, width: str
) -> None:
    monkeypatch.setenv("COLUMNS", width)
    out = aidtrack("reconcile", str(planted(tmp_path)), *MAP).stdout
    for figure in ("EUR 500.0m", "EUR 510.0m", "-EUR 10.0m", "-2.0%", "EUR 250.0m", "EUR 300.0m"):
        assert figure in out
    assert max(len(line) for line in out.splitlines()) <= int(width)


def test_the_map_options_of_import_apply_as_they_do_there(
    aidtrack: Aidtrack, tracked: Path, tmp_path: Path
) -> None:
    """A release in millions with a Total row: --scale and --skip-if, as `import` takes them."""
    in_millions = tmp_path / "millions.csv"
    lines = [HEADER]
    for row in ROWS.values():
        *cells, value, currency = row.split(",")
        lines.append(",".join([*cells, str(Decimal(value) / 1000000), currency]) + "\n")
    lines.append("Total,,,,,\n")
    in_millions.write_text("".join(lines), encoding="utf-8")
    scaled = (*MAP, "--scale", "million", "--skip-if", "Donor country=Total")
    code, report = reconciled(aidtrack, str(in_millions), *scaled)
    assert code == 0 and report["counts"]["match"] == 6


def test_bad_options_are_usage_errors(aidtrack: Aidtrack, tracked: Path) -> None:
    assert aidtrack("reconcile", str(tracked), *MAP, "--tolerance", "-1").exit_code == 2
    assert aidtrack("reconcile", str(tracked), *MAP, "--tolerance", "lots").exit_code == 2
    missing = aidtrack("reconcile", "no-such.csv")
    assert missing.exit_code == 1 and "no-such.csv" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_to_narrows_both_sides(aidtrack: Aidtrack, tracked: Path, tmp_path: Path) -> None:
    aidtrack.ok(
        *("add", "Germany", "EUR 5m", "--to", "Moldova", "--year", "2023"),
        *("--source", "https://example.org/moldova"),
    )
    code, report = reconciled(aidtrack, str(tracked), *MAP)
    assert code == 0 and report["recipients"] == ["Ukraine"]  # the file's recipients
    code, everything = reconciled(aidtrack, str(tracked), *MAP, "--to", "all")
    assert code == 1
    assert not_matching(everything)["Germany", 2023, "promised"]["result"] == "differs"


# The pure comparison ------------------------------------------------------------------


def pledge(
    pledge_id: str, donor: str, year: int, amount: str, currency: str, **more: Any
) -> Pledge:
    return Pledge(
        id=pledge_id,
        donor=donor,
        donor_code=None,
        recipient="Ukraine",
        recipient_code="UKR",
        years=YearSpan(year, year),
        amount=Decimal(amount),
        currency=currency,
        category=more.pop("category", Category.MILITARY),
        status=more.pop("status", Status.COMMITTED),
        **more,
    )


def test_tolerance_is_a_share_of_the_files_figure() -> None:
    table = RateTable.shipped()
    store = Tally.of([pledge("a", "Germany", 2024, "102", "EUR")])
    file = Tally.of([pledge("b", "Germany", 2024, "100", "EUR")])
    exact = reconcile(store, file, table.convert, currency="EUR")
    assert [line.result for line in exact.lines] == [Result.DIFFERS]
    assert exact.lines[0].difference == Decimal("2.00")
    assert exact.lines[0].difference_pct == Decimal("2.0")
    two = reconcile(store, file, table.convert, currency="EUR", tolerance=Decimal(2))
    assert [line.result for line in two.lines] == [Result.MATCH] and two.agrees


def test_without_a_rate_figures_are_compared_in_their_own_currencies() -> None:
    """No rate for USD in 2090: the same USD sum on both sides matches unconverted; a
    different one cannot be measured and has no rate; one side alone is still that."""
    table = RateTable.shipped()
    ours = [pledge("a", "United States", 2090, "5000000", "USD")]
    same = reconcile(Tally.of(ours), Tally.of(ours), table.convert, currency="EUR")
    assert [line.result for line in same.lines] == [Result.MATCH]
    assert same.lines[0].unconverted == ({"USD": Decimal(5000000)}, {"USD": Decimal(5000000)})
    other = [pledge("b", "United States", 2090, "6000000", "USD")]
    differs = reconcile(Tally.of(ours), Tally.of(other), table.convert, currency="EUR")
    assert [line.result for line in differs.lines] == [Result.NO_RATE]
    assert not differs.agrees and differs.missing
    alone = reconcile(Tally.of(ours), Tally.of([]), table.convert, currency="EUR")
    assert [line.result for line in alone.lines] == [Result.STORE_ONLY]


def test_promised_and_delivered_are_compared_apart() -> None:
    promise = pledge("p", "Norway", 2024, "100", "EUR")
    delivery = pledge("d", "Norway", 2024, "60", "EUR", status=Status.DISBURSED, delivery_of="p")
    other = pledge("e", "Norway", 2024, "70", "EUR", status=Status.DISBURSED, delivery_of="p")
    table = RateTable.shipped()
    result = reconcile(
        Tally.of([promise, delivery]),
        Tally.of([promise, other]),
        table.convert,
        currency="EUR",
    )
    by_measure = {line.measure: line for line in result.lines}
    assert by_measure[Measure.PROMISED].result is Result.MATCH
    assert by_measure[Measure.DELIVERED].result is Result.DIFFERS
