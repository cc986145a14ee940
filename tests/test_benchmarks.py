"""The benchmark script runs end to end on the smallest stores, so it cannot rot.

Only that it runs and measures every row is checked: timings on a shared machine are
figures to read (issue 7), never assertions.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

ROWS = (
    "aidtrack --version",
    "aidtrack list --json",
    "aidtrack list",
    "aidtrack add",
    "aidtrack deliver",
    "aidtrack edit",
    "aidtrack remove",
    "aidtrack report --year 2025",
    "aidtrack compare --years 2022-2025",
    "aidtrack import CSV",
    "aidtrack export --format csv",
    "aidtrack export --format ndjson",
    "aidtrack <Tab> donor",
    "aidtrack export --format sqlite",
    "floor: Typer JSON (10 records)",
    "floor: Typer + Rich (10 rows)",
    "floor: Typer --version",
    "floor: parse store (json)",
    "floor: parse store (orjson)",
    "floor: orjson + SQLite executemany",
    "floor: csv.DictReader + orjson",
    "peer: sqlite-utils insert CSV",
    "peer: sqlite-utils query GROUP BY",
)


@pytest.mark.slow
def test_benchmark_runs_on_the_smallest_sizes(tmp_path: Path) -> None:
    script = REPO / "benchmarks" / "bench.py"
    done = subprocess.run(
        [
            sys.executable,
            str(script),
            "--sizes",
            "10,1000",
            "--repeat",
            "1",
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert "## 10 pledges" in out and "## 1,000 pledges" in out
    for row in ROWS:
        assert f"| {row} " in out, row
    assert "## Targets (issues 7, 17, 22 and 27)" in out
    assert "report vs parse store (at 1,000)" in out
    assert "deliver vs parse store (at 1,000)" in out
    assert "export sqlite vs its floor (at 1,000)" in out
    for target in ("import vs its floor", "edit vs parse store", "remove vs parse store"):
        assert f"{target} (at 1,000)" in out, target
    assert "--version vs minimal Typer --version (at 10)" in out
    assert "list --json peak memory vs parse store (at 1,000)" in out
    results = json.loads((tmp_path / "results.json").read_text())
    # Every command exists (the script skips one whose `--help` fails, so a broken
    # command would otherwise pass here having measured nothing), and every row of
    # every size has a time.
    assert results["skipped"] == []
    assert set(results["sizes"]) == {"10", "1000"}
    for size, rows in results["sizes"].items():
        medians = {row["name"]: row["median_s"] for row in rows}
        assert set(medians) == set(ROWS), size
        unmeasured = {n: m for n, m in medians.items() if not (isinstance(m, float) and m > 0)}
        assert unmeasured == {}, size
    assert not (tmp_path / "work").exists()


def test_each_round_runs_every_case_once_in_an_order_of_its_own() -> None:
    """A fixed order would have the floors run last in every round, after whatever a
    large command left the machine doing; the query still reads the insert's output."""
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import bench
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    names = sorted(case.name for case in bench.CASES)
    orders = [[case.name for case in bench.shuffled(bench.CASES, f"10 {n}")] for n in range(5)]
    for order in orders:
        assert sorted(order) == names
        assert order.index(bench.SQLITE_QUERY) == order.index(bench.SQLITE_INSERT) + 1
    assert len({order[-1] for order in orders}) > 1
    assert orders[0] == [case.name for case in bench.shuffled(bench.CASES, "10 0")]


@pytest.mark.slow
def test_the_columnar_bound_runs_and_builds_the_stored_form() -> None:
    """The skeleton of a columnar import (issue 27's bound) runs end to end: it exits
    non-zero if a document it built is not the one aidtrack stores."""
    script = REPO / "benchmarks" / "columnar_bound.py"
    done = subprocess.run(
        [sys.executable, str(script), "--rows", "300", "--repeat", "1"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "columnar skeleton, no rule applied:" in done.stdout
    assert "x the floor)" in done.stdout
