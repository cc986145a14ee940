"""`aidtrack check` finds what is wrong, says how to fix it, and never writes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from aidtrack.model import build
from aidtrack.store import write as write_store

from .conftest import STARTER_CSV, Aidtrack


def record(pledge_id: str, **fields: str) -> dict[str, Any]:
    base = {
        "donor": "Norway",
        "recipient": "Ukraine",
        "year": "2026",
        "amount": "NOK 10bn",
        "status": "committed",
    }
    pledge = build({**base, **fields}, id=pledge_id)
    data = pledge.to_json()
    data["sources"] = [{"url": "https://example.org", "date": None, "quote": None}]
    data.update({k: v for k, v in fields.items() if k in ("supersedes", "part_of")})
    return data


def write(store: Path, *records: dict[str, Any]) -> bytes:
    store.parent.mkdir(parents=True, exist_ok=True)
    write_store(
        store,
        {
            "meta": {"1": {"schema_version": 1}},
            "pledges": {str(i): r for i, r in enumerate(records, 1)},
        },
    )
    return store.read_bytes()


def kinds(aidtrack: Aidtrack) -> dict[str, set[str | None]]:
    result = aidtrack("check", "--json")
    assert result.exit_code == 1, result.stderr
    found: dict[str, set[str | None]] = {}
    for problem in json.loads(result.stdout)["problems"]:
        assert problem["message"] and problem["fix"]
        found.setdefault(problem["kind"], set()).add(problem["id"])
    return found


def test_the_shipped_dataset_is_clean(aidtrack: Aidtrack) -> None:
    aidtrack.ok("import", str(STARTER_CSV))
    result = aidtrack.ok("check")
    assert "22 records, no problems" in result.stderr
    assert json.loads(aidtrack.ok("check", "--json").stdout)["ok"] is True


def test_links_cycles_and_oversized_parts(aidtrack: Aidtrack, store: Path) -> None:
    before = write(
        store,
        record("whole", amount="NOK 10bn"),
        record("part-a", amount="NOK 7bn", part_of="whole", category="military"),
        record("part-b", amount="NOK 5bn", part_of="whole", category="civilian"),
        record("orphan", year="2025", part_of="gone"),
        record("loop-a", year="2020", supersedes="loop-b"),
        record("loop-b", year="2020", amount="NOK 20bn", supersedes="loop-a"),
        record("target", year="2019"),
        record("german", donor="Germany", year="2024", amount="EUR 1bn", supersedes="target"),
    )
    found = kinds(aidtrack)
    assert found["parts_exceed_whole"] == {"whole"}
    assert {"orphan", "german"} <= found["broken_link"]
    assert found["cycle"]
    assert store.read_bytes() == before


def test_duplicates_missing_rates_and_unsourced_records(aidtrack: Aidtrack, store: Path) -> None:
    unsourced = record("bare", donor="Poland", amount="PLN 1bn")
    unsourced["sources"] = []
    before = write(
        store,
        record("nok", amount="NOK 85bn"),
        record("usd", amount="$8.5bn"),
        record("hryvnia", donor="Poland", amount="UAH 5bn", year="2025"),
        unsourced,
    )
    found = kinds(aidtrack)
    assert found["likely_duplicate"] == {"usd"}
    assert found["missing_rate"] == {"hryvnia"}
    assert found["no_source"] == {"bare"}
    table = aidtrack("check")
    assert table.exit_code == 1 and "aidtrack rates set UAH 2025 RATE" in table.stdout
    assert store.read_bytes() == before


def test_a_stored_donor_that_is_its_own_recipient(aidtrack: Aidtrack, store: Path) -> None:
    """Written before the rule, or by hand: `check` names it and the fix."""
    own = record("own")
    own.update(recipient="Norway", recipient_code="NOR")
    before = write(store, record("fine"), own)
    found = kinds(aidtrack)
    assert found == {"own_recipient": {"own"}}
    shown = aidtrack("check").stdout
    assert "Norway is both the donor and the recipient" in shown
    assert "aidtrack edit own --to RECIPIENT" in shown
    assert store.read_bytes() == before


def test_unreadable_records_are_listed_not_fatal(aidtrack: Aidtrack, store: Path) -> None:
    broken = record("bad")
    broken["amount"] = "NaN"
    before = write(store, record("fine"), broken)
    assert aidtrack("list").exit_code == 3
    found = kinds(aidtrack)
    assert found["invalid_record"] == {"bad"}
    assert store.read_bytes() == before


def test_a_damaged_store_is_exit_3(aidtrack: Aidtrack, store: Path) -> None:
    store.parent.mkdir(parents=True)
    store.write_bytes(b'{"meta": {')
    result = aidtrack("check")
    assert result.exit_code == 3 and "damaged" in result.stderr
    assert store.read_bytes() == b'{"meta": {'
