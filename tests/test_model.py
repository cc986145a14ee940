"""Parsers and validation of the record: amounts, currencies, years, names, vocabularies."""

from __future__ import annotations

from decimal import Decimal
from functools import partial

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aidtrack import model, money, places
from aidtrack.errors import InvalidInput
from aidtrack.model import Pledge, YearSpan


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("85bn", "85000000000", None),
        ("7.5 billion", "7500000000", None),
        ("850m", "850000000", None),
        ("1,200,000", "1200000", None),
        ("12.5", "12.5", None),
        ("NOK 85bn", "85000000000", "NOK"),
        ("nok85bn", "85000000000", "NOK"),
        ("$7bn", "7000000000", "USD"),
        ("€11.5bn", "11500000000", "EUR"),
        ("EUR 2.69bn", "2690000000", "EUR"),
        ("85 NOK", "85", "NOK"),
        ("60.84 billion USD", "60840000000", "USD"),
        ("1.2tn", "1200000000000", None),
    ],
)
def test_amounts_parse_to_exact_decimals(text: str, value: str, currency: str | None) -> None:
    parsed = money.parse_amount(text)
    assert parsed.value == Decimal(value)
    assert str(parsed.value) == value  # no exponent: 85bn is not 8.5E+10
    assert parsed.currency == currency


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("-5", "greater than zero"),
        ("0", "greater than zero"),
        ("0.00", "greater than zero"),
        ("NaN", "not a number"),
        ("inf", "not a number"),
        ("-inf", "not a number"),
        ("7e999", "not a number"),
        ("1e3", "not a number"),
        ("", "not a number"),
        ("   ", "not a number"),
        ("lots", "not a number"),
        ("85 gazillion", "unknown scale"),
        ("1,2,3", "not a number"),
        ("5000000tn", "too large"),
        ("NOK 5bn USD", "two currencies"),
        ("XYZ 5bn", "unknown currency"),
    ],
)
def test_bad_amounts_are_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        money.parse_amount(text)


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1e15"), places=2))
def test_any_plain_positive_amount_round_trips(value: Decimal) -> None:
    assert money.parse_amount(f"{value:f}").value == value
    assert money.parse_amount(f"{value:,f}").value == value


@given(st.text(max_size=40))
def test_arbitrary_text_parses_or_fails_cleanly(text: str) -> None:
    try:
        parsed = money.parse_amount(text)
    except InvalidInput:
        return
    assert parsed.value.is_finite() and 0 < parsed.value < money.MAX_AMOUNT


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("85000000000", "85.0bn"),
        ("8900000000", "8.9bn"),
        ("2690000000", "2.69bn"),
        ("205000000000", "205.0bn"),
        ("60840000000", "60.8bn"),
        ("1200000000000", "1.2tn"),
        ("850000000", "850.0m"),
        ("850000", "850,000"),
        ("12.5", "12.5"),
    ],
)
def test_compact_amounts_read_like_the_news(value: str, shown: str) -> None:
    assert money.compact_number(Decimal(value)) == shown


def test_compact_amounts_carry_currency_and_qualifier() -> None:
    assert money.format_compact(Decimal("35e9"), "NOK", "at_least") == ">= NOK 35.0bn"
    assert money.format_compact(Decimal("12e9"), "GBP", "about") == "~ GBP 12.0bn"
    assert money.format_compact(Decimal("2.69e9"), "EUR", "up_to") == "<= EUR 2.69bn"
    assert money.format_compact(Decimal("8.9e9"), "USD") == "$8.9bn"


def test_currencies_are_iso_codes_in_any_case() -> None:
    assert money.normalize_currency("nok") == "NOK"
    assert money.normalize_currency(" Eur ") == "EUR"
    with pytest.raises(InvalidInput, match="unknown currency"):
        money.normalize_currency("NOKK")
    assert money.minor_unit("NOK") == 2
    assert money.minor_unit("JPY") == 0
    assert money.minor_unit("KWD") == 3


def test_fractions_below_the_minor_unit_are_refused() -> None:
    money.check_places(Decimal("1.25"), "NOK")
    with pytest.raises(InvalidInput, match="decimal places"):
        money.check_places(Decimal("1.001"), "NOK")
    with pytest.raises(InvalidInput, match="decimal places"):
        money.check_places(Decimal("0.5"), "JPY")


@pytest.mark.parametrize("name", ["Norway", "norway", "NO", "NOR", "no", " NORWAY "])
def test_one_donor_by_any_of_its_names(name: str) -> None:
    assert places.resolve(name) == places.Party("Norway", "NOR")


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Türkiye", "Türkiye"),
        ("Turkey", "Türkiye"),
        ("Cote d'Ivoire", "Côte d'Ivoire"),
        ("côte d’ivoire", "Côte d'Ivoire"),
        ("USA", "United States"),
        ("UK", "United Kingdom"),
        ("Russia", "Russian Federation"),
        ("UA", "Ukraine"),
        ("Cape Verde", "Cabo Verde"),
        ("Burma", "Myanmar"),
        ("Swaziland", "Eswatini"),
        ("East Timor", "Timor-Leste"),
    ],
)
def test_countries_resolve_to_iso_names(name: str, canonical: str) -> None:
    assert places.resolve(name).name == canonical


def test_the_countries_read_from_pycountrys_database_are_pycountrys() -> None:
    import pycountry

    def spelled(country: object) -> tuple[str, ...]:
        fields = ("alpha_2", "alpha_3", "name", "common_name", "official_name")
        get = country.get if isinstance(country, dict) else partial(getattr, country)
        return tuple(get(field, "") or "" for field in fields)

    assert [spelled(c) for c in places.countries()] == [spelled(c) for c in pycountry.countries]


def test_institutions_are_donors_distinct_from_countries() -> None:
    assert places.resolve("EU institutions") == places.Party("EU institutions", None)
    assert places.resolve("EU") == places.Party("EU institutions", None)
    assert places.resolve("European Commission").name == "EU institutions"


def test_unknown_names_get_suggestions() -> None:
    with pytest.raises(InvalidInput, match="did you mean Norway"):
        places.resolve("Norwya")
    with pytest.raises(InvalidInput, match=r"unknown recipient 'Ukrain'.*Ukraine"):
        places.resolve("Ukrain", "recipient")
    with pytest.raises(InvalidInput, match="empty"):
        places.resolve("  ")


@pytest.mark.parametrize(
    ("text", "span"),
    [("2026", (2026, 2026)), ("2023-2027", (2023, 2027)), ("2023–2030", (2023, 2030))],
)
def test_years_and_ranges(text: str, span: tuple[int, int]) -> None:
    assert YearSpan.parse(text) == YearSpan(*span)


@pytest.mark.parametrize(
    "text", ["1944", "2101", "2027-2023", "20x6", "", "2023-", "²⁰²⁶", "1-2-3"]
)
def test_bad_years_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        YearSpan.parse(text)


def test_vocabularies_accept_any_case_and_list_choices() -> None:
    assert model.choice(model.Qualifier, "At-Least", "qualifier") is model.Qualifier.AT_LEAST
    with pytest.raises(InvalidInput, match="announced, committed, allocated, disbursed"):
        model.choice(model.Status, "promised", "status")


def norway_2026(**extra: str) -> Pledge:
    fields = {"donor": "norway", "recipient": "UA", "year": "2026", "amount": "NOK 85bn", **extra}
    return model.build(fields, id="p1")


def test_build_gives_a_canonical_record() -> None:
    pledge = norway_2026(status="Committed", qualifier="at_least")
    assert (pledge.donor, pledge.donor_code, pledge.recipient) == ("Norway", "NOR", "Ukraine")
    assert (pledge.amount, pledge.currency) == (Decimal("85000000000"), "NOK")
    assert pledge.status is model.Status.COMMITTED
    assert pledge.years == YearSpan(2026, 2026)


def test_currency_must_be_given_once_and_agree() -> None:
    with pytest.raises(InvalidInput, match="no currency"):
        model.build({"donor": "NO", "recipient": "UA", "year": "2026", "amount": "85bn"}, id="x")
    with pytest.raises(InvalidInput, match="says NOK but the currency is EUR"):
        norway_2026(currency="EUR")


def test_json_round_trip_keeps_every_field() -> None:
    pledge = model.build(
        {
            "donor": "EU",
            "recipient": "Ukraine",
            "year": "2024-2027",
            "amount": "50000000000",
            "currency": "eur",
            "category": "financial",
            "instrument": "loan",
            "label": "Ukraine Facility",
            "announced_on": "2024-02-28",
            "note": "[bold]x",
        },
        id="eu-facility",
        sources=[model.Source("https://example.org", "2024-02-28", "50 billion euros")],
    )
    data = pledge.to_json()
    assert data["years"] == [2024, 2027] and "year" not in data
    assert data["amount"] == "50000000000"
    assert Pledge.from_json(data) == pledge


def test_corrections_keep_the_id_and_revisions_get_a_new_one() -> None:
    old = norway_2026()
    fixed = model.corrected(old, {"year": "2025"}, [])
    assert (fixed.id, fixed.years, fixed.created_at) == ("p1", YearSpan(2025, 2025), old.created_at)
    newer = model.revision(old, {"amount": "$8.5bn"}, [], id="p2")
    assert (newer.id, newer.supersedes, newer.currency) == ("p2", "p1", "USD")
