"""`aidtrack check`: verify a store and explain what is wrong. It never writes."""

import typer

from .. import render
from ..environment import Environment
from ..errors import ExitCode
from ..ledger import open_ledger
from . import Format, FormatOption, JsonOption, command, output_format


@command("check")
def check(ctx: typer.Context, json_flag: JsonOption = False, fmt: FormatOption = None) -> None:
    """Verify the store: links, cycles, parts over their whole, likely duplicates,
    missing rates, records without a source. Exit 0 when clean, 1 otherwise."""
    from .. import checks

    env: Environment = ctx.obj
    shown = output_format(json_flag, fmt)
    with open_ledger(env.store) as ledger:
        pledges, unreadable = ledger.readable()
        problems = checks.find_problems(pledges, unreadable, ledger.rate_table())
    if shown is Format.TABLE:
        if problems:
            env.console().print(render.problems_table(problems))
        env.say(
            f"{env.store}: {len(pledges)} records, "
            + (f"{len(problems)} problems" if problems else "no problems")
        )
    elif shown is Format.NDJSON:
        env.write(render.ndjson_text(p.to_json() for p in problems))
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
