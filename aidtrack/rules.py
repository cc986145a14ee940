"""The rules that hold between records (DESIGN §2.10, §2.11). Pure: records in,
problems out; `ledger` applies them to every write, `checks` to a stored store.

- **Links stay inside their pledge**: a link points at a record that exists, of the
  same donor; links never loop; a part's years lie within its whole's, at its whole's
  stage; a version is revised once; a delivery is of one pledge of the same recipient,
  at a delivery stage, in a year from its pledge's first on (DESIGN §2a).
- **Parts move with their whole**: a whole that changes years takes its parts along.
- **Likely duplicates**: the same donor, recipient, years and stage, categories that
  may be the same money, and amounts within 5% once converted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, NamedTuple

from .counting import LINK_FIELDS, Link
from .errors import InvalidInput
from .model import STAGE_ORDER, Category, Pledge, Qualifier, Status, YearSpan
from .money import format_compared

if TYPE_CHECKING:
    from .rates import RateTable

# Links ---------------------------------------------------------------------------------


class LinkProblem(NamedTuple):
    """A link that breaks a rule: whose, which field, what is wrong, and the command
    that fixes it."""

    kind: str
    id: str
    field: str
    message: str
    fix: str


class LinkGraph:
    """The links of every record of a store as it is, or as a write would leave it."""

    def __init__(self, links: Iterable[Link]) -> None:
        self.targets: dict[str, dict[str, str]] = {field: {} for field in LINK_FIELDS}
        self.revisers: dict[str, list[str]] = defaultdict(list)
        for pledge_id, supersedes, part_of, delivery_of in links:
            if supersedes:
                self.targets["supersedes"][pledge_id] = supersedes
                self.revisers[supersedes].append(pledge_id)
            if part_of:
                self.targets["part_of"][pledge_id] = part_of
            if delivery_of:
                self.targets["delivery_of"][pledge_id] = delivery_of

    def looped(self, field: str, starts: Iterable[str] | None = None) -> set[str]:
        """Ids on a loop of `field` links (a revises b revises a) reached from `starts`
        (default: every record), in linear time."""
        return looped(self.targets[field], starts)


def looped(links: Mapping[str, str], starts: Iterable[str] | None = None) -> set[str]:
    """Ids on a loop of `id -> linked id` links reached from `starts` (default: all)."""
    done: set[str] = set()
    found: set[str] = set()
    for start in links if starts is None else starts:
        path: list[str] = []
        on_path: set[str] = set()
        node = start
        while node in links and node not in done and node not in on_path:
            path.append(node)
            on_path.add(node)
            node = links[node]
        if node in on_path:
            found.update(path[path.index(node) :])
        done.update(path)
    return found


def link_problems(
    pledges: Sequence[Pledge],
    find: Callable[[str], Pledge | None],
    links: LinkGraph,
    *,
    unstored: Container[str] = (),
) -> list[LinkProblem]:
    """What is wrong with the links of `pledges`, in the store that `find` and `links`
    describe (which holds them); records not stored yet (`unstored`) are named "the
    new record", since their ids mean nothing to the user yet."""
    loops = {field: links.looped(field, (p.id for p in pledges)) for field in LINK_FIELDS}
    problems = []
    for pledge in pledges:
        for field in LINK_FIELDS:
            link = getattr(pledge, field)
            if link is None:
                continue
            named = "the new record" if pledge.id in unstored else pledge.id
            problem = _link_problem(pledge, named, field, link, find(link), links, loops[field])
            if problem is not None:
                problems.append(problem)
    return problems


def _link_problem(
    pledge: Pledge,
    named: str,
    field: str,
    link: str,
    target: Pledge | None,
    links: LinkGraph,
    loops: set[str],
) -> LinkProblem | None:
    who = pledge.id
    if target is None:
        return LinkProblem(
            "broken_link",
            who,
            field,
            f"no pledge {link!r} in the store",
            f"import the missing record {link}, or remove {who} (`aidtrack remove {who} --yes`)",
        )
    if target.donor != pledge.donor:
        relation = _RELATIONS[field]
        return LinkProblem(
            "broken_link",
            who,
            field,
            f"{link} is {target.donor}'s pledge; a {pledge.donor} record cannot be {relation} it",
            f"aidtrack edit {who} --donor {_quoted(target.donor)}",
        )
    if who in loops:
        return LinkProblem(
            "cycle",
            who,
            field,
            f"the {field} links from {who} lead back to it",
            "remove one of these records (`aidtrack remove ID --yes`) and record it again",
        )
    if field == "part_of" and not target.years.contains(pledge.years):
        fits = (
            target.year_label
            if not target.years.is_envelope
            else f"YEAR (a year within {target.year_label}, or a range within it)"
        )
        return LinkProblem(
            "part_outside_whole",
            who,
            field,
            f"{named} ({pledge.year_label}) lies outside its whole {link} ({target.year_label}): "
            "a part lies within its whole's years",
            f"aidtrack edit {who} --year {fits}",
        )
    if field == "part_of":
        return _part_problem(pledge, named, link, target)
    if field == "delivery_of":
        return _delivery_problem(pledge, named, link, target)
    if field == "supersedes":
        other = next((i for i in links.revisers[link] if i != who), None)
        if other is not None:
            return LinkProblem(
                "revised_twice",
                who,
                field,
                f"{link} is already revised by {other}: a version is revised once; "
                f"revise {other} instead",
                f"if {who} repeats {other}, `aidtrack remove {who} --yes`; "
                f"else record it as a revision of {other}",
            )
    return None


_RELATIONS = {"supersedes": "a revision of", "part_of": "part of", "delivery_of": "a delivery of"}


def _part_problem(pledge: Pledge, named: str, link: str, whole: Pledge) -> LinkProblem | None:
    """A part is a breakdown of a promise, at its whole's stage (DESIGN §2a)."""
    if whole.delivery_of:
        return LinkProblem(
            "part_of_delivery",
            pledge.id,
            "part_of",
            f"{link} is a delivery; a delivery has no parts",
            f"aidtrack edit {pledge.id} --part-of {whole.delivery_of}",
        )
    if STAGE_ORDER[pledge.status] > STAGE_ORDER[whole.status]:
        return LinkProblem(
            "part_past_whole",
            pledge.id,
            "part_of",
            f"{named} is {pledge.status.value} but its whole {link} is {whole.status.value}: "
            "a part is a breakdown at its whole's stage; money delivered of a pledge is "
            f"a delivery (`aidtrack deliver {link} AMOUNT --status {pledge.status.value} "
            "--source URL`)",
            f"aidtrack deliver {link} AMOUNT --status {pledge.status.value} --source URL",
        )
    return None


def _delivery_problem(
    delivery: Pledge, named: str, link: str, pledge: Pledge
) -> LinkProblem | None:
    """A delivery is of one pledge: same recipient, a delivery stage, one year from the
    pledge's first on, not a part and not of another delivery (DESIGN §2a)."""
    why = None
    if pledge.delivery_of:
        why = f"{link} is itself a delivery (of {pledge.delivery_of}); deliver against the pledge"
    elif delivery.recipient != pledge.recipient:
        why = f"{link} is a pledge to {pledge.recipient}, not to {delivery.recipient}"
    elif not delivery.delivered_stage:
        why = f"a delivery is allocated or disbursed, not {delivery.status.value}"
    elif delivery.part_of:
        why = "a delivery is not also a part; its pledge's parts say the breakdown"
    elif delivery.years.is_envelope:
        why = f"a delivery has one year, not {delivery.year_label}"
    elif delivery.years.start < pledge.years.start:
        why = (
            f"{named} ({delivery.year_label}) comes before its pledge {link} ({pledge.year_label})"
        )
    if why is None:
        return None
    return LinkProblem("bad_delivery", delivery.id, "delivery_of", why, f"aidtrack show {link}")


def _quoted(name: str) -> str:
    return f"'{name}'" if " " in name else name


def moved_parts(old: Pledge, new: Pledge, parts: Iterable[Pledge]) -> list[Pledge]:
    """The parts of a whole whose years change from `old`'s to `new`'s, moved with it.

    A part that spans the whole's years spans the new ones; a part inside them (a
    tranche of an envelope) stays where it is if the new years still hold it. A part
    that would fall outside is refused, by name.
    """
    moved, stuck = [], []
    for part in parts:
        if part.years == old.years:
            moved.append(replace(part, years=new.years, updated_at=new.updated_at))
        elif not new.years.contains(part.years):
            stuck.append(part)
    if stuck:
        named = ", ".join(f"{part.id} ({part.year_label})" for part in stuck)
        raise InvalidInput(
            f"{old.id} cannot move from {old.year_label} to {new.year_label}: its parts "
            f"{named} would lie outside it; edit or remove them first"
        )
    return moved


# Likely duplicates ---------------------------------------------------------------------

DUPLICATE_TOLERANCE = Decimal("0.05")

Convert = Callable[[Decimal, str, str, int], Decimal | None]
"""(amount, from currency, to currency, year) -> amount in the target, or None if no rate."""


def duplicate_key(pledge: Pledge) -> tuple[str, str, YearSpan, Status]:
    """What two records must share to be duplicates: donor, recipient, years, stage."""
    return pledge.donor, pledge.recipient, pledge.years, pledge.status


def approximate(table: RateTable) -> Convert:
    """`table`'s conversion for comparing amounts: unrounded, None where a rate is missing
    (two amounts that cannot be compared are not duplicates)."""
    from .rates import MissingRate  # loaded with `table`

    def convert(amount: Decimal, source: str, target: str, year: int) -> Decimal | None:
        try:
            return table.convert(amount, source, target, year, places=6).amount
        except MissingRate:
            return None

    return convert


def likely_duplicate(new: Pledge, pool: Iterable[Pledge], convert: Convert) -> Pledge | None:
    """A record of `pool` (current records) that `new` probably repeats, or None.

    Same donor, recipient, years and stage; categories that may be the same money
    (equal, or one of them `mixed`); not a whole and its part, nor two parts of one
    whole; and an amount within 5% once converted into `new`'s currency: NOK 85bn and
    $8.5bn for 2026 are one pledge, and so are a standalone NOK 70bn military and the
    part of a whole that says the same.
    """
    for old in pool:
        if old.id == new.id or duplicate_key(old) != duplicate_key(new):
            continue
        if not _may_be_the_same_money(new, old):
            continue
        amount = convert(old.amount, old.currency, new.currency, new.years.start)
        if amount is not None and abs(amount - new.amount) <= DUPLICATE_TOLERANCE * max(
            amount, new.amount
        ):
            return old
    return None


def _may_be_the_same_money(one: Pledge, other: Pledge) -> bool:
    if not _categories_may_match(one, other):
        return False
    family = one.id in (other.part_of, other.delivery_of) or other.id in (
        one.part_of,
        one.delivery_of,
    )
    siblings = one.part_of is not None and one.part_of == other.part_of
    tranches = (
        one.delivery_of is not None
        and one.delivery_of == other.delivery_of
        and one.announced_on != other.announced_on
    )
    return not (family or siblings or tranches)


def _categories_may_match(one: Pledge, other: Pledge) -> bool:
    return one.category == other.category or Category.MIXED in (one.category, other.category)


# Promised and delivered (DESIGN §2a) ----------------------------------------------------


def promise_of(record: Pledge, other: Pledge) -> bool:
    """Whether `other` is a promise that the delivery-stage `record` is probably a
    delivery of: same donor, recipient and single year, `other` a whole (or a year of an
    envelope) at `announced` or `committed`, categories that may be the same money."""
    return (
        other.donor == record.donor
        and other.recipient == record.recipient
        and other.years == record.years
        and not other.delivered_stage
        and other.delivery_of is None
        and _categories_may_match(record, other)
    )


def may_deliver(record: Pledge) -> bool:
    """Whether `record` may be a delivery recorded as a pledge of its own: at a
    delivery stage, one year, and linked to nothing (DESIGN §2a)."""
    return (
        record.delivered_stage
        and not (record.delivery_of or record.part_of or record.supersedes)
        and not record.years.is_envelope
    )


def deliveries_found(records: Sequence[Pledge], promises: Iterable[Pledge]) -> dict[str, str]:
    """For a tracker's file: delivery-stage records that are not linked, each with the
    one promise of `promises` it is probably a delivery of (`promise_of`); a record
    with several such promises is left to the write rules."""
    by_key: dict[tuple[str, str, YearSpan], list[Pledge]] = defaultdict(list)
    promises = list(promises)
    for promise in promises:
        by_key[promise.donor, promise.recipient, promise.years].append(promise)
    targets = {link for p in (*records, *promises) for link in p.link[1:] if link}
    found = {}
    for record in records:
        if not may_deliver(record) or record.id in targets:
            continue  # a whole, a revised version or a pledge delivered: not a delivery
        candidates = by_key.get((record.donor, record.recipient, record.years), [])
        matches = {p.id for p in candidates if p.id != record.id and promise_of(record, p)}
        if len(matches) == 1:
            found[record.id] = matches.pop()
    return found


def linked_beyond(whole: Pledge, linked: Sequence[Pledge], convert: Convert) -> str | None:
    """Why the parts, or the deliveries, of `whole` add up to more than it, once each is
    converted into its currency at its own year; None when they do not, when one cannot
    be converted, or for the parts of an "at least" whole (a floor, not a ceiling).

    Parts are a breakdown of their whole, and deliveries what came of a promise
    (DESIGN §2a): more of either than the whole is a wrong figure somewhere."""
    parts = any(record.part_of == whole.id for record in linked)
    if parts and whole.qualifier is Qualifier.AT_LEAST:
        return None
    total = Decimal(0)
    for record in linked:
        amount = convert(record.amount, record.currency, whole.currency, record.years.start)
        if amount is None:
            return None
        total += amount
    if total <= whole.amount:
        return None
    total_shown, whole_shown = format_compared(total, whole.amount, whole.currency)
    if parts:
        return (
            f"the parts of {whole.id} would add up to {total_shown}, more than "
            f"its {whole_shown}; correct a part, or the whole "
            f"(`aidtrack revise {whole.id} --amount ...`)"
        )
    return (
        f"the deliveries of {whole.id} would add up to {total_shown}, more "
        f"than it promised ({whole_shown}); revise the pledge "
        f"(`aidtrack revise {whole.id} --amount ...`) or add --force"
    )
