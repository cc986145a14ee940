"""Commands that move records in and out: import, export, and init with the sample data."""

import contextlib
import errno
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from .. import analysis
from ..environment import Environment
from ..errors import InvalidInput
from ..formats import FileFormat
from ..model import Pledge
from . import (
    Filters,
    ForceOption,
    bundled,
    command,
    records_of,
    warn_missing_rates,
    word_option,
)
from .output import TABLE_OR_JSON, emit, format_of

if TYPE_CHECKING:
    from ..interchange import Mapped, Progress, ReadOptions

PROGRESS_FROM = 2000  # rows; a smaller import is over before a bar would help

FileFormatOption = Annotated[
    FileFormat | None,
    word_option(
        FileFormat,
        "--format",
        "-f",
        help="csv, json, ndjson, sqlite or xlsx (default: from the file's extension, else csv).",
        metavar="FORMAT",
    ),
]

# The options that say how to read a file: `import` and `reconcile` take them alike.
MapsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--map", metavar="FIELD=COLUMN", help="Read FIELD from the file's COLUMN (repeatable)."
    ),
]
SetsOption = Annotated[
    list[str] | None,
    typer.Option("--set", metavar="FIELD=VALUE", help="FIELD is VALUE in every row."),
]
ValuesOption = Annotated[
    list[str] | None,
    typer.Option(
        "--value",
        metavar="FIELD:WORD=OURS",
        help=(
            "The file's WORD for FIELD (donor, recipient, currency, qualifier, status, "
            "category, instrument) means OURS (repeatable)."
        ),
    ),
]


def _list_presets(ctx: typer.Context, value: Path | None) -> Path | None:
    """`--mapping list`: print the shipped presets, one a line, and stop."""
    if value is not None and str(value) == "list":
        from .. import presets

        ctx.obj.write("".join(f"{line}\n" for line in presets.listing()))
        raise typer.Exit()
    return value


MappingFileOption = Annotated[
    Path | None,
    typer.Option(
        "--mapping",
        metavar="FILE|PRESET",
        callback=_list_presets,
        is_eager=True,
        help="The map as a TOML file, or a shipped preset: kiel, iati (--mapping list "
        "shows them and where they are, to copy one).",
    ),
]
SkipEmptyOption = Annotated[
    bool, typer.Option("--skip-empty", help="Leave out rows whose amount is empty or zero.")
]
RoundOption = Annotated[
    bool,
    typer.Option(
        "--round", help="Round amounts with float noise half-even to the currency's cents."
    ),
]
SheetOption = Annotated[
    str | None, typer.Option("--sheet", help="The sheet of an .xlsx (default: the first).")
]
HeaderRowOption = Annotated[
    int | None,
    typer.Option("--header-row", min=1, help="The row of the column names (default: found)."),
]
ScaleOption = Annotated[
    str | None,
    typer.Option(
        "--scale",
        metavar="million|billion|thousand|N",
        help="Multiply every amount: for a file that counts in millions (EUR m) or billions.",
    ),
]
SkipIfOption = Annotated[
    list[str] | None,
    typer.Option(
        "--skip-if",
        metavar="COLUMN=VALUE",
        help="Leave out rows whose COLUMN is VALUE, such as a Total row (repeatable).",
    ),
]


class Negative(StrEnum):
    """What a negative amount (a tracker's correction) does."""

    REFUSE = "refuse"
    NET = "net"


NegativeOption = Annotated[
    Negative,
    word_option(
        Negative,
        "--negative",
        help=(
            "A negative amount is a correction: refuse it, or net it from the records of "
            "the same donor, year, stage and category in the file."
        ),
    ),
]


class Reading(NamedTuple):
    """The options that say how to read a file, which `import` and `reconcile` take
    alike (`with_read_options`)."""

    maps: MapsOption = None
    sets: SetsOption = None
    values: ValuesOption = None
    mapping_file: MappingFileOption = None
    skip_empty: SkipEmptyOption = False
    round_amounts: RoundOption = False
    sheet: SheetOption = None
    header_row: HeaderRowOption = None
    scale: ScaleOption = None
    skip_if: SkipIfOption = None
    negative: NegativeOption = Negative.REFUSE

    def options(self, *, set_aside: bool = False) -> "ReadOptions":
        """The options as `reading.read_any` takes them."""
        from ..interchange import ReadOptions

        given = self._asdict()
        net = given.pop("negative") is Negative.NET
        return ReadOptions(**given, net=net, set_aside=set_aside)


with_read_options = bundled("reading", Reading)


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
@with_read_options
def import_(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE|-", help="A .csv, .json, .ndjson or .xlsx file; - reads stdin."
        ),
    ],
    file_format: FileFormatOption = None,
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
    *,
    reading: Reading,
    rejects: Annotated[
        Path | None,
        typer.Option(
            "--rejects",
            metavar="FILE",
            help=(
                "Import every valid row; write each refused row, as it was, with its row "
                "number and the reason, to FILE (CSV)."
            ),
        ),
    ] = None,
) -> None:
    r"""Import pledges from CSV, JSON, NDJSON, XLSX or an exported SQLite database: every
    row or none (unless --rejects); importing twice adds nothing.

    Another tracker's CSV or XLSX is read through a column map: --map FIELD=COLUMN,
    --set FIELD=VALUE and --value FIELD:WORD=OURS, or the same in a TOML --mapping file
    (its tables \[map], \[set], \[values.FIELD] and \[\[skip]], and scale = "million");
    a column named as aidtrack names a field maps itself. --scale million reads amounts
    counted in millions, --skip-if donor=Total leaves out a total row, and a negative
    amount (a correction) is refused unless --negative net or --rejects FILE.

    CSV columns: those `aidtrack export` writes, its header row naming each; only donor,
    recipient, year, amount and currency are required. A record with several sources
    takes one row per source, all with its id. Rows are numbered as a spreadsheet shows
    them (the header is row 1).
    """
    from .. import importing
    from ..reading import counted_rows, read_any
    from ..views.records import ImportView

    env: Environment = ctx.obj
    fmt = format_of(ctx, json_flag, None, TABLE_OR_JSON)
    name = "stdin" if file == "-" else file
    if rejects is not None:
        _check_rejects_path(rejects, file, env)
    options = reading.options(set_aside=rejects is not None)
    with _progress(env) as progress:
        read = read_any(
            file, file_format, options, stdin=env.stdin, warn=env.warn, progress=progress
        )
        incoming, mapped, notes = read.incoming, read.mapped, list(read.notes)
        rejected = read.table.rejected if read.table is not None else []
        with records_of(env, write=not dry_run) as ledger:
            plan = importing.import_records(
                ledger,
                incoming,
                name=name,
                update=update,
                force=force,
                dry_run=dry_run,
                link_deliveries=bool(mapped),
            )
            table = ledger.rate_table()
    if rejects is not None and read.table is not None:
        if not dry_run:
            _write_rejects(rejects, read.table)
        aside = "would be set aside" if dry_run else f"set aside in {rejects}"
        notes.append(f"{counted_rows(len(rejected))} {aside}")
    first = [item.pledge() for item in incoming[:DRY_RUN_ROWS]] if dry_run and mapped else []
    set_aside = [row.number for row in rejected] if rejects is not None else None
    emit(env, fmt, ImportView(plan, dry_run=dry_run, set_aside=set_aside, first=first))
    counts = (
        f"{len(plan.added)} new, {len(plan.updated)} updated, {len(plan.unchanged)} already there"
    )
    counts += "".join(f"; {note}" for note in notes)
    if dry_run:
        env.say(f"dry run: {name} checked, {counts}; nothing was written")
    else:
        env.say(f"imported {name} into {env.store}: {counts}")
    warn_missing_rates(env, [*plan.added, *plan.updated], table)


DRY_RUN_ROWS = 10  # rows a mapped --dry-run shows, to check the map


def _check_rejects_path(rejects: Path, file: str, env: Environment) -> None:
    """The rejects file may be neither the store nor the file read."""
    target = rejects.resolve()
    if target == env.store.resolve():
        raise InvalidInput(f"--rejects {rejects} is the store itself; name another file")
    if file != "-" and target == Path(file).resolve():
        raise InvalidInput(f"--rejects {rejects} is the file being imported; name another file")


def _write_rejects(path: Path, table: "Mapped") -> None:
    """The rows set aside, written whole or not at all, as every output file."""
    from .. import interchange

    interchange.write_file(path, [interchange.rejects_csv(table.columns, table.rejected)])


def _check_output(target: Path) -> None:
    """The writer's own check (`store.refuse_irregular`), made before any work, in the
    words of an export."""
    from ..store import refuse_irregular

    try:
        refuse_irregular(target)
    except OSError as error:
        if error.errno != errno.EEXIST:
            raise InvalidInput(f"cannot write {target}: {error.strerror}") from None
        raise InvalidInput(
            f"{target} is not a regular file (a device, pipe or folder); export to a "
            "file, or to stdout with -o -"
        ) from None


@contextlib.contextmanager
def _progress(env: Environment) -> "Iterator[Progress | None]":
    """A bar on stderr while a large import is checked and stored, if a person watches."""
    if env.quiet or not env.stderr_is_terminal:
        yield None
        return
    from ..drawing import progress

    with progress(env.console(stderr=True), show_from=PROGRESS_FROM) as advance:
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
@bundled("filters", Filters)
def export(
    ctx: typer.Context,
    *,
    filters: Filters,
    include_superseded: Annotated[
        bool, typer.Option("--all", "-a", help="Include superseded versions (whole histories).")
    ] = False,
    file_format: FileFormatOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (owner-only) instead of stdout; a device, pipe or folder "
            "is refused.",
        ),
    ] = None,
) -> None:
    """Export pledges as CSV, JSON, NDJSON, an Excel workbook or an SQLite database;
    `aidtrack import` reads them back.

    CSV cells that a spreadsheet would run as formulas get a leading '. An .xlsx has
    sheets of records, sources, year totals per measure and rates (amounts as numbers,
    the currency in its own column, the exact amount as text beside it). An SQLite
    export writes a Datasette metadata.json beside the database.
    """
    from .. import interchange  # the file code loads only for the command that uses it

    env: Environment = ctx.obj
    selection, scope_note = filters.selection(env, include_superseded=include_superseded)
    if scope_note:
        env.say(scope_note)
    target = output if output is not None and str(output) != "-" else None
    chosen = file_format or (interchange.format_of(target.name, "") if target else FileFormat.CSV)
    if file_format is None and target is not None and target.suffix.lower() == ".xlsx":
        chosen = FileFormat.XLSX
    if chosen is FileFormat.XLSX and target is None and (output is None or env.stdout_is_terminal):
        raise InvalidInput("an Excel export needs a file: --format xlsx -o pledges.xlsx")
    if target is not None and target.resolve() == env.store.resolve():
        raise InvalidInput(f"{target} is the store itself; export to another file")
    if target is not None:
        _check_output(target)
    with records_of(env) as ledger:
        every = ledger.as_json()
        records = analysis.select(every, selection, ledger.superseded())
        with_rates = chosen in (FileFormat.SQLITE, FileFormat.XLSX)
        rates = ledger.rate_table() if with_rates else None
        # The year totals count every record: an export of them all takes their tally.
        whole = chosen is FileFormat.SQLITE and len(records) == len(every)
        counted = ledger.counted() if whole else None
    if rates is not None and chosen is FileFormat.XLSX:
        from ..workbook import export_workbook

        book = export_workbook([Pledge.from_json(record) for record in records], rates)
        if target is None:
            env.write_bytes([book])  # -o - into a pipe
            return
        interchange.write_file(target, [book])
        env.say(
            f"exported {len(records)} pledges to {target} (sheets pledges, sources, "
            "year_totals, rates, about)"
        )
        return
    if rates is not None:
        from .. import database

        if target is None:
            raise InvalidInput("an SQLite export needs a file: --format sqlite -o pledges.db")
        database.export(target, records, rates, counted)
        env.say(
            f"exported {len(records)} pledges to {target} (tables pledges, sources, "
            "rates, year_totals)"
        )
        described = database.write_metadata(target, rates)
        if described is None:
            env.warn(
                f"{target.with_name(database.METADATA)} is not one aidtrack wrote; "
                "left as it was (no Datasette metadata for this export)"
            )
        else:
            env.say(f"described it for Datasette in {described}")
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
    from .. import importing, interchange  # the file code loads only for the command using it

    env: Environment = ctx.obj
    store = env.store
    with records_of(env, write=True) as ledger:
        if sample:
            loaded = importing.load_sample(ledger, interchange.sample_records())
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
