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
module that imports TinyDB.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import stat
import warnings
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .errors import StoreError

if TYPE_CHECKING:
    from tinydb import TinyDB
    from tinydb.table import Table

SCHEMA_VERSION = 1
PLEDGES, RATES, META, GROUPS = "pledges", "rates", "meta", "groups"
INDICATORS = "indicators"
DEFAULT_WAIT = 10.0
BARE_TABLE = "_default"

Tables = dict[str, dict[str, dict[str, Any]]]
"""A store's content: table name -> TinyDB document id (as text) -> document."""


keep_to_exit = False
"""Set by the console script, which ends with `os._exit`: the last store a command read
is then kept to the end of the process rather than freed record by record."""
_KEPT: list[Store] = []


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

    A writing unit may hold its records table as `Lines`: the bytes read, each record
    parsed only when `find` or `having` needs it, records added kept aside, and the
    bytes written back as they were with the new lines after them. Anything that needs
    the whole table (`data`, `docs`, `table`) reads it all first, and from then on the
    store is a plain one.
    """

    def __init__(
        self, path: Path, stored: Stored, *, writable: bool, lines: Lines | None = None
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
        self.trusted = lines is not None
        """The bytes read are those aidtrack wrote and counted (the year totals name
        their digest): every record in them was read whole when they were written."""
        self._storage = _MemoryStorage(stored.data)
        self._db: TinyDB | None = None  # made by the first unit of work that asks
        if keep_to_exit:  # the last store read; one read before it is freed as usual
            _KEPT[:] = [self]

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
        and nothing but `insert` changed it)."""
        return self._lines is not None

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
        if self._lines is not None and name == self._lines.name:
            return self._lines.find(field, values)
        wanted = set(values)
        return [doc for doc in self.docs(name).values() if _text_in(doc.get(field), wanted)]

    def having(self, name: str, fields: Sequence[str]) -> list[dict[str, Any]]:
        """The documents of a table with a text in any of `fields`, in stored order."""
        if self._lines is not None and name == self._lines.name:
            return self._lines.having(fields)
        return [doc for doc in self.docs(name).values() if _has_text(doc, fields)]

    def insert(self, name: str, docs: Iterable[Mapping[str, Any]]) -> list[str]:
        """Add documents to a table under new document ids (`_numbered`); their ids."""
        self._storage.changed = True
        if self._lines is not None and name == self._lines.name:
            return self._lines.insert(docs)
        table = self._storage.data.setdefault(name, {})
        last = int(next(reversed(table), "0"))
        new = _numbered(last, docs, taken=table.__contains__)
        table.update(new)
        return list(new)

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
        self.written_digest = _write_payload(self.path, serialize(self._storage.data, self._lines))
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
    trusted: Callable[[str], bool] | None = None,
    derived: Collection[Path] = (),
) -> Iterator[Store]:
    """One unit of work on the store at `path` (its target, if it is a symlink): read
    once, written at most once.

    With `write`, the store's lock is held from before the read until the unit ends;
    the caller saves (`Store.save`) before leaving. A store of an older schema is
    migrated in memory; when it is first written, the old file is kept beside it as
    `<store>.schema<N>.bak`.

    `trusted(digest)` says whether aidtrack itself wrote the bytes of that digest (the
    year totals name it): then the records table is read by the line (`Lines`).
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
        lines = _records_lines(raw) if raw and trusted is not None and trusted(key) else None
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


class Lines:
    """The records table of a store, read by the line: the bytes aidtrack wrote for it
    (`serialize`'s layout: a record per line), each parsed only when asked for, and
    the records added since, which are written after them."""

    def __init__(self, raw: bytes, start: int, end: int, order: list[str]) -> None:
        self.name = PLEDGES
        self.raw, self.start, self.end = raw, start, end
        """The table's lines are raw[start:end]; start == end when it has none."""
        self.order = order
        """The store's tables in their stored order."""
        self.added: dict[str, dict[str, Any]] = {}
        self._parsed: dict[int, tuple[str, dict[str, Any]]] = {}
        """The records parsed so far, with their document ids, by where the line starts."""
        self._read_ids: dict[str, list[int]] = {}
        """Where the lines parsed so far start, by record id: a record id names one
        record (aidtrack never writes two of one id), so it is not looked for again."""
        self._absent: set[str] = set()
        """Record ids looked for in the lines read and not there (nor read since)."""
        self._scan: tuple[list[int], dict[str, list[int]]] | None = None

    def find(self, field: str, values: Collection[str]) -> list[dict[str, Any]]:
        import orjson

        wanted = {value for value in values if type(value) is str}
        sought = set(wanted)
        starts: set[int] = set()
        if field == "id":  # a record read already, or looked for in vain, is not sought again
            sought -= self._absent
            for pledge_id in sought & self._read_ids.keys():
                starts.update(self._read_ids[pledge_id])
            sought -= self._read_ids.keys()
        if field == "id" and len(sought) > _FEW:
            starts |= self._with_ids(sought)
        else:  # as `serialize` writes it, `"donor":"Norway"` is in each line of Norway's
            dumps = orjson.dumps
            starts |= self._starts_with(b'"%b":%b' % (field.encode(), dumps(v)) for v in sought)
        docs = self._docs_at(starts)
        if field == "id":
            self._absent |= sought - self._read_ids.keys()
        found = [*docs, *self.added.values()]
        return [doc for doc in found if _text_in(doc.get(field), wanted)]

    def having(self, fields: Sequence[str]) -> list[dict[str, Any]]:
        starts = self._starts_with(b'"%b":"' % field.encode() for field in fields)
        found = [*self._docs_at(starts), *self.added.values()]
        return [doc for doc in found if _has_text(doc, fields)]

    def insert(self, docs: Iterable[Mapping[str, Any]]) -> list[str]:
        raw = self.raw
        last = next(reversed(self.added), None)
        if last is None and self.end > self.start:  # the last line's document id
            begin = raw.rfind(b'\n"', self.start - 1, self.end) + 2
            last = raw[begin : raw.index(b'"', begin)].decode()

        def taken(key: str) -> bool:
            line = b'\n"%b": {' % key.encode()
            return key in self.added or raw.find(line, self.start - 1, self.end) >= 0

        new = _numbered(int(last or 0), docs, taken=taken)
        self.added.update(new)
        return list(new)

    def table_order(self, tables: Iterable[str]) -> list[str]:
        """The store's tables in their stored order, then those of `tables` made since
        (last, as TinyDB adds them)."""
        return [*self.order, *(name for name in tables if name not in self.order)]

    def docs(self) -> dict[str, dict[str, Any]]:
        """Every record of the table, those parsed already as they were."""
        docs = _documents(self.raw, self.start, self.end)
        docs.update(self._parsed.values())  # the records handed out stay those records
        return docs | self.added

    def serialized(self) -> list[bytes | memoryview]:
        """The table's lines as `serialize` writes them, in pieces: those read (the
        bytes themselves, not a copy), then those added."""
        added = _rows(self.added)
        if self.end > self.start:
            return [memoryview(self.raw)[self.start : self.end], *(b",\n" + row for row in added)]
        return [b",\n".join(added)] if added else []

    def _starts_with(self, needles: Iterable[bytes]) -> set[int]:
        """Where the lines that hold any of `needles` start."""
        raw, starts = self.raw, set()
        for needle in needles:
            at = raw.find(needle, self.start, self.end)
            while at >= 0:
                starts.add(raw.rfind(b"\n", self.start, at) + 1 or self.start)
                stop = raw.find(b"\n", at, self.end)
                at = -1 if stop < 0 else raw.find(needle, stop, self.end)
        return starts

    def _with_ids(self, ids: Collection[str]) -> set[int]:
        """Where the lines of these record ids start (through one scan of every line)."""
        unnamed, by_id = self._scanned()
        starts = {at for pledge_id in ids for at in by_id.get(pledge_id, ())}
        # A line whose id does not come first is read to learn its id.
        return starts | {at for at in unnamed if self._docs_at([at])[0].get("id") in ids}

    def _scanned(self) -> tuple[list[int], dict[str, list[int]]]:
        """The starts of lines whose record id does not come first; the others' starts
        by record id."""
        import orjson

        if self._scan is None:
            unnamed: list[int] = []
            by_id: dict[str, list[int]] = {}
            if self.end > self.start:
                at = self.start
                lines = self.raw[self.start : self.end].split(b"\n")
                found = _LINE.findall(self.raw, self.start - 1, self.end)
                if len(found) != len(lines):
                    raise StoreError("the store's records are not numbered as TinyDB numbers them")
                for line, pledge_id in zip(lines, found, strict=True):
                    if pledge_id:
                        by_id.setdefault(orjson.loads(pledge_id), []).append(at)
                    else:
                        unnamed.append(at)
                    at += len(line) + 1
            self._scan = unnamed, by_id
        return self._scan

    def _docs_at(self, starts: Iterable[int]) -> list[dict[str, Any]]:
        """The records of the lines starting at `starts`, in stored order (each parsed
        once: the same record is the same object however it was found)."""
        import orjson

        docs = []
        for at in sorted(starts):
            if at not in self._parsed:
                stop = self.raw.find(b"\n", at, self.end)
                key, body = self._split(self.raw[at : self.end if stop < 0 else stop])
                doc = orjson.loads(body)
                self._parsed[at] = key, doc
                if type(doc.get("id")) is str:
                    self._read_ids.setdefault(doc["id"], []).append(at)
            docs.append(self._parsed[at][1])
        return docs

    @staticmethod
    def _split(line: bytes) -> tuple[str, bytes]:
        """A line's document id, and its document's JSON."""
        end = line.index(b'": ')
        body = line[end + 3 :]
        return line[1:end].decode(), body[:-1] if body.endswith(b",") else body


_FEW = 4
"""Up to this many record ids are looked for in the bytes; more, in one scan of all."""
_LINE = re.compile(rb'\n"\d+": \{(?:"id":("(?:[^"\\]|\\.)*"),)?')
"""The start of a record's line, and its record id when it comes first."""


def _records_lines(raw: bytes) -> Lines | None:
    """The records table of `raw` by the line. Only for bytes that `serialize` wrote
    (the caller knows them by their digest), whose layout is then known: a document
    per line, each table's name on a line of its own."""
    import orjson

    header = b'\n"%b": {\n' % PLEDGES.encode()
    at = raw.find(header)
    if not raw.startswith(b"{\n") or at < 0:
        return None
    start = at + len(header)
    end = start if raw[start : start + 1] == b"}" else raw.find(b"\n}", start)
    if end < 0:
        return None
    if end > start and raw[end - 1 : end] != b"}":
        return None
    names = re.findall(rb'^("(?:[^"\\]|\\.)*"): \{$', raw[:start] + raw[end:], re.MULTILINE)
    return Lines(raw, start, end, [orjson.loads(name) for name in names])


def _numbered(
    last: int, docs: Iterable[Mapping[str, Any]], *, taken: Callable[[str], bool]
) -> dict[str, dict[str, Any]]:
    """Copies of `docs` under new document ids: counting on from the id of the table's
    last document, past any id `taken` (as TinyDB numbers them, one past the largest,
    in a table whose ids grow line by line, as aidtrack writes them)."""
    numbered: dict[str, dict[str, Any]] = {}
    key = last
    for doc in docs:
        key += 1
        while taken(str(key)):
            key += 1
        numbered[str(key)] = dict(doc)
    return numbered


def _text_in(value: object, texts: Collection[str]) -> bool:
    return type(value) is str and value in texts


def _has_text(doc: Mapping[str, Any], fields: Sequence[str]) -> bool:
    for field in fields:  # a loop, not any(): it runs for every record of a store
        value = doc.get(field)
        if value and type(value) is str:
            return True
    return False


def _by_line(raw: bytes) -> Tables | None:
    """The tables of a store laid out as `serialize` writes it (each table's name on a
    line of its own, a document per line), read a megabyte of documents at a time;
    None for any other layout (a file edited by hand), which is read whole.

    A piece at a time keeps the parser's working memory small: reading a 60 MB store
    whole takes about 140 MB more at its peak. Each piece is read as the JSON it is,
    commas included, so the tables are those that reading the file whole gives.
    """
    import orjson

    if not (raw.startswith(b"{\n") and raw.endswith(b"\n}\n")):
        return None
    tables: Tables = {}
    at, last = 2, len(raw) - 2  # raw[last:] is the file's closing "}\n"
    try:
        while at < last:
            stop = raw.index(b"\n", at)
            if not raw.endswith(b": {", at, stop):
                return None
            name = orjson.loads(raw[at : stop - 3])
            first = stop + 1  # the table's first line, or its closing brace
            close = first if raw[first : first + 1] == b"}" else raw.index(b"\n}", first) + 1
            table = _documents(raw, first, close - 1)
            if type(name) is not str:
                return None
            tables[name] = table
            if raw.startswith(b"},\n", close) and close + 3 < last:
                at = close + 3
            elif raw.startswith(b"}\n", close) and close + 2 == last:
                at = last
            else:
                return None
    except ValueError:  # no such line, or not JSON (orjson's errors are ValueErrors)
        return None
    return tables


def _documents(raw: bytes, start: int, stop: int) -> dict[str, dict[str, Any]]:
    """The documents of a table's lines raw[start:stop], by document id: parsed in
    pieces of about a megabyte, each cut where a line ends with its comma (the comma
    left out), so the parser's working memory stays small."""
    import orjson

    documents: dict[str, dict[str, Any]] = {}
    while start < stop:
        cut = raw.find(b",\n", min(start + (1 << 20), stop), stop)
        end = stop if cut < 0 else cut
        documents.update(orjson.loads(b"{%b}" % raw[start:end]))
        start = stop if cut < 0 else cut + 2
    return documents


def _rows(table: Mapping[str, Any]) -> list[bytes]:
    """A table's lines as `serialize` lays them out: `"document id": document`."""
    import orjson

    dumps = orjson.dumps
    return [b"%b: %b" % (dumps(key), dumps(doc)) for key, doc in table.items()]


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
    return _write_payload(path, serialize(data))


def _write_payload(path: Path, payload: bytes) -> str:
    try:
        write_atomically(path, payload)
    except OSError as error:
        raise StoreError(
            f"could not write store {path}: {error.strerror}; the store is unchanged"
        ) from None
    return digest(payload)


def serialize(data: Tables, lines: Lines | None = None) -> bytes:
    """The store as JSON with one document per line: any JSON reader (TinyDB's own
    included) reads it whole, and the file diffs like a table. A table read by the
    line (`lines`) is written as it was read, then its new lines."""
    import orjson

    dumps = orjson.dumps
    names = list(data) if lines is None else lines.table_order(data)
    pieces: list[bytes | memoryview] = [b"{"]
    for number, name in enumerate(names):
        pieces.append((b",\n" if number else b"\n") + dumps(name) + b": {")
        if lines is not None and name == lines.name:
            body = lines.serialized()
        else:
            rows = _rows(data.get(name, {}))
            body = [b",\n".join(rows)] if rows else []
        if body:
            pieces += [b"\n", *body]
        pieces.append(b"\n}")
    pieces.append(b"\n}\n")
    return b"".join(pieces)


def followed(path: Path) -> Path:
    """The file that a write to `path` changes: the target of a symlink, however many
    links deep (a store kept in a synced folder through a link stays there); any other
    path as it is."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


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
    with contextlib.suppress(FileNotFoundError):
        if not stat.S_ISREG(path.stat().st_mode):
            raise OSError(errno.EEXIST, "it is not a regular file", str(path))
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
