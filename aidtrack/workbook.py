"""Excel workbooks out: `export --format xlsx` and `report --format xlsx` (openpyxl,
loaded only by the commands that write one).

Every sheet is a tidy table under one frozen header row. Amounts are numbers (a `Decimal`
as openpyxl writes it: a spreadsheet holds 15 significant digits), each with its
currency in a column of its own, never added across currencies; the records and year
totals also keep each amount's exact decimal text (`amount_exact`), for figures with
more digits than a spreadsheet holds. Text is written as text: a note that starts with
`=` is never a formula. A cell Excel cannot hold (longer than 32,767 characters, or with
a control character) refuses the export in one line, naming the record, rather than
being cut.

The records sheet comes first, with aidtrack's own column names, so that
`aidtrack import pledges.xlsx` reads it back (`--map amount=amount_exact` for every
digit; each record's first source travels with it, the `sources` sheet lists them all).
"""

from __future__ import annotations

import datetime as dt
import io
import operator
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from .counting import Tally
from .database import year_totals
from .errors import InvalidInput
from .model import AMOUNT, DATE, LINK, OPTIONAL_TEXT, RECORD, SOURCES, TEXT, YEARS, Pledge, Source
from .rates import RateTable

if TYPE_CHECKING:
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

_SHEET_COLUMNS = {
    "years": ("year", "first_year", "last_year"),
    "currency": ("currency", "amount_exact"),
    "sources": ("source_url", "source_date", "quote", "sources"),
}
"""The fields the records sheet gives more than their own column: `year` is `2026` or
`2023-2027`, `amount_exact` the amount's every digit as text; `source_url`, `source_date`
and `quote` are the first source's, `sources` how many the record has."""
RECORD_COLUMNS = tuple(column for f in RECORD for column in _SHEET_COLUMNS.get(f.name, (f.name,)))
"""The records sheet: a record's fields in their order."""
_GIVEN_TEXTS = operator.attrgetter(
    *(f.name for f in RECORD if f.kind in (TEXT, OPTIONAL_TEXT, LINK, DATE))
)
"""The texts of a record that a person or a file gave."""
SOURCE_COLUMNS = ("pledge_id", "position", "url", "date", "quote")
TOTAL_COLUMNS = (
    "donor",
    "recipient",
    "year",
    "measure",
    "stage",
    "category",
    "amount",
    "currency",
    "amount_exact",
    "usd",
    "eur",
)
RATE_COLUMNS = ("currency", "year", "per_eur", "source", "provisional", "user")
MAX_CELL = 32_767  # characters Excel holds in a cell
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters XML cannot hold
MONEY_FORMAT = "#,##0.00"
PERCENT_FORMAT = "0.0"  # a percentage figure (12.5 is 12.5%)

ABOUT_EXPORT = (
    ("What", "Aid pledges exported by aidtrack, with their sources."),
    ("pledges", "One row per record (its first source inline; `sources` counts them)."),
    ("sources", "One row per source of a record."),
    (
        "year_totals",
        "What `aidtrack report` counts, per donor, recipient, year, measure, stage and "
        "category. Filter on `measure` (promised or delivered) and never add the two: "
        "delivered money is also promised money.",
    ),
    ("rates", "The exchange rates the US$ and EUR figures used (units per 1 EUR)."),
    (
        "amounts",
        "Numbers in their own currency (see `currency`); `amount_exact` keeps every digit as text.",
    ),
)


def export_workbook(pledges: Sequence[Pledge], table: RateTable) -> bytes:
    """The records, their sources, the year totals per measure and the rates, as an
    .xlsx file's bytes."""
    _holdable(
        (pledge.id, text)
        for pledge in pledges
        for text in (
            *_GIVEN_TEXTS(pledge),
            *(
                part
                for source in pledge.sources
                for part in (source.url, source.date, source.quote)
            ),
        )
    )
    book, sheets = _book(("pledges", "sources", "year_totals", "rates", "about"))
    records, sources, totals, rates, about = sheets
    _header(records, RECORD_COLUMNS)
    for pledge in pledges:
        records.append(_record_row(records, pledge))
    _header(sources, SOURCE_COLUMNS)
    for pledge in pledges:
        for position, source in enumerate(pledge.sources, start=1):
            where = f"{pledge.id}, source {position}"
            sources.append(
                [
                    _text(sources, pledge.id, where),
                    position,
                    _text(sources, source.url, where),
                    _date(sources, source.date, where),
                    _text(sources, source.quote, where),
                ]
            )
    _header(totals, TOTAL_COLUMNS)
    for donor, recipient, year, measure, stage, category, amount, currency, usd, eur in year_totals(
        Tally.of(pledges), table
    ):
        exact = Decimal(amount)
        totals.append(
            [
                *(donor, recipient, year, measure, stage, category),
                _money(totals, exact),
                currency,
                amount,
                None if usd is None else _money(totals, Decimal(usd).scaleb(-2)),
                None if eur is None else _money(totals, Decimal(eur).scaleb(-2)),
            ]
        )
    _rates(
        rates,
        [(r.currency, r.year, r.per_eur, r.source, r.provisional, r.user) for r in table.rows()],
    )
    _about(about, ABOUT_EXPORT)
    return _saved(book)


def report_workbook(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    numbers: Collection[str],
    rates: Sequence[Mapping[str, Any]],
    about: Sequence[tuple[str, str]],
) -> bytes:
    """A report's tidy rows (the `numbers` columns, exact decimal strings, as numbers),
    the rates behind them, and what the figures are, as an .xlsx file's bytes."""
    rows = list(rows)
    _holdable(
        (f"{row.get('donor', '')} {row.get('year', '')}", value)
        for row in rows
        for value in row.values()
        if isinstance(value, str)
    )
    _holdable(("rates", str(rate["source"])) for rate in rates)
    _holdable(("about", text) for line in about for text in line)
    book, (report, used, notes) = _book(("report", "rates", "about"))
    _header(report, columns)
    for row in rows:
        where = f"{row.get('donor', '')} {row.get('year', '')}".strip()
        cells: list[Any] = []
        for column in columns:
            value = row.get(column)
            if value is None:
                cells.append(None)
            elif column in numbers:
                share = column.endswith("_pct")
                cells.append(_money(report, Decimal(value), PERCENT_FORMAT if share else None))
            elif isinstance(value, str):
                cells.append(_text(report, value, where))
            else:
                cells.append(value)
        report.append(cells)
    _rates(
        used,
        [
            (r["currency"], r["year"], Decimal(r["rate"]), r["source"], r["provisional"], r["user"])
            for r in rates
        ],
        header=("currency", "year", "rate", "source", "provisional", "user"),
    )
    _about(notes, about)
    return _saved(book)


def _book(titles: Sequence[str]) -> tuple[Any, list[WriteOnlyWorksheet]]:
    """A write-only workbook (rows stream to the file) with these sheets, in order."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheets = [book.create_sheet(title) for title in titles]
    for sheet in sheets:
        sheet.freeze_panes = "A2"
    return book, sheets


def _header(sheet: WriteOnlyWorksheet, columns: Sequence[str]) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    bold = Font(bold=True)
    cells = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column)
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)


def _record_row(sheet: WriteOnlyWorksheet, pledge: Pledge) -> list[Any]:
    """A record's cells under `RECORD_COLUMNS`: amounts as numbers, dates as dates, text
    as text."""
    where = pledge.id
    cells: list[Any] = []
    for f in RECORD:
        value = getattr(pledge, f.name)
        if f.kind is YEARS:
            cells += [str(value) if value.is_envelope else value.start, value.start, value.end]
        elif f.kind is AMOUNT:
            cells.append(_money(sheet, value))
        elif f.kind is SOURCES:
            first = value[0] if value else Source()
            cells += [
                _text(sheet, first.url, where),
                _date(sheet, first.date, where),
                _text(sheet, first.quote, where),
                len(value),
            ]
        elif f.kind is DATE:
            cells.append(_date(sheet, value, where))
        else:
            cells.append(_text(sheet, f.kind.text(value), where))
        if f.name == "currency":
            cells.append(f"{pledge.amount:f}")
    return cells


def _holdable(texts: Iterable[tuple[str, str | None]]) -> None:
    """Refuse, before a byte of the workbook is written, a text Excel cannot hold (rather
    than cut it, or leave half a workbook behind): `where` names its record."""
    for where, value in texts:
        if not value:
            continue
        if len(value) > MAX_CELL:
            raise InvalidInput(
                f"{where}: a text of {len(value):,} characters does not fit in an Excel "
                f"cell ({MAX_CELL:,} at most); export it as CSV or JSON"
            )
        if _ILLEGAL.search(value):
            raise InvalidInput(
                f"{where}: a text with a control character cannot be written to Excel; "
                "export it as CSV or JSON, or edit the record"
            )


def _text(sheet: WriteOnlyWorksheet, value: str | None, where: str) -> Any:
    """Stored text (checked by `_holdable`) as a text cell, never a formula."""
    if value is None or value == "":
        return None
    if not value.startswith("="):
        return value
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # openpyxl reads a leading `=` as a formula: it is text here
    return cell


def _date(sheet: WriteOnlyWorksheet, value: str | None, where: str) -> Any:
    """An ISO date as a date cell (a spreadsheet sorts and filters it), else as text."""
    if not value:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        return _text(sheet, value, where)
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=day)
    cell.number_format = "yyyy-mm-dd"
    return cell


def _money(sheet: WriteOnlyWorksheet, amount: Decimal, shown: str | None = None) -> Any:
    """An amount as a number cell, shown with thousands and cents (or as `shown`)."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=amount)
    cell.number_format = shown or MONEY_FORMAT
    return cell


def _rates(
    sheet: WriteOnlyWorksheet,
    rows: Iterable[tuple[str, int, Decimal, str, bool, bool]],
    header: Sequence[str] = RATE_COLUMNS,
) -> None:
    _header(sheet, header)
    for currency, year, rate, source, provisional, user in rows:
        sheet.append([currency, year, rate, _text(sheet, source, currency), provisional, user])


def _about(sheet: WriteOnlyWorksheet, lines: Sequence[tuple[str, str]]) -> None:
    _header(sheet, ("about", "what it is"))
    for name, text in lines:
        sheet.append([_text(sheet, name, "about"), _text(sheet, text, "about")])


def _saved(book: Any) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
