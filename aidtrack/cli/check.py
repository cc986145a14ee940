"""`aidtrack check`: verify a store and explain what is wrong. It never writes."""

import typer

from ..environment import Environment
from ..errors import ExitCode
from . import FormatOption, JsonOption, WideOption, command, records_of
from .output import emit, format_of


@command(
    "check",
    panel="Store",
    examples=[
        "aidtrack check",
        "aidtrack check --json | jq '.problems[].fix'",
    ],
)
def check(
    ctx: typer.Context,
    wide: WideOption = False,
    json_flag: JsonOption = False,
    format_given: FormatOption = None,
) -> None:
    """Verify the store; each problem comes with the command that fixes it.

    It checks links (to a record that exists, of the same donor, a part within its
    whole's years, a version revised once), cycles, parts over their whole, donors
    that are their own recipient, likely duplicates, missing rates and records without
    a source. Exit 0 when clean, 1
    otherwise."""
    from .. import checks
    from ..views.data import ProblemsView

    env: Environment = ctx.obj
    fmt = format_of(ctx, json_flag, format_given)
    with records_of(env) as ledger:
        pledges, unreadable = ledger.readable()
        problems = checks.find_problems(pledges, unreadable, ledger.rate_table())
    emit(env, fmt, ProblemsView(env.store, len(pledges), problems), wide=wide)
    if problems:
        raise typer.Exit(ExitCode.ERROR)
