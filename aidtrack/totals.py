"""Year totals kept beside the store, and every report's reading of the store.

`read_tally` is how `report` and `compare` read: the `Tally` of the records that count
in their years. It comes from `<store>.totals` when that file was made from the exact
bytes the store holds now by these exact counting rules, and otherwise from the
store's records (only those the years need, `counting.needed`). Both are the same
`Tally.of` over the same records, so a report cannot depend on which was read.

The totals hold a line per donor and year (what that donor's wholes add up to there),
a line per multi-year envelope, and a header naming the digest of the store bytes they
were counted from, the counting rules, the store's own exchange rates, a digest of the
lines themselves, every donor and recipient of the store (for Tab completion), and
whether every record is in stored form (for listings). They are derived data, never
the record of anything: delete them at any time. Writers refresh them under the
store's lock, after writing the store. The digest they name is that of bytes aidtrack
wrote and counted (`counted_from`): with it, a writer vouches for those bytes to the
store (`store.open_store`).
"""

from __future__ import annotations

import bisect
import contextlib
import os
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Container, Iterable, Mapping, Sequence
from decimal import Decimal
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeGuard

from . import counting, store
from .counting import Counted, Tally
from .errors import InvalidInput, StoreError
from .model import Pledge, YearSpan, in_stored_form, stored_years

if TYPE_CHECKING:
    from .rates import RateTable

FORMAT = 5

_LINE = re.compile(
    rb'\{"(?:year":(?P<year>\d+)|years":\[(?P<start>\d+),(?P<end>\d+)\]),"donor":'
    rb'(?P<donor>"(?:[^"\\]|\\.)*"),'
)
"""The start of a line: its year (or an envelope's years), and its donor."""


class CurrentTotals(NamedTuple):
    """What totals that are those of the store hold: the store's own exchange rates,
    the lines, the store's parties (None in totals written before they were), and
    whether every record is in stored form."""

    rates: list[dict[str, Any]]
    lines: list[bytes]
    parties: list[str] | None
    stored_form: bool
    """Every record of the store is in stored form (`model.in_stored_form`)."""


def path_for(store_path: Path) -> Path:
    """Beside the store's file (the target of a store that is a symlink)."""
    target = store.followed(store_path)
    return target.with_name(f"{target.name}.totals")


def read_tally(
    path: Path, years: YearSpan | None = None, *, envelopes: YearSpan | None = None
) -> tuple[Tally, RateTable]:
    """What a report counts in `years` (every year without), with the multi-year
    envelopes that touch `envelopes` (none without), and the rates to convert them."""
    key = _digest_of(path)
    found = _lines(path, key) if key else None
    if found is not None:
        tally = _from_lines(found.lines, years, envelopes)
        if tally is not None:
            return tally, _rate_table(path, found.rates)
    data = store.read(path).data
    docs = list(data.get(store.PLEDGES, {}).values())

    def find(ids: set[str]) -> list[counting.Doc]:
        return [doc for doc in docs if doc.get("id") in ids]

    touching = docs if years is None else [d for d in docs if stored_years(d).overlaps(years)]
    tally = _count(path, find, counting.links_of(docs), touching, years=years)
    listed = [
        covering
        for covering in tally.envelopes
        if envelopes is not None and covering[0].years.overlaps(envelopes)
    ]
    return Tally(tally.counted, tally.mixed, listed), _rate_table(
        path, data.get(store.RATES, {}).values()
    )


def is_current(path: Path) -> bool:
    """Whether the totals are those of the store as it is now, by these rules."""
    key = _digest_of(path)
    return bool(key) and _lines(path, key) is not None


def refresh(
    saved: store.Store,
    touched: Sequence[Pledge],
    links: Sequence[counting.Link],
    fresh: Mapping[str, Pledge] | None = None,
) -> None:
    """Make the totals those of the store just saved (under its lock); `links` are
    those of its records, and `fresh` the records it stored as `Pledge.to_json`
    writes them (and has not changed since), by document id: an import's 100,000
    records are counted as they are, not read back from their JSON.

    When the totals were those of the bytes this unit of work read, only the lines of
    the donors and years around the records it touched are counted again (with every
    record linked to them, so that even links across donors, which `check` reports,
    count alike); else all of them. Best effort: totals that cannot be written are
    only stale.
    """
    if saved.written_digest is not None:
        before = _lines(saved.path, saved.read_digest)
        _recount(saved, saved.written_digest, before, touched, links, fresh)


def rebuild(path: Path) -> None:
    """Count the totals of the store at `path` again from all its records, under its
    lock (for a store written by other means)."""
    with store.open_store(path, write=True, derived=[path_for(path)]) as found:
        links = counting.links_of(found.having(store.PLEDGES, counting.LINK_FIELDS))
        _recount(found, found.read_digest, None, (), links)


def discard(store_path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path_for(store_path))


def _digest_of(path: Path) -> str:
    """The digest of the store file's bytes, read in pieces; "" if it cannot be read
    (reading the store says why)."""
    try:
        with path.open("rb") as handle:
            return store.digest(handle)
    except OSError:
        return ""


def _recount(
    counted: store.Store,
    digest: str,
    before: CurrentTotals | None,
    touched: Sequence[Pledge],
    links: Sequence[counting.Link],
    fresh: Mapping[str, Pledge] | None = None,
) -> None:
    """Write the totals of `counted`'s tables (whose bytes have `digest`): the lines of
    the totals `before` that `touched` leaves alone, and the others counted again
    (the records `fresh`, those in stored form, as they are)."""

    def find(ids: set[str]) -> Sequence[counting.Doc]:
        return counted.find(store.PLEDGES, "id", ids)

    known = _known(counted, fresh or {})
    try:
        kept = None
        if before is not None:
            donors, years = _affected(touched, find, links)
            kept = _kept(before.lines, donors, years)
        if kept is None:
            docs = list(counted.docs(store.PLEDGES).values())
            if len(known) == len(docs):  # an import into a new store: `needed` is all
                tally = Tally.of([known[id(doc)] for doc in docs])
            else:
                tally = _count(counted.path, find, links, docs, known=known)
        else:
            pool = counted.find(store.PLEDGES, "donor", donors)
            around = [doc for doc in pool if stored_years(doc).meets(years)]
            tally = _count(
                counted.path, find, links, around, years=years, donors=donors, known=known
            )
    except (StoreError, InvalidInput):  # a damaged record: reports count from the records
        discard(counted.path)
        return
    if counted.by_line and before is not None and before.parties is not None:
        # Read by the line: its parties are those before, but those of the records
        # written (added, changed, removed) are those some record still names.
        written = {*(p.donor for p in touched), *(p.recipient for p in touched)}
        named = {n for n in written if counted.holds("donor", n) or counted.holds("recipient", n)}
        parties = sorted(set(before.parties) - written | named)
    else:
        parties = parties_of(list(counted.docs(store.PLEDGES).values()))
    # A write stores every record it touches in stored form, and changes no other; a
    # store read by the line and only added to is not read whole to learn it.
    stored_form = before is not None and before.stored_form
    if not stored_form and not counted.added_only:
        every = counted.docs(store.PLEDGES).values()
        stored_form = all(id(doc) in known or in_stored_form(doc) for doc in every)
    rates = list(counted.docs(store.RATES).values())
    _write(counted.path, digest, kept or [], tally, rates, (parties, stored_form), links)


def _known(counted: store.Store, fresh: Mapping[str, Pledge]) -> dict[int, Pledge]:
    """The records of `fresh` by the identity of their stored documents: each document
    is what its record's `to_json` wrote, and what a builder builds, `to_json` writes
    in stored form (tests/test_fast_paths.py), so reading it gives that record, and
    the two count alike. A store still read by the line is not read whole for them
    (its writer stored a few)."""
    if counted.by_line or not fresh:
        return {}
    table = counted.docs(store.PLEDGES)
    found = ((table.get(key), record) for key, record in fresh.items())
    return {id(doc): record for doc, record in found if doc is not None}


def _count(
    path: Path,
    find: Callable[[set[str]], Sequence[counting.Doc]],
    links: Sequence[counting.Link],
    wanted: Iterable[counting.Doc],
    *,
    years: Container[int] | None = None,
    donors: Container[str] | None = None,
    known: Mapping[int, Pledge] | None = None,
) -> Tally:
    """`Tally.of` the stored records that count in `years` and for `donors`: those of
    `wanted` (every record of those years and donors) and what counting them reads,
    each read from its document unless `known` has it (by the document's identity)."""
    known = known or {}
    try:
        pledges = [
            known.get(id(doc)) or Pledge.from_json(doc)
            for doc in counting.needed(find, links, wanted)
        ]
    except InvalidInput as error:
        raise store.damaged(path, str(error)) from None
    return Tally.of(pledges).within(years, donors)


def _affected(
    touched: Sequence[Pledge],
    find: Callable[[set[str]], Sequence[counting.Doc]],
    links: Sequence[counting.Link],
) -> tuple[set[str], set[int]]:
    """The donors and years whose lines the records written may have changed: those of
    the records (as they were and are), and of every record linked to them, either
    way, however far (a revision retires the old version's parts too)."""
    every = [*links, *(p.link for p in touched)]
    linked = counting.joined(every, (p.id for p in touched))
    donors = {p.donor for p in touched}
    spans = [p.years for p in touched]
    for doc in find(linked):
        donors.add(str(doc.get("donor")))
        spans.append(stored_years(doc))
    return donors, {year for span in spans for year in range(span.start, span.end + 1)}


def _kept(lines: list[bytes], donors: Collection[str], years: Container[int]) -> list[bytes] | None:
    """The lines of other donors or years; None if a line is not what `_write` wrote."""
    import orjson

    named = {orjson.dumps(donor) for donor in donors}  # as the lines spell them
    kept = []
    for line in lines:
        lead = _LINE.match(line)
        if lead is None:
            return None
        if not (lead["donor"] in named and _span(lead).meets(years)):
            kept.append(line)
    return kept


def _span(lead: re.Match[bytes]) -> YearSpan:
    """The year of a line, or the years of an envelope's."""
    year = lead["year"]
    if year is not None:
        return YearSpan(int(year), int(year))
    return YearSpan(int(lead["start"]), int(lead["end"]))


def _lines(store_path: Path, digest: str) -> CurrentTotals | None:
    """The user rates and lines of the totals, if they were counted by these rules from
    the store bytes of `digest` and are whole; None if not."""
    import orjson

    if not digest:
        return None
    try:
        raw = path_for(store_path).read_bytes()
        header_line, _, rest = raw.partition(b"\n")
        _, _, body = rest.partition(b"\n")  # past the links line (`links`)
        header = orjson.loads(header_line)
    except (OSError, ValueError):
        return None
    if not (
        _names_bytes(header, digest)
        and header.get("rules") == counting.RULES
        and header.get("body") == store.digest(body)
        and isinstance(header.get("rates"), list)
    ):
        return None
    lines = body.split(b"\n")[:-1]
    return CurrentTotals(header["rates"], lines, _names(header), header.get("stored_form") is True)


def _from_lines(
    lines: Sequence[bytes], years: YearSpan | None, envelopes: YearSpan | None
) -> Tally | None:
    """The tally of the lines in `years` (all without), with the envelopes touching
    `envelopes` (none without); None if a line is not what `_write` wrote.

    The lines are sorted (`_write`): a year's lines start `{"year":2025,` and come
    before every envelope's, which start `{"years":[2023,`; so the lines of some years
    are found by bisection, not by reading every line.
    """
    import orjson

    first_envelope = bisect.bisect_left(lines, b'{"years":')
    low, high = 0, first_envelope
    if years is not None:
        low = bisect.bisect_left(lines, b'{"year":%d,' % years.start, 0, first_envelope)
        high = bisect.bisect_left(lines, b'{"year":%d,' % (years.end + 1), low, first_envelope)
    last = first_envelope  # the envelopes that start by the end of `envelopes`
    if envelopes is not None:
        last = bisect.bisect_left(lines, b'{"years":[%d,' % (envelopes.end + 1), first_envelope)
    counted: list[Counted] = []
    mixed: list[counting.Mixed] = []
    listed: list[counting.Covering] = []
    try:
        for line in lines[low:high]:
            data = orjson.loads(line)
            counted += (Counted.from_json(data["donor"], data["year"], c) for c in data["counted"])
            mixed += (
                (Pledge.from_json(whole), _records(parts), _records(deliveries))
                for whole, parts, deliveries in data["mixed"]
            )
        for line in lines[first_envelope:last]:
            lead = _LINE.match(line)
            if lead is None or lead["year"] is not None:
                return None
            if envelopes is not None and _span(lead).overlaps(envelopes):
                data = orjson.loads(line)
                paid = [
                    (year, currency, Decimal(amount)) for year, currency, amount in data["paid"]
                ]
                listed.append((Pledge.from_json(data["envelope"]), paid))
    except (ValueError, KeyError, TypeError, InvalidInput):
        return None
    return Tally(counted, mixed, listed)


def _records(docs: Iterable[dict[str, Any]]) -> list[Pledge]:
    return [Pledge.from_json(doc) for doc in docs]


def _docs(records: Iterable[Pledge]) -> list[dict[str, Any]]:
    return [record.to_json() for record in records]


def current_tally(store_path: Path, digest: str) -> Tally | None:
    """Every year's `Tally` (no envelopes) as the totals counted from the store bytes of
    `digest` keep it; None without such totals."""
    found = _lines(store_path, digest)
    return None if found is None else _from_lines(found.lines, None, None)


def links(store_path: Path, digest: str) -> list[counting.Link] | None:
    """Every record's links (`counting.links_of`, in stored order) as the totals
    counted from the store bytes of `digest` keep them; None without such totals. A
    write reads them here rather than every linked record of a large store."""
    import orjson

    try:
        with path_for(store_path).open("rb") as handle:
            header, line = orjson.loads(handle.readline()), handle.readline()
    except (OSError, ValueError):
        return None
    if not (_names_bytes(header, digest) and header.get("links") == store.digest(line[:-1])):
        return None
    try:
        found = orjson.loads(line)
    except ValueError:
        return None
    if isinstance(found, list) and all(isinstance(link, list) and len(link) == 4 for link in found):
        return [tuple(link) for link in found]
    return None


def parties(store_path: Path) -> list[str] | None:
    """Every donor and recipient of the store's records, sorted, as its totals name
    them; None when the totals are not those of the store as it is now. What Tab
    offers first, without parsing a large store."""
    header = _header(store_path, _digest_of(store_path))
    return None if header is None else _names(header)


def all_in_stored_form(store_path: Path, digest: str) -> bool:
    """Whether the totals, counted from the store bytes of `digest`, say that every
    record of those bytes is in stored form: then a listing prints them as they are
    without looking at each."""
    header = _header(store_path, digest)
    return header is not None and header.get("stored_form") is True


def counted_from(store_path: Path) -> str:
    """The digest of the store bytes the totals beside the store were counted from
    (bytes aidtrack wrote and read whole); "" without totals in this format."""
    header = _first_line(store_path)
    named = header.get("store") if isinstance(header, dict) else None
    return named if isinstance(named, str) and _names_bytes(header, named) else ""


def _header(store_path: Path, digest: str) -> dict[str, Any] | None:
    """The first line of the totals, if it names the store bytes of `digest`."""
    header = _first_line(store_path)
    return header if _names_bytes(header, digest) else None


def _first_line(store_path: Path) -> object:
    """The first line of the totals, read as JSON; None if it cannot be."""
    import orjson

    try:
        with path_for(store_path).open("rb") as handle:
            return orjson.loads(handle.readline())
    except (OSError, ValueError):
        return None


def _names_bytes(header: object, digest: str) -> TypeGuard[dict[str, Any]]:
    """Whether a first line of totals in this format names the store bytes of `digest`."""
    return (
        bool(digest)
        and isinstance(header, dict)
        and header.get("totals") == FORMAT
        and header.get("store") == digest
    )


def _names(header: dict[str, Any]) -> list[str] | None:
    names = header.get("parties")
    return names if isinstance(names, list) and all(type(n) is str for n in names) else None


def parties_of(docs: Sequence[dict[str, Any]]) -> list[str]:
    """Every donor and recipient of the stored records `docs`, sorted."""
    names: set[object] = {*map(dict.get, docs, repeat("donor"))}
    names.update(map(dict.get, docs, repeat("recipient")))
    return sorted(name for name in names if type(name) is str)


def _write(
    store_path: Path,
    digest: str,
    kept: Iterable[bytes],
    tally: Tally,
    rates: Sequence[dict[str, Any]],
    records: tuple[list[str], bool],
    links: Sequence[counting.Link],
) -> None:
    """Write the totals of the store whose bytes have `digest`: the header, with what
    is true of the store's records (their parties, and whether every one is in stored
    form); the line of every record's links; then the lines kept and `tally`'s. Not
    fsynced: they are checked when read."""
    import orjson

    # By year (envelopes after, by their years), then donor: readers bisect them.
    lines = sorted([*kept, *_tally_lines(tally)])
    body = b"".join(line + b"\n" for line in lines)
    linked = orjson.dumps(list(links))
    header = {
        "totals": FORMAT,
        "rules": counting.RULES,
        "store": digest,
        "links": store.digest(linked),
        "body": store.digest(body),
        "rates": list(rates),
        "parties": records[0],
        "stored_form": records[1],
    }
    with contextlib.suppress(OSError):
        store.write_atomically(
            path_for(store_path),
            b"\n".join([orjson.dumps(header), linked, body]),
            durable=False,
        )


def _tally_lines(tally: Tally) -> Iterable[bytes]:
    import orjson

    by_line: dict[tuple[int, str], dict[str, list[Any]]] = defaultdict(
        lambda: {"counted": [], "mixed": []}
    )
    for counted in tally.counted:
        by_line[counted.year, counted.donor]["counted"].append(counted.to_json())
    for whole, parts, deliveries in tally.mixed:
        line = by_line[whole.years.start, whole.donor]
        line["mixed"].append([whole.to_json(), _docs(parts), _docs(deliveries)])
    for (year, donor), content in by_line.items():
        yield orjson.dumps({"year": year, "donor": donor, **content})
    for envelope, delivered in tally.envelopes:
        span = [envelope.years.start, envelope.years.end]
        yield orjson.dumps(
            {
                "years": span,
                "donor": envelope.donor,
                "envelope": envelope.to_json(),
                "paid": [[year, currency, f"{amount:f}"] for year, currency, amount in delivered],
            }
        )


def _rate_table(path: Path, rates: Iterable[dict[str, Any]]) -> RateTable:
    from .rates import RateTable, UserRate  # loaded when a report asks, not for a listing

    try:
        return RateTable.shipped().with_user_rates([UserRate.from_json(doc) for doc in rates])
    except InvalidInput as error:
        raise store.damaged(path, str(error)) from None
