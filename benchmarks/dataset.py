"""Realistic pledge data for the benchmarks, written straight in aidtrack's own formats.

Going through `aidtrack add` would take hours at 100,000 records, so the records are
built as `Pledge` objects and written as the store file aidtrack itself writes (TinyDB
tables, one document per line, with its year totals beside it) and as its CSV
(`interchange.csv_text`). The shape follows real
trackers: a few big donors make most of the records, most aid goes to Ukraine, figures
are revised and broken down into parts, and every record has a quoted source.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal
from itertools import accumulate
from pathlib import Path

from aidtrack import places, store, totals
from aidtrack.counting import superseded_ids
from aidtrack.interchange import csv_text
from aidtrack.model import Category, Instrument, Pledge, Qualifier, Source, Status, YearSpan
from aidtrack.store import META, PLEDGES, SCHEMA_VERSION

SEED = 7
FIRST_YEAR, LAST_YEAR = 2014, 2026
LATEST_ANNOUNCED = "2026-11-30"
"""No announcement is dated after the day the data was made (a write refuses one after
today); later years' deliveries were announced by then."""

# Donor (as a user would type it), relative weight, home currency.
DONORS: tuple[tuple[str, int, str], ...] = (
    ("United States", 60, "USD"),
    ("Germany", 50, "EUR"),
    ("EU", 45, "EUR"),
    ("United Kingdom", 40, "GBP"),
    ("Norway", 35, "NOK"),
    ("Japan", 25, "JPY"),
    ("Canada", 25, "CAD"),
    ("Netherlands", 22, "EUR"),
    ("Sweden", 22, "SEK"),
    ("Denmark", 22, "DKK"),
    ("Poland", 20, "PLN"),
    ("France", 20, "EUR"),
    ("Switzerland", 12, "CHF"),
    ("Finland", 12, "EUR"),
    ("Italy", 10, "EUR"),
    ("Spain", 8, "EUR"),
    ("Belgium", 8, "EUR"),
    ("Austria", 6, "EUR"),
    ("Czechia", 6, "EUR"),
    ("Lithuania", 6, "EUR"),
    ("Latvia", 5, "EUR"),
    ("Estonia", 5, "EUR"),
    ("Portugal", 4, "EUR"),
    ("Ireland", 4, "EUR"),
    ("Greece", 3, "EUR"),
    ("Slovakia", 3, "EUR"),
    ("Slovenia", 2, "EUR"),
    ("Croatia", 2, "EUR"),
    ("Romania", 3, "EUR"),
    ("Bulgaria", 2, "EUR"),
    ("Luxembourg", 2, "EUR"),
    ("Iceland", 2, "EUR"),
    ("Australia", 6, "USD"),
    ("New Zealand", 2, "USD"),
    ("South Korea", 4, "USD"),
    ("Turkey", 2, "USD"),
    ("European Investment Bank", 5, "EUR"),
    ("IMF", 5, "USD"),
    ("World Bank", 8, "USD"),
    ("EBRD", 4, "EUR"),
)
RECIPIENTS: tuple[tuple[str, int], ...] = (
    ("Ukraine", 85),
    ("Moldova", 5),
    ("Syria", 3),
    ("Jordan", 3),
    ("Lebanon", 2),
    ("Georgia", 2),
)
# Rough units per EUR, only to make amounts in each currency of a realistic size.
PER_EUR = {
    "EUR": 1.0,
    "USD": 1.1,
    "NOK": 11.5,
    "GBP": 0.86,
    "SEK": 11.3,
    "DKK": 7.46,
    "PLN": 4.4,
    "CHF": 0.95,
    "JPY": 155.0,
    "CAD": 1.48,
}
WHOLE_CATEGORIES = (Category.MIXED, Category.MILITARY, Category.FINANCIAL, Category.HUMANITARIAN)
PART_CATEGORIES = (Category.MILITARY, Category.CIVILIAN, Category.HUMANITARIAN, Category.FINANCIAL)
LABELS = ("budget support", "air defence", "winterisation", "energy", "demining", "reconstruction")
HEDGES = {
    Qualifier.EXACT: "",
    Qualifier.ABOUT: "about ",
    Qualifier.AT_LEAST: "at least ",
    Qualifier.UP_TO: "up to ",
}
CLOSINGS = (
    "the government said.",
    "the minister told parliament.",
    "according to the ministry.",
    "the prime minister announced.",
)
STATUSES = tuple(Status)
QUALIFIERS, QUALIFIER_ODDS = tuple(Qualifier), tuple(accumulate((70, 15, 10, 5)))
INSTRUMENTS, INSTRUMENT_ODDS = tuple(Instrument), tuple(accumulate((50, 20, 5, 15, 10)))


@dataclass(frozen=True)
class Dataset:
    """The files of one size: the store aidtrack reads, the same records as CSV, a
    current promise of the store that a delivery can be recorded against, and a record
    that no other points at, which `remove` takes."""

    store: Path
    csv: Path
    promise: str
    unlinked: str


def pledges(count: int, seed: int = SEED) -> list[Pledge]:
    """`count` records, ids p1..pN; about 10% revisions, 10% parts and 5% deliveries of
    earlier records (deliveries never add up to more than their pledge)."""
    rng = random.Random(seed)
    donors = [(places.resolve(name), currency) for name, _, currency in DONORS]
    donor_odds = list(accumulate(weight for _, weight, _ in DONORS))
    recipients = [places.resolve(name, "recipient") for name, _ in RECIPIENTS]
    recipient_odds = list(accumulate(weight for _, weight in RECIPIENTS))
    # Per donor: records that are neither parts nor revised yet, so may be revised or split.
    open_wholes: dict[str, list[Pledge]] = {}
    unsplit: dict[str, Decimal] = {}  # what the parts of a whole have not claimed yet
    undelivered: dict[str, Decimal] = {}  # what the deliveries of a pledge have not
    records: list[Pledge] = []
    for serial in range(1, count + 1):
        donor, home = rng.choices(donors, cum_weights=donor_odds)[0]
        candidates = open_wholes.setdefault(donor.name, [])
        roll = rng.random()
        if roll < 0.1 and candidates:
            index = rng.randrange(len(candidates))
            old = candidates[index]
            candidates[index] = candidates[-1]
            candidates.pop()
            pledge = _revision(rng, old, f"p{serial}")
            candidates.append(pledge)
        elif roll < 0.2 and candidates:
            whole = rng.choice(candidates)
            left = unsplit.setdefault(whole.id, whole.amount)
            pledge = _part(rng, whole, left, f"p{serial}")
            unsplit[whole.id] = left - pledge.amount
        elif roll < 0.25 and candidates and undelivered.get(candidates[-1].id, 2) > 1:
            promise = candidates[-1]
            left = undelivered.setdefault(promise.id, promise.amount)
            pledge = _delivery(rng, promise, left, f"p{serial}")
            undelivered[promise.id] = left - pledge.amount
        else:
            recipient = rng.choices(recipients, cum_weights=recipient_odds)[0]
            pledge = _whole(rng, f"p{serial}", donor, recipient, home)
            candidates.append(pledge)
        records.append(pledge)
    return records


def _whole(
    rng: random.Random, id: str, donor: places.Party, recipient: places.Party, home: str
) -> Pledge:
    start = rng.randint(FIRST_YEAR, LAST_YEAR)
    envelope = rng.random() < 0.08 and start < LAST_YEAR
    end = min(LAST_YEAR + 2, start + rng.randint(1, 4)) if envelope else start
    currency = home if rng.random() < 0.8 else rng.choice(("USD", "EUR"))
    scale = rng.lognormvariate(17.7, 1.6) * (end - start + 1)  # median ~ EUR 50m a year
    return _record(
        rng,
        id=id,
        donor=donor,
        recipient=recipient,
        years=YearSpan(start, end),
        amount=_figure(scale * PER_EUR[currency]),
        currency=currency,
        qualifier=rng.choices(QUALIFIERS, cum_weights=QUALIFIER_ODDS)[0],
        status=rng.choice(STATUSES),
        category=rng.choice(WHOLE_CATEGORIES),
        instrument=rng.choices(INSTRUMENTS, cum_weights=INSTRUMENT_ODDS)[0],
    )


def _revision(rng: random.Random, old: Pledge, id: str) -> Pledge:
    """A new figure (Norway's 35bn -> 50bn -> 85bn) or the next stage of the same money."""
    if rng.random() < 0.5:
        amount, status = _figure(float(old.amount) * rng.uniform(1.1, 1.8)), old.status
    else:
        amount = old.amount
        status = STATUSES[min(len(STATUSES) - 1, STATUSES.index(old.status) + 1)]
    return _record(
        rng,
        id=id,
        donor=places.Party(old.donor, old.donor_code),
        recipient=places.Party(old.recipient, old.recipient_code),
        years=old.years,
        amount=amount,
        currency=old.currency,
        qualifier=old.qualifier,
        status=status,
        category=old.category,
        instrument=old.instrument,
        supersedes=old.id,
    )


def _part(rng: random.Random, whole: Pledge, left: Decimal, id: str) -> Pledge:
    """A breakdown ("of which NOK 70bn military") in the whole's currency and stage: a
    share of what its other parts left, so the parts never add up to more than it."""
    return _record(
        rng,
        id=id,
        donor=places.Party(whole.donor, whole.donor_code),
        recipient=places.Party(whole.recipient, whole.recipient_code),
        years=whole.years,
        amount=_figure(float(left) * rng.uniform(0.2, 0.6)),
        currency=whole.currency,
        qualifier=whole.qualifier,
        status=whole.status,
        category=rng.choice(PART_CATEGORIES),
        instrument=whole.instrument,
        part_of=whole.id,
    )


def _delivery(rng: random.Random, promise: Pledge, left: Decimal, id: str) -> Pledge:
    """A tranche delivered of a pledge, in its currency, in one of its years or the
    year after a single year's: a share of what is left to deliver."""
    years = promise.years
    year = rng.randint(years.start, years.end + (not years.is_envelope))
    amount = min(left, _figure(float(left) * rng.uniform(0.2, 0.7)))
    return _record(
        rng,
        id=id,
        donor=places.Party(promise.donor, promise.donor_code),
        recipient=places.Party(promise.recipient, promise.recipient_code),
        years=YearSpan(year, year),
        amount=amount,
        currency=promise.currency,
        qualifier=promise.qualifier,
        status=rng.choice((Status.ALLOCATED, Status.DISBURSED)),
        category=promise.category,
        instrument=promise.instrument,
        delivery_of=promise.id,
    )


def _record(
    rng: random.Random,
    *,
    id: str,
    donor: places.Party,
    recipient: places.Party,
    years: YearSpan,
    amount: Decimal,
    currency: str,
    qualifier: Qualifier,
    status: Status,
    category: Category,
    instrument: Instrument,
    supersedes: str | None = None,
    part_of: str | None = None,
    delivery_of: str | None = None,
) -> Pledge:
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    announced = min(f"{years.start - (month > 9)}-{month:02d}-{day:02d}", LATEST_ANNOUNCED)
    stamp = f"{announced}T{rng.randint(6, 20):02d}:{rng.randint(0, 59):02d}:00Z"
    millions = f"{currency} {amount / 1_000_000:,.1f} million"
    quote = (
        f"{donor.name} will provide {HEDGES[qualifier]}{millions} in {category.value} aid "
        f"to {recipient.name} for {years}, {rng.choice(CLOSINGS)}"
    )
    slug = donor.name.lower().replace(" ", "-")
    return Pledge(
        id=id,
        donor=donor.name,
        donor_code=donor.code,
        recipient=recipient.name,
        recipient_code=recipient.code,
        years=years,
        amount=amount,
        currency=currency,
        qualifier=qualifier,
        status=status,
        category=category,
        label=rng.choice(LABELS) if rng.random() < 0.3 else None,
        instrument=instrument,
        announced_on=announced,
        sources=(Source(f"https://news.example.org/{slug}/{years.start}/{id}", announced, quote),),
        supersedes=supersedes,
        part_of=part_of,
        delivery_of=delivery_of,
        note="figure converted by the outlet" if rng.random() < 0.05 else None,
        created_at=stamp,
        updated_at=stamp,
    )


def _figure(value: float) -> Decimal:
    """A figure as announcements give it: three significant digits, whole units."""
    digits = max(0, len(str(int(value))) - 3)
    return Decimal(max(1, int(round(value, -digits))))


def write(folder: Path, size: int) -> Dataset:
    """Write the store and the CSV of `size` records into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    records = pledges(size)
    tables = {
        META: {"1": {"schema_version": SCHEMA_VERSION, "next_serial": size + 1}},
        PLEDGES: {str(doc_id): p.to_json() for doc_id, p in enumerate(records, start=1)},
    }
    gone = superseded_ids(records)
    promise = next(
        p.id
        for p in records
        if p.id not in gone and not (p.part_of or p.delivery_of or p.delivered_stage)
    )
    linked = {target for p in records for target in p.link[1:]}
    unlinked = next(p.id for p in reversed(records) if p.id not in linked)
    files = folder / f"pledges-{size}.json", folder / f"pledges-{size}.csv"
    dataset = Dataset(*files, promise, unlinked)
    store.write(dataset.store, tables)
    totals.rebuild(dataset.store)  # as aidtrack's own writes leave them
    dataset.csv.write_text(csv_text(records), encoding="utf-8")
    return dataset
