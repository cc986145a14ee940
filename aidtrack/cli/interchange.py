"""Commands that move records in and out: import, export, and init with the sample data."""

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .. import analysis, render
from ..environment import Environment
from ..errors import InvalidInput
from ..formats import FileFormat
from ..model import Pledge
from . import (
    CategoriesOption,
    DonorsOption,
    ForceOption,
    GroupOption,
    RecipientFilterOption,
    StatusesOption,
    YearsFilterOption,
    command,
    group_of,
    recipient_of,
    records_of,
    warn_missing_rates,
    word_option,
)

if TYPE_CHECKING:
    from ..interchange import Progress
    from ..mapping import ColumnMap

PROGRESS_FROM = 2000  # rows; a smaller import is over before a bar would help

FileFormatOption = Annotated[
    FileFormat | None,
    word_option(
        FileFormat,
        "--format",
        "-f",
        help="csv, json, ndjson or sqlite (default: from the file's extension, else csv).",
        metavar="FORMAT",
    ),
]


@command(
    "import",
    panel="Data",
    examples=[
        "aidtrack import data/pledges-starter.csv --dry-run",
        "aidtrack import data/pledges-starter.csv",
        "aidtrack export --all --format ndjson | aidtrack --db copy.json import - --format ndjson",
        'aidtrack import tracker.xlsx --map donor="Donor country" --map year=date '
        "--map amount=value_EUR --set recipient=Ukraine --set currency=EUR --dry-run",
    ],
)
def import_(
    ctx: typer.Context,
    file: Annotated[
        str, typer.Argument(metavar="FILE|-", help="A .csv, .json or .ndjson file; - reads stdin.")
    ],
    fmt: FileFormatOption = None,
    update: Annotated[
        bool, typer.Option("--update", help="Replace stored records whose id the file gives.")
    ] = False,
    force: ForceOption = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check everything, write nothing.")
    ] = False,
    json_flag: Annotated[
        bool, typer.Option("--json", help="Print the summary as JSON (the input is --format).")
    ] = False,
    maps: Annotated[
        list[str] | None,
        typer.Option(
            "--map", metavar="FIELD=COLUMN", help="Read FIELD from the file's COLUMN (repeatable)."
        ),
    ] = None,
    sets: Annotated[
        list[str] | None,
        typer.Option("--set", metavar="FIELD=VALUE", help="FIELD is VALUE in every row."),
    ] = None,
    values: Annotated[
        list[str] | None,
        typer.Option(
            "--value",
            metavar="FIELD:WORD=OURS",
            help="The file's WORD for a stage or category means OURS (repeatable).",
        ),
    ] = None,
    mapping_file: Annotated[
        Path | None,
        typer.Option(
            "--mapping", metavar="FILE", help="The map as TOML: [map], [set], [values.FIELD]."
        ),
    ] = None,
    skip_empty: Annotated[
        bool, typer.Option("--skip-empty", help="Leave out rows whose amount is empty or zero.")
    ] = False,
    round_amounts: Annotated[
        bool,
        typer.Option(
            "--round", help="Round amounts with float noise half-even to the currency's cents."
        ),
    ] = False,
    sheet: Annotated[
        str | None, typer.Option("--sheet", help="The sheet of an .xlsx (default: the first).")
    ] = None,
    header_row: Annotated[
        int | None,
        typer.Option("--header-row", min=1, help="The row of the column names (default: found)."),
    ] = None,
) -> None:
    """Import pledges from CSV, JSON, NDJSON, XLSX or an exported SQLite database: every
    row or none; importing twice adds nothing.

    Another tracker's CSV or XLSX is read through a column map: --map FIELD=COLUMN,
    --set FIELD=VALUE and --value FIELD:WORD=OURS, or the same in a TOML --mapping file.

    CSV columns: id, donor, recipient, year, amount, currency, qualifier, status,
    category, label, instrument, announced_on, source_url, source_date, quote,
    supersedes, part_of, note; only donor, recipient, year, amount and currency are
    required. A record with several sources takes one row per source, all with its id.
    Rows are numbered as a spreadsheet shows them (the header is row 1).
    """
    from .. import interchange  # the file code loads only for the command that uses it
    from ..mapping import ColumnMap

    env: Environment = ctx.obj
    name = "stdin" if file == "-" else file
    column_map = ColumnMap.parse(
        maps or (),
        sets or (),
        values or (),
        interchange.read_text(str(mapping_file), env.stdin) if mapping_file else None,
    )
    excel = name.lower().endswith(".xlsx")
    mapped = column_map.given or excel or skip_empty or round_amounts
    notes = []
    with _progress(env) as progress:
        if mapped:
            cells = (
                interchange.sheet_of(file, sheet)
                if excel
                else interchange.table_of(interchange.read_text(file, env.stdin), name)
            )
            header = header_row - 1 if header_row else _header_of(cells, column_map)
            read = interchange.read_mapped(
                cells,
                header,
                column_map,
                name=name,
                skip_empty=skip_empty,
                round_amounts=round_amounts,
                progress=progress,
            )
            incoming = read.incoming
            if skip_empty:
                notes.append(f"{read.skipped} rows without an amount left out")
            if round_amounts:
                notes.append(f"{read.rounded} amounts rounded to the currency's minor unit")
        elif fmt is FileFormat.SQLITE or (file != "-" and _is_database(Path(file))):
            from .. import database

            incoming = interchange.read_items(database.records(Path(file)), name)
        else:
            text = interchange.read_text(file, env.stdin)
            incoming = interchange.read_records(
                text, fmt or interchange.format_of(name, text), name=name, progress=progress
            )
        with records_of(env, write=not dry_run) as ledger:
            plan = ledger.import_records(
                incoming,
                name=name,
                update=update,
                force=force,
                dry_run=dry_run,
                link_deliveries=bool(mapped),
            )
            table = ledger.rate_table()
    if json_flag:
        env.write(
            render.json_text(
                {
                    "added": [p.id for p in plan.added],
                    "updated": [p.id for p in plan.updated],
                    "unchanged": plan.unchanged,
                    "dry_run": dry_run,
                }
            )
        )
    counts = (
        f"{len(plan.added)} new, {len(plan.updated)} updated, {len(plan.unchanged)} already there"
    )
    counts += "".join(f"; {note}" for note in notes)
    if dry_run:
        if mapped and not json_flag:
            first = [item.pledge() for item in incoming[:DRY_RUN_ROWS]]
            env.show([render.pledge_grid(first, set())])
        env.say(f"dry run: {name} checked, {counts}; nothing was written")
    else:
        env.say(f"imported {name} into {env.store}: {counts}")
    warn_missing_rates(env, [*plan.added, *plan.updated], table)


DRY_RUN_ROWS = 10  # rows a mapped --dry-run shows, to check the map


def _is_database(path: Path) -> bool:
    from ..database import is_sqlite

    return is_sqlite(path)


def _header_of(table: "list[list[str]]", column_map: "ColumnMap") -> int:
    """The header's index: the first row naming every mapped column (a sheet may have a
    title above its table), else the first row."""
    from ..mapping import header_row

    return header_row(table, column_map.columns_needed()) if column_map.columns else 0


@contextlib.contextmanager
def _progress(env: Environment) -> "Iterator[Progress | None]":
    """A bar on stderr while a large import is checked and stored, if a person watches."""
    if env.quiet or not env.stderr_is_terminal:
        yield None
        return
    with render.progress(env.console(stderr=True), show_from=PROGRESS_FROM) as advance:
        yield advance


@command(
    "export",
    panel="Data",
    examples=[
        "aidtrack export --format csv --output pledges.csv",
        "aidtrack export --donor Norway --format json | jq length",
        "aidtrack export --all --to all --format sqlite -o pledges.db && datasette pledges.db",
    ],
)
def export(
    ctx: typer.Context,
    donor: DonorsOption = None,
    group: GroupOption = None,
    recipient: RecipientFilterOption = None,
    year: YearsFilterOption = None,
    status: StatusesOption = None,
    category: CategoriesOption = None,
    include_superseded: Annotated[
        bool, typer.Option("--all", "-a", help="Include superseded versions (whole histories).")
    ] = False,
    fmt: FileFormatOption = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (owner-only) instead of stdout."),
    ] = None,
) -> None:
    """Export pledges as CSV, JSON, NDJSON or an SQLite database; `aidtrack import` reads
    them back.

    CSV cells that a spreadsheet would run as formulas get a leading '.
    """
    from .. import interchange  # the file code loads only for the command that uses it

    env: Environment = ctx.obj
    to, scope_note = recipient_of(env, recipient)
    if scope_note:
        env.say(scope_note)
    selection = analysis.Selection.from_text(
        donors=donor or (),
        recipient=to,
        years=year,
        statuses=status or (),
        categories=category or (),
        include_superseded=include_superseded,
        group=group_of(env, group),
    )
    target = output if output is not None and str(output) != "-" else None
    chosen = fmt or (interchange.format_of(target.name, "") if target else FileFormat.CSV)
    if target is not None and target.resolve() == env.store.resolve():
        raise InvalidInput(f"{target} is the store itself; export to another file")
    with records_of(env) as ledger:
        records = analysis.select(ledger.as_json(), selection, ledger.superseded())
        rates = ledger.rate_table() if chosen is FileFormat.SQLITE else None
    if rates is not None:
        from .. import database

        if target is None:
            raise InvalidInput("an SQLite export needs a file: --format sqlite -o pledges.db")
        database.export(target, [Pledge.from_json(record) for record in records], rates)
        env.say(
            f"exported {len(records)} pledges to {target} (tables pledges, sources, "
            "rates, year_totals)"
        )
        return
    pieces = interchange.export_bytes(records, chosen)
    left_out = analysis.dangling_links(records)
    if left_out:
        env.warn(
            f"{len(left_out)} records they point at are not exported "
            f"({', '.join(left_out[:3])}): the file imports only into a store that holds "
            "them; --all exports whole histories"
        )
    if target is not None:
        interchange.write_file(target, pieces)
        env.say(f"exported {len(records)} pledges to {target}")
    else:
        env.write_bytes(pieces)


@command(
    "init",
    panel="Store",
    examples=[
        "aidtrack init",
        "aidtrack --db norway.json init --sample",
    ],
)
def init(
    ctx: typer.Context,
    sample: Annotated[
        bool,
        typer.Option("--sample", help="Fill a new store with the shipped, sourced starter data."),
    ] = False,
) -> None:
    """Create the store and print its path; with --sample, load the starter dataset into it.

    --sample never mixes the sample into your own data: it refuses a store that holds
    other records, and does nothing to one that holds exactly the sample.
    """
    from .. import interchange  # the file code loads only for the command that uses it

    env: Environment = ctx.obj
    store = env.store
    with records_of(env, write=True) as ledger:
        if sample:
            loaded = interchange.load_sample(ledger)
        else:
            created = ledger.create()
            held = len(ledger.pledges())
    if not sample:
        env.say(
            f"created an empty store at {store}"
            if created
            else f"{store} already exists, with {held} pledges"
        )
    elif loaded:
        env.say(
            f"loaded {loaded} sample pledges into {store}; "
            "try `aidtrack list --all` and `aidtrack report --year 2026`"
        )
    else:
        env.say(f"{store} already holds the sample dataset; nothing changed")
    env.write(f"{store}\n")
