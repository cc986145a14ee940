"""Money on the command line: the rate table, user rates, converted lists, round trips."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from aidtrack import money

from .conftest import NOR_2026, Aidtrack

NOR_2025 = (
    "Norway",
    "NOK 85bn",
    "--to",
    "Ukraine",
    "--year",
    "2025",
    "--status",
    "committed",
    "--source",
    "https://www.pravda.com.ua/eng/news/2025/08/25/7527721/",
)


def test_rates_shows_the_ecb_averages_with_source(aidtrack: Aidtrack) -> None:
    result = aidtrack.ok("rates", "--year", "2024", "--currency", "nok")
    assert "11.6290" in result.stdout and "2024" in result.stdout
    assert "European Central Bank" in result.stderr and "2026-10-30" in result.stderr
    document = aidtrack.json("rates", "--year", "2024")
    by_code = {row["currency"]: row for row in document["rates"]}
    assert Decimal(by_code["USD"]["per_eur"]) == Decimal("1.0824")
    assert Decimal(by_code["GBP"]["per_eur"]) == Decimal("0.84662")
    assert document["last_date"] == "2026-10-30" and document["base"] == "EUR"
    assert not by_code["USD"]["provisional"]
    assert aidtrack.json("rates", "-y", "2026", "-c", "USD")["rates"][0]["provisional"] is True
    assert [r["year"] for r in aidtrack.json("rates", "-y", "2023-2025", "-c", "SEK")["rates"]] == [
        2023,
        2024,
        2025,
    ]


def test_a_user_rate_wins_and_is_marked_wherever_used(aidtrack: Aidtrack) -> None:
    aidtrack.ok("add", *NOR_2026)
    aidtrack.ok("rates", "set", "nok", "2026", "10")
    rate = aidtrack.json("rates", "-y", "2026", "-c", "NOK")["rates"][0]
    assert (rate["per_eur"], rate["user"], rate["source"]) == ("10", True, "user")
    converted = aidtrack.json("list", "--currency", "EUR")[0]["converted"]
    assert converted == {
        "amount": "8500000000.00",
        "currency": "EUR",
        "rate": "0.1",
        "from_per_eur": "10",
        "to_per_eur": "1",
        "rate_year": 2026,
        "source": "user",
        "provisional": False,
        "user": True,
    }
    table = aidtrack.ok("list", "--currency", "EUR")
    assert "EUR 8.5bn" in table.stdout and "0.1u" in table.stdout
    assert "your own rate" in table.stderr
    aidtrack.ok("rates", "unset", "NOK", "2026")
    assert aidtrack.json("list", "-c", "EUR")[0]["converted"]["user"] is False


def test_list_converts_each_record_at_its_years_average(aidtrack: Aidtrack) -> None:
    aidtrack.ok("add", *NOR_2025)
    aidtrack.ok("add", *NOR_2026)
    rows = {r["year"]: r for r in aidtrack.json("list", "--currency", "USD")}
    # 2025 averages: 11.7173 NOK and 1.1300 USD per EUR (ECB); 85e9 * 1.13 / 11.7173.
    nok, usd = (
        Decimal("11.7173"),
        Decimal(aidtrack.json("rates", "-y", "2025", "-c", "USD")["rates"][0]["per_eur"]),
    )
    expected = (Decimal(85_000_000_000) * usd / nok).quantize(Decimal("0.01"))
    assert Decimal(rows[2025]["converted"]["amount"]) == expected
    assert (rows[2025]["amount"], rows[2025]["currency"]) == ("85000000000", "NOK")
    assert rows[2025]["converted"]["rate_year"] == 2025
    assert rows[2026]["converted"]["provisional"] is True
    assert "* provisional" in aidtrack.ok("list", "-c", "USD").stderr


def test_a_missing_rate_says_how_to_supply_one(aidtrack: Aidtrack) -> None:
    aidtrack.ok("add", *NOR_2026)
    result = aidtrack("list", "--currency", "UAH")
    assert result.exit_code == 0 and "no rate" in result.stdout
    assert "no exchange rate for UAH in 2026" in result.stderr
    assert "aidtrack rates set UAH 2026 RATE" in result.stderr
    # No rate converted anything: the footer must not say that none was needed.
    assert "none needed" not in result.stderr
    assert "Rates: none converts these records into UAH" in result.stderr


def test_bad_rates_are_refused(aidtrack: Aidtrack) -> None:
    for args, message in [
        (("rates", "set", "NOK", "2026", "abc"), "plain decimal"),
        (("rates", "set", "NOK", "2026", "0"), "greater than zero"),
        (("rates", "set", "EUR", "2026", "1"), "base"),
        (("rates", "set", "XYZ", "2026", "1"), "unknown currency"),
        (("rates", "set", "NOK", "2023-2024", "1"), "one year"),
        (("rates", "unset", "NOK", "2026"), "no user rate"),
    ]:
        result = aidtrack(*args)
        assert result.exit_code == 1 and message in result.stderr, (args, result.stderr)


@given(
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1e15"), places=2),
    st.sampled_from(["NOK", "EUR", "USD", "GBP", "SEK"]),
)
def test_exact_format_parses_back(value: Decimal, currency: str) -> None:
    parsed = money.parse_amount(money.format_exact(value, currency))
    assert (parsed.value, parsed.currency) == (value, currency)


@given(st.decimals(min_value=Decimal(1), max_value=Decimal("1e15"), places=0))
def test_compact_format_is_within_half_a_percent(value: Decimal) -> None:
    shown = money.format_compact(value, "NOK")
    back = money.parse_amount(shown).value
    assert shown.startswith("NOK ")
    assert abs(back - value) <= value * Decimal("0.005")
