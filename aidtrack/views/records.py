"""The views of single records: `list`, `show`, `progress`, what `add`, `deliver`,
`edit` and `revise` wrote, and `import`'s summary."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..drawing import (
    NO_RATE,
    Aside,
    Column,
    Fields,
    Grid,
    Note,
    Part,
    Plain,
    Section,
    Shown,
    View,
    amount_cell,
    conversion_cells,
    money_cell,
    percent_cell,
)
from ..model import CSV_COLUMNS
from ..money import format_compact, format_exact

if TYPE_CHECKING:
    from ..analysis import Conversions, Progress, Record
    from ..importing import ImportPlan
    from ..ledger import Ledger
    from ..model import Pledge
    from ..rates import Conversion

NO_MATCH = "no pledges match; record one with `aidtrack add`"


class ListView(View):
    """`list`: the records chosen, in their JSON form (with their conversion into
    `currency` when asked); on a terminal a page of them, with the sources of the
    rates."""

    def __init__(
        self,
        records: Sequence[Record],
        chosen: int,
        *,
        superseded: set[str],
        scope_note: str = "",
        pledges: Sequence[Pledge] | None = None,
        converted: Conversions | None = None,
        currency: str | None = None,
        rates_through: str = "",
    ) -> None:
        self.records, self.chosen, self.superseded = records, chosen, superseded
        self.scope_note, self._pledges = scope_note, pledges
        self.converted, self.currency, self.rates_through = converted, currency, rates_through

    def pledges(self) -> Sequence[Pledge]:
        """The records built, as the conversion built them or now."""
        from ..model import Pledge

        if self._pledges is None:
            self._pledges = [Pledge.from_json(record) for record in self.records]
        return self._pledges

    def parts(self) -> list[Part]:
        """The records as an article shows them: every column, no version marked
        superseded."""
        return [pledge_grid(self.pledges(), set(), self._conversions(), self.currency)]

    def shown(self) -> list[Shown]:
        screen: list[Shown] = [Aside(self.scope_note)] if self.scope_note else []
        if not self.chosen:
            return [*screen, Aside(NO_MATCH)]
        conversions = self._conversions()
        screen.append(pledge_grid(self.pledges(), self.superseded, conversions, self.currency))
        if len(self.records) < self.chosen:
            page = f"showing {len(self.records)} of {self.chosen} pledges; --limit 0 shows all"
            screen.append(Aside(page))
        if conversions and self.currency:
            note = rates_note(conversions.values(), self.rates_through, self.currency)
            screen.append(Aside(note))
        return screen

    def rows(self) -> Sequence[Record]:
        """The records as stored; converted, each with its `converted` amount, or null
        and its `missing_rate`."""
        converted = self.converted
        if not converted:
            return self.records
        return [_with_conversion(record, converted) for record in self.records]

    def csv_table(self) -> tuple[Sequence[str], Iterable[dict[str, Any]]]:
        """The interchange format: the records as they are, never converted."""
        return CSV_COLUMNS, _csv_rows(self.pledges())

    def _conversions(self) -> Mapping[str, Conversion | None] | None:
        return self.converted.converted if self.converted else None


def _with_conversion(record: Record, converted: Conversions) -> Record:
    """A copy of the record with its `converted` amount, or null and its `missing_rate`."""
    from ..analysis import conversion_json

    conversion = conversion_json(converted.converted[record["id"]])
    if conversion is not None:
        return {**record, "converted": conversion}
    first = converted.missing[record["id"]][0]
    return {
        **record,
        "converted": None,
        "missing_rate": {"currency": first.currency, "year": first.year},
    }


def _csv_rows(pledges: Iterable[Pledge]) -> Iterator[dict[str, str]]:
    from ..interchange import csv_rows

    return (row for pledge in pledges for row in csv_rows(pledge))


class WrittenView(View):
    """What a write stored: for the person a line a record, for scripts its id; or the
    records as data (JSON: the record itself when there is one)."""

    def __init__(self, verb: str, pledges: Sequence[Pledge]) -> None:
        self.verb, self.pledges = verb, pledges

    def parts(self) -> list[Part]:
        return [pledge_grid(self.pledges, set())]

    def shown(self) -> list[Shown]:
        said: list[Shown] = [
            Aside(
                f"{self.verb} {pledge.id}: {pledge.donor} -> {pledge.recipient} "
                f"{pledge.year_label} {amount_cell(pledge)} ({pledge.status.value})"
            )
            for pledge in self.pledges
        ]
        return [*said, Plain("".join(pledge.id + "\n" for pledge in self.pledges))]

    def to_json(self) -> Any:
        records = self.rows()
        return records[0] if len(records) == 1 else records

    def rows(self) -> list[Record]:
        return [pledge.to_json() for pledge in self.pledges]

    def csv_table(self) -> tuple[Sequence[str], Iterable[dict[str, Any]]]:
        return CSV_COLUMNS, _csv_rows(self.pledges)


class DetailView(View):
    """`show`: one record with its sources, its versions, its parts and what was
    delivered of it; as data, the record with its `deliveries` and `delivered`. The
    versions and parts are read from the ledger only to be drawn."""

    def __init__(self, pledge: Pledge, progress: Progress | None, ledger: Ledger) -> None:
        self.pledge, self.progress, self.ledger = pledge, progress, ledger

    def parts(self) -> list[Part]:
        from ..analysis import versions
        from ..counting import parts_by_whole

        pledges = self.ledger.pledges()
        history = versions(pledges, self.pledge.id)
        pieces = parts_by_whole(pledges).get(self.pledge.id, [])
        return _detail(self.pledge, history, pieces, self.ledger.superseded(), self.progress)

    def to_json(self) -> Record:
        progress = self.progress
        return {
            **self.pledge.to_json(),
            "deliveries": [d.to_json() for d in progress.deliveries] if progress else [],
            "delivered": progress.delivered_json() if progress else None,
        }

    def rows(self) -> list[Record]:
        return [self.to_json()]

    def csv_table(self) -> tuple[Sequence[str], Iterable[dict[str, Any]]]:
        return CSV_COLUMNS, _csv_rows([self.pledge])


class ProgressView(View):
    """`progress`: one row per pledge, what it promised against what was delivered of
    it to date, in its own currency."""

    def __init__(self, progress: Sequence[Progress]) -> None:
        self.progress = progress

    def parts(self) -> list[Part]:
        return [progress_grid(self.progress)]

    def shown(self) -> list[Shown]:
        if not self.progress:
            return [Aside(NO_MATCH)]
        return [
            *self.parts(),
            Aside(
                "Delivered: each delivery in the pledge's currency at its own year's rate; "
                "`aidtrack show ID` lists them."
            ),
        ]

    def rows(self) -> list[dict[str, Any]]:
        return [row.row_json() for row in self.progress]


class ImportView(View):
    """`import`'s summary for scripts (`--json`); on a terminal, the first records of a
    mapped file's dry run, to check the map (the summary line is the command's)."""

    def __init__(
        self,
        plan: ImportPlan,
        *,
        dry_run: bool,
        set_aside: Sequence[int] | None,
        first: Sequence[Pledge] = (),
    ) -> None:
        self.plan, self.dry_run, self.set_aside, self.first = plan, dry_run, set_aside, first

    def shown(self) -> list[Shown]:
        return [pledge_grid(self.first, set())] if self.first else []

    def to_json(self) -> dict[str, object]:
        summary: dict[str, object] = {
            "added": [p.id for p in self.plan.added],
            "updated": [p.id for p in self.plan.updated],
            "unchanged": self.plan.unchanged,
            "dry_run": self.dry_run,
        }
        if self.set_aside is not None:
            summary["set_aside"] = list(self.set_aside)
        return summary


def links(pledge: Pledge, superseded: set[str]) -> str:
    """What a record is to others: a part, a revision, an old version."""
    notes = []
    if pledge.id in superseded:
        notes.append("superseded")
    if pledge.supersedes:
        notes.append(f"revises {pledge.supersedes}")
    if pledge.part_of:
        notes.append(f"part of {pledge.part_of}")
    if pledge.delivery_of:
        notes.append(f"delivery of {pledge.delivery_of}")
    return ", ".join(notes)


def rates_note(conversions: Iterable[Conversion | None], last_date: str, currency: str) -> str:
    """The footer every converted table carries: where the rates came from, or that
    none converted them (the warning above names the rates missing)."""
    from ..rates import SAME_CURRENCY_SOURCE, USER_SOURCE

    used = [c for c in conversions if c is not None]
    if not used:
        return f"Rates: none converts these records into {currency}."
    legs = {leg for c in used for leg in c.source.split(" + ")}
    sources = sorted(legs - {SAME_CURRENCY_SOURCE, USER_SOURCE})
    note = "Rates: yearly averages of each record's year (an envelope's first), " + (
        ("; ".join(sources) or "none needed") + "."
    )
    if any(c.provisional for c in used):
        note += f" * provisional: the current year's average runs to {last_date}."
    if any(c.user for c in used):
        note += " u: your own rate (`aidtrack rates`)."
    return note


DROP_LINKS, DROP_LABEL, DROP_CATEGORY, DROP_STAGE = 4, 3, 2, 1


def pledge_grid(
    pledges: Sequence[Pledge],
    superseded: set[str],
    converted: Mapping[str, Conversion | None] | None = None,
    currency: str | None = None,
) -> Grid:
    """The `list` table; with `converted` (by id), two more columns: amount and rate."""
    columns = [
        Column("ID", style="cyan"),
        Column("Donor", wraps=True),
        Column("To", wraps=True),
        Column("Year"),
        Column("Amount", right=True),
    ]
    if converted is not None:
        columns += [Column(f"In {currency}", right=True), Column("Rate", right=True)]
    columns += [
        Column("Status", drop=DROP_STAGE),
        Column("Category", drop=DROP_CATEGORY),
        Column("Label", wraps=True, drop=DROP_LABEL),
        Column("Links", wraps=True, drop=DROP_LINKS, style="dim"),
    ]
    rows = []
    for pledge in pledges:
        cells = [pledge.id, pledge.donor, pledge.recipient, pledge.year_label, amount_cell(pledge)]
        if converted is not None:
            cells += conversion_cells(converted[pledge.id], pledge.qualifier.value)
        cells += [
            pledge.status.value,
            pledge.category.value,
            pledge.label or "",
            links(pledge, superseded),
        ]
        rows.append((cells, "dim" if pledge.id in superseded else ""))
    return Grid(columns, rows)


def _detail(
    pledge: Pledge,
    history: Sequence[Pledge],
    parts: Sequence[Pledge],
    superseded: set[str],
    progress: Progress | None = None,
) -> list[Part]:
    """`show`: the record's fields, its sources, its versions, its parts, and what was
    delivered of it (`progress`: its deliveries and a line of promised against
    delivered)."""
    from ..model import shown_fields

    state = "superseded" if pledge.id in superseded else "current"
    pairs = [
        ("id", f"{pledge.id} ({state})"),
        ("donor", _with_code(pledge.donor, pledge.donor_code)),
        ("recipient", _with_code(pledge.recipient, pledge.recipient_code)),
        ("year" if not pledge.years.is_envelope else "years", pledge.year_label),
        ("amount", f"{amount_cell(pledge)}  ({format_exact(pledge.amount, pledge.currency)})"),
        *shown_fields(pledge),
    ]
    drawn: list[Part] = [
        Fields([(name, value) for name, value in pairs if value]),
        Section(f"Sources ({len(pledge.sources)})"),
    ]
    if not pledge.sources:
        drawn.append(Note("  none: add one with `aidtrack edit ID --source URL`", "yellow"))
    for source in pledge.sources:
        dated = f"  {source.date}" if source.date else ""
        drawn.append(Note(f"  {source.url or '(no url)'}{dated}", ""))
        if source.quote:
            drawn.append(Note(f"    \u201c{source.quote}\u201d", "italic"))
    if len(history) > 1:
        drawn += [Section("Versions (oldest first)"), _brief(history, superseded, pledge.id)]
    if parts:
        drawn += [Section("Parts"), _brief(parts, superseded)]
    if progress is not None:
        drawn += _delivered_parts(progress)
    return drawn


def _delivered_parts(progress: Progress) -> list[Part]:
    """`show`'s deliveries: the records that say what was delivered, and the line."""
    pledge, deliveries = progress.pledge, progress.deliveries
    drawn: list[Part] = [Section(f"Deliveries ({len(deliveries)})")]
    if deliveries:
        dated = any(d.announced_on for d in deliveries)
        of_others = any(d.delivery_of != pledge.id for d in deliveries)
        columns = [Column("ID", style="cyan"), Column("Year")]
        columns += [Column("On")] if dated else []
        columns += [Column("Amount", right=True), Column("Status")]
        if of_others:
            columns.append(Column("Of", style="dim"))
        rows = []
        for delivery in deliveries:
            cells = [delivery.id, delivery.year_label]
            cells += [delivery.announced_on or ""] if dated else []
            cells += [amount_cell(delivery), delivery.status.value]
            if of_others:
                cells.append(delivery.delivery_of or delivery.part_of or "")
            rows.append((cells, ""))
        drawn.append(Grid(columns, rows))
    drawn.append(Note(progress_line(progress), "bold"))
    if not deliveries and not progress.records:
        hint = f"aidtrack deliver {pledge.id} AMOUNT --source URL"
        drawn.append(Note(f"  record money delivered with `{hint}`"))
    return drawn


def progress_line(progress: Progress) -> str:
    """`NOK 85.0bn promised; NOK 30.0bn + >= $7.0bn delivered (44.3%)`: what was
    delivered in each currency, and its share of the promise once converted; a missing
    rate is named instead."""
    promised = f"{amount_cell(progress.pledge)} promised"
    if not progress.amounts:
        return f"{promised}; nothing delivered yet (0%)"
    delivered = " + ".join(
        format_compact(amount, currency, qualifier.value)
        for amount, currency, qualifier in progress.amounts
    )
    if progress.pct is not None:
        return f"{promised}; {delivered} delivered ({progress.pct:f}%)"
    rates = ", ".join(f"{error.currency} {error.year}" for error in progress.missing)
    return f"{promised}; {delivered} delivered (share unknown: no rate for {rates})"


def progress_grid(rows: Sequence[Progress]) -> Grid:
    """`progress`: one row per pledge, what it promised against what was delivered of
    it to date, in its own currency."""
    columns = [
        Column("ID", style="cyan"),
        Column("Donor", wraps=True),
        Column("Year"),
        Column("Promised", right=True),
        Column("Delivered", right=True),
        Column("Share", right=True),
        Column("Last delivery", drop=DROP_STAGE),
        Column("Status", drop=DROP_CATEGORY),
    ]
    cells = []
    for row in rows:
        pledge, last = row.pledge, row.last
        if row.delivered is None:
            delivered = NO_RATE
        else:
            delivered = money_cell(row.delivered, pledge.currency, row.qualifier.value)
        cells.append(
            (
                [
                    pledge.id,
                    pledge.donor,
                    pledge.year_label,
                    amount_cell(pledge),
                    delivered,
                    percent_cell(row.pct),
                    (last.announced_on or last.year_label) if last else "",
                    pledge.status.value,
                ],
                "",
            )
        )
    return Grid(columns, cells)


def _with_code(name: str, code: str | None) -> str:
    return f"{name} ({code})" if code else name


def _brief(pledges: Sequence[Pledge], superseded: set[str], marked: str = "") -> Grid:
    columns = [
        Column(""),
        Column("ID", style="cyan"),
        Column("Year"),
        Column("Amount", right=True),
        Column("Status"),
        Column("Category", drop=DROP_CATEGORY),
        Column("State", drop=DROP_STAGE),
    ]
    rows = [
        (
            [
                "*" if pledge.id == marked else "",
                pledge.id,
                pledge.year_label,
                amount_cell(pledge),
                pledge.status.value,
                pledge.category.value,
                "superseded" if pledge.id in superseded else "current",
            ],
            "",
        )
        for pledge in pledges
    ]
    return Grid(columns, rows, key=1)
