"""What counts (DESIGN §2, §2a): current versions, wholes once, parts as their whole's
split, envelopes apart, and two measures read from the stages, never added.

- only current versions count: a revised record is history, and so are the parts of
  any whole that is history (a delivery is money delivered: it stays);
- *promised*: a donor's year adds its single-year wholes of every stage (records that
  are not linked are different money), and the single-year tranches of a multi-year
  envelope; deliveries never;
- *delivered*: the deliveries dated in the year, and the wholes of the year that
  themselves reached `allocated` and have no deliveries;
- parts never add to a total: they split their whole into categories, and what they
  leave uncovered stays in the whole's own category;
- multi-year envelopes are never added to a year; a report lists those covering it,
  with what was delivered of them.

`Tally.of` is the one counting path. Every report is a `Tally` of the records that
count in its years; `needed` says which records that is, so that a report on a few
years of a large store (or the year totals kept beside it) builds only those, and
gets what counting every record would give, on every store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any, NamedTuple

from .model import STAGE_ORDER, Category, Pledge, Qualifier, Status, YearSpan
from .money import minor_unit

RULES = 3
"""The version of these counting rules. Year totals record the rules that made them
and are not used by another version: a change here must bump it."""

_ZERO = Decimal(0)


class Measure(StrEnum):
    """What a figure counts (DESIGN §2a): everything pledged, or what reached delivery."""

    PROMISED = "promised"
    DELIVERED = "delivered"


Link = tuple[Any, Any, Any, Any]
"""A stored record's (id, supersedes, part_of, delivery_of), read without building it."""
LINK_FIELDS = ("supersedes", "part_of", "delivery_of")
"""The fields that link a stored record to another."""


def superseded_by_links(links: Iterable[Link]) -> set[str]:
    """Ids that no longer count: revised records, and the parts of any such whole
    (however deep), from the records' links alone."""
    parts: dict[str, list[str]] = defaultdict(list)
    pending: list[str] = []
    for pledge_id, supersedes, part_of, _ in links:
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


def links_of(docs: Iterable[Mapping[str, Any]]) -> list[Link]:
    """The links of stored records (JSON as `Pledge.to_json` writes it)."""
    return [
        (doc.get("id"), doc.get("supersedes"), doc.get("part_of"), doc.get("delivery_of"))
        for doc in docs
        if doc.get("supersedes") or doc.get("part_of") or doc.get("delivery_of")
    ]


def joined(links: Sequence[Link], ids: Iterable[str]) -> set[str]:
    """`ids` and every record joined to them by links, either way, however far: the
    versions of a pledge and the parts of each. One pass over `links` per step away,
    and pledges are a few steps deep."""
    seen = set(ids)
    while True:
        reached: set[str] = set()
        for pledge_id, *targets in links:
            if pledge_id in seen:
                reached.update(target for target in targets if target)
            elif any(target in seen for target in targets):
                reached.add(pledge_id)
        if reached <= seen:
            return seen
        seen |= reached


def superseded_ids(pledges: Iterable[Pledge]) -> set[str]:
    return superseded_by_links(p.link for p in pledges)


def current(pledges: Iterable[Pledge]) -> list[Pledge]:
    """The records that count: not superseded, not part of a superseded whole."""
    pledges = list(pledges)
    gone = superseded_ids(pledges)
    return [p for p in pledges if p.id not in gone]


def parts_by_whole(pledges: Iterable[Pledge]) -> dict[str, list[Pledge]]:
    parts: dict[str, list[Pledge]] = defaultdict(list)
    for pledge in pledges:
        if pledge.part_of:
            parts[pledge.part_of].append(pledge)
    return parts


def deliveries_by_pledge(pledges: Iterable[Pledge]) -> dict[str, list[Pledge]]:
    found: dict[str, list[Pledge]] = defaultdict(list)
    for pledge in pledges:
        if pledge.delivery_of:
            found[pledge.delivery_of].append(pledge)
    return found


Doc = Mapping[str, Any]


def needed(
    find: Callable[[set[str]], Sequence[Doc]], links: Iterable[Link], wanted: Iterable[Doc]
) -> list[Doc]:
    """The current records among `wanted` (some of the store's), with every record
    that counting them reads: the parts of each (whatever their years) and the whole
    each is a part of. `links` are those of the store's records; `find(ids)` gives
    the stored records of those ids, in stored order.

    `Tally.of(needed(...)).within(...)` is `Tally.of(every record).within(...)` for
    the years and donors of `wanted`'s choosing: what a sum of one whole depends on is
    that whole, its parts, whether it is a tranche of an envelope, and its deliveries
    and its parts' (what reached each stage, what an envelope delivered).
    """
    links = list(links)
    gone = superseded_by_links(links)
    chosen = [doc for doc in wanted if doc.get("id") not in gone]
    ids = {doc.get("id") for doc in chosen}
    more = {doc.get("part_of") for doc in chosen}
    more.update(pledge_id for pledge_id, _, part_of, _ in links if part_of in ids)
    paid_for = (ids | more) - {None}
    more.update(pledge_id for pledge_id, _, _, paid in links if paid in paid_for)
    more -= gone | {None}
    if not more:
        return chosen
    taken = {id(doc) for doc in chosen}
    found = find({pledge_id for pledge_id in more if isinstance(pledge_id, str)})
    return chosen + [doc for doc in found if id(doc) not in taken]


Hedged = tuple[Decimal, frozenset[Qualifier]]
"""An amount and the hedges of what it adds up."""


def combined_qualifier(qualifiers: Iterable[Qualifier]) -> Qualifier:
    """The hedge of a sum: exact + at least is at least; at least + up to is about."""
    hedges = set(qualifiers) - {Qualifier.EXACT}
    if len(hedges) == 1:
        return hedges.pop()
    return Qualifier.ABOUT if hedges else Qualifier.EXACT


@dataclass(frozen=True)
class Counted:
    """What the counted records of one donor, recipient, measure, stage, year and
    currency add up to, in that currency: their sum, and its split by category.

    Promised sums also say how much of them reached at least each stage (`reached`,
    DESIGN §2a); delivered sums are of the stage they are at. The unit a report adds,
    which the year totals keep beside the store.
    """

    donor: str
    recipient: str
    measure: Measure
    status: Status
    year: int
    currency: str
    amount: Decimal
    qualifiers: frozenset[Qualifier]
    by_category: Mapping[Category, Hedged]
    reached: Mapping[Status, Decimal] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def key(self) -> tuple[str, str, Measure, Status, int, str]:
        return self.donor, self.recipient, self.measure, self.status, self.year, self.currency

    def __add__(self, other: Counted) -> Counted:
        """Two sums of the same key as one."""
        adding = _Adding.of(self)
        adding.add(other)
        return adding.counted()

    def to_json(self) -> dict[str, Any]:
        return {
            "recipient": self.recipient,
            "measure": self.measure.value,
            "status": self.status.value,
            "currency": self.currency,
            "amount": f"{self.amount:f}",
            "qualifiers": sorted(q.value for q in self.qualifiers),
            "by_category": {
                category.value: [f"{amount:f}", sorted(q.value for q in qualifiers)]
                for category, (amount, qualifiers) in self.by_category.items()
            },
            "reached": {status.value: f"{amount:f}" for status, amount in self.reached.items()},
            "notes": list(self.notes),
        }

    @classmethod
    def from_json(cls, donor: str, year: int, data: Mapping[str, Any]) -> Counted:
        """Read back what `to_json` wrote (KeyError or ValueError if it is not that).
        Vocabularies are looked up, not called: a report reads thousands of these."""
        return cls(
            donor,
            data["recipient"],
            _MEASURES[data["measure"]],
            _STATUSES[data["status"]],
            year,
            data["currency"],
            Decimal(data["amount"]),
            frozenset(_QUALIFIERS[q] for q in data["qualifiers"]),
            {
                _CATEGORIES[category]: (Decimal(amount), frozenset(_QUALIFIERS[q] for q in hedges))
                for category, (amount, hedges) in data["by_category"].items()
            },
            {_STATUSES[status]: Decimal(amount) for status, amount in data["reached"].items()},
            tuple(data["notes"]),
        )


class _Adding:
    """One key's sums as they are added, in record order, with one copy of the split
    instead of one per sum (a tally of 100,000 records adds tens of thousands). A whole
    without parts or deliveries, most of a store's, is added as its fields
    (`add_whole`), without a `Counted` of its own."""

    __slots__ = ("amount", "by_category", "key", "notes", "qualifiers", "reached")

    def __init__(
        self,
        key: tuple[str, str, Measure, Status, int, str],
        amount: Decimal,
        qualifiers: set[Qualifier],
        by_category: dict[Category, Hedged],
        reached: dict[Status, Decimal],
        notes: list[str],
    ) -> None:
        self.key, self.amount, self.qualifiers = key, amount, qualifiers
        self.by_category, self.reached, self.notes = by_category, reached, notes

    @classmethod
    def of(cls, sums: Counted) -> _Adding:
        return cls(
            sums.key,
            sums.amount,
            set(sums.qualifiers),
            dict(sums.by_category),
            dict(sums.reached),
            list(sums.notes),
        )

    def add(self, other: Counted) -> None:
        self.amount += other.amount
        self.qualifiers |= other.qualifiers
        for category, (part, hedges) in other.by_category.items():
            _put(self.by_category, category, part, hedges)
        for status, value in other.reached.items():
            self.reached[status] = self.reached.get(status, _ZERO) + value
        self.notes += other.notes

    def add_whole(self, whole: Pledge, reached: Mapping[Status, Decimal]) -> None:
        """What `add` of the whole's own sum gives (`reached`: by stage, what of it
        reached that stage, none for a delivered sum)."""
        self.amount += whole.amount
        self.qualifiers.add(whole.qualifier)
        _put(self.by_category, whole.category, whole.amount, (whole.qualifier,))
        for status, value in reached.items():
            self.reached[status] = self.reached.get(status, _ZERO) + value

    def counted(self) -> Counted:
        return Counted(
            *self.key,
            self.amount,
            frozenset(self.qualifiers),
            self.by_category,
            self.reached,
            tuple(self.notes),
        )


_MEASURES = {member.value: member for member in Measure}
_STATUSES = {member.value: member for member in Status}
_QUALIFIERS = {member.value: member for member in Qualifier}
_CATEGORIES = {member.value: member for member in Category}


def _put(
    by_category: dict[Category, Hedged],
    category: Category,
    amount: Decimal,
    qualifiers: Collection[Qualifier],
) -> None:
    """Add a hedged amount to a category's sum."""
    have, hedges = by_category.get(category, (_ZERO, frozenset()))
    by_category[category] = (have + amount, hedges.union(qualifiers))


Between = Callable[[Decimal, str, str, int, int], Decimal]
"""Converts a part or delivery into its whole's currency: (amount, from, to, year, places)."""

Mixed = tuple[Pledge, Sequence[Pledge], Sequence[Pledge]]
"""A whole with its parts and deliveries, one of them in another currency."""
Paid = tuple[int, str, Decimal]
"""Money delivered: its year, currency and amount (what an envelope's pace reads)."""
Covering = tuple[Pledge, Sequence[Paid]]
"""A multi-year envelope, with what was delivered of it (`delivered_of`)."""


class Tally(NamedTuple):
    """What a report or comparison counts, drawn from the current records.

    `counted`: the sums of the counted records whose parts and deliveries share their
    currency; `mixed`: wholes with a part or delivery in another currency, with them
    (their split needs the rates, so it is worked out for each report); `envelopes`:
    the current multi-year records that are not parts, which a report lists but never
    adds, each with what was delivered of it (`delivered_of`).
    """

    counted: Sequence[Counted]
    mixed: Sequence[Mixed]
    envelopes: Sequence[Covering]

    @classmethod
    def of(cls, pledges: Iterable[Pledge]) -> Tally:
        """The tally of the records that count among `pledges`."""
        pool = current(pledges)
        parts = parts_by_whole(pool)
        paid = deliveries_by_pledge(pool)
        envelopes = {p.id for p in pool if p.years.is_envelope}
        adding: dict[tuple[str, str, Measure, Status, int, str], _Adding] = {}
        mixed = []

        def put(sums: Counted) -> None:
            have = adding.get(sums.key)
            if have is None:
                adding[sums.key] = _Adding.of(sums)
            else:
                have.add(sums)

        for record in pool:
            if record.delivery_of:
                if not record.years.is_envelope:
                    put(delivered(record))
                continue
            if record.years.is_envelope or (record.part_of and record.part_of not in envelopes):
                continue
            own, deliveries = parts.get(record.id), paid.get(record.id)
            if own is None and deliveries is None:
                _add_whole(adding, record)
                continue
            own, deliveries = own or [], deliveries or []
            if any(other.currency != record.currency for other in (*own, *deliveries)):
                mixed.append((record, own, deliveries))
                continue
            for sums in count(record, own, deliveries):
                put(sums)
        wholes = [
            (p, [(d.years.start, d.currency, d.amount) for d in delivered_of(p, parts[p.id], paid)])
            for p in pool
            if p.years.is_envelope and p.part_of is None and p.delivery_of is None
        ]
        return cls([sums.counted() for sums in adding.values()], mixed, wholes)

    def within(
        self, years: Container[int] | None = None, donors: Container[str] | None = None
    ) -> Tally:
        """The part of the tally in `years` and of `donors` (None: all): sums and
        wholes of those years, and the envelopes touching any of them."""

        def keep(donor: str, span: YearSpan) -> bool:
            return (donors is None or donor in donors) and (years is None or span.meets(years))

        return Tally(
            [c for c in self.counted if keep(c.donor, YearSpan(c.year, c.year))],
            [mixed for mixed in self.mixed if keep(mixed[0].donor, mixed[0].years)],
            [covering for covering in self.envelopes if keep(covering[0].donor, covering[0].years)],
        )


def _add_whole(
    adding: dict[tuple[str, str, Measure, Status, int, str], _Adding], whole: Pledge
) -> None:
    """Add a whole without parts or deliveries (most of them): what `count` gives of
    it, its promised sum and, when it reached `allocated`, its delivered sum, added
    without building either."""
    own, amount = STAGE_ORDER[whole.status], whole.amount
    reached = {stage: amount if own >= rank else _ZERO for stage, rank in STAGE_ORDER.items()}
    sums: tuple[tuple[Measure, dict[Status, Decimal]], ...] = (
        (Measure.PROMISED, reached),
        (Measure.DELIVERED, {}),
    )
    for measure, of_stages in sums if whole.delivered_stage else sums[:1]:
        key = (
            whole.donor,
            whole.recipient,
            measure,
            whole.status,
            whole.years.start,
            whole.currency,
        )
        have = adding.get(key)
        if have is None:
            hedges = frozenset((whole.qualifier,))
            adding[key] = _Adding(
                key, amount, set(hedges), {whole.category: (amount, hedges)}, of_stages, []
            )
        else:
            have.add_whole(whole, of_stages)


def delivered_of(
    envelope: Pledge, parts: Sequence[Pledge], paid: Mapping[str, Sequence[Pledge]]
) -> list[Pledge]:
    """The records that say what was delivered of an envelope: its deliveries, and each
    part's (or the part itself, when it reached `allocated` and has none)."""
    found = list(paid.get(envelope.id, ()))
    for part in parts:
        found += delivered_by(part, paid)
    return found or delivered_by(envelope, paid)


def delivered_by(pledge: Pledge, paid: Mapping[str, Sequence[Pledge]]) -> list[Pledge]:
    """The records that say what was delivered of a pledge: its deliveries (`paid`, by
    the id of their pledge), or the pledge itself when it reached `allocated` and has
    none (DESIGN §2a)."""
    return list(paid.get(pledge.id, ())) or ([pledge] if pledge.delivered_stage else [])


def delivered(delivery: Pledge) -> Counted:
    """A delivery's sum: delivered in its own year, at its own stage."""
    hedges = frozenset({delivery.qualifier})
    return Counted(
        delivery.donor,
        delivery.recipient,
        Measure.DELIVERED,
        delivery.status,
        delivery.years.start,
        delivery.currency,
        delivery.amount,
        hedges,
        {delivery.category: (delivery.amount, hedges)},
    )


def count(
    whole: Pledge,
    parts: Sequence[Pledge],
    deliveries: Sequence[Pledge] = (),
    between: Between | None = None,
) -> list[Counted]:
    """A counted whole: what it promised, split into the categories its parts give and
    by the stages it and its deliveries reached; and, when it reached `allocated`
    itself and has no deliveries, what it delivered.

    What the parts leave uncovered stays in the whole's own category; parts and
    deliveries in another currency are measured in the whole's (`between`, which only
    such records need), parts at the whole's year, deliveries at their own.
    """

    def measured(record: Pledge, year: int) -> Decimal:
        if record.currency == whole.currency:
            return record.amount
        if between is None:
            raise ValueError(f"{record.id} is in {record.currency}: counting it needs rates")
        places = minor_unit(whole.currency)
        return between(record.amount, record.currency, whole.currency, year, places)

    by_category: dict[Category, Hedged] = {}
    notes: list[str] = []
    rest = whole.amount
    for part in parts:
        amount = measured(part, whole.years.start)
        _put(by_category, part.category, amount, {part.qualifier})
        rest -= amount
    if rest > 0 or not parts:
        _put(by_category, whole.category, rest, {whole.qualifier})
    elif rest < 0:
        notes.append(
            f"the parts of {whole.id} ({whole.donor} {whole.year_label}) add up to "
            f"{whole.currency} {whole.amount - rest:,f}, more than the whole "
            f"({whole.currency} {whole.amount:,f}): the total counts the whole, "
            "the category split follows the parts"
        )
    paid = [(STAGE_ORDER[d.status], measured(d, d.years.start)) for d in deliveries]
    reached = {}
    own = STAGE_ORDER[whole.status]
    for stage, rank in STAGE_ORDER.items():
        if own >= rank:
            reached[stage] = whole.amount
        else:
            at_least = sum((amount for at, amount in paid if at >= rank), _ZERO)
            reached[stage] = min(at_least, whole.amount)
    if sum((amount for _, amount in paid), _ZERO) > whole.amount:
        notes.append(
            f"the deliveries of {whole.id} ({whole.donor} {whole.year_label}) add up to more "
            f"than it ({whole.currency} {whole.amount:,f})"
        )
    return _sums_of(whole, by_category, reached, tuple(notes), delivered=not deliveries)


def _sums_of(
    whole: Pledge,
    by_category: Mapping[Category, Hedged],
    reached: Mapping[Status, Decimal],
    notes: tuple[str, ...],
    *,
    delivered: bool,
) -> list[Counted]:
    """A whole's promised sum, and its delivered one when it reached `allocated` itself
    and `delivered` (it has no deliveries to say what was). Built field by field:
    `dataclasses.replace` costs several times as much, for every whole of a store."""
    key = (whole.donor, whole.recipient)
    year, currency, hedges = whole.years.start, whole.currency, frozenset({whole.qualifier})
    promised = Counted(*key, Measure.PROMISED, whole.status, year, currency, whole.amount,
                       hedges, by_category, reached, notes)  # fmt: skip
    if not (delivered and whole.delivered_stage):
        return [promised]
    return [promised, Counted(*key, Measure.DELIVERED, whole.status, year, currency,
                              whole.amount, hedges, by_category)]  # fmt: skip
