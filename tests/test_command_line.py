"""The command line as people type it (issue 13): mistyped options, "did you mean" for
every closed vocabulary, negative amounts, help that teaches."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from typer.main import get_command

from aidtrack import __version__
from aidtrack import store as store_module
from aidtrack.cli import with_commands

from .conftest import NOR_2026, Aidtrack

app = with_commands()


def _commands(
    group: typer.core.TyperGroup, path: tuple[str, ...] = ()
) -> Iterator[tuple[str, ...]]:
    for name, command in group.commands.items():
        if isinstance(command, typer.core.TyperGroup):
            yield (*path, name)  # the group's own options (`aidtrack rates --year`)
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


# Shell completion, through the protocol the shells use -----------------------------------


def complete(words: str, shell: str = "bash", *, env: dict[str, str] | None = None) -> list[str]:
    """What `aidtrack` offers for the last word of `words`, as the shell asks for it."""
    from typer.testing import CliRunner

    protocol = {"_AIDTRACK_COMPLETE": f"complete_{shell}", **(env or {})}
    if shell == "bash":
        protocol |= {"COMP_WORDS": words, "COMP_CWORD": str(len(words.split(" ")) - 1)}
    else:
        protocol |= {"_TYPER_COMPLETE_ARGS": words, "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    result = CliRunner().invoke(app, [], env=protocol, prog_name="aidtrack")
    assert result.exit_code == 0 and not result.stderr, result.stderr
    return [line for line in result.stdout.splitlines() if line]


@pytest.fixture
def starter(aidtrack: Aidtrack) -> None:
    from .conftest import STARTER_CSV

    aidtrack.ok("import", str(STARTER_CSV))


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("aidtrack re", ["reconcile", "report", "revise", "remove"]),
        ("aidtrack add --cat", ["--category"]),
        ("aidtrack list --status c", ["committed"]),
        ("aidtrack list --category m", ["military", "mixed"]),
        ("aidtrack add --qualifier a", ["about", "at_least"]),
        ("aidtrack add --instrument g", ["grant", "guarantee"]),
        ("aidtrack list --format n", ["ndjson"]),
        ("aidtrack import x --format j", ["json"]),
        ("aidtrack add --currency NO", ["NOK"]),
    ],
)
def test_completion_of_commands_options_and_vocabularies(words: str, expected: list[str]) -> None:
    assert sorted(complete(words)) == sorted(expected)


def test_completion_offers_the_stores_names_first_then_every_country(starter: None) -> None:
    offered = complete("aidtrack add No")
    assert offered[0] == "Norway"
    assert {"North Macedonia", "North Korea"} <= set(offered[1:])
    assert complete("aidtrack list --to Uk")[0] == "Ukraine"
    assert complete("aidtrack compare Ger")[0] == "Germany"
    assert "EU institutions" in complete("aidtrack list --donor E")
    assert complete("aidtrack add Nor", "fish")[0] == "Norway\tin the store"


@pytest.mark.parametrize("command", ["show", "edit", "revise", "remove", "add --part-of"])
def test_completion_offers_record_ids_with_what_they_are(starter: None, command: str) -> None:
    assert complete(f"aidtrack {command} nor-2026") == ["nor-2026", "nor-2026-civ", "nor-2026-mil"]
    zsh = "\n".join(complete(f"aidtrack {command} nor-2026-m", "zsh"))
    assert '"nor-2026-mil":"Norway 2026 NOK 70.0bn"' in zsh


def test_completion_reads_the_store_named_by_db(tmp_path: Path, starter: None) -> None:
    other = tmp_path / "other.json"
    assert complete(f"aidtrack --db {other} show nor") == []
    assert complete(f"aidtrack --db {other} add Nor")[0] == "Norfolk Island"


def test_completion_never_writes_nor_complains(store: Path, starter: None) -> None:
    folder = store.parent
    before = {path.name: path.read_bytes() for path in folder.iterdir()}
    complete("aidtrack show n")
    complete("aidtrack add No")
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == before
    store.write_text('{"pledges": {"1": {"id": "x"')  # damaged: only countries are offered
    assert complete("aidtrack add Norw") == ["Norway"]
    assert complete("aidtrack show n") == []


def test_completion_names_the_stores_parties_as_the_store_is_now(
    store: Path, starter: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The names come from the year totals while they are those of the store, so a
    large store is not parsed on every Tab; after a hand edit, from the records."""
    with monkeypatch.context() as patched:
        patched.setattr(store_module, "read_table", lambda *args: pytest.fail("store parsed"))
        assert complete("aidtrack add No")[0] == "Norway"
    store.write_bytes(store.read_bytes().replace(b'"donor":"Norway"', b'"donor":"Nauru"'))
    assert complete("aidtrack add Na")[0] == "Nauru"
    assert complete("aidtrack add No")[0] != "Norway"  # no longer in the store


def test_completion_of_a_store_not_yet_made_creates_nothing(store: Path) -> None:
    assert complete("aidtrack show p") == []
    assert not store.parent.exists()


def test_completion_scripts_install_for_bash_zsh_and_fish(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    # Without it, --show-completion takes no value and asks the running shell.
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    for shell, line in [
        ("bash", "complete -o default -F _aidtrack_completion aidtrack"),
        ("zsh", "compdef _aidtrack_completion aidtrack"),
        ("fish", "complete --command aidtrack"),
    ]:
        result = CliRunner().invoke(app, ["--show-completion", shell], prog_name="aidtrack")
        assert result.exit_code == 0 and line in result.stdout, (shell, result.stdout)


@pytest.mark.parametrize("path", COMMANDS, ids=lambda path: " ".join(path) or "aidtrack")
def test_help_shows_flags_as_flags_and_ends_with_examples(
    aidtrack: Aidtrack, path: tuple[str, ...]
) -> None:
    shown = aidtrack.ok(*path, "--help").stdout
    assert "<bool>" not in shown
    if path:
        examples = shown.split("Examples:")[1]
        assert f"$ aidtrack {' '.join(path)}" in examples
    else:
        for heading in ("Record", "Read", "Report", "Data", "Store"):
            assert f"─ {heading} ─" in shown


def test_completion_offers_the_shipped_groups_and_the_stores_own(aidtrack: Aidtrack) -> None:
    assert complete("aidtrack list --group n") == ["nato", "nordic"]
    aidtrack.ok("groups", "add", "baltics", "Estonia", "Latvia", "Lithuania")
    assert complete("aidtrack report --group b") == ["baltics"]


def test_building_one_command_never_removes_another() -> None:
    """Asking for one command's module registered it and filtered the app in place:
    after `with_commands("add")`, `with_commands("list")` had no command, and
    `with_commands()` missed add, list, show, edit, revise and remove (issue 26)."""
    from aidtrack.cli import COMMAND_MODULES

    def registered(built: typer.Typer) -> set[str]:
        return {str(info.name) for info in [*built.registered_commands, *built.registered_groups]}

    assert "add" in registered(with_commands("add"))
    assert "list" in registered(with_commands("list"))
    every = {name for names in COMMAND_MODULES.values() for name in names}
    assert registered(with_commands()) == every
    assert set(get_command(with_commands()).list_commands(None)) == every  # type: ignore[attr-defined]


def test_the_version_loads_no_command() -> None:
    """`aidtrack --version` builds no command: their modules are imported when a
    command is asked for."""
    script = (
        "import sys; sys.argv = ['aidtrack', '--version']\n"
        "from aidtrack import cli\n"
        "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('aidtrack.cli.')))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout.splitlines()[-1] == "['aidtrack.cli.output']"


def test_the_version_alone_is_answered_before_typer_as_typer_answers_it(tmp_path: Path) -> None:
    """`aidtrack --version` is printed by the entry point before orjson, the store or
    Typer load; with any other word on the line Typer prints it. The two agree."""
    spy = (
        "import sys; from aidtrack.entry import main\n"
        "import os\n"
        "sys.argv = ['aidtrack', *sys.argv[1:]]\n"
        "real = os._exit\n"
        "def report(code):\n"
        "    print(sorted(m for m in ('orjson', 'typer', 'aidtrack.store') if m in sys.modules))\n"
        "    sys.stdout.flush(); real(code)\n"
        "os._exit = report\n"
        "main()\n"
    )
    alone = subprocess.run([sys.executable, "-c", spy, "--version"], capture_output=True, text=True)
    other = subprocess.run(
        [sys.executable, "-c", spy, "--db", str(tmp_path / "s.json"), "--version"],
        capture_output=True,
        text=True,
    )
    assert (alone.returncode, other.returncode) == (0, 0), (alone.stderr, other.stderr)
    assert alone.stdout.splitlines()[0] == other.stdout.splitlines()[0] == f"aidtrack {__version__}"
    assert alone.stdout.splitlines()[1] == "[]"
    assert other.stdout.splitlines()[1] == "['aidtrack.store', 'orjson', 'typer']"


def test_the_table_of_command_modules_names_what_each_registers() -> None:
    """A process imports only the module of the command it runs, found in the table:
    a command missing from it would load every module, one named wrongly none."""
    from aidtrack.cli import COMMAND_MODULES

    registered: dict[str, list[str]] = {}
    for info in app.registered_commands:
        assert info.callback is not None
        registered.setdefault(info.callback.__module__, []).append(str(info.name))
    for group in app.registered_groups:
        assert group.typer_instance is not None
        first = group.typer_instance.registered_commands[0].callback
        registered.setdefault(first.__module__, []).append(str(group.name))
    assert registered == {
        f"aidtrack.cli.{module}": list(names) for module, names in COMMAND_MODULES.items()
    }


def tab_in_a_process(words: str) -> list[str]:
    """What bash's Tab offers after `words`, asked of the console script in a process."""
    protocol = {
        "_AIDTRACK_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - 1),
    }
    script = "import sys; sys.argv = ['aidtrack']; from aidtrack.entry import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", script],
        env={**os.environ, **protocol},
        capture_output=True,
        text=True,
        timeout=60,
    )
    return [line for line in done.stdout.split("\n") if line]


@pytest.mark.slow
def test_a_process_builds_the_command_it_runs_and_every_one_when_it_must(
    store: Path, starter: None
) -> None:
    """Only the command named is built; help, a mistyped command and Tab on a
    command's name still see every one."""
    from .conftest import run_process

    assert run_process("list", "--limit", "2").returncode == 0
    assert run_process("rates", "--year", "2024").returncode == 0
    mistyped = run_process("lst")
    assert mistyped.returncode == 2 and "list" in mistyped.stderr
    assert "compare" in run_process("--help").stdout
    assert sorted(tab_in_a_process("aidtrack re")) == ["reconcile", "remove", "report", "revise"]
    assert tab_in_a_process("aidtrack add No")[0] == "Norway"
