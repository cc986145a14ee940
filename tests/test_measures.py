"""Promised and delivered (DESIGN §2a): stages as a funnel, deliveries against a pledge,
and two measures that are never added."""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from aidtrack import checks, database, yearly
from aidtrack.counting import Measure, Tally, current
from aidtrack.model import STAGE_ORDER, Category, Pledge, Status, YearSpan
from aidtrack.rates import RateTable

from .conftest import Aidtrack, examples
from .test_yearly import ROUND, pledge

SEED = "https://en.defence-ua.com/news/norway_to_maintain_7b_support_for_ukraine_in_2026-17337.html"


def donors(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {d["donor"]: d for d in data["donors"]}


# --- what was measured on main, each a failing test first ---------------------------


def test_the_seed_sentence_is_not_added_to_the_promise(aidtrack: Aidtrack, store: Path) -> None:
    """Norway 2025 is NOK 85bn committed; "provided more than $7 billion" is money
    delivered of it, not $7bn more."""
    aidtrack.ok("init", "--sample")
    aidtrack.ok("remove", "nor-2025-delivered", "--yes")  # the store as it was on main
    before = store.read_bytes()
    args = ["add", "Norway", "$7bn", "--qualifier", "at_least", "--year", "2025"]
    args += ["--status", "disbursed", "--to", "Ukraine", "--source", SEED]
    refused = aidtrack(*args)
    assert refused.exit_code == 1
    assert "aidtrack deliver nor-2025 'USD 7000000000' --qualifier at_least" in refused.stderr
    assert store.read_bytes() == before
    # The same through the news: the sentence's delivery is refused, naming the promise.
    news = "In 2025 Norway provided more than $7 billion to Ukraine."
    from_text = aidtrack("add", "--from-text", news, "--source", SEED, "--yes")
    assert from_text.exit_code == 1 and "aidtrack deliver nor-2025" in from_text.stderr
    assert store.read_bytes() == before
    # Forced, it is other money; check then names the pair that promised counts twice.
    aidtrack.ok(*args, "--force")
    checked = aidtrack("check", "--json")
    assert checked.exit_code == 1
    assert '"kind": "unlinked_delivery"' in checked.stdout


def test_a_tranche_is_a_delivery_not_a_part(aidtrack: Aidtrack, store: Path) -> None:
    aidtrack.ok("init", "--sample")
    before = store.read_bytes()
    result = aidtrack(
        "add", "Norway", "40bn", "--part-of", "nor-2025", "--status", "disbursed",
        "--category", "military", "--source", "http://x",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "at its whole's stage" in result.stderr and "aidtrack deliver nor-2025" in result.stderr
    assert store.read_bytes() == before


def test_a_trackers_measures_are_not_summed(aidtrack: Aidtrack, tmp_path: Path) -> None:
    """A Kiel-style file: one commitment and two allocations of it, for one donor and
    year. Promised is the commitment; delivered the allocations."""
    path = tmp_path / "kiel.csv"
    rows = [
        ("Norway", "2025", "Commitment", "1000000000", "Military"),
        ("Norway", "2025", "Allocation", "300000000", "Military"),
        ("Norway", "2025", "Allocation", "200000000", "Military"),
        ("Denmark", "2025", "Allocation", "50000000", "Military"),
    ]
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["donor", "year", "measure", "value_eur", "aid_type_general"])
        writer.writerows(rows)
    mapped = ["--map", "donor=donor", "--map", "year=year"]
    mapped += ["--map", "status=measure", "--map", "amount=value_eur"]
    mapped += ["--map", "category=aid_type_general", "--set", "currency=EUR"]
    mapped += ["--set", "recipient=Ukraine"]
    aidtrack.ok("import", str(path), *mapped)
    aidtrack.ok("import", str(path), *mapped)  # again: nothing added
    data = aidtrack.json("report", "--year", "2025", "--currency", "EUR", "--json")
    norway, denmark = donors(data)["Norway"], donors(data)["Denmark"]
    assert (norway["promised"], norway["delivered"]) == ("1000000000.00", "500000000.00")
    assert norway["delivered_pct"] == "50.0"
    assert norway["reached"]["allocated"] == "500000000.00"
    # Allocated money with no promise beside it was promised too: the funnel.
    assert (denmark["promised"], denmark["delivered"]) == ("50000000.00", "50000000.00")
    assert data["total"]["promised"] == "1050000000.00"
    assert len(aidtrack.json("list", "--json")) == 4


def test_check_reports_more_delivered_than_promised(tmp_path: Path) -> None:
    promise = pledge("p", "100", year="2025", status=Status.COMMITTED)
    deliveries = [
        pledge(f"d{n}", "60", year="2025", status=Status.DISBURSED, delivery_of="p")
        for n in range(2)
    ]
    kinds = [problem.kind for problem in checks.find_problems([promise, *deliveries], [], ROUND)]
    assert kinds.count("delivered_over_promised") == 1


def test_check_reports_a_part_past_its_whole(tmp_path: Path) -> None:
    whole = pledge("w", "100", status=Status.COMMITTED)
    part = pledge("m", "40", status=Status.DISBURSED, part_of="w", category=Category.MILITARY)
    found = checks.find_problems([whole, part], [], ROUND)
    assert [p.id for p in found if p.kind == "part_past_whole"] == ["m"]


def test_a_delivery_counts_in_its_own_year_and_the_promise_in_its() -> None:
    records = [
        pledge("p", "85", year="2025", status=Status.COMMITTED),
        pledge("d25", "20", year="2025", status=Status.ALLOCATED, delivery_of="p"),
        pledge("d26", "30", year="2026", status=Status.DISBURSED, delivery_of="p"),
    ]
    result = yearly.compare(records, ROUND.convert, years=YearSpan(2025, 2026), currency="NOK")
    row = result.rows[0]
    y25, y26 = row.by_year[2025], row.by_year[2026]
    assert isinstance(y25, yearly.Figure) and isinstance(y26, yearly.Figure)
    assert (y25.promised.amount, y25.delivered.amount) == (Decimal("85.00"), Decimal("20.00"))
    assert (y26.promised.amount, y26.delivered.amount) == (Decimal("0.00"), Decimal("30.00"))
    # The 2025 promise reached allocation with 50 of its 85, disbursement with 30.
    assert y25.by_status[Status.ALLOCATED] == Decimal("50.00")
    assert y25.by_status[Status.DISBURSED] == Decimal("30.00")
    by_delivered = yearly.compare(
        records, ROUND.convert, years=YearSpan(2025, 2026), currency="NOK",
        measure=Measure.DELIVERED,
    )  # fmt: skip
    assert by_delivered.totals[2026].amount == Decimal("30.00")  # type: ignore[union-attr]


def test_a_revised_chain_counts_once_in_each_measure() -> None:
    records = [
        pledge("c", "100", year="2025", status=Status.COMMITTED),
        pledge("d", "100", year="2025", status=Status.DISBURSED, supersedes="c"),
    ]
    figure = yearly.report(records, ROUND.convert, year=2025, currency="NOK").totals[2025]
    assert isinstance(figure, yearly.Figure)
    assert (figure.promised.amount, figure.delivered.amount) == (Decimal("100.00"),) * 2


def test_an_envelope_shows_its_pace() -> None:
    records = [
        pledge("nansen", "205", year="2023-2030", status=Status.COMMITTED),
        pledge("t23", "20", year="2023", status=Status.DISBURSED, delivery_of="nansen"),
        pledge("t25", "30", year="2025", status=Status.DISBURSED, delivery_of="nansen"),
        pledge("t26", "30", year="2026", status=Status.DISBURSED, delivery_of="nansen"),
    ]
    report = yearly.report(records, ROUND.convert, year=2025, currency="NOK")
    (envelope,) = report.envelopes
    assert (envelope.delivered, envelope.elapsed, envelope.years) == (Decimal("50"), 3, 8)
    shown = report.to_json()["envelopes"][0]
    assert (shown["delivered_pct"], shown["pace_pct"]) == ("24.4", "37.5")


# --- the property: random stores agree with a plain recount, per measure ---------------


@st.composite
def stores(draw: st.DrawFn) -> list[Pledge]:
    """Pledges (some revised, some with parts), envelopes and deliveries, in NOK, with
    deliveries never above their pledge: what the write rules let through."""
    records: list[Pledge] = []
    for n in range(draw(st.integers(0, 8))):
        year = draw(st.sampled_from(["2025", "2026", "2024-2027"]))
        status = draw(st.sampled_from(Status))
        whole = pledge(
            f"w{n}",
            str(draw(st.integers(10, 10**6))),
            year=year,
            donor=draw(st.sampled_from(["Norway", "Germany"])),
            status=status,
            category=draw(st.sampled_from(Category)),
        )
        if draw(st.booleans()):
            old = pledge(f"w{n}old", "5", year=year, donor=whole.donor, status=Status.ANNOUNCED)
            records.append(old)
            whole = replace(whole, supersedes=old.id)
        records.append(whole)
        if draw(st.booleans()):
            part = pledge(
                f"w{n}p", str(whole.amount // 2 or 1), year=year, donor=whole.donor,
                status=status, category=Category.MILITARY, part_of=whole.id,
            )  # fmt: skip
            records.append(part)
        left = whole.amount
        start = whole.years.start
        for k in range(draw(st.integers(0, 3))):
            amount = draw(st.integers(0, int(left)))
            if not amount:
                continue
            left -= amount
            year_of = draw(st.integers(max(start, 2025), 2026))
            records.append(
                pledge(
                    f"w{n}d{k}",
                    str(amount),
                    year=str(year_of),
                    donor=whole.donor,
                    status=draw(st.sampled_from([Status.ALLOCATED, Status.DISBURSED])),
                    category=whole.category,
                    delivery_of=whole.id,
                )
            )
    return records


def recount(records: list[Pledge]) -> dict[tuple[str, int, Measure], Decimal]:
    """The measures from their definition in DESIGN §2a, written out plainly."""
    pool = current(records)
    envelopes = {p.id for p in pool if p.years.is_envelope}
    paid = {p.delivery_of for p in pool if p.delivery_of}
    sums: dict[tuple[str, int, Measure], Decimal] = defaultdict(Decimal)
    for p in pool:
        if p.years.is_envelope:
            continue
        key = (p.donor, p.years.start)
        if p.delivery_of:
            sums[(*key, Measure.DELIVERED)] += p.amount
            continue
        if p.part_of and p.part_of not in envelopes:
            continue
        sums[(*key, Measure.PROMISED)] += p.amount
        if p.delivered_stage and p.id not in paid:
            sums[(*key, Measure.DELIVERED)] += p.amount
    return sums


NOK_ONLY = RateTable("test", "2024-01-02", "2026-06-30", {y: {} for y in range(2023, 2028)})


@settings(max_examples=examples(60), deadline=None)
@given(stores())
def test_every_view_agrees_with_a_recount_per_measure(records: list[Pledge]) -> None:
    expected = recount(records)
    tally = Tally.of(records)
    years = YearSpan(2025, 2026)
    figures: dict[tuple[str, int, Measure], Decimal] = defaultdict(Decimal)
    compared = yearly.compare(tally, NOK_ONLY.convert, years=years, currency="NOK")
    for row in compared.rows:
        for year, cell in row.by_year.items():
            if isinstance(cell, yearly.Figure):
                figures[row.donor, year, Measure.PROMISED] += cell.promised.amount
                figures[row.donor, year, Measure.DELIVERED] += cell.delivered.amount
                reached = [cell.by_status[stage] for stage in Status]
                assert reached == sorted(reached, reverse=True)  # the funnel is monotone
                assert reached[0] == cell.promised.amount
    for year in (2025, 2026):
        if not any(key[1] == year for key in expected):
            continue
        report = yearly.report(tally, NOK_ONLY.convert, year=year, currency="NOK")
        total = report.totals[year]
        assert isinstance(total, yearly.Figure)
        for measure in Measure:
            want = sum((v for k, v in expected.items() if k[1:] == (year, measure)), Decimal(0))
            have = total.promised if measure is Measure.PROMISED else total.delivered
            assert have.amount == want
    database_rows: dict[tuple[str, int, Measure], Decimal] = defaultdict(Decimal)
    for donor, _, year, measure, *_, amount, _, _, _ in database.year_totals(
        Tally.of(records), NOK_ONLY
    ):
        database_rows[donor, year, Measure(measure)] += Decimal(amount)
    inside = {k: v for k, v in expected.items() if k[1] in (2025, 2026) and v}
    assert {k: v for k, v in figures.items() if v} == inside
    assert {k: v for k, v in database_rows.items() if v} == {k: v for k, v in expected.items() if v}
    # No write was forced: no pledge has more delivered than it promised.
    delivered: dict[str, Decimal] = defaultdict(Decimal)
    for p in current(records):
        if p.delivery_of:
            delivered[p.delivery_of] += p.amount
    by_id = {p.id: p for p in records}
    assert all(amount <= by_id[i].amount for i, amount in delivered.items())
    assert all(STAGE_ORDER[p.status] >= 2 for p in records if p.delivery_of)
