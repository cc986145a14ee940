"""Year totals kept beside the store, so that a report on a large store reads a few
lines instead of building every record of its years.

`<store>.totals` holds the `Tally` of the store's current records: a line per donor and
year with what that donor's wholes add up to there, a line per multi-year envelope,
and (in its first line) the store's own exchange rates.
It is derived data, never the record of anything: its first line names the store file
it was made from (size, times, inode, as git's index does). A report uses it only while
the store is that file; a store changed since (by hand, by another tool, or by a writer
killed between the two files) is counted from its records, and the next write makes
the totals again. Writers refresh them under the store's lock, for the donors and
years they touched.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import InvalidInput
from .ledger import JSON_STRING, line_span, write_atomically
from .model import Pledge, YearSpan
from .yearly import Counted, Tally

FORMAT = 1
Stamp = tuple[int, int, int, int]
"""The store file's size, modification and change times (ns), and inode."""

_LINE = re.compile(
    rb'\{"(?:year":(?P<year>\d+)|years":\[(?P<start>\d+),(?P<end>\d+)\]),"donor":(?P<donor>'
    + JSON_STRING
    + rb"),"
)
"""The start of a line: its year (or an envelope's years), and its donor."""


@dataclass(frozen=True)
class Totals:
    """What a report reads from the store: the tally of its years, and the user's rates
    (as the store's rates table holds them)."""

    tally: Tally
    rates: Sequence[dict[str, Any]]


def path_for(store: Path) -> Path:
    return store.with_name(f"{store.name}.totals")


def stamp(store: Path) -> Stamp | None:
    """What identifies the store file as it is now; None if there is none."""
    try:
        status = os.stat(store)
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino


def read(store: Path, years: YearSpan | None, envelopes: YearSpan | None) -> Totals | None:
    """The tally of the records in `years` (all without), with the envelopes that
    touch `envelopes` (none without), if the totals are those of the store as it is;
    None when they are missing, stale or unreadable."""
    import orjson

    found = _lines(store, stamp(store))
    if found is None:
        return None
    rates, lines = found
    counted: list[Counted] = []
    mixed: list[tuple[Pledge, list[Pledge]]] = []
    listed: list[Pledge] = []
    try:
        for line in lines:
            lead = _LINE.match(line)
            if lead is None:
                return None
            envelope = lead["year"] is None
            if envelope and envelopes is None:
                continue  # none asked for
            wanted = envelopes if envelope else years
            if wanted is not None and not line_span(lead).overlaps(wanted):
                continue
            data = orjson.loads(line)
            if "envelope" in data:
                listed.append(Pledge.from_json(data["envelope"]))
                continue
            donor, year = data["donor"], data["year"]
            counted += (Counted.from_json(donor, year, c) for c in data["counted"])
            mixed += (
                (Pledge.from_json(whole), [Pledge.from_json(p) for p in parts])
                for whole, parts in data["mixed"]
            )
    except (ValueError, KeyError, TypeError, InvalidInput):
        return None  # not what `write` wrote: the records are counted instead
    return Totals(Tally(counted, mixed, listed), rates)


def kept(
    store: Path, before: Stamp | None, donors: Collection[str], years: Collection[int]
) -> list[bytes] | None:
    """The lines other than those of `donors` in `years` (an envelope's in any of its
    years), if the totals are those of the store that was `before`; None when they must
    be made again from every record."""
    import orjson

    found = _lines(store, before)
    if found is None:
        return None
    _, lines = found
    leads = [_LINE.match(line) for line in lines]
    if None in leads:
        return None
    named = {orjson.dumps(donor) for donor in donors}  # as the lines spell them
    return [
        line
        for line, lead in zip(lines, leads, strict=True)
        if lead is not None and not (lead["donor"] in named and line_span(lead).meets(years))
    ]


def write(
    store: Path, kept: Iterable[bytes], tally: Tally, rates: Sequence[dict[str, Any]]
) -> None:
    """Write the totals of the store as it now is: the lines kept, and `tally`'s.

    Best effort: the store is already written, and totals that cannot be written
    (or are cut short) are only stale, so a report counts from the records.
    """
    import orjson

    current = stamp(store)
    if current is None:
        return
    lines = sorted([*kept, *_tally_lines(tally)])  # by year (envelopes after), then donor
    header = orjson.dumps(
        {"totals": FORMAT, "store": list(current), "rates": rates, "lines": len(lines)}
    )
    payload = b"\n".join([header, *lines, b""])
    with contextlib.suppress(OSError):
        write_atomically(path_for(store), payload, durable=False)  # checked when read


def discard(store: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path_for(store))


def _lines(store: Path, expected: Stamp | None) -> tuple[list[dict[str, Any]], list[bytes]] | None:
    """The user rates and the lines of the totals, if they were made from the store
    `expected`; None if not (or if they are not whole)."""
    import orjson

    if expected is None:
        return None
    try:
        raw = path_for(store).read_bytes()
        header, _, body = raw.partition(b"\n")
        made = orjson.loads(header)
    except (OSError, ValueError):
        return None
    lines = body.split(b"\n")
    if not (
        isinstance(made, dict)
        and made.get("totals") == FORMAT
        and made.get("store") == list(expected)
        and isinstance(made.get("rates"), list)
        and made.get("lines") == len(lines) - 1
        and lines.pop() == b""
    ):
        return None
    return made["rates"], lines


def _tally_lines(tally: Tally) -> Iterable[bytes]:
    import orjson

    by_line: dict[tuple[int, str], dict[str, list[Any]]] = defaultdict(
        lambda: {"counted": [], "mixed": []}
    )
    for counted in tally.counted:
        by_line[counted.year, counted.donor]["counted"].append(counted.to_json())
    for whole, parts in tally.mixed:
        line = by_line[whole.years.start, whole.donor]
        line["mixed"].append([whole.to_json(), [part.to_json() for part in parts]])
    for (year, donor), content in by_line.items():
        yield orjson.dumps({"year": year, "donor": donor, **content})
    for envelope in tally.envelopes:
        span = [envelope.years.start, envelope.years.end]
        yield orjson.dumps({"years": span, "donor": envelope.donor, "envelope": envelope.to_json()})
