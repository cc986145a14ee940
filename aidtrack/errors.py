"""Exit codes and the errors that map to them (DESIGN §6).

Every error a user can cause is an `AidtrackError`: the CLI prints its message as one
line on stderr and exits with its code. Anything else is a bug.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2
    STORE = 3
    INTERRUPTED = 130
    TERMINATED = 143


class AidtrackError(Exception):
    """A problem the user can fix; the message says what and how."""

    exit_code = ExitCode.ERROR


class InvalidInput(AidtrackError, ValueError):
    """Bad data: an amount, a name, a year, a file row."""


class NotFound(AidtrackError):
    """No record with that id."""


class LikelyDuplicate(AidtrackError):
    """A new record resembles a current one (DESIGN §2.10)."""


class StoreError(AidtrackError):
    """The store is locked, damaged, too new or not writable."""

    exit_code = ExitCode.STORE


class Terminated(BaseException):
    """Raised by the SIGTERM handler so writes unwind like on Ctrl-C."""


def did_you_mean(given: str, known: Iterable[str]) -> str:
    """`; did you mean committed?` for a typo among a closed set of words, else "".

    Every closed vocabulary (stages, categories, currencies, formats, names) suggests
    the same way, so a user learns one shape of message."""
    import difflib  # only an error pays for it

    words = list(known)
    by_fold = {word.casefold(): word for word in words}
    close = difflib.get_close_matches(given.strip().casefold(), list(by_fold), n=3, cutoff=0.6)
    return "; did you mean " + " or ".join(by_fold[c] for c in close) + "?" if close else ""


LONGEST_LINE = 1000


def clipped(message: str) -> str:
    """A message with each line longer than `LONGEST_LINE` cut in its middle, where a
    value it quotes (a 5,000-digit year, a 1 MB cell) runs on: its start says what is
    wrong and its end how to fix it."""
    return "\n".join(
        line if len(line) <= LONGEST_LINE else f"{line[:600]} ... {line[-300:]}"
        for line in message.split("\n")
    )


def unsafe_xml(name: str, error: Exception) -> str:
    """Why `name` was refused, from defusedxml's `error`: the one wording of every XML
    reader (IATI files, workbooks), since the same entities are refused in both."""
    import defusedxml  # only an unsafe file pays for it

    if isinstance(error, defusedxml.EntitiesForbidden):
        return (
            f"{name} defines the XML entity {error.name!r}; entity definitions are refused "
            "(they can expand to gigabytes or read local files)"
        )
    if isinstance(error, defusedxml.ExternalReferenceForbidden):
        return (
            f"{name} refers to the external resource {error.sysid!r}; XML that reads "
            "other files is refused"
        )
    return f"{name}: unsafe XML refused ({error})"


def signal_exit(error: BaseException | None) -> ExitCode | None:
    """The exit code of the Ctrl-C or SIGTERM behind `error`, if one is. Python wraps a
    handler's exception in another when it strikes in some places (while a class is
    created it becomes `RuntimeError: Error calling __set_name__`)."""
    while error is not None:
        if isinstance(error, KeyboardInterrupt):
            return ExitCode.INTERRUPTED
        if isinstance(error, Terminated):
            return ExitCode.TERMINATED
        error = error.__cause__ or error.__context__
    return None
