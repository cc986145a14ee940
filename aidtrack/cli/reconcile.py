"""`reconcile`: the store against another tracker's file, per donor, year and measure."""

from decimal import Decimal, InvalidOperation
from typing import Annotated

import typer

from ..environment import Environment
from ..errors import ExitCode
from . import DonorsOption, WideOption, command, complete_currency, complete_party
from .interchange import FileFormatOption, Reading, with_read_options
from .output import TABLE_OR_JSON, emit, format_of

RECONCILE_CURRENCY = "EUR"  # the currency the Kiel tracker publishes in
EVERY_RECIPIENT = "all"


def _percent(text: str | Decimal) -> Decimal:
    """`--tolerance`: a percentage of 0 or more (`0.5`, `2`, `2%`)."""
    if isinstance(text, Decimal):  # the default
        return text
    try:
        value = Decimal(text.strip().removesuffix("%").strip())
    except InvalidOperation:
        raise typer.BadParameter(f"{text!r} is not a percentage (0.5, 2, 2%)") from None
    if not value.is_finite() or value < 0:
        raise typer.BadParameter(f"{text!r} must be a percentage of 0 or more")
    return value


@command(
    "reconcile",
    panel="Data",
    examples=[
        "aidtrack reconcile their-pledges.csv",
        "aidtrack reconcile Ukraine_Support_Tracker_Release_25.xlsx --mapping kiel "
        "--years 2022-2025",
        "aidtrack reconcile ministry.csv --map donor=Country --map year=Date --map amount=Value "
        "--set recipient=Ukraine --set currency=EUR --tolerance 0.5",
        "aidtrack reconcile export.csv --json | jq '.lines[] | select(.result != \"match\")'",
    ],
)
@with_read_options
def reconcile(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE|-",
            help="A file `import` reads (CSV, JSON, NDJSON, XLSX, SQLite); - reads stdin.",
        ),
    ],
    file_format: FileFormatOption = None,
    *,
    reading: Reading,
    donor: DonorsOption = None,
    recipient: Annotated[
        str | None,
        typer.Option(
            "--to",
            "--recipient",
            help="Only pledges to this recipient (default: the recipients the file has; "
            "--to all for every recipient on both sides).",
            autocompletion=complete_party,
        ),
    ] = None,
    years: Annotated[
        str | None,
        typer.Option(
            "--years",
            "--year",
            "-y",
            help="Only these years, e.g. 2022-2025 (default: every year either side counts).",
        ),
    ] = None,
    currency: Annotated[
        str | None,
        typer.Option(
            "--currency",
            "-c",
            help="The currency both sides are converted into, with the store's rates "
            "(default: EUR).",
            autocompletion=complete_currency,
        ),
    ] = None,
    tolerance: Annotated[
        Decimal,
        typer.Option(
            "--tolerance",
            metavar="PCT",
            parser=_percent,
            help="Figures match when they differ by at most PCT percent of the file's "
            "(default 0: equal to the cent after conversion).",
        ),
    ] = Decimal(0),
    wide: WideOption = False,
    json_flag: Annotated[
        bool,
        typer.Option("--json", help="Print the comparison as JSON (--format is the file's)."),
    ] = False,
) -> None:
    """Compare the store with another tracker's file, per donor, year and measure;
    write nothing.

    FILE is read exactly as `import` reads it, with the same map options (--map, --set,
    --value, --mapping, --sheet, --header-row, --scale, --skip-if, --negative,
    --format). Both sides are counted by the same rules (current versions, wholes once,
    a mapped file's delivery-stage rows linked to the promise they deliver), promised
    and delivered apart, and converted into one currency with the store's rates.

    Lists what differs (both figures, the store's less the file's, and that as a
    percentage of the file's), what is on one side only, and what matches. Exit status
    0 when everything matches, 1 when something differs or is on one side only.
    """
    from .. import money
    from .. import reconcile as reconciling
    from ..analysis import Selection
    from ..counting import Tally
    from ..model import EVERY_YEAR, YearSpan
    from ..places import resolve
    from ..reading import read_any
    from ..totals import read_tally
    from ..views.reconcile import ReconcileView

    env: Environment = ctx.obj
    fmt = format_of(ctx, json_flag, None, TABLE_OR_JSON)
    name = "stdin" if file == "-" else file
    code = money.normalize_currency(currency or RECONCILE_CURRENCY)
    span = YearSpan.parse(years) if years else None
    read = read_any(file, file_format, reading.options(), stdin=env.stdin, warn=env.warn)
    records = reconciling.file_records(read.incoming, link_deliveries=read.mapped)
    if recipient is None:
        recipients = frozenset(record.recipient for record in records)
    elif recipient.strip().lower() == EVERY_RECIPIENT:
        recipients = frozenset()
    else:
        recipients = frozenset([resolve(recipient, "recipient").name])
    selection = Selection(
        donors=frozenset(resolve(d, "donor").name for d in donor or ()), recipients=recipients
    )
    stored, rates = read_tally(env.store, span, envelopes=span or EVERY_YEAR)
    result = reconciling.reconcile(
        stored,
        Tally.of(records),
        rates.convert,
        name=name,
        currency=code,
        tolerance=tolerance,
        selection=selection,
        years=span,
    )
    for note in result.notes:
        env.warn(note)
    if result.missing:
        from ..rates import missing_message

        env.warn(f"{missing_message(result.missing)}; figures that need it show `no rate`")
    for note in read.notes:
        env.say(f"{name}: {note}")
    emit(env, fmt, ReconcileView(result, rates.last_date), wide=wide)
    if not result.agrees:
        raise typer.Exit(ExitCode.ERROR)
