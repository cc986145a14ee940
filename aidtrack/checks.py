"""`aidtrack check`: what is wrong with a store, and how to fix it. Pure: records in,
problems out; it never writes (a store is never rewritten silently, DESIGN §4).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from . import rules
from .counting import LINK_FIELDS, current, deliveries_by_pledge, parts_by_whole
from .model import Pledge, own_recipient
from .rates import MissingRate, RateTable

COLUMNS = ("kind", "id", "message", "fix")


@dataclass(frozen=True)
class Problem:
    """One thing wrong: what kind, which record, what, and the command that fixes it."""

    kind: str
    id: str | None
    message: str
    fix: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def find_problems(
    pledges: Sequence[Pledge], unreadable: Iterable[tuple[str, str]], table: RateTable
) -> list[Problem]:
    """Every problem of the store, most serious first.

    `unreadable` holds (record id or position, reason) for records that failed to load.
    """
    problems = [
        Problem(
            "invalid_record",
            record,
            reason,
            "fix the record in the file by hand, or restore a backup",
        )
        for record, reason in unreadable
    ]
    problems += _duplicate_ids(pledges)
    problems += _own_recipients(pledges)
    problems += _links(pledges)
    problems += _cycles(pledges)
    problems += _beyond_their_whole(pledges, table)
    problems += _duplicates(pledges, table)
    problems += _unlinked_deliveries(pledges)
    problems += _missing_rates(pledges, table)
    problems += _unsourced(pledges)
    return problems


def _duplicate_ids(pledges: Sequence[Pledge]) -> list[Problem]:
    counts = Counter(p.id for p in pledges)
    return [
        Problem(
            "duplicate_id",
            pledge_id,
            f"{count} records share the id {pledge_id}",
            "edit the store file so that each id is used once",
        )
        for pledge_id, count in counts.items()
        if count > 1
    ]


def _own_recipients(pledges: Sequence[Pledge]) -> list[Problem]:
    """Records from a party to itself, as a store written before the rule (or by hand)
    may hold: no write accepts one (`model.Builder`)."""
    return [
        Problem(
            "own_recipient",
            p.id,
            f"{p.id}: {own_recipient(p.donor)}",
            f"aidtrack edit {p.id} --to RECIPIENT (or --donor DONOR)",
        )
        for p in pledges
        if p.donor == p.recipient or (p.donor_code and p.donor_code == p.recipient_code)
    ]


def _links(pledges: Sequence[Pledge]) -> list[Problem]:
    """Every link that breaks a rule of `rules` (loops apart: `_cycles` names each once)."""
    by_id = {p.id: p for p in pledges}
    links = rules.LinkGraph(p.link for p in pledges)
    return [
        Problem(problem.kind, problem.id, problem.message, problem.fix)
        for problem in rules.link_problems(pledges, by_id.get, links)
        if problem.kind != "cycle"
    ]


def _cycles(pledges: Sequence[Pledge]) -> list[Problem]:
    """A revision or breakdown chain that loops back on itself never has a current end."""
    problems = []
    for field in LINK_FIELDS:
        step = {p.id: link for p in pledges if (link := getattr(p, field))}
        pending = rules.looped(step)
        while pending:
            loop = [min(pending)]  # one problem per loop, named from its first id
            while step[loop[-1]] != loop[0]:
                loop.append(step[loop[-1]])
            pending.difference_update(loop)
            problems.append(
                Problem(
                    "cycle",
                    loop[0],
                    f"{field} links loop: {' -> '.join([*loop, loop[0]])}",
                    "remove one of these records (`aidtrack remove ID --yes`) and record it again",
                )
            )
    return problems


def _beyond_their_whole(pledges: Sequence[Pledge], table: RateTable) -> list[Problem]:
    """Wholes whose parts, and pledges whose deliveries, add up to more than they are
    (DESIGN §2a): what a store written before the rules, or by a forced delivery, may
    hold. The write rules and this check share `rules.linked_beyond`."""
    convert = rules.approximate(table)
    by_id = {p.id: p for p in pledges}
    records = current(pledges)
    problems = []
    for kind, grouped in (
        ("parts_exceed_whole", parts_by_whole(records)),
        ("delivered_over_promised", deliveries_by_pledge(records)),
    ):
        for whole_id, linked in grouped.items():
            whole = by_id.get(whole_id)
            why = whole and rules.linked_beyond(whole, linked, convert)
            if why:
                fix = (
                    "correct a part or the whole with `aidtrack edit`, "
                    f"or `aidtrack revise {whole_id}`"
                    if kind == "parts_exceed_whole"
                    else f"`aidtrack revise {whole_id} --amount ...`, or correct a delivery "
                    "with `aidtrack edit`"
                )
                problems.append(Problem(kind, whole_id, why.split("; ")[0], fix))
    return problems


def _unlinked_deliveries(pledges: Sequence[Pledge]) -> list[Problem]:
    """Delivery-stage records beside a promise of the same donor, recipient and year,
    not linked to it: the same money counted twice in promised (DESIGN §2a)."""
    pool = current(pledges)
    promises: dict[tuple[str, str, Any], list[Pledge]] = defaultdict(list)
    for pledge in pool:
        if not pledge.delivered_stage and pledge.delivery_of is None:
            promises[pledge.donor, pledge.recipient, pledge.years].append(pledge)
    problems = []
    for record in pool:
        if record.delivery_of or record.part_of or not record.delivered_stage:
            continue
        candidates = promises.get((record.donor, record.recipient, record.years), [])
        promise = next((p for p in candidates if rules.promise_of(record, p)), None)
        if promise is not None:
            problems.append(
                Problem(
                    "unlinked_delivery",
                    record.id,
                    f"{record.id} ({record.status.value}) and the promise {promise.id} are "
                    f"{record.donor}'s for {record.year_label}, not linked: promised counts both",
                    f"record it as a delivery: `aidtrack deliver {promise.id} "
                    f"'{record.currency} {record.amount:f}' --year {record.year_label} "
                    f"--status {record.status.value} --source URL`, then "
                    f"`aidtrack remove {record.id} --yes`",
                )
            )
    return problems


def _duplicates(pledges: Sequence[Pledge], table: RateTable) -> list[Problem]:
    """Likely duplicates among current records (parts included), each compared with
    the records stored before it in its group."""
    convert = rules.approximate(table)
    groups: dict[tuple[Any, ...], list[Pledge]] = defaultdict(list)
    for pledge in current(pledges):
        groups[rules.duplicate_key(pledge)].append(pledge)
    problems = []
    for group in groups.values():
        for index, pledge in enumerate(group[1:], start=1):
            twin = rules.likely_duplicate(pledge, group[:index], convert)
            if twin is not None:
                problems.append(
                    Problem(
                        "likely_duplicate",
                        pledge.id,
                        f"{pledge.id} looks like {twin.id}: {pledge.donor} {pledge.year_label} "
                        f"{pledge.status.value}, amounts within 5%",
                        f"if it is the same money, `aidtrack remove {pledge.id} --yes`; "
                        f"if it replaces {twin.id}, record it with `aidtrack revise {twin.id}`",
                    )
                )
    return problems


def _missing_rates(pledges: Sequence[Pledge], table: RateTable) -> list[Problem]:
    problems = []
    for pledge in current(pledges):
        try:
            table.rate(pledge.currency, pledge.years.start)
        except MissingRate:
            problems.append(
                Problem(
                    "missing_rate",
                    pledge.id,
                    f"{pledge.id}: no {pledge.currency} rate for {pledge.years.start}; "
                    "reports in other currencies cannot convert it",
                    f"aidtrack rates set {pledge.currency} {pledge.years.start} RATE",
                )
            )
    return problems


def _unsourced(pledges: Sequence[Pledge]) -> list[Problem]:
    return [
        Problem(
            "no_source",
            p.id,
            f"{p.id} ({p.donor} {p.year_label}) has no source",
            f"aidtrack edit {p.id} --source URL --quote TEXT",
        )
        for p in current(pledges)
        if not p.sources
    ]
