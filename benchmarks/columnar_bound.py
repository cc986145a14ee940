"""The least a columnar `import` could cost in Python, against the import floor (issue 27).

Issue 27 asks `import` of 100,000 CSV rows for at most 4x its floor (`floor_import.py`:
the rows read with `csv.DictReader` and written as one JSON document with orjson). This
measures the skeleton of the fastest import DESIGN §7a describes, with less work than
any import must do, so that its figure is a bound below which no import can go:

- the CSV parsed, and its rows turned into columns;
- each column's distinct texts read once by the one validation's own field readers
  (`model.Builder`), ids and times every time; no refusal is looked for;
- each record's donor, recipient, years, amount and currency settled, and its document
  built as the store keeps it (after the timing, every document is checked against
  `Pledge.to_json`, key order included);
- every single-year record summed by donor, recipient, stage, year, currency and
  category, as if none were linked (no link rule, no duplicate rule, no year totals);
- the store written as aidtrack writes it (`store.write`: atomic and durable).

Each run is a real process, the floor and the bound alternating, medians printed:

    python benchmarks/columnar_bound.py                   # 100,000 rows, 5 rounds
    python benchmarks/columnar_bound.py --rows 20000 --repeat 3

Timings are figures to read, never assertions.
"""

from __future__ import annotations

import argparse
import csv
import gc
import io
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def bound(source: Path, target: Path) -> None:
    """Import the CSV at `source` into a new store at `target`, doing only the skeleton
    (above)."""
    from aidtrack import model, money, store

    gc.disable()  # as every aidtrack command runs
    rows = list(csv.reader(io.StringIO(source.read_text(encoding="utf-8"), newline="")))
    header, body = rows[0], rows[1:]
    builder = model.Builder()
    left_out = model._LEFT_OUT
    defaults = model._DEFAULTS

    def stored(name: str, value: Any) -> Any:
        """A field's value as its document holds it (a word as its text)."""
        value = defaults.get(name) if value is left_out else value
        return value.value if isinstance(value, StrEnum) else value

    read: dict[str, list[Any]] = {}
    for name, cells in zip(header, zip(*body, strict=True), strict=True):
        if name in model._OWN_TEXTS:
            read[name] = [builder._field(name, cell) for cell in cells]
        elif name in builder._parsers:
            distinct = {cell: stored(name, builder._field(name, cell)) for cell in set(cells)}
            read[name] = [distinct[cell] for cell in cells]
        else:
            read[name] = [cell or None for cell in cells]
    docs = []
    sums: dict[tuple[Any, ...], Decimal] = {}
    # The columns a document holds as read, in its order, before and after its sources.
    words = ("qualifier", "status", "category", "label", "instrument", "announced_on")
    links = ("supersedes", "part_of", "delivery_of", "note")
    head = ("id", "donor", "recipient", "year", "amount", "currency")
    sources = ("source_url", "source_date", "quote")
    columns = [read[name] for name in (*head, *sources, *words, *links)]
    stamp = builder.stamp
    for pledge_id, donor, recipient, years, parsed, currency, url, date, quote, *rest in zip(
        *columns, strict=True
    ):
        code = parsed.settled(currency, donor.code)
        amount = money.check_places(parsed.value, code)
        start, end = years.start, years.end
        doc = {
            "id": pledge_id,
            "donor": donor.name,
            "donor_code": donor.code,
            "recipient": recipient.name,
            "recipient_code": recipient.code,
        }
        if start == end:
            doc["year"] = start
        else:
            doc["years"] = [start, end]
        doc.update(first_year=start, last_year=end, amount=f"{amount:f}", currency=code)
        doc.update(zip(words, rest, strict=False))
        doc["sources"] = [{"url": url, "date": date, "quote": quote}]
        doc.update(zip(links, rest[len(words) :], strict=True))
        doc.update(created_at=stamp, updated_at=stamp)
        docs.append(doc)
        if start == end:
            key = (donor.name, recipient.name, doc["status"], start, code, doc["category"])
            sums[key] = sums.get(key, Decimal(0)) + amount
    tables = {
        store.META: {"1": {"schema_version": store.SCHEMA_VERSION}},
        store.PLEDGES: {str(number): doc for number, doc in enumerate(docs, start=1)},
    }
    store.write(target, tables)


def check_stored_form(path: Path) -> None:
    """Exit unless every document of the store at `path` is what `Pledge.to_json`
    writes for it, key order included: the skeleton built what aidtrack stores."""
    from aidtrack import model, store

    docs = store.read_table(path, store.PLEDGES)
    wrong = [
        doc["id"]
        for doc in docs
        if list(model.Pledge.from_json(doc).to_json().items()) != list(doc.items())
    ]
    if wrong or not docs:
        raise SystemExit(f"not the stored form: {wrong[:3] or 'no records'}")


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--bound", nargs=2, metavar=("CSV", "STORE"), help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.bound:
        bound(Path(options.bound[0]), Path(options.bound[1]))
        return
    import dataset

    with tempfile.TemporaryDirectory() as folder:
        data = dataset.write(Path(folder), options.rows)
        out = {name: Path(folder) / f"{name}.json" for name in ("floor", "bound")}
        runs: dict[str, list[float]] = {"floor": [], "bound": []}
        commands = {
            "floor": [sys.executable, str(HERE / "floor_import.py"), str(data.csv)],
            "bound": [sys.executable, __file__, "--bound", str(data.csv)],
        }
        for round_ in range(options.repeat):
            for name in sorted(commands, reverse=bool(round_ % 2)):
                out[name].unlink(missing_ok=True)
                runs[name].append(timed([*commands[name], str(out[name])]))
        check_stored_form(out["bound"])
    floor, least = (statistics.median(runs[name]) for name in ("floor", "bound"))
    print(f"{options.rows:,} rows, median of {options.repeat} alternating runs")
    print(f"floor (csv.DictReader + orjson):     {floor:.2f} s")
    print(f"columnar skeleton, no rule applied:  {least:.2f} s  ({least / floor:.2f}x the floor)")
    print(f"issue 27's limit, 4x the floor:      {4 * floor:.2f} s")


if __name__ == "__main__":
    main()
