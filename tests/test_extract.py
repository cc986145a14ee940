"""From the news to records (issue 14): `aidtrack extract` and `add --from-text`."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from aidtrack.extract import extract
from aidtrack.extract_scoring import measure
from aidtrack.model import Qualifier, Status, YearSpan
from aidtrack.store import read

from .conftest import STARTER_CSV, Aidtrack
from .test_hardening import _on_a_terminal

SEED = (
    "Norway plans to maintain its level of support for Ukraine in 2026 at the same scale "
    "as in 2025, when Oslo provided more than $7 billion in assistance."
)


def test_the_seed_sentence_gives_the_two_drafts_a_careful_reader_records() -> None:
    relative, provided = extract(SEED)
    assert provided.value("donor") == "Norway" and provided.value("recipient") == "Ukraine"
    assert provided.value("years") == YearSpan(2025, 2025)
    assert (provided.value("amount"), provided.value("currency")) == (Decimal("7000000000"), "USD")
    assert provided.value("qualifier") is Qualifier.AT_LEAST
    assert provided.value("status") is Status.DISBURSED
    assert relative.value("years") == YearSpan(2026, 2026)
    assert relative.value("status") is Status.ANNOUNCED
    assert relative.relative_to == 2025
    assert relative.missing == ["amount", "currency"]
    assert "at the same scale as in 2025" in relative.open["amount"]


def test_a_converted_figure_in_brackets_is_not_a_second_pledge() -> None:
    (draft,) = extract(
        "This year the Nansen Programme for Ukraine amounts to NOK 85 billion "
        "(about US$8 billion).",
        source_date=dt.date(2025, 8, 25),
    )
    assert (draft.value("amount"), draft.value("currency")) == (Decimal("85000000000"), "NOK")
    assert draft.value("years") == YearSpan(2025, 2025)
    assert "donor" in draft.open  # "US$" names a currency, not a donor


def test_a_breakdown_gives_a_whole_and_its_parts() -> None:
    whole, military, civilian = extract(
        "Norway will provide NOK 85 billion, of which 70 billion military and 15 billion "
        "civilian, to Ukraine in 2026."
    )
    assert (whole.part_of, military.part_of, civilian.part_of) == (None, 0, 0)
    assert [d.value("amount") for d in (whole, military, civilian)] == [
        Decimal("85000000000"),
        Decimal("70000000000"),
        Decimal("15000000000"),
    ]
    assert {military.value("currency"), civilian.value("currency")} == {"NOK"}
    assert (military.value("category"), civilian.value("category")) == ("military", "civilian")


def test_relative_years_need_the_source_date() -> None:
    text = (
        "EU leaders have agreed to provide Ukraine with a EUR 90 billion loan over the next "
        "two years."
    )
    (dated,) = extract(text, source_date=dt.date(2025, 12, 19))
    assert dated.value("years") == YearSpan(2026, 2027)
    assert dated.value("instrument") == "loan" and dated.value("status") is Status.COMMITTED
    (undated,) = extract(text)
    assert "years" in undated.missing and "--source-date" in undated.open["years"]


@pytest.mark.parametrize(
    ("text", "field", "why"),
    [
        ("Germany and France will give Ukraine €2 billion in 2026.", "donor", "several donors"),
        ("The government will provide 85 billion kroner to Ukraine in 2026.", "currency", "kroner"),
        ("Norway will provide 1,500 mrd kroner to Ukraine in 2026.", "amount", "ambiguous"),
    ],
)
def test_doubt_leaves_a_field_open_with_the_reason(text: str, field: str, why: str) -> None:
    (draft,) = extract(text)
    assert field in draft.missing and why in draft.open[field]


def test_extract_never_writes_and_its_drafts_import(
    aidtrack: Aidtrack, store: Path, tmp_path: Path
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(
        "Germany plans to provide Ukraine with €11.5 billion in aid in 2026.\n\n" + SEED
    )
    shown = aidtrack.ok("extract", f"@{article}", "--source", "https://example.org/a").stdout
    assert "Draft 3 of 3" in shown and "open: amount" in shown
    assert not store.exists()
    drafts = aidtrack.ok("extract", f"@{article}", "--format", "ndjson").stdout
    refused = aidtrack("import", "-", "--format", "ndjson", input=drafts)
    assert refused.exit_code == 1 and "amount: missing" in refused.stderr
    assert not store.exists()  # all or nothing
    complete = "".join(line + "\n" for line in drafts.splitlines() if '"amount"' in line)
    aidtrack.ok("import", "-", "--format", "ndjson", input=complete)
    again = aidtrack.ok("import", "-", "--format", "ndjson", input=complete)
    assert "0 new" in again.stderr
    records = list(read(store).data["pledges"].values())
    assert {r["donor"] for r in records} == {"Germany", "Norway"}
    assert all(r["sources"][0]["quote"] for r in records)


def test_csv_drafts_import_too(aidtrack: Aidtrack, store: Path) -> None:
    text = "Germany plans to provide Ukraine with €11.5 billion in aid in 2026."
    csv_text = aidtrack.ok("extract", text, "--format", "csv", "--source", "https://x.org").stdout
    aidtrack.ok("import", "-", "--format", "csv", input=csv_text)
    (record,) = read(store).data["pledges"].values()
    assert (record["amount"], record["currency"], record["year"]) == ("11500000000", "EUR", 2026)


def test_a_relative_draft_takes_the_amount_of_the_stored_year(aidtrack: Aidtrack) -> None:
    aidtrack.ok("import", str(STARTER_CSV))
    rows = json.loads(aidtrack.ok("extract", SEED, "--json").stdout)
    assert rows[0]["amount"] == "85000000000" and rows[0]["currency"] == "NOK"
    assert rows[0]["note"] == "the same as nor-2025 (2025)"


def test_add_from_text_off_a_terminal_needs_yes(aidtrack: Aidtrack, store: Path) -> None:
    """What --yes does with incomplete drafts: tests/test_add_from_text.py."""
    assert "pass --yes" in aidtrack("add", "--from-text", SEED).stderr
    assert not store.exists()
    text = "Germany plans to provide Ukraine with €11.5 billion in aid in 2026."
    mixed = aidtrack("add", "--from-text", text, "--yes", "--year", "2027")
    assert mixed.exit_code == 1 and "the text gives the fields" in mixed.stderr
    assert aidtrack.ok("add", "--from-text", text, "--yes").stdout == "p1\n"


@pytest.mark.slow
def test_add_from_text_on_a_terminal_asks_what_is_missing(store: Path) -> None:
    out = _on_a_terminal(
        store,
        ["add", "--from-text", SEED, "--source", "https://example.org/norway"],
        [
            ("Record draft 1 of 2?", "y"),
            ("Amount", "NOK 85bn"),  # its currency with it: not asked again
            ("Record draft 2 of 2?", "n"),
        ],
    )
    assert out.split() == ["p1"]
    (record,) = read(store).data["pledges"].values()
    assert (record["year"], record["amount"], record["currency"], record["status"]) == (
        2026,
        "85000000000",
        "NOK",
        "announced",
    )
    assert record["sources"] == [{"url": "https://example.org/norway", "date": None, "quote": SEED}]


# The table of real sentences -------------------------------------------------------------

NEWS = Path(__file__).parent / "data" / "news_sentences.json"


def test_real_sentences_never_give_a_wrong_amount() -> None:
    entries = json.loads(NEWS.read_text(encoding="utf-8"))
    assert len(entries) >= 40
    figures = measure(entries)
    assert figures.wrong_amounts == 0, figures.tally["amount"]
    # Measured: 388 of 398 filled fields right (97.5%), 388 of 435 stated found (89.2%).
    assert figures.precision >= 0.95, figures.tally
    assert figures.recall >= 0.8, figures.tally


@pytest.mark.slow  # 7,316 sentences: the longest test of the suite; CI runs it
def test_the_sentences_the_rules_were_tuned_on_keep_their_measured_figures() -> None:
    """What extract does on the 7,316 sentences its rules were tuned on
    (tests/data/README.md): 90.5% precision and 77.2% recall when written, against issue
    24's 95% and 85%, and 180 wrong amounts, 147 of them drafts from 131 sentences without a
    pledge. Most are a government's spending on its own country or army ("Myanmar's
    government will allocate 500 billion kyats for earthquake relief"), a plan's or
    appeal's total ("Planen uppgår till 84 miljoner US-dollar", money that "will go to" or
    "se utilizará" for people), or the cost of a reconstruction: each reads, word for
    word, as a giver's pledge does. The others are a
    budget's total and a yearly figure after "det vil si", which one table's annotator
    reads as restating the envelope and an earlier one's ("i.e. NOK 15 billion annually")
    as the yearly tranches. The sixty-fourth held-out table (121 sentences no rule writer
    read) is short of the issue's targets: 81.1% precision, 76.2% recall, 10 wrong
    amounts, 8 drafts from 7 of its 46 no-pledge sentences (tests/data/README.md has
    every round's figures)."""
    entries = json.loads((NEWS.parent / "news_unseen_tuning.json").read_text(encoding="utf-8"))
    figures = measure(entries)
    assert figures.wrong_amounts <= 180, figures.tally["amount"]
    assert figures.no_pledge_drafts <= 147, figures.tally
    assert figures.precision >= 0.904, figures.tally
    assert figures.recall >= 0.772, figures.tally
