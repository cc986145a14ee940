"""The store as an SQLite database, for Datasette, sqlite-utils and DuckDB, and back.

`pledges` holds every field (amounts as exact decimal text, plus `first_year` and
`last_year`), `sources` one row per source, `rates` the rate table the figures used, and
`year_totals` what `report` counts: one row per donor, recipient, year, measure
(`promised` or `delivered`, never to be added together: filter on one), stage and
category, in the pledge's currency and converted to US$ and EUR. The converted amounts
are whole cents (integers, so that SQL sums them exactly); each donor's year, measure,
stage and currency is converted once, as `report` does, and split over its rows by their
share, so that `SUM(usd_cents) ... WHERE measure = 'promised'` of a year is the report's
total in US$ to the cent. Beside the database, `write_metadata` writes Datasette's
metadata.json: title, source, license, and a description of each table.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from .counting import Counted, Tally, count
from .errors import InvalidInput
from .model import SQL_COLUMNS, Pledge
from .rates import MissingRate, RateTable

PLEDGE_COLUMNS = tuple(name for name, _ in SQL_COLUMNS)
_PLEDGES = ",\n".join(f"    {name} {kind}" for name, kind in SQL_COLUMNS)
SCHEMA = f"""
CREATE TABLE pledges (
{_PLEDGES}
);
CREATE TABLE sources (
    pledge_id TEXT NOT NULL REFERENCES pledges(id),
    position INTEGER NOT NULL,
    url TEXT,
    date TEXT,
    quote TEXT,
    PRIMARY KEY (pledge_id, position)
);
CREATE TABLE rates (
    currency TEXT NOT NULL,
    year INTEGER NOT NULL,
    per_eur TEXT NOT NULL,
    source TEXT NOT NULL,
    provisional INTEGER NOT NULL,
    user INTEGER NOT NULL,
    PRIMARY KEY (currency, year)
);
CREATE TABLE year_totals (
    donor TEXT NOT NULL,
    recipient TEXT NOT NULL,
    year INTEGER NOT NULL,
    measure TEXT NOT NULL,
    stage TEXT NOT NULL,
    category TEXT NOT NULL,
    amount TEXT NOT NULL,
    currency TEXT NOT NULL,
    usd_cents INTEGER,
    eur_cents INTEGER
);
CREATE INDEX pledges_donor ON pledges(donor);
CREATE INDEX pledges_year ON pledges(first_year, last_year);
CREATE INDEX year_totals_donor ON year_totals(donor);
CREATE INDEX year_totals_year ON year_totals(year);
"""
MAGIC = b"SQLite format 3\x00"


def is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def export(
    path: Path,
    records: Sequence[Mapping[str, Any]],
    table: RateTable,
    counted: Tally | None = None,
) -> None:
    """Write the database of `records` (each in its JSON form, `Pledge.to_json`, as
    `Ledger.as_json` gives them) whole, readable by its owner only: built beside
    `path`, then moved in place (so SQLite's journal is not needed while building).
    `counted`: their `Tally`, when the store's year totals have it already."""
    building = path.with_name(f".{path.name}.building")
    building.unlink(missing_ok=True)
    try:
        with sqlite3.connect(building) as db:
            db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + SCHEMA)
            db.executemany(
                f"INSERT INTO pledges VALUES ({', '.join('?' * len(PLEDGE_COLUMNS))})",
                (tuple(map(record.get, PLEDGE_COLUMNS)) for record in records),
            )
            db.executemany(
                "INSERT INTO sources VALUES (?, ?, ?, ?, ?)",
                (
                    (record["id"], position, s["url"], s["date"], s["quote"])
                    for record in records
                    for position, s in enumerate(record["sources"], start=1)
                ),
            )
            db.executemany(
                "INSERT INTO rates VALUES (?, ?, ?, ?, ?, ?)",
                (
                    (r.currency, r.year, f"{r.per_eur:f}", r.source, r.provisional, r.user)
                    for r in table.rows()
                ),
            )
            db.executemany(
                "INSERT INTO year_totals VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                year_totals(counted or Tally.of(map(Pledge.from_json, records)), table),
            )
        db.close()
        building.chmod(0o600)  # an export is readable by its owner only, as the store
        os.replace(building, path)
    except sqlite3.Error as error:
        raise InvalidInput(f"cannot write {path}: {error}") from None
    except OSError as error:
        raise InvalidInput(f"cannot write {path}: {error.strerror}") from None
    finally:
        building.unlink(missing_ok=True)


def year_totals(tally: Tally, table: RateTable) -> list[tuple[Any, ...]]:
    """`report`'s counting (`tally`) as rows: donor, recipient, year, measure (promised
    or delivered, DESIGN §2a: never add the two), stage, category, amount and currency,
    US$ cents, EUR cents (None where a rate is missing); by year, then donor, so that
    the rows are the same whichever way the tally was read."""

    def between(amount: Decimal, source: str, target: str, year: int, places: int) -> Decimal:
        return table.convert(amount, source, target, year, places).amount

    counted: list[Counted] = list(tally.counted)
    for whole, parts, deliveries in tally.mixed:
        try:
            counted += count(whole, parts, deliveries, between)
        except MissingRate:
            continue  # the report cannot count it either, and says which rate is missing
    rows = sorted(
        (
            (
                *(c.donor, c.recipient, c.year, c.measure.value, c.status.value, category.value),
                *(amount, c.currency),
            )
            for c in counted
            for category, (amount, _) in c.by_category.items()
            if amount
        ),
        key=lambda row: (row[2], row[0], row[1], *row[3:6], row[7], row[6]),
    )
    usd, eur = _cents(rows, table)
    for row, *both in zip(rows, usd, eur, strict=True):
        cents = max((c for c in both if c is not None), default=0)
        if cents > SQLITE_INTEGER:
            raise InvalidInput(
                f"cannot export to SQLite: {row[0]}'s {row[2]} comes to {cents:,} cents, more "
                f"than SQLite's integers hold ({SQLITE_INTEGER:,}); check its amounts with "
                f"`aidtrack list --donor {row[0]!r} --year {row[2]}`"
            )
    return [
        (*row[:6], f"{row[6]:f}", row[7], usd[index], eur[index]) for index, row in enumerate(rows)
    ]


SQLITE_INTEGER = 2**63 - 1
"""The largest integer SQLite stores (a signed 64-bit one)."""


def _cents(
    rows: Sequence[tuple[Any, ...]], table: RateTable
) -> tuple[list[int | None], list[int | None]]:
    """Each row's amount in US$ and in euro cents: each donor's year, stage and currency
    converted once (as `report` converts it), split over its rows by largest remainder."""
    buckets: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for index, (donor, _, year, measure, stage, _, _, currency) in enumerate(rows):
        buckets[donor, year, measure, stage, currency].append(index)
    usd: list[int | None] = [None] * len(rows)
    eur: list[int | None] = [None] * len(rows)
    for (_, year, _, _, currency), members in buckets.items():
        amounts = [rows[i][6] for i in members]
        total = sum(amounts, Decimal(0))
        for target, cents in (("USD", usd), ("EUR", eur)):
            try:
                converted = table.convert(total, currency, target, year, 2).amount
            except MissingRate:
                continue
            for index, share in zip(members, _split(converted, amounts), strict=True):
                cents[index] = share
    return usd, eur


def _split(total: Decimal, weights: Sequence[Decimal]) -> Iterator[int]:
    """`total` (to the cent) in whole cents over `weights`, adding up exactly."""
    whole = int(total * 100)
    base = sum(weights, Decimal(0))
    exact = [whole * weight / base for weight in weights]
    floors = [int(value) for value in exact]
    left = whole - sum(floors)
    order = sorted(range(len(exact)), key=lambda i: exact[i] - floors[i], reverse=True)
    for i in order[:left]:
        floors[i] += 1
    yield from floors


METADATA = "metadata.json"
"""Datasette's metadata file, written beside the database (`datasette . ` reads it from
a folder; `datasette pledges.db -m metadata.json` names it)."""
ABOUT = "aidtrack"
"""The `about` of a metadata.json that aidtrack wrote, and may therefore rewrite."""
LICENSE = ("MIT", "https://opensource.org/license/mit")
"""aidtrack's license (pyproject.toml), under which its shipped data comes."""

TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "pledges": (
        "Every record exported, one row each: pledges, their revisions (supersedes), "
        "breakdowns (part_of) and deliveries (delivery_of). Amounts are exact decimal "
        "text in the record's own currency: never add them across currencies, nor a "
        "whole with its parts, nor versions of one pledge; year_totals has the sums.",
        {
            "id": "Stable id of the record, never reused.",
            "donor": "Donor country or institution (canonical name).",
            "donor_code": "ISO 3166 alpha-3 code of the donor, where it has one.",
            "recipient": "Recipient country (canonical name).",
            "recipient_code": "ISO 3166 alpha-3 code of the recipient.",
            "first_year": "The year of the pledge, or the first of a multi-year envelope.",
            "last_year": "The same as first_year, or the last year of an envelope "
            "(an envelope is never added to a single year).",
            "amount": "Exact decimal text, as the source said it, in `currency`.",
            "currency": "ISO 4217 code of `amount`.",
            "qualifier": "exact, about, at_least or up_to: how the source hedged the amount.",
            "status": "Stage reached: announced, committed, allocated or disbursed "
            "(allocated and disbursed are delivered money).",
            "category": "military, financial, humanitarian, civilian or mixed.",
            "instrument": "grant, loan, guarantee, in_kind or unspecified.",
            "supersedes": "The id of the version this record revised (that one no longer counts).",
            "part_of": "The id of the whole this record is a breakdown of (it splits "
            "the whole into categories and never adds to it).",
            "delivery_of": "The id of the pledge this money was delivered against.",
        },
    ),
    "sources": (
        "The sources of each record, in order: where the figure was published.",
        {
            "pledge_id": "The record (pledges.id).",
            "position": "1 for the record's first source, 2 for the next...",
            "url": "Where the figure was published.",
            "date": "The date of the source.",
            "quote": "The sentence quoted from it.",
        },
    ),
    "rates": (
        "The exchange rates the converted figures used: yearly averages, units of "
        "`currency` per 1 EUR.",
        {
            "per_eur": "Units of `currency` per 1 EUR (exact decimal text).",
            "provisional": "1 for the current year's average, still running.",
            "user": "1 for a rate the user set (`aidtrack rates set`).",
        },
    ),
    "year_totals": (
        "What `aidtrack report` counts: one row per donor, recipient, year, measure, "
        "stage and category. Always filter on `measure` (WHERE measure = 'promised', "
        "or 'delivered') and never sum across measures: delivered money is also "
        "promised money, so adding the two counts it twice.",
        {
            "measure": "promised (everything pledged, once, in its year) or delivered "
            "(what reached allocated or disbursed, in the year it did): filter on "
            "one, never add the two.",
            "stage": "The stage of the counted records.",
            "category": "The category (a whole's parts split it).",
            "amount": "Exact decimal text, in `currency` (the records' own).",
            "usd_cents": "The amount in US$ cents at the year's average rate (integer, "
            "so sums are exact); empty where a rate is missing.",
            "eur_cents": "The amount in euro cents, likewise.",
        },
    ),
}
"""Each table's description, and its important columns' descriptions, for Datasette."""


def metadata(name: str, table: RateTable) -> dict[str, Any]:
    """Datasette metadata for the database `name` (its file name without extension)."""
    rate_sources = sorted({rate.source for rate in table.rows() if not rate.user})
    license_name, license_url = LICENSE
    facets = {"pledges": ["donor", "status"], "year_totals": ["measure", "year"]}
    return {
        "title": "Aid pledges",
        "description": "Aid pledges between countries by year, exported by aidtrack: "
        "each record with its sources, the exchange rates used, and the year totals "
        "its reports count (filter year_totals on measure; never add promised and "
        "delivered).",
        "about": ABOUT,
        "source": "The records' own sources (table sources); exchange rates: "
        + ("; ".join(rate_sources) or "the user's own"),
        "license": license_name,
        "license_url": license_url,
        "databases": {
            name: {
                "tables": {
                    table_name: {
                        "description": description,
                        "columns": columns,
                        **({"facets": facets[table_name]} if table_name in facets else {}),
                    }
                    for table_name, (description, columns) in TABLES.items()
                }
            }
        },
    }


def write_metadata(path: Path, table: RateTable) -> Path | None:
    """Write (or bring up to date) the Datasette metadata.json beside the database at
    `path`: its path, or None when a metadata.json is there that aidtrack did not
    write (it is left alone). Another database's entry in ours is kept."""
    import json

    from .store import refuse_irregular, write_atomically

    target = path.with_name(METADATA)
    ours = metadata(path.stem, table)
    try:
        refuse_irregular(target)  # a pipe of that name would block the read for ever
        existing = json.loads(target.read_text(encoding="utf-8"))
    except FileNotFoundError:
        existing = None
    except (OSError, ValueError):
        return None
    if existing is not None:
        if not isinstance(existing, dict) or existing.get("about") != ABOUT:
            return None
        others = existing.get("databases")
        if isinstance(others, dict):
            ours["databases"] = {**others, **ours["databases"]}
    try:
        write_atomically(target, (json.dumps(ours, indent=2, ensure_ascii=False) + "\n").encode())
    except OSError as error:
        raise InvalidInput(f"cannot write {target}: {error.strerror}") from None
    return target


STEPS = 1_000_000_000
"""The most SQLite steps an import reads a database with: an export of 100,000 records
takes 3 million."""
_EVERY = 10_000
"""Steps between two checks of the count and of Ctrl-C."""


def records(path: Path) -> list[dict[str, Any]]:
    """An exported database's pledges as JSON records (with their sources), for import.
    Only stored tables are read: a view or a computed column runs the file's own query,
    which may never end (a recursive view), and a virtual table some module's code."""
    try:
        with _reading(path) as db:
            for table in ("pledges", "sources"):
                _check_stored(db, table, path)
            pledges = [dict(row) for row in db.execute("SELECT * FROM pledges ORDER BY rowid")]
            sources: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for row in db.execute("SELECT * FROM sources ORDER BY pledge_id, position"):
                sources[row["pledge_id"]].append(
                    {"url": row["url"], "date": row["date"], "quote": row["quote"]}
                )
    except sqlite3.Error as error:
        raise InvalidInput(f"{path} is not a database aidtrack exported: {error}") from None
    found = []
    for pledge in pledges:
        first, last = pledge.pop("first_year"), pledge.pop("last_year")
        years = {"year": first} if first == last else {"years": [first, last]}
        found.append({**pledge, **years, "sources": sources.get(pledge["id"], [])})
    return found


def _check_stored(db: sqlite3.Connection, table: str, path: Path) -> None:
    """`table` is a table whose every column is stored, as an export's are (a missing
    one is SQLite's "no such table" when it is read)."""
    refused = f"{path} is not a database aidtrack exported: its {table}"
    for kind, sql in db.execute(
        "SELECT type, sql FROM sqlite_master WHERE type IN ('table', 'view') "
        "AND name = ? COLLATE NOCASE",
        (table,),
    ):
        virtual = kind == "table" and (sql or "").upper().startswith("CREATE VIRTUAL")
        if kind != "table" or virtual:
            shown = "virtual table" if virtual else kind
            raise InvalidInput(f"{refused} is a {shown}, not a stored table")
    computed = db.execute(
        "SELECT name FROM pragma_table_xinfo(?) WHERE hidden IN (2, 3)", (table,)
    ).fetchone()
    if computed is not None:
        raise InvalidInput(f"{refused}.{computed[0]} is computed (a generated column), not stored")


@contextlib.contextmanager
def _reading(path: Path) -> Iterator[sqlite3.Connection]:
    """`path` opened read-only by its path (in a URI built from a name, `#`, `?` and `%`
    would end or change the name, and open or create another file), and read in at
    most `STEPS` steps. Ctrl-C and SIGTERM stop it at the next check, then reach the
    handlers there were: inside SQLite they cannot run."""
    caught: list[int] = []
    steps = 0

    def check() -> bool:
        nonlocal steps
        steps += _EVERY
        return bool(caught) or steps > STEPS

    with _signals_noted(caught):
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            db.row_factory = sqlite3.Row
            db.set_progress_handler(check, _EVERY)
            yield db
        except sqlite3.OperationalError:
            if steps > STEPS and not caught:
                raise InvalidInput(
                    f"{path}: reading it took more than {STEPS:,} steps of SQLite (an export "
                    "of 100,000 records takes 3 million); it is not a database aidtrack exported"
                ) from None
            raise
        finally:
            db.close()


@contextlib.contextmanager
def _signals_noted(caught: list[int]) -> Iterator[None]:
    """Ctrl-C and SIGTERM (those not ignored) noted in `caught` while the block runs, then
    delivered to the handlers there were."""
    handlers = {
        signum: signal.getsignal(signum)
        for signum in (signal.SIGINT, signal.SIGTERM)
        if signal.getsignal(signum) != signal.SIG_IGN
    }
    for signum in handlers:
        signal.signal(signum, lambda number, _: caught.append(number))
    try:
        yield
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
        if caught:
            signal.raise_signal(caught[0])
