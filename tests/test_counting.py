"""One counting path: a report or comparison read from the year totals, from the records
of its years, or counted from every record gives the same answer, on every store,
whatever wrote it and whenever."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from aidtrack import totals, yearly
from aidtrack.counting import Tally
from aidtrack.errors import AidtrackError
from aidtrack.ledger import open_ledger
from aidtrack.model import EVERY_YEAR, Category, Status, YearSpan, build
from aidtrack.rates import UserRate
from aidtrack.store import Store

from .conftest import run_process

YEARS = range(2023, 2028)
SPANS = ("2024", "2025", "2026", "2024-2026", "2025-2027")


def outcome(make: Any, *args: Any, **kwargs: Any) -> Any:
    """A report's JSON, or the one line a user would read instead."""
    try:
        return json.loads(json.dumps(make(*args, **kwargs).to_json()))
    except AidtrackError as error:
        return f"error: {error}"


def reports(tally_of: Any) -> dict[str, Any]:
    """Every year's report and the comparison of all years, in EUR, counted from what
    `tally_of(years, envelopes)` gives (a tally and the rates to convert it), asked as
    the commands ask."""
    shown: dict[str, Any] = {}
    for year in YEARS:
        tally, rates = tally_of(YearSpan(year - 1, year), YearSpan(year, year))
        shown[f"report {year}"] = outcome(
            yearly.report, tally, rates.convert, year=year, currency="EUR"
        )
    tally, rates = tally_of(None, EVERY_YEAR)
    shown["report"] = outcome(yearly.report, tally, rates.convert, currency="EUR")
    tally, rates = tally_of(None, None)
    shown["compare"] = outcome(
        yearly.compare, tally, rates.convert, years=YearSpan(2022, 2028), currency="EUR"
    )
    return shown


def read(path: Path, years: YearSpan | None, envelopes: YearSpan | None) -> Any:
    return totals.read_tally(path, years, envelopes=envelopes)


def as_the_command_reads(path: Path) -> dict[str, Any]:
    return reports(partial(read, path))


def without_derived_files(path: Path) -> dict[str, Any]:
    kept = totals.path_for(path)
    saved = kept.read_bytes() if kept.exists() else None
    kept.unlink(missing_ok=True)
    try:
        return reports(partial(read, path))
    finally:
        if saved is not None:
            kept.write_bytes(saved)


def by_plain_recount(path: Path) -> dict[str, Any]:
    def every_record(years: YearSpan | None, envelopes: YearSpan | None) -> tuple[Tally, Any]:
        with open_ledger(path) as ledger:
            tally = Tally.of(ledger.pledges()).within(years)
            listed = [e for e in tally.envelopes if envelopes and e[0].years.overlaps(envelopes)]
            return Tally(tally.counted, tally.mixed, listed), ledger.rate_table()

    return reports(every_record)


SAME_SIZE_DONORS = {
    b"Norway": b"Poland",
    b"Poland": b"Norway",
    b"Germany": b"Denmark",
    b"Denmark": b"Germany",
}
OUTSIDE_EDITS = {
    "amount": rb'"amount":"(\d+)"',
    "year": rb'"year":(20\d\d)',
    "donor": rb'"donor":"(Norway|Poland|Germany|Denmark)"',
}


def same_size_edit(path: Path, rng: random.Random, what: str) -> bool:
    """Change one stored amount, year or donor in place, as another program would: same
    size, same modification time. False if there is nothing to change."""
    raw = path.read_bytes()
    found = list(re.finditer(OUTSIDE_EDITS[what], raw))
    if not found:
        return False
    match = rng.choice(found)
    was = match.group(1)
    if what == "amount":
        changed = bytes([ord("1") + (was[0] - ord("0")) % 9]) + was[1:]
    elif what == "year":
        changed = str(rng.choice([y for y in YEARS if str(y).encode() != was])).encode()
    else:
        changed = SAME_SIZE_DONORS[was]
    before = os.stat(path)
    with path.open("r+b") as handle:
        handle.seek(match.start(1))
        handle.write(changed)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    return True


class EveryWrite(RuleBasedStateMachine):
    """Random writes of every kind, and other programs editing the store, with every
    way of counting compared after each step."""

    def __init__(self) -> None:
        super().__init__()
        self.serial = 0

    @initialize(folder=st.integers(0, 10**9))
    def start(self, folder: int) -> None:
        import tempfile

        self.folder = Path(tempfile.mkdtemp(prefix="aidtrack-counting-"))
        self.path = self.folder / "pledges.json"
        self.rng = random.Random(folder)
        self.edited_outside = False

    def teardown(self) -> None:
        import shutil

        shutil.rmtree(self.folder, ignore_errors=True)

    def write(self, change: Any) -> None:
        """One command's worth of writing; a refused write changes nothing."""
        before = self.path.read_bytes() if self.path.exists() else None
        inode = self.path.stat().st_ino if before is not None else None
        self.edited_during = False
        try:
            with open_ledger(self.path, write=True) as ledger:
                change(ledger)
        except AidtrackError:
            assert (self.path.read_bytes() if self.path.exists() else None) == before
            return
        if self.path.exists() and self.path.stat().st_ino != inode:  # the store was written
            self.edited_outside = self.edited_during

    def pick(self, ledger: Any, index: int, *, current: bool = True) -> Any:
        pool = ledger.current() if current else ledger.pledges()
        return pool[index % len(pool)] if pool else None

    def fresh_id(self) -> str:
        self.serial += 1
        return f"r{self.serial}"

    @rule(
        donor=st.sampled_from(["Norway", "Germany"]),
        span=st.sampled_from(SPANS),
        amount=st.integers(1, 100),
        currency=st.sampled_from(["NOK", "EUR", "USD"]),
        status=st.sampled_from(Status),
        category=st.sampled_from(Category),
    )
    def add_whole(
        self, donor: str, span: str, amount: int, currency: str, status: Status, category: Category
    ) -> None:
        fields = {
            "donor": donor,
            "recipient": "Ukraine",
            "year": span,
            "amount": f"{amount}bn",
            "currency": currency,
            "status": status.value,
            "category": category.value,
        }
        self.write(lambda ledger: ledger.add(build(fields, id=self.fresh_id()), force=True))

    @rule(
        index=st.integers(0, 99),
        within=st.booleans(),
        span=st.sampled_from(SPANS),
        amount=st.integers(1, 60),
        currency=st.sampled_from(["NOK", "EUR"]),
        category=st.sampled_from(Category),
    )
    def add_part(
        self,
        index: int,
        within: bool,
        span: str,
        amount: int,
        currency: str,
        category: Category,
    ) -> None:
        def change(ledger: Any) -> None:
            whole = self.pick(ledger, index)
            if whole is None:
                return
            fields = {
                "donor": whole.donor,
                "recipient": whole.recipient,
                "year": whole.year_label if within else span,
                "amount": f"{amount}bn",
                "currency": currency,
                "category": category.value,
                "part_of": whole.id,
            }
            ledger.add(build(fields, id=self.fresh_id()), force=True)

        self.write(change)

    @rule(
        index=st.integers(0, 99),
        status=st.sampled_from(Status),
        span=st.none() | st.sampled_from(SPANS),
        amount=st.none() | st.integers(1, 100),
    )
    def revise(self, index: int, status: Status, span: str | None, amount: int | None) -> None:
        changes = {"status": status.value}
        if span is not None:
            changes["year"] = span
        if amount is not None:
            changes["amount"] = f"{amount}bn"

        def change(ledger: Any) -> None:
            chosen = self.pick(ledger, index)
            if chosen is not None:
                ledger.revise(chosen.id, changes)

        self.write(change)

    @rule(
        index=st.integers(0, 99),
        span=st.none() | st.sampled_from(SPANS),
        amount=st.none() | st.integers(1, 100),
        donor=st.none() | st.sampled_from(["Norway", "Denmark"]),
    )
    def edit(self, index: int, span: str | None, amount: int | None, donor: str | None) -> None:
        changes = {}
        if span is not None:
            changes["year"] = span
        if amount is not None:
            changes["amount"] = f"{amount}bn"
        if donor is not None:
            changes["donor"] = donor

        def change(ledger: Any) -> None:
            chosen = self.pick(ledger, index, current=False)
            if chosen is not None and changes:
                ledger.edit(chosen.id, changes)

        self.write(change)

    @rule(index=st.integers(0, 99))
    def remove(self, index: int) -> None:
        def change(ledger: Any) -> None:
            chosen = self.pick(ledger, index, current=False)
            if chosen is not None:
                ledger.remove(chosen.id)

        self.write(change)

    @rule(
        index=st.integers(0, 99),
        rows=st.lists(
            st.tuples(st.sampled_from(SPANS), st.integers(1, 50), st.booleans()),
            min_size=1,
            max_size=3,
        ),
    )
    def import_file(self, index: int, rows: list[tuple[str, int, bool]]) -> None:
        from aidtrack import importing, interchange
        from aidtrack.formats import FileFormat

        def change(ledger: Any) -> None:
            whole = self.pick(ledger, index)
            lines = []
            for span, amount, part in rows:
                record = {
                    "donor": whole.donor if whole else "Norway",
                    "recipient": "Ukraine",
                    "year": span,
                    "amount": f"{amount}bn",
                    "currency": "NOK",
                }
                if part and whole is not None:
                    record["part_of"] = whole.id
                lines.append(json.dumps(record))
            text = "\n".join(lines) + "\n"
            incoming = interchange.read_records(text, FileFormat.NDJSON)
            importing.import_records(ledger, incoming, force=True)

        self.write(change)

    @rule(
        currency=st.sampled_from(["NOK", "USD"]),
        year=st.sampled_from(list(YEARS)),
        per_eur=st.integers(1, 3000),
    )
    def set_rate(self, currency: str, year: int, per_eur: int) -> None:
        rate = UserRate(currency, year, Decimal(per_eur) / 100)
        self.write(lambda ledger: ledger.set_rate(rate))

    @precondition(lambda self: self.path.exists())
    @rule(what=st.sampled_from(sorted(OUTSIDE_EDITS)))
    def edit_outside(self, what: str) -> None:
        """Another program rewrites a figure in place, in the same second."""
        if same_size_edit(self.path, self.rng, what):
            self.edited_outside = True

    @precondition(lambda self: self.path.exists())
    @rule(what=st.sampled_from(sorted(OUTSIDE_EDITS)), amount=st.integers(1, 100))
    def edit_outside_during_a_write(self, what: str, amount: int) -> None:
        """Another program rewrites the store between its write and its totals."""
        refresh = totals.refresh

        def meanwhile(saved: Store, *rest: Any) -> None:
            self.edited_during = same_size_edit(saved.path, self.rng, what)
            refresh(saved, *rest)

        totals.refresh = meanwhile  # type: ignore[assignment]
        try:
            fields = {"donor": "Norway", "recipient": "Ukraine", "year": "2025"}
            fields |= {"amount": f"{amount}bn", "currency": "NOK"}
            record = build(fields, id=self.fresh_id())
            self.write(lambda ledger: ledger.add(record, force=True))
        finally:
            totals.refresh = refresh  # type: ignore[assignment]

    @invariant()
    def every_way_of_counting_agrees(self) -> None:
        if not hasattr(self, "path") or not self.path.exists():
            return
        if not self.edited_outside:
            assert totals.is_current(self.path), "a write left stale totals"
        counted = as_the_command_reads(self.path)
        assert counted == without_derived_files(self.path)
        assert counted == by_plain_recount(self.path)


EveryWrite.TestCase.settings = settings(
    max_examples=int(os.environ.get("AIDTRACK_STATEFUL_EXAMPLES", "40")),
    stateful_step_count=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_every_way_of_counting_agrees = pytest.mark.slow(EveryWrite.TestCase)


# Real processes -------------------------------------------------------------------------

WATCHER = r"""
import os, sys, time
path, old, new = sys.argv[1], sys.argv[2].encode(), sys.argv[3].encode()
inode = os.stat(path).st_ino
print("ready", flush=True)
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    try:
        status = os.stat(path)
    except FileNotFoundError:
        continue
    if status.st_ino != inode:
        with open(path, "r+b") as handle:
            raw = handle.read()
            handle.seek(raw.index(old))
            handle.write(new)
        os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
        print("rewrote", flush=True)
        break
"""


@pytest.mark.slow
def test_a_store_rewritten_in_place_as_it_is_written_is_never_reported_from_stale_totals(
    store: Path,
) -> None:
    """A sync client or another program rewrites the store the moment `add` replaces
    it: the report that follows shows what the store says, not the figure overwritten."""
    env = {**os.environ, "AIDTRACK_DB": str(store)}
    assert run_process("init", "--sample", env=env).returncode == 0
    for attempt, (old, new) in enumerate(
        [
            (b"85000000000", b"95000000000"),
            (b"70000000000", b"60000000000"),
            (b"11500000000", b"12500000000"),
        ]
    ):
        watcher = subprocess.Popen(
            [sys.executable, "-c", WATCHER, str(store), old.decode(), new.decode()],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert watcher.stdout is not None and watcher.stdout.readline() == "ready\n"
        denmark = ("Denmark", f"DKK {attempt + 1}bn", "--to", "UA", "-y", "2026", "--force")
        added = run_process("add", *denmark, env=env)
        assert added.returncode == 0, added.stderr
        assert watcher.wait(timeout=60) == 0 and watcher.stdout.read() == "rewrote\n"
        assert new in store.read_bytes()
        args = ("report", "--year", "2026", "--currency", "NOK", "--json")
        reported = run_process(*args, env=env)
        totals.path_for(store).unlink()
        recounted = run_process(*args, env=env)
        assert reported.returncode == recounted.returncode == 0, reported.stderr
        assert json.loads(reported.stdout) == json.loads(recounted.stdout)
