"""Pure functions over records: which versions count, selection, sorting.

No TinyDB, Rich or Typer here: records in, plain values out, so every counting rule
of DESIGN §2 can be tested without a store or a terminal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from . import places
from .model import Category, Pledge, Status, YearSpan, choice
from .money import minor_unit
from .rates import Conversion, MissingRate, RateTable


def superseded_ids(pledges: Iterable[Pledge]) -> set[str]:
    """Ids that no longer count: revised records, and the parts of any such whole."""
    return superseded_by_links((p.id, p.supersedes, p.part_of) for p in pledges)


def superseded_by_links(links: Iterable[tuple[Any, Any, Any]]) -> set[str]:
    """`superseded_ids` from (id, supersedes, part_of) triples, so that a store's links
    can be read without building its records."""
    parts: dict[str, list[str]] = defaultdict(list)
    pending: list[str] = []
    for pledge_id, supersedes, part_of in links:
        if supersedes:
            pending.append(supersedes)
        if part_of:
            parts[part_of].append(pledge_id)
    gone: set[str] = set()
    while pending:
        pledge_id = pending.pop()
        if pledge_id not in gone:
            gone.add(pledge_id)
            pending.extend(parts.get(pledge_id, ()))
    return gone


def current(pledges: Iterable[Pledge]) -> list[Pledge]:
    """The records that count: not superseded, not part of a superseded whole."""
    pledges = list(pledges)
    gone = superseded_ids(pledges)
    return [p for p in pledges if p.id not in gone]


def looped(links: Mapping[str, str]) -> set[str]:
    """Ids on a loop of `id -> linked id` links (a revises b revises a), in linear time."""
    done: set[str] = set()
    looped: set[str] = set()
    for start in links:
        path: list[str] = []
        on_path: set[str] = set()
        node = start
        while node in links and node not in done and node not in on_path:
            path.append(node)
            on_path.add(node)
            node = links[node]
        if node in on_path:
            looped.update(path[path.index(node) :])
        done.update(path)
    return looped


def parts_by_whole(pledges: Iterable[Pledge]) -> dict[str, list[Pledge]]:
    parts: dict[str, list[Pledge]] = defaultdict(list)
    for pledge in pledges:
        if pledge.part_of:
            parts[pledge.part_of].append(pledge)
    return parts


def versions(pledges: Sequence[Pledge], pledge_id: str) -> list[Pledge]:
    """The revision chain that holds `pledge_id`, oldest first (safe against cycles)."""
    by_id = {p.id: p for p in pledges}
    newer = {p.supersedes: p for p in pledges if p.supersedes}
    oldest = by_id[pledge_id]
    walked = {oldest.id}
    while oldest.supersedes in by_id and oldest.supersedes not in walked:
        oldest = by_id[oldest.supersedes]
        walked.add(oldest.id)
    chain = [oldest]
    while chain[-1].id in newer and newer[chain[-1].id] not in chain:
        chain.append(newer[chain[-1].id])
    return chain


@dataclass(frozen=True)
class Selection:
    """What `list` and `export` narrow the records to; empty means everything."""

    donors: frozenset[str] = frozenset()
    recipients: frozenset[str] = frozenset()
    years: YearSpan | None = None
    statuses: frozenset[Status] = frozenset()
    categories: frozenset[Category] = frozenset()
    include_superseded: bool = False

    @classmethod
    def from_text(
        cls,
        *,
        donors: Iterable[str] = (),
        recipient: str | None = None,
        years: str | None = None,
        statuses: Iterable[str] = (),
        categories: Iterable[str] = (),
        include_superseded: bool = False,
    ) -> Selection:
        """A selection from what a user typed: names resolve, vocabularies are checked."""
        return cls(
            donors=frozenset(places.resolve(d, "donor").name for d in donors),
            recipients=frozenset(
                [places.resolve(recipient, "recipient").name] if recipient else ()
            ),
            years=YearSpan.parse(years) if years else None,
            statuses=frozenset(choice(Status, s, "status") for s in statuses),
            categories=frozenset(choice(Category, c, "category") for c in categories),
            include_superseded=include_superseded,
        )

    def matches(self, pledge: Pledge) -> bool:
        return (
            (not self.donors or pledge.donor in self.donors)
            and (not self.recipients or pledge.recipient in self.recipients)
            and (self.years is None or pledge.years.overlaps(self.years))
            and (not self.statuses or pledge.status in self.statuses)
            and (not self.categories or pledge.category in self.categories)
        )


def select(pledges: Iterable[Pledge], selection: Selection) -> list[Pledge]:
    pool = list(pledges) if selection.include_superseded else current(pledges)
    return [p for p in pool if selection.matches(p)]


SORT_KEYS: dict[str, Any] = {
    "year": lambda p: (p.years.start, p.years.end, p.donor),
    "donor": lambda p: (p.donor.casefold(), p.years.start),
    "recipient": lambda p: (p.recipient.casefold(), p.years.start),
    "amount": lambda p: (p.currency, p.amount),
    "status": lambda p: (list(Status).index(p.status), p.years.start),
    "announced": lambda p: (p.announced_on or "", p.years.start),
    "created": lambda p: p.created_at,
    "id": lambda p: p.id,
}


def sort(pledges: Iterable[Pledge], key: str, descending: bool = False) -> list[Pledge]:
    """Records in the order asked for; ties keep the order in which they were stored."""
    return sorted(pledges, key=SORT_KEYS[key], reverse=descending)


DUPLICATE_TOLERANCE = Decimal("0.05")

Convert = Callable[[Decimal, str, str, int], Decimal | None]
"""(amount, from currency, to currency, year) -> amount in the target, or None if no rate."""


def duplicate_key(pledge: Pledge) -> tuple[str, str, YearSpan, Status]:
    """What two records must share to be duplicates: donor, recipient, years, stage."""
    return pledge.donor, pledge.recipient, pledge.years, pledge.status


def approximate(table: RateTable) -> Convert:
    """`table`'s conversion for comparing amounts: unrounded, None where a rate is missing
    (two amounts that cannot be compared are not duplicates)."""

    def convert(amount: Decimal, source: str, target: str, year: int) -> Decimal | None:
        try:
            return table.convert(amount, source, target, year, places=6).amount
        except MissingRate:
            return None

    return convert


def likely_duplicate(new: Pledge, pool: Iterable[Pledge], convert: Convert) -> Pledge | None:
    """A current record that `new` probably repeats (DESIGN §2.10), or None.

    Same donor, recipient, years and stage, and an amount within 5% once converted
    into the new record's currency: NOK 85bn and $8.5bn for 2026 are one pledge.
    Revisions and parts never count as duplicates, nor do the parts already stored.
    """
    if new.supersedes or new.part_of:
        return None
    for old in current(pool):
        if old.part_of or old.id == new.id or duplicate_key(old) != duplicate_key(new):
            continue
        amount = convert(old.amount, old.currency, new.currency, new.years.start)
        if amount is None:
            continue
        larger = max(amount, new.amount)
        if abs(amount - new.amount) <= DUPLICATE_TOLERANCE * larger:
            return old
    return None


def conversions(
    pledges: Iterable[Pledge], table: RateTable, currency: str
) -> dict[str, Conversion]:
    """Each record in `currency` at its year's average (an envelope at its first year's)."""
    places = minor_unit(currency)
    return {
        p.id: table.convert(p.amount, p.currency, currency, p.years.start, places) for p in pledges
    }


def conversion_json(conversion: Conversion) -> dict[str, Any]:
    """A converted amount as scripts read it: exact strings, the rate and where it came from."""
    return {
        "amount": f"{conversion.amount:f}",
        "currency": conversion.currency,
        "rate": f"{conversion.rate:f}",
        "rate_year": conversion.year,
        "source": conversion.source,
        "provisional": conversion.provisional,
        "user": conversion.user,
    }
