"""Donors' GDP (current US$) and population, for aid "for its size".

The package ships the World Bank's 2024 figures for 40 donors
(`data/wdi-gdp-population-2024.csv`); `aidtrack gdp import` adds the World Bank's own
CSV downloads, every year of them, kept in the store. A year without its own figure
takes the nearest earlier year, and says which, as a provisional rate is marked.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib.resources import files

from .errors import InvalidInput

GDP, POPULATION = "NY.GDP.MKTP.CD", "SP.POP.TOTL"
"""The World Bank's indicator codes: GDP in current US$, total population."""
NAMES = {GDP: "GDP (current US$)", POPULATION: "population"}
RANGES = {
    GDP: (Decimal("1000000"), Decimal("1000000000000000")),
    POPULATION: (Decimal("1000"), Decimal("20000000000")),
}
"""What a country's or a region's figure can be: GDP from US$1 million (Tuvalu's is
above 50 million) to US$1,000 trillion (the world's is near 110), population from a
thousand to 20 billion. A figure outside is a typo or damage, and would put aid at
10^17 % of GDP."""
SHIPPED = "wdi-gdp-population-2024.csv"


@dataclass(frozen=True)
class Figure:
    value: Decimal
    year: int
    """The year the figure is of: the one asked for, or the nearest earlier."""


@dataclass
class Indicators:
    """Values by indicator, ISO 3166 alpha-3 code and year, and where they are from."""

    values: dict[str, dict[str, dict[int, Decimal]]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def get(self, indicator: str, code: str | None, year: int) -> Figure | None:
        """The figure for `year`, else for the nearest earlier year; None without one."""
        by_year = self.values.get(indicator, {}).get(code or "", {})
        earlier = [y for y in by_year if y <= year]
        if not earlier:
            return None
        used = max(earlier)
        return Figure(by_year[used], used)

    def add(self, indicator: str, code: str, by_year: Mapping[int, Decimal]) -> None:
        self.values.setdefault(indicator, {}).setdefault(code, {}).update(by_year)

    def merged(self, other: Indicators) -> Indicators:
        """These figures with `other`'s laid over them (the user's over the shipped)."""
        result = Indicators(sources=[*self.sources, *other.sources])
        for source in (self, other):
            for indicator, by_code in source.values.items():
                for code, by_year in by_code.items():
                    result.add(indicator, code, by_year)
        return result


@cache
def shipped() -> Indicators:
    """The World Bank's 2024 GDP and population of 40 donors, as shipped."""
    text = (files("aidtrack") / "data" / SHIPPED).read_text(encoding="utf-8")
    found = Indicators()
    for row in csv.DictReader(io.StringIO(text)):
        year = int(row["year"])
        found.add(GDP, row["iso3"], {year: Decimal(row["gdp_usd"])})
        found.add(POPULATION, row["iso3"], {year: Decimal(row["population"])})
        if row["source"] not in found.sources:
            found.sources.append(row["source"])
    return found


def with_imported(docs: Iterable[Mapping[str, object]]) -> Indicators:
    """The shipped figures with those a store keeps laid over them."""
    return shipped().merged(from_json(docs))


def from_json(docs: Iterable[Mapping[str, object]]) -> Indicators:
    """The figures the store keeps: one doc per indicator and country."""
    found = Indicators()
    for doc in docs:
        values = doc.get("values")
        if isinstance(values, Mapping):
            indicator, code = str(doc["indicator"]), str(doc["code"])
            found.add(
                indicator,
                code,
                {
                    int(year): _value(str(value), f"the stored {code} {year}", indicator)
                    for year, value in values.items()
                },
            )
        source = str(doc.get("source", ""))
        if source and source not in found.sources:
            found.sources.append(source)
    return found


def to_json(indicators: Indicators, source: str) -> list[dict[str, object]]:
    return [
        {
            "indicator": indicator,
            "code": code,
            "source": source,
            "values": {str(year): f"{value:f}" for year, value in sorted(by_year.items())},
        }
        for indicator, by_code in indicators.values.items()
        for code, by_year in sorted(by_code.items())
    ]


WORLD_BANK_HEADER = ["Country Name", "Country Code", "Indicator Name", "Indicator Code"]


def world_bank_csv(text: str, name: str) -> tuple[str, Indicators]:
    """A World Bank CSV download (`API_NY.GDP.MKTP.CD_DS2_en_csv_v2_*.csv`): four lines
    of preamble, then `Country Name, Country Code, Indicator Name, Indicator Code, 1960,
    ...`, one row per country or region. Every year with a value is kept; a value that
    is not a plain number, a second indicator or a wrong header is an error naming the
    line, and nothing is kept."""
    lines = text.lstrip("\ufeff").splitlines()
    header_at = next(
        (i for i, line in enumerate(lines[:10]) if line.startswith('"Country Name"')), None
    )
    if header_at is None:
        raise InvalidInput(
            f"{name} is not a World Bank CSV: no line starting "
            '"Country Name","Country Code","Indicator Name","Indicator Code" in its first ten'
        )
    rows = list(csv.reader(lines[header_at:]))
    header = rows[0]
    years: list[int] = []
    for column in header[4:]:
        if column.strip().isdigit():
            years.append(int(column))
        elif column.strip():
            raise InvalidInput(f"{name}, line {header_at + 1}: column {column!r} is not a year")
    if header[:4] != WORLD_BANK_HEADER:
        raise InvalidInput(f"{name}, line {header_at + 1}: the header is not the World Bank's")
    found = Indicators()
    indicator = ""
    for number, row in enumerate(rows[1:], start=header_at + 2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < 4:
            raise InvalidInput(f"{name}, line {number}: {len(row)} columns, not a country's row")
        code, this_indicator = row[1].strip(), row[3].strip()
        if this_indicator not in NAMES:
            raise InvalidInput(
                f"{name}, line {number}: indicator {this_indicator!r}; aidtrack reads "
                f"{GDP} (GDP, current US$) and {POPULATION} (population)"
            )
        if indicator and this_indicator != indicator:
            raise InvalidInput(f"{name}, line {number}: a second indicator, {this_indicator}")
        indicator = this_indicator
        values = {}
        for year, cell in zip(years, row[4:], strict=False):
            if cell.strip():
                values[year] = _value(cell, f"{name}, line {number}, {year}", this_indicator)
        found.add(indicator, code, values)
    if not indicator:
        raise InvalidInput(f"{name} has no country rows")
    return indicator, found


def _value(text: str, where: str, indicator: str) -> Decimal:
    """A figure of `indicator` within `RANGES`, or an error naming where it is."""
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise InvalidInput(f"{where}: {text!r} is not a number") from None
    if not value.is_finite() or value < 0:
        raise InvalidInput(f"{where}: {text!r} is not a positive number")
    low, high = RANGES.get(indicator, (Decimal(0), value))
    if not low <= value <= high:
        raise InvalidInput(
            f"{where}: {NAMES.get(indicator, indicator)} {text.strip()} is outside "
            f"{low:,f} to {high:,f}, what a country's or region's can be (a typo?); "
            "import the World Bank's file again with `aidtrack gdp import`"
        )
    return value
