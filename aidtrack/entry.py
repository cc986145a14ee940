"""The console entry point. Signal handlers go in before anything heavy is imported,
so that Ctrl-C or SIGTERM at any moment unwinds a write cleanly (exit 130 / 143)."""

from __future__ import annotations

import gc
import os
import signal
import sys
from types import FrameType
from typing import NoReturn

from .errors import Terminated, signal_exit


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


def main() -> NoReturn:
    # A command is one short process: reference counting frees what it drops, and the
    # cycle collector's passes over a 100,000-record store cost a fifth of a report.
    gc.disable()
    # orjson runs Python code while its native module starts, and crashes (SIGSEGV)
    # when a handler raises in it: it loads before the handlers go in, and with Ctrl-C
    # at its default action (Python's own handler raises too). A signal until then
    # ends the process before it has touched anything.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    import orjson  # noqa: F401

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    try:
        from . import store

        store.keep_to_exit = True
        from .cli import main as run

        run()
    except SystemExit as done:
        _exit(done.code)
    except BaseException as error:
        stopped = signal_exit(error)
        if stopped is None:
            raise
        _exit(stopped)
    finally:
        # The command is over; a signal now must not interrupt the interpreter's shutdown.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)


def _exit(code: object) -> NoReturn:
    """End the process now, as `sys.exit(code)` would, without freeing what it read:
    the last store a command read is kept to this point (`store.keep_to_exit`), since
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
        print(f"error: could not write the output: {error.strerror}", file=sys.stderr)
        status = status or 1
    sys.stderr.flush()
    os._exit(status)
