"""The year report and the comparison as pure functions: records in, figures out."""

from __future__ import annotations

import csv
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aidtrack import model, yearly
from aidtrack.analysis import Selection
from aidtrack.counting import Measure
from aidtrack.errors import InvalidInput
from aidtrack.model import Category, Pledge, Qualifier, Status, YearSpan
from aidtrack.money import quantize
from aidtrack.rates import RateTable

from .conftest import STARTER_CSV

SHIPPED = RateTable.shipped()
# A table with round numbers, so that expected figures can be worked out by eye:
# 1 EUR = 10 NOK = 1.25 USD in 2025, and 1 EUR = 8 NOK = 1.6 USD in 2026 (provisional).
ROUND = RateTable(
    "test rates",
    "2025-01-02",
    "2026-06-30",
    {
        2025: {"NOK": Decimal("10"), "USD": Decimal("1.25")},
        2026: {"NOK": Decimal("8"), "USD": Decimal("1.6")},
    },
)


def starter_pledges() -> list[Pledge]:
    """data/pledges-starter.csv as records, each validated the way an import would."""
    with STARTER_CSV.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    pledges = []
    for row in rows:
        source = model.Source(row["source_url"] or None, row["source_date"] or None, row["quote"])
        fields = {
            name: value
            for name, value in row.items()
            if value and name not in ("id", "source_url", "source_date", "quote")
        }
        pledges.append(model.build(fields, id=row["id"], sources=[source]))
    return pledges


STARTER = starter_pledges()


def pledge(id: str, amount: str, year: str = "2026", **fields: Any) -> Pledge:
    """A record with defaults: Norway to Ukraine, NOK, announced, mixed."""
    defaults: dict[str, Any] = {
        "donor": "Norway",
        "donor_code": "NOR",
        "recipient": "Ukraine",
        "recipient_code": "UKR",
        "currency": "NOK",
    }
    return Pledge(id=id, years=YearSpan.parse(year), amount=Decimal(amount), **defaults | fields)


def donor(result: yearly.Comparison, name: str) -> yearly.Row:
    return next(row for row in result.rows if row.donor == name)


def cents(value: Decimal) -> Decimal:
    return quantize(value, 2)


# --- the starter dataset ---------------------------------------------------------


def test_norway_2026_against_2025_shows_no_change_in_nok() -> None:
    report = yearly.report(STARTER, SHIPPED.convert, year=2026, currency="NOK")
    data = report.to_json()
    norway = next(d for d in data["donors"] if d["donor"] == "Norway")
    # 2026: NOK 85bn announced; 2025: NOK 85bn committed, which superseded ">= NOK 35bn".
    assert norway["amount"] == norway["previous_amount"] == "85000000000.00"
    assert (norway["change"], norway["change_pct"]) == ("0.00", "0.0")
    assert norway["qualifier"] == "exact"
    assert norway["reached"]["announced"] == "85000000000.00"
    assert norway["reached"]["committed"] == "0.00"  # 2026's budget is a proposal
    assert donor(report, "Norway").by_year[2025].by_status[Status.COMMITTED] == Decimal(
        "85000000000"
    )


def test_the_2026_split_uses_the_parts_and_counts_the_whole_once() -> None:
    report = yearly.report(STARTER, SHIPPED.convert, year=2026, currency="NOK")
    norway = donor(report, "Norway").by_year[2026]
    assert norway.amount == Decimal("85000000000")
    assert norway.by_category[Category.MILITARY] == Decimal("70000000000")
    assert norway.by_category[Category.CIVILIAN] == Decimal("15000000000")
    assert norway.by_category[Category.MIXED] == 0
    # 2025's NOK 85bn has no parts (the 22.5/12.5 split belonged to the superseded 35bn).
    assert donor(report, "Norway").by_year[2025].by_category[Category.MIXED] == Decimal(
        "85000000000"
    )


def test_envelopes_are_listed_apart_once_and_never_added() -> None:
    report = yearly.report(STARTER, SHIPPED.convert, year=2026, currency="NOK")
    listed = [envelope.pledge.id for envelope in report.envelopes]
    # The current Nansen envelope (NOK 205bn 2023-2030) once; the NOK 75bn one it
    # superseded not at all; the EU Facility's parts are not envelopes of their own.
    assert sorted(listed) == ["eu-facility", "eu-loan-2026", "nor-nansen-2030"]
    nansen = next(e for e in report.envelopes if e.pledge.id == "nor-nansen-2030")
    assert nansen.converted.amount == Decimal("205000000000")
    assert nansen.converted.year == 2023
    # The year counts Germany's EUR 11.5bn and Norway's NOK 85bn, no envelope.
    assert [row.donor for row in report.rows] == ["Germany", "Norway"]
    germany = cents(Decimal("11500000000") * Decimal("11.0391"))  # 2026 NOK per EUR
    assert report.totals[2026].amount == germany + Decimal("85000000000")
    assert report.totals[2026].by_category[Category.FINANCIAL] == 0  # the EU's, kept out


def test_a_years_tranche_of_an_envelope_counts_in_its_year() -> None:
    """ "NOK 75bn over 2023-2027, i.e. 15bn annually": the 2026 tranche is 2026's money."""
    records = [
        pledge("envelope", "75000000000", "2023-2027"),
        pledge("tranche", "15000000000", "2026", part_of="envelope"),
        pledge("tranche-part", "5000000000", "2026", part_of="tranche", category=Category.MILITARY),
    ]
    report = yearly.report(records, ROUND.convert, year=2026, currency="NOK")
    assert report.totals[2026].amount == Decimal("15000000000")
    assert report.totals[2026].by_category[Category.MILITARY] == Decimal("5000000000")
    assert [e.pledge.id for e in report.envelopes] == ["envelope"]


def test_an_envelope_converts_at_its_first_year_and_its_rate_is_listed() -> None:
    report = yearly.report(STARTER, SHIPPED.convert, year=2026, currency="USD")
    facility = next(e for e in report.envelopes if e.pledge.id == "eu-facility")
    # EUR 50bn for 2024-2027 at 2024's 1.0824 USD per EUR.
    assert facility.converted.amount == Decimal("54120000000.00")
    assert facility.converted.year == 2024
    used = {(rate.currency, rate.year): rate for rate in report.rates}
    assert used["EUR", 2024].rate == Decimal("1.0824")
    assert used["NOK", 2023].year == 2023  # the Nansen envelope's first year
    assert used["EUR", 2026].provisional and not used["EUR", 2024].provisional
    assert all(rate.source.startswith("European Central Bank") for rate in report.rates)


def test_hand_computed_totals_in_usd() -> None:
    report = yearly.report(STARTER, SHIPPED.convert, year=2025, currency="USD")
    # ECB yearly averages, per 1 EUR: 2025 USD 1.1300, NOK 11.7173; 2024 USD 1.0824,
    # NOK 11.6290. A NOK amount in USD is amount * USD / NOK, rounded to the cent.
    # 2025: Norway NOK 85bn * 1.1300 / 11.7173 = 8,197,280,943.5620... -> 8197280943.56
    # 2024: Norway NOK 27bn * 1.0824 / 11.6290 = 2,513,096,568.9225... -> 2513096568.92
    #       United States USD 60.84bn, as is                            -> 60840000000.00
    assert cents(Decimal("85e9") * Decimal("1.1300") / Decimal("11.7173")) == Decimal(
        "8197280943.56"
    )
    total = report.to_json()["total"]
    assert total["amount"] == "8197280943.56"
    assert total["previous_amount"] == "63353096568.92"  # 2513096568.92 + 60840000000.00
    # change = 8197280943.56 - 63353096568.92 = -55155815625.36, -87.06...% -> -87.1
    assert (total["change"], total["change_pct"]) == ("-55155815625.36", "-87.1")


def test_hand_computed_totals_in_eur() -> None:
    report = yearly.report(STARTER, SHIPPED.convert, year=2024, currency="EUR")
    # In EUR an amount is divided by its currency's 2024 rate per EUR:
    # Norway NOK 27bn / 11.6290         = 2,321,781,752.5152... -> 2321781752.52
    # United States USD 60.84bn / 1.0824 = 56,208,425,720.6208... -> 56208425720.62
    # 2023: Norway NOK 15bn / 11.4248    = 1,312,933,267.9784... -> 1312933267.98
    data = report.to_json()
    amounts = {d["donor"]: d["amount"] for d in data["donors"]}
    assert amounts == {"United States": "56208425720.62", "Norway": "2321781752.52"}
    assert data["total"]["amount"] == "58530207473.14"  # 56208425720.62 + 2321781752.52
    assert data["total"]["previous_amount"] == "1312933267.98"
    # Shares of 58,530,207,473.14: 96.03...% and 3.96...%
    assert [d["share_pct"] for d in data["donors"]] == ["96.0", "4.0"]
    # Norway's parts: NOK 17bn / 11.6290 = 1461862584.92 military, NOK 10bn = 859919167.60.
    assert data["by_category"]["military"] == "1461862584.92"
    assert data["by_category"]["civilian"] == "859919167.60"
    assert data["by_category"]["mixed"] == "56208425720.62"  # the US whole has no parts


# --- counting rules on small hand-made records -----------------------------------------


def test_unlinked_records_at_different_stages_are_different_money() -> None:
    records = [
        pledge("a", "100", status=Status.ANNOUNCED),
        pledge("b", "30", status=Status.DISBURSED),
        pledge("c", "50", status=Status.COMMITTED),
        pledge("d", "70", status=Status.ALLOCATED, supersedes="c"),  # c's next stage
    ]
    figure = donor(yearly.report(records, ROUND.convert, currency="NOK"), "Norway").by_year[2026]
    assert figure.amount == Decimal("200.00")  # promised: 100 + 30 + 70; c is history
    assert figure.delivered.amount == Decimal("100.00")  # what reached allocated: 30 + 70
    # How much reached at least each stage: what was disbursed was also committed.
    assert figure.by_status == {
        Status.ANNOUNCED: Decimal("200.00"),
        Status.COMMITTED: Decimal("100.00"),
        Status.ALLOCATED: Decimal("100.00"),
        Status.DISBURSED: Decimal("30.00"),
    }
    narrowed = yearly.report(
        records,
        ROUND.convert,
        currency="NOK",
        selection=Selection(statuses=frozenset({Status.ALLOCATED, Status.DISBURSED})),
    )
    assert narrowed.totals[2026].amount == Decimal("100.00")


def test_parts_that_leave_a_remainder_send_it_to_the_whole_category() -> None:
    records = [
        pledge("w", "100", category=Category.MIXED),
        pledge("m", "60", category=Category.MILITARY, part_of="w"),
        pledge("h", "15", category=Category.HUMANITARIAN, part_of="w"),
    ]
    report = yearly.report(records, ROUND.convert, currency="NOK")
    figure = report.totals[2026]
    assert figure.amount == Decimal("100.00")
    assert figure.by_category[Category.MILITARY] == Decimal("60.00")
    assert figure.by_category[Category.HUMANITARIAN] == Decimal("15.00")
    assert figure.by_category[Category.MIXED] == Decimal("25.00")
    assert report.notes == []


def test_parts_larger_than_their_whole_count_the_whole_and_say_so() -> None:
    records = [
        pledge("w", "100"),
        pledge("m", "80", category=Category.MILITARY, part_of="w"),
        pledge("c", "40", category=Category.CIVILIAN, part_of="w"),
    ]
    report = yearly.report(records, ROUND.convert, currency="NOK")
    assert report.totals[2026].amount == Decimal("100.00")
    assert report.totals[2026].by_category[Category.MILITARY] == Decimal("80.00")
    assert len(report.notes) == 1
    assert "parts of w" in report.notes[0] and "more than the whole" in report.notes[0]


def test_a_part_in_another_currency_is_measured_in_the_whole_currency() -> None:
    records = [
        pledge("w", "100"),  # NOK
        pledge("m", "5", currency="USD", category=Category.MILITARY, part_of="w"),
    ]
    # 2026: USD 5 = NOK 5 * 8 / 1.6 = NOK 25; the rest, NOK 75, stays mixed.
    figure = yearly.report(records, ROUND.convert, currency="NOK").totals[2026]
    assert figure.by_category[Category.MILITARY] == Decimal("25.00")
    assert figure.by_category[Category.MIXED] == Decimal("75.00")


def test_a_category_filter_counts_the_pieces_of_that_category() -> None:
    records = [
        pledge("w", "100"),
        pledge("m", "60", category=Category.MILITARY, part_of="w"),
        pledge("x", "20", category=Category.MILITARY, qualifier=Qualifier.ABOUT),
        pledge("y", "50", category=Category.HUMANITARIAN),
    ]
    only = Selection(categories=frozenset({Category.MILITARY}))
    report = yearly.report(records, ROUND.convert, currency="NOK", selection=only)
    figure = report.totals[2026]
    assert figure.amount == Decimal("80.00")  # the military part of w, and x
    assert figure.qualifier is Qualifier.ABOUT
    assert figure.by_status[Status.ANNOUNCED] == Decimal("80.00")


def test_qualifiers_carry_into_the_total() -> None:
    def qualifier_of(*qualifiers: Qualifier) -> Qualifier:
        records = [pledge(f"p{i}", "10", qualifier=q) for i, q in enumerate(qualifiers)]
        return yearly.report(records, ROUND.convert, currency="NOK").totals[2026].qualifier

    assert qualifier_of(Qualifier.EXACT, Qualifier.EXACT) is Qualifier.EXACT
    assert qualifier_of(Qualifier.EXACT, Qualifier.AT_LEAST) is Qualifier.AT_LEAST
    assert qualifier_of(Qualifier.UP_TO, Qualifier.EXACT) is Qualifier.UP_TO
    assert qualifier_of(Qualifier.AT_LEAST, Qualifier.UP_TO) is Qualifier.ABOUT
    assert qualifier_of(Qualifier.ABOUT, Qualifier.AT_LEAST) is Qualifier.ABOUT


def test_currencies_are_converted_before_they_are_added() -> None:
    records = [pledge("n", "80"), pledge("e", "3", currency="EUR")]
    report = yearly.report(records, ROUND.convert, currency="USD")
    # NOK 80 * 1.6 / 8 = USD 16; EUR 3 * 1.6 = USD 4.80.
    assert report.totals[2026].amount == Decimal("20.80")
    assert [(r.currency, r.rate, r.provisional) for r in report.rates] == [
        ("EUR", Decimal("1.6"), True),
        ("NOK", Decimal("0.2"), True),
    ]


def test_a_report_in_the_records_currency_lists_no_rate() -> None:
    report = yearly.report([pledge("n", "80")], ROUND.convert, currency="NOK")
    assert report.rates == []


def test_change_share_and_ranking() -> None:
    records = [
        pledge("n25", "100", year="2025"),
        pledge("n26", "150"),
        pledge("g26", "450", donor="Germany", currency="NOK"),
        pledge("d25", "20", donor="Denmark", year="2025"),
    ]
    data = yearly.report(records, ROUND.convert, currency="NOK").to_json()
    assert [d["donor"] for d in data["donors"]] == ["Germany", "Norway", "Denmark"]
    germany, norway, denmark = data["donors"]
    # Germany has no 2025 record: no change is claimed (schema 2), only the share.
    assert (germany["previous_amount"], germany["change"], germany["change_pct"]) == (
        None,
        None,
        None,
    )
    assert germany["share_pct"] == "75.0"
    assert (norway["change"], norway["change_pct"], norway["share_pct"]) == (
        "50.00",
        "50.0",
        "25.0",
    )
    # Denmark has no 2026 record: no amount, no change, no share.
    assert (denmark["amount"], denmark["previous_amount"], denmark["change_pct"]) == (
        None,
        "20.00",
        None,
    )
    assert denmark["share_pct"] is None
    assert data["total"] | {"reached": None} == {
        "amount": "600.00",
        "promised": "600.00",
        "delivered": "0.00",
        "delivered_pct": "0.0",
        "promised_qualifier": "exact",
        "delivered_qualifier": "exact",
        "reached": None,
        "previous_amount": "120.00",
        "change": "480.00",
        "change_pct": "400.0",
        "donors_without_previous": 1,
    }


@pytest.mark.parametrize(
    ("previous", "current", "expected"),
    [
        ("0", "0", None),
        ("0", "5", None),
        ("3", "2", Decimal("-33.3")),
        ("1000000", "999999", Decimal("0.0")),  # -0.0001% is shown as 0.0, never -0.0
        ("8", "9", Decimal("12.5")),
    ],
)
def test_percent_change(previous: str, current: str, expected: Decimal | None) -> None:
    got = yearly.percent_change(Decimal(previous), Decimal(current))
    assert got == expected
    assert str(got) != "-0.0"


def test_a_missing_rate_names_every_gap_and_the_command_that_fills_it() -> None:
    one_gap = [pledge("n", "1"), pledge("u", "1", currency="UAH")]
    with pytest.raises(yearly.NoRate, match="aidtrack rates set UAH 2026 RATE"):
        yearly.report(one_gap, ROUND.convert, currency="USD")
    two_gaps = [pledge("n25", "1", year="2025"), pledge("n26", "1")]
    with pytest.raises(yearly.NoRate) as raised:
        yearly.report(two_gaps, ROUND.convert, currency="UAH")
    message = str(raised.value)
    assert "UAH 2025, UAH 2026" in message
    assert "aidtrack rates set UAH 2025 RATE" in message
    assert "\n" not in message


def test_the_report_year_defaults_to_the_latest_with_data() -> None:
    report = yearly.report(STARTER, SHIPPED.convert, currency="NOK")
    assert report.years == [2025, 2026]
    with pytest.raises(InvalidInput, match="no single-year pledges"):
        yearly.report([], SHIPPED.convert)


# --- compare ---------------------------------------------------------------------------


def test_compare_defaults_to_the_last_four_years_with_data() -> None:
    comparison = yearly.compare(STARTER, SHIPPED.convert, currency="NOK")
    assert comparison.years == [2023, 2024, 2025, 2026]
    norway = donor(comparison, "Norway").by_year
    assert [norway[y].amount for y in comparison.years] == [
        Decimal("15000000000"),
        Decimal("27000000000"),
        Decimal("85000000000"),
        Decimal("85000000000"),
    ]
    # Fewer years of data: only those.
    short = yearly.compare([pledge("a", "1")], ROUND.convert, currency="NOK")
    assert short.years == [2026]
    assert short.change(donor(short, "Norway").by_year) is None


def test_compare_keeps_a_named_donor_without_pledges() -> None:
    named = Selection(donors=frozenset({"Norway", "Sweden"}))
    comparison = yearly.compare(
        STARTER, SHIPPED.convert, years=YearSpan(2024, 2026), currency="NOK", selection=named
    )
    assert [row.donor for row in comparison.rows] == ["Norway", "Sweden"]
    data = comparison.to_json()
    assert data["donors"][1]["amounts"] == {"2024": None, "2025": None, "2026": None}
    assert data["donors"][1]["change_pct"] is None
    assert data["donors"][0]["change_pct"] == "0.0"
    assert data["total"]["amounts"]["2024"] == "27000000000.00"


def test_tidy_rows_hold_one_row_per_donor_and_year() -> None:
    comparison = yearly.compare(
        STARTER, SHIPPED.convert, years=YearSpan(2025, 2026), currency="NOK"
    )
    rows = comparison.tidy_rows()
    assert [(r["donor"], r["year"]) for r in rows] == [  # Germany has no 2025 row
        ("Germany", 2026),
        ("Norway", 2025),
        ("Norway", 2026),
    ]
    assert all(list(row) == list(yearly.ROW_COLUMNS) for row in rows)
    assert rows[2]["military"] == "70000000000.00"
    assert rows[2]["share_pct"] == "40.1"


@st.composite
def ledgers(draw: st.DrawFn) -> list[Pledge]:
    """Wholes with parts that never exceed them, and envelopes, in NOK."""
    records: list[Pledge] = []
    for n in range(draw(st.integers(0, 12))):
        whole = pledge(
            f"w{n}",
            str(draw(st.integers(1, 10**6))),
            year=draw(st.sampled_from(["2025", "2026", "2025-2027"])),
            donor=draw(st.sampled_from(["Norway", "Germany", "Denmark"])),
            status=draw(st.sampled_from(Status)),
            category=draw(st.sampled_from(Category)),
        )
        records.append(whole)
        left = whole.amount
        for k in range(draw(st.integers(0, 3))):
            amount = draw(st.integers(0, int(left)))
            if amount:
                left -= amount
                category = draw(st.sampled_from(Category))
                part_fields = {"donor": whole.donor, "category": category, "part_of": whole.id}
                records.append(pledge(f"w{n}.{k}", str(amount), whole.year_label, **part_fields))
    return records


@given(ledgers())
def test_figures_add_up_and_only_single_year_wholes_count(records: list[Pledge]) -> None:
    report = yearly.report(records, ROUND.convert, year=2026, currency="NOK")
    for year in report.years:
        wholes = [
            p.amount
            for p in records
            if p.part_of is None and not p.years.is_envelope and p.years.start == year
        ]
        cells = [row.by_year[year] for row in report.rows]
        figures = [cell for cell in cells if isinstance(cell, yearly.Figure)]
        total = report.totals[year]
        if not wholes:  # nothing recorded: no figure at all, not a zero
            assert total is yearly.Gap.NO_RECORD and not figures
            continue
        assert isinstance(total, yearly.Figure)
        assert total.amount == sum(wholes) == sum(f.amount for f in figures)
        for figure in [total, *figures]:
            reached = [figure.by_status[stage] for stage in Status]
            assert reached[0] == figure.amount and reached == sorted(reached, reverse=True)
            assert sum(figure.by_category.values()) == figure.amount
        assert sum(report.shares(year).values()) == Decimal("100.0")
    assert len(report.envelopes) == sum(
        1 for p in records if p.part_of is None and p.years.is_envelope
    )
    assert report.notes == []


AMOUNTS = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1e12"), places=2)


@given(st.lists(AMOUNTS, min_size=1, max_size=30))
def test_shares_add_up_to_a_hundred_and_stay_within_a_tenth(amounts: list[Decimal]) -> None:
    shown = yearly.shares(dict(enumerate(amounts)))
    assert sum(shown.values()) == Decimal("100.0")
    whole = sum(amounts)
    for key, amount in enumerate(amounts):
        assert abs(shown[key] - amount * 100 / whole) < Decimal("0.1")


def test_a_missing_rate_leaves_only_its_figures_unknown() -> None:
    records = [
        pledge("n25", "100", year="2025"),
        pledge("n26", "150"),
        pledge("s26", "30", donor="Sweden", currency="SEK"),  # no SEK rate in ROUND
    ]
    comparison = yearly.compare(records, ROUND.convert, years=YearSpan(2025, 2026), currency="NOK")
    assert donor(comparison, "Sweden").by_year[2026] is yearly.Gap.NO_RATE
    assert donor(comparison, "Norway").by_year[2026] != yearly.Gap.NO_RATE
    assert comparison.totals[2026] is yearly.Gap.NO_RATE
    assert isinstance(comparison.totals[2025], yearly.Figure)
    assert [(m.currency, m.year) for m in comparison.missing] == [("SEK", 2026)]
    data = comparison.to_json()
    assert data["total"]["amounts"] == {"2025": "100.00", "2026": None}
    with pytest.raises(yearly.NoRate, match="SEK"):
        yearly.report(records, ROUND.convert, year=2026, currency="NOK")


# --- promised and delivered (DESIGN §2a) ---------------------------------------------

GERMANY = {"donor": "Germany", "donor_code": "DEU", "currency": "EUR"}


def funnel() -> list[Pledge]:
    """Norway 2025: NOK 85bn committed, NOK 50bn of it disbursed; Germany 2025: EUR 10bn
    (NOK 100bn at ROUND's 10 NOK per EUR) committed, EUR 1bn of it disbursed."""
    return [
        pledge("nor", "85000000000", "2025", status=Status.COMMITTED),
        pledge("nor-d", "50000000000", "2025", status=Status.DISBURSED, delivery_of="nor"),
        pledge("deu", "10000000000", "2025", status=Status.COMMITTED, **GERMANY),
        pledge(
            "deu-d", "1000000000", "2025", status=Status.DISBURSED, delivery_of="deu", **GERMANY
        ),
    ]


def test_a_delivery_is_delivered_in_its_year_and_never_promised() -> None:
    report = yearly.report(funnel(), ROUND.convert, year=2025, currency="NOK")
    norway = donor(report, "Norway").by_year[2025]
    assert isinstance(norway, yearly.Figure)
    assert norway.promised.amount == norway.amount == Decimal("85000000000.00")
    assert norway.delivered.amount == Decimal("50000000000.00")
    assert norway.delivered_pct == Decimal("58.8")
    assert norway.by_status == {
        Status.ANNOUNCED: Decimal("85000000000.00"),
        Status.COMMITTED: Decimal("85000000000.00"),
        Status.ALLOCATED: Decimal("50000000000.00"),
        Status.DISBURSED: Decimal("50000000000.00"),
    }
    total = report.totals[2025]
    assert isinstance(total, yearly.Figure)
    assert total.amount == total.promised.amount == Decimal("185000000000.00")  # 85 + 100
    assert total.delivered.amount == Decimal("60000000000.00")  # 50 + 10, never added in
    assert total.delivered_pct == Decimal("32.4")
    assert [row.donor for row in report.rows] == ["Germany", "Norway"]  # by promised


def test_the_measure_chooses_what_ranks_and_what_the_figures_are() -> None:
    by = yearly.report(
        funnel(), ROUND.convert, year=2025, currency="NOK", measure=Measure.DELIVERED
    )
    assert [row.donor for row in by.rows] == ["Norway", "Germany"]  # 50bn against 10bn
    assert by.totals[2025].amount == Decimal("60000000000.00")
    assert by.shares(2025) == {"Norway": Decimal("83.3"), "Germany": Decimal("16.7")}
    data = by.to_json()
    assert data["measure"] == "delivered"
    norway = next(d for d in data["donors"] if d["donor"] == "Norway")
    assert (norway["amount"], norway["promised"]) == ("50000000000.00", "85000000000.00")
    compared = yearly.compare(
        funnel(), ROUND.convert, years=YearSpan(2025, 2026), currency="NOK",
        measure=Measure.DELIVERED,
    )  # fmt: skip
    assert compared.measure is Measure.DELIVERED
    assert [row.donor for row in compared.rows] == ["Norway", "Germany"]


def test_an_envelopes_pace_counts_its_deliveries_up_to_the_report_year() -> None:
    records = [
        pledge("nansen", "205000000000", "2023-2030", status=Status.COMMITTED),
        pledge("d25", "30000000000", "2025", status=Status.DISBURSED, delivery_of="nansen"),
        pledge("d26", "20000000000", "2026", status=Status.DISBURSED, delivery_of="nansen"),
    ]
    (in_2025,) = yearly.report(records, ROUND.convert, year=2025, currency="NOK").envelopes
    assert (in_2025.delivered, in_2025.delivered_pct) == (Decimal("30000000000"), Decimal("14.6"))
    assert (in_2025.elapsed, in_2025.years, in_2025.pace_pct) == (3, 8, Decimal("37.5"))
    report = yearly.report(records, ROUND.convert, year=2026, currency="NOK")
    (in_2026,) = report.envelopes
    assert (in_2026.delivered_pct, in_2026.elapsed, in_2026.pace_pct) == (
        Decimal("24.4"),
        4,
        Decimal("50.0"),
    )
    assert {
        key: report.to_json()["envelopes"][0][key]
        for key in ("delivered", "delivered_pct", "years_elapsed", "years_total", "pace_pct")
    } == {
        "delivered": "50000000000.00",
        "delivered_pct": "24.4",
        "years_elapsed": 4,
        "years_total": 8,
        "pace_pct": "50.0",
    }
    # The envelope is never promised in a year; its deliveries are delivered in theirs.
    norway = donor(report, "Norway").by_year[2026]
    assert isinstance(norway, yearly.Figure)
    assert (norway.promised.amount, norway.delivered.amount) == (0, Decimal("20000000000.00"))
    assert norway.delivered_pct is None
