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
