"""Commands on single records: add, deliver, list, show, progress, edit, revise, remove."""

import shlex
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple

import typer

from .. import analysis, model, money
from ..environment import Environment
from ..errors import InvalidInput, did_you_mean
from ..model import Pledge, Source, Status
from . import (
    AnnouncedOption,
    CategoryOption,
    CurrencyOption,
    DonorsOption,
    Filters,
    ForceOption,
    FormatOption,
    InstrumentOption,
    JsonOption,
    LabelOption,
    NoteOption,
    QualifierOption,
    QuoteOption,
    RecipientOption,
    SourceDateOption,
    SourceOption,
    StatusOption,
    WideOption,
    YearOption,
    YearsFilterOption,
    bundled,
    command,
    complete_id,
    complete_party,
    completing,
    records_of,
    warn_missing_rates,
)
from .output import Format, emit, format_of

if TYPE_CHECKING:
    from ..ledger import Ledger

TABLE_PAGE = 30
PROGRESS_FORMATS = (Format.TABLE, Format.JSON, Format.NDJSON, Format.MARKDOWN)
ChannelOption = Annotated[
    str | None,
    typer.Option(
        "--channel", help="The fund or body the money goes through: PURL, Ukraine Facility..."
    ),
]


def _sources(
    url: str | None, date: str | None, quote: str | None, announced: str | None
) -> Sequence[Source]:
    """The source given on the command line, if any; its date defaults to the announcement's."""
    if not (url or quote):
        return []
    return [Source(url or None, model.parse_date(date or announced, "source date"), quote or None)]


def _given(**options: str | None) -> dict[str, str]:
    """Only the options the user actually gave."""
    return {name: value for name, value in options.items() if value is not None}


class Described(NamedTuple):
    """What `add`, `edit` and `revise` may say of a record besides its figures and its
    parties: options the three take alike, declared once."""

    currency: CurrencyOption = None
    status: StatusOption = None
    category: CategoryOption = None
    qualifier: QualifierOption = None
    instrument: InstrumentOption = None
    label: LabelOption = None
    announced: AnnouncedOption = None
    source: SourceOption = None
    source_date: SourceDateOption = None
    quote: QuoteOption = None
    note: NoteOption = None

    def fields(self) -> dict[str, str]:
        """The record's fields given, by their names in the record."""
        return _given(
            currency=self.currency,
            status=self.status,
            category=self.category,
            qualifier=self.qualifier,
            instrument=self.instrument,
            label=self.label,
            announced_on=self.announced,
            note=self.note,
        )

    def sources(self) -> Sequence[Source]:
        """The source given, if any; its date defaults to the announcement's."""
        return _sources(self.source, self.source_date, self.quote, self.announced)


with_description = bundled("described", Described)


def _progress(ledger: "Ledger", pledge: Pledge) -> "analysis.Progress | None":
    """What was delivered of a current pledge (DESIGN §2a); None for a delivery, for a
    superseded version (its deliveries moved to the current one) and for a part of a
    single-year whole that has none (its whole is the promise delivered against)."""
    gone = ledger.superseded()
    if pledge.delivery_of or pledge.id in gone:
        return None
    if pledge.part_of and not ledger.deliveries_of(pledge.id):
        whole = ledger.find(pledge.part_of)
        if whole is not None and not whole.years.is_envelope:
            return None
    parts: list[Pledge] = []
    if pledge.years.is_envelope:
        links = ledger.links()
        parts = [ledger.get(i) for i, _, of, _ in links if of == pledge.id and i not in gone]
    paid = {p.id: ledger.deliveries_of(p.id) for p in (pledge, *parts)}
    records = analysis.delivered_records(pledge, parts, paid)
    return analysis.progress_of(pledge, records, ledger.rate_table().convert)


def _report_written(env: Environment, verb: str, pledges: list[Pledge], fmt: Format) -> None:
    """After a write: a line for the person and the ids for scripts, or the records as data."""
    from ..views.records import WrittenView

    emit(env, fmt, WrittenView(verb, pledges))


def _prompt_missing(env: Environment, fields: dict[str, Any]) -> None:
    """Ask for the required fields that are missing, but only when a person is there."""
    questions = {
        "donor": "Donor (country or institution)",
        "amount": "Amount (e.g. 85bn, NOK 85bn)",
        "year": "Year or range (e.g. 2026, 2023-2027)",
        "recipient": "Recipient",
    }
    missing = [name for name in questions if not fields.get(name)]
    if not missing:
        return
    if not env.interactive:
        flags = {"donor": "DONOR", "amount": "AMOUNT", "year": "--year", "recipient": "--to"}
        raise InvalidInput(
            "missing "
            + ", ".join(flags[name] for name in missing)
            + "; give them on the command line (see `aidtrack add --help`)"
        )
    for name in missing:
        fields[name] = typer.prompt(questions[name], err=True)


@command(
    "add",
    panel="Record",
    examples=[
        'aidtrack add Norway "NOK 85bn" --to Ukraine --year 2026 --source '
        "https://norway.news-pravda.com/en/world/2025/10/15/7490.html",
        "aidtrack add Norway 70bn --part-of nor-2026 --category military",
        'aidtrack add Norway "85 milliarder kroner" --to Ukraine --year 2025 --status committed',
        "aidtrack add --from-text @article.txt --source URL --source-date 2025-10-15",
    ],
)
@with_description
def add(
    ctx: typer.Context,
    donor: Annotated[
        str | None,
        typer.Argument(
            metavar="DONOR", help="Donor: Norway, NO, NOR, EU...", autocompletion=complete_party
        ),
    ] = None,
    amount: Annotated[
        str | None,
        typer.Argument(
            metavar="AMOUNT", help="85bn, NOK 85bn, 7,5 mrd, 85 milliarder kroner, $7 billion..."
        ),
    ] = None,
    year: YearOption = None,
    recipient: RecipientOption = None,
    *,
    described: Described,
    channel: ChannelOption = None,
    part_of: Annotated[
        str | None,
        typer.Option(
            "--part-of", help="Id of the whole this is a part of.", autocompletion=complete_id
        ),
    ] = None,
    force: ForceOption = False,
    from_text: Annotated[
        str | None,
        typer.Option(
            "--from-text",
            metavar="TEXT|@FILE|-",
            help="Read the pledges out of news text (see `aidtrack extract`), ask about "
            "each, record those accepted with the sentence as their quote.",
        ),
    ] = None,
    yes: Annotated[
        bool,
        typer.Option(
            "--yes",
            help="With --from-text: ask nothing; records the complete drafts and warns of "
            "each other one (exit 1, nothing written, when none is complete).",
        ),
    ] = False,
    json_flag: JsonOption = False,
    format_given: FormatOption = None,
) -> None:
    """Record a pledge. Prompts for what is missing only on a terminal.

    With --from-text, on a terminal each draft is recorded (y: what it misses is asked
    for), skipped (n) or corrected field by field (e: each field's value is the default;
    an amount that names its currency settles it). With --yes, the complete drafts are
    recorded and each other one is named in a warning line (exit 0); when none is
    complete nothing is written (exit 1), as when the store refuses a draft (a likely
    duplicate, a delivery beside its promise). $AIDTRACK_RECIPIENT is the recipient of
    a draft whose text names none.
    """
    env: Environment = ctx.obj
    fmt = format_of(ctx, json_flag, format_given)
    if from_text is not None:
        from .news import add_from_text

        given = [donor, amount, year, recipient, channel, part_of, described.quote]
        if described.fields() or any(value is not None for value in given):
            raise InvalidInput(
                "with --from-text the text gives the fields; add only --source, "
                "--source-date, --yes or --force (or correct a record with `aidtrack edit`)"
            )
        added = add_from_text(
            env,
            from_text,
            source=described.source,
            source_date=described.source_date,
            yes=yes,
            force=force,
        )
        _report_written(env, "added", added, fmt)
        return
    fields: dict[str, Any] = {
        **_given(donor=donor, amount=amount, year=year),
        **described.fields(),
        **_given(channel=channel, part_of=part_of, recipient=recipient or env.recipient),
    }
    sources = described.sources()
    if part_of:
        with records_of(env) as ledger:
            fields, sources = model.part_defaults(ledger.get(part_of), fields, sources)
    _prompt_missing(env, fields)  # before the lock: a person at a prompt must not block scripts
    with records_of(env, write=True) as ledger:
        pledge = model.build(fields, id=ledger.new_id(), sources=sources)
        ledger.add(pledge, force=force)
        table = ledger.rate_table()
    warn_missing_rates(env, [pledge], table)
    if not sources:
        env.warn(
            f"{pledge.id} has no source; add one with `aidtrack edit {pledge.id} --source URL`"
        )
    _report_written(env, "added", [pledge], fmt)


@command(
    "deliver",
    panel="Record",
    examples=[
        "aidtrack deliver nor-2025 '$7bn' --qualifier at_least --year 2025 --source "
        "https://en.defence-ua.com/news/norway_to_maintain_7b_support_for_ukraine_in_2026-17337.html",
        "aidtrack deliver nor-2026 30bn --on 2026-03-31 --source URL",
        "aidtrack deliver nor-nansen-2030 'NOK 20bn' --year 2024 --status allocated --source URL",
    ],
)
def deliver(
    ctx: typer.Context,
    pledge_id: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="The pledge the money was promised by.", autocompletion=complete_id
        ),
    ],
    amount: Annotated[
        str,
        typer.Argument(
            metavar="AMOUNT",
            help="How much was delivered: 30bn (in the pledge's currency), $7bn, NOK 30bn...",
        ),
    ],
    source: Annotated[
        str, typer.Option("--source", metavar="URL", help="URL of the source (required).")
    ],
    year: Annotated[
        str | None,
        typer.Option(
            "--year",
            "-y",
            help="The year it was delivered (default: the year of --on, else the pledge's "
            "year; an envelope's delivery needs one).",
        ),
    ] = None,
    on: Annotated[
        str | None,
        typer.Option(
            "--on",
            metavar="DATE",
            help="The day it was delivered (2025-06-30), kept as the record's date.",
        ),
    ] = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            "-s",
            help="allocated or disbursed (default disbursed).",
            autocompletion=completing([Status.ALLOCATED, Status.DISBURSED]),
        ),
    ] = None,
    qualifier: QualifierOption = None,
    category: CategoryOption = None,
    currency: CurrencyOption = None,
    quote: QuoteOption = None,
    note: NoteOption = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Record it even if it looks like a duplicate or exceeds the pledge."
        ),
    ] = False,
    json_flag: JsonOption = False,
    format_given: FormatOption = None,
) -> None:
    """Record money of a pledge that was delivered (allocated or disbursed): a delivery.

    It has the pledge's donor and recipient; its currency (unless the amount names
    one), category and instrument default to the pledge's. It counts as delivered in
    its own year, never as promised, and stays with the pledge when the pledge is
    revised. The deliveries of a pledge never add up to more than it promised, unless
    --force.
    """
    env: Environment = ctx.obj
    fmt = format_of(ctx, json_flag, format_given)
    fields = _given(
        amount=amount,
        year=year,
        announced_on=on,
        status=status,
        qualifier=qualifier,
        category=category,
        currency=currency,
        note=note,
    )
    sources = _sources(source, None, quote, on)
    with records_of(env, write=True) as ledger:
        pledge = ledger.get(pledge_id)
        gone = ledger.superseded()
        if pledge.id in gone:
            newest = analysis.newest_version(ledger.links(), gone, pledge.id)
            if newest == pledge.id:
                raise InvalidInput(
                    f"{pledge.id} is superseded; deliver against its current version "
                    f"(`aidtrack show {pledge.id}` lists its versions)"
                )
            raise InvalidInput(
                f"{pledge.id} is superseded; deliver against the current pledge, {newest}: "
                f"`aidtrack deliver {newest} {shlex.quote(amount)} ...`"
            )
        fields, sources = model.delivery_defaults(pledge, fields, sources)
        delivery = model.build(fields, id=ledger.new_id(), sources=sources)
        ledger.add(delivery, force=force)
        table = ledger.rate_table()
    warn_missing_rates(env, [delivery], table)
    _report_written(env, "delivered", [delivery], fmt)


@command(
    "list",
    panel="Read",
    examples=[
        "aidtrack list --donor Norway --year 2023-2026",
        "aidtrack list --currency USD --sort amount --desc",
        "aidtrack list --json | jq '.[] | select(.status == \"committed\") | .id'",
    ],
)
@bundled("filters", Filters)
def list_pledges(
    ctx: typer.Context,
    *,
    filters: Filters,
    sort: Annotated[
        str,
        typer.Option(
            "--sort", help="year, donor, recipient, amount, status, announced, created, id."
        ),
    ] = "year",
    descending: Annotated[bool, typer.Option("--desc", help="Largest or latest first.")] = False,
    include_superseded: Annotated[
        bool, typer.Option("--all", "-a", help="Include superseded versions.")
    ] = False,
    currency: Annotated[
        str | None,
        typer.Option(
            "--currency", "-c", help="Also show each amount converted into this currency."
        ),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", "-n", min=0, help=f"Rows to show (table default {TABLE_PAGE}; 0 = all)."
        ),
    ] = None,
    wide: WideOption = False,
    json_flag: JsonOption = False,
    format_given: FormatOption = None,
) -> None:
    """List pledges: current versions, filtered and sorted. JSON lists them all.

    A record whose amount has no rate into --currency is listed with `no rate` (JSON:
    "converted": null and its "missing_rate"), and one warning names the rates to add.
    """
    from ..views.records import ListView

    env: Environment = ctx.obj
    fmt = format_of(ctx, json_flag, format_given)
    if sort not in analysis.SORT_KEYS:
        raise InvalidInput(
            f"--sort {sort!r} is not one of: {', '.join(analysis.SORT_KEYS)}"
            + did_you_mean(sort, analysis.SORT_KEYS)
        )
    selection, scope_note = filters.selection(env, include_superseded=include_superseded)
    code = money.normalize_currency(currency) if currency else None
    with records_of(env) as ledger:
        gone = ledger.superseded()
        chosen = analysis.sort(analysis.select(ledger.as_json(), selection, gone), sort, descending)
        rates = ledger.rate_table() if code else None
    page = limit if limit is not None else (TABLE_PAGE if fmt is Format.TABLE else 0)
    visible = chosen[:page] if page else chosen
    pledges = converted = None
    if rates is not None and code:
        # JSON prints the records as stored: they are built only to be converted or drawn.
        pledges = [Pledge.from_json(record) for record in visible]
        converted = analysis.conversions(pledges, rates, code)
        if converted.missing:
            from ..rates import missing_message  # loaded by a conversion, as the rates are

            env.warn(missing_message(converted.all_missing()))
    view = ListView(
        visible,
        len(chosen),
        superseded=gone if include_superseded else set(),
        scope_note=scope_note,
        pledges=pledges,
        converted=converted,
        currency=code,
        rates_through=rates.last_date if rates is not None else "",
    )
    emit(env, fmt, view, wide=wide)


@command(
    "show",
    panel="Read",
    examples=[
        "aidtrack show nor-2026",
        "aidtrack show nor-nansen-2030 --json | jq .sources",
    ],
)
def show(
    ctx: typer.Context,
    pledge_id: Annotated[
        str, typer.Argument(metavar="ID", help="The pledge's id.", autocompletion=complete_id)
    ],
    wide: WideOption = False,
    json_flag: JsonOption = False,
    format_given: FormatOption = None,
) -> None:
    """Show one pledge with its sources, its versions, its parts and its deliveries.

    A current pledge that is not itself a delivery ends with what was delivered of it
    to date: each delivery, and promised against delivered (in its currency, each
    delivery converted at its own year's rate). JSON adds `deliveries` and `delivered`.
    """
    from ..views.records import DetailView

    env: Environment = ctx.obj
    fmt = format_of(ctx, json_flag, format_given)
    with records_of(env) as ledger:  # the view reads the record's versions and parts
        pledge = ledger.get(pledge_id)
        emit(env, fmt, DetailView(pledge, _progress(ledger, pledge), ledger), wide=wide)


@command(
    "progress",
    panel="Read",
    examples=[
        "aidtrack progress",
        "aidtrack progress --donor Norway --year 2023-2026",
        "aidtrack progress --json | jq -c '.[] | {id, delivered, delivered_pct}'",
    ],
)
def progress(
    ctx: typer.Context,
    donor: DonorsOption = None,
    year: YearsFilterOption = None,
    wide: WideOption = False,
    json_flag: JsonOption = False,
    format_given: FormatOption = None,
) -> None:
    """What each pledge promised against what was delivered of it to date.

    One row per current pledge that is a whole (not a delivery, not a part of a
    single-year whole): what it promised, what was delivered of it in its currency
    (each delivery converted at its own year's rate), the share, and the latest
    delivery. A pledge that itself reached allocated and has no deliveries delivered
    its own amount. JSON: one object per pledge, amounts as exact strings.
    """
    from ..views.records import ProgressView

    env: Environment = ctx.obj
    fmt = format_of(ctx, json_flag, format_given, PROGRESS_FORMATS)
    selection = analysis.Selection.from_text(donors=donor or (), years=year)
    with records_of(env) as ledger:
        rows = analysis.progress(ledger.pledges(), ledger.rate_table().convert, selection)
    missing = {(e.year, e.currency): e for row in rows for e in row.missing}
    if missing:
        from ..rates import missing_message

        env.warn(missing_message([error for _, error in sorted(missing.items())]))
    emit(env, fmt, ProgressView(rows), wide=wide)


@command(
    "edit",
    panel="Record",
    examples=[
        "aidtrack edit nor-2026-civ --category civilian",
        "aidtrack edit nor-2026 --source https://norway.news-pravda.com/en/world/2025/10/15/7490.html",
    ],
)
@with_description
def edit(
    ctx: typer.Context,
    pledge_id: Annotated[
        str, typer.Argument(metavar="ID", help="The pledge to correct.", autocompletion=complete_id)
    ],
    donor: Annotated[
        str | None,
        typer.Option("--donor", help="The right donor.", autocompletion=complete_party),
    ] = None,
    amount: Annotated[
        str | None, typer.Option("--amount", help="The right amount (a new figure: revise).")
    ] = None,
    year: Annotated[
        str | None, typer.Option("--year", "-y", help="The right year or range (2023-2027).")
    ] = None,
    recipient: Annotated[
        str | None,
        typer.Option(
            "--to", "--recipient", help="The right recipient.", autocompletion=complete_party
        ),
    ] = None,
    *,
    described: Described,
    channel: ChannelOption = None,
    json_flag: JsonOption = False,
    format_given: FormatOption = None,
) -> None:
    """Correct a record in place (a typo). For a new amount or stage, use `revise`.

    A --source given here is added to the record's sources. A whole's parts move with
    it to new years, and a new donor goes to every record linked to it.
    """
    env: Environment = ctx.obj
    fmt = format_of(ctx, json_flag, format_given)
    changes = {
        **_given(donor=donor, amount=amount, year=year, recipient=recipient),
        **described.fields(),
        **_given(channel=channel),
    }
    new_sources = described.sources()
    if not changes and not new_sources:
        raise InvalidInput(
            "nothing to change; give at least one option (see `aidtrack edit --help`)"
        )
    with records_of(env, write=True) as ledger:
        edited = ledger.edit(pledge_id, changes, new_sources)
    _report_written(env, "edited", edited, fmt)


@command(
    "revise",
    panel="Record",
    examples=[
        'aidtrack revise nor-2025-first "NOK 85bn" --qualifier exact --source '
        "https://www.pravda.com.ua/eng/news/2025/08/25/7527721/",
        "aidtrack revise nor-2026 --status committed",
        'aidtrack revise nor-2026 --amount "85 milliarder kroner" --year 2026',
    ],
)
@with_description
def revise(
    ctx: typer.Context,
    pledge_id: Annotated[
        str, typer.Argument(metavar="ID", help="The current version.", autocompletion=complete_id)
    ],
    amount: Annotated[
        str | None, typer.Argument(metavar="AMOUNT", help="The new amount, if it changed.")
    ] = None,
    amount_option: Annotated[
        str | None, typer.Option("--amount", help="The new amount (the same as AMOUNT).")
    ] = None,
    year: Annotated[
        str | None, typer.Option("--year", "-y", help="The new year or range (2023-2027).")
    ] = None,
    *,
    described: Described,
    json_flag: JsonOption = False,
    format_given: FormatOption = None,
) -> None:
    """Record a new version of a pledge (new amount or new stage); the old one stays as history.

    Without --source, the new version keeps the old one's sources. When the amount
    stays, the parts are carried over to the new version (and moved to its years).
    """
    env: Environment = ctx.obj
    fmt = format_of(ctx, json_flag, format_given)
    if amount is not None and amount_option is not None and amount != amount_option:
        raise InvalidInput(f"two amounts, {amount!r} and --amount {amount_option!r}; give one")
    changes = {
        **_given(amount=amount if amount is not None else amount_option, year=year),
        **described.fields(),
    }
    if not changes:
        raise InvalidInput(
            "nothing changes; give a new AMOUNT or --status (see `aidtrack revise --help`)"
        )
    sources = described.sources()
    with records_of(env, write=True) as ledger:
        added = ledger.revise(pledge_id, changes, sources)
    if not added[0].sources:
        env.warn(
            f"{added[0].id} has no source; add one with `aidtrack edit {added[0].id} --source URL`"
        )
    _report_written(env, "revised", added, fmt)


@command(
    "remove",
    panel="Record",
    examples=[
        "aidtrack remove p7",
        "aidtrack remove p7 --yes",
    ],
)
def remove(
    ctx: typer.Context,
    pledge_id: Annotated[
        str, typer.Argument(metavar="ID", help="The pledge to delete.", autocompletion=complete_id)
    ],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask; needed off a terminal.")] = False,
) -> None:
    """Delete a record for good (to replace a figure, use `revise`)."""
    env: Environment = ctx.obj
    if not yes:
        with records_of(env) as ledger:
            pledge = ledger.get(pledge_id)
        if not env.interactive:
            raise InvalidInput(f"remove asks before deleting; pass --yes to remove {pledge_id}")
        from ..drawing import amount_cell

        what = f"{pledge.donor} {pledge.year_label} {amount_cell(pledge)}"
        # Asked before the lock is taken: a person thinking must not block scripts.
        if not typer.confirm(f"Remove {pledge.id} ({what})?", err=True):
            env.say("kept")
            return
    with records_of(env, write=True) as ledger:
        pledge = ledger.remove(pledge_id)
    env.say(f"removed {pledge.id}")
