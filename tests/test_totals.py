"""The year totals beside the store: always those of the store, or not used at all."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aidtrack import totals, yearly
from aidtrack.ledger import UserRate, open_ledger
from aidtrack.model import EVERY_YEAR, Category, Status, build
from aidtrack.yearly import Counted, Tally

from .conftest import Aidtrack


def normal(tally: Tally) -> tuple[Any, ...]:
    """A tally as values, whichever way its sums were grouped and ordered."""
    merged: dict[Any, Counted] = {}
    for counted in tally.counted:
        have = merged.get(counted.key)
        merged[counted.key] = counted if have is None else have + counted
    return (
        {
            key: (c.amount, c.qualifiers, dict(c.by_category), sorted(c.notes))
            for key, c in merged.items()
        },
        sorted((whole, sorted(parts, key=str)) for whole, parts in _mixed(tally)),
        sorted(json.dumps(p.to_json(), sort_keys=True) for p in tally.envelopes),
    )


def _mixed(tally: Tally) -> list[tuple[str, list[str]]]:
    return [
        (json.dumps(whole.to_json()), [json.dumps(p.to_json()) for p in parts])
        for whole, parts in tally.mixed
    ]


def check_totals(store: Path) -> None:
    """The totals on disk are those of every record in the store."""
    kept = totals.read(store, None, EVERY_YEAR)
    assert kept is not None, "the totals are stale or missing after a write"
    with open_ledger(store) as ledger:
        assert normal(kept.tally) == normal(Tally.of(ledger.pledges()))
        assert kept.rates == list(ledger.data.get("rates", {}).values())


DONORS = ("Norway", "Germany")
YEARS = ("2025", "2026", "2025-2027")


@st.composite
def steps(draw: st.DrawFn) -> list[tuple[str, dict[str, Any]]]:
    """Writes of every kind, each drawn with what it needs."""
    kinds = st.sampled_from(["whole", "whole", "part", "revise", "edit", "remove", "rate"])
    return [
        (
            kind,
            {
                "donor": draw(st.sampled_from(DONORS)),
                "year": draw(st.sampled_from(YEARS)),
                "amount": str(draw(st.integers(1, 10**6))),
                "currency": draw(st.sampled_from(["NOK", "EUR"])),
                "status": draw(st.sampled_from(Status)).value,
                "category": draw(st.sampled_from(Category)).value,
                "pick": draw(st.integers(0, 10**6)),
            },
        )
        for kind in draw(st.lists(kinds, min_size=1, max_size=12))
    ]


def apply(store: Path, serial: int, kind: str, drawn: dict[str, Any]) -> None:
    """One command's worth of writing, as the commands do it."""
    pick = drawn.pop("pick")
    with open_ledger(store, write=True) as ledger:
        gone = ledger.superseded()
        current = [p for p in ledger.pledges() if p.id not in gone]
        chosen = current[pick % len(current)] if current else None
        fields = {"recipient": "Ukraine", **drawn}
        if kind == "rate":
            ledger.set_rate(UserRate("NOK", 2026, Decimal(drawn["amount"]) / 1000))
        elif kind == "whole" or chosen is None:
            ledger.add(build(fields, id=f"r{serial}"), force=True)
        elif kind == "part":
            part = fields | {"donor": chosen.donor, "year": chosen.year_label}
            ledger.add(build(part | {"part_of": chosen.id}, id=f"r{serial}"), force=True)
        elif kind == "revise":
            revised = fields | {"donor": chosen.donor}
            ledger.revise(chosen.id, build(revised, id=f"r{serial}"))
        elif kind == "edit":
            edited = build(fields | {"donor": chosen.donor}, id=chosen.id)
            ledger.replace(edited)
        else:
            linked = any(chosen.id in (p.part_of, p.supersedes) for p in ledger.pledges())
            if not linked:
                ledger.remove(chosen.id)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps())
def test_every_write_leaves_the_totals_of_the_whole_store(
    tmp_path_factory: Any, drawn: list[tuple[str, dict[str, Any]]]
) -> None:
    store = tmp_path_factory.mktemp("totals") / "pledges.json"
    for serial, (kind, fields) in enumerate(drawn):
        apply(store, serial, kind, fields)
        check_totals(store)


def test_reports_agree_with_and_without_the_totals(aidtrack: Aidtrack, store: Path) -> None:
    aidtrack.ok("init", "--sample")
    # A part in another currency is split at the rates of each report, and a user rate
    # is read from the totals too.
    aidtrack.ok("add", "Germany", "EUR 1bn", "--to", "UA", "-y", "2026", "--force")
    aidtrack.ok("add", "Germany", "USD 300m", "--part-of", "p1", "--category", "military")
    aidtrack.ok("rates", "set", "USD", "2026", "1.5")
    check_totals(store)
    commands = [
        ("report", "--year", "2026"),
        ("report", "--year", "2025", "--category", "military"),
        ("report",),
        ("compare",),
        ("compare", "Norway", "--years", "2022-2026", "--currency", "NOK"),
        ("report", "--year", "2026", "--status", "announced", "--to", "Ukraine"),
    ]
    with_totals = [aidtrack.ok(*command, "--json").stdout for command in commands]
    assert json.loads(with_totals[0])["rates"]  # converted, with the rates shown
    totals.path_for(store).unlink()
    assert with_totals == [aidtrack.ok(*command, "--json").stdout for command in commands]


def test_a_store_changed_by_hand_is_counted_from_its_records(
    aidtrack: Aidtrack, store: Path
) -> None:
    aidtrack.ok("init", "--sample")
    before = aidtrack.json("report", "--year", "2026", "--currency", "NOK")
    raw = store.read_bytes()
    assert raw.count(b'"amount":"85000000000"') == 2  # 2025's and 2026's NOK 85bn
    store.write_bytes(raw.replace(b'"amount":"85000000000"', b'"amount":"95000000000"'))
    after = aidtrack.json("report", "--year", "2026", "--currency", "NOK")
    assert before["total"]["amount"] != after["total"]["amount"]
    norway = next(d for d in after["donors"] if d["donor"] == "Norway")
    assert norway["amount"] == norway["previous_amount"] == "95000000000.00"
    aidtrack.ok("rates", "set", "NOK", "2026", "11")  # any write makes the totals again
    check_totals(store)


def test_damaged_totals_are_not_used_and_are_made_again(aidtrack: Aidtrack, store: Path) -> None:
    aidtrack.ok("init", "--sample")
    expected = aidtrack.json("compare")
    path = totals.path_for(store)
    good = path.read_bytes()
    header, _, body = good.partition(b"\n")
    for damaged in (b"", b"{", header + b"\n", good[:-20], header + b"\n{}\n" + body):
        path.write_bytes(damaged)
        assert totals.read(store, None, EVERY_YEAR) is None
        assert aidtrack.json("compare") == expected
    aidtrack.ok("add", *("Denmark", "DKK 1bn", "--to", "UA", "-y", "2026"))
    check_totals(store)


def test_links_across_donors_are_counted_from_the_records(aidtrack: Aidtrack, store: Path) -> None:
    """`check` reports such links; the totals, kept per donor, are dropped meanwhile."""
    aidtrack.ok("init", "--sample")
    data = json.loads(store.read_bytes())
    part = next(d for d in data["pledges"].values() if d["part_of"])
    part["donor"] = "Germany"  # a part now belongs to another donor's whole
    store.write_text(json.dumps(data))
    aidtrack.ok("add", *("Denmark", "DKK 1bn", "--to", "UA", "-y", "2026"))
    assert not totals.path_for(store).exists()
    with open_ledger(store) as ledger:
        assert ledger.crosses_donors()
        rates = ledger.rate_table()
        expected = yearly.report(ledger.pledges(), rates.convert, year=2026).to_json()
    assert aidtrack.json("report", "--year", "2026") == json.loads(json.dumps(expected))


def test_a_damaged_record_leaves_no_totals_and_reports_name_it(
    aidtrack: Aidtrack, store: Path
) -> None:
    aidtrack.ok("init", "--sample")
    raw = store.read_bytes()
    store.write_bytes(raw.replace(b'"amount":"85000000000"', b'"amount":"eighty-five"', 1))
    aidtrack.ok("add", *("Denmark", "DKK 1bn", "--to", "UA", "-y", "2026"))
    assert not totals.path_for(store).exists()
    result = aidtrack("report", "--year", "2026")
    assert result.exit_code == 3 and "is damaged" in result.stderr
