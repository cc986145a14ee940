"""How long `aidtrack reconcile` takes to check a store against a large file (issue 23:
a 100,000-row file in under 5 s here).

The store and the file are `dataset.py`'s: 100,000 realistic records (revisions, parts,
deliveries, a dozen currencies) written as the store aidtrack writes and as its CSV
(`interchange.csv_text`). The file is a copy with a few differences planted (an amount
changed, a row removed), so the comparison has something to find. Each run is a real
process, table output drained through a pipe (and once more with --json):

    python benchmarks/reconcile.py                     # 100,000 rows, 5 runs
    python benchmarks/reconcile.py --rows 20000 --repeat 3

Timings are figures to read, never assertions.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import dataset

AIDTRACK = str(Path(sys.executable).parent / "aidtrack")


def planted(text: str) -> tuple[str, int]:
    """The CSV with two differences: the first plain record's amount changed, and the
    last such record removed; and how many rows it has."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header, body = rows[0], rows[1:]
    column = {name: index for index, name in enumerate(header)}
    plain = [
        index
        for index, row in enumerate(body)
        if row[column["id"]]
        and not any(row[column[link]] for link in ("supersedes", "part_of", "delivery_of"))
        and "-" not in row[column["year"]]
    ]
    first, last = plain[0], plain[-1]
    body[first][column["amount"]] = str(Decimal(body[first][column["amount"]]) + 1000)
    del body[last]
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows([header, *body])
    return out.getvalue(), len(body)


def timed(args: list[str], env: dict[str, str]) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        made = dataset.write(Path(folder), options.rows)
        text, rows = planted(made.csv.read_text(encoding="utf-8"))
        release = Path(folder) / "release.csv"
        release.write_text(text, encoding="utf-8")
        env = {**os.environ, "AIDTRACK_DB": str(made.store), "NO_COLOR": "1"}
        env.pop("FORCE_COLOR", None)
        print(f"reconcile: a store of {options.rows:,} records against a file of {rows:,} rows")
        for extra in ([], ["--json"]):
            command = [AIDTRACK, "reconcile", str(release), *extra]
            runs = [timed(command, env) for _ in range(options.repeat)]
            times = [seconds for seconds, _ in runs]
            codes = {code for _, code in runs}
            label = " ".join(["aidtrack reconcile FILE", *extra])
            print(
                f"  {label:<32} median {statistics.median(times):.2f} s, "
                f"min {min(times):.2f} s, max {max(times):.2f} s "
                f"({len(times)} runs, exit {', '.join(map(str, sorted(codes)))})"
            )


if __name__ == "__main__":
    main()
