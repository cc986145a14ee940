"""`aidtrack rates`: the exchange-rate table in use, and the user's own rates."""

from typing import Annotated

import typer

from .. import money
from ..environment import Environment
from ..errors import InvalidInput
from ..model import YearSpan
from ..rates import BASE, UserRate
from . import (
    CommandGroup,
    CurrencyOption,
    FormatOption,
    JsonOption,
    WideOption,
    app,
    command,
    examples_text,
    handle_errors,
    records_of,
)
from .output import emit, format_of

rates_app = typer.Typer(
    cls=CommandGroup,
    help="The exchange-rate table in use (ECB yearly averages) and your own rates.",
    epilog=examples_text(["aidtrack rates --year 2026", "aidtrack rates --currency NOK --json"]),
    no_args_is_help=False,
)
app.add_typer(rates_app, name="rates", rich_help_panel="Data")


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    span = YearSpan.parse(text)
    if span.is_envelope:
        raise InvalidInput("--year takes one year here, e.g. 2026")
    return span.start


@rates_app.callback(invoke_without_command=True)
@handle_errors
def show_rates(
    ctx: typer.Context,
    year: Annotated[
        str | None, typer.Option("--year", "-y", help="Only this year or range (2023-2026).")
    ] = None,
    currency: CurrencyOption = None,
    wide: WideOption = False,
    json_flag: JsonOption = False,
    format_given: FormatOption = None,
) -> None:
    """Show the rates in use: units of each currency per 1 EUR, by year.

    Published ECB averages, with your own rates (`rates set`) in their place where set.
    The current year's average runs to the table's last date and is provisional.
    """
    if ctx.invoked_subcommand is not None:
        return
    from ..views.data import RatesView

    env: Environment = ctx.obj
    fmt = format_of(ctx, json_flag, format_given)
    code = money.normalize_currency(currency) if currency else None
    with records_of(env) as ledger:
        table = ledger.rate_table()
    span = YearSpan.parse(year) if year else None
    rows = [r for r in table.rows(currency=code) if span is None or r.year in span]
    emit(env, fmt, RatesView(table, rows), wide=wide)


@command(
    "set",
    group=rates_app,
    examples=[
        "aidtrack rates set UAH 2026 RATE --source URL",
    ],
)
def set_rate(
    ctx: typer.Context,
    currency: Annotated[str, typer.Argument(metavar="CURRENCY", help="ISO 4217 code.")],
    year: Annotated[str, typer.Argument(metavar="YEAR", help="The year the rate applies to.")],
    rate: Annotated[str, typer.Argument(metavar="RATE", help="Units of CURRENCY per 1 EUR.")],
) -> None:
    """Use your own rate for a currency and year; it wins over the ECB table everywhere."""
    env: Environment = ctx.obj
    code = money.normalize_currency(currency)
    if code == BASE:
        raise InvalidInput("EUR is the base of the table: its rate is always 1")
    when = _year(year) or 0
    user_rate = UserRate(code, when, money.decimal_from_text(rate, "rate"))
    with records_of(env, write=True) as ledger:
        ledger.set_rate(user_rate)
    env.say(f"{code} {user_rate.year}: {user_rate.per_eur:f} per EUR (user rate)")


@command(
    "unset",
    group=rates_app,
    examples=[
        "aidtrack rates unset UAH 2026",
    ],
)
def unset_rate(
    ctx: typer.Context,
    currency: Annotated[str, typer.Argument(metavar="CURRENCY", help="ISO 4217 code.")],
    year: Annotated[str, typer.Argument(metavar="YEAR", help="The year.")],
) -> None:
    """Drop your own rate for a currency and year; the ECB table applies again."""
    env: Environment = ctx.obj
    code, when = money.normalize_currency(currency), _year(year) or 0
    with records_of(env, write=True) as ledger:
        if not ledger.remove_rate(code, when):
            raise InvalidInput(f"no user rate for {code} {when}; `aidtrack rates` lists them")
    env.say(f"{code} {when}: user rate removed")
