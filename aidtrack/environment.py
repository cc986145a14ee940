"""Where a command runs: store path, streams, terminal flags and the user's defaults,
in one swappable object.

Commands never look at `sys.stdout.isatty()` or at environment variables themselves;
they ask the `Environment`, which tests can build as they like. It is the only reader
of `AIDTRACK_DB`, `AIDTRACK_RECIPIENT`, `AIDTRACK_CURRENCY`, `AIDTRACK_DEBUG`,
`NO_COLOR` and `COLUMNS`.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .errors import AidtrackError, clipped
from .store import DEFAULT_WAIT

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from rich.console import Console

    from .drawing import Part

APP_NAME = "aidtrack"
PIPE_WIDTH = 160


def default_store() -> Path:
    """`$AIDTRACK_DB`, else `pledges.json` in the platform's user data folder."""
    configured = os.environ.get("AIDTRACK_DB")
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_NAME) / "pledges.json"


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@dataclass
class Environment:
    db: Path | None = None
    wait: float = DEFAULT_WAIT
    no_color: bool = False
    quiet: bool = False
    stdin: TextIO = field(default_factory=lambda: sys.stdin)
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)

    @property
    def store(self) -> Path:
        return self.db if self.db is not None else default_store()

    @property
    def recipient(self) -> str | None:
        """The recipient `add` takes when none is given (`$AIDTRACK_RECIPIENT`)."""
        return os.environ.get("AIDTRACK_RECIPIENT") or None

    @property
    def currency(self) -> str | None:
        """The currency of reports when none is given (`$AIDTRACK_CURRENCY`)."""
        return os.environ.get("AIDTRACK_CURRENCY") or None

    @property
    def debug(self) -> bool:
        """Show a traceback for an unexpected error (`$AIDTRACK_DEBUG`)."""
        return bool(os.environ.get("AIDTRACK_DEBUG"))

    @property
    def interactive(self) -> bool:
        """May we ask questions? Only when a person is at stdin."""
        return _is_terminal(self.stdin) and _is_terminal(self.stderr)

    @property
    def stdout_is_terminal(self) -> bool:
        return _is_terminal(self.stdout)

    @property
    def stderr_is_terminal(self) -> bool:
        """Progress bars go to stderr, and only to a person."""
        return _is_terminal(self.stderr)

    @property
    def color(self) -> bool:
        return not (self.no_color or os.environ.get("NO_COLOR")) and self.stdout_is_terminal

    def console(self, *, stderr: bool = False) -> Console:
        """A console for tables; built on demand so COLUMNS is read when it is used."""
        from .drawing import console

        stream = self.stderr if stderr else self.stdout
        # Off a terminal (a pipe, a file) a table is not squeezed into 80 columns.
        wide = None if _is_terminal(stream) or os.environ.get("COLUMNS") else PIPE_WIDTH
        return console(stream, width=wide, color=self.color)

    def show(self, parts: Sequence[Part], *, wide: bool = False, stderr: bool = False) -> None:
        """A view on stdout (on stderr: part of a conversation with the person), fitted
        to the terminal, or plain when piped."""
        from .drawing import show

        plain = not (self.stderr_is_terminal if stderr else self.stdout_is_terminal)
        with _writing():
            show(self.console(stderr=stderr), parts, wide=wide, plain=plain)

    def say(self, message: str) -> None:
        """A message for the person (stderr), silenced by --quiet."""
        if not self.quiet:
            print(message, file=self.stderr)

    def warn(self, message: str) -> None:
        if not self.quiet:
            print(f"warning: {message}", file=self.stderr)

    def error(self, message: str) -> None:
        print(clipped(f"error: {message}"), file=self.stderr)

    def write(self, text: str) -> None:
        """Data for scripts (stdout), exactly as given; on a person's terminal, with
        stored control codes shown as escapes, so that none retitles or clears it."""
        if self.stdout_is_terminal:
            from .drawing import on_terminal

            text = on_terminal(text)
        with _writing():
            self.stdout.write(text)
            self.stdout.flush()

    def write_bytes(self, pieces: Iterable[bytes]) -> None:
        """UTF-8 data for scripts (stdout), a piece at a time, without a detour
        through text (on a terminal, as `write` shows it)."""
        if self.stdout_is_terminal:
            self.write("".join(piece.decode() for piece in pieces))
            return
        binary = getattr(self.stdout, "buffer", None)
        with _writing():
            self.stdout.flush()
            for piece in pieces:
                if binary is None:
                    self.stdout.write(piece.decode())
                else:
                    binary.write(piece)
            (binary or self.stdout).flush()


@contextlib.contextmanager
def _writing() -> Iterator[None]:
    """Output that cannot be written (a full disk) is the user's one-line error; a
    reader that went away (`| head`) goes up as it is, to end the command quietly."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as error:
        raise AidtrackError(f"could not write the output: {error.strerror}") from None
