"""What the shell's Tab offers: names and record ids from the store, then every party.

Completion runs on every Tab, so it reads the store file as it is (no lock: a store is
only ever replaced whole) and never writes, never prints an error: a store it cannot
read offers nothing from the store.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from . import money, places, store, totals
from .errors import AidtrackError

Suggestion = tuple[str, str]
"""(value, what it is)."""


def _table(path: Path, name: str) -> Iterator[Mapping[str, Any]]:
    """A table's records as the store holds them; none from a store it cannot read."""
    try:
        docs = store.read_table(path, name)
    except (AidtrackError, OSError, ValueError):
        return
    yield from (doc for doc in docs if isinstance(doc, Mapping))


def _records(path: Path) -> Iterator[Mapping[str, Any]]:
    return _table(path, store.PLEDGES)


def parties(path: Path, incomplete: str) -> list[Suggestion]:
    """Donors and recipients starting with what is typed: the store's own first (named
    by its year totals when they are current, else read from its records), then every
    country and institution aidtrack knows."""
    typed = incomplete.casefold()
    named = totals.parties(path)
    if named is None:
        named = totals.parties_of([doc for doc in _records(path) if isinstance(doc, dict)])
    own = [name for name in named if name.casefold().startswith(typed)]
    rest = [name for name in places.names() if name.casefold().startswith(typed)]
    return [(name, "in the store") for name in own] + [
        (name, "") for name in rest if name not in set(own)
    ]


def record_ids(path: Path, incomplete: str) -> list[Suggestion]:
    """Record ids starting with what is typed, each with its donor, years and amount."""
    found = []
    for doc in _records(path):
        pledge_id = doc.get("id")
        if isinstance(pledge_id, str) and pledge_id.startswith(incomplete):
            found.append((pledge_id, _summary(doc)))
    return sorted(found)


def _summary(doc: Mapping[str, Any]) -> str:
    years = doc.get("years") or [doc.get("year")] * 2
    label = str(years[0]) if years[0] == years[-1] else f"{years[0]}-{years[-1]}"
    try:
        amount = money.format_compact(Decimal(str(doc["amount"])), str(doc["currency"]))
    except (KeyError, ArithmeticError, ValueError):
        amount = ""
    return " ".join(str(part) for part in (doc.get("donor", ""), label, amount) if part)


def group_names(path: Path, incomplete: str) -> list[Suggestion]:
    """The shipped groups and the store's own, starting with what is typed."""
    from . import groups  # only Tab after --group needs them

    shipped = [(name, title) for name, (title, _) in groups.BUILT_IN.items()]
    own = [(name, "your group") for name in groups.from_json(_table(path, store.GROUPS))]
    return [(name, what) for name, what in shipped + own if name.startswith(incomplete)]
