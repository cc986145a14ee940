"""The store file: TinyDB over a JSON file, wrapped so that no record is ever lost (DESIGN §7).

Stock TinyDB rewrites its file in place and has no locking. Here a unit of work
(`open_store`) reads the file once and lets TinyDB work on its tables in memory; a
writing unit holds a file lock from before the read until after `Store.save()`, which
writes the tables once: to a temporary file in the same folder, fsynced, then
`os.replace`d over the store. A crash at any moment leaves the old file or the new one.
Readers take no lock: they always see a whole file.

The store knows files, locks, atomic writes, migrations and the content digest that
files derived from it are keyed by; nothing of what its records mean. It is the only
module that imports TinyDB.
"""

from __future__ import annotations

import contextlib
import os
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from .errors import StoreError

if TYPE_CHECKING:
    from tinydb.table import Table

SCHEMA_VERSION = 1
PLEDGES, RATES, META, GROUPS = "pledges", "rates", "meta", "groups"
INDICATORS = "indicators"
DEFAULT_WAIT = 10.0
BARE_TABLE = "_default"

Tables = dict[str, dict[str, dict[str, Any]]]
"""A store's content: table name -> TinyDB document id (as text) -> document."""


class StoreNotice(UserWarning):
    """Something the user should know about their store that is not an error."""


def digest(content: bytes | BinaryIO) -> str:
    """The content key of a store's bytes (or of a file read in pieces): files derived
    from the store (the year totals) name the digest of the exact bytes they were made
    from. xxh3-128 reads 60 MB in a few milliseconds; it guards against change, not
    against an attacker (who could rewrite the derived file as easily as the store)."""
    import xxhash

    hasher = xxhash.xxh3_128()
    if isinstance(content, bytes):
        hasher.update(content)
    else:
        while piece := content.read(1 << 20):
            hasher.update(piece)
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
    """The tables of one store file for the length of one unit of work."""

    def __init__(self, path: Path, stored: Stored, *, writable: bool) -> None:
        self.path = path
        self.read_digest = stored.digest
        """The digest of the bytes read ("" for a store not yet written); only for a
        writing unit, whose derived files must follow from those bytes."""
        self.written_digest: str | None = None
        """The digest of the bytes `save` wrote, if it wrote."""
        self._stored = stored
        self._writable = writable
        from tinydb import TinyDB  # loaded by the commands that use a store, not at start-up

        self._storage = _MemoryStorage(stored.data)
        self._db = TinyDB(storage=lambda: self._storage)

    @property
    def data(self) -> Tables:
        return self._storage.data

    @property
    def changed(self) -> bool:
        return self._storage.changed

    def table(self, name: str) -> Table:
        """A TinyDB table over the tables in memory (its query cache is off)."""
        return self._db.table(name, cache_size=0)

    def docs(self, name: str) -> dict[str, dict[str, Any]]:
        """A table's documents by TinyDB document id, as stored."""
        return self.data.get(name, {})

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
        if not self.changed and self._stored.version == SCHEMA_VERSION:
            return None
        if self._stored.version < SCHEMA_VERSION:
            _keep_backup(self.path, self._stored)
        self.set_meta(schema_version=SCHEMA_VERSION)
        self.written_digest = write(self.path, self.data)
        return self.written_digest


@dataclass(frozen=True)
class Stored:
    """What was read: the tables (migrated), the schema they were read as, the digest
    of the bytes (when asked for), and those bytes when a migration must back them up."""

    data: Tables
    version: int
    digest: str
    raw: bytes


@contextlib.contextmanager
def open_store(path: Path, *, write: bool = False, wait: float = DEFAULT_WAIT) -> Iterator[Store]:
    """One unit of work on the store at `path`: read once, written at most once.

    With `write`, the store's lock is held from before the read until the unit ends;
    the caller saves (`Store.save`) before leaving. A store of an older schema is
    migrated in memory; when it is first written, the old file is kept beside it as
    `<store>.schema<N>.bak`.
    """
    if not write:
        yield Store(path, read(path), writable=False)
        return
    with _locked(path, wait):
        _remove_leftovers(path)
        yield Store(path, read(path, with_digest=True), writable=True)


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


def read(path: Path, *, with_digest: bool = False) -> Stored:
    return parse(path, read_bytes(path), with_digest=with_digest)


def parse(path: Path, raw: bytes | None, *, with_digest: bool = False) -> Stored:
    """The tables in `raw` (the store at `path`; None: no file yet), migrated to this
    schema; a damaged or newer file is an error and is left as it is."""
    import orjson

    if raw is None:
        return Stored({}, SCHEMA_VERSION, "", b"")
    key = digest(raw) if with_digest else ""
    try:
        data = _by_line(raw)
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


def _by_line(raw: bytes) -> Tables | None:
    """The tables of a store laid out as `serialize` writes it, read a document per line;
    None for any other layout (a file edited by hand), which is read whole.

    One document at a time keeps the parser's working memory to a line: reading a
    60 MB store whole takes about 140 MB more at its peak. Every line is checked against
    the layout, commas included, so a file is read this way only if it is the JSON it
    would be read as whole.
    """
    import orjson

    loads = orjson.loads
    if not (raw.startswith(b"{\n") and raw.endswith(b"\n}\n")):
        return None
    tables: Tables = {}
    table: dict[str, Any] | None = None  # the table being read
    member_due = False  # the line before ended with a comma: another member must follow
    try:
        for line in _lines(raw, 2, len(raw) - 3):
            if table is None:  # a table's name opens it
                if not (line.endswith(b": {") and (member_due or not tables)):
                    return None
                name = loads(line[:-3])
                if type(name) is not str:
                    return None
                table = tables[name] = {}
                member_due = False
            elif line in (b"}", b"},"):
                if member_due:
                    return None
                table, member_due = None, line == b"},"
            else:
                end = line.find(b'"', 1)
                if not (
                    line[:1] == b'"' and line[end : end + 3] == b'": ' and b"\\" not in line[:end]
                ):
                    return None
                if table and not member_due:
                    return None
                member_due = line.endswith(b",")
                table[line[1:end].decode()] = loads(line[end + 3 : -1 if member_due else None])
    except (ValueError, UnicodeDecodeError):  # orjson's errors are ValueErrors
        return None
    return tables if table is None and not member_due else None


def _lines(raw: bytes, start: int, stop: int) -> Iterator[bytes]:
    """The lines of raw[start:stop], split a megabyte at a time (not all at once)."""
    while start < stop:
        end = raw.find(b"\n", min(start + (1 << 20), stop), stop)
        end = stop if end < 0 else end
        yield from raw[start:end].split(b"\n")
        start = end + 1


def _schema_version(path: Path, data: object) -> int:
    def damaged_file(why: str) -> StoreError:
        return StoreError(f"store {path} is damaged: {why}; it was left as it is")

    if not isinstance(data, dict):
        raise damaged_file("the top level is not an object")
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise damaged_file(f"table {name!r} is not a table of records")
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
    payload = serialize(data)
    try:
        write_atomically(path, payload)
    except OSError as error:
        raise StoreError(
            f"could not write store {path}: {error.strerror}; the store is unchanged"
        ) from None
    return digest(payload)


def serialize(data: Tables) -> bytes:
    """The store as JSON with one document per line: any JSON reader (TinyDB's own
    included) reads it whole, and the file diffs like a table."""
    import orjson

    dumps = orjson.dumps
    pieces = [b"{"]
    for number, (name, table) in enumerate(data.items()):
        pieces.append((b",\n" if number else b"\n") + dumps(name) + b": {")
        if table:
            rows = [b"%b: %b" % (dumps(key), dumps(doc)) for key, doc in table.items()]
            pieces.append(b"\n" + b",\n".join(rows))
        pieces.append(b"\n}")
    pieces.append(b"\n}\n")
    return b"".join(pieces)


def write_atomically(path: Path, payload: bytes, *, durable: bool = True) -> None:
    """Write an owner-only temporary file beside `path`, fsync it, rename it over `path`.

    A reader sees the old file or the new one, never a part. Without `durable` (for
    derived files that are checked when read), nothing is fsynced: after a power cut
    the file may be empty or old. Raises OSError.
    """
    import tempfile

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
