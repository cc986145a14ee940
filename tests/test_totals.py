"""The year totals beside the store: made from the store's exact bytes by these exact
counting rules, or not used at all; and never a different answer from the records."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aidtrack import counting, totals, yearly
from aidtrack.counting import Counted, Tally
from aidtrack.ledger import open_ledger
from aidtrack.model import EVERY_YEAR, Category, Status, YearSpan, build
from aidtrack.rates import UserRate
from aidtrack.store import Store, digest

from .conftest import Aidtrack, examples


def normal(tally: Tally) -> tuple[Any, ...]:
    """A tally as values, whichever way its sums were grouped and ordered."""
    merged: dict[Any, Counted] = {}
    for counted in tally.counted:
        have = merged.get(counted.key)
        merged[counted.key] = counted if have is None else have + counted
    return (
        {
            key: (c.amount, c.qualifiers, dict(c.by_category), dict(c.reached), sorted(c.notes))
            for key, c in merged.items()
        },
        sorted(
            (
                json.dumps(whole.to_json()),
                sorted(json.dumps(p.to_json()) for p in parts),
                sorted(json.dumps(d.to_json()) for d in deliveries),
            )
            for whole, parts, deliveries in tally.mixed
        ),
        sorted(
            (json.dumps(p.to_json(), sort_keys=True), sorted(map(str, done)))
            for p, done in tally.envelopes
        ),
    )


def recount(path: Path, years: YearSpan | None = None) -> Tally:
    """The plain count: every record of the store, whatever is kept beside it."""
    with open_ledger(path) as ledger:
        return Tally.of(ledger.pledges()).within(years)


def check_totals(path: Path) -> None:
    """The totals on disk are those of the store as it is, and say what every record says."""
    assert totals.is_current(path), "a write left the totals stale or missing"
    tally, _ = totals.read_tally(path, envelopes=EVERY_YEAR)
    assert normal(tally) == normal(recount(path))


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


def apply(path: Path, serial: int, kind: str, drawn: dict[str, Any]) -> None:
    """One command's worth of writing, as the commands do it; a write the rules refuse
    changes nothing."""
    pick = drawn.pop("pick")
    try:
        with open_ledger(path, write=True) as ledger:
            current = ledger.current()
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
                ledger.revise(chosen.id, {"status": drawn["status"], "year": drawn["year"]})
            elif kind == "edit":
                ledger.edit(chosen.id, {"year": drawn["year"], "amount": drawn["amount"]})
            elif not any(chosen.id in targets for _, *targets in ledger.links()):
                ledger.remove(chosen.id)
    except ValueError:  # refused by the rules (InvalidInput is a ValueError): nothing written
        pass


@settings(
    max_examples=examples(60),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(steps())
def test_every_write_leaves_the_totals_of_the_whole_store(
    tmp_path_factory: Any, drawn: list[tuple[str, dict[str, Any]]]
) -> None:
    path = tmp_path_factory.mktemp("totals") / "pledges.json"
    for serial, (kind, fields) in enumerate(drawn):
        apply(path, serial, kind, fields)
        if path.exists():
            check_totals(path)


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


def same_size_edit(path: Path, old: bytes, new: bytes) -> None:
    """Rewrite the store in place, as another program would: same size, same times."""
    assert len(old) == len(new)
    before = os.stat(path)
    raw = path.read_bytes()
    assert old in raw
    with path.open("r+b") as handle:
        handle.write(raw.replace(old, new))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(path).st_size == before.st_size


def test_a_same_size_edit_in_the_same_second_is_counted_from_the_records(
    aidtrack: Aidtrack, store: Path
) -> None:
    aidtrack.ok("init", "--sample")
    before = aidtrack.json("report", "--year", "2026", "--currency", "NOK")
    same_size_edit(store, b'"amount":"85000000000"', b'"amount":"95000000000"')
    assert not totals.is_current(store)
    after = aidtrack.json("report", "--year", "2026", "--currency", "NOK")
    assert before["total"]["amount"] != after["total"]["amount"]
    norway = next(d for d in after["donors"] if d["donor"] == "Norway")
    assert norway["amount"] == norway["previous_amount"] == "95000000000.00"
    aidtrack.ok("rates", "set", "NOK", "2026", "11")  # any write makes the totals again
    check_totals(store)


def test_a_change_between_the_store_and_its_totals_is_never_read_as_counted(
    aidtrack: Aidtrack, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program rewrites the store after a write replaced it, before the totals
    are written: the totals name the bytes that were written, not those on disk."""
    aidtrack.ok("init", "--sample")
    refresh = totals.refresh

    def edited_meanwhile(saved: Store, *rest: Any) -> None:
        same_size_edit(saved.path, b'"amount":"70000000000"', b'"amount":"60000000000"')
        refresh(saved, *rest)

    monkeypatch.setattr(totals, "refresh", edited_meanwhile)
    aidtrack.ok("add", "Denmark", "DKK 1bn", "--to", "UA", "-y", "2026")
    assert not totals.is_current(store)
    report = aidtrack.json("report", "--year", "2026", "--currency", "NOK")
    norway = next(d for d in report["donors"] if d["donor"] == "Norway")
    assert norway["by_category"]["military"] == "60000000000.00"
    assert normal(totals.read_tally(store, envelopes=EVERY_YEAR)[0]) == normal(recount(store))


def test_totals_of_other_counting_rules_are_not_used(
    aidtrack: Aidtrack, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    aidtrack.ok("init", "--sample")
    assert totals.is_current(store)
    monkeypatch.setattr(counting, "RULES", counting.RULES + 1)
    assert not totals.is_current(store)
    aidtrack.ok("rates", "set", "NOK", "2026", "11")
    assert totals.is_current(store)  # made again by the new rules


def test_damaged_totals_are_not_used_and_are_made_again(aidtrack: Aidtrack, store: Path) -> None:
    aidtrack.ok("init", "--sample")
    expected = aidtrack.json("compare")
    path = totals.path_for(store)
    good = path.read_bytes()
    header, _, body = good.partition(b"\n")
    lines = body.splitlines(keepends=True)
    for damaged in (
        b"",
        b"{",
        header + b"\n",
        good[:-20],
        header + b"\n" + b"".join(lines[:-1]),  # cut at a line's end
        header + b"\n{}\n" + body,
        header + b"\n" + body.replace(b"85000000000", b"95000000000"),
    ):
        path.write_bytes(damaged)
        assert not totals.is_current(store)
        assert aidtrack.json("compare") == expected
    aidtrack.ok("add", *("Denmark", "DKK 1bn", "--to", "UA", "-y", "2026"))
    check_totals(store)


def test_links_kept_in_the_totals_are_used_only_whole(aidtrack: Aidtrack, store: Path) -> None:
    """The totals keep every record's links (a write reads them there, not from every
    linked record); a links line changed or cut is not used, and the write that finds
    it so reads the records and leaves the links whole again."""
    aidtrack.ok("init", "--sample")
    path = totals.path_for(store)
    header, links, body = path.read_bytes().split(b"\n", 2)
    kept = totals.links(store, digest(store.read_bytes()))
    assert kept is not None and ("nor-2026-mil", None, "nor-2026", None) in kept
    for damaged in (links.replace(b'"nor-2026"', b'"nor-2025"'), links[:-5], b"{}"):
        path.write_bytes(b"\n".join([header, damaged, body]))
        assert totals.links(store, digest(store.read_bytes())) is None
    aidtrack.ok("edit", "nor-2026-mil", "--label", "Nansen")
    assert totals.links(store, digest(store.read_bytes())) == kept
    check_totals(store)


def test_links_across_donors_count_the_same_on_every_path(aidtrack: Aidtrack, store: Path) -> None:
    """`check` reports such links (no write makes them); counting them never depends
    on whether the totals were read."""
    aidtrack.ok("init", "--sample")
    data = json.loads(store.read_bytes())
    part = next(d for d in data["pledges"].values() if d["id"] == "nor-2026-mil")
    part["donor"] = "Germany"  # a part now belongs to another donor's whole
    store.write_text(json.dumps(data))
    aidtrack.ok("add", *("Denmark", "DKK 1bn", "--to", "UA", "-y", "2026"))
    check_totals(store)
    with_totals = aidtrack.json("report", "--year", "2026")
    aidtrack.ok("add", *("Germany", "EUR 1bn", "--to", "UA", "-y", "2027"))  # touches Germany
    check_totals(store)
    totals.path_for(store).unlink()
    assert aidtrack.json("report", "--year", "2026") == with_totals
    assert "nor-2026 is Norway's pledge; a Germany record" in aidtrack("check").stdout
    aidtrack.ok("rates", "set", "NOK", "2020", "9")  # totals again
    aidtrack.ok("remove", "nor-2026-mil", "--yes")  # a German record that split Norway's
    check_totals(store)


def test_a_damaged_record_leaves_no_totals_and_reports_name_it(
    aidtrack: Aidtrack, store: Path
) -> None:
    aidtrack.ok("init", "--sample")
    raw = store.read_bytes()
    damaged = raw.replace(b'"amount":"85000000000"', b'"amount":"eighty-five"', 1)
    store.write_bytes(damaged)
    result = aidtrack("add", *("Denmark", "DKK 1bn", "--to", "UA", "-y", "2026"))
    assert result.exit_code == 3 and "is damaged" in result.stderr  # never rewritten
    assert store.read_bytes() == damaged and not totals.is_current(store)
    result = aidtrack("report", "--year", "2026")
    assert result.exit_code == 3 and "is damaged" in result.stderr


def test_the_totals_header_names_the_store_bytes_and_the_rules(
    aidtrack: Aidtrack, store: Path
) -> None:
    aidtrack.ok("init", "--sample")
    header = orjson.loads(totals.path_for(store).read_bytes().partition(b"\n")[0])
    assert header["store"] == digest(store.read_bytes())
    assert header["rules"] == counting.RULES
    assert header["totals"] == totals.FORMAT
    assert os.stat(totals.path_for(store)).st_mode & 0o777 == 0o600


def test_a_report_builds_only_the_records_its_years_need(
    aidtrack: Aidtrack, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without totals, a report on two years builds the records of those years, the
    parts of their wholes and the wholes of their parts, and no other."""
    aidtrack.ok("init", "--sample")
    totals.path_for(store).unlink()
    built: list[str] = []
    from_json = totals.Pledge.from_json

    def counting_builds(data: Any) -> Any:
        built.append(data["id"])
        return from_json(data)

    monkeypatch.setattr(totals.Pledge, "from_json", counting_builds)
    tally, _ = totals.read_tally(store, YearSpan(2023, 2023), envelopes=YearSpan(2023, 2023))
    assert set(built) == {
        "nor-nansen-2030",  # the envelopes touching 2023
        "nor-2023",
        "nor-2023-civ",
        "nor-2023-mil",
    }
    monkeypatch.undo()
    assert normal(tally) == normal(recount(store, YearSpan(2023, 2023)))
    assert yearly.report(tally, totals.read_tally(store)[1].convert, year=2023).rows


def test_a_store_written_before_the_rules_counts_alike_on_every_path(
    aidtrack: Aidtrack, store: Path
) -> None:
    """The store of the issue's second repro, written before a part had to lie within
    its whole's years: a 2026 tranche of a 2023-2024 envelope."""
    aidtrack.ok("add", "Norway", "20bn", "-c", "NOK", "-y", "2023-2024", "--to", "UA")
    aidtrack.ok("add", "Norway", "5bn", "-c", "NOK", "-y", "2024", "--part-of", "p1")
    same_size_edit(store, b'"year":2024', b'"year":2026')  # p2 now lies outside p1
    aidtrack.ok("rates", "set", "NOK", "2020", "9")  # a write: the totals again
    check_totals(store)
    with_totals = aidtrack.json("report", "--year", "2026", "--currency", "NOK")
    assert [d["donor"] for d in with_totals["donors"]] == ["Norway"]
    totals.path_for(store).unlink()
    assert aidtrack.json("report", "--year", "2026", "--currency", "NOK") == with_totals
    assert "p2 (2026) lies outside its whole p1 (2023-2024)" in aidtrack("check").stdout
