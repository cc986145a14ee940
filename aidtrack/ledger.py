"""The store: TinyDB over a JSON file, wrapped so that no record is ever lost (DESIGN §7).

Stock TinyDB rewrites its file in place and has no locking. Here a command is one unit
of work: `open_ledger(path, write=True)` takes a file lock, reads the file once, lets
TinyDB work on the data in memory, and on a clean exit writes it once, to a temporary
file in the same folder that is fsynced and then `os.replace`d over the store. A crash
at any moment leaves either the old file or the new one. Readers take no lock: they
always see a whole file.

This is the only module that imports TinyDB.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import warnings
from collections import defaultdict
from collections.abc import (
    Callable,
    Collection,
    Container,
    Iterable,
    Iterator,
    MutableMapping,
    Sequence,
)
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from . import analysis
from .errors import InvalidInput, LikelyDuplicate, NotFound, StoreError
from .model import Pledge, Status, YearSpan
from .rates import RateTable

if TYPE_CHECKING:
    from . import totals
    from .yearly import Tally

SCHEMA_VERSION = 1
PLEDGES, RATES, META = "pledges", "rates", "meta"
DEFAULT_WAIT = 10.0
# Checked for every record on every load (cheaply, without building it), so that a
# write never carries a half record forward unnoticed; values are checked when built.
REQUIRED_FIELDS = frozenset({"id", "donor", "recipient", "amount", "currency"})


class MemoryStorage(Storage):
    """TinyDB storage over a dict that `open_ledger` loaded; writes mark it changed."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.changed = False

    def read(self) -> dict[str, Any]:
        return self.data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self.data = data
        self.changed = True


@dataclass(frozen=True)
class UserRate:
    """A rate the user set: units of `currency` per 1 EUR in `year`."""

    currency: str
    year: int
    per_eur: Decimal


class Ledger:
    """The records of one store, for the length of one command."""

    def __init__(self, path: Path, data: dict[str, Any], links: Links | None = None) -> None:
        self.path = path
        self._links = links
        self._storage = MemoryStorage(data)
        self._db = TinyDB(storage=lambda: self._storage)
        self._built: dict[str, Pledge] = {}
        self._index: dict[str, int] | None = None
        self.written: list[Pledge] = []  # records this command wrote, and what they were
        self._gone: set[str] | None = None  # superseded ids, until the next write
        self._donors_docs: tuple[frozenset[str], list[dict[str, Any]]] | None = None  # likewise

    @property
    def changed(self) -> bool:
        return self._storage.changed

    @property
    def data(self) -> dict[str, Any]:
        return self._storage.data

    def _table(self, name: str) -> Table:
        return self._db.table(name, cache_size=0)

    def _docs(self) -> dict[str, Any]:
        docs: dict[str, Any] = self.data.get(PLEDGES, {})
        return docs

    def _ids(self) -> dict[str, int]:
        """Record id -> TinyDB document id, read from the stored documents without
        building records: most commands touch a few records of a large store."""
        if self._index is None:
            self._index = {}
            for doc_id, doc in self._docs().items():
                pledge_id = doc.get("id")
                if type(pledge_id) is not str:
                    self._damaged(f"#{doc_id}", "it has no id")
                if not doc.keys() >= REQUIRED_FIELDS or not ("year" in doc or "years" in doc):
                    missing = sorted(REQUIRED_FIELDS - doc.keys()) or ["year"]
                    self._damaged(pledge_id, f"{', '.join(missing)} missing")
                self._index[pledge_id] = int(doc_id)
        return self._index

    def _damaged(self, record: str, reason: str) -> NoReturn:
        raise StoreError(
            f"store {self.path} is damaged: record {record}: {reason}; "
            "`aidtrack check` lists every problem"
        )

    def _build(self, pledge_id: str, doc: dict[str, Any]) -> Pledge:
        pledge = self._built.get(pledge_id)
        if pledge is None:
            try:
                pledge = self._built[pledge_id] = Pledge.from_json(doc)
            except InvalidInput as error:
                self._damaged(pledge_id, str(error))
        return pledge

    def _select(self, keep: Callable[[dict[str, Any]], bool]) -> list[Pledge]:
        """The records whose stored document passes `keep`, built (once) in store order."""
        self._ids()  # every document has an id, or the store is reported damaged
        return [self._build(doc["id"], doc) for doc in self._docs().values() if keep(doc)]

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

    def current(self, years: YearSpan | None = None) -> list[Pledge]:
        """The current records, or those of them that touch `years`.

        With `years`, only the records in those years are built: a report on one year of
        a 100,000-record store reads the links of every record that has one, but builds
        a few thousand.
        """
        gone = self.superseded()
        if years is None:
            return self._select(lambda doc: doc["id"] not in gone)
        return self._select(lambda doc: doc["id"] not in gone and _touches(doc, years))

    def superseded(self) -> set[str]:
        """Ids that no longer count, from the stored links alone."""
        if self._gone is None:
            if self._links is None:
                self._links = [
                    (d.get("id"), d.get("supersedes"), d.get("part_of"))
                    for d in self._docs().values()
                    if d.get("supersedes") or d.get("part_of")
                ]
            self._gone = analysis.superseded_by_links(self._links)
        return self._gone

    def _of_donors(self, donors: Collection[str]) -> list[dict[str, Any]]:
        """The stored records of `donors`, from one pass over the store per write."""
        wanted = frozenset(donors)
        if not wanted:
            return []
        if self._donors_docs is None or self._donors_docs[0] != wanted:
            docs = [doc for doc in self._docs().values() if doc.get("donor") in wanted]
            self._donors_docs = (wanted, docs)
        return self._donors_docs[1]

    def _span(self, doc: dict[str, Any]) -> YearSpan:
        """A stored record's years, read without building it if it is in the shape
        aidtrack writes."""
        span, year = doc.get("years"), doc.get("year")
        if type(span) is list and len(span) == 2 and all(type(y) is int for y in span):
            return YearSpan(span[0], span[1])
        if span is None and type(year) is int:
            return YearSpan(year, year)
        return self._build(doc["id"], doc).years

    def _forget(self, links: bool) -> None:
        """Forget what was worked out from the records before a write (and their links,
        when it may have changed some)."""
        self._gone = self._donors_docs = None
        if links:
            self._links = None

    def affected(self) -> tuple[set[str], set[int]]:
        """The donors and years whose totals the records written may have changed: those
        of the records written (as they were and as they are), and of every record
        linked to them, however far (a revision retires the old version's parts too)."""
        donors = {p.donor for p in self.written}
        docs: dict[str, dict[str, Any]] = {}
        linked: dict[str, list[str]] = defaultdict(list)

        def link(pledge_id: str, *targets: Any) -> None:
            for target in targets:
                if target:
                    linked[pledge_id].append(target)
                    linked[target].append(pledge_id)

        for pledge in self.written:  # a removed or edited record's links are gone
            link(pledge.id, pledge.supersedes, pledge.part_of)
        for doc in self._of_donors(donors):
            docs[doc["id"]] = doc
            link(doc["id"], doc.get("supersedes"), doc.get("part_of"))
        seen = {p.id for p in self.written}
        pending = list(seen)
        while pending:
            for other in linked.get(pending.pop(), ()):
                if other not in seen:
                    seen.add(other)
                    pending.append(other)
        spans = [p.years for p in self.written]
        spans += [self._span(docs[i]) for i in seen if i in docs]
        return donors, {year for span in spans for year in range(span.start, span.end + 1)}

    def current_touching(self, donors: Collection[str], years: Container[int]) -> list[Pledge]:
        """The current records of `donors` in any of `years`, with the records they link
        to or that link to them (a whole's parts, a tranche's envelope)."""
        docs = self._of_donors(donors)  # no link leaves a donor where totals are kept
        gone = analysis.superseded_by_links(
            (doc["id"], doc.get("supersedes"), doc.get("part_of")) for doc in docs
        )
        mine = [d for d in docs if d["id"] not in gone and self._span(d).meets(years)]
        ids = {doc["id"] for doc in mine}
        links = {link for doc in mine for link in (doc.get("part_of"), doc.get("supersedes"))}
        near = [
            doc
            for doc in docs
            if doc["id"] not in ids
            and doc["id"] not in gone
            and (doc["id"] in links or doc.get("part_of") in ids)
        ]
        return [self._build(doc["id"], doc) for doc in mine + near]

    def crosses_donors(self, donors: Collection[str] | None = None) -> bool:
        """Whether a record (of `donors`, or any) links to another donor's, which `check`
        reports."""
        docs, ids = self._docs(), self._ids()
        for doc in docs.values() if donors is None else self._of_donors(donors):
            for link in (doc.get("supersedes"), doc.get("part_of")):
                target = ids.get(link) if isinstance(link, str) else None
                if target is not None and docs[str(target)].get("donor") != doc.get("donor"):
                    return True
        return False

    def _linking(self, field: str, target: str) -> list[Pledge]:
        """The records whose `field` (supersedes, part_of) points at `target`."""
        return self._select(lambda doc: doc.get(field) == target)

    def __contains__(self, pledge_id: str) -> bool:
        return pledge_id in self._ids()

    def get(self, pledge_id: str) -> Pledge:
        doc_id = self._ids().get(pledge_id)
        if doc_id is None:
            raise NotFound(f"no pledge with id {pledge_id!r}; `aidtrack list --all` shows the ids")
        return self._build(pledge_id, self._docs()[str(doc_id)])

    def new_id(self) -> str:
        """A short id never used before in this store, even after `remove`."""
        return self.new_ids(1)[0]

    def new_ids(self, count: int, *, avoid: Container[str] = frozenset()) -> list[str]:
        """`count` fresh ids, none in `avoid` (ids an import brings): one counter update."""
        if count == 0:
            return []
        serial = int(self._meta().get("next_serial", 1))
        stored = self._ids()
        ids: list[str] = []
        while len(ids) < count:
            candidate = f"p{serial}"
            if candidate not in stored and candidate not in avoid:
                ids.append(candidate)
            serial += 1
        self._set_meta(next_serial=serial)
        return ids

    def add(self, pledge: Pledge, *, force: bool = False) -> Pledge:
        """Store a new record whose links point at current records of the same donor.

        A likely duplicate of a current record is refused unless `force`.
        """
        if pledge.id in self._ids():
            raise InvalidInput(f"a pledge with id {pledge.id!r} already exists")
        self._check_links(pledge)
        if not force:
            self._refuse_duplicate(pledge)
        self.add_all([pledge])
        return pledge

    def add_all(self, pledges: Sequence[Pledge]) -> None:
        """Store new records in one TinyDB insert, for an import of up to 100,000 rows.

        No link or duplicate checks: the caller checked the batch as a whole, with
        indexes (`add` in a loop would rescan the store for every record).
        """
        stored = self._ids()
        seen: set[str] = set()
        for pledge in pledges:
            if pledge.id in stored or pledge.id in seen:
                raise InvalidInput(f"a pledge with id {pledge.id!r} already exists")
            seen.add(pledge.id)
        if not pledges:
            return
        doc_ids = self._table(PLEDGES).insert_multiple(
            in_stored_order(p.to_json()) for p in pledges
        )
        self.written += pledges
        self._forget(links=False)
        if self._links is not None:
            self._links += [
                (p.id, p.supersedes, p.part_of) for p in pledges if p.part_of or p.supersedes
            ]
        for pledge, doc_id in zip(pledges, doc_ids, strict=True):
            stored[pledge.id] = doc_id
            self._built[pledge.id] = pledge
        # An imported `p7` moves the counter past 7, so that once removed it is never
        # handed out again.
        serials = [int(p.id[1:]) for p in pledges if p.id[:1] == "p" and p.id[1:].isdecimal()]
        if serials and max(serials) >= int(self._meta().get("next_serial", 1)):
            self._set_meta(next_serial=max(serials) + 1)

    def rate_table(self) -> RateTable:
        """The shipped ECB table with this store's user rates laid over it."""
        return RateTable.shipped().with_user_rates(self.user_rates())

    def _refuse_duplicate(self, pledge: Pledge) -> None:
        found = self.likely_duplicates([pledge])
        if found:
            twin = found[0][1]
            raise LikelyDuplicate(
                f"looks like a duplicate of {describe(twin)}; add --force if it "
                f"is a different pledge, or `aidtrack revise {twin.id}` if it replaces it"
            )

    def likely_duplicates(self, pledges: Iterable[Pledge]) -> list[tuple[Pledge, Pledge]]:
        """Each new record that resembles a current stored one (DESIGN §2.10), with it.

        Only stored records of the new records' donors, recipients and stages are built,
        grouped once, so a whole import is checked in one pass; new records are not
        compared with each other.
        """
        pledges = list(pledges)
        keys = {(p.donor, p.recipient, p.status.value) for p in pledges}
        gone = self.superseded()
        candidates = self._select(
            lambda doc: (
                doc["id"] not in gone
                and (doc.get("donor"), doc.get("recipient"), doc.get("status", "announced")) in keys
            )
        )
        groups: dict[tuple[str, str, YearSpan, Status], list[Pledge]] = defaultdict(list)
        for old in candidates:
            groups[analysis.duplicate_key(old)].append(old)
        convert = analysis.approximate(self.rate_table())
        found = []
        for new in pledges:
            pool = groups.get(analysis.duplicate_key(new))
            twin = analysis.likely_duplicate(new, pool, convert) if pool else None
            if twin is not None:
                found.append((new, twin))
        return found

    def _check_links(self, pledge: Pledge) -> None:
        """A part belongs to a current whole; a revision replaces a version not yet revised."""
        if pledge.part_of is not None:
            whole = self._same_donor(pledge, pledge.part_of, "part of")
            if whole.id in self.superseded():
                raise InvalidInput(f"{whole.id} is superseded; parts belong to its current version")
        if pledge.supersedes is not None:
            self._same_donor(pledge, pledge.supersedes, "a revision of")
            newer = self._linking("supersedes", pledge.supersedes)
            if newer:
                raise InvalidInput(
                    f"{pledge.supersedes} was already revised by {newer[0].id}; "
                    f"revise {newer[0].id}"
                )

    def _same_donor(self, pledge: Pledge, link: str, what: str) -> Pledge:
        target = self.get(link)
        if target.donor != pledge.donor:
            raise InvalidInput(
                f"{link} is {target.donor}'s pledge; a {pledge.donor} record cannot be {what} it"
            )
        return target

    def revise(self, old_id: str, revised: Pledge) -> list[Pledge]:
        """Record `revised` as the new version of `old_id`; the old one stays as history.

        When only the stage or qualifier changes (same amount and currency), the parts
        of the old whole are carried over to the new version, at the new stage.
        """
        old = self.get(old_id)
        gone = self.superseded()
        old_parts = [p for p in self._linking("part_of", old.id) if p.id not in gone]
        whole = self.add(replace(revised, supersedes=old.id, part_of=old.part_of))
        added = [whole]
        if (whole.amount, whole.currency) == (old.amount, old.currency):
            for part in old_parts:
                carried = replace(
                    part,
                    id=self.new_id(),
                    part_of=whole.id,
                    supersedes=part.id,
                    status=whole.status,
                    created_at=whole.created_at,
                    updated_at=whole.updated_at,
                )
                added.append(self.add(carried))
        return added

    def replace(self, pledge: Pledge) -> Pledge:
        """Store a corrected version of an existing record under the same id."""
        self.replace_all([pledge])
        return pledge

    def replace_all(self, pledges: Sequence[Pledge]) -> None:
        """Store corrected versions of existing records under their ids, in one TinyDB update."""
        stored = {self.get(p.id).id: in_stored_order(p.to_json()) for p in pledges}
        if not stored:
            return
        self.written += [self.get(p.id) for p in pledges] + list(pledges)

        def overwrite(doc: MutableMapping[str, Any]) -> None:
            new = stored[doc["id"]]
            doc.clear()
            doc.update(new)

        self._table(PLEDGES).update(overwrite, doc_ids=[self._ids()[i] for i in stored])
        self._built.update((p.id, p) for p in pledges)
        self._forget(links=True)

    def remove(self, pledge_id: str) -> Pledge:
        """Delete a record that no other record points at."""
        pledge = self.get(pledge_id)
        linked = self._select(lambda doc: pledge_id in (doc.get("part_of"), doc.get("supersedes")))
        if linked:
            raise InvalidInput(
                f"{pledge_id} cannot be removed: {', '.join(p.id for p in linked)} point at it; "
                "remove those first"
            )
        self._table(PLEDGES).remove(doc_ids=[self._ids().pop(pledge_id)])
        del self._built[pledge_id]
        self.written.append(pledge)
        self._forget(links=True)
        return pledge

    def create(self) -> bool:
        """Give a new store its schema version, so that `init` leaves a real file behind.

        False when the store already existed.
        """
        if self.data:
            return False
        self._set_meta()
        return True

    def user_rates(self) -> list[UserRate]:
        return _user_rates(self.data.get(RATES, {}).values())

    def set_rate(self, rate: UserRate) -> None:
        table = self._table(RATES)
        table.remove(lambda doc: doc["currency"] == rate.currency and doc["year"] == rate.year)
        table.insert({"currency": rate.currency, "year": rate.year, "per_eur": f"{rate.per_eur:f}"})

    def remove_rate(self, currency: str, year: int) -> bool:
        table = self._table(RATES)
        removed = table.remove(lambda doc: doc["currency"] == currency and doc["year"] == year)
        return bool(removed)

    def _meta(self) -> dict[str, Any]:
        docs = list(self.data.get(META, {}).values())
        return dict(docs[0]) if docs else {}

    def _set_meta(self, **values: Any) -> None:
        meta = {"schema_version": SCHEMA_VERSION, **self._meta(), **values}
        self._table(META).truncate()
        self._table(META).insert(meta)


def _user_rates(docs: Iterable[dict[str, Any]]) -> list[UserRate]:
    return [UserRate(doc["currency"], int(doc["year"]), Decimal(doc["per_eur"])) for doc in docs]


def _touches(doc: dict[str, Any], years: YearSpan) -> bool:
    """Whether a stored record's year(s) overlap `years`; an odd shape is loaded and judged."""
    span = doc.get("years")
    if type(span) is list and len(span) == 2 and all(type(y) is int for y in span):
        return bool(span[0] <= years.end and years.start <= span[1])
    year = doc.get("year")
    return years.start <= year <= years.end if type(year) is int else True


def describe(pledge: Pledge) -> str:
    """`nor-2026 (Norway 2026 NOK 85,000,000,000, announced)`: a record named in a message."""
    return (
        f"{pledge.id} ({pledge.donor} {pledge.year_label} {pledge.currency} "
        f"{pledge.amount:,f}, {pledge.status.value})"
    )


@contextlib.contextmanager
def open_ledger(
    path: Path,
    *,
    write: bool = False,
    wait: float = DEFAULT_WAIT,
    years: YearSpan | None = None,
) -> Iterator[Ledger]:
    """One unit of work on the store at `path`: read once, write at most once, atomically.

    With `write=True` the store's lock is held from before the read until after the
    write. The file is written only if the body finished without an exception and
    changed something. A store of an older schema is migrated in memory; when it is
    first written, the old file is kept beside it as `<store>.schema<N>.bak`.

    A read-only ledger opened with `years` holds only the records that touch those
    years (and the links of all records): for `current(years)` on a large store.
    """
    if not write:
        stored = _read(path, years)
        yield Ledger(path, stored.data, stored.links)
        return
    if years is not None:
        raise ValueError("a ledger for writing holds every record")
    from . import totals

    with _locked(path, wait):
        _remove_leftovers(path)
        before = totals.stamp(path)
        stored = _read(path)
        ledger = Ledger(path, stored.data)
        yield ledger
        if ledger.changed or stored.version < SCHEMA_VERSION:
            if stored.version < SCHEMA_VERSION:
                _keep_backup(path, stored)
            ledger._set_meta(schema_version=SCHEMA_VERSION)
            write_store(path, ledger.data)
            _refresh_totals(ledger, before)


def _refresh_totals(ledger: Ledger, before: totals.Stamp | None) -> None:
    """Make the store's year totals those of the store just written: only the years
    and donors the command affected are counted again, unless the totals were not
    those of the store it read. Records linked across donors are always counted from
    the records, so their store keeps no totals."""
    from . import totals
    from .yearly import Tally

    rates = list(ledger.data.get(RATES, {}).values())
    try:
        donors, years = ledger.affected()
        kept = totals.kept(ledger.path, before, donors, years)
        # Totals are kept only for stores without such links, so a new one has one end
        # among the donors affected (where a record was, or where it went).
        if ledger.crosses_donors(None if kept is None else donors):
            totals.discard(ledger.path)
        elif kept is None:
            totals.write(ledger.path, [], Tally.of(ledger.current()), rates)
        else:
            tally = Tally.of(ledger.current_touching(donors, years)).within(years)
            totals.write(ledger.path, kept, tally, rates)
    except StoreError:  # a damaged record: reports count from the records, and say so
        totals.discard(ledger.path)


def read_tally(
    path: Path, years: YearSpan | None, envelopes: YearSpan | None
) -> tuple[Tally, RateTable]:
    """What a report counts in `years` (all without), with the envelopes touching
    `envelopes` (none without), and the rates to convert them: from the store's year
    totals when they are those of the store, else from its records."""
    from . import totals
    from .yearly import Tally

    kept = totals.read(path, years, envelopes)
    if kept is not None:
        return kept.tally, RateTable.shipped().with_user_rates(_user_rates(kept.rates))
    with open_ledger(path, years=years) as ledger:
        tally = Tally.of(ledger.current(years))
        rates = ledger.rate_table()
    wanted = [p for p in tally.envelopes if envelopes is not None and p.years.overlaps(envelopes)]
    return replace(tally, envelopes=wanted), rates


class StoreNotice(UserWarning):
    """Something the user should know about their store that is not an error."""


@dataclass(frozen=True)
class _Stored:
    data: dict[str, Any]
    version: int
    raw: bytes
    links: Links | None


def _keep_backup(path: Path, stored: _Stored) -> None:
    backup = path.with_name(f"{path.name}.schema{stored.version}.bak")
    try:
        write_atomically(backup, stored.raw)
    except OSError as error:
        raise StoreError(
            f"store {path} needs migrating, but its backup {backup} could not be written "
            f"({error.strerror}); the store is unchanged"
        ) from None
    warnings.warn(
        f"store {path} was migrated from schema {stored.version} to {SCHEMA_VERSION}; "
        f"the old file is kept as {backup}",
        StoreNotice,
        stacklevel=2,
    )


def read_store(path: Path) -> dict[str, Any]:
    """The store's tables (migrated to this schema in memory); a missing file is an empty
    store, a damaged one an error."""
    return _read(path).data


def _read(path: Path, years: YearSpan | None = None) -> _Stored:
    import orjson

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return _Stored({}, SCHEMA_VERSION, b"", None)
    except IsADirectoryError:
        raise StoreError(f"store {path} is a directory; give a file path with --db") from None
    except OSError as error:
        raise StoreError(f"cannot read store {path}: {error.strerror}") from None
    try:
        data, links = parse_store(raw, years)
    except orjson.JSONDecodeError as error:
        what = "empty" if not raw.strip() else f"not valid JSON ({error})"
        raise StoreError(
            f"store {path} is damaged: {what}; it was left as it is; "
            "restore it from a backup or start another store with --db"
        ) from None
    version = _schema_version(path, data)
    for older in range(version, SCHEMA_VERSION):
        data = MIGRATIONS[older](data)
    # The raw bytes are kept only for a migration's backup: at 100,000 records they
    # are 60 MB that a command would otherwise hold to the end.
    return _Stored(data, version, raw if version < SCHEMA_VERSION else b"", links)


def _schema_version(path: Path, data: object) -> int:
    def damaged(why: str) -> StoreError:
        return StoreError(f"store {path} is damaged: {why}; it was left as it is")

    if not isinstance(data, dict):
        raise damaged("the top level is not an object")
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise damaged(f"table {name!r} is not a table of records")
    metas = list(data.get(META, {}).values())
    if not metas:
        if set(data) <= {BARE_TABLE}:
            return 0 if data else SCHEMA_VERSION
        raise damaged("it has no schema version (is it an aidtrack store?)")
    version = metas[0].get("schema_version")
    if type(version) is not int or version < 1:
        raise damaged("its schema version is not a number")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"store {path} was written by a newer aidtrack (schema {version}; this one "
            f"reads up to {SCHEMA_VERSION}); upgrade aidtrack to use it"
        )
    return version


BARE_TABLE = "_default"


def _from_bare_tinydb(data: dict[str, Any]) -> dict[str, Any]:
    """Schema 0 -> 1: a plain TinyDB file, pledges in its default table and no schema
    version (what a script using TinyDB directly writes), becomes an aidtrack store."""
    return {META: {"1": {"schema_version": 1}}, PLEDGES: data.get(BARE_TABLE, {})}


MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {0: _from_bare_tinydb}
"""MIGRATIONS[n] turns a schema-n store into a schema n+1 one."""


LEADING_FIELDS = ("id", "supersedes", "part_of", "year", "years")
"""Written first in each stored record, so that a report can read every record's links
and year from the start of its line and parse only the lines of the years it shows."""

_IN_ORDER = {LEADING_FIELDS[:4], (*LEADING_FIELDS[:3], LEADING_FIELDS[4])}
JSON_STRING = rb'"(?:[^"\\]|\\.)*"'
_ROW = re.compile(
    rb"(?P<key>" + JSON_STRING + rb"): "
    rb'\{"id":(?P<id>'
    + JSON_STRING
    + rb'),"supersedes":(?P<supersedes>null|'
    + JSON_STRING
    + rb"),"
    rb'"part_of":(?P<part_of>null|' + JSON_STRING + rb"),"
    rb'"year(?:":(?P<year>\d+)|s":\[(?P<start>\d+),(?P<end>\d+)\]),'
)
"""The start of a stored record's line, up to its year (or its envelope's years)."""

Links = list[tuple[Any, Any, Any]]
"""(id, supersedes, part_of) of every record that has a link: all `superseded_by_links`
needs."""


def in_stored_order(doc: dict[str, Any]) -> dict[str, Any]:
    """`doc` with its links and year first, as the store holds records."""
    if tuple(islice(doc, 4)) in _IN_ORDER:
        return doc
    return {field: doc[field] for field in LEADING_FIELDS if field in doc} | doc


def serialize_store(data: dict[str, Any]) -> bytes:
    """The store as JSON with one document per line, a record's links and year first.

    Any JSON reader (TinyDB's own included) reads it whole; `parse_store` can also read
    it a line at a time and skip the lines of years a reader does not need; and the
    file diffs like a table.
    """
    import orjson

    dumps = orjson.dumps
    tables = []
    for name, table in data.items():
        ordered = in_stored_order if name == PLEDGES else dict
        rows = [b"%b: %b" % (dumps(key), dumps(ordered(doc))) for key, doc in table.items()]
        tables.append(_lines_between(dumps(name) + b": {", rows, b"}"))
    return _lines_between(b"{", tables, b"}\n")


def _lines_between(opening: bytes, items: list[bytes], closing: bytes) -> bytes:
    """`opening`, then the items one to a line with commas between them, then `closing`."""
    return b"\n".join([opening, *([b",\n".join(items)] if items else []), closing])


def parse_store(raw: bytes, years: YearSpan | None = None) -> tuple[Any, Links | None]:
    """Read what `serialize_store` wrote; anything else (a store written by hand or by
    another tool), or a file cut short, is parsed whole and judged so.

    With `years`, it is read a line at a time, and records that do not touch them are
    not parsed: only their links are read (and returned), for a read-only report on a
    few years of a large store. Without, one parse of the whole file is quickest.
    """
    import orjson

    ours = raw[:2] == b"{\n" and raw[-3:] == b"\n}\n"
    if years is None or not ours:
        return _whole(raw, reorder=not ours), None
    lines = raw.split(b"\n")
    data: dict[str, Any] = {}
    links: Links = []
    table: dict[str, Any] | None = None
    skipped: YearSpan | None = None  # records that do not touch these are skipped
    try:
        for line in lines[1:-2]:
            if table is None:
                name, opening = line.rsplit(b": ", 1)
                if opening != b"{":
                    raise ValueError(line)
                table = data[orjson.loads(name)] = {}
                skipped = years if table is data.get(PLEDGES) else None
            elif line in (b"}", b"},"):
                table = None
            elif skipped and (row := _ROW.match(line)) and not line_span(row).overlaps(skipped):
                if row["supersedes"] != b"null" or row["part_of"] != b"null":
                    links.append(tuple(map(orjson.loads, row.group("id", "supersedes", "part_of"))))
            else:
                key, doc = line.rstrip(b",").split(b": ", 1)
                table[orjson.loads(key)] = orjson.loads(doc)
    except ValueError:  # orjson.JSONDecodeError is one; so is an unexpected line
        return _whole(raw, reorder=True), None
    if table is not None:
        return _whole(raw, reorder=True), None
    links += [
        (d.get("id"), d.get("supersedes"), d.get("part_of")) for d in data.get(PLEDGES, {}).values()
    ]
    return data, links


def line_span(lead: re.Match[bytes]) -> YearSpan:
    """The years a line gives at its start: a `year`, or an envelope's `start` and `end`
    (the groups of `_ROW`, and of the totals' lines)."""
    year = lead["year"]
    if year is not None:
        return YearSpan(int(year), int(year))
    return YearSpan(int(lead["start"]), int(lead["end"]))


def _whole(raw: bytes, *, reorder: bool) -> Any:
    """The store parsed whole; with `reorder` (another layout), its records are put in
    stored order."""
    import orjson

    data = orjson.loads(raw)
    if reorder and isinstance(data, dict) and isinstance(data.get(PLEDGES), dict):
        pledges = data[PLEDGES]
        for key, doc in pledges.items():
            if isinstance(doc, dict):
                pledges[key] = in_stored_order(doc)
    return data


def write_store(path: Path, data: dict[str, Any]) -> None:
    """Write the whole store atomically; a failed write leaves the old store as it was."""

    try:
        write_atomically(path, serialize_store(data))
    except OSError as error:
        raise StoreError(
            f"could not write store {path}: {error.strerror}; the store is unchanged"
        ) from None


def write_atomically(path: Path, payload: bytes, *, durable: bool = True) -> None:
    """Write an owner-only temporary file beside `path`, fsync it, rename it over `path`.

    A reader sees the old file or the new one, never a part. Without `durable` (for
    derived files that are checked when read), nothing is fsynced: after a power cut
    the file may be empty or old. Raises OSError.
    """
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    if durable:
        _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove_leftovers(path: Path) -> None:
    """Delete temporary files of writers that were killed; safe only under the lock."""
    for leftover in path.parent.glob(f".{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


@contextlib.contextmanager
def _locked(path: Path, wait: float) -> Iterator[None]:
    from filelock import FileLock, Timeout

    _ensure_folder(path)
    lock = FileLock(f"{path}.lock", timeout=wait, mode=0o600)
    try:
        lock.acquire()
    except Timeout:
        raise StoreError(
            f"store {path} is busy: another aidtrack has held it for {wait:g} s; "
            "try again, or wait longer with --wait SECONDS"
        ) from None
    except OSError as error:
        raise StoreError(f"cannot lock store {path}: {error.strerror}") from None
    try:
        yield
    finally:
        lock.release()


def _ensure_folder(path: Path) -> None:
    """Create the store's folder (owner-only) and check it can be written, before any work."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise StoreError(f"cannot create the folder of store {path}: {error.strerror}") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError(f"cannot write store {path}: its folder {folder} is not writable")
