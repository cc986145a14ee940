"""The file formats records travel in, apart from the code that reads and writes them,
so that declaring `--format` costs a command nothing at start-up."""

from __future__ import annotations

from enum import StrEnum


class FileFormat(StrEnum):
    CSV = "csv"
    JSON = "json"
    NDJSON = "ndjson"
    SQLITE = "sqlite"
    XLSX = "xlsx"


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
    "delivery_of",
    "note",
)
"""A record's fields as files carry them: the columns of aidtrack's CSV, and the fields a
column map (`mapping`) can fill."""
