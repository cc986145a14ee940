"""The store file's layout, and the shortcuts it allows a reader (DESIGN §7).

`serialize` writes a store's tables as JSON with a document per line, each table's
name on a line of its own. Bytes in that layout are read a megabyte of documents at a
time (`read_tables`); bytes in any other (a file edited by hand) are the store's to
read whole. And the records table of bytes that aidtrack wrote and counted (the store
knows them by their digest) is read by the line (`RecordsByLine`), each record parsed
only when asked for. Only the store imports this module: what the layout is, and what
a reader may skip because of it, is decided here and nowhere else.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import (
    Callable,
    Collection,
    Iterable,
    Iterator,
    Mapping,
    MutableMapping,
    Sequence,
)
from typing import Any

from .errors import StoreError

Tables = dict[str, dict[str, dict[str, Any]]]
"""A store's content: table name -> TinyDB document id (as text) -> document."""


def serialize(data: Tables, lines: RecordsByLine | None = None) -> bytes:
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


def _rows(table: Mapping[str, Any]) -> list[bytes]:
    """A table's lines as `serialize` lays them out: `"document id": document`."""
    import orjson

    dumps = orjson.dumps
    return [b"%b: %b" % (dumps(key), dumps(doc)) for key, doc in table.items()]


def read_tables(raw: bytes) -> Tables | None:
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


class RecordsByLine:
    """The records table of a store, read by the line: the bytes aidtrack wrote for it
    (`serialize`'s layout: a record per line), each parsed only when asked for, and
    the records added since, which are written after them. A record read may be
    changed (`update`) or dropped (`remove`): its line alone is written anew or left
    out."""

    def __init__(self, name: str, raw: bytes, start: int, end: int, order: list[str]) -> None:
        self.name = name
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
        self.changed: set[int] = set()
        """Where the lines of the records changed since they were read start."""
        self.dropped: set[int] = set()
        """Where the lines of the records removed start."""

    def candidates(self, field: str, values: Collection[str]) -> list[dict[str, Any]]:
        """The records whose `field` may be one of the texts `values`, in stored order:
        every one that is, and maybe others (the store picks)."""
        import orjson

        sought = {value for value in values if type(value) is str}
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
        docs = self._docs_at(starts | self.changed)  # a changed line's bytes are its old record
        if field == "id":
            self._absent |= sought - self._read_ids.keys()
        return [*docs, *self.added.values()]

    def candidates_having(self, fields: Sequence[str]) -> list[dict[str, Any]]:
        """The records that may have a text in any of `fields`, in stored order: every
        one that has, and maybe others (the store picks)."""
        starts = self._starts_with(b'"%b":"' % field.encode() for field in fields)
        return [*self._docs_at(starts | self.changed), *self.added.values()]

    def insert(self, docs: Iterable[Mapping[str, Any]]) -> list[str]:
        """Add documents after the lines read, under new document ids; their ids."""
        raw = self.raw
        last = next(reversed(self.added), None)
        if last is None and self.end > self.start:  # the last line's document id
            begin = raw.rfind(b'\n"', self.start - 1, self.end) + 2
            last = raw[begin : raw.index(b'"', begin)].decode()

        def taken(key: str) -> bool:
            line = b'\n"%b": {' % key.encode()
            return key in self.added or raw.find(line, self.start - 1, self.end) >= 0

        new = numbered(int(last or 0), docs, taken=taken)
        self.added.update(new)
        return list(new)

    def update(
        self, keys: Collection[str], change: Callable[[MutableMapping[str, Any]], None]
    ) -> None:
        """Change in place the records of these document ids, each read already or
        added since."""
        for at in self._lines_of(keys):
            change(self._parsed[at][1])
            self.changed.add(at)
        for key in self.added.keys() & keys:
            change(self.added[key])

    def remove(self, keys: Collection[str]) -> None:
        """Drop the records of these document ids, each read already or added since."""
        self.dropped |= self._lines_of(keys)
        for key in self.added.keys() & keys:
            del self.added[key]

    def key_of(self, doc: Mapping[str, Any]) -> str:
        """The document id of a record read or added."""
        keyed = [*self._parsed.values(), *self.added.items()]
        return next(key for key, found in keyed if found is doc)

    def _lines_of(self, keys: Collection[str]) -> set[int]:
        """Where the lines read of these document ids start."""
        return {at for at, (key, _) in self._parsed.items() if key in keys} - self.dropped

    def table_order(self, tables: Iterable[str]) -> list[str]:
        """The store's tables in their stored order, then those of `tables` made since
        (last, as TinyDB adds them)."""
        return [*self.order, *(name for name in tables if name not in self.order)]

    def docs(self) -> dict[str, dict[str, Any]]:
        """Every record of the table, those parsed already as they were."""
        docs = _documents(self.raw, self.start, self.end)
        docs.update(self._parsed.values())  # the records handed out stay those records
        for at in self.dropped:
            del docs[self._parsed[at][0]]
        return docs | self.added

    def serialized(self) -> list[bytes | memoryview]:
        """The table's lines as `serialize` writes them, in pieces: those read (the
        bytes themselves, not a copy, but the lines changed, written anew, and those
        dropped), then those added."""
        view = memoryview(self.raw)
        rows: list[bytes | memoryview] = []
        at = self.start  # where the next run of unchanged lines starts
        for start in sorted(self.changed | self.dropped):
            if start > at:
                rows.append(view[at : start - 2])  # up to the line's ",\n" before it
            if start not in self.dropped:
                rows += _rows(dict([self._parsed[start]]))
            stop = self.raw.find(b"\n", start, self.end)
            at = self.end if stop < 0 else stop + 1
        if self.end > at:
            rows.append(view[at : self.end])
        rows += _rows(self.added)
        return [piece for row in rows for piece in (b",\n", row)][1:]

    def holds(self, field: str, value: str) -> bool:
        """Whether a record has the text `value` in `field` (its lines read one by one,
        up to the first that has)."""
        import orjson

        lines = self._lines_with(b'"%b":%b' % (field.encode(), orjson.dumps(value)))
        docs = itertools.chain.from_iterable(self._docs_at([at]) for at in lines)
        every = itertools.chain(docs, self._docs_at(self.changed), self.added.values())
        return any(doc.get(field) == value for doc in every)

    def _starts_with(self, needles: Iterable[bytes]) -> set[int]:
        """Where the lines that hold any of `needles` start."""
        return {at for needle in needles for at in self._lines_with(needle)}

    def _lines_with(self, needle: bytes) -> Iterator[int]:
        """Where the lines that hold `needle` start, in stored order."""
        raw = self.raw
        at = raw.find(needle, self.start, self.end)
        while at >= 0:
            yield raw.rfind(b"\n", self.start, at) + 1 or self.start
            stop = raw.find(b"\n", at, self.end)
            at = -1 if stop < 0 else raw.find(needle, stop, self.end)

    def _with_ids(self, ids: Collection[str]) -> set[int]:
        """Where the lines of these record ids start (through one scan of every line)."""
        unnamed, by_id = self._scanned()
        starts = {at for pledge_id in ids for at in by_id.get(pledge_id, ())}
        # A line whose id does not come first is read to learn its id.
        return starts | {
            at for at in unnamed for doc in self._docs_at([at]) if doc.get("id") in ids
        }

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
        """The records of the lines starting at `starts`, but those dropped, in stored
        order (each parsed once: the same record is the same object however it was
        found)."""
        import orjson

        docs = []
        for at in sorted(set(starts) - self.dropped):
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


def records_by_line(raw: bytes, name: str) -> RecordsByLine | None:
    """The table `name` of `raw` (its records table) by the line. Only for bytes that
    `serialize` wrote (the store knows them by their digest), whose layout is then
    known: a document per line, each table's name on a line of its own."""
    import orjson

    header = b'\n"%b": {\n' % name.encode()
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
    return RecordsByLine(name, raw, start, end, [orjson.loads(found) for found in names])


def numbered(
    last: int, docs: Iterable[Mapping[str, Any]], *, taken: Callable[[str], bool]
) -> dict[str, dict[str, Any]]:
    """Copies of `docs` under new document ids: counting on from the id of the table's
    last document, past any id `taken` (as TinyDB numbers them, one past the largest,
    in a table whose ids grow line by line, as aidtrack writes them)."""
    new: dict[str, dict[str, Any]] = {}
    key = last
    for doc in docs:
        key += 1
        while taken(str(key)):
            key += 1
        new[str(key)] = dict(doc)
    return new
