"""Other people's files: their column names and their words, mapped onto a record.

A tracker's spreadsheet calls the donor "Donor country", the stage "measure" with words
like `Commitment`, and dates its rows `2024-03-15`. A `ColumnMap` says which column is
which field (`--map donor="Donor country"`; a column already named as aidtrack names a
field maps itself), which fields are the same for every row (`--set recipient=Ukraine`),
what their words mean (`--value category:Weapons=military`, `--value donor:'EU
(Commission and Council)'='EU institutions'`), the unit of the amounts (`--scale
million`) and which rows are no records (`--skip-if donor=Total`); it turns each row
into the fields `model.Builder` checks, as `add` and `import` do.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from . import money
from .errors import InvalidInput
from .model import CSV_COLUMNS, RECORD, Category, Status, choice

FIELDS = CSV_COLUMNS
"""The fields a map fills: those files carry."""
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
VALUE_FIELDS = tuple(f.name for f in RECORD if f.words)
"""The closed fields: a file's words for them can be mapped (`--value FIELD:WORD=OURS`)."""
_CHOICES = {f.name: f.choices for f in RECORD if f.choices is not None}
"""The closed fields of a fixed list of words, and their words."""
_ADDED_LATER = frozenset(column for f in RECORD if f.added_later for column in f.csv)
"""The columns of fields added later: a content id names them only when given."""
ALIASES = {"stage": "status"}
"""Another name of a field in a map (the design calls the status a stage)."""
SCALES = {
    "thousand": Decimal(1000),
    "thousands": Decimal(1000),
    "k": Decimal(1000),
    "million": Decimal(10**6),
    "millions": Decimal(10**6),
    "m": Decimal(10**6),
    "mn": Decimal(10**6),
    "billion": Decimal(10**9),
    "billions": Decimal(10**9),
    "bn": Decimal(10**9),
}
# A column whose name says its amounts are in millions or billions: `Amount (EUR m)`,
# `value mn`, `Betrag (Mill. EUR)`, `USD bn`.
_SCALED_NAME = re.compile(
    r"(?i)(?:\bm\)|(?-i:[A-Z€$£]m\))|\bmn\b|\bmill?\.|\bmillions?\b|\bmio\b|\bbn\b"
    r"|(?-i:[A-Z€$£]bn\b)|\bbillions?\b|\bmrd\b|\bthousands?\b)"
)
_PLAIN_NUMBER = re.compile(r"([-\u2212]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?")


@dataclass(frozen=True)
class ColumnMap:
    """Which column is which field, the fields every row shares, the words' meaning, the
    unit of the amounts and the rows that are no records."""

    columns: Mapping[str, str] = field(default_factory=dict)
    """By field, the file's column (an empty column: the field is read from none)."""
    constants: Mapping[str, str] = field(default_factory=dict)
    words: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    """By field, a file's word (folded by `_key`) -> aidtrack's."""
    scale: Decimal | None = None
    """What each amount is multiplied by (`--scale million`), or None."""
    skips: tuple[tuple[str, str], ...] = ()
    """(column, value): a row whose cell in the column is the value (any case) is left out."""
    _seen: dict[tuple[str, str], str] = field(
        default_factory=dict, compare=False, repr=False, hash=False
    )

    @classmethod
    def parse(
        cls,
        maps: Iterable[str] = (),
        sets: Iterable[str] = (),
        values: Iterable[str] = (),
        mapping_file: str | None = None,
        *,
        scale: str | None = None,
        skips: Iterable[str] = (),
    ) -> ColumnMap:
        """From `--map FIELD=COLUMN`, `--set FIELD=VALUE`, `--value FIELD:WORD=OURS`,
        `--scale UNIT` and `--skip-if COLUMN=VALUE`, laid over a TOML mapping file
        (`[map]`, `[set]`, `[values.FIELD]`, `scale = "million"`, `[[skip]]` tables of
        `column` and `value`)."""
        columns: dict[str, str] = {}
        constants: dict[str, str] = {}
        words: dict[str, dict[str, str]] = {}
        skipped: list[tuple[str, str]] = []
        factor: Decimal | None = None
        if mapping_file is not None:
            try:
                document = tomllib.loads(mapping_file)
            except tomllib.TOMLDecodeError as error:
                raise InvalidInput(f"the mapping file is not TOML: {error}") from None
            columns.update(_fields(_strings(document.get("map", {}), "[map]")))
            constants.update(_fields(_strings(document.get("set", {}), "[set]")))
            for name, table in dict(document.get("values", {})).items():
                for foreign, ours in _strings(table, f"[values.{name}]").items():
                    _add_word(words, name, foreign, ours, f"[values.{name}]")
            if "scale" in document:
                factor = _scale(document["scale"], "the mapping file's scale")
            skipped += _skip_tables(document.get("skip", []))
        columns.update(_fields(_pairs(maps, "--map", "FIELD=COLUMN", empty=True)))
        constants.update(_fields(_pairs(sets, "--set", "FIELD=VALUE")))
        for option in values:
            target, colon, word = option.partition(":")
            if not colon:
                raise InvalidInput(f"--value {option!r}: write it as FIELD:WORD=VALUE")
            for foreign, ours in _pairs([word], "--value", "FIELD:WORD=VALUE").items():
                _add_word(words, target, foreign, ours, "--value")
        for option in skips:
            column, equals, value = option.partition("=")
            if not equals or not column.strip():
                raise InvalidInput(f"--skip-if {option!r}: write it as COLUMN=VALUE")
            skipped.append((column.strip(), _unquoted(value.strip())))
        if scale is not None:
            factor = _scale(scale, "--scale")
        for name in (*columns, *constants):
            if name not in FIELDS:
                raise InvalidInput(f"no field {name!r} to map; the fields are {', '.join(FIELDS)}")
        return cls(columns, constants, words, factor, tuple(skipped))

    @property
    def given(self) -> bool:
        return bool(
            self.columns or self.constants or self.words or self.scale is not None or self.skips
        )

    def columns_needed(self) -> list[str]:
        """The file's columns the map names: its header must hold them all."""
        named = [column for column in self.columns.values() if column]
        return named + [column for column, _ in self.skips if column not in named]

    def skipped(self, row: Mapping[str, str]) -> bool:
        """Whether a `--skip-if` rule leaves this row out (a `Total` row)."""
        return any(
            row.get(column, "").strip().casefold() == value.casefold()
            for column, value in self.skips
        )

    def amount_column(self, columns: Iterable[str]) -> str | None:
        """The file's column the amounts come from, if any."""
        if "amount" in self.constants:
            return None
        if "amount" in self.columns:
            return self.columns["amount"] or None
        return "amount" if "amount" in columns else None

    def scale_warning(self, columns: Iterable[str]) -> str | None:
        """A warning when the amounts' column says they are in millions (or billions)
        and no scale is given: `7100` in `Amount (EUR m)` is EUR 7.1bn, not 7,100."""
        column = self.amount_column(columns)
        if self.scale is not None or column is None or not _SCALED_NAME.search(column):
            return None
        return (
            f"the amount column {column!r} looks like it counts in millions or billions, "
            "but no scale is given: its amounts are read as they are written (for EUR "
            '7.1bn written 7100: --scale million, or scale = "million" in the mapping '
            "file; --scale 1 if they are whole amounts)"
        )

    def fields(self, row: Mapping[str, str], where: str) -> dict[str, str]:
        """A file's row as the fields of a record: mapped columns, then the constants,
        then the columns named as aidtrack names a field; a date as `year` also gives
        `announced_on`; words mapped, the amount scaled."""
        found: dict[str, str] = {}
        for name in FIELDS:
            if name in self.columns:
                value = row.get(self.columns[name], "")
            elif name in self.constants:
                value = self.constants[name]
            elif name in row:
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
        for name in VALUE_FIELDS:
            if name in found:
                found[name] = self.word(name, found[name], where)
        if self.scale is not None and "amount" in found:
            found["amount"] = scaled(found["amount"], self.scale, where)
        return found

    def word(self, name: str, word: str, where: str) -> str:
        """A file's word for a closed field as aidtrack's, in any case: the map's, else
        (for a stage or category) a tracker's word aidtrack knows, else the word itself
        (checked with the record). A stage or category word nobody knows is an error."""
        seen = self._seen.get((name, word))
        if seen is not None:
            return seen
        key = _key(word)
        own = self.words.get(name, {})
        if key in own:
            ours = own[key]
        elif name not in WORDS:
            ours = word
        elif key in WORDS[name]:
            ours = str(WORDS[name][key])
        else:
            known = sorted({*WORDS[name], *own})
            raise InvalidInput(
                f"{where}: {name} {word!r} is not a word aidtrack knows; it knows "
                f"{', '.join(known)} (map another: --value {name}:{word.replace(' ', '_')}=...)"
            )
        self._seen[name, word] = ours
        return ours


def _key(word: str) -> str:
    """A word as maps compare it: any case, `_` as a space, spaces collapsed."""
    return " ".join(word.casefold().replace("_", " ").split())


def _add_word(
    words: dict[str, dict[str, str]], target: str, foreign: str, ours: str, where: str
) -> None:
    """One value map, its field and its value checked now rather than in every row."""
    name = ALIASES.get(target.strip(), target.strip())
    if name not in VALUE_FIELDS:
        raise InvalidInput(
            f"{where} {target.strip()}:{foreign}={ours}: no closed field {target.strip()!r}; "
            f"values are mapped for {', '.join(VALUE_FIELDS)}"
        )
    words.setdefault(name, {})[_key(foreign)] = _ours(name, ours, f"{where} {name}:{foreign}")


def _ours(name: str, value: str, where: str) -> str:
    """The value a word maps to, checked: a known donor, a currency code, a stage."""
    from . import places

    try:
        if name in ("donor", "recipient"):
            return places.resolve(value, role=name).name
        if name == "currency":
            return money.normalize_currency(value)
        if name in WORDS and _key(value) in WORDS[name]:
            return str(WORDS[name][_key(value)])
        return str(choice(_CHOICES[name], value, what=name))
    except InvalidInput as error:
        raise InvalidInput(f"{where}={value}: {error}") from None


def _fields(pairs: Mapping[str, str]) -> dict[str, str]:
    return {ALIASES.get(name, name): value for name, value in pairs.items()}


def _scale(value: object, where: str) -> Decimal:
    """`million`, `billion`, `thousand` or a positive number (text or a TOML integer;
    never a float, which is not exact)."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise InvalidInput(
            f'{where} must be a word or a number written as text: "million", "billion", '
            '"thousand" or "1000000"'
        )
    word = value.strip().lower()
    if word in SCALES:
        return SCALES[word]
    try:
        factor = Decimal(word.replace(",", "").replace("_", ""))
    except InvalidOperation:
        factor = Decimal(0)
    if not factor.is_finite() or factor <= 0:
        raise InvalidInput(
            f"{where} {value!r} is not a scale: write million, billion, thousand or a "
            "positive number such as 1000000"
        )
    return factor


def scaled(amount: str, factor: Decimal, where: str) -> str:
    """A plain number times the scale, exactly (`7,100.5` million -> `7100500000`)."""
    match = _PLAIN_NUMBER.fullmatch(amount)
    if not match or not (match[2] or match[3]):
        raise InvalidInput(
            f"{where}, field amount: {amount!r} is not a plain number, so it cannot be "
            "scaled (--scale multiplies numbers such as 7100 or 7,100.5)"
        )
    sign = "-" if match[1] else ""
    value = Decimal(sign + match[2].replace(",", "") + (match[3] or "")) * factor
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _skip_tables(tables: object) -> list[tuple[str, str]]:
    """The mapping file's `[[skip]]` tables: `column = "donor"`, `value = "Total"`."""
    items = tables if isinstance(tables, list) else [tables]
    found = []
    for table in items:
        if (
            not isinstance(table, Mapping)
            or set(table) != {"column", "value"}
            or not all(isinstance(v, str) for v in table.values())
        ):
            raise InvalidInput(
                'the mapping file\'s [[skip]] tables must each hold column = "NAME" and '
                'value = "TEXT"'
            )
        found.append((str(table["column"]).strip(), str(table["value"]).strip()))
    return found


def _unquoted(text: str) -> str:
    return text[1:-1] if len(text) > 1 and text[0] == text[-1] and text[0] in "\"'" else text


def _pairs(options: Iterable[str], flag: str, shape: str, *, empty: bool = False) -> dict[str, str]:
    """`KEY=VALUE` options; `empty` allows `KEY=` (a field read from no column)."""
    found = {}
    for option in options:
        key, equals, value = option.partition("=")
        if not equals or not key.strip() or not (value.strip() or empty):
            raise InvalidInput(f"{flag} {option!r}: write it as {shape}")
        found[_unquoted(key.strip())] = _unquoted(value.strip())
    return found


def _strings(table: object, where: str) -> dict[str, str]:
    if not isinstance(table, Mapping) or not all(isinstance(v, str) for v in table.values()):
        raise InvalidInput(f'the mapping file\'s {where} must hold names = "text"')
    return {str(k): str(v) for k, v in table.items()}


def content_id(fields: Mapping[str, str], occurrence: int = 1) -> str:
    """An id from what a row says and, for the second and later of identical rows, which
    of them it is (`occurrence`), so that importing the same file twice adds nothing and
    identical rows (two deliveries of one value on one day) are each a record. A field
    added later counts only when the row gives it, so that the ids made before it stay."""
    said = "\x1f".join(
        f"{name}={fields.get(name, '')}"
        for name in FIELDS
        if name != "id" and (fields.get(name) or name not in _ADDED_LATER)
    )
    if occurrence > 1:
        said += f"\x1e{occurrence}"
    return "m-" + hashlib.blake2s(said.encode(), digest_size=6).hexdigest()


def correction(fields: Mapping[str, str]) -> bool:
    """Whether the row's amount is negative: a tracker's correction of earlier rows."""
    return fields.get("amount", "")[:1] in ("-", "\u2212")


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
    if not re.fullmatch(r"-?\d+\.\d+", amount) or not currency:
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


def mapping_text(value: str, read: Callable[[str], str]) -> str:
    """The TOML of `--mapping VALUE`: the file `read` gives, or, when VALUE is a bare
    name and no such file exists, the shipped preset of that name (`presets`); a name
    that is neither is an error naming the presets."""
    from pathlib import Path

    from . import presets

    if value == "-" or not presets.is_name(value) or Path(value).exists():
        return read(value)
    text = presets.text_of(value)
    if text is None:
        raise presets.unknown(value)
    return text
