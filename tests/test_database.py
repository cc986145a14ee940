"""The store as an SQLite database (issue 16): export, counting in SQL, import back."""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings

from aidtrack import database, model, totals
from aidtrack import store as stored
from aidtrack.store import read

from .conftest import STARTER_CSV, Aidtrack, examples
from .test_fast_paths import stores


@pytest.fixture
def exported(aidtrack: Aidtrack, tmp_path: Path) -> Path:
    aidtrack.ok("import", str(STARTER_CSV))
    aidtrack.ok(
        "add", "Norway", "NOK 85bn", "--to", "Moldova", "-y", "2025", "--source", "https://x.org"
    )
    path = tmp_path / "pledges.db"
    said = aidtrack.ok("export", "--all", "--to", "all", "--format", "sqlite", "-o", str(path))
    assert "tables pledges, sources, rates, year_totals" in said.stderr
    return path


def test_year_totals_summed_in_sql_are_the_reports_totals(
    aidtrack: Aidtrack, exported: Path
) -> None:
    with sqlite3.connect(exported) as db:
        sums = {
            year: (usd, eur)
            for year, usd, eur in db.execute(
                "SELECT year, SUM(usd_cents), SUM(eur_cents) FROM year_totals "
                "WHERE measure = 'promised' GROUP BY year"
            )
        }
    db.close()
    assert sorted(sums) == [2023, 2024, 2025, 2026]
    for year, (usd, eur) in sums.items():
        for currency, cents in (("USD", usd), ("EUR", eur)):
            report = aidtrack.json("report", "--year", str(year), "--to", "all", "-c", currency)
            assert Decimal(report["total"]["amount"]) == Decimal(cents) / 100, (year, currency)


def test_the_export_is_its_owners_only(exported: Path) -> None:
    assert exported.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in exported.parent.iterdir() if p.name.startswith(".")] == []


def test_the_database_holds_every_field_source_and_rate(aidtrack: Aidtrack, exported: Path) -> None:
    with sqlite3.connect(exported) as db:
        db.row_factory = sqlite3.Row
        nansen = dict(db.execute("SELECT * FROM pledges WHERE id = 'nor-nansen-2030'").fetchone())
        assert (nansen["first_year"], nansen["last_year"], nansen["amount"]) == (
            2023,
            2030,
            "205000000000",
        )
        assert db.execute("SELECT COUNT(*) FROM sources").fetchone()[0] == 23
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        indexes = {
            row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='index'")
        }
        assert {"pledges_donor", "year_totals_donor", "year_totals_year"} <= indexes
        nok = db.execute("SELECT per_eur FROM rates WHERE currency='NOK' AND year=2025").fetchone()
    db.close()
    (rate,) = aidtrack.json("rates", "--year", "2025", "--currency", "NOK")["rates"]
    assert nok[0] == rate["per_eur"]


@pytest.mark.slow
def test_sqlite_utils_reads_it(exported: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sqlite_utils", "tables", str(exported), "--counts"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert '"table": "pledges", "count": 23' in done.stdout


def test_export_then_import_gives_the_same_store(
    aidtrack: Aidtrack, store: Path, exported: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.json"
    aidtrack.ok("--db", str(other), "import", str(exported))
    assert read(other).data["pledges"] and _records(other) == _records(store)
    again = aidtrack.ok("--db", str(other), "import", str(exported))
    assert "0 new, 0 updated, 23 already there" in again.stderr


def test_a_file_that_is_not_aidtracks_database_is_refused(
    aidtrack: Aidtrack, tmp_path: Path
) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE things (x)")
    db.close()
    result = aidtrack("import", str(path))
    assert result.exit_code == 1 and "is not a database aidtrack exported" in result.stderr
    assert "needs a file" in aidtrack("export", "--format", "sqlite").stderr


def test_cents_beyond_sqlites_integers_are_refused_in_one_line(
    aidtrack: Aidtrack, tmp_path: Path
) -> None:
    """A figure the store accepts (below a quintillion) can be more US$ cents than SQLite's
    64-bit integers hold; the export says so and writes nothing."""
    aidtrack.ok(
        "add", "Norway", "EUR 200000000000000000", "--to", "Ukraine", "-y", "2024",
        "--source", "https://www.regjeringen.no/x",
    )  # fmt: skip
    target = tmp_path / "big.db"
    result = aidtrack("export", "--format", "sqlite", "-o", str(target))
    assert result.exit_code == 1, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "SQLite" in result.stderr and "cents" in result.stderr and "Norway" in result.stderr
    assert not target.exists()


def test_an_export_of_every_record_takes_the_stores_year_totals(
    aidtrack: Aidtrack, tmp_path: Path
) -> None:
    """The shortcut the test below holds to counting the records is taken."""
    aidtrack.ok("init", "--sample")
    counting = mock.patch.object(database.Tally, "of", side_effect=AssertionError("counted"))
    with counting:
        aidtrack.ok("export", "--all", "--format", "sqlite", "-o", str(tmp_path / "all.db"))
    one = aidtrack("export", "--donor", "Norway", "--format", "sqlite", "-o", str(tmp_path / "n"))
    with counting:
        assert (
            aidtrack(
                "export", "--donor", "Norway", "--format", "sqlite", "-o", str(tmp_path / "n")
            ).exit_code
            != 0
        )  # a selection is counted from its records
    assert one.exit_code == 0


def _records(path: Path) -> dict[str, dict[str, object]]:
    return {doc["id"]: doc for doc in read(path).data["pledges"].values()}


@settings(
    max_examples=examples(10),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(stores())
def test_the_export_of_stored_records_is_that_of_every_record_built(
    aidtrack: Aidtrack, store: Path, tmp_path_factory: pytest.TempPathFactory, docs: list[Any]
) -> None:
    """Rows taken from the stored documents (vouched for by the year totals, or each
    looked at), and year totals taken from the store's, give the database byte for
    byte that building and counting every record gives, hand-edited records included
    (issue 27)."""
    store.parent.mkdir(parents=True, exist_ok=True)
    tables = {
        stored.META: {"1": {"schema_version": stored.SCHEMA_VERSION, "next_serial": len(docs) + 1}},
        stored.PLEDGES: {str(n): doc for n, doc in enumerate(docs, start=1)},
    }
    stored.write(store, tables)
    totals.rebuild(store)
    target = tmp_path_factory.mktemp("exports") / "pledges.db"
    never = mock.patch.object(model, "in_stored_form", lambda doc: False)
    not_said = mock.patch.object(totals, "all_in_stored_form", lambda *args: False)
    not_counted = mock.patch.object(totals, "current_tally", lambda *args: None)
    outcomes = []
    # Vouched for and counted by the totals; looked at; counted from the records; built.
    for patches in [(), (not_said,), (not_counted,), (never, not_said, not_counted)]:
        target.unlink(missing_ok=True)
        with contextlib.ExitStack() as stack:
            for patch in patches:
                stack.enter_context(patch)
            said = aidtrack(
                "export", "--all", "--to", "all", "--format", "sqlite", "-o", str(target)
            )
        written = (_tables(target), target.read_bytes()) if target.exists() else None
        outcomes.append((said.exit_code, said.stdout, said.stderr, written))
    assert outcomes[0] == outcomes[1] == outcomes[2] == outcomes[3]


def _tables(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, in their order."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        names = [n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: db.execute(f"SELECT * FROM {n} ORDER BY rowid").fetchall() for n in names}
