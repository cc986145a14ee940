"""Donor groups: `aidtrack groups`, to list them, see one, and add or remove your own."""

from typing import Annotated

import typer

from .. import groups
from ..environment import Environment
from ..errors import InvalidInput
from ..model import YearSpan
from . import FormatOption, JsonOption, command, records_of
from .output import TABLE_OR_JSON, emit, format_of


@command(
    "groups",
    panel="Data",
    examples=[
        "aidtrack groups",
        "aidtrack groups nato --year 2023",
        "aidtrack groups add baltics Estonia Latvia Lithuania",
    ],
)
def groups_command(
    ctx: typer.Context,
    words: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[NAME | add NAME MEMBER... | remove NAME]",
            help="A group to show its members; `add` or `remove` for your own groups.",
        ),
    ] = None,
    year_given: Annotated[
        str | None,
        typer.Option(
            "--year",
            "-y",
            metavar="YEAR",
            help="Members in this year (on 1 July), not every one.",
        ),
    ] = None,
    json_flag: JsonOption = False,
    format_given: FormatOption = None,
) -> None:
    """Donor groups: the EU, Europe, NATO, the G7, the Nordics, the OECD DAC, and yours.

    A donor counts in a group for a year when it was a member on 1 July of that year:
    the UK is in `eu` in 2019, not in 2020; Finland in `nato` from 2023. Your own groups
    are kept in the store; their members always count.
    """
    from ..views.data import GroupsView, MembersView

    env: Environment = ctx.obj
    fmt = format_of(ctx, json_flag, format_given, TABLE_OR_JSON)
    year = _one_year(year_given)
    action, *rest = words or [""]
    if action in groups.ACTIONS:
        _change(env, action, rest)
        return
    if rest:
        raise InvalidInput("give one group's name, or `add NAME MEMBER...` / `remove NAME`")
    with records_of(env) as ledger:
        own = ledger.own_groups()
    if action:
        group = groups.find(action, own)
        members = [m for m in group.members if year is None or m.in_year(year)]
        emit(env, fmt, MembersView(group, members, year))
    else:
        emit(env, fmt, GroupsView([*groups.built_in().values(), *own.values()], year))


def _one_year(given: str | None) -> int | None:
    """`--year` as every command reads a year (1945-2100), and only one."""
    if given is None:
        return None
    span = YearSpan.parse(given)
    if span.is_envelope:
        raise InvalidInput(f"groups takes one year, not {span}: members change within a range")
    return span.start


def _change(env: Environment, action: str, words: list[str]) -> None:
    if action == "add":
        if len(words) < 2:
            raise InvalidInput("give the group's name and its members: groups add NAME MEMBER...")
        group = groups.own_group(words[0], words[1:])
        with records_of(env, write=True) as ledger:
            replaced = ledger.set_group(group)
        members = ", ".join(m.member for m in group.members)
        env.say(f"{'replaced' if replaced else 'added'} group {group.name}: {members}")
        return
    if len(words) != 1:
        raise InvalidInput("give the name of one of your groups: groups remove NAME")
    with records_of(env, write=True) as ledger:
        ledger.remove_group(words[0].strip().lower())
    env.say(f"removed group {words[0]}")
