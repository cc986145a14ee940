"""GDP and population: `aidtrack gdp` shows what there is, `gdp import` reads the World
Bank's own CSV downloads."""

from pathlib import Path
from typing import Annotated

import typer

from ..environment import Environment
from . import (
    CommandGroup,
    JsonOption,
    app,
    command,
    examples_text,
    handle_errors,
    records_of,
)
from .output import TABLE_OR_JSON, emit, format_of

gdp_app = typer.Typer(
    cls=CommandGroup,
    help="Donors' GDP and population, for aid as a share of GDP and per person.",
    epilog=examples_text(
        [
            "aidtrack gdp",
            "aidtrack gdp import API_NY.GDP.MKTP.CD_DS2_en_csv_v2_3401.csv",
            "aidtrack report --year 2025 --per gdp",
        ]
    ),
    no_args_is_help=False,
)
app.add_typer(gdp_app, name="gdp", rich_help_panel="Data")


@gdp_app.callback(invoke_without_command=True)
@handle_errors
def show_gdp(ctx: typer.Context, json_flag: JsonOption = False) -> None:
    """What GDP and population figures there are: countries, years and sources.

    The package ships the World Bank's 2024 figures for 40 donors; `gdp import` adds
    every year of a World Bank download. A report year without its own figure uses the
    nearest earlier year and marks it.
    """
    if ctx.invoked_subcommand is not None:
        return
    from ..views.data import IndicatorsView

    env: Environment = ctx.obj
    fmt = format_of(ctx, json_flag, None, TABLE_OR_JSON)
    with records_of(env) as ledger:
        figures = ledger.indicators()
    emit(env, fmt, IndicatorsView(figures))


@command(
    "import",
    group=gdp_app,
    examples=["aidtrack gdp import API_NY.GDP.MKTP.CD_DS2_en_csv_v2_3401.csv"],
)
def import_gdp(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="A World Bank CSV download of GDP (NY.GDP.MKTP.CD) or population (SP.POP.TOTL).",
            dir_okay=False,
        ),
    ],
) -> None:
    """Read a World Bank CSV download: every country and every year, kept in the store.

    The file is all or nothing: a line that is not a country's row, a value that is not
    a number or a second indicator is an error naming the line, and nothing is kept.
    Figures of the same indicator and country replace those there were.
    """
    from ..indicators import NAMES, world_bank_csv
    from ..interchange import read_text

    env: Environment = ctx.obj
    text = read_text(str(file), env.stdin)
    indicator, found = world_bank_csv(text, str(file))
    with records_of(env, write=True) as ledger:
        countries = ledger.import_indicators(indicator, found, f"World Bank, {file.name}")
    years = sorted({y for by_year in found.values[indicator].values() for y in by_year})
    env.say(
        f"imported {NAMES[indicator]} of {countries} countries and regions, "
        f"{years[0]}-{years[-1]}, from {file}"
    )
