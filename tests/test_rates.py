"""The shipped ECB table and conversions through the euro."""

from __future__ import annotations

import json
from decimal import Decimal
from importlib.resources import files

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aidtrack.rates import Conversion, MissingRate, Rate, RateTable, UserRate

TABLE = RateTable.shipped()
LAST_YEAR = int(TABLE.last_date[:4])
CURRENCIES_2024 = TABLE.currencies(2024)


def user_rate(currency: str, year: int, per_eur: str) -> UserRate:
    return UserRate(currency, year, Decimal(per_eur))


@pytest.mark.parametrize(
    ("currency", "published"),
    [("USD", "1.0824"), ("GBP", "0.84662"), ("NOK", "11.629")],
)
def test_reproduces_the_ecb_2024_annual_averages(currency: str, published: str) -> None:
    rate = TABLE.rate(currency, 2024)
    assert rate.per_eur == Decimal(published)
    assert rate.year == 2024
    assert rate.source.startswith("European Central Bank")
    assert not rate.provisional
    assert not rate.user


def test_the_table_spans_the_ecb_history() -> None:
    assert TABLE.first_date == "1999-01-04"
    assert TABLE.years() == list(range(1999, LAST_YEAR + 1))
    assert TABLE.rate("EUR", 2024).per_eur == 1


def test_cross_rate_goes_through_the_euro() -> None:
    conversion = TABLE.convert(Decimal("85000000000"), "NOK", "USD", 2024)
    assert conversion.currency == "USD"
    assert conversion.year == 2024
    # 85e9 * 1.0824 / 11.629 = 7911600309.5709...
    assert conversion.amount == Decimal("7911600309.57")
    # The shown rate is 1.0824 / 11.629 = 0.09307765..., to 6 significant digits.
    assert conversion.rate == Decimal("0.0930777")
    assert abs(conversion.rate - Decimal("1.0824") / Decimal("11.629")) < Decimal("5e-8")
    assert conversion.source == TABLE.source
    assert not conversion.provisional
    assert not conversion.user


def test_from_and_to_euro_use_the_one_published_rate() -> None:
    to_usd = TABLE.convert(Decimal("100"), "EUR", "USD", 2024)
    assert to_usd.amount == Decimal("108.24")
    assert to_usd.rate == Decimal("1.0824")
    to_eur = TABLE.convert(Decimal("108.24"), "USD", "EUR", 2024)
    assert to_eur.amount == Decimal("100.00")


def test_places_follow_the_target_minor_unit() -> None:
    yen = TABLE.convert(Decimal("1000.00"), "USD", "JPY", 2024, places=0)
    assert yen.amount.as_tuple().exponent == 0
    assert str(yen.amount) == str(yen.amount.to_integral_value())


@pytest.mark.parametrize("currency", ["EUR", "NOK", "UAH"])
def test_same_currency_is_identity_without_lookup(currency: str) -> None:
    # UAH has no rate and 2100 is outside the table: neither is looked up.
    conversion = TABLE.convert(Decimal("12.345"), currency, currency, 2100)
    assert conversion == Conversion(
        Decimal("12.34"), currency, Decimal(1), 2100, "same currency", False, False
    )


def test_the_last_year_is_provisional_and_earlier_years_are_not() -> None:
    assert TABLE.rate("USD", LAST_YEAR).provisional
    assert not TABLE.rate("USD", LAST_YEAR - 1).provisional
    assert TABLE.convert(Decimal("1"), "NOK", "USD", LAST_YEAR).provisional
    assert not TABLE.convert(Decimal("1"), "NOK", "USD", LAST_YEAR - 1).provisional
    assert all(row.provisional == (row.year == LAST_YEAR) for row in TABLE.rows())


def test_a_user_rate_wins_and_is_marked_user() -> None:
    table = TABLE.with_user_rates([user_rate("NOK", 2024, "12")])
    rate = table.rate("NOK", 2024)
    assert rate == Rate("NOK", 2024, Decimal("12"), "user", provisional=False, user=True)
    conversion = table.convert(Decimal("120"), "NOK", "EUR", 2024)
    assert conversion.amount == Decimal("10.00")
    assert conversion.user
    assert conversion.source == "user"
    mixed = table.convert(Decimal("12"), "NOK", "USD", 2024)
    assert mixed.user
    assert mixed.source == f"user + {TABLE.source}"
    assert table.rows(2024, "NOK") == [rate]
    # The shipped table itself is untouched.
    assert TABLE.rate("NOK", 2024).per_eur == Decimal("11.629")


def test_a_user_rate_supplies_a_currency_the_ecb_lacks() -> None:
    table = TABLE.with_user_rates([user_rate("UAH", 2024, "43.5")])
    assert "UAH" in table.currencies(2024)
    assert table.convert(Decimal("43.5"), "UAH", "EUR", 2024).amount == Decimal("1.00")


def test_user_rates_for_the_euro_or_nonsense_are_refused() -> None:
    with pytest.raises(ValueError, match="base"):
        TABLE.with_user_rates([user_rate("EUR", 2024, "1")])
    with pytest.raises(ValueError, match="greater than zero"):
        TABLE.with_user_rates([user_rate("NOK", 2024, "0")])


def test_a_currency_the_ecb_does_not_publish_is_missing() -> None:
    assert "UAH" not in TABLE.currencies()
    with pytest.raises(MissingRate) as raised:
        TABLE.convert(Decimal("1"), "UAH", "USD", 2024)
    message = str(raised.value)
    assert "aidtrack rates set UAH 2024 RATE" in message
    assert "\n" not in message
    assert (raised.value.currency, raised.value.year) == ("UAH", 2024)


@pytest.mark.parametrize("year", [1998, LAST_YEAR + 1])
def test_a_year_outside_the_table_is_missing_not_borrowed(year: int) -> None:
    with pytest.raises(MissingRate, match=f"aidtrack rates set USD {year} RATE"):
        TABLE.rate("USD", year)
    # Only a user rate for that very year fills the gap, and only for its currency.
    table = TABLE.with_user_rates([user_rate("USD", year, "1.1")])
    assert table.convert(Decimal("1.1"), "USD", "EUR", year).amount == Decimal("1.00")
    with pytest.raises(MissingRate, match=f"aidtrack rates set NOK {year} RATE"):
        table.convert(Decimal("1"), "USD", "NOK", year)


def test_rows_list_the_rates_in_force_without_the_base() -> None:
    rows = TABLE.rows(year=2024)
    assert [row.currency for row in rows] == [c for c in CURRENCIES_2024 if c != "EUR"]
    assert TABLE.rows(currency="usd")[0] == TABLE.rate("USD", 1999)


def test_no_float_anywhere() -> None:
    def no_numbers(text: str) -> None:
        raise AssertionError(f"bare number {text} in ecb-rates.json")

    path = files("aidtrack") / "data" / "ecb-rates.json"
    document = json.loads(path.read_text(), parse_float=no_numbers, parse_int=no_numbers)
    assert all(
        isinstance(value, str) for row in document["rates"].values() for value in row.values()
    )
    rows = TABLE.rows()
    assert len(rows) == sum(len(row) for row in document["rates"].values())
    assert all(type(row.per_eur) is Decimal for row in rows)
    conversion = TABLE.convert(Decimal("1"), "NOK", "USD", 2024)
    assert type(conversion.amount) is Decimal
    assert type(conversion.rate) is Decimal


def test_the_shipped_table_is_loaded_once() -> None:
    assert RateTable.shipped() is TABLE


@given(
    cents=st.integers(min_value=-(10**15), max_value=10**15),
    origin=st.sampled_from(CURRENCIES_2024),
    target=st.sampled_from(CURRENCIES_2024),
)
def test_there_and_back_loses_at_most_the_rounding(cents: int, origin: str, target: str) -> None:
    amount = Decimal(cents).scaleb(-2)
    there = TABLE.convert(amount, origin, target, 2024)
    back = TABLE.convert(there.amount, target, origin, 2024)
    # With r = target units per origin unit, the first rounding is off by at most
    # half a cent of the target, that is 0.005 / r of the origin once divided back,
    # and the second rounding adds at most half a cent of the origin: the honest
    # bound is 0.005 * (1 + 1 / r). It is large when the target is worth much more
    # (IDR -> EUR -> IDR may drift by up to 86 rupiah, the worth of half a euro cent),
    # and 0.01 at most when it is worth less. The 40-digit arithmetic adds nothing
    # the comparison can see.
    per_origin = TABLE.rate(target, 2024).per_eur / TABLE.rate(origin, 2024).per_eur
    bound = Decimal("0.005") * (1 + 1 / per_origin)
    assert abs(back.amount - amount) <= bound
