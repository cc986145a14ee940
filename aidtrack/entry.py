"""The console entry point. From `main`'s first line on, Ctrl-C and SIGTERM end a
command cleanly, exit 130 / 143: by their default action until the handlers go in,
before anything is touched (a shell reports the same codes); then by unwinding
whatever the command was doing.

Before that line come only the interpreter's start-up and the imports that reach it
(the console script's, and this module's: the standard library's `signal` and nothing
heavy), a few milliseconds in which Python's own Ctrl-C handler is in force and no
code of ours can run: a Ctrl-C there ends the process with Python's report, having
touched nothing, or, landing in the import machinery's lock callback, is printed as
ignored and the command runs on as if never interrupted.
"""

from __future__ import annotations

import gc
import os
import signal
import sys

from .errors import Terminated, signal_exit

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import FrameType
    from typing import NoReturn


def _stop(signum: int, frame: FrameType | None) -> None:
    """Ctrl-C and SIGTERM unwind the command (exit 130, 143), from wherever they land,
    except where Python would print the exception and carry on: a weakref callback of
    the import machinery (a module lock's `cb`) or a finaliser. There the signal is
    delivered again a moment later, from wherever the command has got to."""
    if frame is not None and _swallows(frame):
        signal.signal(signal.SIGALRM, lambda _, later: _stop(signum, later))
        signal.setitimer(signal.ITIMER_REAL, 0.005)
        return
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise Terminated()


def _swallows(frame: FrameType) -> bool:
    """Whether an exception raised in `frame` would be printed and ignored."""
    code = frame.f_code
    return code.co_name == "__del__" or (
        code.co_name == "cb" and code.co_filename == "<frozen importlib._bootstrap>"
    )


_last_read: list[object] = []
"""The last store the command read, held to `_exit`, which never frees it."""


def _hold(read: object) -> None:
    """Keep `read`, the store just read, to the end of the process; the one read
    before it is freed as usual."""
    _last_read[:] = [read]


def main() -> NoReturn:
    # First thing, Ctrl-C gets its default action (SIGTERM has it already): a signal
    # until the handlers go in ends the process before it has touched anything, where
    # Python's own handler would print a traceback. orjson loads in this time: it runs
    # Python code while its native module starts, and crashes (SIGSEGV) when a handler
    # raises in it. A Ctrl-C while the switch itself runs (Python code in `signal`)
    # comes as Python's KeyboardInterrupt: nothing is touched yet either.
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)
    except KeyboardInterrupt:
        os._exit(130)
    # A command is one short process: reference counting frees what it drops, and the
    # cycle collector's passes over a 100,000-record store cost a fifth of a report.
    gc.disable()
    if sys.argv[1:] == ["--version"]:
        # The one command that needs nothing but the package's name: answered before
        # orjson, the store or Typer load (Typer's `--version` prints the same line).
        from . import VERSION_LINE

        print(VERSION_LINE)
        _exit(0)
    import orjson  # noqa: F401

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    try:
        try:
            from . import store

            store.hand_reads_to(_hold)
            from .cli import main as run

            run()
        finally:
            # The command is over: no signal may interrupt its exit (nor the alarm `_stop`
            # may have set to deliver one again). One landing here unwinds to just below.
            for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGALRM):
                signal.signal(signum, signal.SIG_IGN)
    except SystemExit as done:
        _exit(done.code)
    except BaseException as error:
        stopped = signal_exit(error)
        if stopped is None:
            raise
        _exit(stopped)


def _exit(code: object) -> NoReturn:
    """End the process now, as `sys.exit(code)` would, without freeing what it read:
    the last store a command read is held to this point (`_hold`), since
    freeing 100,000 records one by one costs a fifth of a second, and the operating
    system takes the memory back at once. Every file is closed and every lock
    released by now; only the standard streams are left to flush."""
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        print(code, file=sys.stderr)
        status = 1
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader has gone (`| head`): nothing more to say
        pass
    except OSError as error:
        if status == 0:  # a command that failed has said why (the output's own failure)
            print(f"error: could not write the output: {error.strerror}", file=sys.stderr)
        status = status or 1
    sys.stderr.flush()
    os._exit(status)
