"""Benchmarks of issues 7 and 17: aidtrack's commands against their floors and peers, by store size.

Every command runs as a real process (start-up is part of what a user waits for), with
stdout drained through a pipe. For each store size the table gives the median wall
time and the peak memory (max RSS, from `wait4`) of each command, and its ratios to:
the Typer floor (a minimal Typer command doing the same kind of output), parsing the
store file with the standard json module (the least any command that reads the whole
store can cost), and sqlite-utils where the issue pairs them. Issue 27 gives three
commands floors of their own: `export --format sqlite` (parse the store with orjson and
`executemany` its records and sources into SQLite, `floor_sqlite_export.py`), `import`
(read the CSV with `csv.DictReader` and write its rows as one JSON document with orjson,
`floor_import.py`) and `--version` (a minimal Typer command with a `--version` option,
`floor_typer_version.py`). The targets of issues 7, 17, 22 and 27 are then marked PASS
or FAIL. Timings are figures to read, not assertions.

    python benchmarks/bench.py [--sizes 10,1000,10000,100000] [--repeat 5] [--out DIR]

Each size is measured in rounds that run every command once, each round in a new
random order (seeded: the same for every run), so that a burst of noise on this shared
machine, or the wake of a large command (the kernel taking back half a gigabyte),
hits a command and its floor alike, not whichever comes first. Rounds beyond the first are
dropped when they would not fit in --budget seconds (the largest size loses them
first); each table says how many rounds its figures have.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import dataset

from aidtrack import totals

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
BIN = Path(sys.executable).parent  # the venv's scripts, next to this interpreter
AIDTRACK = str(BIN / "aidtrack")
SQLITE_UTILS = str(BIN / "sqlite-utils")
DROPPED_ENV = ("FORCE_COLOR", "GITHUB_ACTIONS")
GROUP_BY = "select year, donor, count(*), sum(amount) from pledges group by year, donor"
ADD_ARGS = (
    *("add", "Norway", "5bn", "--currency", "NOK", "--to", "Ukraine", "--year", "2026"),
    *("--status", "announced", "--category", "military", "--announced", "2026-01-15"),
    *("--source", "https://news.example.org/norway/2026/bench"),
    *("--quote", "Norway will provide NOK 5 billion in military aid to Ukraine for 2026."),
    "--force",
)

DELIVER_ARGS = (
    *("deliver", "{promise}", "1", "--status", "disbursed"),
    *("--source", "https://news.example.org/bench/delivered", "--force"),
)
EDIT_ARGS = ("edit", "{promise}", "--label", "x")
REMOVE_ARGS = ("remove", "{unlinked}", "--yes")

# Row names: the tables, the targets and the test refer to commands by these.
VERSION = "aidtrack --version"
LIST_JSON = "aidtrack list --json"
LIST = "aidtrack list"
ADD = "aidtrack add"
DELIVER = "aidtrack deliver"
EDIT = "aidtrack edit"
REMOVE = "aidtrack remove"
REPORT = "aidtrack report --year 2025"
COMPARE = "aidtrack compare --years 2022-2025"
IMPORT = "aidtrack import CSV"
EXPORT = "aidtrack export --format csv"
EXPORT_NDJSON = "aidtrack export --format ndjson"
EXPORT_DB = "aidtrack export --format sqlite"
COMPLETE = "aidtrack <Tab> donor"
TYPER_JSON = "floor: Typer JSON (10 records)"
TYPER_RICH = "floor: Typer + Rich (10 rows)"
TYPER_VERSION = "floor: Typer --version"
PARSE = "floor: parse store (json)"
PARSE_ORJSON = "floor: parse store (orjson)"
FLOOR_EXPORT_DB = "floor: orjson + SQLite executemany"
FLOOR_IMPORT = "floor: csv.DictReader + orjson"
PARSING = (PARSE, PARSE_ORJSON)
"""What "parsing the store" means in a target: the cheaper of the two readers."""
SQLITE_INSERT = "peer: sqlite-utils insert CSV"
SQLITE_QUERY = "peer: sqlite-utils query GROUP BY"


@dataclass(frozen=True)
class Case:
    """One measured command, a row of every size's table.

    `argv` may name the files of a size as `{store}`, `{csv}`, `{db}` and `{fresh_db}`,
    a current promise of its store as `{promise}`, and a record of it that no other
    points at as `{unlinked}`;
    `store` says what AIDTRACK_DB points at: the generated store (`read`), a fresh copy
    of it (`copy`, for writes) or a missing file (`empty`). `after`: the case whose
    output this one reads, which runs just before it in every round.
    """

    name: str
    argv: tuple[str, ...]
    store: str | None = None
    subcommand: str | None = None
    typer_floor: str | None = None
    peer: str | None = None
    env: tuple[tuple[str, str], ...] = ()
    after: str | None = None


def aidtrack(
    name: str,
    args: Sequence[str],
    store: str,
    typer_floor: str,
    peer: str | None = None,
) -> Case:
    return Case(name, (AIDTRACK, *args), store, args[0], typer_floor, peer)


CASES = (
    Case(VERSION, (AIDTRACK, "--version"), typer_floor=TYPER_JSON),
    aidtrack(LIST_JSON, ("list", "--json"), "read", TYPER_JSON),
    aidtrack(LIST, ("list",), "read", TYPER_RICH),
    aidtrack(ADD, ADD_ARGS, "copy", TYPER_JSON),
    aidtrack(DELIVER, DELIVER_ARGS, "copy", TYPER_JSON),
    aidtrack(EDIT, EDIT_ARGS, "copy", TYPER_JSON),
    aidtrack(REMOVE, REMOVE_ARGS, "copy", TYPER_JSON),
    aidtrack(REPORT, ("report", "--year", "2025"), "read", TYPER_RICH, SQLITE_QUERY),
    aidtrack(COMPARE, ("compare", "--years", "2022-2025"), "read", TYPER_RICH, SQLITE_QUERY),
    aidtrack(IMPORT, ("import", "{csv}"), "empty", TYPER_JSON, SQLITE_INSERT),
    aidtrack(EXPORT, ("export", "--format", "csv"), "read", TYPER_JSON),
    aidtrack(EXPORT_NDJSON, ("export", "--format", "ndjson"), "read", TYPER_JSON),
    aidtrack(
        EXPORT_DB,
        ("export", "--all", "--to", "all", "--format", "sqlite", "-o", "{export_db}"),
        "read",
        TYPER_JSON,
        SQLITE_INSERT,
    ),
    # What bash runs on `aidtrack add No<Tab>`: the store's donors, then every country.
    Case(
        COMPLETE,
        (AIDTRACK,),
        "read",
        subcommand="add",
        typer_floor=TYPER_JSON,
        env=(
            ("_AIDTRACK_COMPLETE", "complete_bash"),
            ("COMP_WORDS", "aidtrack add No"),
            ("COMP_CWORD", "2"),
        ),
    ),
    Case(TYPER_JSON, (PYTHON, str(HERE / "floor_typer_json.py"))),
    Case(TYPER_RICH, (PYTHON, str(HERE / "floor_typer_rich.py"))),
    Case(TYPER_VERSION, (PYTHON, str(HERE / "floor_typer_version.py"), "--version")),
    Case(PARSE, (PYTHON, "-c", "import json,sys; json.load(open(sys.argv[1]))", "{store}")),
    Case(
        PARSE_ORJSON,
        (PYTHON, "-c", "import orjson,sys; orjson.loads(open(sys.argv[1],'rb').read())", "{store}"),
    ),
    Case(
        FLOOR_EXPORT_DB,
        (PYTHON, str(HERE / "floor_sqlite_export.py"), "{store}", "{floor_db}"),
    ),
    Case(FLOOR_IMPORT, (PYTHON, str(HERE / "floor_import.py"), "{csv}", "{floor_json}")),
    Case(SQLITE_INSERT, (SQLITE_UTILS, "insert", "{fresh_db}", "pledges", "{csv}", "--csv")),
    Case(SQLITE_QUERY, (SQLITE_UTILS, "query", "{db}", GROUP_BY), after=SQLITE_INSERT),
)


@dataclass(frozen=True)
class Target:
    """A ratio an issue sets a limit on; `small` targets are read on the smallest store.
    A baseline of several rows is the cheapest of them (the faster, or the smaller)."""

    issue: int
    label: str
    command: str
    baseline: str | tuple[str, ...]
    limit: float
    on_small: bool = False
    memory: bool = False


TARGETS = (
    Target(7, "--version vs Typer JSON floor", VERSION, TYPER_JSON, 1.0, on_small=True),
    Target(7, "list --json vs Typer JSON floor", LIST_JSON, TYPER_JSON, 1.2, on_small=True),
    Target(7, "list (table) vs Typer + Rich floor", LIST, TYPER_RICH, 1.15, on_small=True),
    Target(7, "report vs parse store", REPORT, PARSING, 1.5),
    Target(7, "report vs sqlite-utils query", REPORT, SQLITE_QUERY, 1.5),
    Target(7, "add vs parse store", ADD, PARSING, 2.0),
    Target(7, "import vs sqlite-utils insert", IMPORT, SQLITE_INSERT, 1.0),
    Target(7, "list (table) vs list --json", LIST, LIST_JSON, 2.0),
    Target(7, "report peak memory vs parse store", REPORT, PARSING, 1.5, memory=True),
    Target(17, "list --json vs parse store", LIST_JSON, PARSING, 1.5),
    Target(17, "list --json peak memory vs parse store", LIST_JSON, PARSING, 1.5, memory=True),
    Target(17, "export ndjson vs parse store", EXPORT_NDJSON, PARSING, 1.5),
    Target(17, "add vs parse store", ADD, PARSING, 1.2),
    Target(17, "report vs sqlite-utils query", REPORT, SQLITE_QUERY, 1.2),
    Target(17, "compare vs sqlite-utils query", COMPARE, SQLITE_QUERY, 1.2),
    Target(17, "list (table) vs Typer + Rich floor", LIST, TYPER_RICH, 1.0, on_small=True),
    # `--version` stood for a Typer command's start-up until it came to be answered
    # before Typer loads (issue 27); the minimal Typer `--version` stands for it now.
    Target(17, "donor completion vs minimal Typer --version", COMPLETE, TYPER_VERSION, 1.5),
    Target(22, "deliver vs parse store", DELIVER, PARSING, 1.0),
    Target(27, "export sqlite vs its floor", EXPORT_DB, FLOOR_EXPORT_DB, 2.0),
    Target(27, "import vs its floor", IMPORT, FLOOR_IMPORT, 4.0),
    Target(27, "edit vs parse store", EDIT, PARSING, 1.0),
    Target(27, "remove vs parse store", REMOVE, PARSING, 1.0),
    Target(27, "deliver vs parse store", DELIVER, PARSING, 1.0),
    Target(27, "--version vs minimal Typer --version", VERSION, TYPER_VERSION, 1.0, on_small=True),
)


@dataclass
class Result:
    """The runs of one command on one store size."""

    name: str
    argv: list[str]
    seconds: list[float] = field(default_factory=list)
    peak_mib: float = 0.0
    stdout_bytes: int = 0
    error: str | None = None

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds and not self.error else None

    @property
    def memory(self) -> float | None:
        return self.peak_mib if self.seconds and not self.error else None


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float
    stdout_bytes: int
    exit_code: int
    stderr: str


def run_once(argv: Sequence[str], env: dict[str, str]) -> Run:
    """Run a command to the end through `spawn.py`, draining its stdout from a pipe."""
    read_end, write_end = os.pipe()
    try:
        with tempfile.TemporaryFile() as stderr:
            launcher = [PYTHON, "-S", str(HERE / "spawn.py"), str(write_end), *argv]
            process = subprocess.Popen(
                launcher,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=stderr,
                env=env,
                pass_fds=(write_end,),
            )
            os.close(write_end)
            write_end = -1
            assert process.stdout is not None
            drained = 0
            while chunk := process.stdout.read(1 << 20):
                drained += len(chunk)
            process.stdout.close()
            process.wait()
            stderr.seek(0)
            message = stderr.read().decode(errors="replace")
        report = os.read(read_end, 256).split()
    finally:
        for fd in (read_end, write_end):
            if fd >= 0:
                os.close(fd)
    if len(report) != 3:  # the launcher itself failed: a program that is not there
        return Run(0.0, 0.0, drained, process.returncode or 1, message)
    seconds, kib, code = report
    return Run(float(seconds), int(kib) / 1024, drained, int(code), message)


class Workspace:
    """The files of one store size, and the per-run setup each case needs."""

    def __init__(self, data: dataset.Dataset, work: Path) -> None:
        work.mkdir(parents=True, exist_ok=True)
        self.data = data
        self.paths = {
            "store": str(data.store),
            "csv": str(data.csv),
            # `{fresh_db}` is deleted before each run; `{db}` is what the last run wrote.
            "fresh_db": str(work / "sqlite.db"),
            "db": str(work / "sqlite.db"),
            "copy": str(work / "copy.json"),
            "empty": str(work / "empty.json"),
            "export_db": str(work / "export.db"),
            "floor_db": str(work / "floor.db"),
            "floor_json": str(work / "floor.json"),
            "promise": data.promise,
            "unlinked": data.unlinked,
        }

    def prepare(self, case: Case) -> tuple[list[str], dict[str, str]]:
        """Fresh files for a writing case; its argv and environment."""
        argv = [arg.format(**self.paths) for arg in case.argv]
        if case.store == "copy":
            copy_store(self.data.store, Path(self.paths["copy"]))
        for name in ("empty", "fresh_db", "export_db"):
            if case.store == name or f"{{{name}}}" in case.argv:
                Path(self.paths[name]).unlink(missing_ok=True)
        env = {k: v for k, v in os.environ.items() if not _dropped(k)}
        env["COLUMNS"] = "120"
        env.update(case.env)
        if case.store is not None:
            env["AIDTRACK_DB"] = self.paths[case.store if case.store != "read" else "store"]
        return argv, env


def copy_store(source: Path, target: Path) -> None:
    """A copy of a store with its year totals, as aidtrack leaves a store it writes
    (the totals name the store's bytes, which the copy keeps)."""
    shutil.copyfile(source, target)
    shutil.copyfile(totals.path_for(source), totals.path_for(target))


def _dropped(name: str) -> bool:
    return name in DROPPED_ENV or name.startswith("AIDTRACK_")


def available(cases: Iterable[Case]) -> tuple[list[Case], list[str]]:
    """The cases whose aidtrack command exists yet (`aidtrack CMD --help` succeeds)."""
    kept, notes = [], []
    known: dict[str, bool] = {}
    for case in cases:
        command = case.subcommand
        if command is not None and command not in known:
            probe = subprocess.run([AIDTRACK, command, "--help"], capture_output=True)
            known[command] = probe.returncode == 0
        if command is None or known[command]:
            kept.append(case)
        else:
            notes.append(f"skipped {case.name}: `aidtrack {command}` does not exist yet")
    return kept, notes


def shuffled(cases: Sequence[Case], seed: str) -> list[Case]:
    """The cases in a random order, each that reads another's output just after it."""
    order = [case for case in cases if case.after is None]
    random.Random(seed).shuffle(order)
    for case in cases:
        if case.after is not None:
            before = next(i for i, other in enumerate(order) if other.name == case.after)
            order.insert(before + 1, case)
    return order


def run_round(
    cases: Sequence[Case], space: Workspace, results: dict[str, Result], seed: str
) -> float:
    """Run every case once, in an order of `seed`; a case that failed once is not run
    again. Returns the round's seconds."""
    began = time.perf_counter()
    for case in shuffled(cases, seed):
        result = results[case.name]
        if result.error is not None:
            continue
        argv, env = space.prepare(case)
        run = run_once(argv, env)
        if run.exit_code != 0:
            last = run.stderr.strip().splitlines()[-1:] or ["(no message)"]
            result.error = f"exit {run.exit_code}: {last[0]}"
            continue
        result.seconds.append(run.seconds)
        result.peak_mib = max(result.peak_mib, run.peak_mib)
        result.stdout_bytes = run.stdout_bytes
    return time.perf_counter() - began


def fresh_results(cases: Sequence[Case]) -> dict[str, Result]:
    return {case.name: Result(case.name, list(case.argv)) for case in cases}


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    return numerator / denominator if numerator is not None and denominator else None


def size_table(cases: Sequence[Case], results: dict[str, Result]) -> str:
    """One size's figures; ratios are to rows of the same table (the same rounds)."""

    def median(name: str | None) -> float | None:
        return results[name].median if name in results else None

    parsing = min(PARSING, key=lambda name: median(name) or float("inf"))
    rows = []
    for case in cases:
        result = results[case.name]
        mine = result.median
        data_floor = parsing if case.subcommand else None
        rows.append(
            [
                case.name,
                str(len(result.seconds)),
                _number(mine, "{:.3f}") if result.error is None else "ERROR",
                _number(result.memory, "{:.0f}"),
                _times(ratio(mine, median(case.typer_floor))),
                _times(ratio(mine, median(data_floor))),
                _times(ratio(mine, median(case.peer))),
            ]
        )
    headers = ["command", "runs", "median s", "peak MiB", "vs Typer floor", "vs parse store"]
    return markdown([*headers, "vs sqlite-utils"], rows)


def evaluate(
    by_size: dict[int, dict[str, Result]], cases: Sequence[Case]
) -> list[dict[str, object]]:
    """Each target of issue 7 §2 on the sizes this run measured: value, limit, PASS/FAIL."""
    sizes = sorted(by_size)
    small, large = by_size[sizes[0]], by_size[sizes[-1]]
    verdicts: list[dict[str, object]] = []

    def judge(issue: int, label: str, value: float | None, limit: float) -> None:
        verdict = "n/a" if value is None else ("PASS" if value <= limit else "FAIL")
        verdicts.append(
            {"issue": issue, "target": label, "value": value, "limit": limit, "result": verdict}
        )

    def figure(
        results: dict[str, Result], names: str | tuple[str, ...], memory: bool
    ) -> float | None:
        found = [
            results[name]
            for name in ([names] if isinstance(names, str) else names)
            if name in results
        ]
        figures = [f for f in (r.memory if memory else r.median for r in found) if f is not None]
        return min(figures) if figures else None

    for target in TARGETS:
        results, size = (small, sizes[0]) if target.on_small else (large, sizes[-1])
        value = ratio(
            figure(results, target.command, target.memory),
            figure(results, target.baseline, target.memory),
        )
        judge(target.issue, f"{target.label} (at {size:,})", value, target.limit)
    if len(sizes) > 1:
        before, after = sizes[-2], sizes[-1]
        for case in cases:
            if case.subcommand is None:
                continue
            growth = ratio(
                figure(by_size[after], case.name, False), figure(by_size[before], case.name, False)
            )
            value = None if growth is None else growth / (after / before)
            judge(17, f"growth {before:,}->{after:,} / linear: {case.name}", value, 1.0)
    return verdicts


def targets_table(verdicts: Sequence[dict[str, object]]) -> str:
    rows = []
    for verdict in verdicts:
        value = verdict["value"]
        shown = _times(value) if isinstance(value, float) else "n/a"
        rows.append(
            [
                str(verdict["target"]),
                str(verdict["issue"]),
                shown,
                f"<= {verdict['limit']}x",
                str(verdict["result"]),
            ]
        )
    return markdown(["target", "issue", "measured", "limit", "result"], rows)


def markdown(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table padded to line up in a terminal, ready for benchmarks/README.md."""
    widths = [max(len(row[i]) for row in [headers, *rows]) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        padded = [
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "| " + " | ".join(padded) + " |"

    rule = "|" + "|".join("-" * (w + 1) + (":" if i else "-") for i, w in enumerate(widths)) + "|"
    return "\n".join([line(headers), rule, *(line(row) for row in rows)])


def _number(value: float | None, pattern: str) -> str:
    return "" if value is None else pattern.format(value)


def _times(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}x"


def _sizes(text: str) -> list[int]:
    try:
        sizes = sorted({int(part) for part in text.split(",")})
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"sizes {text!r} must be numbers like 1000,10000"
        ) from None
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("sizes must be at least 1")
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=_sizes, default=[10, 1000, 10000, 100000])
    parser.add_argument("--repeat", type=int, default=5, help="rounds per size (default 5)")
    parser.add_argument("--budget", type=float, default=540, help="seconds for the whole run")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="results and data")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    deadline = started + args.budget
    print(f"python {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs")
    print(subprocess.run([AIDTRACK, "--version"], capture_output=True, text=True).stdout.strip())

    data = {size: dataset.write(args.out / "data", size) for size in args.sizes}
    print(f"data: {args.out / 'data'} (made in {time.perf_counter() - started:.1f} s)")
    cases, notes = available(CASES)
    for note in notes:
        print(note)

    spaces = {size: Workspace(files, args.out / "work" / str(size)) for size, files in data.items()}
    # An installed package has its bytecode compiled by pip, as Typer and Rich (the floors)
    # have theirs; an editable checkout under PYTHONDONTWRITEBYTECODE=1 would recompile
    # aidtrack on every start. Compile it, so both sides start alike.
    compileall.compile_dir(str(HERE.parent / "aidtrack"), quiet=1)
    # Warm-up: byte-compile and page in every command once before timing anything.
    run_round(cases, spaces[args.sizes[0]], fresh_results(cases), "warm-up")

    # One round of every size first, so each has a figure and a known cost; then more
    # rounds, smallest size first, while they fit in the budget (the largest gets fewer).
    by_size = {size: fresh_results(cases) for size in args.sizes}
    cost = {}
    for size in args.sizes:
        print(f"measuring {size:,} pledges, round 1", file=sys.stderr)
        cost[size] = run_round(cases, spaces[size], by_size[size], f"{size} 1")
    failed = False
    for size in args.sizes:
        rounds = 1
        while rounds < args.repeat and time.perf_counter() + cost[size] < deadline:
            rounds += 1
            print(f"measuring {size:,} pledges, round {rounds}", file=sys.stderr)
            seed = f"{size} {rounds}"
            cost[size] = max(cost[size], run_round(cases, spaces[size], by_size[size], seed))
        cut = " (cut to fit --budget)" if rounds < args.repeat else ""
        print(f"\n## {size:,} pledges: {rounds} of {args.repeat} rounds{cut}\n")
        print(size_table(cases, by_size[size]))
        for result in by_size[size].values():
            if result.error:
                failed = True
                print(f"{result.name} failed: {result.error}")
    shutil.rmtree(args.out / "work")

    verdicts = evaluate(by_size, cases)
    print("\n## Targets (issues 7, 17, 22 and 27)\n")
    print(targets_table(verdicts))
    total = time.perf_counter() - started
    print(f"\ntotal {total:.0f} s")

    report = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "repeat": args.repeat,
        "skipped": notes,
        "sizes": {
            str(size): [asdict(result) | {"median_s": result.median} for result in results.values()]
            for size, results in by_size.items()
        },
        "targets": verdicts,
        "total_s": total,
    }
    (args.out / "results.json").write_text(json.dumps(report, indent=2) + "\n")
    print(f"results: {args.out / 'results.json'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
