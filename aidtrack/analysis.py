"""Pure functions over records: selection, sorting, version chains, conversions.

No TinyDB, Rich or Typer here: records in, plain values out (what counts is
`counting`'s, the rules between records `rules`').
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from . import places
from .counting import (
    Link,
    combined_qualifier,
    current,
    delivered_by,
    delivered_of,
    deliveries_by_pledge,
    parts_by_whole,
)
from .model import Category, Pledge, Qualifier, Status, YearSpan, choice
from .money import minor_unit, quantize

if TYPE_CHECKING:  # a listing in its own currency loads neither
    from .groups import Group
    from .rates import Conversion, MissingRate, RateTable


def versions(pledges: Sequence[Pledge], pledge_id: str) -> list[Pledge]:
    """The revision chain that holds `pledge_id`, oldest first (safe against cycles)."""
    by_id = {p.id: p for p in pledges}
    newer = {p.supersedes: p for p in pledges if p.supersedes}
    oldest = by_id[pledge_id]
    walked = {oldest.id}
    while oldest.supersedes in by_id and oldest.supersedes not in walked:
        oldest = by_id[oldest.supersedes]
        walked.add(oldest.id)
    chain = [oldest]
    while chain[-1].id in newer and newer[chain[-1].id] not in chain:
        chain.append(newer[chain[-1].id])
    return chain


class Selection(NamedTuple):
    """What `list` and `export` narrow the records to; empty means everything."""

    donors: frozenset[str] = frozenset()
    recipients: frozenset[str] = frozenset()
    years: YearSpan | None = None
    statuses: frozenset[Status] = frozenset()
    categories: frozenset[Category] = frozenset()
    include_superseded: bool = False
    group: Group | None = None
    """Donors that were members in the record's year (`groups`)."""

    @classmethod
    def from_text(
        cls,
        *,
        donors: Iterable[str] = (),
        recipient: str | None = None,
        years: str | None = None,
        statuses: Iterable[str] = (),
        categories: Iterable[str] = (),
        include_superseded: bool = False,
        group: Group | None = None,
    ) -> Selection:
        """A selection from what a user typed: names resolve, vocabularies are checked."""
        return cls(
            donors=frozenset(places.resolve(d, "donor").name for d in donors),
            recipients=frozenset(
                [places.resolve(recipient, "recipient").name] if recipient else ()
            ),
            years=YearSpan.parse(years) if years else None,
            statuses=frozenset(choice(Status, s, "status") for s in statuses),
            categories=frozenset(choice(Category, c, "category") for c in categories),
            include_superseded=include_superseded,
            group=group,
        )

    @property
    def narrows(self) -> bool:
        """Whether some record could fail to match (a filter is given)."""
        sets = (self.donors, self.recipients, self.statuses, self.categories)
        return any(sets) or self.years is not None or self.group is not None

    def matches(self, pledge: Pledge) -> bool:
        years = pledge.years
        return self._admits(
            pledge.donor, pledge.recipient, years.start, years.end, pledge.status, pledge.category
        )

    def matches_json(self, record: Record) -> bool:
        """`matches` for a record in its JSON form."""
        return self._admits(
            record["donor"],
            record["recipient"],
            record["first_year"],
            record["last_year"],
            record["status"],
            record["category"],
        )

    def _admits(
        self, donor: str, recipient: str, start: int, end: int, status: str, category: str
    ) -> bool:
        return (
            (not self.donors or donor in self.donors)
            and (not self.recipients or recipient in self.recipients)
            and (self.years is None or (start <= self.years.end and self.years.start <= end))
            and (not self.statuses or status in self.statuses)
            and (not self.categories or category in self.categories)
            and (self.group is None or self.group.includes_any(donor, range(start, end + 1)))
        )


Record = Mapping[str, Any]
"""A record in its JSON form (`Pledge.to_json`), as `list` and `export` print it."""


def select(
    records: Iterable[Record], selection: Selection, superseded: Container[str]
) -> list[Record]:
    """The records `selection` keeps; without `include_superseded`, only those that
    count (`superseded`: the ids that do not). A selection that narrows nothing looks
    at no record's fields (a listing of 100,000 records saves a tenth of a second)."""
    if selection.include_superseded:
        kept = list(records)
    else:
        kept = [record for record in records if record["id"] not in superseded]
    return (
        [record for record in kept if selection.matches_json(record)] if selection.narrows else kept
    )


_STAGE_ORDER = {status.value: rank for rank, status in enumerate(Status)}

_ZERO = Decimal(0)

SORT_KEYS: dict[str, Any] = {
    # (first year, last year, donor) as one text, which sorts alike, since every year is
    # four digits (FIRST_YEAR-LAST_YEAR), in 60% of the time of comparing tuples: the
    # default order of a listing of every record.
    "year": lambda r: f"{r['first_year']}{r['last_year']}{r['donor']}",
    "donor": lambda r: (r["donor"].casefold(), r["first_year"]),
    "recipient": lambda r: (r["recipient"].casefold(), r["first_year"]),
    "amount": lambda r: (r["currency"], Decimal(r["amount"])),
    "status": lambda r: (_STAGE_ORDER[r["status"]], r["first_year"]),
    "announced": lambda r: (r["announced_on"] or "", r["first_year"]),
    "created": lambda r: r["created_at"],
    "id": lambda r: r["id"],
}


def sort(records: Iterable[Record], key: str, descending: bool = False) -> list[Record]:
    """Records in the order asked for; ties keep the order in which they were stored."""
    return sorted(records, key=SORT_KEYS[key], reverse=descending)


def dangling_links(records: Sequence[Record]) -> list[str]:
    """Ids that the records point at but that are not among them (an export without --all)."""
    ids = {record["id"] for record in records}
    linked = (link for r in records for link in (r["supersedes"], r["part_of"]) if link)
    return sorted({link for link in linked if link not in ids})


class Conversions(NamedTuple):
    """Records in another currency: each one's conversion, or None where a rate is
    missing, and which rates each of those lacks."""

    converted: Mapping[str, Conversion | None]
    missing: Mapping[str, Sequence[MissingRate]]

    def all_missing(self) -> list[MissingRate]:
        """Every missing rate once, by year and currency."""
        unique = {(e.year, e.currency): e for errors in self.missing.values() for e in errors}
        return [error for _, error in sorted(unique.items())]


def conversions(pledges: Iterable[Pledge], table: RateTable, currency: str) -> Conversions:
    """Each record in `currency` at its year's average (an envelope at its first year's)."""
    from .rates import MissingRate, missing_legs

    places = minor_unit(currency)
    converted: dict[str, Conversion | None] = {}
    missing: dict[str, list[MissingRate]] = {}
    for p in pledges:
        year = p.years.start
        try:
            converted[p.id] = table.convert(p.amount, p.currency, currency, year, places)
        except MissingRate:
            converted[p.id] = None
            missing[p.id] = missing_legs(table.convert, (p.currency, currency), year)
    return Conversions(converted, missing)


def per_eur_json(per_eur: tuple[Decimal, Decimal]) -> dict[str, str]:
    """The euro rates of a conversion's two currencies, as published: the figure is
    amount * to_per_eur / from_per_eur, unrounded, so a script can reproduce it."""
    return {"from_per_eur": f"{per_eur[0]:f}", "to_per_eur": f"{per_eur[1]:f}"}


def conversion_json(conversion: Conversion | None) -> dict[str, Any] | None:
    """A converted amount as scripts read it: exact strings, the rate and where it came
    from; None where no rate converts it."""
    if conversion is None:
        return None
    return {
        "amount": f"{conversion.amount:f}",
        "currency": conversion.currency,
        "rate": f"{conversion.rate:f}",
        **per_eur_json(conversion.per_eur),
        "rate_year": conversion.year,
        "source": conversion.source,
        "provisional": conversion.provisional,
        "user": conversion.user,
    }


# Promised and delivered (DESIGN §2a) ----------------------------------------------------

Convert = Callable[[Decimal, str, str, int, int], "Conversion"]
"""`RateTable.convert`: (amount, from, to, year, places) -> Conversion, or MissingRate."""


def newest_version(links: Iterable[Link], superseded: Container[str], pledge_id: str) -> str:
    """The current record that replaced `pledge_id`: the newest revision of it, or, for
    a part of a whole revised without it, its whole's newest version. `pledge_id` itself
    when it is current (or nothing newer is found)."""
    links = list(links)
    revised_by = {supersedes: i for i, supersedes, _, _ in links if supersedes}
    whole_of = {i: part_of for i, _, part_of, _ in links if part_of}
    seen = {pledge_id}
    found = pledge_id
    while found in superseded:
        following = revised_by.get(found) or whole_of.get(found)
        if following is None or following in seen:
            break
        seen.add(following)
        found = following
    return found


def delivered_records(
    pledge: Pledge, parts: Sequence[Pledge], paid: Mapping[str, Sequence[Pledge]]
) -> list[Pledge]:
    """The current records that say what was delivered of `pledge` (DESIGN §2a): its
    deliveries, or the pledge itself when it reached `allocated` and has none; an
    envelope's also come from its parts (`counting.delivered_of`). `paid`: current
    deliveries by the id of their pledge."""
    if pledge.years.is_envelope:
        return delivered_of(pledge, parts, paid)
    return delivered_by(pledge, paid)


class Progress(NamedTuple):
    """What a pledge promised and what was delivered of it to date (DESIGN §2a)."""

    pledge: Pledge
    records: Sequence[Pledge]
    """The records that say what was delivered (`delivered_records`)."""
    amounts: Sequence[tuple[Decimal, str, Qualifier]]
    """What they add up to in each currency, the pledge's first: (sum, currency, hedge)."""
    delivered: Decimal | None
    """In the pledge's currency, each record converted at its own year; None when a
    rate is missing."""
    missing: Sequence[MissingRate]

    @property
    def deliveries(self) -> list[Pledge]:
        """The records delivered other than the pledge itself."""
        return [record for record in self.records if record.id != self.pledge.id]

    @property
    def qualifier(self) -> Qualifier:
        """The hedge of what was delivered."""
        return combined_qualifier(record.qualifier for record in self.records)

    @property
    def pct(self) -> Decimal | None:
        """Delivered as a share of promised, in percent to one place."""
        if self.delivered is None:
            return None
        rounded = quantize(self.delivered * 100 / self.pledge.amount, 1)
        return rounded.copy_abs() if rounded == 0 else rounded

    @property
    def last(self) -> Pledge | None:
        """The latest record delivered: by year, then date."""
        if not self.records:
            return None
        return max(self.records, key=lambda r: (r.years.end, r.announced_on or ""))

    def delivered_json(self) -> dict[str, Any]:
        """`show --json`'s `delivered`: amounts as exact strings."""
        return {
            "amounts": [
                {"amount": f"{amount:f}", "currency": currency, "qualifier": qualifier.value}
                for amount, currency, qualifier in self.amounts
            ],
            "in_currency": None if self.delivered is None else f"{self.delivered:f}",
            "pct": None if self.pct is None else f"{self.pct:f}",
        }

    def row_json(self) -> dict[str, Any]:
        """`progress --json`: one pledge, amounts as exact strings."""
        pledge, last = self.pledge, self.last
        first_missing = self.missing[0] if self.missing else None
        return {
            "id": pledge.id,
            "donor": pledge.donor,
            "recipient": pledge.recipient,
            "first_year": pledge.years.start,
            "last_year": pledge.years.end,
            "status": pledge.status.value,
            "currency": pledge.currency,
            "promised": f"{pledge.amount:f}",
            "promised_qualifier": pledge.qualifier.value,
            "delivered": None if self.delivered is None else f"{self.delivered:f}",
            "delivered_qualifier": self.qualifier.value,
            "delivered_pct": None if self.pct is None else f"{self.pct:f}",
            "deliveries": len(self.deliveries),
            "last_delivery_year": last.years.end if last else None,
            "last_delivery_on": last.announced_on if last else None,
            "missing_rate": (
                {"currency": first_missing.currency, "year": first_missing.year}
                if first_missing
                else None
            ),
        }


def progress_of(pledge: Pledge, records: Sequence[Pledge], convert: Convert) -> Progress:
    """`pledge`'s progress from the records that say what was delivered of it: summed
    by currency, and converted into its currency at each record's own year."""
    from .rates import MissingRate, missing_legs

    sums: dict[str, tuple[Decimal, list[Qualifier]]] = {pledge.currency: (_ZERO, [])}
    total: Decimal | None = _ZERO
    missing: dict[tuple[int, str], MissingRate] = {}
    digits = minor_unit(pledge.currency)
    for record in records:
        amount, hedges = sums.get(record.currency, (_ZERO, []))
        sums[record.currency] = (amount + record.amount, [*hedges, record.qualifier])
        year = record.years.start
        try:
            converted = convert(record.amount, record.currency, pledge.currency, year, digits)
        except MissingRate:
            for error in missing_legs(convert, (record.currency, pledge.currency), year):
                missing[error.year, error.currency] = error
            total = None
            continue
        if total is not None:
            total += converted.amount
    if total is not None:
        total = quantize(total, digits)
    amounts = [
        (amount, currency, combined_qualifier(hedges))
        for currency, (amount, hedges) in sums.items()
        if hedges
    ]
    return Progress(pledge, list(records), amounts, total, [e for _, e in sorted(missing.items())])


def progress(
    pledges: Iterable[Pledge], convert: Convert, selection: Selection | None = None
) -> list[Progress]:
    """`progress`: each current pledge that is a whole (not a delivery, not a part of a
    single-year whole), with what was delivered of it to date; those `selection` keeps,
    by years then donor."""
    pool = current(pledges)
    parts = parts_by_whole(pool)
    paid = deliveries_by_pledge(pool)
    envelopes = {p.id for p in pool if p.years.is_envelope}
    wholes = [
        p
        for p in pool
        if p.delivery_of is None
        and (p.part_of is None or p.part_of in envelopes)
        and (selection is None or selection.matches(p))
    ]
    wholes.sort(key=lambda p: (p.years.start, p.years.end, p.donor.casefold()))
    return [
        progress_of(p, delivered_records(p, parts.get(p.id, []), paid), convert) for p in wholes
    ]
