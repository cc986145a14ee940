"""The pledge records of a store, and the rules every write of them obeys.

A `Ledger` is the records of one store for one unit of work (`open_ledger`). Reading,
it builds records from the stored documents only when asked, so a command that
touches a few records of a 100,000-record store pays for a few. Writing (add, edit,
revise, remove, and the records an import checked, `importing`), it checks the store
as the write would leave it against `rules` (links stay inside their pledge, parts
move with their whole, likely duplicates are refused) and changes nothing unless all
hold. When a writing unit ends, the store is written once and the year totals beside
it follow (`totals`), under the same lock. The store's other tables (user rates, own
groups, imported GDP and population) are read and written here too.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import (
    Callable,
    Collection,
    Iterable,
    Iterator,
    Mapping,
    MutableMapping,
    Sequence,
)
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from . import counting, model, rules
from .errors import InvalidInput, LikelyDuplicate, NotFound
from .model import Pledge, Qualifier, Source, Status, YearSpan
from .store import DEFAULT_WAIT, GROUPS, INDICATORS, PLEDGES, RATES, Store, damaged, open_store

if TYPE_CHECKING:
    from .groups import Group
    from .indicators import Indicators
    from .rates import RateTable, UserRate

# Checked for every record on every load (cheaply, without building it), so that a
# write never carries a half record forward unnoticed; values are checked when built.
REQUIRED_FIELDS = frozenset({"id", "donor", "recipient", "amount", "currency"})


class Ledger:
    """The records of one store, for the length of one unit of work."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.touched: list[Pledge] = []
        """The records this unit wrote, as they were and as they are (the year totals
        are counted again around them)."""
        self._built: dict[str, Pledge] = {}
        self._written: set[str] = set()
        """The TinyDB ids of the documents this unit wrote, each from a record it built."""
        self.fresh: dict[str, Pledge] = {}
        """The records this unit stored as `to_json` writes them and did not change since,
        by TinyDB id (the year totals count them without reading their JSON back)."""
        self._index: dict[str, str] | None = None
        self._links: list[counting.Link] | None = None
        self._gone: set[str] | None = None

    @property
    def path(self) -> Path:
        return self.store.path

    # Reading -------------------------------------------------------------------------

    def _docs(self) -> dict[str, dict[str, Any]]:
        return self.store.docs(PLEDGES)

    def _ids(self) -> dict[str, str]:
        """Record id -> TinyDB document id, read from the stored documents without
        building records: most commands touch a few records of a large store."""
        if self._index is None:
            self._index = {}
            for doc_id, doc in self._docs().items():
                pledge_id = doc.get("id")
                if type(pledge_id) is not str:
                    self._damaged(f"record #{doc_id} has no id")
                if not doc.keys() >= REQUIRED_FIELDS or not ("year" in doc or "years" in doc):
                    missing = sorted(REQUIRED_FIELDS - doc.keys()) or ["year"]
                    self._damaged(f"record {pledge_id}: {', '.join(missing)} missing")
                self._index[pledge_id] = doc_id
        return self._index

    def _damaged(self, reason: str) -> NoReturn:
        raise damaged(self.path, reason)

    def _build(self, doc: Mapping[str, Any]) -> Pledge:
        pledge = self._built.get(doc["id"])
        if pledge is None:
            pledge = self._built[doc["id"]] = self._read(doc)
        return pledge

    def _read(self, doc: Mapping[str, Any]) -> Pledge:
        try:
            return Pledge.from_json(doc)
        except InvalidInput as error:
            self._damaged(str(error))

    def refuse_damage(self) -> None:
        """Raise as reads do if a record or a rate cannot be read: a write never carries
        a damaged store forward as if it were whole (DESIGN §7). A record in stored
        form reads (`model.in_stored_form`); any other is built, but those this unit
        wrote."""
        self._ids()
        for doc_id, doc in self._docs().items():
            if doc_id not in self._written and not model.in_stored_form(doc):
                self._read(doc)
        self.user_rates()

    def _select(self, keep: Callable[[dict[str, Any]], bool]) -> list[Pledge]:
        """The records whose stored document passes `keep`, built (once) in store order."""
        self._ids()  # every document has an id, or the store is reported damaged
        return [self._build(doc) for doc in self._docs().values() if keep(doc)]

    def readable(self) -> tuple[list[Pledge], list[tuple[str, str]]]:
        """For `check`: every record that loads, and what is wrong with those that do not."""
        pledges: list[Pledge] = []
        unreadable: list[tuple[str, str]] = []
        for doc_id, doc in self._docs().items():
            try:
                pledges.append(Pledge.from_json(doc))
            except InvalidInput as error:
                unreadable.append((str(doc.get("id") or f"#{doc_id}"), str(error)))
        return pledges, unreadable

    def pledges(self) -> list[Pledge]:
        """Every record, superseded versions included, in the order they were stored."""
        return self._select(lambda doc: True)

    def as_json(self) -> list[Mapping[str, Any]]:
        """Every record in its JSON form (DESIGN §5), superseded versions included, in
        the order they were stored. A stored document already in that form is the
        record as it is (shared: read it, never change it); any other is built, so a
        damaged record is reported as `pledges` reports it."""
        docs: list[Mapping[str, Any]] = list(self._docs().values())
        from . import totals  # the store's totals say whether every record is so

        if totals.all_in_stored_form(self.path, self.store.read_digest):
            return docs
        stored = list(map(model.in_stored_form, docs))
        if all(stored):
            return docs
        self._ids()
        return [
            doc if ok else self._build(doc).to_json() for doc, ok in zip(docs, stored, strict=True)
        ]

    def current(self) -> list[Pledge]:
        """The records that count: not superseded, not part of a superseded whole."""
        gone = self.superseded()
        return self._select(lambda doc: doc["id"] not in gone)

    def links(self) -> list[counting.Link]:
        """Every stored record's links, read without building records: from the year
        totals when they were counted from the bytes read and nothing changed since,
        else from the records."""
        if self._links is None and not self.store.changed:
            from . import totals

            self._links = totals.links(self.path, self.store.read_digest)
        if self._links is None:
            self._links = counting.links_of(self.store.having(PLEDGES, counting.LINK_FIELDS))
        return self._links

    def counted(self) -> counting.Tally | None:
        """Every year's `Tally` of all the records, from the year totals when they were
        counted from the bytes read and nothing changed since; None otherwise."""
        from . import totals

        if self.store.changed:
            return None
        return totals.current_tally(self.path, self.store.read_digest)

    def superseded(self) -> set[str]:
        """Ids that no longer count, from the stored links alone."""
        if self._gone is None:
            self._gone = counting.superseded_by_links(self.links())
        return self._gone

    def __contains__(self, pledge_id: str) -> bool:
        if self.store.by_line:
            return bool(self.store.find(PLEDGES, "id", [pledge_id]))
        return pledge_id in self._ids()

    def find(self, pledge_id: str) -> Pledge | None:
        if self.store.by_line:  # a store read by the line has no index of every id
            found = self.store.find(PLEDGES, "id", [pledge_id])
            return self._build(found[-1]) if found else None
        doc_id = self._ids().get(pledge_id)
        return None if doc_id is None else self._build(self._docs()[doc_id])

    def _doc_id(self, pledge_id: str) -> str:
        """The TinyDB id of a stored record's document."""
        if self.store.by_line:
            return self.store.key_of(self.store.find(PLEDGES, "id", [pledge_id])[-1])
        return self._ids()[pledge_id]

    def get(self, pledge_id: str) -> Pledge:
        pledge = self.find(pledge_id)
        if pledge is None:
            raise NotFound(f"no pledge with id {pledge_id!r}; `aidtrack list --all` shows the ids")
        return pledge

    def _parts_of(self, whole: str) -> list[Pledge]:
        """The records that are part of `whole`, current or not."""
        return [self.get(i) for i, _, part_of, _ in self.links() if part_of == whole]

    def deliveries_of(self, pledge_id: str) -> list[Pledge]:
        """The current deliveries of a pledge (DESIGN §2a), in stored order."""
        gone = self.superseded()
        return [
            self.get(i)
            for i, _, _, delivery_of in self.links()
            if delivery_of == pledge_id and i not in gone
        ]

    def current_of_donors(self, donors: Collection[str]) -> list[Pledge]:
        """The current records of these donors, in stored order."""
        gone = self.superseded()
        return [
            self._build(doc)
            for doc in self.store.find(PLEDGES, "donor", donors)
            if doc["id"] not in gone
        ]

    def rate_table(self) -> RateTable:
        """The shipped ECB table with this store's user rates laid over it."""
        from .rates import RateTable  # loaded by the commands that convert or write

        return RateTable.shipped().with_user_rates(self.user_rates())

    def user_rates(self) -> list[UserRate]:
        from .rates import UserRate

        try:
            return [UserRate.from_json(doc) for doc in self.store.docs(RATES).values()]
        except InvalidInput as error:
            self._damaged(str(error))

    # Ids -----------------------------------------------------------------------------

    def new_id(self) -> str:
        """A short id never used before in this store, even after `remove`."""
        return self.new_ids(1)[0]

    def new_ids(self, count: int, *, avoid: Iterable[str] = ()) -> list[str]:
        """`count` fresh ids, none in `avoid` (ids an import brings): one counter update."""
        if count == 0:
            return []
        avoided = set(avoid)
        serial = int(self.store.meta().get("next_serial", 1))
        ids: list[str] = []
        while len(ids) < count:
            candidate = f"p{serial}"
            if candidate not in avoided and candidate not in self:
                ids.append(candidate)
            serial += 1
        self.store.set_meta(next_serial=serial)
        return ids

    # Writing -------------------------------------------------------------------------

    def add(self, pledge: Pledge, *, force: bool = False) -> Pledge:
        """Store a new record. Its links must keep the rules, and a likely duplicate of
        a current record is refused unless `force`."""
        if pledge.id in self:
            raise InvalidInput(f"a pledge with id {pledge.id!r} already exists")
        self._refuse(self.link_problems([pledge]))
        if not force:
            found = self.likely_duplicates([pledge])
            if found:
                raise LikelyDuplicate(_duplicate_message(*found[0]))
            promise = self.promise_beside(pledge)
            if promise is not None:
                raise LikelyDuplicate(_delivery_message(pledge, promise))
        self._refuse_excess([pledge], force=force)
        self._insert([pledge])
        return pledge

    def store_checked(
        self,
        added: Sequence[Pledge],
        updated: Sequence[Pledge],
        *,
        force: bool = False,
        dry_run: bool = False,
    ) -> None:
        """Store records whose links and likely duplicates the caller has checked (an
        import, which lists a file's problems in file order, `importing`): new records
        in one insert, new versions of stored ones in one update, or, when the write
        would leave more parts or deliveries than their whole, none. `dry_run` checks
        and stores nothing."""
        self._refuse_excess([*added, *updated], force=force)
        if not dry_run:
            self._replace(updated)
            self._insert(added)

    def promise_beside(self, pledge: Pledge) -> Pledge | None:
        """For a delivery-stage record that is not linked: the current promise of the
        same donor, recipient and year (categories that may be the same money) whose
        delivery it probably is (DESIGN §2a); None for any other record."""
        if not rules.may_deliver(pledge):
            return None
        gone = self.superseded()
        for doc in self.store.find(PLEDGES, "donor", [pledge.donor]):
            if doc["id"] in gone or doc.get("delivery_of") or doc["id"] == pledge.id:
                continue
            other = self._build(doc)
            if rules.promise_of(pledge, other):
                return other
        return None

    def _refuse_excess(self, pledges: Sequence[Pledge], *, force: bool = False) -> None:
        """Refuse a write that leaves a whole with parts adding up to more than it, or a
        pledge with more delivered than promised (unless `force`: a delivery may be
        recorded before its pledge is revised up). Checked for the wholes the records
        belong to and for the records changed that have parts or deliveries. One pass
        over the links and the records, whatever the size of an import."""
        final = {p.id: p for p in pledges}
        gone = self.superseded()
        stored: dict[tuple[str, str], list[str]] = defaultdict(list)
        for pledge_id, _, part_of, delivery_of in self.links():
            if pledge_id not in gone and pledge_id not in final:
                for link, target in (("part_of", part_of), ("delivery_of", delivery_of)):
                    if target:
                        stored[target, link].append(pledge_id)
        kinds = ("part_of",) if force else ("part_of", "delivery_of")
        new: dict[tuple[str, str], list[Pledge]] = defaultdict(list)
        for pledge in pledges:
            if pledge.part_of or pledge.delivery_of:  # most of an import's records: neither
                for link in kinds:
                    if getattr(pledge, link):
                        new[getattr(pledge, link), link].append(pledge)
        changed = {(p.id, link) for p in pledges for link in kinds if (p.id, link) in stored}
        convert = None
        for target, link in sorted(set(new) | changed):
            whole = final.get(target) or self.find(target)
            if whole is None:
                continue  # a broken link, named by the link rules
            linked = [self.get(i) for i in stored.get((target, link), ())] + new[target, link]
            convert = convert or rules.approximate(self.rate_table())
            excess = rules.linked_beyond(whole, linked, convert)
            if excess is not None:
                raise InvalidInput(excess)

    def edit(
        self, pledge_id: str, changes: Mapping[str, str], new_sources: Sequence[Source] = ()
    ) -> list[Pledge]:
        """Correct a record in place (a typo); the new sources are added to its own.

        The records it carries follow: a new donor goes to every record linked to it
        (links join records of one donor), new years to its parts (`rules.moved_parts`).
        Returns the record, then the others that changed.
        """
        old = self.get(pledge_id)
        fixed = model.corrected(old, changes, new_sources)
        changed = {fixed.id: fixed}
        if fixed.donor != old.donor:
            for other in self._linked_to(old.id):
                changed[other.id] = replace(
                    other,
                    donor=fixed.donor,
                    donor_code=fixed.donor_code,
                    updated_at=fixed.updated_at,
                )
        moving = [(old, fixed)]
        while moving:
            was, now = moving.pop()
            if was.years == now.years:
                continue
            parts = [changed.get(p.id, p) for p in self._parts_of(was.id)]
            for part in rules.moved_parts(was, now, parts):
                moving.append((self.get(part.id), part))
                changed[part.id] = part
        edited = list(changed.values())
        self._refuse(self.link_problems(edited))
        self._refuse_excess(edited)
        self._replace(edited)
        return edited

    def revise(
        self, pledge_id: str, changes: Mapping[str, str], sources: Sequence[Source] = ()
    ) -> list[Pledge]:
        """Record a new version of a pledge; the old one stays as history.

        When only the stage, qualifier or years change (same amount and currency), the
        current parts of the old whole are carried over to the new version, at its stage
        and moved to its years. Its deliveries are money delivered whatever the new
        version says: they move to it. Returns the new version, then the carried parts
        and deliveries.
        """
        old = self.get(pledge_id)
        whole = model.revision(old, changes, sources, id=self.new_id())
        added = [whole]
        if (whole.amount, whole.currency) == (old.amount, old.currency):
            gone = self.superseded()
            parts = [p for p in self._parts_of(old.id) if p.id not in gone]
            moved = {p.id: p for p in rules.moved_parts(old, whole, parts)}
            fresh = iter(self.new_ids(len(parts)))
            for part in parts:
                added.append(
                    replace(
                        moved.get(part.id, part),
                        id=next(fresh),
                        part_of=whole.id,
                        supersedes=part.id,
                        status=whole.status,
                        created_at=whole.created_at,
                        updated_at=whole.updated_at,
                    )
                )
        carried = [
            replace(delivery, delivery_of=whole.id, updated_at=whole.updated_at)
            for delivery in self.deliveries_of(old.id)
        ]
        self._refuse(self.link_problems(added + carried))
        self._refuse_excess(added + carried)
        self._insert(added)
        self._replace(carried)
        return added + carried

    def remove(self, pledge_id: str) -> Pledge:
        """Delete a record that no other record points at."""
        pledge = self.get(pledge_id)
        linked = [i for i, *targets in self.links() if pledge_id in targets]
        if linked:
            raise InvalidInput(
                f"{pledge_id} cannot be removed: {', '.join(linked)} point at it; "
                "remove those first"
            )
        doc_id = self._doc_id(pledge_id)
        self.store.remove(PLEDGES, [doc_id])
        self.fresh.pop(doc_id, None)
        if self._index is not None:
            del self._index[pledge_id]
        del self._built[pledge_id]
        self.touched.append(pledge)
        if self.store.by_line:  # a record id names one record there: its links go with it
            self._links = [link for link in self.links() if link[0] != pledge_id]
            self._gone = None
        else:
            self._forget()
        return pledge

    def create(self) -> bool:
        """Give a new store its schema version, so that `init` leaves a real file behind.

        False when the store already existed.
        """
        if self.store.data:
            return False
        self.store.set_meta()
        return True

    def set_rate(self, rate: UserRate) -> None:
        table = self.store.table(RATES)
        table.remove(lambda doc: (doc["currency"], doc["year"]) == (rate.currency, rate.year))
        table.insert(rate.to_json())

    def remove_rate(self, currency: str, year: int) -> bool:
        table = self.store.table(RATES)
        return bool(table.remove(lambda doc: (doc["currency"], doc["year"]) == (currency, year)))

    def own_groups(self) -> dict[str, Group]:
        """The groups the user made (`aidtrack groups add`)."""
        from . import groups  # loaded by the commands that name a group

        return groups.from_json(self.store.docs(GROUPS).values())

    def group(self, name: str) -> Group:
        from . import groups

        return groups.find(name, self.own_groups())

    def set_group(self, group: Group) -> bool:
        """Keep a user's group; True when it replaced one of the same name."""
        table = self.store.table(GROUPS)
        replaced = bool(table.remove(lambda doc: doc.get("name") == group.name))
        table.insert({"name": group.name, "members": [m.member for m in group.members]})
        return replaced

    def remove_group(self, name: str) -> None:
        from . import groups

        if name in groups.BUILT_IN:
            raise InvalidInput(f"{name!r} is a shipped group and stays")
        if not self.store.table(GROUPS).remove(lambda doc: doc.get("name") == name):
            raise NotFound(f"no group of yours called {name!r}; `aidtrack groups` lists them")

    def indicators(self) -> Indicators:
        """GDP and population: the shipped figures, with those imported laid over them."""
        from . import indicators  # loaded by the commands that use them

        return indicators.with_imported(self.store.docs(INDICATORS).values())

    def import_indicators(self, indicator: str, found: Indicators, source: str) -> int:
        """Keep a World Bank file's figures, replacing those of the same indicator and
        countries; returns how many countries."""
        from . import indicators

        codes = set(found.values.get(indicator, {}))
        table = self.store.table(INDICATORS)
        table.remove(lambda doc: doc.get("indicator") == indicator and doc.get("code") in codes)
        table.insert_multiple(indicators.to_json(found, source))
        return len(codes)

    def _insert(self, pledges: Sequence[Pledge]) -> None:
        """Store new records in one TinyDB insert."""
        if not pledges:
            return
        stored = self.links()  # read before the records are there to read
        doc_ids = self.store.insert(PLEDGES, [p.to_json() for p in pledges])
        self._written.update(doc_ids)
        self.fresh.update(zip(doc_ids, pledges, strict=True))
        if self._index is not None:
            self._index.update(zip([p.id for p in pledges], doc_ids, strict=True))
        self._built.update((p.id, p) for p in pledges)
        self.touched += pledges
        # Every link, as `counting.links_of` reads them: a delivery's too.
        self._links = stored + [link for link in (p.link for p in pledges) if any(link[1:])]
        self._gone = None
        # An imported `p7` moves the counter past 7, so that once removed it is never
        # handed out again.
        serials = [int(p.id[1:]) for p in pledges if p.id[:1] == "p" and p.id[1:].isdecimal()]
        if serials and max(serials) >= int(self.store.meta().get("next_serial", 1)):
            self.store.set_meta(next_serial=max(serials) + 1)

    def _replace(self, pledges: Sequence[Pledge]) -> None:
        """Store new versions of existing records under their ids, in one TinyDB update."""
        if not pledges:
            return
        new = {p.id: p.to_json() for p in pledges}
        self.touched += [self.get(p.id) for p in pledges] + list(pledges)
        relinked = False

        def overwrite(doc: MutableMapping[str, Any]) -> None:
            nonlocal relinked
            # Fields aidtrack does not know are someone's data: they stay.
            unknown = {key: value for key, value in doc.items() if key not in model.FIELDS}
            replacement = new[doc["id"]]
            links = counting.links_of([doc])
            doc.clear()
            doc.update(replacement)
            doc.update(unknown)
            relinked = relinked or counting.links_of([doc]) != links

        doc_ids = [self._doc_id(i) for i in new]
        self._written.update(doc_ids)
        for doc_id in doc_ids:
            self.fresh.pop(doc_id, None)
        self.store.update(PLEDGES, doc_ids, overwrite)
        self._built.update((p.id, p) for p in pledges)
        if relinked:  # else the links read stay those of the records
            self._forget()

    def _forget(self) -> None:
        """Forget what was read off the links before a write changed them."""
        self._links = self._gone = None

    def _linked_to(self, pledge_id: str) -> list[Pledge]:
        """Every other record joined to this one by links, either way, however far."""
        others = counting.joined(self.links(), [pledge_id]) - {pledge_id}
        return [pledge for i in sorted(others) if (pledge := self.find(i))]

    # The rules -----------------------------------------------------------------------

    def link_problems(self, pledges: Sequence[Pledge]) -> list[rules.LinkProblem]:
        """What would break the link rules if `pledges` (new or changed records) were
        stored: their own links, the links of stored records that point at them, and
        new parts of a whole that is already history."""
        final = {p.id: p for p in pledges}
        stored = self.links()
        graph = rules.LinkGraph(
            [link for link in stored if link[0] not in final] + [p.link for p in pledges]
        )
        pointing = [
            self.get(i)
            for i, *targets in stored
            if i not in final and any(t in final for t in targets if t)
        ]

        def find(pledge_id: str) -> Pledge | None:
            return final.get(pledge_id) or self.find(pledge_id)

        # A record that links nothing breaks no rule of its own (most of an import's).
        linking = [p for p in pledges if p.supersedes or p.part_of or p.delivery_of]
        unstored = {p.id for p in linking if p.id not in self}
        problems = rules.link_problems([*linking, *pointing], find, graph, unstored=unstored)
        gone = self.superseded()
        for pledge in linking:
            if pledge.part_of not in gone:
                continue
            before = self.find(pledge.id)
            if before is None or before.part_of != pledge.part_of:
                problems.append(
                    rules.LinkProblem(
                        "superseded_whole",
                        pledge.id,
                        "part_of",
                        f"{pledge.part_of} is superseded; parts belong to its current version",
                        "",
                    )
                )
        return problems

    @staticmethod
    def _refuse(problems: Sequence[rules.LinkProblem]) -> None:
        if problems:
            raise InvalidInput("; ".join(problem.message for problem in problems))

    def likely_duplicates(self, pledges: Iterable[Pledge]) -> list[tuple[Pledge, Pledge]]:
        """Each new record that resembles a current stored one (DESIGN §2.10), with it.

        Revisions are never duplicates. Only stored records of the new records' donors,
        recipients and stages are built, grouped once, so that a whole import is checked
        in one pass; new records are not compared with each other.
        """
        pledges = [p for p in pledges if p.supersedes is None]
        donors = {p.donor for p in pledges}
        keys = {(p.donor, p.recipient, p.status.value, p.years) for p in pledges}
        gone = self.superseded()

        def candidate(doc: dict[str, Any]) -> bool:
            if doc.get("donor") not in donors or doc["id"] in gone:
                return False
            try:
                years = model.stored_years(doc)
            except InvalidInput:
                return True  # built, and reported as damage
            return (
                doc["donor"],
                doc.get("recipient"),
                doc.get("status", "announced"),
                years,
            ) in keys

        same_donors = self.store.find(PLEDGES, "donor", donors)
        candidates = [self._build(doc) for doc in same_donors if candidate(doc)]
        groups: dict[tuple[str, str, YearSpan, Status], list[Pledge]] = defaultdict(list)
        for old in candidates:
            groups[rules.duplicate_key(old)].append(old)
        convert = rules.approximate(self.rate_table())
        found = []
        for new in pledges:
            pool = groups.get(rules.duplicate_key(new))
            twin = rules.likely_duplicate(new, pool, convert) if pool else None
            if twin is not None:
                found.append((new, twin))
        return found


def describe(pledge: Pledge) -> str:
    """`nor-2026 (Norway 2026 NOK 85,000,000,000, announced)`: a record named in a message."""
    return (
        f"{pledge.id} ({pledge.donor} {pledge.year_label} {pledge.currency} "
        f"{pledge.amount:,f}, {pledge.status.value})"
    )


def _delivery_message(new: Pledge, promise: Pledge) -> str:
    """Why a delivery-stage record beside a promise is refused, and the command that
    records it as the promise's delivery instead."""
    amount = f"{new.currency} {new.amount:f}"
    hedge = "" if new.qualifier is Qualifier.EXACT else f" --qualifier {new.qualifier.value}"
    return (
        f"{new.donor} {new.year_label} already has the promise {describe(promise)}; "
        f"money {new.status.value} of it is a delivery, not more money: record it with "
        f"`aidtrack deliver {promise.id} '{amount}'{hedge} --year {new.year_label} "
        f"--status {new.status.value} --source URL`, or add --force if it is other money"
    )


def _duplicate_message(new: Pledge, old: Pledge) -> str:
    """Which record a new one seems to repeat, why, and what to do."""
    why = "the same donor, recipient, years and stage, and an amount within 5%"
    if old.part_of is not None:
        return (
            f"looks like a duplicate of {describe(old)}, a part of {old.part_of} "
            f"({why}), so this money already counts in {old.part_of}; add --force if it "
            "is different money"
        )
    if new.part_of is not None:
        return (
            f"looks like a duplicate of {describe(old)} ({why}); if {old.id} is this part "
            f"of {new.part_of}, remove it (`aidtrack remove {old.id} --yes`) and add the "
            "part again; add --force if it is different money"
        )
    return (
        f"looks like a duplicate of {describe(old)} ({why}); add --force if it is a "
        f"different pledge, or `aidtrack revise {old.id}` if it replaces it"
    )


@contextlib.contextmanager
def open_ledger(path: Path, *, write: bool = False, wait: float = DEFAULT_WAIT) -> Iterator[Ledger]:
    """One unit of work on the records of the store at `path`.

    With `write=True` the store's lock is held from before the read until after the
    write; the store is written once, if the body finished without an exception and
    changed something, and its year totals are then brought up to date. A store that
    reads call damaged is never written.
    """
    vouched = ""
    derived: list[Path] = []
    if write:
        from . import totals  # derived data: loaded by the commands that write

        vouched = totals.counted_from(path)  # aidtrack wrote those bytes and read them whole
        derived.append(totals.path_for(path))
    with open_store(path, write=write, wait=wait, vouched=vouched, derived=derived) as store:
        ledger = Ledger(store)
        yield ledger
        if write:
            if store.pending and not store.vouched:  # what aidtrack counted is whole
                ledger.refuse_damage()
            if store.save() is not None:
                totals.refresh(store, ledger.touched, ledger.links(), ledger.fresh)
