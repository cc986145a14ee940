"""Shared fixtures: every test gets its own store and a plain, wide, colourless terminal."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from click.testing import CliRunner, Result
from hypothesis import settings

from aidtrack.cli import with_commands

app = with_commands()
COMMAND = typer.main.get_command(app)
"""The command line built once, as a process that runs aidtrack builds it once (building it
for each call is most of an in-process call's time)."""

# The full profile is Hypothesis's own ("ci" under CI=true) with each test's own number of
# examples; the quick loop runs a tenth of them: `--hypothesis-profile=quick`.
settings.register_profile("quick", max_examples=10)
QUICK = settings.get_profile("quick")


def examples(full: int) -> int:
    """A test's number of examples: `full` in the full profile, a tenth in the quick one."""
    return max(1, full // 10) if settings.default is QUICK else full


REPO = Path(__file__).resolve().parent.parent
STARTER_CSV = REPO / "data" / "pledges-starter.csv"
# Norway's 2026 budget proposal, as in the starter dataset: `aidtrack add *NOR_2026`.
NOR_2026 = (
    "Norway",
    "NOK 85bn",
    "--to",
    "Ukraine",
    "--year",
    "2026",
    "--status",
    "announced",
    "--announced",
    "2025-10-15",
    "--source",
    "https://norway.news-pravda.com/en/world/2025/10/15/7490.html",
    "--quote",
    "85 billion Norwegian kroner",
)


def bulky_store(count: int, *, years: int, note: int) -> dict[str, Any]:
    """A store's tables of `count` Norway records over `years` years, each with a note of
    `note` characters: a store that takes long to read and write."""
    from aidtrack.model import build

    pledges = {
        str(i): build(
            {
                "donor": "Norway",
                "recipient": "Ukraine",
                "year": str(1950 + i % years),
                "amount": f"{i + 1}",
                "currency": "NOK",
                "note": "n" * note,
            },
            id=f"x{i}",
        ).to_json()
        for i in range(count)
    }
    return {"meta": {"1": {"schema_version": 1}}, "pledges": pledges}


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point aidtrack at a temporary store and a predictable terminal; never real data."""
    store = tmp_path / "store" / "pledges.json"
    monkeypatch.setenv("AIDTRACK_DB", str(store))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    for name in (
        "FORCE_COLOR",
        "GITHUB_ACTIONS",
        "AIDTRACK_RECIPIENT",
        "AIDTRACK_CURRENCY",
        "AIDTRACK_DEBUG",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    yield store


@pytest.fixture
def store(isolated: Path) -> Path:
    return isolated


class Aidtrack:
    """Runs the command line in-process, as a user would type it."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | bytes | None = None) -> Result:
        return self.runner.invoke(COMMAND, list(args), input=input)

    def ok(self, *args: str, input: str | None = None) -> Result:
        result = self(*args, input=input)
        assert result.exit_code == 0, (result.exit_code, result.stdout, result.stderr)
        return result

    def json(self, *args: str) -> Any:
        return json.loads(self.ok(*args, "--json").stdout)


@pytest.fixture
def aidtrack() -> Aidtrack:
    return Aidtrack()


def run_process(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    """The real command in a real process (locks, signals, crash safety)."""
    return subprocess.run(
        [sys.executable, "-m", "aidtrack", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        **kwargs,
    )


def interrupted_before_the_entry_point(returncode: int, stderr: str) -> bool:
    """Whether a Ctrl-C landed before aidtrack's entry point ran (`entry.main`): in the
    interpreter's own start-up or the console script's first imports, where Python
    reports it itself and nothing is touched. From `main`'s first line on there is none.

    Python's reports: a fatal error while it sets itself up (whatever it was doing), or
    a KeyboardInterrupt traceback (or the bare word), after `Could not import runpy
    module` for `python -m`."""
    setting_up = stderr.startswith("Fatal Python error: init")
    interrupted = stderr.startswith(
        ("Traceback (most recent call last)", "Could not import", "KeyboardInterrupt")
    )
    return (
        returncode in (1, -signal.SIGINT)
        and (setting_up or (interrupted and "KeyboardInterrupt" in stderr))
        and not _reached_main(stderr)
    )


def swallowed_before_the_entry_point(returncode: int, stderr: str) -> bool:
    """Whether a Ctrl-C landed in the interpreter's start-up where Python prints it and
    goes on, before aidtrack's entry point ran: in the import machinery's lock callback
    ("Exception ignored in"), or while it checks whether the script's path is an import
    path entry (a zip file); the command runs as if never interrupted."""
    return (
        returncode == 0
        and stderr.startswith(
            (
                "Exception ignored in: <function _get_module_lock",
                "Failed checking if argv[0] is an import path entry",
            )
        )
        and "KeyboardInterrupt" in stderr
        and not _reached_main(stderr)
    )


def _reached_main(stderr: str) -> bool:
    return re.search(r'entry\.py", line \d+,? in main\b', stderr) is not None
