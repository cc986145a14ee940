"""Records in and out of files: CSV, JSON and NDJSON (DESIGN §4, `import` / `export`).

The CSV columns are those of the shipped dataset (`data/pledges-starter.csv`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from .model import Pledge

CSV_COLUMNS = (
    "id",
    "donor",
    "recipient",
    "year",
    "amount",
    "currency",
    "qualifier",
    "status",
    "category",
    "label",
    "instrument",
    "announced_on",
    "source_url",
    "source_date",
    "quote",
    "supersedes",
    "part_of",
    "note",
)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading `'` (OWASP advice)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def csv_rows(pledge: Pledge) -> list[dict[str, str]]:
    """One CSV row per source (the first row carries the record; see README)."""
    base = {
        "id": pledge.id,
        "donor": pledge.donor,
        "recipient": pledge.recipient,
        "year": pledge.year_label,
        "amount": f"{pledge.amount:f}",
        "currency": pledge.currency,
        "qualifier": pledge.qualifier.value,
        "status": pledge.status.value,
        "category": pledge.category.value,
        "label": pledge.label or "",
        "instrument": pledge.instrument.value,
        "announced_on": pledge.announced_on or "",
        "supersedes": pledge.supersedes or "",
        "part_of": pledge.part_of or "",
        "note": pledge.note or "",
    }
    sources = pledge.sources or (None,)
    rows = []
    for source in sources:
        row = dict(base)
        row["source_url"] = (source.url or "") if source else ""
        row["source_date"] = (source.date or "") if source else ""
        row["quote"] = (source.quote or "") if source else ""
        rows.append(row)
    return rows


def csv_text(pledges: Iterable[Pledge]) -> str:
    """The records as CSV, formula cells neutralised."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for pledge in pledges:
        for row in csv_rows(pledge):
            writer.writerow({key: neutralise(value) for key, value in row.items()})
    return buffer.getvalue()


def table_csv_text(rows: Iterable[dict[str, Any]], columns: Iterable[str]) -> str:
    """Any tidy table (report rows, rate rows) as CSV, formula cells neutralised."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {key: neutralise("" if value is None else str(value)) for key, value in row.items()}
        )
    return buffer.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
