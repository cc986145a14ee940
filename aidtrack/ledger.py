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
import tempfile
from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from . import analysis
from .errors import InvalidInput, LikelyDuplicate, NotFound, StoreError
from .model import Pledge
from .rates import MissingRate, RateTable

SCHEMA_VERSION = 1
PLEDGES, RATES, META = "pledges", "rates", "meta"
DEFAULT_WAIT = 10.0


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

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self._storage = MemoryStorage(data)
        self._db = TinyDB(storage=lambda: self._storage)
        self._pledges: dict[str, Pledge] | None = None
        self._doc_ids: dict[str, int] = {}

    @property
    def changed(self) -> bool:
        return self._storage.changed

    @property
    def data(self) -> dict[str, Any]:
        return self._storage.data

    def _table(self, name: str) -> Table:
        return self._db.table(name, cache_size=0)

    def _load(self) -> dict[str, Pledge]:
        if self._pledges is None:
            pledges: dict[str, Pledge] = {}
            for doc_id, doc in self.data.get(PLEDGES, {}).items():
                try:
                    pledge = Pledge.from_json(doc)
                except InvalidInput as error:
                    raise StoreError(
                        f"store {self.path} is damaged: {error}; run `aidtrack check`"
                    ) from None
                pledges[pledge.id] = pledge
                self._doc_ids[pledge.id] = int(doc_id)
            self._pledges = pledges
        return self._pledges

    def pledges(self) -> list[Pledge]:
        """Every record, superseded versions included, in the order they were stored."""
        return list(self._load().values())

    def __contains__(self, pledge_id: str) -> bool:
        return pledge_id in self._load()

    def get(self, pledge_id: str) -> Pledge:
        pledge = self._load().get(pledge_id)
        if pledge is None:
            raise NotFound(f"no pledge with id {pledge_id!r}; `aidtrack list --all` shows the ids")
        return pledge

    def new_id(self) -> str:
        """A short id never used before in this store, even after `remove`."""
        meta = self._meta()
        serial = int(meta.get("next_serial", 1))
        while f"p{serial}" in self._load():
            serial += 1
        self._set_meta(next_serial=serial + 1)
        return f"p{serial}"

    def add(self, pledge: Pledge, *, force: bool = False) -> Pledge:
        """Store a new record whose links point at current records of the same donor.

        A likely duplicate of a current record is refused unless `force`.
        """
        if pledge.id in self._load():
            raise InvalidInput(f"a pledge with id {pledge.id!r} already exists")
        self._check_links(pledge)
        if not force:
            self._refuse_duplicate(pledge)
        self._doc_ids[pledge.id] = self._table(PLEDGES).insert(pledge.to_json())
        self._load()[pledge.id] = pledge
        return pledge

    def rate_table(self) -> RateTable:
        """The shipped ECB table with this store's user rates laid over it."""
        return RateTable.shipped().with_user_rates(self.user_rates())

    def _refuse_duplicate(self, pledge: Pledge) -> None:
        table = self.rate_table()

        def convert(amount: Decimal, source: str, target: str, year: int) -> Decimal | None:
            try:
                return table.convert(amount, source, target, year, places=6).amount
            except MissingRate:
                return None

        twin = analysis.likely_duplicate(pledge, self._load().values(), convert)
        if twin is not None:
            raise LikelyDuplicate(
                f"looks like a duplicate of {twin.id} ({twin.donor} {twin.year_label} "
                f"{twin.currency} {twin.amount:,f}, {twin.status.value}); add --force if it "
                f"is a different pledge, or `aidtrack revise {twin.id}` if it replaces it"
            )

    def superseded(self) -> set[str]:
        return analysis.superseded_ids(self._load().values())

    def _check_links(self, pledge: Pledge) -> None:
        """A part belongs to a current whole; a revision replaces a version not yet revised."""
        if pledge.part_of is not None:
            whole = self._same_donor(pledge, pledge.part_of, "part of")
            if whole.id in self.superseded():
                raise InvalidInput(f"{whole.id} is superseded; parts belong to its current version")
        if pledge.supersedes is not None:
            self._same_donor(pledge, pledge.supersedes, "a revision of")
            newer = [p.id for p in self.pledges() if p.supersedes == pledge.supersedes]
            if newer:
                raise InvalidInput(
                    f"{pledge.supersedes} was already revised by {newer[0]}; revise {newer[0]}"
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
        old_parts = [
            p
            for p in analysis.parts_by_whole(self.pledges()).get(old.id, [])
            if p.id not in self.superseded()
        ]
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
        self.get(pledge.id)
        stored = pledge.to_json()

        def overwrite(doc: MutableMapping[str, Any]) -> None:
            doc.clear()
            doc.update(stored)

        self._table(PLEDGES).update(overwrite, doc_ids=[self._doc_ids[pledge.id]])
        self._load()[pledge.id] = pledge
        return pledge

    def remove(self, pledge_id: str) -> Pledge:
        """Delete a record that no other record points at."""
        pledge = self.get(pledge_id)
        linked = [p.id for p in self.pledges() if pledge_id in (p.part_of, p.supersedes)]
        if linked:
            raise InvalidInput(
                f"{pledge_id} cannot be removed: {', '.join(linked)} point at it; "
                "remove those first"
            )
        self._table(PLEDGES).remove(doc_ids=[self._doc_ids.pop(pledge_id)])
        del self._load()[pledge_id]
        return pledge

    def user_rates(self) -> list[UserRate]:
        return [
            UserRate(doc["currency"], int(doc["year"]), Decimal(doc["per_eur"]))
            for doc in self.data.get(RATES, {}).values()
        ]

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


@contextlib.contextmanager
def open_ledger(path: Path, *, write: bool = False, wait: float = DEFAULT_WAIT) -> Iterator[Ledger]:
    """One unit of work on the store at `path`: read once, write at most once, atomically.

    With `write=True` the store's lock is held from before the read until after the
    write. The file is written only if the body finished without an exception and
    changed something.
    """
    if not write:
        yield Ledger(path, read_store(path))
        return
    with _locked(path, wait):
        _remove_leftovers(path)
        ledger = Ledger(path, read_store(path))
        yield ledger
        if ledger.changed:
            ledger._set_meta(schema_version=SCHEMA_VERSION)
            write_store(path, ledger.data)


def read_store(path: Path) -> dict[str, Any]:
    """The store's tables; a missing file is an empty store, a damaged one an error."""
    import orjson

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except IsADirectoryError:
        raise StoreError(f"store {path} is a directory; give a file path with --db") from None
    except OSError as error:
        raise StoreError(f"cannot read store {path}: {error.strerror}") from None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        what = "empty" if not raw.strip() else f"not valid JSON ({error})"
        raise StoreError(
            f"store {path} is damaged: {what}; it was left as it is; "
            "restore it from a backup or start another store with --db"
        ) from None
    _check_shape(path, data)
    return data  # type: ignore[no-any-return]


def _check_shape(path: Path, data: object) -> None:
    def damaged(why: str) -> StoreError:
        return StoreError(f"store {path} is damaged: {why}; it was left as it is")

    if not isinstance(data, dict):
        raise damaged("the top level is not an object")
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise damaged(f"table {name!r} is not a table of records")
    metas = list(data.get(META, {}).values())
    if data and not metas:
        raise damaged("it has no schema version (is it an aidtrack store?)")
    if metas:
        version = metas[0].get("schema_version")
        if not isinstance(version, int):
            raise damaged("its schema version is not a number")
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"store {path} was written by a newer aidtrack (schema {version}; this one "
                f"reads up to {SCHEMA_VERSION}); upgrade aidtrack to use it"
            )


def write_store(path: Path, data: dict[str, Any]) -> None:
    """Write the whole store to a temporary file, fsync it, and rename it into place."""
    import orjson

    payload = orjson.dumps(data)
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise StoreError(f"cannot write store {path}: {error.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise StoreError(
                f"could not write store {path}: {error.strerror}; the store is unchanged"
            ) from None
        raise
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
