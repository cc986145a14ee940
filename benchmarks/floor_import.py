"""Floor: the least `import` of aidtrack's CSV can cost (issue 27).

Read the CSV with `csv.DictReader` and write its rows as one JSON document with
orjson: no checks, no records, no year totals.

    python floor_import.py CSV OUTPUT
"""

import csv
import sys
from pathlib import Path

import orjson

source, target = Path(sys.argv[1]), Path(sys.argv[2])
with source.open(newline="", encoding="utf-8") as handle:
    rows = list(csv.DictReader(handle))
target.write_bytes(orjson.dumps(rows))
