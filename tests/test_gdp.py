"""GDP and population (issue 15): shipped figures, World Bank downloads, share of GDP."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from aidtrack import groups, indicators, places
from aidtrack.indicators import GDP, POPULATION, Indicators
from aidtrack.store import read

from .conftest import REPO, STARTER_CSV, Aidtrack

SHIPPED = REPO / "data" / "wdi-gdp-population-2024.csv"
YEARS = list(range(1960, 2025))


def world_bank_file(path: Path, indicator: str, column: str) -> Path:
    """A download as the World Bank writes it: four lines of preamble, a header with
    every year from 1960, a trailing comma; the values are the shipped 2024 ones."""
    name = {GDP: "GDP (current US$)", POPULATION: "Population, total"}[indicator]
    lines = [
        '"Data Source","World Development Indicators",',
        "",
        '"Last Updated Date","2025-07-01",',
        "",
        '"Country Name","Country Code","Indicator Name","Indicator Code",'
        + ",".join(f'"{year}"' for year in YEARS)
        + ",",
    ]
    with SHIPPED.open(encoding="utf-8") as shipped:
        for row in csv.DictReader(shipped):
            values = [""] * (len(YEARS) - 1) + [row[column]]
            cells = [row["country"], row["iso3"], name, indicator, *values]
            lines.append(",".join(f'"{cell}"' for cell in cells) + ",")
    path.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_shipped_table_is_the_one_in_data() -> None:
    packaged = REPO / "aidtrack" / "data" / "wdi-gdp-population-2024.csv"
    assert packaged.read_bytes() == SHIPPED.read_bytes()
    figures = indicators.shipped()
    assert figures.get(GDP, "NOR", 2024) == indicators.Figure(Decimal("483592648313"), 2024)
    assert len(figures.values[GDP]) == 40


def test_a_year_without_its_own_figure_takes_the_nearest_earlier() -> None:
    figures = Indicators()
    figures.add(GDP, "XYZ", {2020: Decimal(100), 2022: Decimal(200)})
    assert figures.get(GDP, "XYZ", 2021) == indicators.Figure(Decimal(100), 2020)
    assert figures.get(GDP, "XYZ", 2030) == indicators.Figure(Decimal(200), 2022)
    assert figures.get(GDP, "XYZ", 2019) is None


@pytest.fixture
def starter(aidtrack: Aidtrack) -> None:
    aidtrack.ok("import", str(STARTER_CSV))


def test_norways_share_of_gdp_is_the_hand_computation(aidtrack: Aidtrack, starter: None) -> None:
    data = aidtrack.json("report", "--year", "2025", "--currency", "NOK")
    (norway,) = [d for d in data["donors"] if d["donor"] == "Norway"]
    rate = Decimal("0.0964386")  # USD per NOK, the ECB's 2025 average
    rates = aidtrack.json("report", "--year", "2025")["rates"]
    assert {"currency": "NOK", "year": 2025, "rate": f"{rate}"}.items() <= next(
        r for r in rates if (r["currency"], r["year"]) == ("NOK", 2025)
    ).items()
    usd = (Decimal(85_000_000_000) * rate).quantize(Decimal("0.01"))
    share = (usd * 100 / Decimal("483592648313")).quantize(Decimal("0.001"))
    assert (norway["share_of_gdp_pct"], norway["gdp_year"]) == (f"{share}", 2024)
    per_person = (usd / Decimal(5572279)).quantize(Decimal("0.01"))
    assert (norway["per_person_usd"], norway["population_year"]) == (f"{per_person}", 2024)
    shown = aidtrack.ok("report", "--year", "2025", "--per", "gdp").stdout
    assert f"{share}%*" in shown and "* GDP 2024: the latest before 2025" in shown


def test_a_groups_share_divides_by_its_members_gdp(aidtrack: Aidtrack, starter: None) -> None:
    data = aidtrack.json("report", "--year", "2024", "--by", "group", "--group", "nato")
    (nato,) = data["groups"]
    shipped = indicators.shipped().values[GDP]
    members = {
        c for c in shipped if groups.built_in()["nato"].includes(places.resolve(c).name, 2024)
    }
    assert set(nato["gdp_of"]) == members and {"NOR", "USA", "SWE"} <= members
    gdp = sum((shipped[code][2024] for code in members), Decimal(0))
    usd = Decimal(nato["amount"])
    assert Decimal(nato["share_of_gdp_pct"]) == (usd * 100 / gdp).quantize(Decimal("0.001"))


def test_world_bank_downloads_import_every_country_and_year(
    aidtrack: Aidtrack, store: Path, tmp_path: Path
) -> None:
    for indicator, column in ((GDP, "gdp_usd"), (POPULATION, "population")):
        path = world_bank_file(tmp_path / f"API_{indicator}.csv", indicator, column)
        said = aidtrack.ok("gdp", "import", str(path)).stderr
        assert "of 40 countries and regions, 2024-2024" in said
    kept = read(store).data["indicators"]
    assert len(kept) == 80
    summary = aidtrack.json("gdp")
    assert [i["countries"] for i in summary["indicators"]] == [40, 40]


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda lines: lines[:4], "no line starting"),
        (lambda lines: [*lines[:6], lines[6].replace('"483592648313"', '"lots"')], "line 7"),
        (
            lambda lines: [*lines[:6], lines[6].replace("NY.GDP.MKTP.CD", "NY.GNP.MKTP.CD")],
            "line 7",
        ),
        (lambda lines: [*lines[:5], '"Norway","NOR"'], "line 6: 2 columns"),
    ],
)
def test_a_malformed_download_is_refused_naming_the_line(
    aidtrack: Aidtrack, store: Path, tmp_path: Path, damage: object, message: str
) -> None:
    good = world_bank_file(tmp_path / "good.csv", GDP, "gdp_usd")
    lines = good.read_text(encoding="utf-8").splitlines()
    norway = next(i for i, line in enumerate(lines) if '"NOR"' in line)
    lines[6], lines[norway] = lines[norway], lines[6]
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join(damage(lines)) + "\n", encoding="utf-8")  # type: ignore[operator]
    result = aidtrack("gdp", "import", str(bad))
    assert result.exit_code == 1 and message in result.stderr, result.stderr
    assert not store.exists()


def test_a_report_reads_imported_figures_without_parsing_a_store_that_has_none(
    aidtrack: Aidtrack, store: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from aidtrack import store as store_module

    aidtrack.ok(
        "add", "Norway", "NOK 85bn", "--to", "UA", "-y", "2025", "--note", '"indicators": 1'
    )
    parsed: list[Path] = []
    real_parse = store_module.parse
    monkeypatch.setattr(
        store_module,
        "parse",
        lambda path, raw, **kw: parsed.append(path) or real_parse(path, raw, **kw),
    )
    assert store_module.read_table(store, "indicators") == [] and not parsed
    aidtrack.ok("gdp", "import", str(world_bank_file(tmp_path / "gdp.csv", GDP, "gdp_usd")))
    assert len(store_module.read_table(store, "indicators")) == 40 and parsed


def test_the_chart_and_compare_show_shares_of_gdp(aidtrack: Aidtrack, starter: None) -> None:
    shown = aidtrack.ok("report", "--year", "2026", "--chart", "gdp").stdout
    chart = shown.split("2026 as a share of GDP")[1]
    assert chart.index("Norway") < chart.index("Germany")  # 1.842% against 0.284%
    assert "1.842%*" in chart and "* GDP of 2024: the latest before 2026" in chart
    compared = aidtrack.json("compare", "--years", "2024-2025")
    (norway,) = [d for d in compared["donors"] if d["donor"] == "Norway"]
    assert norway["share_of_gdp_pct"] == {"2024": "0.520", "2025": "1.695"}
    assert norway["gdp_year"] == {"2024": 2024, "2025": 2024}
    table = aidtrack.ok("compare", "--years", "2024-2025", "--per", "capita").stdout
    assert "US$ per person" in table and "$1,471.08*" in table
