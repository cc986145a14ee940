"""aidtrack: a tracker of aid pledges between countries, by year.

Usable as a library without the command line::

    from aidtrack import open_ledger
    with open_ledger(path) as ledger:
        current = ledger.current()

Names are imported on first use, so `aidtrack --version` does not load the store code.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"
VERSION_LINE = f"aidtrack {__version__}"
"""What `aidtrack --version` prints."""

# Not from `typing`: it (and the `re` it loads) delays the Ctrl-C handling of entry.py.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from .ledger import Ledger, open_ledger
    from .model import Category, Instrument, Pledge, Qualifier, Source, Status, YearSpan
    from .rates import RateTable

_HOMES = {
    "Ledger": "ledger",
    "open_ledger": "ledger",
    "Category": "model",
    "Instrument": "model",
    "Pledge": "model",
    "Qualifier": "model",
    "Source": "model",
    "Status": "model",
    "YearSpan": "model",
    "RateTable": "rates",
}

__all__ = [
    "Category",
    "Instrument",
    "Ledger",
    "Pledge",
    "Qualifier",
    "RateTable",
    "Source",
    "Status",
    "YearSpan",
    "__version__",
    "open_ledger",
]


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
