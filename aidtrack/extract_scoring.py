"""The measure of `extract` (issue 24): of the fields a careful reader records from a real
sentence, how many it fills, and how many of those it fills wrongly.

A table is a JSON list of entries, each with `text`, `source_date` (ISO date or null)
and `drafts`: the pledges the sentence states, each with the fields of `COMPARED` as a
careful analyst records them (null where the sentence does not say; `part_of` is the
index of the whole in the same list). A sentence that states no pledge has no drafts.
The tables are in tests/data (see its README); `scripts/score_extract.py` prints these
figures for any table and tests/test_extract.py holds extract to them.

Each expected draft is paired with the extracted draft of the same amount, else with the
next one whose amount was left open; extracted drafts left over are paired with nothing,
so every field they fill counts as wrong. A field is *right* when filled with the
expected value, *wrong* when filled with another (or when nothing was expected), and
*missed* when stated but left open; an "exact" qualifier left open is not a miss, since
exact is what an open qualifier means.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .extract import Draft, extract
from .model import YearSpan

COMPARED = (
    *("donor", "recipient", "years", "amount", "currency", "qualifier", "status"),
    *("category", "instrument", "part_of", "relative_to"),
)

Entry = dict[str, Any]
Tally = dict[str, dict[str, int]]
"""Per compared field: how many were right, wrong and missed."""


def actual(draft: Draft, name: str) -> object:
    """A draft's field as the tables write it: years as [start, end], an amount as a
    plain decimal string, an enum as its value."""
    if name in ("part_of", "relative_to"):
        return getattr(draft, name)
    value = draft.value(name)
    if isinstance(value, YearSpan):
        return [value.start, value.end]
    if isinstance(value, Decimal):
        return f"{value:f}"
    return None if value is None else str(value)


def paired(expected: Sequence[Entry], drafts: Sequence[Draft]) -> list[tuple[Entry, Draft | None]]:
    """Expected drafts with the extracted ones they describe: the same amount, else the
    next one whose amount was left open; then the extracted drafts nothing expected."""
    pairs: list[tuple[Entry, Draft | None]] = []
    left = list(drafts)
    for wanted in expected:
        same = [d for d in left if wanted["amount"] and actual(d, "amount") == wanted["amount"]]
        unsettled = [d for d in left if actual(d, "amount") is None]
        chosen = same[0] if same else (unsettled[0] if unsettled else None)
        if chosen is not None:
            left.remove(chosen)
        pairs.append((wanted, chosen))
    return pairs + [({}, extra) for extra in left]


@dataclass(frozen=True)
class Figures:
    """What extract did on one table."""

    entries: int
    expected: int
    """Drafts the table expects."""
    no_pledge: int
    """Sentences that state no pledge (no drafts expected)."""
    no_pledge_hit: int
    """Of those, the sentences extract made drafts from."""
    no_pledge_drafts: int
    """The drafts extract made from them."""
    tally: Tally

    @property
    def right(self) -> int:
        return sum(t["right"] for t in self.tally.values())

    @property
    def filled(self) -> int:
        return sum(t["right"] + t["wrong"] for t in self.tally.values())

    @property
    def stated(self) -> int:
        return self.right + sum(t["missed"] for t in self.tally.values())

    @property
    def precision(self) -> float:
        """Right filled fields over filled fields (1.0 when nothing was filled)."""
        return self.right / self.filled if self.filled else 1.0

    @property
    def recall(self) -> float:
        """Right filled fields over the fields the sentences state."""
        return self.right / self.stated if self.stated else 1.0

    @property
    def wrong_amounts(self) -> int:
        return self.tally["amount"]["wrong"]


def measure(entries: Iterable[Entry]) -> Figures:
    """Run extract on every entry of a table and count what it got right."""
    tally: Tally = {name: {"right": 0, "wrong": 0, "missed": 0} for name in COMPARED}
    count = expected_drafts = no_pledge = no_pledge_hit = no_pledge_drafts = 0
    for entry in entries:
        count += 1
        day = dt.date.fromisoformat(entry["source_date"]) if entry["source_date"] else None
        drafts = extract(entry["text"], source_date=day)
        expected_drafts += len(entry["drafts"])
        if not entry["drafts"]:
            no_pledge += 1
            no_pledge_hit += bool(drafts)
            no_pledge_drafts += len(drafts)
        for wanted, draft in paired(entry["drafts"], drafts):
            for name in COMPARED:
                want = wanted.get(name)
                got = actual(draft, name) if draft is not None else None
                if got is not None:
                    tally[name]["right" if got == want else "wrong"] += 1
                elif want is not None and not (name == "qualifier" and want == "exact"):
                    tally[name]["missed"] += 1
    return Figures(count, expected_drafts, no_pledge, no_pledge_hit, no_pledge_drafts, tally)


def score(entries: Iterable[Entry]) -> Tally:
    """Per field: filled and right, filled and wrong, stated and left open."""
    return measure(entries).tally
