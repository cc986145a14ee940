"""The store's files (issue 25, items 4, 7, 8 and the pictures of 9): a store or a
picture behind a symlink is written through to its target, a store that reads call
damaged is never rewritten, and a writer deletes no temporary file but its own."""

from __future__ import annotations

import contextlib
import json
import os
import resource
import signal
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import NOR_2026, Aidtrack

GERMANY = ("Germany", "EUR 9bn", "--to", "Ukraine", "--year", "2026", "--source", "https://e.de")
POLAND = ("Poland", "PLN 1bn", "--to", "Ukraine", "--year", "2025", "--source", "https://e.pl")


def _stored(path: Path) -> dict[str, Any]:
    return json.loads(path.read_bytes())


def _edit_by_hand(store: Path, change: Callable[[dict[str, Any]], object]) -> bytes:
    """Change the store as another program would (not as aidtrack lays it out); its bytes."""
    data = _stored(store)
    change(data)
    store.write_text(json.dumps(data))
    return store.read_bytes()


def _one_line_error(stderr: str, *words: str) -> None:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, stderr
    assert all(word in lines[0] for word in words), stderr


# Item 4: a store that is a symlink --------------------------------------------------------


def test_a_store_behind_a_symlink_is_written_through_to_its_target(
    aidtrack: Aidtrack, store: Path, tmp_path: Path
) -> None:
    target = tmp_path / "synced" / "pledges.json"
    target.parent.mkdir()
    store.parent.mkdir()
    store.symlink_to(Path("..") / "synced" / "pledges.json")  # relative to the link's folder
    aidtrack.ok("add", *NOR_2026)  # the first write creates the target
    aidtrack.ok("add", *GERMANY)
    assert store.is_symlink()
    assert [d["donor"] for d in _stored(target)["pledges"].values()] == ["Norway", "Germany"]
    # Lock, temporary files and totals are beside the target, none beside the link.
    assert [p.name for p in store.parent.iterdir()] == ["pledges.json"]
    assert (target.parent / "pledges.json.lock").exists()
    assert sorted(d["id"] for d in aidtrack.json("list")) == ["p1", "p2"]


# Item 7: a damaged store is never rewritten -----------------------------------------------


@pytest.mark.parametrize(
    ("damage", "why"),
    [
        ({"amount": "-5"}, "amount '-5' is not a positive amount"),
        ({"year": "soon"}, "p2"),
        ({"status": "rumoured"}, "p2"),
    ],
)
@pytest.mark.parametrize(
    "command",
    [
        ("add", *POLAND),
        ("edit", "p1", "--note", "checked"),
        ("remove", "p1", "--yes"),
        ("rates", "set", "UAH", "2026", "45"),
        ("groups", "add", "baltics", "Estonia", "Latvia", "Lithuania"),
    ],
)
def test_a_store_that_reads_call_damaged_is_never_rewritten(
    aidtrack: Aidtrack,
    store: Path,
    damage: dict[str, str],
    why: str,
    command: tuple[str, ...],
) -> None:
    aidtrack.ok("add", *NOR_2026)
    aidtrack.ok("add", *GERMANY)
    damaged = _edit_by_hand(store, lambda data: data["pledges"]["2"].update(damage))
    listed = aidtrack("list")
    assert listed.exit_code == 3
    result = aidtrack(*command)
    assert result.exit_code == 3
    _one_line_error(result.stderr, "is damaged", why)
    assert store.read_bytes() == damaged


def test_edit_keeps_the_fields_it_does_not_know(aidtrack: Aidtrack, store: Path) -> None:
    aidtrack.ok("add", *NOR_2026)
    extra = {"tags": ["budget"], "reviewer": {"name": "Kari"}}
    _edit_by_hand(store, lambda data: data["pledges"]["1"].update(extra))
    aidtrack.ok("edit", "p1", "--note", "checked")
    aidtrack.ok("edit", "p1", "--year", "2026-2027")  # `year` becomes `years`
    (doc,) = _stored(store)["pledges"].values()
    assert doc["note"] == "checked" and doc["years"] == [2026, 2027] and "year" not in doc
    assert {key: doc.get(key) for key in extra} == extra
    assert aidtrack.json("show", "p1")["note"] == "checked"


@pytest.mark.parametrize("key", ["abc", "01", "", "1.0", "-1"])
def test_a_record_key_that_is_not_a_number_is_damage_to_check_and_writes_alike(
    aidtrack: Aidtrack, store: Path, key: str
) -> None:
    aidtrack.ok("add", *NOR_2026)
    aidtrack.ok("add", *GERMANY)

    def rekey(data: dict[str, Any]) -> None:
        data["pledges"] = {key: data["pledges"]["1"], "2": data["pledges"]["2"]}

    content = _edit_by_hand(store, rekey)
    for command in (("check",), ("add", *POLAND), ("edit", "p1", "--note", "x"), ("list",)):
        result = aidtrack(*command)
        assert result.exit_code == 3, (command, result.stdout, result.stderr)
        _one_line_error(result.stderr, "is damaged", "not a number")
        assert store.read_bytes() == content


# Item 8: a store's temporary files are its own --------------------------------------------


def test_a_writer_deletes_its_own_leftovers_and_no_other_files_temporaries(
    aidtrack: Aidtrack, store: Path
) -> None:
    aidtrack.ok("add", *NOR_2026)
    folder = store.parent
    own = folder / f".{store.name}.k1ll3d_w.tmp"  # a killed writer's
    others = [folder / f".{store.name}.{name}.a1b2c3d4.tmp" for name in ("old", "csv")]
    for path in (own, *others):
        path.write_bytes(b"half written")
    aidtrack.ok("add", *GERMANY)
    assert not own.exists()
    assert [path.read_bytes() for path in others] == [b"half written"] * 2


def test_a_store_named_like_a_pattern_deletes_no_other_stores_temporaries(
    aidtrack: Aidtrack, tmp_path: Path
) -> None:
    folder = tmp_path / "stores"
    folder.mkdir()
    other = folder / ".s1.json.a1b2c3d4.tmp"  # a writer of s1.json, still at work
    other.write_bytes(b"half written")
    aidtrack.ok("--db", str(folder / "s[1].json"), "add", *NOR_2026)
    assert other.read_bytes() == b"half written"


# Item 9: report pictures are written as the store is ----------------------------------------


@contextlib.contextmanager
def _disk_full_past(size: int) -> Iterator[None]:
    """For this process, a file cannot grow past `size` bytes (EFBIG), as on a full disk."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    handler = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, handler)


@pytest.mark.parametrize("option", ["--svg", "--html"])
def test_a_picture_that_cannot_be_written_whole_leaves_the_old_one(
    aidtrack: Aidtrack, tmp_path: Path, option: str
) -> None:
    aidtrack.ok("add", *NOR_2026)
    folder = tmp_path / "pictures"
    folder.mkdir()
    picture = folder / "report"
    picture.write_text("last week's picture")
    with _disk_full_past(2048):
        result = aidtrack("report", "--year", "2026", option, str(picture))
    assert result.exit_code == 1
    _one_line_error(result.stderr, f"cannot write {picture}", os.strerror(27))  # EFBIG
    assert picture.read_text() == "last week's picture"
    assert [p.name for p in folder.iterdir()] == ["report"]


def test_pictures_are_written_through_a_symlink_with_the_users_file_mode(
    aidtrack: Aidtrack, tmp_path: Path
) -> None:
    aidtrack.ok("add", *NOR_2026)
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "report.svg").write_text("old")
    (tmp_path / "report.svg").symlink_to(shared / "report.svg")
    mask = os.umask(0o022)
    try:
        aidtrack.ok("report", "--year", "2026", "--svg", str(tmp_path / "report.svg"))
        aidtrack.ok("report", "--year", "2026", "--html", str(tmp_path / "new.html"))
    finally:
        os.umask(mask)
    assert (tmp_path / "report.svg").is_symlink()
    assert (shared / "report.svg").read_text().startswith("<svg")
    assert "<html" in (tmp_path / "new.html").read_text()
    # A picture is made to be shared: not owner-only, as the store is.
    assert stat.S_IMODE((tmp_path / "new.html").stat().st_mode) == 0o644
    assert sorted(p.name for p in shared.iterdir()) == ["report.svg"]


def test_a_picture_never_replaces_what_is_not_a_regular_file(
    aidtrack: Aidtrack, tmp_path: Path
) -> None:
    aidtrack.ok("add", *NOR_2026)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    result = aidtrack("report", "--year", "2026", "--html", str(pipe))
    assert result.exit_code == 1
    _one_line_error(result.stderr, f"cannot write {pipe}", "not a regular file")
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
