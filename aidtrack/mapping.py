"""Other people's files: their column names and their words, mapped onto a record.

A tracker's spreadsheet calls the donor "Donor country", the stage "measure" with words
like `Commitment`, and dates its rows `2024-03-15`. A `ColumnMap` says which column is
which field (`--map donor="Donor country"`), which fields are the same for every row
(`--set recipient=Ukraine`), and what their words mean (`--value category:Weapons=military`);
it turns each row into the fields `model.Builder` checks, as `add` and `import` do.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from . import money
from .errors import InvalidInput
from .formats import CSV_COLUMNS
from .model import Category, Status

FIELDS = CSV_COLUMNS
# The words trackers and ministries use for aidtrack's stages and categories.
WORDS: dict[str, dict[str, str]] = {
    "status": {
        "pledge": Status.ANNOUNCED,
        "pledged": Status.ANNOUNCED,
        "announcement": Status.ANNOUNCED,
        "announced": Status.ANNOUNCED,
        "commitment": Status.COMMITTED,
        "committed": Status.COMMITTED,
        "allocation": Status.ALLOCATED,
        "allocated": Status.ALLOCATED,
        "disbursement": Status.DISBURSED,
        "disbursed": Status.DISBURSED,
        "delivery": Status.DISBURSED,
        "delivered": Status.DISBURSED,
        "paid": Status.DISBURSED,
        "payment": Status.DISBURSED,
        # IATI transaction types (codes and names): pledges, commitments, disbursements.
        "12": Status.ANNOUNCED,
        "11": Status.ANNOUNCED,
        "outgoing pledge": Status.ANNOUNCED,
        "incoming commitment": Status.ANNOUNCED,
        "2": Status.COMMITTED,
        "outgoing commitment": Status.COMMITTED,
        "3": Status.DISBURSED,
        "4": Status.DISBURSED,
        "expenditure": Status.DISBURSED,
    },
    "category": {
        "military": Category.MILITARY,
        "humanitarian": Category.HUMANITARIAN,
        "financial": Category.FINANCIAL,
        "budget support": Category.FINANCIAL,
        "civilian": Category.CIVILIAN,
        "mixed": Category.MIXED,
    },
}
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?")


@dataclass(frozen=True)
class ColumnMap:
    """Which column is which field, the fields every row shares, and the words' meaning."""

    columns: Mapping[str, str] = field(default_factory=dict)
    constants: Mapping[str, str] = field(default_factory=dict)
    words: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """By field, a file's word (lower case) -> aidtrack's."""

    @classmethod
    def parse(
        cls,
        maps: Iterable[str] = (),
        sets: Iterable[str] = (),
        values: Iterable[str] = (),
        mapping_file: str | None = None,
    ) -> ColumnMap:
        """From `--map FIELD=COLUMN`, `--set FIELD=VALUE`, `--value FIELD:WORD=OURS`, laid
        over a TOML mapping file (`[map]`, `[set]`, `[values.FIELD]`)."""
        columns: dict[str, str] = {}
        constants: dict[str, str] = {}
        words: dict[str, dict[str, str]] = {}
        if mapping_file is not None:
            try:
                document = tomllib.loads(mapping_file)
            except tomllib.TOMLDecodeError as error:
                raise InvalidInput(f"the mapping file is not TOML: {error}") from None
            columns.update(_strings(document.get("map", {}), "[map]"))
            constants.update(_strings(document.get("set", {}), "[set]"))
            for name, table in dict(document.get("values", {})).items():
                words.setdefault(name, {}).update(
                    {k.lower(): v for k, v in _strings(table, f"[values.{name}]").items()}
                )
        columns.update(_pairs(maps, "--map", "FIELD=COLUMN"))
        constants.update(_pairs(sets, "--set", "FIELD=VALUE"))
        for option in values:
            target, _, word = option.partition(":")
            pair = _pairs([word], "--value", "FIELD:WORD=VALUE")
            for foreign, ours in pair.items():
                words.setdefault(target.strip(), {})[foreign.lower()] = ours
        for name in (*columns, *constants, *words):
            if name not in FIELDS:
                raise InvalidInput(f"no field {name!r} to map; the fields are {', '.join(FIELDS)}")
        return cls(columns, constants, words)

    @property
    def given(self) -> bool:
        return bool(self.columns or self.constants or self.words)

    def columns_needed(self) -> list[str]:
        return list(self.columns.values())

    def fields(self, row: Mapping[str, str], where: str) -> dict[str, str]:
        """A file's row as the fields of a record: mapped columns, then the constants,
        then aidtrack's own column names; a date as `year` also gives `announced_on`."""
        found: dict[str, str] = {}
        for name in FIELDS:
            if name in self.columns:
                value = row.get(self.columns[name], "")
            elif name in self.constants:
                value = self.constants[name]
            elif not self.columns and name in row:
                value = row[name]
            else:
                continue
            value = value.strip()
            if value:
                found[name] = value
        year = found.get("year", "")
        date = _ISO_DATE.fullmatch(year)
        if date:
            found["year"] = date[1]
            found.setdefault("announced_on", f"{date[1]}-{date[2]}-{date[3]}")
        for name in ("status", "category"):
            if name in found:
                found[name] = self.word(name, found[name], where)
        return found

    def word(self, name: str, word: str, where: str) -> str:
        """A file's word for a stage or category as aidtrack's, in any case."""
        key = " ".join(word.lower().replace("_", " ").split())
        own = self.words.get(name, {})
        if key in own:
            return own[key]
        if key in WORDS[name]:
            return str(WORDS[name][key])
        known = sorted({*WORDS[name], *own})
        raise InvalidInput(
            f"{where}: {name} {word!r} is not a word aidtrack knows; it knows "
            f"{', '.join(known)} (map another: --value {name}:{word.replace(' ', '_')}=...)"
        )


def _pairs(options: Iterable[str], flag: str, shape: str) -> dict[str, str]:
    found = {}
    for option in options:
        key, equals, value = option.partition("=")
        if not equals or not key.strip() or not value.strip():
            raise InvalidInput(f"{flag} {option!r}: write it as {shape}")
        found[key.strip()] = value.strip().strip('"')
    return found


def _strings(table: object, where: str) -> dict[str, str]:
    if not isinstance(table, Mapping) or not all(isinstance(v, str) for v in table.values()):
        raise InvalidInput(f'the mapping file\'s {where} must hold names = "text"')
    return {str(k): str(v) for k, v in table.items()}


def content_id(fields: Mapping[str, str]) -> str:
    """An id from what a row says, so that importing the same file twice adds nothing."""
    said = "\x1f".join(f"{name}={fields.get(name, '')}" for name in FIELDS if name != "id")
    return "m-" + hashlib.blake2s(said.encode(), digest_size=6).hexdigest()


def empty_amount(fields: Mapping[str, str]) -> bool:
    """No amount, or zero: a row `--skip-empty` leaves out."""
    amount = fields.get("amount", "")
    if not amount:
        return True
    try:
        return Decimal(amount.replace(",", "")) == 0
    except InvalidOperation:
        return False


def rounded(fields: dict[str, str]) -> bool:
    """Round an amount with float artefacts (`23417159.978473667`) half-even to its
    currency's minor unit; whether it had to."""
    amount, currency = fields.get("amount", ""), fields.get("currency", "")
    if not re.fullmatch(r"\d+\.\d+", amount) or not currency:
        return False
    try:
        places = money.minor_unit(money.normalize_currency(currency))
    except InvalidInput:
        return False
    value = Decimal(amount)
    exact = money.quantize(value, places)
    if exact == value:
        return False
    fields["amount"] = f"{exact:f}"
    return True


def header_row(rows: Sequence[Sequence[str]], wanted: Iterable[str]) -> int:
    """The index of the first row that holds every wanted column name (the header of a
    spreadsheet with a title above its table)."""
    names = {name.strip() for name in wanted}
    for index, row in enumerate(rows[:50]):
        cells = {str(cell).strip() for cell in row if cell is not None}
        if names <= cells:
            return index
    raise InvalidInput(
        "no row in the first 50 holds every mapped column ("
        + ", ".join(sorted(names))
        + "); give the header's row with --header-row N"
    )


def as_text(cell: Any) -> str:
    """A spreadsheet cell as text: dates as ISO, numbers without float noise."""
    import datetime as dt

    if cell is None:
        return ""
    if isinstance(cell, dt.datetime | dt.date):
        return cell.isoformat()[:10]
    if isinstance(cell, float):
        return repr(cell) if not cell.is_integer() else str(int(cell))
    return str(cell)
