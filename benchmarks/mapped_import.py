"""How long `aidtrack import` takes for a tracker's activity file read through a column
map (issue 23: 5,500 mapped rows, the size of the Kiel tracker's main sheet, in under
2 s here).

The file is generated as the Kiel Institute publishes its activity rows (not real
figures): the tracker's column names and words, its donor spellings (`EU (Commission and
Council)`), EUR amounts with float noise, allocations and a few commitments, identical
rows, a negative correction and a `Total` row at the bottom. Each run imports it into a
new store, as a real process:

    python benchmarks/mapped_import.py                 # 5,500 rows, 5 runs
    python benchmarks/mapped_import.py --rows 20000 --repeat 3
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DONORS = (
    ("United States", 60),
    ("Germany", 50),
    ("EU (Commission and Council)", 45),
    ("United Kingdom", 40),
    ("Norway", 30),
    ("Japan", 20),
    ("Canada", 20),
    ("Netherlands", 18),
    ("Sweden", 18),
    ("Denmark", 18),
    ("Poland", 16),
    ("France", 16),
    ("Switzerland", 10),
    ("Finland", 10),
    ("Italy", 8),
    ("Spain", 7),
    ("Belgium", 7),
    ("Austria", 5),
    ("Czech Republic", 5),
    ("Lithuania", 5),
    ("Latvia", 4),
    ("Estonia", 4),
    ("Portugal", 3),
    ("Ireland", 3),
    ("Greece", 2),
    ("Slovakia", 2),
    ("Slovenia", 2),
    ("Croatia", 2),
    ("Romania", 2),
    ("Bulgaria", 2),
    ("Luxembourg", 2),
    ("South Korea", 3),
    ("Australia", 4),
    ("New Zealand", 1),
    ("Turkey", 1),
    ("Iceland", 1),
    ("Hungary", 1),
    ("Cyprus", 1),
    ("Malta", 1),
    ("Taiwan", 1),
)
COLUMNS = (
    "ID",
    "donor",
    "announcement_date",
    "measure",
    "aid_type_general",
    "aid_type_specific",
    "explanation",
    "tot_sub_activity_value_EUR",
    "Source of Information",
    "link",
)
SPECIFIC = {
    "Military": ("Weapons and equipment", "Ammunition", "Air defence", "Training"),
    "Financial": ("Budget support", "Loan", "Guarantee"),
    "Humanitarian": ("Food", "Medical", "Shelter", "Energy"),
}
MAP = (
    "--map",
    "year=announcement_date",
    "--map",
    "amount=tot_sub_activity_value_EUR",
    "--map",
    "status=measure",
    "--map",
    "category=aid_type_general",
    "--map",
    "label=aid_type_specific",
    "--map",
    "note=explanation",
    "--map",
    "source_url=link",
    "--set",
    "recipient=Ukraine",
    "--set",
    "currency=EUR",
    "--value",
    "donor:EU (Commission and Council)=EU institutions",
    "--skip-if",
    "donor=Total",
    "--round",
    "--negative",
    "net",
)


def rows(count: int, seed: int = 23) -> list[list[str]]:
    """Activity rows: mostly allocations, a commitment per donor and year now and then
    (large enough for what is allocated against it), some rows repeated exactly (two
    deliveries of one value on one day), one correction, and a Total row."""
    rng = random.Random(seed)
    names = [name for name, _ in DONORS]
    weights = [weight for _, weight in DONORS]
    out: list[list[str]] = []
    committed: set[tuple[str, int, str]] = set()
    while len(out) < count - 2:
        donor = rng.choices(names, weights)[0]
        year = rng.choice((2022, 2023, 2024, 2025))
        kind = rng.choices(("Military", "Financial", "Humanitarian"), (6, 3, 2))[0]
        day = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        key = (donor, year, kind)
        if key not in committed and rng.random() < 0.02:
            committed.add(key)
            measure, amount = "Commitment", rng.randint(500, 2000) * 10_000_000 + 0.25
        else:
            measure, amount = "Allocation", rng.randint(1, 400_000) * 137.5 + rng.random()
        row = [
            str(len(out) + 1),
            donor,
            day,
            measure,
            kind,
            rng.choice(SPECIFIC[kind]),
            f"{kind.lower()} support announced {day}",
            repr(amount),
            "Government press release",
            f"https://example.org/{donor.split()[0].lower()}/{len(out) + 1}",
        ]
        out.append(row)
        if rng.random() < 0.01:  # the same delivery twice, as the tracker lists it
            twin = list(row)
            out.append(twin)
    first = next(r for r in out if r[3] == "Allocation" and float(r[7]) > 10_000_000)
    correction = list(first)
    correction[0] = str(len(out) + 1)
    correction[7] = repr(-round(float(first[7]) / 4, 8))
    correction[6] = "correction of an earlier figure"
    out.append(correction)
    out.append(["", "Total", "", "", "", "", "", "", "", ""])
    return out


def write_csv(path: Path, count: int) -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        writer.writerows(rows(count))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = write_csv(Path(folder) / "kiel.csv", args.rows)
        times = []
        for run in range(args.repeat):
            store = Path(folder) / f"store-{run}.json"
            env = {**os.environ, "AIDTRACK_DB": str(store), "NO_COLOR": "1"}
            start = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "aidtrack", "import", str(path), *MAP],
                capture_output=True,
                text=True,
                env=env,
            )
            times.append(time.perf_counter() - start)
            if done.returncode != 0:
                sys.exit(done.stderr)
        print(done.stderr.strip())
        print(
            f"{args.rows} mapped rows: median {statistics.median(times):.2f} s, "
            f"best {min(times):.2f} s, worst {max(times):.2f} s ({args.repeat} runs)"
        )


if __name__ == "__main__":
    main()
