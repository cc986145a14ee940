"""The fast paths of large stores give exactly what the plain ones give (issues 17, 27).

A store is read a document per line when it has the layout aidtrack writes, and whole
otherwise; a record already in its stored form is printed as it is stored, any other is
built first; JSON is written a thousand rows at a time. An import reads each distinct
text of a field once, takes a plain web address without splitting it, and counts the
records it stored without reading them back. Each shortcut is compared here with the
plain path, on random input.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any
from unittest import mock

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aidtrack import (
    analysis,
    counting,
    groups,
    interchange,
    jsonout,
    layout,
    model,
    store,
    totals,
)
from aidtrack.model import Category, Instrument, Pledge, Qualifier, Source, Status, YearSpan

from .conftest import Aidtrack, examples

texts = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=12,
)
maybe_texts = st.none() | texts


@st.composite
def pledges(draw: st.DrawFn, pledge_id: str | None = None) -> Pledge:
    start = draw(st.integers(1990, 2040))
    end = start + draw(st.sampled_from([0, 0, 1, 4]))
    return Pledge(
        id=pledge_id or draw(texts),
        donor=draw(st.sampled_from(["Norway", "Germany", "Japan", "EU institutions"])),
        donor_code=draw(st.none() | st.sampled_from(["NOR", "DEU"])),
        recipient=draw(st.sampled_from(["Ukraine", "Moldova"])),
        recipient_code=draw(st.none() | st.just("UKR")),
        years=YearSpan(start, end),
        amount=draw(
            st.decimals(Decimal("0.01"), Decimal("9.99e17"), allow_nan=False, places=2)
            | st.integers(1, 10**17).map(Decimal)
        ),
        currency=draw(st.sampled_from(["NOK", "EUR", "USD"])),
        qualifier=draw(st.sampled_from(Qualifier)),
        status=draw(st.sampled_from(Status)),
        category=draw(st.sampled_from(Category)),
        label=draw(maybe_texts),
        instrument=draw(st.sampled_from(Instrument)),
        announced_on=draw(st.none() | st.just("2025-10-15")),
        sources=tuple(
            draw(st.lists(st.builds(Source, maybe_texts, maybe_texts, maybe_texts), max_size=2))
        ),
        supersedes=draw(maybe_texts),
        part_of=draw(maybe_texts),
        note=draw(maybe_texts),
        channel=draw(maybe_texts),
        created_at=draw(st.sampled_from(["", "2025-10-15T09:00:00Z"])),
        updated_at=draw(st.sampled_from(["", "2025-10-16T09:00:00Z"])),
    )


ODD_VALUES = [
    "",
    None,
    0,
    2026,
    2026.0,
    "5e9",
    "05",
    "1.50",
    [],
    [2026, 2026],
    [2030, 2026],
    {},
    True,
    "x",
]


@st.composite
def hand_edits(draw: st.DrawFn, doc: dict[str, Any]) -> dict[str, Any]:
    """What a person might do to a stored record in an editor."""
    edited = dict(doc)
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["drop", "set", "swap", "shift", "add", "reorder", "source"]))
        key = draw(st.sampled_from(sorted(edited) or ["id"]))
        if kind == "drop":
            edited.pop(key, None)
        elif kind == "set":
            edited[key] = draw(st.sampled_from(ODD_VALUES))
        elif kind == "swap":  # another field's value
            edited[key] = edited[draw(st.sampled_from(sorted(edited)))]
        elif kind == "shift":  # a year one off
            years = [k for k in ("year", "first_year", "last_year") if type(edited.get(k)) is int]
            if years:
                chosen = draw(st.sampled_from(years))
                edited[chosen] += draw(st.sampled_from([-1, 1]))
        elif kind == "add":
            edited["extra"] = 1
        elif kind == "reorder":
            edited = dict(reversed(list(edited.items())))
        elif isinstance(edited.get("sources"), list) and edited["sources"]:
            first = edited["sources"][0]
            first = first if isinstance(first, dict) else {}
            edited["sources"] = [{**first, "url": draw(st.sampled_from(ODD_VALUES))}]
    return edited


@given(pledges())
def test_every_record_aidtrack_writes_is_in_stored_form(pledge: Pledge) -> None:
    assert model.in_stored_form(pledge.to_json())
    assert model.in_stored_form(orjson.loads(orjson.dumps(pledge.to_json())))


@settings(max_examples=examples(400))
@given(st.data())
def test_a_record_in_stored_form_is_what_building_it_prints(data: st.DataObject) -> None:
    """Never a false yes: a document taken as stored is byte for byte what building
    the record and writing it back gives."""
    doc = data.draw(hand_edits(data.draw(pledges()).to_json()))
    if model.in_stored_form(doc):
        assert orjson.dumps(Pledge.from_json(doc).to_json()) == orjson.dumps(doc)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=8,
)
tables = st.dictionaries(
    st.sampled_from(["meta", "pledges", "rates", 'a"b']),
    st.dictionaries(st.integers(1, 99).map(str), st.dictionaries(texts, json_values), max_size=4),
    max_size=3,
)


@settings(max_examples=examples(50))
@given(tables)
def test_a_store_is_read_by_line_as_it_is_read_whole(data: layout.Tables) -> None:
    raw = layout.serialize(data)
    assert layout.read_tables(raw) == orjson.loads(raw) == data


@settings(max_examples=examples(150))
@given(tables, st.data())
def test_a_store_edited_by_hand_is_read_by_line_only_if_that_is_the_same(
    data: layout.Tables, draw: st.DataObject
) -> None:
    raw = bytearray(layout.serialize(data))
    for _ in range(draw.draw(st.integers(1, 3))):
        # Mostly where the layout is: commas, braces, line ends.
        marks = [at for at, byte in enumerate(raw) if byte in b",{}\n"]
        at = draw.draw(st.sampled_from(marks) | st.integers(0, len(raw)))
        if draw.draw(st.booleans()) and at < len(raw):
            del raw[at]
        else:
            raw[at:at] = draw.draw(st.sampled_from([b",", b"{", b"}", b"\n", b'"', b" ", b"\\"]))
    by_line = layout.read_tables(bytes(raw))
    try:
        whole = orjson.loads(bytes(raw))
    except orjson.JSONDecodeError:
        assert by_line is None
    else:
        assert by_line is None or by_line == whole


selections = st.builds(
    analysis.Selection,
    donors=st.frozensets(st.sampled_from(["Norway", "Germany", "Japan"]), max_size=2),
    recipients=st.frozensets(st.sampled_from(["Ukraine", "Moldova"]), max_size=1),
    years=st.none() | st.integers(1990, 2040).map(lambda year: YearSpan(year, year + 2)),
    statuses=st.frozensets(st.sampled_from(Status), max_size=2),
    categories=st.frozensets(st.sampled_from(Category), max_size=2),
    include_superseded=st.booleans(),
    group=st.none() | st.sampled_from([groups.built_in()[name] for name in ("eu", "nordic")]),
)


@settings(max_examples=examples(300))
@given(st.lists(pledges(), max_size=8), selections, st.data())
def test_a_selection_that_narrows_nothing_keeps_what_matching_every_record_keeps(
    records: list[Pledge], selection: analysis.Selection, data: st.DataObject
) -> None:
    """`select` skips the per-record match only when no filter is given."""
    rows = [pledge.to_json() for pledge in records]
    gone = data.draw(st.sets(st.sampled_from([row["id"] for row in rows] or ["-"])))
    plain = [
        row
        for row in rows
        if (selection.include_superseded or row["id"] not in gone) and selection.matches_json(row)
    ]
    assert analysis.select(rows, selection, gone) == plain


@given(st.lists(pledges(), max_size=12))
def test_the_year_order_is_that_of_years_then_donor(records: list[Pledge]) -> None:
    rows = [pledge.to_json() for pledge in records]
    by_tuple = sorted(rows, key=lambda r: (r["first_year"], r["last_year"], r["donor"]))
    assert analysis.sort(rows, "year") == by_tuple


@pytest.mark.parametrize("count", [0, 1, 999, 1000, 1001, 2500])
def test_json_written_in_pieces_is_one_document(count: int) -> None:
    rows = [{"id": f"p{n}", "amount": str(n), "sources": [{"url": None}]} for n in range(count)]
    assert b"".join(jsonout.json_pieces(rows)) == jsonout.json_bytes(rows)
    assert b"".join(jsonout.json_pieces(rows, pretty=False)) == b"".join(
        jsonout.json_bytes(row, pretty=False) for row in rows
    )


@st.composite
def stores(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Records with revisions and parts among them, a few of them edited by hand in
    ways that leave them readable."""
    docs = []
    for n in range(draw(st.integers(0, 12))):
        pledge = draw(pledges(pledge_id=f"p{n + 1}"))
        links = {"supersedes": None, "part_of": None}
        if n and draw(st.booleans()):
            links[draw(st.sampled_from(sorted(links)))] = f"p{draw(st.integers(1, n))}"
        doc = pledge.to_json() | links
        if draw(st.integers(0, 4)) == 0:
            readable = st.sampled_from(
                [
                    lambda d: {k: v for k, v in d.items() if k not in ("first_year", "last_year")},
                    lambda d: d | {"amount": f"{Decimal(d['amount']):E}"},
                    lambda d: d | {"label": ""},
                    lambda d: d | {"extra": True},
                    lambda d: dict(reversed(list(d.items()))),
                ]
            )
            doc = draw(readable)(doc)
        docs.append(doc)
    return docs


READINGS = [
    ["list", "--json"],
    ["list", "--json", "--all", "--sort", "amount", "--desc"],
    ["list", "--format", "ndjson", "--donor", "Norway", "--sort", "donor"],
    ["list", "--format", "csv", "--all", "--year", "2020-2030"],
    ["list", "--all", "--limit", "0"],
    ["list", "--currency", "EUR", "--json", "--status", "committed", "--status", "announced"],
    ["export", "--format", "json", "--all", "--to", "all"],
    ["export", "--format", "ndjson", "--category", "military"],
    ["export", "--format", "csv"],
]


@settings(
    max_examples=examples(15),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(stores())
def test_listing_and_export_print_what_building_every_record_prints(
    aidtrack: Aidtrack, store_path: Path, docs: list[dict[str, Any]]
) -> None:
    """Three ways to print the same: records taken as stored because the year totals
    say all are in stored form, each looked at, and every one built."""
    from aidtrack import totals

    tables = store_tables(docs)
    store.write(store_path, tables)
    totals.rebuild(store_path)
    never = mock.patch.object(model, "in_stored_form", lambda doc: False)
    not_said = mock.patch.object(totals, "all_in_stored_form", lambda *args: False)
    for args in READINGS:
        vouched = aidtrack(*args)
        with not_said:
            looked_at = aidtrack(*args)
        with never, not_said:
            built = aidtrack(*args)
        printed = [(r.exit_code, r.stdout, r.stderr) for r in (vouched, looked_at, built)]
        assert printed[0] == printed[1] == printed[2], args


@pytest.fixture
def store_path(store: Path) -> Path:
    store.parent.mkdir(parents=True, exist_ok=True)
    return store


@st.composite
def writes(draw: st.DrawFn) -> list[list[str]]:
    """Command lines that write: adds (parts of stored records among them), edits (of
    the donor and years too, which move the records linked), removals and rates; the
    first a forced add, which is always written."""
    first = ["add", "Norway", "5", "--currency", "NOK", "--to", "Ukraine", "--year", "2026"]
    lines = [[*first, "--source", "https://x.org/a", "--force"]]
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["add", "add", "part", "edit", "edit", "remove", "rate"]))
        some_id = f"p{draw(st.integers(1, 14))}"
        amount = str(draw(st.integers(1, 10**6)))
        if kind == "rate":
            lines.append(["rates", "set", "NOK", "2026", "0.0" + amount[:3]])
        elif kind == "remove":
            lines.append(["remove", some_id, "--yes"])
        elif kind == "edit":
            change = draw(
                st.sampled_from(
                    [
                        ["--amount", amount],
                        ["--label", amount],
                        ["--donor", draw(st.sampled_from(["Norway", "Japan"]))],
                        ["--year", draw(st.sampled_from(["2025", "2026", "2024-2027"]))],
                    ]
                )
            )
            lines.append(["edit", some_id, *change])
        else:
            donor = draw(st.sampled_from(["Norway", "Germany", "Japan"]))
            year = draw(st.sampled_from(["2025", "2026", "2025-2027"]))
            fields = ["--currency", "NOK", "--to", "Ukraine", "--year", year]
            fields += ["--category", draw(st.sampled_from(Category)).value]
            if kind == "part":
                fields = ["--part-of", some_id, "--category", draw(st.sampled_from(Category)).value]
            force = ["--force"] if draw(st.booleans()) else []
            lines.append(["add", donor, amount, *fields, "--source", "https://x.org/a", *force])
    return lines


WRITE_RUNS = settings(
    max_examples=examples(30),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
"""Runs of commands on a generated store, each run twice."""


def store_tables(docs: list[dict[str, Any]]) -> layout.Tables:
    """A store of the records `docs`, as aidtrack writes one."""
    return {
        store.META: {"1": {"schema_version": store.SCHEMA_VERSION, "next_serial": len(docs) + 1}},
        store.PLEDGES: {str(n): doc for n, doc in enumerate(docs, start=1)},
    }


@WRITE_RUNS
@given(stores(), writes())
def test_writes_that_read_the_store_by_the_line_leave_what_plain_writes_leave(
    aidtrack: Aidtrack, store_path: Path, docs: list[dict[str, Any]], commands: list[list[str]]
) -> None:
    """A write reads the records table by the line when the year totals name the
    store's bytes, and reads no more of it (adds, edits and removals alike); forced to
    read it whole instead, the same commands print the same and leave the same bytes
    in the store and its totals."""
    from aidtrack import totals

    tables = store_tables(docs)
    outcomes = []
    read_by_line = layout.records_by_line
    used: list[bool] = []

    def counted(raw: bytes, name: str) -> layout.RecordsByLine | None:
        found = read_by_line(raw, name)
        used.append(found is not None)
        return found

    read_whole = layout.RecordsByLine.docs
    whole: list[bool] = []

    def every_record(lines: layout.RecordsByLine) -> dict[str, dict[str, Any]]:
        whole.append(True)
        return read_whole(lines)

    for by_line in (True, False):
        store.write(store_path, tables)
        totals.rebuild(store_path)
        odd = not totals.all_in_stored_form(store_path, store.digest(store_path.read_bytes()))
        printed = []
        reading = counted if by_line else lambda *a: None
        # One clock for both, so that the records added carry the same times.
        clock = mock.patch.object(model, "now", lambda: "2026-12-01T12:00:00Z")
        watched = mock.patch.object(layout.RecordsByLine, "docs", every_record)
        with mock.patch.object(layout, "records_by_line", reading), clock, watched:
            for args in commands:
                done = aidtrack(*args)
                printed.append((done.exit_code, done.stdout, done.stderr))
        totals_path = totals.path_for(store_path)
        left = totals_path.read_bytes() if totals_path.exists() else b""
        outcomes.append((printed, store_path.read_bytes(), left))
        # What the totals say of the records holds.
        kept = store.read(store_path).data.get(store.PLEDGES, {}).values()
        if totals.all_in_stored_form(store_path, store.digest(store_path.read_bytes())):
            assert all(map(model.in_stored_form, kept))
    assert outcomes[0] == outcomes[1]
    assert used, "no write read the store: the two runs were one path"
    assert all(used), "a write read the store whole though the totals named its bytes"
    # Only to learn whether a store that held records not in stored form still does.
    assert odd or not whole, "a write read the store by the line, then every record of it"


@st.composite
def linking_writes(draw: st.DrawFn) -> list[list[str]]:
    """`writes`, with revisions and deliveries among them: every kind of link."""
    lines = draw(writes())
    for _ in range(draw(st.integers(0, 4))):
        some_id = f"p{draw(st.integers(1, 14))}"
        amount = str(draw(st.integers(1, 10**6)))
        source = ["--source", "https://x.org/b"]
        lines.insert(
            draw(st.integers(1, len(lines))),
            draw(
                st.sampled_from(
                    [
                        ["revise", some_id, amount, *source],
                        ["deliver", some_id, amount, "--status", "disbursed", *source],
                    ]
                )
            ),
        )
    return lines


@WRITE_RUNS
@given(stores(), linking_writes())
def test_writes_that_take_the_links_from_the_totals_leave_what_reading_the_records_leaves(
    aidtrack: Aidtrack, store_path: Path, docs: list[dict[str, Any]], commands: list[list[str]]
) -> None:
    """A write takes every record's links from the year totals when they name the bytes
    it read; made to read them from the records instead, the same commands print the
    same and leave the same store and totals. After each write the totals' links are
    those of the records."""
    tables = store_tables(docs)
    outcomes = []
    from_totals = totals.links
    for shortcut in (True, False):
        store.write(store_path, tables)
        totals.rebuild(store_path)
        printed = []
        clock = mock.patch.object(model, "now", lambda: "2026-12-01T12:00:00Z")
        links = mock.patch.object(totals, "links", from_totals if shortcut else lambda *a: None)
        with clock, links:
            for args in commands:
                done = aidtrack(*args)
                printed.append((done.exit_code, done.stdout, done.stderr))
                digest = store.digest(store_path.read_bytes())
                kept = from_totals(store_path, digest)
                if kept is not None:
                    having = store.read(store_path).data.get(store.PLEDGES, {}).values()
                    records = [d for d in having if any(type(d.get(f)) is str for f in LINKED)]
                    assert kept == counting.links_of(records)
        totals_path = totals.path_for(store_path)
        left = totals_path.read_bytes() if totals_path.exists() else b""
        outcomes.append((printed, store_path.read_bytes(), left))
    assert outcomes[0] == outcomes[1]


def test_an_edit_takes_the_links_from_the_totals(aidtrack: Aidtrack, store_path: Path) -> None:
    """The shortcut the test above holds to the plain path is taken: an edit of a
    store whose totals name its bytes reads no linked record to learn the links."""
    aidtrack.ok("add", "Norway", "NOK 10bn", "--to", "Ukraine", "-y", "2026")
    aidtrack.ok("add", "Norway", "NOK 4bn", "--part-of", "p1", "--category", "military")
    having = mock.patch.object(store.Store, "having", side_effect=AssertionError("read"))
    with having:
        aidtrack.ok("edit", "p1", "--label", "Nansen")
    assert from_the_totals(store_path) == [("p2", None, "p1", None)]


def from_the_totals(path: Path) -> list[Any] | None:
    return totals.links(path, store.digest(path.read_bytes()))


LINKED = ("supersedes", "part_of", "delivery_of")


@settings(max_examples=examples(100), deadline=None)
@given(st.lists(st.dictionaries(texts, json_values, max_size=3), max_size=6), st.data())
def test_records_changed_and_removed_by_the_line_are_written_as_when_read_whole(
    records: list[dict[str, Any]], data: st.DataObject
) -> None:
    """Lines changed, dropped (the first, the last, side by side) and added after a
    drop: the bytes written are those of the same changes to the table read whole."""
    import tempfile

    numbers = st.integers(1, len(records) + 1)
    changes = data.draw(st.lists(st.tuples(st.sampled_from(["edit", "drop", "add"]), numbers)))
    tables = {
        store.META: {"1": {"schema_version": store.SCHEMA_VERSION}},
        store.PLEDGES: {str(n): {**doc, "id": f"p{n}"} for n, doc in enumerate(records, 1)},
    }
    raw = layout.serialize(tables)
    written = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.json"
        for vouched in (store.digest(raw), ""):
            path.write_bytes(raw)
            with store.open_store(path, write=True, vouched=vouched) as opened:
                assert opened.by_line == bool(vouched)
                for kind, n in changes:
                    found = opened.find(store.PLEDGES, "id", [f"p{n}"])
                    if kind == "add":
                        opened.insert(store.PLEDGES, [{"id": f"p{n}", "added": True}])
                    elif found and kind == "edit":
                        opened.update(store.PLEDGES, [str(n)], lambda doc: doc.update(x=1))
                    elif found:
                        opened.remove(store.PLEDGES, [str(n)])
                opened.save()
            written.append(path.read_bytes())
    assert written[0] == written[1]


# Import (issue 27) ---------------------------------------------------------------------

FIELD_NAMES = [*(f.name for f in model.RECORD), "year", "source_url", "extra"]
GIVEN_TEXTS = [
    *("Norway", "NOR", " norway ", "Narnia", "Ukraine", "EU institutions", "", " "),
    *("2026", "2023-2027", "2023\u20132027", "3000", "x", "85bn", "NOK 85bn", "12.3.4"),
    *("1.001", "5", "0", "-5", "NOK", "nok", "XAU", "JPY", "Committed", "at_least"),
    *("promised", "military ", "2025-10-15", "2099-01-01", "yesterday", "p1", " p2 ", "bad id"),
    *("a\x00b", "x\udc80", "2025-10-15T12:00:00Z"),
]
given_values = (
    st.sampled_from(GIVEN_TEXTS)
    | st.none()
    | st.integers(1940, 2110)
    | st.lists(st.integers(2020, 2030), max_size=3)
    | st.sampled_from([Status.COMMITTED, Decimal("5.50"), True])
)


def built(builder: model.Builder, given: dict[str, Any]) -> Any:
    """What a builder makes of one record's fields: its values, or every problem."""
    try:
        return builder.values(given, [Source("https://x.org/a")])
    except model.InvalidRecord as error:
        return error.problems


@settings(max_examples=examples(300))
@given(st.lists(st.dictionaries(st.sampled_from(FIELD_NAMES), given_values), max_size=8))
def test_a_builder_reads_a_text_once_as_it_would_read_it_again(rows: list[dict[str, Any]]) -> None:
    """A file's rows share a builder, which reads each distinct text of a field once:
    every row gives what a builder of its own (which reads every value) gives."""
    shared = model.Builder("2026-12-01T12:00:00Z")
    for row in rows:
        assert built(shared, row) == built(model.Builder("2026-12-01T12:00:00Z"), row)


@settings(max_examples=examples(300))
@given(
    st.dictionaries(st.sampled_from(FIELD_NAMES), given_values),
    st.lists(st.builds(Source, st.none() | st.just("https://x.org/a"), maybe_texts, maybe_texts)),
)
def test_every_record_a_builder_builds_is_written_in_stored_form(
    extra: dict[str, Any], sources: list[Source]
) -> None:
    """The year totals count the records a write stored as they were built, not as
    read back from what they wrote (`totals._known`): reading gives the same record
    because what a builder builds is written in stored form, whatever else it is given."""
    given_fields = {"donor": "Norway", "recipient": "Ukraine", "year": "2026", **extra}
    try:
        record = model.Builder().build({"amount": "NOK 85bn", **given_fields}, sources=sources)
    except model.InvalidRecord:
        return
    record = record if record.id else replace(record, id="p1")  # the write gives one
    assert model.in_stored_form(record.to_json())
    assert Pledge.from_json(record.to_json()) == record


URL_PARTS = [*"htps:/HTPS.-[]@?#:%x1 \t\n\x01\u00e9", "http://", "https://", "HTTP://", "www"]


@settings(max_examples=examples(500))
@given(st.lists(st.sampled_from(URL_PARTS), max_size=10).map("".join))
def test_a_plain_web_address_is_what_splitting_it_says(url: str) -> None:
    fast = model.source_problems([Source(url)])
    with mock.patch.object(model, "_PLAIN_WEB_ADDRESS", re.compile("(?!)")):
        assert model.source_problems([Source(url)]) == fast


cell_texts = st.text(st.sampled_from("'=+-@,;\t a\"\r\n"), max_size=6)


@settings(max_examples=examples(200))
@given(st.lists(st.lists(cell_texts, min_size=6, max_size=6), max_size=5))
def test_a_csv_row_is_read_back_as_it_was_exported(rows: list[list[str]]) -> None:
    """Only a row with a `'` in it has a cell that export neutralised: the others are
    taken as they are, and every row reads back as its cells were."""
    header = ["donor", "recipient", "year", "amount", "currency", "note"]
    text = interchange.delimited([header, *rows])
    drafts = interchange._csv_drafts(text, "the file", [])
    kept = [row for row in rows if "".join(map(interchange.neutralise, row)).strip()]
    assert [draft.fields for draft in drafts] == [
        dict(zip(header, row, strict=True)) for row in kept
    ]


@contextlib.contextmanager
def plain_import() -> Iterator[None]:
    """An import without the shortcuts of issue 27: every value read every time, every
    web address split, every stored record read back from its JSON to be counted."""
    with (
        mock.patch.object(model, "_OWN_TEXTS", tuple(FIELD_NAMES)),
        mock.patch.object(model, "_PLAIN_WEB_ADDRESS", re.compile("(?!)")),
        mock.patch.object(totals, "_known", lambda *args: {}),
    ):
        yield


WEB_ADDRESSES = [
    *("https://x.org/a", "http://news.example.org/2024/x?y#z", "HTTPS://EXAMPLE.ORG"),
    *("https://x.org:8080/a", " https://x.org ", "https://[::1]/", "https://user@x.org/"),
]
ODD_CELLS = [
    *("Narnia", "NOR", " norway ", "12.3.4", "85bn", "NOK 85bn", "0", "-5", "1.001"),
    *("3000", "2023\u20132025", "", "nok", "XAU", "Committed", "promised", "2099-01-01"),
    *("yesterday", "p1", "p99", "bad id", "=1+1", "x;=cmd", "'=quoted", "javascript:x"),
    *("ftp://x", "https://ex ample.org/", "https://[::1/", *WEB_ADDRESSES),
]


@st.composite
def import_rows(draw: st.DrawFn) -> list[list[str]]:
    """A CSV file's rows as aidtrack exports them: revisions, parts and deliveries of
    earlier rows, several sources, cells a spreadsheet would run neutralised; its ids
    those of the stores drawn (`p1`...) or others; some cells made wrong or odd."""
    prefix = draw(st.sampled_from(["p", "r", "r"]))
    web = st.sampled_from(WEB_ADDRESSES)
    sources = st.builds(Source, web, st.none() | st.just("2025-10-15"), maybe_texts)
    records: list[Pledge] = []
    for n in range(draw(st.integers(1, 10))):
        record = replace(
            draw(pledges(pledge_id=f"{prefix}{n + 1}")),
            supersedes=None,
            part_of=None,
            sources=tuple(draw(st.lists(sources, max_size=2))),
        )
        if records and draw(st.booleans()):
            of = draw(st.sampled_from(records))
            link = draw(st.sampled_from(["supersedes", "part_of", "delivery_of"]))
            record = replace(record, donor=of.donor, **{link: of.id})
            if link != "supersedes":  # a share of its whole, or delivered of its pledge
                first = YearSpan(of.years.start, of.years.start)
                record = replace(
                    record,
                    recipient=of.recipient,
                    currency=of.currency,
                    years=of.years if link == "part_of" else first,
                    status=of.status if link == "part_of" else Status.DISBURSED,
                    amount=max(Decimal("0.01"), (of.amount / 4).quantize(Decimal("0.01"))),
                )
        records.append(record)
    rows = [
        [row[column] for column in model.CSV_COLUMNS]
        for record in records
        for row in interchange.csv_rows(record)
    ]
    for _ in range(draw(st.sampled_from([0, 0, 1, 3]))):
        row = draw(st.sampled_from(rows))
        row[draw(st.integers(0, len(row) - 1))] = draw(st.sampled_from(ODD_CELLS))
    return rows


IMPORT_OPTIONS = [[], ["--force"], ["--update", "--force"], ["--dry-run"], ["--json"]]
IMPORT_OPTIONS += [["--rejects"]]  # a column map's read: rows refused on their own set aside


@settings(
    max_examples=examples(30),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.none() | stores(),
    st.sampled_from(["layout", "by hand", "no totals"]),
    import_rows(),
    st.sampled_from(IMPORT_OPTIONS),
)
def test_an_import_does_what_the_plain_import_does(
    aidtrack: Aidtrack,
    store_path: Path,
    docs: list[dict[str, Any]] | None,
    written: str,
    rows: list[list[str]],
    options: list[str],
) -> None:
    """Into no store, or a store of records (some edited by hand, in aidtrack's layout
    or not, with or without its year totals), a file with rows that are wrong or odd:
    with and without the shortcuts, the same output, store, year totals and rejects."""
    file = store_path.parent / "in.csv"
    file.write_text(interchange.delimited([list(model.CSV_COLUMNS), *rows]), encoding="utf-8")
    rejects = store_path.parent / "rejects.csv"
    args = [*options, str(rejects)] if options == ["--rejects"] else options
    outcomes = []
    for plain in (False, True):
        for path in (store_path, totals.path_for(store_path), rejects):
            path.unlink(missing_ok=True)
        if docs is not None:
            tables = {
                store.META: {"1": {"schema_version": store.SCHEMA_VERSION}},
                store.PLEDGES: {str(n): doc for n, doc in enumerate(docs, start=1)},
            }
            if written == "by hand":
                store_path.write_text(json.dumps(tables, indent=1))
            else:
                store.write(store_path, tables)
            if written != "no totals":
                totals.rebuild(store_path)
        clock = mock.patch.object(model, "now", lambda: "2026-12-01T12:00:00Z")
        with clock, plain_import() if plain else contextlib.nullcontext():
            done = aidtrack("import", str(file), *args)
        files = [path.read_bytes() if path.exists() else b"" for path in (store_path, rejects)]
        left = totals.path_for(store_path)
        files.append(left.read_bytes() if left.exists() else b"")
        outcomes.append((done.exit_code, done.stdout, done.stderr, files))
    assert outcomes[0] == outcomes[1]


def test_an_import_takes_each_shortcut_and_does_what_the_plain_import_does(
    aidtrack: Aidtrack, store_path: Path
) -> None:
    """The starter dataset into a store: each shortcut is taken (or the random runs
    above could compare the plain path with itself), and changes nothing."""
    from .conftest import STARTER_CSV

    known = totals._known
    found: list[int] = []

    def watched(*args: Any) -> dict[int, Pledge]:
        records = known(*args)
        found.append(len(records))
        return records

    outcomes = []
    for plain in (False, True):
        for path in (store_path, totals.path_for(store_path)):
            path.unlink(missing_ok=True)
        clock = mock.patch.object(model, "now", lambda: "2026-12-01T12:00:00Z")
        with clock, plain_import() if plain else mock.patch.object(totals, "_known", watched):
            done = aidtrack("import", str(STARTER_CSV))
        stored = [path.read_bytes() for path in (store_path, totals.path_for(store_path))]
        outcomes.append((done.exit_code, done.stdout, done.stderr, stored))
    assert outcomes[0][0] == 0
    assert outcomes[0] == outcomes[1]
    rows = list(csv.DictReader(io.StringIO(STARTER_CSV.read_text(encoding="utf-8"))))
    assert found == [len({row["id"] for row in rows})], "the records stored were read back"
    urls = [row["source_url"] for row in rows if row["source_url"]]
    assert all(map(model._PLAIN_WEB_ADDRESS.match, urls)), "no web address was taken as plain"
    shared = model.Builder()
    for row in rows:
        built(shared, row)
    assert shared._read["donor"], "no text was read once"
