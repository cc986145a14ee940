"""`add --from-text` as a new user tries it (issue 24, item 4): what is typed at the prompt
is never overridden, a wrong field is corrected at the prompt, `--yes` records what is
complete, and `$AIDTRACK_RECIPIENT` is the drafts' default recipient.

The prompts are answered through CliRunner's `input=`: the `terminal` fixture makes the
command take the runner for a person (tests/test_hardening.py holds a real terminal)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from aidtrack import money
from aidtrack.cli import news
from aidtrack.environment import Environment
from aidtrack.extract import Draft, Found
from aidtrack.model import Status, YearSpan
from aidtrack.store import read

from .conftest import Aidtrack

SEED = (
    "Norway plans to maintain its level of support for Ukraine in 2026 at the same scale "
    "as in 2025, when Oslo provided more than $7 billion in assistance."
)
GERMANY = "Germany plans to provide Ukraine with €11.5 billion in aid in 2026."
NO_RECIPIENT = "Norway will provide NOK 85 billion in 2026."


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A person at stdin and stderr: the prompts read CliRunner's `input=`."""
    monkeypatch.setattr(Environment, "interactive", property(lambda self: True))


def records(store: Path) -> list[dict[str, Any]]:
    return list(read(store).data["pledges"].values())


def drafted(monkeypatch: pytest.MonkeyPatch, *drafts: Draft) -> None:
    """The text reads as these drafts, whatever the rules of `extract` say today."""
    monkeypatch.setattr("aidtrack.extract.extract", lambda text, source_date=None: list(drafts))


def draft(**found: Any) -> Draft:
    fields = {
        "donor": "Norway",
        "recipient": "Ukraine",
        "years": YearSpan(2026, 2026),
        "status": Status.ANNOUNCED,
    } | found
    made = Draft("A sentence.", {k: Found(v, str(v)) for k, v in fields.items() if v is not None})
    amount = fields.get("amount")
    if isinstance(amount, money.ParsedAmount):
        made.parsed = amount
        made.found["amount"] = Found(amount.value, "the amount")
        if amount.currency:
            made.found["currency"] = Found(amount.currency, "the amount")
    return made


# 1. An amount typed with its currency -----------------------------------------------------


@pytest.mark.usefixtures("terminal")
def test_an_amount_typed_with_its_currency_is_not_asked_again(
    aidtrack: Aidtrack, store: Path
) -> None:
    result = aidtrack.ok("add", "--from-text", SEED, input="y\nNOK 85bn\nn\n")
    assert "Currency" not in result.stderr
    (record,) = records(store)
    assert (record["year"], record["amount"], record["currency"]) == (2026, "85000000000", "NOK")


@pytest.mark.usefixtures("terminal")
def test_typed_kroner_are_the_typed_donors(
    aidtrack: Aidtrack, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drafted(monkeypatch, draft(donor=None, amount=money.parse_amount("85 milliarder kroner")))
    result = aidtrack.ok("add", "--from-text", "text", input="y\nNorway\n")
    assert "Currency" not in result.stderr
    (record,) = records(store)
    assert (record["donor"], record["currency"]) == ("Norway", "NOK")


@pytest.mark.usefixtures("terminal")
def test_a_currency_the_amount_does_not_allow_is_refused_at_the_prompt(
    aidtrack: Aidtrack, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drafted(monkeypatch, draft(donor=None, amount=money.parse_amount("85 milliarder kroner")))
    result = aidtrack.ok("add", "--from-text", "text", input="y\nGermany\nEUR\nNOK\n")
    assert "error: the amount says DKK, ISK, NOK or SEK but the currency is EUR" in result.stderr
    (record,) = records(store)
    assert (record["donor"], record["currency"]) == ("Germany", "NOK")


@pytest.mark.usefixtures("terminal")
def test_an_amount_that_clashes_with_the_texts_currency_is_refused(
    aidtrack: Aidtrack, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The text said dollars; an amount typed in kroner is refused as `add` refuses it."""
    drafted(monkeypatch, draft(currency="USD"))
    result = aidtrack.ok("add", "--from-text", "text", input="y\nNOK 85bn\n85bn\n")
    assert "error: the amount says NOK but the currency is USD" in result.stderr
    (record,) = records(store)
    assert (record["amount"], record["currency"]) == ("85000000000", "USD")


# 2. A wrong field corrected at the prompt --------------------------------------------------


@pytest.mark.usefixtures("terminal")
def test_e_asks_each_field_with_its_value_as_the_default(aidtrack: Aidtrack, store: Path) -> None:
    # donor, recipient, years, amount (its currency with it), qualifier, status,
    # category, instrument; then the draft is asked about again.
    answers = ["e", "", "", "2027", "", "", "committed", "military", "", "y"]
    result = aidtrack.ok("add", "--from-text", GERMANY, input="\n".join(answers) + "\n")
    assert "[Germany]" in result.stderr and "[EUR 11500000000]" in result.stderr
    assert "Currency" not in result.stderr
    (record,) = records(store)
    assert (record["donor"], record["recipient"], record["year"]) == ("Germany", "Ukraine", 2027)
    assert (record["amount"], record["currency"]) == ("11500000000", "EUR")
    assert (record["status"], record["category"]) == ("committed", "military")


@pytest.mark.usefixtures("terminal")
def test_a_corrected_amount_brings_its_currency_or_asks_for_one(
    aidtrack: Aidtrack, store: Path
) -> None:
    keep = ["", "", ""]
    rest = ["", "", "", "", "y"]
    named = ["e", *keep, "NOK 85bn", *rest]
    aidtrack.ok("add", "--from-text", GERMANY, input="\n".join(named) + "\n")
    bare = ["e", *keep, "12bn", "", *rest]  # the currency asked, EUR kept
    aidtrack.ok("add", "--from-text", GERMANY, "--force", input="\n".join(bare) + "\n")
    first, second = records(store)
    assert (first["amount"], first["currency"]) == ("85000000000", "NOK")
    assert (second["amount"], second["currency"]) == ("12000000000", "EUR")


@pytest.mark.usefixtures("terminal")
def test_an_answer_that_is_not_y_n_or_e_is_asked_again(aidtrack: Aidtrack, store: Path) -> None:
    result = aidtrack.ok("add", "--from-text", GERMANY, input="maybe\nn\n")
    assert "y (record it), n (skip it) or e (edit its fields)" in result.stderr
    assert not store.exists()


@pytest.mark.usefixtures("terminal")
def test_a_draft_the_rules_refuse_is_asked_about_again(
    aidtrack: Aidtrack, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drafted(monkeypatch, draft(recipient="Norway", amount=money.parse_amount("NOK 1bn")))
    answers = ["y", "e", "", "Ukraine", "", "", "", "", "", "", "y"]
    result = aidtrack.ok("add", "--from-text", "text", input="\n".join(answers) + "\n")
    assert "error: Norway is both the donor and the recipient" in result.stderr
    (record,) = records(store)
    assert record["recipient"] == "Ukraine"


# 3. --yes records the complete drafts -----------------------------------------------------


def test_yes_records_the_complete_drafts_and_names_the_others(
    aidtrack: Aidtrack, store: Path
) -> None:
    result = aidtrack.ok("add", "--from-text", SEED, "--yes")
    assert result.stdout == "p1\n"
    assert "warning: draft 1 of 2 not recorded: it misses amount, currency" in result.stderr
    (record,) = records(store)
    assert (record["year"], record["amount"], record["status"]) == (2025, "7000000000", "disbursed")


def test_yes_with_no_complete_draft_is_an_error_and_writes_nothing(
    aidtrack: Aidtrack, store: Path
) -> None:
    result = aidtrack("add", "--from-text", NO_RECIPIENT, "--yes")
    assert result.exit_code == 1
    assert "error: no draft can be recorded: draft 1 of 1: it misses recipient" in result.stderr
    assert not store.exists()


def test_yes_names_a_complete_draft_the_rules_refuse(
    aidtrack: Aidtrack, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = draft(recipient="Norway", amount=money.parse_amount("NOK 1bn"))
    good = draft(amount=money.parse_amount("NOK 2bn"))
    drafted(monkeypatch, own, good)
    result = aidtrack.ok("add", "--from-text", "text", "--yes")
    assert "draft 1 of 2 not recorded: Norway is both the donor and the recipient" in result.stderr
    (record,) = records(store)
    assert record["amount"] == "2000000000"


def test_the_help_says_what_yes_records_and_the_exit_code(aidtrack: Aidtrack) -> None:
    shown = " ".join(aidtrack.ok("add", "--help").stdout.split())
    assert "records the complete drafts" in shown and "exit 1" in shown


# 4. $AIDTRACK_RECIPIENT ------------------------------------------------------------------


def test_the_recipient_defaults_to_aidtrack_recipient(
    aidtrack: Aidtrack, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AIDTRACK_RECIPIENT", "Ukraine")
    shown = aidtrack.ok("extract", NO_RECIPIENT).stdout
    assert "Ukraine   \u2190 \u201c$AIDTRACK_RECIPIENT\u201d" in shown
    assert aidtrack.ok("add", "--from-text", NO_RECIPIENT, "--yes").stdout == "p1\n"
    (record,) = records(store)
    assert (record["donor"], record["recipient"]) == ("Norway", "Ukraine")
    assert "recipient open" not in (record["note"] or "")


def test_an_unknown_aidtrack_recipient_is_one_line(
    aidtrack: Aidtrack, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AIDTRACK_RECIPIENT", "Ukrania")
    result = aidtrack("add", "--from-text", NO_RECIPIENT, "--yes")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: $AIDTRACK_RECIPIENT: unknown recipient 'Ukrania'")
    assert len(result.stderr.splitlines()) == 1 and not store.exists()


def test_the_default_recipient_fills_only_an_unnamed_one() -> None:
    named, unnamed, several, itself = (
        draft(),
        draft(recipient=None),
        draft(recipient=None),
        (draft(donor="Ukraine", recipient=None)),
    )
    unnamed.open["recipient"] = "the text names no recipient"
    several.open["recipient"] = "the sentence names several recipients: Moldova, Ukraine"
    news.default_recipient([named, unnamed, several, itself], "ukraine")
    assert unnamed.found["recipient"] == Found("Ukraine", "$AIDTRACK_RECIPIENT")
    assert "recipient" not in unnamed.open
    assert "recipient" not in several.found and "recipient" not in itself.found
    assert named.value("recipient") == "Ukraine" and named.found["recipient"].words == "Ukraine"
