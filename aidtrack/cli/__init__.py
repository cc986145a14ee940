"""The `aidtrack` command: parse arguments, call one library function, print the result.

This module holds the app, the global options and the options shared by commands; the
commands themselves live beside it, one module per area.

No business rules and no TinyDB here (DESIGN §9): the rules live in `ledger`, `rules`,
`model` and `counting`, the views in `views`; what a command prints goes through one
door, `output`.
"""

import functools
import importlib
import inspect
import os
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NamedTuple, NoReturn, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup, TyperOption

from .. import VERSION_LINE
from ..environment import Environment
from ..errors import AidtrackError, ExitCode, InvalidInput, clipped, signal_exit
from ..model import Category, Instrument, Qualifier, Status, choice
from ..store import DEFAULT_WAIT, StoreNotice
from .output import Format

if TYPE_CHECKING:
    from ..analysis import Selection
    from ..groups import Group as DonorGroup
    from ..ledger import Ledger
    from ..model import Pledge
    from ..rates import RateTable

_NEGATIVE_NUMBER = re.compile(r"-(?:\.?\d|(?:inf|infinity|nan)$)", re.IGNORECASE)


class _FlagsAsFlags:
    """In --help, an option that takes no value shows none (Typer prints `<bool>`)."""

    def get_params(self, ctx: Any) -> Any:
        params = super().get_params(ctx)  # type: ignore[misc]
        for param in params:
            if getattr(param, "is_flag", False) and param.metavar is None:
                param.metavar = ""
        return params


class CommandGroup(_FlagsAsFlags, TyperGroup):
    """The `aidtrack` group. A usage error (a mistyped option, a missing argument)
    prints as aidtrack's errors do, `error: ...` in one line, then where the help is,
    rather than as a box of five lines."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        if not kwargs.get("standalone_mode", True):
            return super().main(*args, **kwargs)
        try:
            code = super().main(*args, **{**kwargs, "standalone_mode": False})
        except _ClickError as error:
            if type(error).__name__ != "NoArgsIsHelpError":  # the help is printed already
                print(clipped(f"error: {error.format_message()}"), file=sys.stderr)
                ctx = getattr(error, "ctx", None)
                if ctx is not None:
                    help_option = ctx.help_option_names[0]
                    print(f"Try '{ctx.command_path} {help_option}' for help.", file=sys.stderr)
            sys.exit(error.exit_code)
        except typer.Abort:  # a prompt's end of input, as Typer reports it
            print("Aborted.", file=sys.stderr)
            sys.exit(ExitCode.ERROR)
        sys.exit(code if isinstance(code, int) else ExitCode.OK)


class Commands(CommandGroup):
    """The `aidtrack` group, which builds a command when it is asked for: the command a
    line names imports its module alone (each costs its import, and Typer builds the
    options of every command it holds, about a millisecond each), `--version` none;
    help, Tab on a command's name and "did you mean" on a mistyped one build every
    one. What it builds joins this group; `app` stays as it was registered."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = self.commands.get(cmd_name)
        if command is None and cmd_name in _MODULE_OF:
            command = self.commands[cmd_name] = _built(cmd_name)
        return command

    def list_commands(self, ctx: Any) -> list[str]:
        for name in _MODULE_OF:
            self.get_command(ctx, name)
        return list(_MODULE_OF)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and args[0] not in _MODULE_OF:  # "did you mean" reads every name
            self.list_commands(ctx)
        return super().resolve_command(ctx, args)


_ClickError: Any = next(
    kind for kind in typer.BadParameter.__mro__ if kind.__name__ == "ClickException"
)
"""Click's errors (usage errors, unreadable files), which Typer raises but does not
export; Typer vendors Click, so only its own class is the one raised."""


class Command(_FlagsAsFlags, TyperCommand):
    """A command whose arguments may be negative amounts: `-5` (or `-inf`) reaches the
    amount parser, which says it must be greater than zero (or is not a number), while
    every other word with a dash
    stays an option, so that a typo in one gets Click's "No such option" and suggestion.

    Negative numbers that are not an option's value go after a `--`, where Click reads
    them as arguments, in their order.
    """

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if "--" not in args:
            takes_value = {
                name
                for param in self.get_params(ctx)
                if isinstance(param, TyperOption) and not param.is_flag
                for name in param.opts
            }
            numbers = [
                index
                for index, arg in enumerate(args)
                if _NEGATIVE_NUMBER.match(arg) and not (index and args[index - 1] in takes_value)
            ]
            if numbers:
                rest = [arg for index, arg in enumerate(args) if index not in numbers]
                args = [*rest, "--", *(args[index] for index in numbers)]
        result: list[str] = super().parse_args(ctx, args)
        return result


app = typer.Typer(
    name="aidtrack",
    cls=Commands,
    help="Track aid pledges between countries by year: record, list, revise, report.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)

F = TypeVar("F", bound=Callable[..., Any])


E = TypeVar("E", bound=StrEnum)


def one_of(words: type[E]) -> Callable[[str], E]:
    """The parser of an option that takes one word of a closed vocabulary: any case, and
    a usage error with "did you mean" for a typo."""

    def parse(text: str | E) -> E:
        if isinstance(text, words):
            return text
        try:
            return choice(words, text, "")
        except InvalidInput as error:
            raise typer.BadParameter(str(error).strip()) from None

    return parse


def given_word(words: type[E]) -> Callable[[str], str]:
    """The parser of an option that records one word of `words` (checked with the rest of
    the record): an empty word is refused here, since the record would read it as not
    given and take the default."""

    def parse(text: str) -> str:
        if not text.strip():
            allowed = ", ".join(word.value for word in words)
            raise typer.BadParameter(f"is empty: give one of {allowed}")
        return text

    return parse


def word_option(words: type[E], *names: str, help: str, metavar: str | None = None) -> Any:
    """An option that takes one word of `words`: checked with "did you mean", completed
    on Tab, and shown as its words (`donor|group`) unless `metavar` names them."""
    return typer.Option(
        *names,
        help=help,
        parser=one_of(words),
        autocompletion=completing(words),
        metavar=metavar or "|".join(word.value for word in words),
    )


def completing(words: Iterable[str]) -> Callable[[str], list[str]]:
    """Tab completion of a closed vocabulary: the words that start with what is typed."""
    known = list(words)

    def complete(incomplete: str) -> list[str]:
        return [word for word in known if word.startswith(incomplete.lower())]

    return complete


def _completion_store(ctx: typer.Context) -> Path:
    """The store a command line being completed names (`--db` before the command)."""
    db = ctx.find_root().params.get("db")  # text or a path, as far as parsing got
    return Environment(db=Path(db) if db else None).store


def complete_party(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    from ..completion import parties

    return parties(_completion_store(ctx), incomplete)


def complete_id(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    from ..completion import record_ids

    return record_ids(_completion_store(ctx), incomplete)


def complete_currency(incomplete: str) -> list[str]:
    from ..money import currency_codes

    return [code for code in currency_codes() if code.startswith(incomplete.upper())]


# Options shared by several commands: one definition, the same name everywhere. Those
# that say what to record (add, edit, revise) come first, then those that filter.
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (same as --format json).")]
FormatOption = Annotated[
    Format | None,
    word_option(
        Format,
        "--format",
        "-f",
        help="table, json, ndjson, csv, tsv (for scripts) or markdown (for articles).",
        metavar="FORMAT",
    ),
]
WideOption = Annotated[
    bool,
    typer.Option(
        "--wide",
        help="Every column at full width, even past the terminal's edge (a table that "
        "does not fit leaves out links, labels, categories, then stages, in that order, "
        "then prints its rows as blocks).",
    ),
]
YearOption = Annotated[
    str | None,
    typer.Option("--year", "-y", help="The year (2026), or an envelope's years (2023-2027)."),
]
RecipientOption = Annotated[
    str | None,
    typer.Option(
        "--to",
        "--recipient",
        help="Recipient: Ukraine, UA, UKR... (default: $AIDTRACK_RECIPIENT).",
        autocompletion=complete_party,
    ),
]
CurrencyOption = Annotated[
    str | None,
    typer.Option(
        "--currency",
        "-c",
        help="ISO 4217 code: NOK, EUR, USD... (or write it in the amount: NOK 85bn).",
        autocompletion=complete_currency,
    ),
]
StatusOption = Annotated[
    str | None,
    typer.Option(
        "--status",
        "-s",
        help="announced, committed, allocated, disbursed.",
        autocompletion=completing(Status),
        parser=given_word(Status),
        metavar="<str>",
    ),
]
CategoryOption = Annotated[
    str | None,
    typer.Option(
        "--category",
        help="military, financial, humanitarian, civilian, mixed.",
        autocompletion=completing(Category),
        parser=given_word(Category),
        metavar="<str>",
    ),
]
QualifierOption = Annotated[
    str | None,
    typer.Option(
        "--qualifier",
        "-q",
        help="exact, about, at_least, up_to.",
        autocompletion=completing(Qualifier),
        parser=given_word(Qualifier),
        metavar="<str>",
    ),
]
InstrumentOption = Annotated[
    str | None,
    typer.Option(
        "--instrument",
        help="grant, loan, guarantee, in_kind, unspecified.",
        autocompletion=completing(Instrument),
        parser=given_word(Instrument),
        metavar="<str>",
    ),
]
LabelOption = Annotated[str | None, typer.Option("--label", help="The donor's own label.")]
AnnouncedOption = Annotated[
    str | None, typer.Option("--announced", help="Date of the announcement (2025-10-15).")
]
SourceOption = Annotated[str | None, typer.Option("--source", help="URL of the source.")]
SourceDateOption = Annotated[
    str | None, typer.Option("--source-date", help="Date of the source (defaults to --announced).")
]
QuoteOption = Annotated[str | None, typer.Option("--quote", help="The sentence quoted.")]
NoteOption = Annotated[str | None, typer.Option("--note", help="A note of your own.")]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Record it even if it looks like a duplicate.")
]
DonorsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--donor", "-d", help="Only this donor (repeatable).", autocompletion=complete_party
    ),
]
RecipientFilterOption = Annotated[
    str | None,
    typer.Option(
        "--to",
        "--recipient",
        help="Only pledges to this recipient (default: $AIDTRACK_RECIPIENT if set, else "
        "every recipient; --to all for every recipient).",
        autocompletion=complete_party,
    ),
]
YearsFilterOption = Annotated[
    str | None,
    typer.Option(
        "--year",
        "-y",
        help="Only pledges in this year or range (2026, 2023-2027); an envelope is in if "
        "its years overlap it.",
    ),
]
StatusesOption = Annotated[
    list[str] | None,
    typer.Option(
        "--status",
        "-s",
        help="Only these stages (repeatable): announced, committed, allocated, disbursed.",
        autocompletion=completing(Status),
    ),
]
CategoriesOption = Annotated[
    list[str] | None,
    typer.Option(
        "--category",
        help="Only these categories (repeatable): military, financial, humanitarian, "
        "civilian, mixed.",
        autocompletion=completing(Category),
    ),
]


def complete_group(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    from ..completion import group_names

    return group_names(_completion_store(ctx), incomplete)


GroupOption = Annotated[
    str | None,
    typer.Option(
        "--group",
        "-g",
        help="Only donors that were members in the record's year: eu, europe, nato, g7, "
        "nordic, oecd-dac, eu-institutions or your own (`aidtrack groups`).",
        autocompletion=complete_group,
    ),
]


class Filters(NamedTuple):
    """The records `list` and `export` take: each filter an option, declared once."""

    donor: DonorsOption = None
    group: GroupOption = None
    recipient: RecipientFilterOption = None
    year: YearsFilterOption = None
    status: StatusesOption = None
    category: CategoriesOption = None

    def selection(self, env: Environment, *, include_superseded: bool) -> "tuple[Selection, str]":
        """The selection the filters make, and a note when the recipient came from
        $AIDTRACK_RECIPIENT rather than from --to (`recipient_of`)."""
        from ..analysis import Selection

        to, scope_note = recipient_of(env, self.recipient)
        selection = Selection.from_text(
            donors=self.donor or (),
            recipient=to,
            years=self.year,
            statuses=self.status or (),
            categories=self.category or (),
            include_superseded=include_superseded,
            group=group_of(env, self.group),
        )
        return selection, scope_note


B = TypeVar("B", bound=tuple[Any, ...])


def bundled(parameter: str, options: type[B]) -> Callable[[F], F]:
    """A command with the options several commands take alike, declared once as the
    fields of a named tuple (`options`: each annotated as its option, with its default),
    in the place of its parameter `parameter`, which receives them as one `options`."""
    fields = [(name, options.__annotations__[name]) for name in options._fields]  # type: ignore[attr-defined]
    defaults = options._field_defaults  # type: ignore[attr-defined]

    def with_options(command: F) -> F:
        signature = inspect.signature(command)
        place = signature.parameters[parameter]
        parameters: list[inspect.Parameter] = []
        for given in signature.parameters.values():
            if given is not place:
                parameters.append(given)
                continue
            parameters += [
                inspect.Parameter(name, place.kind, default=defaults[name], annotation=declared)
                for name, declared in fields
            ]

        @functools.wraps(command)
        def run(*args: Any, **given: Any) -> Any:
            gathered = options(*(given.pop(name) for name, _ in fields))
            return command(*args, **{parameter: gathered}, **given)

        # Typer reads the parameters from the signature, and resolves their hints.
        run.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in parameters}
        run.__annotations__["return"] = signature.return_annotation
        return run  # type: ignore[return-value]

    return with_options


def group_of(env: Environment, name: str | None) -> "DonorGroup | None":
    """The group `--group` names: a shipped one, else one of the store's."""
    if name is None:
        return None
    from .. import groups

    shipped = groups.built_in().get(name.strip().lower())
    if shipped is not None:
        return shipped
    with records_of(env) as ledger:
        return ledger.group(name)


def records_of(env: Environment, *, write: bool = False) -> "AbstractContextManager[Ledger]":
    """The store's records for one command, locked for writing when it writes. The
    ledger and its rules load only for the commands that use them."""
    from ..ledger import open_ledger

    return open_ledger(env.store, write=write, wait=env.wait)


EVERY_RECIPIENT = "all"


def recipient_of(env: Environment, given: str | None) -> tuple[str | None, str]:
    """The recipient a read command narrows to (None: every one), and a note saying so
    when it came from $AIDTRACK_RECIPIENT rather than from --to."""
    if given is not None:
        return (None if given.strip().lower() == EVERY_RECIPIENT else given), ""
    if env.recipient is None:
        return None, ""
    note = f"Recipient {env.recipient} from $AIDTRACK_RECIPIENT; --to all for every recipient."
    return env.recipient, note


def warn_missing_rates(env: Environment, pledges: "Sequence[Pledge]", table: "RateTable") -> None:
    """After a write: one line naming the rates that reports converting these records
    will need and the table does not have yet (a future year, a currency the ECB does
    not publish)."""
    from ..money import DEFAULT_CURRENCY
    from ..rates import missing_legs, missing_message

    report_currency = env.currency or DEFAULT_CURRENCY
    found = {
        (error.year, error.currency): error
        for currency, year in {(p.currency, p.years.start) for p in pledges}  # an import's few
        for error in missing_legs(table.convert, (currency, report_currency), year)
    }
    if found:
        missing = [error for _, error in sorted(found.items())]
        env.warn(f"{missing_message(missing)}; reports that convert these records need it")


def handle_errors(function: F) -> F:
    """User errors become one line on stderr and their exit code; never a traceback."""

    @functools.wraps(function)
    def run(ctx: typer.Context, *args: Any, **kwargs: Any) -> Any:
        env: Environment = ctx.obj
        try:
            with warnings.catch_warnings(record=True) as notices:
                warnings.simplefilter("always", StoreNotice)
                result = function(ctx, *args, **kwargs)
            for notice in notices:
                if issubclass(notice.category, StoreNotice):
                    env.warn(str(notice.message))
            return result
        except AidtrackError as error:
            env.error(str(error))
            raise typer.Exit(error.exit_code) from None
        except (typer.Exit, typer.Abort):
            raise
        except BaseException as error:
            stopped = signal_exit(error)
            if stopped is not None:
                word = "interrupted" if stopped is ExitCode.INTERRUPTED else "terminated"
                env.error(f"{word}; the store is unchanged or fully written")
                raise typer.Exit(stopped) from None
            if isinstance(error, BrokenPipeError):
                _reader_gone()
            if env.debug or not isinstance(error, Exception):
                raise
            env.error(
                f"internal error ({type(error).__name__}: {error}); "
                "rerun with AIDTRACK_DEBUG=1 to see where"
            )
            raise typer.Exit(ExitCode.ERROR) from None

    return run  # type: ignore[return-value]


def command(
    name: str,
    *,
    panel: str | None = None,
    examples: Sequence[str] = (),
    group: typer.Typer | None = None,
) -> Callable[[F], F]:
    """Register a command (on `group`, default the main app) with `handle_errors`, under
    its heading in `aidtrack --help`, its help ending with real examples."""

    def register(function: F) -> F:
        (group or app).command(
            name,
            cls=Command,
            help=_paragraphs(function.__doc__ or ""),
            rich_help_panel=panel,
            epilog=examples_text(examples),
        )(handle_errors(function))
        return function

    return register


def _paragraphs(doc: str) -> str:
    """A docstring as help: each paragraph one line, for the terminal to wrap."""
    return "\n\n".join(" ".join(part.split()) for part in inspect.cleandoc(doc).split("\n\n"))


def examples_text(lines: Sequence[str]) -> str | None:
    """The help's closing examples, with Rich's markup brackets escaped."""
    if not lines:
        return None
    return "Examples:\n" + "\n".join("  $ " + line.replace("[", "\\[") for line in lines)


def _show_version(value: bool) -> None:
    if value:
        print(VERSION_LINE)
        raise typer.Exit()


def _seconds(value: float) -> float:
    """A wait in seconds; NaN passes the range check, as no comparison holds for it."""
    if value != value:
        raise typer.BadParameter("nan is not a number of seconds")
    return value


@app.callback()
def main_options(
    ctx: typer.Context,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            help="Store file (default: $AIDTRACK_DB, else pledges.json in the user data folder).",
            dir_okay=True,
        ),
    ] = None,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colour in tables.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", help="No messages, only data.")] = False,
    wait: Annotated[
        float,
        typer.Option(
            "--wait",
            min=0,
            max=3600,
            callback=_seconds,
            help="Seconds to wait for a busy store.",
        ),
    ] = DEFAULT_WAIT,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Track aid pledges between countries by year."""
    ctx.obj = Environment(db=db, wait=wait, no_color=no_color, quiet=quiet)


def main() -> NoReturn:
    """Run the app; a reader that goes away (`| head`) ends it quietly (a signal is
    `entry`'s, which wraps this)."""
    try:
        app()
    except BrokenPipeError:
        _reader_gone()
    sys.exit(ExitCode.OK)


COMMAND_MODULES = {
    "records": ("add", "deliver", "list", "show", "progress", "edit", "revise", "remove"),
    "news": ("extract",),
    "report": ("report", "compare"),
    "interchange": ("import", "export", "init"),
    "reconcile": ("reconcile",),
    "donor_groups": ("groups",),
    "rates": ("rates",),
    "gdp": ("gdp",),
    "check": ("check",),
}
"""The modules beside this one that register commands (or command groups) on `app`, in
the order of `aidtrack --help`, with the names each registers."""
_MODULE_OF = {name: module for module, names in COMMAND_MODULES.items() for name in names}


def with_commands(name: str | None = None) -> typer.Typer:
    """`app` with the command `name` registered, else every command: for what reads the
    commands registered rather than running them (the app itself builds the command it
    runs, `Commands`). Registering one never removes another."""
    named = [_MODULE_OF[name]] if name in _MODULE_OF else list(COMMAND_MODULES)
    for module in named:
        importlib.import_module(f"{__name__}.{module}")
    return app


def _built(name: str) -> Any:
    """The command (or group of commands) `name`, its module imported to register it."""
    importlib.import_module(f"{__name__}.{_MODULE_OF[name]}")
    for info in app.registered_commands:
        if info.name == name:
            return typer.main.get_command_from_info(
                info,
                pretty_exceptions_short=app.pretty_exceptions_short,
                rich_markup_mode=app.rich_markup_mode,
            )
    (group,) = (info for info in app.registered_groups if info.name == name)
    return typer.main.get_group_from_info(
        group,
        pretty_exceptions_short=app.pretty_exceptions_short,
        rich_markup_mode=app.rich_markup_mode,
        suggest_commands=app.suggest_commands,
    )


def _reader_gone() -> NoReturn:
    """The reader of stdout went away (`| head`): the command ends, quietly and well;
    what is still buffered goes nowhere."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    sys.exit(ExitCode.OK)
