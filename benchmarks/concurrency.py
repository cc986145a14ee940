"""Concurrent writers on one store: every write that said it was done is there, once.

Reproduces the audit's figure (issue 25: 864 concurrent writes, none acknowledged and
lost, none duplicated). WRITERS processes start together; each runs EACH `aidtrack add`
commands one after another through the installed command, a label of its own on every
pledge, waiting up to a minute for the busy store. At the end the store is read and
compared with what the commands printed:

    python benchmarks/concurrency.py [--writers 24] [--each 36] [--store DIR]

It prints the writes tried, acknowledged (exit 0, an id printed), refused as busy, lost
(acknowledged, not in the store), duplicated (an id or a label stored twice) and stored
without acknowledgement, and exits 1 if any write was lost or duplicated. About three
minutes on a 2-core machine at the default 864 writes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

WRITER = """
import subprocess, sys
command, writer, each = sys.argv[1], sys.argv[2], int(sys.argv[3])
for number in range(each):
    label = f"w{writer}-{number}"
    done = subprocess.run(
        [command, "--wait", "60", "add", "Norway", "1bn", "-c", "NOK", "--to", "Ukraine",
         "-y", str(1990 + number % 40), "--label", label, "--force", "--json"],
        capture_output=True, text=True,
    )
    print(label, done.returncode, done.stdout.strip().replace("\\n", " ") or "-", flush=True)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=24)
    parser.add_argument("--each", type=int, default=36)
    parser.add_argument("--store", type=Path, help="folder of the store (default: a new one)")
    args = parser.parse_args()
    command = shutil.which("aidtrack")
    if command is None:
        print("aidtrack is not installed in this environment", file=sys.stderr)
        return 2
    folder = args.store or Path(tempfile.mkdtemp(prefix="aidtrack-concurrency-"))
    store = folder / "pledges.json"
    env = {**os.environ, "AIDTRACK_DB": str(store), "NO_COLOR": "1"}
    started = time.perf_counter()
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, command, str(writer), str(args.each)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for writer in range(args.writers)
    ]
    acknowledged: dict[str, str] = {}
    busy = failed = 0
    for process in writers:
        out, _ = process.communicate()
        for line in out.splitlines():
            label, code, printed = line.split(" ", 2)
            if code == "0":
                acknowledged[label] = json.loads(printed)["id"]
            elif code == "3":
                busy += 1
            else:
                failed += 1
    seconds = time.perf_counter() - started
    stored = json.loads(store.read_text(encoding="utf-8"))["pledges"].values()
    ids = Counter(doc["id"] for doc in stored)
    labels = Counter(doc["label"] for doc in stored)
    lost = [label for label, pledge_id in acknowledged.items() if ids[pledge_id] == 0]
    duplicated = [key for key, n in (ids + labels).items() if n > 1]
    unacknowledged = [label for label in labels if label not in acknowledged]
    tried = args.writers * args.each
    print(f"{args.writers} writers x {args.each} adds = {tried} writes in {seconds:.0f} s")
    print(f"  acknowledged: {len(acknowledged)}")
    print(f"  refused as busy (exit 3): {busy}; other failures: {failed}")
    print(f"  stored: {sum(ids.values())} records")
    print(f"  lost (acknowledged, not stored): {len(lost)}")
    print(f"  duplicated (an id or a label stored twice): {len(duplicated)}")
    print(f"  stored without acknowledgement: {len(unacknowledged)}")
    if args.store is None:
        shutil.rmtree(folder)
    return 1 if lost or duplicated else 0


if __name__ == "__main__":
    sys.exit(main())
