"""The console entry point. Signal handlers go in before anything heavy is imported,
so that Ctrl-C or SIGTERM at any moment unwinds a write cleanly (exit 130 / 143)."""

from __future__ import annotations

import gc
import signal
import sys
from typing import NoReturn

from .errors import Terminated, signal_exit


def _terminate(signum: int, frame: object) -> NoReturn:
    raise Terminated()


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

    signal.signal(signal.SIGTERM, _terminate)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        from .cli import main as run

        run()
    except SystemExit:
        raise
    except BaseException as error:
        stopped = signal_exit(error)
        if stopped is None:
            raise
        sys.exit(stopped)
    finally:
        # The command is over; a signal now must not interrupt the interpreter's shutdown.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
