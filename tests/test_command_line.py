"""The command line as people type it (issue 13): mistyped options, "did you mean" for
every closed vocabulary, negative amounts, help that teaches."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import typer
from typer.main import get_command

from aidtrack.cli import app

from .conftest import NOR_2026, Aidtrack


def _commands(
    group: typer.core.TyperGroup, path: tuple[str, ...] = ()
) -> Iterator[tuple[str, ...]]:
    for name, command in group.commands.items():
        if isinstance(command, typer.core.TyperGroup):
            yield from _commands(command, (*path, name))
        else:
            yield (*path, name)


def _options(path: tuple[str, ...]) -> list[str]:
    command: typer.core.TyperGroup = get_command(app)  # type: ignore[assignment]
    for name in path:
        command = command.commands[name]  # type: ignore[assignment]
    options = [opt for param in command.params for opt in param.opts if opt.startswith("--")]
    return [*options, "--help"]


COMMANDS = [(), *_commands(get_command(app))]  # type: ignore[arg-type]


def _swapped(option: str) -> str:
    """`--status` -> `--tsatus`: the first two letters of the name swapped."""
    name = option[2:]
    return "--" + name[1] + name[0] + name[2:]


@pytest.mark.parametrize("path", COMMANDS, ids=lambda path: " ".join(path) or "aidtrack")
def test_every_mistyped_option_is_a_usage_error_with_the_suggestion(
    aidtrack: Aidtrack, path: tuple[str, ...]
) -> None:
    options = _options(path)
    for option in options:
        wrong = _swapped(option)
        if wrong in options or wrong == option:
            continue
        result = aidtrack(*path, wrong, "x")
        assert result.exit_code == 2, (path, wrong, result.stderr)
        assert f"No such option: {wrong}" in result.stderr, (path, wrong)
        assert option in result.stderr.split("No such option")[1], (path, wrong, result.stderr)


def test_mistyped_options_before_the_arguments_are_named(aidtrack: Aidtrack) -> None:
    result = aidtrack("add", "--categroy", "military", "Norway", "85bn")
    assert result.exit_code == 2
    assert "No such option: --categroy" in result.stderr and "--category" in result.stderr
    result = aidtrack("revise", "p2", "--stauts")
    assert result.exit_code == 2
    assert "--status" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("add", "Norway", "-5", "-c", "NOK", "--to", "UA", "-y", "2026"),
        ("add", "-c", "NOK", "Norway", "-5bn", "--to", "UA", "-y", "2026"),
        ("add", "Norway", "-7,5", "--currency", "NOK", "--to", "UA", "-y", "2026"),
    ],
)
def test_a_negative_amount_still_reaches_the_amount_check(
    aidtrack: Aidtrack, args: tuple[str, ...]
) -> None:
    result = aidtrack(*args)
    assert result.exit_code == 1
    assert "must be greater than zero" in result.stderr


def test_revise_takes_the_amount_as_an_option_too(aidtrack: Aidtrack) -> None:
    aidtrack.ok("add", *NOR_2026)
    assert "must be greater than zero" in aidtrack("revise", "p1", "-5").stderr
    assert "must be greater than zero" in aidtrack("revise", "p1", "--amount", "-5").stderr
    assert aidtrack.json("revise", "p1", "--amount", "NOK 90bn")["amount"] == "90000000000"
    result = aidtrack("revise", "p2", "95bn", "--amount", "96bn")
    assert result.exit_code == 1 and "give one" in result.stderr


@pytest.mark.parametrize(
    ("args", "suggestion"),
    [
        (("list", "--status", "comitted"), "did you mean committed?"),
        (("list", "--category", "militray"), "did you mean military?"),
        (("list", "--currency", "NKO"), "did you mean NOK"),
        (("list", "--sort", "amont"), "did you mean amount?"),
        (("list", "--format", "jsn"), "did you mean json"),
        (("export", "--format", "ndjsn"), "did you mean ndjson"),
        (("import", "x.csv", "--format", "cvs"), "did you mean csv"),
        (
            ("add", "Norway", "85bn", "-c", "NOK", "-y", "2026", "--to", "Ukrane"),
            "did you mean Ukraine",
        ),
        (("add", *NOR_2026, "--qualifier", "abuot"), "did you mean about?"),
        (("add", *NOR_2026, "--instrument", "laon"), "did you mean loan?"),
        (("add", *NOR_2026, "--status", "comitted"), "did you mean committed?"),
    ],
)
def test_every_vocabulary_suggests_the_word_meant(
    aidtrack: Aidtrack, args: tuple[str, ...], suggestion: str
) -> None:
    result = aidtrack(*args)
    assert result.exit_code in (1, 2)
    assert suggestion in " ".join(result.stderr.split()), result.stderr


def test_every_record_carries_its_first_and_last_year(aidtrack: Aidtrack) -> None:
    aidtrack.ok("add", *NOR_2026)
    aidtrack.ok("add", "Norway", "NOK 205bn", "--to", "UA", "--year", "2023-2030", "--force")
    rows = {row["id"]: row for row in aidtrack.json("list")}
    assert (rows["p1"]["year"], rows["p1"]["first_year"], rows["p1"]["last_year"]) == (
        2026,
        2026,
        2026,
    )
    assert (rows["p2"]["years"], rows["p2"]["first_year"], rows["p2"]["last_year"]) == (
        [2023, 2030],
        2023,
        2030,
    )
