"""From the news to records: `extract`, and the drafts `add --from-text` asks about."""

import datetime as dt
import re
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..environment import Environment
from ..errors import InvalidInput
from ..model import Category, Instrument, Qualifier, Status
from . import FormatOption, JsonOption, command, records_of
from .output import Format, emit, format_of

EXTRACT_FORMATS = (Format.TABLE, Format.JSON, Format.NDJSON, Format.CSV)

if TYPE_CHECKING:
    from ..extract import Draft
    from ..model import Pledge
    from ..money import ParsedAmount


def read_text(given: str | None, env: Environment) -> str:
    """The text to read: the argument, `-` (or nothing, from a pipe) for stdin, or
    `@file` for a file."""
    if given is None or given == "-":
        if given is None and env.interactive:
            raise InvalidInput("give the text, @FILE or - (stdin); see `aidtrack extract --help`")
        return env.stdin.read()
    if given.startswith("@"):
        from ..interchange import read_text as read_file

        return read_file(given[1:], env.stdin)
    return given


def source_date_of(text: str | None) -> dt.date | None:
    from ..model import parse_date

    day = parse_date(text, "source date")
    return dt.date.fromisoformat(day) if day else None


def drafts_of(env: Environment, text: str, source_date: dt.date | None) -> "list[Draft]":
    """The text's drafts, `$AIDTRACK_RECIPIENT` the recipient of those whose text
    names none (see `default_recipient`); a relative one ("the same level as in 2025")
    takes its amount from the donor's record of that year when the store holds
    exactly one."""
    from .. import extract
    from ..analysis import Selection
    from ..model import YearSpan

    drafts = extract.extract(text, source_date=source_date)
    if env.recipient:
        default_recipient(drafts, env.recipient)
    wanted = [d for d in drafts if d.relative_to is not None and "donor" in d.found]
    if wanted and env.store.exists():
        with records_of(env) as ledger:
            pledges = ledger.current()
        for draft in wanted:
            year = draft.relative_to or 0
            recipient = draft.value("recipient")
            selection = Selection(
                donors=frozenset([draft.value("donor")]),
                recipients=frozenset([recipient] if recipient else ()),
                years=YearSpan(year, year),
            )
            candidates = [
                p
                for p in pledges
                if selection.matches(p)
                and not p.years.is_envelope
                and p.part_of is None
                and p.delivery_of is None  # the year's promise, not what was delivered of it
            ]
            extract.propose_from(draft, candidates)
    return drafts


@command(
    "extract",
    panel="Record",
    examples=[
        'aidtrack extract "Norway plans to maintain its level of support for Ukraine in 2026 at '
        'the same scale as in 2025, when Oslo provided more than $7 billion in assistance."',
        "aidtrack extract @article.txt --source URL --source-date 2025-10-15",
        "aidtrack extract @article.txt --source URL --format ndjson | aidtrack import - "
        "--format ndjson",
    ],
)
def extract_command(
    ctx: typer.Context,
    text: Annotated[
        str | None,
        typer.Argument(metavar="TEXT|@FILE|-", help="The sentence or article (- reads stdin)."),
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="URL of the article, kept as the source.")
    ] = None,
    source_date: Annotated[
        str | None,
        typer.Option(
            "--source-date", help="Date of the article: settles 'this year', 'next year'."
        ),
    ] = None,
    json_flag: JsonOption = False,
    format_given: FormatOption = None,
) -> None:
    """Read pledges out of news text: draft records, never written to the store.

    Each draft shows the fields found and the words they were found in, and the fields
    left open with the reason (two amounts, two donors, kroner no donor settles). With
    --format ndjson, json or csv the drafts come out as `aidtrack import` reads them: an
    open field stays empty, so importing fails naming it.
    """
    from ..views.extract import DraftsView

    env: Environment = ctx.obj
    fmt = format_of(ctx, json_flag, format_given, EXTRACT_FORMATS)
    day = source_date_of(source_date)
    drafts = drafts_of(env, read_text(text, env), day)
    emit(env, fmt, DraftsView(drafts, source=source, source_date=day))


ENV_RECIPIENT = "$AIDTRACK_RECIPIENT"
TYPED = "typed"
QUESTIONS = {
    "donor": "Donor (country or institution)",
    "recipient": "Recipient",
    "years": "Year or range (2026, 2023-2027)",
    "amount": "Amount (85bn, NOK 85bn, 7,5 mrd)",
    "currency": "Currency (ISO 4217: NOK, EUR, USD...)",
    "qualifier": f"Qualifier ({', '.join(Qualifier)})",
    "status": f"Stage ({', '.join(Status)})",
    "category": f"Category ({', '.join(Category)})",
    "instrument": f"Instrument ({', '.join(Instrument)})",
}
WORDS: dict[str, type[StrEnum]] = {
    "qualifier": Qualifier,
    "status": Status,
    "category": Category,
    "instrument": Instrument,
}
UNSAID = {
    "qualifier": Qualifier.EXACT,
    "status": Status.ANNOUNCED,
    "category": Category.MIXED,
    "instrument": Instrument.UNSPECIFIED,
}
"""What a record takes for a word the text does not say (`model.Builder`)."""
ANSWERS = {"y": "y", "yes": "y", "n": "n", "no": "n", "e": "e", "edit": "e"}


def default_recipient(drafts: "Sequence[Draft]", given: str) -> None:
    """`$AIDTRACK_RECIPIENT` as the recipient of each draft whose text names none, as
    `add` takes it when --to is not given. Not where the text leaves the recipient in
    doubt (its reason names a party: "several recipients: Moldova, Ukraine"), nor for
    a draft whose donor it is."""
    from .. import places
    from ..extract import Found

    try:
        party = places.resolve(given, "recipient")
    except InvalidInput as error:
        raise InvalidInput(f"{ENV_RECIPIENT}: {error}") from None
    for draft in drafts:
        doubt = draft.open.get("recipient", "")
        if "recipient" in draft.found or draft.value("donor") == party.name:
            continue
        if doubt and any(re.search(rf"\b{re.escape(n)}\b", doubt) for n in places.names()):
            continue
        draft.found["recipient"] = Found(party.name, ENV_RECIPIENT)
        draft.open.pop("recipient", None)


def add_from_text(
    env: Environment,
    text: str,
    *,
    source: str | None,
    source_date: str | None,
    yes: bool,
    force: bool,
) -> "list[Pledge]":
    """`add --from-text`: the drafts shown, then each recorded (y), skipped (n) or
    corrected field by field (e), what it misses asked for; the accepted ones saved
    with the sentence as their quote. Without a terminal, `--yes` records the complete
    drafts and names each other one in a warning; none complete is an error."""
    from ..extract import record
    from ..model import Builder, Source

    day = source_date_of(source_date)
    drafts = drafts_of(env, read_text(text, env), day)
    if not drafts:
        raise InvalidInput("no pledge found in the text (see `aidtrack extract`)")

    def checked(index: int) -> "Pledge | str":
        """The draft as the record it would be, or why it cannot be one."""
        missing = drafts[index].missing
        if missing:
            return "it misses " + ", ".join(missing)
        try:
            return Builder().build(record(drafts, index, source=source, source_date=day))
        except InvalidInput as error:
            return str(error)

    if env.interactive and not yes:
        from ..views.extract import DraftsView

        env.show(DraftsView(drafts, source=source, source_date=day).parts(), stderr=True)
        accepted = [i for i in range(len(drafts)) if _accepted(drafts, i, checked)]
    elif not yes:
        raise InvalidInput("add --from-text asks about each draft on a terminal; pass --yes")
    else:
        accepted = _recordable(env, len(drafts), checked)
    builder = Builder()
    added: list[Pledge] = []
    with records_of(env, write=True) as ledger:
        new_ids = dict(zip(accepted, ledger.new_ids(len(accepted)), strict=True))
        for index in accepted:
            row = record(drafts, index, source=source, source_date=day)
            for link in ("part_of", "delivery_of"):  # to drafts recorded now, or none
                target = getattr(drafts[index], link)
                row[link] = new_ids.get(target) if target is not None else None
            quote = Source(source, day.isoformat() if day else None, drafts[index].quote)
            pledge = builder.build(row, id=new_ids[index], sources=[quote])
            added.append(ledger.add(pledge, force=force))
    return added


def _recordable(
    env: Environment, count: int, checked: "Callable[[int], Pledge | str]"
) -> list[int]:
    """`--yes`: the drafts that are complete records, each other one named in a
    warning; an error when there is none."""
    results = [checked(index) for index in range(count)]
    refused = [(i + 1, why) for i, why in enumerate(results) if isinstance(why, str)]
    if len(refused) == count:
        lines = [f"draft {number} of {count}: {why}" for number, why in refused]
        raise InvalidInput(
            "no draft can be recorded: " + "; ".join(lines) + " (see `aidtrack extract`)"
        )
    for number, why in refused:
        env.warn(f"draft {number} of {count} not recorded: {why}")
    return [i for i, result in enumerate(results) if not isinstance(result, str)]


def _accepted(
    drafts: "Sequence[Draft]", index: int, checked: "Callable[[int], Pledge | str]"
) -> bool:
    """Ask about one draft until it is recorded (y) or skipped (n). `y` asks for what it
    misses; `e` asks every field, its value as the default, then about the draft
    again. A draft the record rules refuse is asked about again, with the reason."""
    draft = drafts[index]
    question = f"Record draft {index + 1} of {len(drafts)}? [y/n/e(dit)]"
    while True:
        answer = _answer(question)
        if answer == "n":
            return False
        if answer == "e":
            _edit(draft)
        else:
            _fill(draft)
        result = checked(index)
        if isinstance(result, str):
            typer.echo(f"error: {result}", err=True)
        elif answer == "y":
            return True
        else:
            typer.echo(f"  now: {_summary(result)}", err=True)


def _answer(question: str) -> str:
    while True:
        given = typer.prompt(question, default="y", show_default=False, err=True)
        answer = ANSWERS.get(str(given).strip().lower())
        if answer:
            return answer
        typer.echo("error: answer y (record it), n (skip it) or e (edit its fields)", err=True)


def _summary(pledge: "Pledge") -> str:
    from ..drawing import amount_cell

    return (
        f"{pledge.donor} -> {pledge.recipient} {pledge.year_label} "
        f"{amount_cell(pledge)} ({pledge.status.value}, {pledge.category.value}, "
        f"{pledge.instrument.value})"
    )


def _fill(draft: "Draft") -> None:
    """Ask for what the draft misses (an amount that names its currency settles it)."""
    from ..extract import REQUIRED

    for name in REQUIRED:
        if name not in draft.found:
            _ask(draft, name, None, editing=False)


def _edit(draft: "Draft") -> None:
    """Ask every field, its value as the default (Enter keeps it). The currency is
    asked only when the amount does not name it: the amount's own is never overridden."""
    from ..extract import FIELDS

    for name in FIELDS:
        if name == "currency":
            own = _amount_currency(draft)
            if own:
                _settle(draft, "currency", own)
                continue
        _ask(draft, name, _shown(draft, name), editing=True)


def _ask(draft: "Draft", name: str, default: str | None, *, editing: bool) -> None:
    """One field, asked until the answer is valid."""
    why = draft.open.get(name)
    question = QUESTIONS[name] + (f" [{why}]" if why and default is None else "")
    while True:
        answer = typer.prompt(question, default=default, err=True)
        try:
            _settle(draft, name, _parsed(draft, name, str(answer), editing=editing))
            return
        except InvalidInput as error:
            typer.echo(f"error: {error}", err=True)


def _settle(draft: "Draft", name: str, value: Any) -> None:
    from ..extract import Found

    draft.found[name] = Found(value, TYPED)
    draft.open.pop(name, None)
    own = _amount_currency(draft)
    if name == "donor" and own and "currency" not in draft.found:
        _settle(draft, "currency", own)  # the donor's kroner


def _parsed(draft: "Draft", name: str, text: str, *, editing: bool) -> Any:
    """An answer as the field's value; an amount that names its currency settles it,
    and one that clashes with the currency the draft keeps is refused."""
    from .. import money, places
    from ..model import YearSpan, choice, currency_clash

    if name in ("donor", "recipient"):
        return places.resolve(text, name).name
    if name == "years":
        return YearSpan.parse(text)
    if name in WORDS:
        return choice(WORDS[name], text, name)
    if name == "currency":
        code = money.normalize_currency(text)
        clash = _clashes(draft, code)
        if clash:
            raise InvalidInput(clash)
        return code
    parsed = money.parse_amount(text)
    kept = None if editing else draft.value("currency")  # editing, the currency comes next
    clash = currency_clash(parsed, kept, _donor_code(draft))
    if clash:
        raise InvalidInput(clash)
    draft.parsed = parsed
    own = parsed.settled(None, _donor_code(draft)) if parsed.names_currency else None
    if own:
        _settle(draft, "currency", own)
    return parsed.value


def _shown(draft: "Draft", name: str) -> str | None:
    """A field's value as it is typed: the default of its question."""
    value = draft.value(name)
    if value is None:
        unsaid = UNSAID.get(name)
        return unsaid.value if unsaid else None
    if name == "amount":
        parsed = _own_amount(draft)
        if parsed and parsed.currency:
            return f"{parsed.currency} {value:f}"
        return f"{value:f} {parsed.shared}" if parsed and parsed.one_of else f"{value:f}"
    if name == "currency":
        return None if _clashes(draft, str(value)) else str(value)
    return str(value)


def _clashes(draft: "Draft", currency: str) -> str | None:
    """Why the draft's amount does not allow `currency` (`85 milliarder kroner` in USD)."""
    from ..model import currency_clash

    parsed = _own_amount(draft)
    return currency_clash(parsed, currency, _donor_code(draft)) if parsed else None


def _own_amount(draft: "Draft") -> "ParsedAmount | None":
    """The amount as written, when it is the draft's amount: the currency it names."""
    parsed = draft.parsed
    return parsed if parsed is not None and parsed.value == draft.value("amount") else None


def _amount_currency(draft: "Draft") -> str | None:
    """The currency the draft's amount settles: the one it names, or its donor's kroner."""
    parsed = _own_amount(draft)
    if parsed is None or not parsed.names_currency:
        return None
    return parsed.settled(None, _donor_code(draft))


def _donor_code(draft: "Draft") -> str | None:
    from .. import places

    donor = draft.value("donor")
    try:
        return places.resolve(str(donor)).code if donor else None
    except InvalidInput:
        return None
