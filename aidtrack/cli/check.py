"""`aidtrack check`: verify a store and explain what is wrong. It never writes."""

import typer

from .. import render
from ..environment import Environment
from ..errors import ExitCode
from . import (
    Format,
    FormatOption,
    JsonOption,
    WideOption,
    command,
    output_format,
    records_of,
)


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
    fmt: FormatOption = None,
) -> None:
    """Verify the store; each problem comes with the command that fixes it.

    It checks links (to a record that exists, of the same donor, a part within its
    whole's years, a version revised once), cycles, parts over their whole, donors
    that are their own recipient, likely duplicates, missing rates and records without
    a source. Exit 0 when clean, 1
    otherwise."""
    from .. import checks

    env: Environment = ctx.obj
    shown = output_format(json_flag, fmt)
    with records_of(env) as ledger:
        pledges, unreadable = ledger.readable()
        problems = checks.find_problems(pledges, unreadable, ledger.rate_table())
    if shown is Format.TABLE:
        if problems:
            env.show([render.problems_grid(problems)], wide=wide)
        env.say(
            f"{env.store}: {_count(len(pledges), 'record')}, {_count(len(problems), 'problem')}"
        )
    elif shown is Format.NDJSON:
        env.write(render.ndjson_text(p.to_json() for p in problems))
    elif shown in (Format.CSV, Format.TSV):
        from ..interchange import table_csv_text

        rows = (p.to_json() for p in problems)
        env.write(table_csv_text(rows, checks.COLUMNS, tsv=shown is Format.TSV))
    elif shown is Format.MARKDOWN:
        env.write(render.markdown([render.problems_grid(problems)]))
    else:
        env.write(
            render.json_text(
                {
                    "store": str(env.store),
                    "records": len(pledges),
                    "ok": not problems,
                    "problems": [p.to_json() for p in problems],
                }
            )
        )
    if problems:
        raise typer.Exit(ExitCode.ERROR)


def _count(number: int, noun: str) -> str:
    """`no problems`, `1 problem`, `2 problems`."""
    if number == 0:
        return f"no {noun}s"
    return f"{number} {noun}" + ("" if number == 1 else "s")
