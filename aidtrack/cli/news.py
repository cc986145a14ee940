"""From the news to records: `extract`, and the drafts `add --from-text` asks about."""

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .. import render
from ..environment import Environment
from ..errors import InvalidInput
from . import Format, FormatOption, JsonOption, command, output_format, records_of

if TYPE_CHECKING:
    from ..extract import Draft, Found
    from ..model import Pledge


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
    """The text's drafts; a relative one ("the same level as in 2025") takes its amount
    from the donor's record of that year when the store holds exactly one."""
    from .. import extract
    from ..analysis import Selection
    from ..model import YearSpan

    drafts = extract.extract(text, source_date=source_date)
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
    fmt: FormatOption = None,
) -> None:
    """Read pledges out of news text: draft records, never written to the store.

    Each draft shows the fields found and the words they were found in, and the fields
    left open with the reason (two amounts, two donors, kroner no donor settles). With
    --format ndjson, json or csv the drafts come out as `aidtrack import` reads them: an
    open field stays empty, so importing fails naming it.
    """
    from ..extract import record

    env: Environment = ctx.obj
    shown = output_format(json_flag, fmt)
    day = source_date_of(source_date)
    drafts = drafts_of(env, read_text(text, env), day)
    if shown is Format.TABLE:
        env.show(render.drafts_view(drafts))
        return
    if shown in (Format.MARKDOWN, Format.TSV):
        raise InvalidInput(f"extract prints drafts as a table, json, ndjson or csv, not {shown}")
    rows = [record(drafts, i, source=source, source_date=day) for i in range(len(drafts))]
    if shown is Format.CSV:
        from ..formats import CSV_COLUMNS
        from ..interchange import table_csv_text

        env.write(table_csv_text(map(_csv_row, rows), CSV_COLUMNS))
    elif shown is Format.JSON:
        env.write(render.json_text(rows))
    else:
        env.write(render.ndjson_text(rows))


def _csv_row(row: dict[str, Any]) -> dict[str, Any]:
    """A JSON draft as a CSV row: the years as one label, the source in its columns."""
    years = row.get("years")
    flat = {k: v for k, v in row.items() if k not in ("years", "sources")}
    if years:
        flat["year"] = f"{years[0]}-{years[1]}"
    (source,) = row["sources"]
    return flat | {
        "source_url": source["url"],
        "source_date": source["date"],
        "quote": source["quote"],
    }


QUESTIONS = {
    "donor": "Donor (country or institution)",
    "recipient": "Recipient",
    "years": "Year or range (2026, 2023-2027)",
    "amount": "Amount (85bn, NOK 85bn, 7,5 mrd)",
    "currency": "Currency (ISO 4217: NOK, EUR, USD...)",
}


def add_from_text(
    env: Environment,
    text: str,
    *,
    source: str | None,
    source_date: str | None,
    yes: bool,
    force: bool,
) -> "list[Pledge]":
    """`add --from-text`: the drafts shown, what is missing asked for, each draft
    accepted or skipped; the accepted ones saved with the sentence as their quote.
    Without a terminal, `--yes` records complete drafts and refuses incomplete ones."""
    from ..extract import record
    from ..model import Builder, Source

    day = source_date_of(source_date)
    drafts = drafts_of(env, read_text(text, env), day)
    if not drafts:
        raise InvalidInput("no pledge found in the text (see `aidtrack extract`)")
    if env.interactive and not yes:
        env.show(render.drafts_view(drafts), stderr=True)
        accepted = [i for i, draft in enumerate(drafts) if _accepted(i, draft, len(drafts))]
    else:
        if not yes:
            raise InvalidInput("add --from-text asks about each draft on a terminal; pass --yes")
        missing = [f"draft {i + 1} misses {', '.join(d.missing)}" for i, d in enumerate(drafts)]
        incomplete = [line for line, d in zip(missing, drafts, strict=True) if d.missing]
        if incomplete:
            raise InvalidInput("; ".join(incomplete) + " (see `aidtrack extract`)")
        accepted = list(range(len(drafts)))
    builder = Builder()
    added: list[Pledge] = []
    with records_of(env, write=True) as ledger:
        new_ids = dict(zip(accepted, ledger.new_ids(len(accepted)), strict=True))
        for index in accepted:
            row = record(drafts, index, source=source, source_date=day)
            whole = drafts[index].part_of
            row["part_of"] = new_ids.get(whole) if whole is not None else None
            quote = Source(source, day.isoformat() if day else None, drafts[index].quote)
            pledge = builder.build(row, id=new_ids[index], sources=[quote])
            added.append(ledger.add(pledge, force=force))
    return added


def _accepted(index: int, draft: "Draft", count: int) -> bool:
    """Ask whether to record one draft, and for what it misses."""
    if not typer.confirm(f"Record draft {index + 1} of {count}?", default=True, err=True):
        return False
    for name in draft.missing:
        draft.found[name] = _asked(name, draft)
    return True


def _asked(name: str, draft: "Draft") -> "Found":
    """A missing field, asked until the answer is valid."""
    from .. import money, places
    from ..extract import Found
    from ..model import YearSpan

    parse = {
        "donor": lambda text: places.resolve(text, "donor").name,
        "recipient": lambda text: places.resolve(text, "recipient").name,
        "years": YearSpan.parse,
        "amount": lambda text: money.parse_amount(text).value,
        "currency": money.normalize_currency,
    }[name]
    why = draft.open.get(name, "")
    question = QUESTIONS[name] + (f" [{why}]" if why else "")
    while True:
        answer = typer.prompt(question, err=True)
        try:
            return Found(parse(answer), "typed")
        except InvalidInput as error:
            typer.echo(f"error: {error}", err=True)
