"""The store never loses a record: concurrent writers, killed writers, damaged files.

These tests use real processes, because locks and crashes only mean something there.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aidtrack.store import read

from .conftest import Aidtrack, run_process

# A writer that runs the real command line `count` times in one process and prints
# each id as soon as `add` has returned (the record is then on disk).
WRITER = """
import sys
from aidtrack.cli import with_commands
app = with_commands()
donor, count, first_year = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for i in range(count):
    app(["add", donor, f"{i + 1}bn", "-c", "EUR", "--to", "Ukraine",
         "-y", str(first_year + i % 150), "--status", "committed", "--force",
         "--source", "https://example.org"], standalone_mode=False)
"""


def writer(store: Path, donor: str, count: int, first_year: int = 1950) -> subprocess.Popen[str]:
    env = {**os.environ, "AIDTRACK_DB": str(store)}
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, donor, str(count), str(first_year)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def stored_ids(store: Path) -> list[str]:
    return [doc["id"] for doc in read(store).data.get("pledges", {}).values()]


@pytest.mark.slow
def test_four_concurrent_writers_lose_nothing(store: Path) -> None:
    writers = [writer(store, donor, 100) for donor in ("Norway", "Germany", "France", "Poland")]
    printed: list[str] = []
    for process in writers:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        printed += out.split()
    ids = stored_ids(store)
    assert len(ids) == 400 == len(set(ids))
    assert sorted(ids) == sorted(printed)
    result = run_process("list", "--json", env={**os.environ, "AIDTRACK_DB": str(store)})
    assert len(json.loads(result.stdout)) == 400


@pytest.mark.slow
def test_a_writer_killed_at_random_moments_never_costs_a_record(store: Path) -> None:
    rng = random.Random(20261128)
    confirmed: set[str] = set()
    kills = 0
    for round_number in range(24):
        process = writer(store, "Norway", 1000, first_year=1950 + round_number)
        time.sleep(rng.uniform(0.3, 1.2))
        process.send_signal(signal.SIGKILL)
        out, _ = process.communicate(timeout=60)
        kills += process.returncode == -signal.SIGKILL
        confirmed.update(out.split())
        ids = set(stored_ids(store))  # raises if the store does not open
        assert confirmed <= ids, confirmed - ids
    assert kills >= 20
    assert confirmed, "the writer never got to write: the test proved nothing"
    # A write killed half-way leaves a temporary file; the next writer removes it.
    (store.parent / f".{store.name}.killed.tmp").write_bytes(b'{"meta": {"1": {"sche')
    env = {**os.environ, "AIDTRACK_DB": str(store)}
    added = run_process(
        "add", "Norway", "1bn", "-c", "EUR", "--to", "UA", "-y", "2100", "--force", env=env
    )
    assert added.returncode == 0, added.stderr
    assert not [p for p in store.parent.iterdir() if p.name.endswith(".tmp")]
    assert confirmed < set(stored_ids(store))


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (
            b'{"meta": {"1": {"schema_version": 1}}, "pledges": {"1": {"id": "p1", "don',
            "not valid JSON",
        ),
        (b"\x00\x01garbage\xff", "not valid JSON"),
        (b"", "empty"),
        (b"[1, 2, 3]", "not an object"),
        (b'{"pledges": {"1": 5}}', "not a table of records"),
        (b'{"pledges": {}}', "no schema version"),
        (b'{"meta": {"1": {"schema_version": 1}}, "pledges": {"1": {"id": "p1"}}}', "damaged"),
    ],
)
@pytest.mark.parametrize(
    "command", [("list",), ("add", "NO", "1bn", "-c", "NOK", "--to", "UA", "-y", "2026")]
)
def test_a_damaged_store_is_reported_and_left_as_it_was(
    aidtrack: Aidtrack, store: Path, content: bytes, why: str, command: tuple[str, ...]
) -> None:
    store.parent.mkdir(parents=True, exist_ok=True)
    store.write_bytes(content)
    result = aidtrack(*command)
    assert result.exit_code == 3, result.stderr
    assert why in result.stderr and "Traceback" not in result.stderr
    assert store.read_bytes() == content


def test_a_store_from_a_newer_aidtrack_is_refused(aidtrack: Aidtrack, store: Path) -> None:
    store.parent.mkdir(parents=True)
    content = b'{"meta": {"1": {"schema_version": 99}}, "pledges": {}}'
    store.write_bytes(content)
    result = aidtrack("add", "NO", "1bn", "-c", "NOK", "--to", "UA", "-y", "2026")
    assert result.exit_code == 3 and "newer aidtrack" in result.stderr
    assert store.read_bytes() == content


def test_the_installed_command_runs_as_a_module() -> None:
    result = run_process("--version")
    assert result.returncode == 0 and result.stdout.startswith("aidtrack ")


def test_the_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "aidtrack"
    result = subprocess.run([str(script), "--version"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and result.stdout.startswith("aidtrack ")


def test_an_older_store_is_migrated_with_a_backup(aidtrack: Aidtrack, store: Path) -> None:
    """Schema 0 is a plain TinyDB file: records in its default table, no schema version."""
    from aidtrack.model import build

    record = build(
        {"donor": "Norway", "recipient": "Ukraine", "year": "2026", "amount": "NOK 85bn"},
        id="nor-2026",
    ).to_json()
    store.parent.mkdir(parents=True)
    old = json.dumps({"_default": {"1": record}}).encode()
    store.write_bytes(old)
    assert [r["id"] for r in aidtrack.json("list")] == ["nor-2026"]
    assert store.read_bytes() == old  # reading never rewrites
    added = aidtrack.ok("add", "Germany", "EUR 11.5bn", "--to", "UA", "-y", "2026")
    backup = store.with_name(f"{store.name}.schema0.bak")
    assert "migrated from schema 0 to 1" in added.stderr and str(backup) in added.stderr
    assert backup.read_bytes() == old
    assert backup.stat().st_mode & 0o777 == 0o600
    data = read(store).data
    assert next(iter(data["meta"].values()))["schema_version"] == 1
    assert {d["id"] for d in data["pledges"].values()} == {"nor-2026", "p1"}


def test_the_store_is_plain_json_with_a_record_to_a_line() -> None:
    """Any JSON reader (TinyDB's own included) reads it whole; it diffs like a table."""
    from aidtrack.layout import serialize
    from aidtrack.model import build

    fields = {"donor": "Norway", "recipient": "Ukraine", "year": "2026", "amount": "NOK 1bn"}
    data = {
        "meta": {"1": {"schema_version": 1}},
        "pledges": {str(i): build(fields, id=f"p{i}").to_json() for i in (1, 2)},
    }
    raw = serialize(data)
    assert json.loads(raw) == data
    assert [line.startswith(b'"1": {"id":"p1"') for line in raw.splitlines()].count(True) == 1
    assert len(raw.splitlines()) == 9


def test_a_writer_reads_the_records_by_the_line_only_from_bytes_vouched_for(
    tmp_path: Path,
) -> None:
    from aidtrack import store as store_module
    from aidtrack.store import META, PLEDGES, open_store

    path = tmp_path / "s.json"
    norway = {"id": "p1", "donor": "Norway"}
    written = store_module.write(path, {META: {"1": {"schema_version": 1}}, PLEDGES: {"1": norway}})
    with open_store(path, write=True, vouched=written) as vouched:
        assert vouched.vouched and vouched.by_line
        assert vouched.find(PLEDGES, "donor", ["Norway"]) == [norway]
    for other in ("", "xxh3-128:0"):
        with open_store(path, write=True, vouched=other) as plain:
            assert not plain.vouched and not plain.by_line
    with open_store(path, vouched=written) as read_only:  # a reader reads the tables whole
        assert not read_only.by_line


def test_each_store_read_is_handed_to_the_keeper(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the console script holds to its `os._exit` (`entry`)."""
    from aidtrack import store as store_module

    monkeypatch.setattr(store_module, "_keeper", None)
    handed: list[store_module.Store] = []
    store_module.hand_reads_to(handed.append)
    path = tmp_path / "s.json"
    with store_module.open_store(path, write=True) as written:
        written.set_meta()
        written.save()
    with store_module.open_store(path) as read_again:
        pass
    assert handed == [written, read_again]


def test_only_the_store_reads_its_layout() -> None:
    """The fast path has one owner: how the file is laid out, and what a reader may
    skip because of it, is the store's alone."""
    from .test_architecture import imports, modules

    readers = {module for module, path in modules() if "layout" in imports(path, module)}
    assert readers == {"store"}
