"""An import: a file's records checked against the store, then stored all or none.

A reader (`interchange`, `iati`) checks each record of a file on its own and lists
every problem of the file at once (`refuse`); what it returns, `Incoming` records, is
checked here against the store: ids already stored, links into the file or the store,
likely duplicates, more delivered than promised (`import_records`). Only then does
the ledger store them, in one update and one insert, or none.
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import operator
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any, NamedTuple

from . import model, rules
from .errors import InvalidInput, LikelyDuplicate
from .ledger import Ledger, describe
from .model import Pledge

SAMPLE_NAME = "the sample dataset"
"""The shipped starter dataset, as messages name it."""


class Incoming(NamedTuple):
    """A checked record from a file: where the file has it, and its fields (`id` is ""
    when the file gave none; the record is made once its id is known)."""

    where: str
    values: Mapping[str, Any]

    @property
    def id(self) -> str:
        return str(self.values["id"])

    def pledge(self, pledge_id: str = "") -> Pledge:
        return Pledge(**{**self.values, "id": pledge_id or self.id})

    @property
    def content(self) -> tuple[Any, ...]:
        """What the record says, to compare with `_content` of a stored one."""
        return tuple(_content_of_fields(self.values))


class ImportPlan(NamedTuple):
    """What an import does: records to add, records to replace, ids already there as given."""

    added: list[Pledge]
    updated: list[Pledge]
    unchanged: list[str]


FileProblem = tuple[int, str]
"""(where in the file, message): a file's problems are listed in file order."""


def import_records(
    ledger: Ledger,
    incoming: Sequence[Incoming],
    *,
    name: str = "the file",
    update: bool = False,
    force: bool = False,
    dry_run: bool = False,
    link_deliveries: bool = False,
) -> ImportPlan:
    """Check a file's records against the store, then store them all (unless
    `dry_run`), or raise and store none: one update, one insert.

    A record whose id is stored with the same content (times aside) is left alone,
    one with other content is refused unless `update`; a record without an id that
    matches a stored record's content is that record. Links may point into the file
    or the store; new records that resemble current stored ones are refused unless
    `force`. With `link_deliveries` (a tracker's file, read through a column map),
    its delivery-stage rows are linked to the promise they deliver
    (`_linked_deliveries`); aidtrack's own files say their links themselves.
    """
    with collector_paused():
        stored = {pledge.id: pledge for pledge in ledger.pledges()}
        position = {item.where: index for index, item in enumerate(incoming)}
        if link_deliveries:
            incoming = _linked_deliveries(ledger, incoming)
        new, updated, unchanged, problems = _sort_out(stored, incoming, position, update)
        given = {item.id for item in new if item.id}
        fresh = iter(ledger.new_ids(len(new) - len(given), avoid=given))
        added = [(item.where, item.pledge(item.id or next(fresh))) for item in new]
        records = [p for _, p in added]
        found = rules.deliveries_found(records, records) if link_deliveries else {}
        added = [
            (where, replace(p, delivery_of=found[p.id]) if p.id in found else p)
            for where, p in added
        ]
        placed = added + updated
        where = {pledge.id: label for label, pledge in placed}
        for problem in ledger.link_problems([pledge for _, pledge in placed]):
            label = where.get(problem.id) or f"{problem.id} (in the store)"
            problems.append(
                (position.get(label, -1), f"{label}, column {problem.field}: {problem.message}")
            )
        refuse(name, problems)
        if not force:
            duplicates = [
                (
                    position[where[new.id]],
                    f"{where[new.id]}: looks like a duplicate of {describe(old)}",
                )
                for new, old in ledger.likely_duplicates(pledge for _, pledge in added)
            ]
            hint = "; add --force if these are different pledges"
            refuse(name, duplicates, LikelyDuplicate, hint)
        plan = ImportPlan([p for _, p in added], [p for _, p in updated], unchanged)
        ledger.store_checked(plan.added, plan.updated, force=force, dry_run=dry_run)
    return plan


def _linked_deliveries(ledger: Ledger, incoming: Sequence[Incoming]) -> list[Incoming]:
    """A tracker's delivery-stage rows linked to the promise they deliver, in the
    file (rows with ids) or among the current records of the store, when there is
    one (DESIGN §2a): its allocation rows are delivered, and promised once. Rows
    without ids are linked to promises of the file once they have theirs."""
    if not any(item.values["status"] in model.DELIVERED_STAGES for item in incoming):
        return list(incoming)
    keys = [item.id or f"?{item.where}" for item in incoming]
    records = [item.pledge(key) for key, item in zip(keys, incoming, strict=True)]
    donors = {record.donor for record in records if record.delivered_stage}
    in_file = set(keys)
    stored = [p for p in ledger.current_of_donors(donors) if p.id not in in_file]
    named = [record for record in records if record.id[:1] != "?"]
    found = rules.deliveries_found(records, [*named, *stored])
    return [
        Incoming(item.where, {**item.values, "delivery_of": found[key]}) if key in found else item
        for key, item in zip(keys, incoming, strict=True)
    ]


def load_sample(ledger: Ledger, sample: Sequence[Incoming]) -> int:
    """Load the shipped starter dataset (`sample`, as read) into an empty store: how
    many records, or 0 when the store already holds exactly the sample. Never mixes it
    into other records.
    """
    held = ledger.pledges()
    if not held:
        return len(import_records(ledger, sample, name=SAMPLE_NAME).added)
    if same_records(held, [item.pledge() for item in sample]):
        return 0
    raise InvalidInput(
        f"store {ledger.path} already holds {len(held)} pledges; --sample fills only an "
        "empty store, so it was left as it is (for a separate sample store: "
        "aidtrack --db sample.json init --sample)"
    )


_CONTENT = tuple(
    field.name
    for field in dataclasses.fields(Pledge)
    if field.name not in ("id", "created_at", "updated_at")
)
_content_of_pledge = operator.attrgetter(*_CONTENT)
_content_of_fields = operator.itemgetter(*_CONTENT)


def _content(pledge: Pledge) -> tuple[Any, ...]:
    """What a record says, without what a store sets itself (its id and times)."""
    return tuple(_content_of_pledge(pledge))


def same_records(stored: Sequence[Pledge], records: Sequence[Pledge]) -> bool:
    """Whether a store holds these records and nothing else (times aside)."""
    return {p.id: _content(p) for p in stored} == {p.id: _content(p) for p in records}


def _differences(old: Pledge, new: Pledge) -> list[str]:
    before, after = old.to_json(), new.to_json()
    ignored = {"created_at", "updated_at"}
    return [
        key
        for key in {**before, **after}
        if key not in ignored and before.get(key) != after.get(key)
    ]


def _sort_out(
    stored: Mapping[str, Pledge],
    incoming: Sequence[Incoming],
    position: Mapping[str, int],
    update: bool,
) -> tuple[list[Incoming], list[tuple[str, Pledge]], list[str], list[FileProblem]]:
    """New records, records to replace, ids already stored as given, and id conflicts."""
    unclaimed: dict[tuple[Any, ...], list[str]] = defaultdict(list)
    if stored and any(not item.id for item in incoming):
        claimed = {item.id for item in incoming}
        for pledge in stored.values():
            if pledge.id not in claimed:
                unclaimed[_content(pledge)].append(pledge.id)
    new: list[Incoming] = []
    updated: list[tuple[str, Pledge]] = []
    unchanged: list[str] = []
    problems: list[FileProblem] = []
    stamp = model.now()
    for item in incoming:
        old = stored.get(item.id)
        if not item.id:
            twins = unclaimed.get(item.content) if unclaimed else None
            if twins:
                unchanged.append(twins.pop(0))
            else:
                new.append(item)
        elif old is None:
            new.append(item)
        elif _content(old) == item.content:
            unchanged.append(old.id)
        elif update:
            times = {"created_at": old.created_at, "updated_at": stamp}
            updated.append((item.where, Pledge(**{**item.values, **times})))
        else:
            changed = ", ".join(_differences(old, item.pledge()))
            message = f"{item.id} is stored with another {changed}; add --update to replace it"
            problems.append((position[item.where], f"{item.where}: {message}"))
    return new, updated, unchanged, problems


def refuse(
    name: str,
    problems: list[FileProblem],
    error: type[InvalidInput] | type[LikelyDuplicate] = InvalidInput,
    hint: str = "",
) -> None:
    """Raise one error that lists the problems of a file, in file order: the first
    `LISTED`, and how many more (a file of 100,000 bad rows is fixed a screen at a time)."""
    if not problems:
        return
    lines = [message for _, message in sorted(problems, key=lambda problem: problem[0])]
    if len(lines) == 1:
        raise error(f"{name}: {lines[0]}; nothing was imported{hint}")
    listed = "\n  ".join(lines[:LISTED])
    more = f"\n  ... and {len(lines) - LISTED} more" if len(lines) > LISTED else ""
    raise error(f"{name}: {len(lines)} problems; nothing was imported{hint}:\n  {listed}{more}")


LISTED = 20


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while an import builds its records.

    Every object built is kept, so its passes free nothing, yet each walks all of them
    again: without this a 100,000-row import takes a third longer.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
