"""The store file: TinyDB over a JSON file, wrapped so that no record is ever lost (DESIGN §7).

Stock TinyDB rewrites its file in place and has no locking. Here a unit of work
(`open_store`) reads the file once and lets TinyDB work on its tables in memory; a
writing unit holds a file lock from before the read until after `Store.save()`, which
writes the tables once: to a temporary file in the same folder, fsynced, then
`os.replace`d over the store. A crash at any moment leaves the old file or the new one.
Readers take no lock: they always see a whole file. A store that is a symlink is its
target's: lock, temporary file and rename are beside the target, and the link stays.

The store knows files, locks, atomic writes, migrations and the content digest that
files derived from it are keyed by; nothing of what its records mean. It is the only
module that imports TinyDB, and the only one that reads its file's layout (`layout`):
how the tables are written, and the shortcuts that layout allows a reader.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import stat
import warnings
from collections.abc import (
    Callable,
    Collection,
    Iterable,
    Iterator,
    Mapping,
    MutableMapping,
    Sequence,
)
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from . import layout
from .errors import StoreError
from .layout import RecordsByLine, Tables

if TYPE_CHECKING:
    from tinydb import TinyDB
    from tinydb.table import Table

SCHEMA_VERSION = 1
PLEDGES, RATES, META, GROUPS = "pledges", "rates", "meta", "groups"
INDICATORS = "indicators"
DEFAULT_WAIT = 10.0
BARE_TABLE = "_default"

_keeper: Callable[[Store], object] | None = None


def hand_reads_to(keeper: Callable[[Store], object]) -> None:
    """Hand every store read from now on to `keeper`. The console script, which ends
    with `os._exit`, holds the last one to the end of the process rather than have its
    records freed one by one."""
    global _keeper
    _keeper = keeper


class StoreNotice(UserWarning):
    """Something the user should know about their store that is not an error."""


def digest(content: bytes | io.BufferedIOBase) -> str:
    """The content key of a store's bytes (or of a file read in pieces, into one
    buffer): files derived from the store (the year totals) name the digest of the
    exact bytes they were made from. xxh3-128 reads 60 MB in a few milliseconds; it
    guards against change, not against an attacker (who could rewrite the derived file
    as easily as the store)."""
    import xxhash

    hasher = xxhash.xxh3_128()
    if isinstance(content, bytes):
        hasher.update(content)
    else:
        piece = bytearray(1 << 22)
        view = memoryview(piece)
        while size := content.readinto(piece):
            hasher.update(view[:size])
    return "xxh3-128:" + hasher.hexdigest()


def damaged(path: Path, reason: str) -> StoreError:
    """The error for a store whose content cannot be read as records."""
    return StoreError(f"store {path} is damaged: {reason}; `aidtrack check` lists every problem")


class _MemoryStorage:
    """TinyDB storage (its read, write and close) over the tables `open_store` read; a
    write marks them changed."""

    def __init__(self, data: Tables) -> None:
        self.data = data
        self.changed = False

    def read(self) -> Tables:
        return self.data

    def write(self, data: Tables) -> None:
        self.data = data
        self.changed = True

    def close(self) -> None:
        pass


class Store:
    """The tables of one store file for the length of one unit of work.

    A writing unit may hold its records table by the line (`layout.RecordsByLine`):
    the bytes read, each record parsed only when `find` or `having` needs it, records
    added kept aside, and the bytes written back as they were (but the lines of the
    records changed or removed) with the new lines after them. Anything that needs the
    whole table (`data`, `docs`, `table`) reads it all first, and from then on the
    store is a plain one.
    """

    def __init__(
        self, path: Path, stored: Stored, *, writable: bool, lines: RecordsByLine | None = None
    ) -> None:
        self.path = path
        self.read_digest = stored.digest
        """The digest of the bytes read ("" for a store not yet written): what derived
        files must name to speak of them."""
        self.written_digest: str | None = None
        """The digest of the bytes `save` wrote, if it wrote."""
        self._stored = stored
        self._writable = writable
        self._lines = lines
        self.vouched = lines is not None
        """The bytes read are those the unit of work vouched for (`open_store`): every
        record in them was read whole when aidtrack wrote them."""
        self._storage = _MemoryStorage(stored.data)
        self._db: TinyDB | None = None  # made by the first unit of work that asks
        if _keeper is not None:
            _keeper(self)

    @property
    def data(self) -> Tables:
        self._read_all()
        return self._storage.data

    @property
    def changed(self) -> bool:
        return self._storage.changed

    @property
    def pending(self) -> bool:
        """Whether `save` will write: the tables changed, or need migrating."""
        return self.changed or self._stored.version < SCHEMA_VERSION

    @property
    def by_line(self) -> bool:
        """Whether the records table is still read by the line (nothing needed all of it,
        and nothing but `insert`, `update` and `remove` changed it)."""
        return self._lines is not None

    def key_of(self, doc: Mapping[str, Any]) -> str:
        """The document id of a record that `find` or `having` gave while the records
        table is read by the line (`by_line`)."""
        assert self._lines is not None
        return self._lines.key_of(doc)

    @property
    def added_only(self) -> bool:
        """Whether the records table is read by the line and was only added to."""
        return self._lines is not None and not (self._lines.changed or self._lines.dropped)

    def holds(self, field: str, value: str) -> bool:
        """Whether a record has the text `value` in `field`, while the records table is
        read by the line (`by_line`)."""
        assert self._lines is not None
        return self._lines.holds(field, value)

    def table(self, name: str) -> Table:
        """A TinyDB table over the tables in memory (its query cache is off)."""
        if self._lines is not None and name == self._lines.name:
            self._read_all()
        if self._db is None:
            from tinydb import TinyDB  # loaded by the commands that change a table

            self._db = TinyDB(storage=lambda: self._storage)
        return self._db.table(name, cache_size=0)

    def docs(self, name: str) -> dict[str, dict[str, Any]]:
        """A table's documents by TinyDB document id, as stored."""
        if self._lines is not None and name == self._lines.name:
            self._read_all()
        return self._storage.data.get(name, {})

    def find(self, name: str, field: str, values: Collection[str]) -> list[dict[str, Any]]:
        """The documents of a table whose `field` is one of the texts `values`, in the
        order they are stored."""
        wanted = set(values)
        if self._lines is not None and name == self._lines.name:
            docs: Iterable[dict[str, Any]] = self._lines.candidates(field, wanted)
        else:
            docs = self.docs(name).values()
        return [doc for doc in docs if _text_in(doc.get(field), wanted)]

    def having(self, name: str, fields: Sequence[str]) -> list[dict[str, Any]]:
        """The documents of a table with a text in any of `fields`, in stored order."""
        if self._lines is not None and name == self._lines.name:
            docs: Iterable[dict[str, Any]] = self._lines.candidates_having(fields)
        else:
            docs = self.docs(name).values()
        return [doc for doc in docs if _has_text(doc, fields)]

    def insert(self, name: str, docs: Iterable[Mapping[str, Any]]) -> list[str]:
        """Add documents to a table under new document ids (`layout.numbered`); their ids."""
        self._storage.changed = True
        if self._lines is not None and name == self._lines.name:
            if not self._lines.dropped:  # numbered as TinyDB numbers them, from all
                return self._lines.insert(docs)
            self._read_all()
        table = self._storage.data.setdefault(name, {})
        last = int(next(reversed(table), "0"))
        new = layout.numbered(last, docs, taken=table.__contains__)
        table.update(new)
        return list(new)

    def update(
        self,
        name: str,
        doc_ids: Collection[str],
        change: Callable[[MutableMapping[str, Any]], None],
    ) -> None:
        """Change in place the documents of these document ids."""
        self._storage.changed = True
        if self._lines is not None and name == self._lines.name:
            self._lines.update(doc_ids, change)
        else:
            self.table(name).update(change, doc_ids=[int(key) for key in doc_ids])

    def remove(self, name: str, doc_ids: Collection[str]) -> None:
        """Drop the documents of these document ids."""
        self._storage.changed = True
        if self._lines is not None and name == self._lines.name:
            self._lines.remove(doc_ids)
        else:
            self.table(name).remove(doc_ids=[int(key) for key in doc_ids])

    def _read_all(self) -> None:
        """Parse every line of a table read by the line, in the tables' stored order
        (tables made since come last, as TinyDB adds them)."""
        if self._lines is None:
            return
        lines, self._lines = self._lines, None
        rest = self._storage.data
        self._storage.data = {
            name: lines.docs() if name == lines.name else rest.get(name, {})
            for name in lines.table_order(rest)
        }

    def meta(self) -> dict[str, Any]:
        docs = list(self.docs(META).values())
        return dict(docs[0]) if docs else {}

    def set_meta(self, **values: Any) -> None:
        meta = {"schema_version": SCHEMA_VERSION, **self.meta(), **values}
        self.table(META).truncate()
        self.table(META).insert(meta)

    def save(self) -> str | None:
        """Write the tables if they changed (or need migrating): the digest written,
        else None. Only for a unit of work opened to write, before its lock goes."""
        if not self._writable:
            raise ValueError("a store opened for reading is never written")
        if not self.pending:
            return None
        if self._stored.version < SCHEMA_VERSION:
            _keep_backup(self.path, self._stored)
        self.set_meta(schema_version=SCHEMA_VERSION)
        payload = layout.serialize(self._storage.data, self._lines)
        self.written_digest = _write_payload(self.path, payload)
        return self.written_digest


class Stored(NamedTuple):
    """What was read: the tables (migrated), the schema they were read as, the digest
    of the bytes (when asked for), and those bytes when a migration must back them up."""

    data: Tables
    version: int
    digest: str
    raw: bytes


@contextlib.contextmanager
def open_store(
    path: Path,
    *,
    write: bool = False,
    wait: float = DEFAULT_WAIT,
    vouched: str = "",
    derived: Collection[Path] = (),
) -> Iterator[Store]:
    """One unit of work on the store at `path` (its target, if it is a symlink): read
    once, written at most once.

    With `write`, the store's lock is held from before the read until the unit ends;
    the caller saves (`Store.save`) before leaving. A store of an older schema is
    migrated in memory; when it is first written, the old file is kept beside it as
    `<store>.schema<N>.bak`.

    `vouched` is the digest of store bytes that aidtrack wrote and counted (the year
    totals name it): bytes of that digest have the layout `layout.serialize` writes,
    and every record in them was read whole, so a writing unit reads their records
    table by the line (`layout.RecordsByLine`). The digest is checked against the
    bytes read under the lock, so one looked up before it is safe.
    `derived` are files beside the store written only under its lock: the temporary
    files that killed writers left of them go with the store's own.
    """
    path = followed(path)
    if not write:
        raw = read_bytes(path)
        yield Store(path, parse(path, raw, known_digest=digest(raw) if raw else ""), writable=False)
        return
    with _locked(path, wait):
        _remove_leftovers([path, *derived])
        raw = read_bytes(path)
        key = digest(raw) if raw is not None else ""
        lines = layout.records_by_line(raw, PLEDGES) if raw and key == vouched else None
        if raw is None or lines is None:
            yield Store(path, parse(path, raw, known_digest=key), writable=True)
        else:
            # The bytes without the records' lines: every other table, read whole.
            rest = parse(path, raw[: lines.start] + raw[lines.end :], known_digest=key)
            rest.data.pop(PLEDGES, None)
            yield Store(path, rest, writable=True, lines=lines)


def read_bytes(path: Path) -> bytes | None:
    """The store file's bytes; None when there is no file (an empty store)."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise StoreError(f"store {path} is a directory; give a file path with --db") from None
    except OSError as error:
        raise StoreError(f"cannot read store {path}: {error.strerror}") from None


def read_table(path: Path, name: str) -> list[dict[str, Any]]:
    """One table's records, read without parsing a store that has no such table: a
    table's name in quotes followed by a colon appears in the serialized store only as
    a key (inside a string its quotes are escaped)."""
    raw = read_bytes(path)
    if raw is None or f'"{name}":'.encode() not in raw:
        return []
    return list(parse(path, raw).data.get(name, {}).values())


def read(path: Path) -> Stored:
    return parse(path, read_bytes(path))


def parse(path: Path, raw: bytes | None, *, known_digest: str = "") -> Stored:
    """The tables in `raw` (the store at `path`; None: no file yet), migrated to this
    schema; a damaged or newer file is an error and is left as it is. `known_digest`
    is kept as the digest of the bytes read."""
    import orjson

    if raw is None:
        return Stored({}, SCHEMA_VERSION, "", b"")
    key = known_digest
    try:
        data = layout.read_tables(raw)
        if data is None:
            data = orjson.loads(raw)
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
    return Stored(data, version, key, raw if version < SCHEMA_VERSION else b"")


def _text_in(value: object, texts: Collection[str]) -> bool:
    return type(value) is str and value in texts


def _has_text(doc: Mapping[str, Any], fields: Sequence[str]) -> bool:
    for field in fields:  # a loop, not any(): it runs for every record of a store
        value = doc.get(field)
        if value and type(value) is str:
            return True
    return False


def _schema_version(path: Path, data: object) -> int:
    def damaged_file(why: str) -> StoreError:
        return StoreError(f"store {path} is damaged: {why}; it was left as it is")

    if not isinstance(data, dict):
        raise damaged_file("the top level is not an object")
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise damaged_file(f"table {name!r} is not a table of records")
        # TinyDB reads a record's key as a number: "01" would become record 1 too.
        key = next((key for key in table if not _RECORD_KEY.fullmatch(key)), None)
        if key is not None:
            raise damaged_file(f"record key {key!r} of table {name!r} is not a number")
    metas = list(data.get(META, {}).values())
    if not metas:
        if set(data) <= {BARE_TABLE}:
            return 0 if data else SCHEMA_VERSION
        raise damaged_file("it has no schema version (is it an aidtrack store?)")
    version = metas[0].get("schema_version")
    if type(version) is not int or version < 1:
        raise damaged_file("its schema version is not a number")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"store {path} was written by a newer aidtrack (schema {version}; this one "
            f"reads up to {SCHEMA_VERSION}); upgrade aidtrack to use it"
        )
    return version


_RECORD_KEY = re.compile(r"0|[1-9][0-9]*")
"""A record's key as TinyDB writes it: a number, without leading zeros."""


def _from_bare_tinydb(data: Tables) -> Tables:
    """Schema 0 -> 1: a plain TinyDB file, pledges in its default table and no schema
    version (what a script using TinyDB directly writes), becomes an aidtrack store."""
    return {META: {"1": {"schema_version": 1}}, PLEDGES: data.get(BARE_TABLE, {})}


MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {0: _from_bare_tinydb}
"""MIGRATIONS[n] turns a schema-n store into a schema n+1 one."""


def _keep_backup(path: Path, stored: Stored) -> None:
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


def write(path: Path, data: Tables) -> str:
    """Write `data` as the whole store, atomically (only under the store's lock, or
    before anyone uses it): the digest of the bytes written."""
    return _write_payload(path, layout.serialize(data))


def _write_payload(path: Path, payload: bytes) -> str:
    try:
        write_atomically(path, payload)
    except OSError as error:
        raise StoreError(
            f"could not write store {path}: {error.strerror}; the store is unchanged"
        ) from None
    return digest(payload)


def followed(path: Path) -> Path:
    """The file that a write to `path` changes: the target of a symlink, however many
    links deep (a store kept in a synced folder through a link stays there); any other
    path as it is."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def refuse_irregular(path: Path) -> None:
    """OSError (EEXIST, "it is not a regular file") if `path` (or what a link at it
    points to) exists and is a device, a pipe or a folder: only a regular file is ever
    replaced, since a file renamed over /dev/full replaces the device."""
    with contextlib.suppress(FileNotFoundError):
        if not stat.S_ISREG(path.stat().st_mode):
            raise OSError(errno.EEXIST, "it is not a regular file", str(path))


def write_atomically(
    path: Path, payload: bytes, *, durable: bool = True, private: bool = True
) -> None:
    """Write a temporary file beside `path` (beside its target, if it is a symlink),
    fsync it, rename it over that file.

    A reader sees the old file or the new one, never a part; a full disk leaves the old
    one. Only a regular file is replaced: never a device, a pipe or a folder. The file
    is owner-only; not `private` (a picture made to be shared), it has the mode the
    user's umask gives a new file. Without `durable` (for derived files that are
    checked when read), nothing is fsynced: after a power cut the file may be empty or
    old. Raises OSError.
    """
    import secrets

    path = followed(path)
    refuse_irregular(path)
    # `_is_temporary_of` tells whose it is: the random part has no dot.
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    mode = 0o600 if private else 0o666
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
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


def _remove_leftovers(paths: Sequence[Path]) -> None:
    """Delete the temporary files that killed writers left of `paths` (files of one
    folder); safe only under the store's lock. Those of other files stay, however
    their names begin (`.s.json.old.<random>.tmp` is not one of `s.json`'s)."""
    folder = paths[0].parent
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if any(_is_temporary_of(entry.name, path) for path in paths):
                with contextlib.suppress(OSError):
                    os.unlink(folder / entry.name)


def _is_temporary_of(name: str, path: Path) -> bool:
    """Whether `name` is a temporary file's name of `path`: `.<name>.<random>.tmp`, the
    random part without a dot."""
    prefix = f".{path.name}."
    part = name[len(prefix) : -len(".tmp")]
    return name.startswith(prefix) and name.endswith(".tmp") and bool(part) and "." not in part


@contextlib.contextmanager
def _locked(path: Path, wait: float) -> Iterator[None]:
    from filelock import FileLock, Timeout

    _ensure_folder(path)
    lock = FileLock(f"{path}.lock", timeout=wait, mode=0o600)
    try:
        lock.acquire()
    except Timeout:
        raise StoreError(
            f"store {path} is busy: it was still locked by another aidtrack command after "
            f"{wait:g} s of waiting; try again, or wait longer with --wait SECONDS"
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
