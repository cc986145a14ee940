"""One counting path: a report read from the year totals or counted from the records
gives the same answer, whatever wrote the store and whenever."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from aidtrack import totals

from .conftest import run_process


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
