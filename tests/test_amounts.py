"""Amounts as the news prints them (issue 13): English, Nordic, German and French forms,
decimal commas, scale words, currency signs and words, and kroner settled by the donor."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aidtrack import model, money
from aidtrack.errors import InvalidInput
from aidtrack.model import InvalidRecord

KRONE = ("DKK", "ISK", "NOK", "SEK")

# (as printed, value, currency: a code, None, or KRONE for "the donor's kroner")
AS_PRINTED: list[tuple[str, str, str | tuple[str, ...] | None]] = [
    ("85bn", "85000000000", None),
    ("NOK 85bn", "85000000000", "NOK"),
    ("85 billion kroner", "85000000000", KRONE),
    ("85 billion Norwegian kroner", "85000000000", "NOK"),
    ("85 milliarder kroner", "85000000000", KRONE),
    ("85 mrd. kroner", "85000000000", KRONE),
    ("7,5 mrd", "7500000000", None),
    ("7,5 mrd.", "7500000000", None),
    ("NOK 85,5bn", "85500000000", "NOK"),
    ("kr 85 mrd", "85000000000", KRONE),
    ("1,5 milliarder norske kroner", "1500000000", "NOK"),
    ("250 millioner kroner", "250000000", KRONE),
    ("2 mill. kroner", "2000000", KRONE),
    ("DKK 1,5 mia.", "1500000000", "DKK"),
    ("8,5 mia. kr.", "8500000000", KRONE),
    ("1 200 000 kr", "1200000", KRONE),
    ("1,2 miljarder kronor", "1200000000", KRONE),
    ("500 miljoner kronor", "500000000", KRONE),
    ("300 mkr", "300000000", KRONE),
    ("1,5 mdkr", "1500000000", KRONE),
    ("2,5 Mrd. Euro", "2500000000", "EUR"),
    ("2,5 Milliarden Euro", "2500000000", "EUR"),
    ("500 Mio. Euro", "500000000", "EUR"),
    ("1.234,5 Mio. Euro", "1234500000", "EUR"),
    ("8 Milliarden US-Dollar", "8000000000", "USD"),
    ("2,5 milliards d'euros", "2500000000", "EUR"),
    ("2,5 milliards d\u2019euros", "2500000000", "EUR"),
    ("2,5 Md€", "2500000000", "EUR"),
    ("300 M€", "300000000", "EUR"),
    ("12 345,67 €", "12345.67", "EUR"),
    ("12\u00a0345,67\u00a0€", "12345.67", "EUR"),
    ("£2.5 billion", "2500000000", "GBP"),
    ("£2.5bn", "2500000000", "GBP"),
    ("2.5 billion pounds", "2500000000", "GBP"),
    ("2.5bn pounds sterling", "2500000000", "GBP"),
    ("$7 billion", "7000000000", "USD"),
    ("US$8 billion", "8000000000", "USD"),
    ("$US 490 million", "490000000", "USD"),
    ("CAN$46.7 million", "46700000", "CAD"),
    ("300 mila euro", "300000", "EUR"),
    ("5 mil millones de euros", "5000000000", "EUR"),
    ("500 tys. zł", "500000", "PLN"),
    ("50 millions $CA", "50000000", "CAD"),
    ("8 billion dollars", "8000000000", "USD"),
    ("61 billion US dollars", "61000000000", "USD"),
    ("€50 billion", "50000000000", "EUR"),
    ("€11.5bn", "11500000000", "EUR"),
    ("50 billion euros", "50000000000", "EUR"),
    ("EUR 2.69bn", "2690000000", "EUR"),
    ("60.84 billion USD", "60840000000", "USD"),
    ("C$2.4 billion", "2400000000", "CAD"),
    ("1,200,000", "1200000", None),
    ("1.200.000", "1200000", None),
    ("1,234.5m", "1234500000", None),
    ("1,500", "1500", None),
    ("1.500", "1.5", None),
    ("850m", "850000000", None),
    ("850 mn", "850000000", None),
    ("1.2tn", "1200000000000", None),
    ("3 Billionen Euro", "3000000000000", "EUR"),
    ("0,500 mrd", "500000000", None),
    ("Fifteen billion", "15000000000", None),
    ("twenty-five million euros", "25000000", "EUR"),
    ("one and a half billion dollars", "1500000000", "USD"),
    ("half a billion", "500000000", None),
    ("a billion dollars", "1000000000", "USD"),
    ("two hundred and fifty million", "250000000", None),
    ("a two billion euro", "2000000000", "EUR"),
    ("$2.4 billion Canadian dollars", "2400000000", "CAD"),
    ("SDR 11.6 billion", "11600000000", "XDR"),
    ("30 million yuan", "30000000", "CNY"),
    ("10.78 trillion roubles", "10780000000000", "RUB"),
    ("5 billion rand", "5000000000", "ZAR"),
    ("7,8 biståndsmiljarder", "7800000000", None),
    ("100 millionene", "100000000", None),
]


@pytest.mark.parametrize(("text", "value", "currency"), AS_PRINTED)
def test_amounts_as_the_news_prints_them(
    text: str, value: str, currency: str | tuple[str, ...] | None
) -> None:
    parsed = money.parse_amount(text)
    assert parsed.value == Decimal(value)
    assert str(parsed.value) == value
    if isinstance(currency, tuple):
        assert (parsed.currency, parsed.one_of) == (None, currency)
    else:
        assert (parsed.currency, parsed.one_of) == (currency, ())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1,500 mrd", "ambiguous: 1,500 reads as 1500 or as 1.5"),
        ("1.500 Mrd. Euro", "ambiguous: 1.500 reads as 1500 or as 1.5"),
        ("2,250 milliarder kroner", "ambiguous: 2,250 reads as 2250 or as 2.25"),
        ("85 gazillion", "unknown scale or currency 'gazillion'"),
        ("85bn kroner in aid", "unknown scale or currency 'in aid'"),
        ("NOK 5bn USD", "names two currencies"),
        ("€5bn dollars", "names two currencies"),
        ("1,2,3", "not a number"),
        ("1 23 456", "not a number"),
        ("1.234.56", "not a number"),
        ("7e999", "not a number"),
        ("-7,5 mrd", "greater than zero"),
        ("\u22125bn", "greater than zero"),
        ("5 XYZ", "unknown currency 'XYZ'"),
    ],
)
def test_doubtful_amounts_are_refused_with_the_reason(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        money.parse_amount(text)


RECORD = {"recipient": "Ukraine", "year": "2025"}


@pytest.mark.parametrize(
    ("donor", "amount", "currency"),
    [
        ("Norway", "85 milliarder kroner", "NOK"),
        ("Denmark", "85 milliarder kroner", "DKK"),
        ("Sweden", "85 milliarder kroner", "SEK"),
        ("Saudi Arabia", "85 billion riyals", "SAR"),
        ("Qatar", "85.000 millones de riales", "QAR"),
        ("Moldova", "85 billion lei", "MDL"),
        ("Senegal", "85 milliards de francs CFA", "XOF"),
        ("Cameroon", "85 milliards FCFA", "XAF"),
    ],
)
def test_kroner_riyals_lei_and_cfa_francs_are_the_donors_own(
    donor: str, amount: str, currency: str
) -> None:
    pledge = model.build({**RECORD, "donor": donor, "amount": amount}, id="p1")
    assert (pledge.amount, pledge.currency) == (Decimal("85000000000"), currency)


@pytest.mark.parametrize(
    ("donor", "amount", "message"),
    [
        ("Germany", "85 billion kroner", "kroner are DKK, ISK, NOK or SEK, and Germany"),
        ("Norway", "1000 millones de riales", "riyals are IRR, OMR, QAR, SAR or YER, and Norway"),
        ("World Bank", "85 milliards FCFA", "CFA francs are XAF or XOF, and World Bank"),
    ],
)
def test_a_shared_currency_name_of_a_donor_without_it_is_refused(
    donor: str, amount: str, message: str
) -> None:
    with pytest.raises(InvalidRecord, match=message):
        model.build({**RECORD, "donor": donor, "amount": amount}, id="p1")


def test_a_given_currency_settles_kroner_only_if_it_is_a_krone() -> None:
    fields = {**RECORD, "donor": "Germany", "amount": "85 mrd kr"}
    assert model.build({**fields, "currency": "NOK"}, id="p1").currency == "NOK"
    with pytest.raises(InvalidRecord, match="the amount says DKK, ISK, NOK or SEK but"):
        model.build({**fields, "currency": "EUR"}, id="p1")


FRACTIONS = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999.99"), places=2)


def _european(value: Decimal) -> str:
    """`12 345,5`: spaces between thousands, a decimal comma."""
    whole, _, fraction = f"{value:,f}".partition(".")
    fraction = fraction.rstrip("0")
    return whole.replace(",", " ") + ("," + fraction if fraction else "")


@given(FRACTIONS, st.sampled_from(["mrd", "Mrd.", "milliarder", "Milliarden", "milliards"]))
def test_decimal_comma_forms_round_trip(value: Decimal, scale: str) -> None:
    assert money.parse_amount(f"{_european(value)} {scale}").value == value * 10**9


@given(FRACTIONS, st.sampled_from(["bn", " billion", " bn", "bn USD"]))
def test_english_forms_round_trip(value: Decimal, scale: str) -> None:
    assert money.parse_amount(f"{value:,f}{scale}").value == value * 10**9


@given(
    st.decimals(min_value=Decimal(1), max_value=Decimal("1e15"), places=0),
    st.sampled_from(["NOK", "EUR", "USD", "SEK"]),
)
def test_what_aidtrack_prints_reads_back(value: Decimal, currency: str) -> None:
    shown = money.format_compact(value, currency)
    again = money.parse_amount(shown)
    assert again.currency == currency
    assert money.format_compact(again.value, currency) == shown
    exact = money.parse_amount(money.format_exact(value, currency))
    assert (exact.value, exact.currency) == (value, currency)


@pytest.mark.parametrize(
    ("value", "shown"),
    [("999950000", "NOK 1.0bn"), ("999949999", "NOK 999.9m"), ("999960000000", "NOK 1.0tn")],
)
def test_a_figure_that_rounds_up_takes_the_next_unit(value: str, shown: str) -> None:
    assert money.format_compact(Decimal(value), "NOK") == shown
