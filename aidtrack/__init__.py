"""aidtrack: a tracker of aid pledges between countries, by year.

Usable as a library without the command line::

    from aidtrack import open_ledger, analysis
    with open_ledger(path) as ledger:
        current = analysis.current(ledger.pledges())
"""

__version__ = "0.1.0"

from .ledger import open_ledger
from .model import Category, Instrument, Pledge, Qualifier, Source, Status, YearSpan

__all__ = [
    "Category",
    "Instrument",
    "Pledge",
    "Qualifier",
    "Source",
    "Status",
    "YearSpan",
    "__version__",
    "open_ledger",
]
