"""IATI activity XML 2.0x (`--mapping iati`, or any file whose root is `<iati-activities>`).

An IATI file lists a publisher's activities, each with its transactions; aidtrack reads
them onto the funnel of DESIGN §2a:

- the donor is the activity's funding organisation (`participating-org` role 1) when it
  names exactly one, else its `reporting-org`: the name in its `narrative`, resolved as
  every donor is (`--value donor:NAME=DONOR`, or `[values.donor]` in a copy of the
  preset, names an agency aidtrack does not know);
- the recipient is its one `recipient-country` (or the one its transactions name);
  an activity for several countries or a region is left out, and counted;
- `transaction-type` 2 (commitment) is the promise, or 11/12 (pledges) when the activity
  has no commitment: its promises of one year and currency are summed into one pledge
  (an activity committing more in a later year has a pledge in each year);
- 3/4 (disbursement, expenditure) are its deliveries, each a record linked to a pledge
  of the activity (`delivery_of`), dated by its `transaction-date` (else its `value-date`,
  the date of the exchange rate, which publishers set years apart at times): a delivery
  goes to the earliest pledge of its year or before that still has room for it in its
  currency, else to the latest; a disbursement before the activity's first promise, or
  one of an activity that promised nothing, is a plain record at the disbursed stage;
- a negative transaction (a reversal) is netted against the same kind of money of the
  activity in the same year and currency;
- `value` with its `@currency` or the activity's `@default-currency`; amounts are
  rounded half-even to the currency's minor unit;
- ids follow from `iati-identifier` and what each transaction says, so importing the
  same file again adds nothing; `document-link/@url` is the source, the transaction's
  `description` its quote.

The XML is parsed by `defusedxml`: a file that defines entities (the "billion laughs")
or refers to external ones (`<!ENTITY x SYSTEM "file:///etc/passwd">`), or is larger
than `MAX_BYTES`, is refused in one line before anything is read into the store.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any, BinaryIO

from . import model, money, places
from .errors import InvalidInput, did_you_mean, unsafe_xml
from .importing import FileProblem, Incoming, collector_paused, refuse
from .mapping import WORDS, ColumnMap
from .model import InvalidRecord, Source, Status

MAX_BYTES = 200 * 1024 * 1024
"""The largest IATI file read (200 MB; the largest publishers split theirs by country)."""
ROOT = "iati-activities"
PROMISES = frozenset({"2", "11", "12"})  # commitment; incoming commitment, outgoing pledge
DELIVERIES = frozenset({"3", "4"})  # disbursement, expenditure
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_HEAD = 64 * 1024
_UNSAFE = re.compile(r"[^A-Za-z0-9._:-]+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
_FIRST_TAG = re.compile(rb"<(?![?!])([A-Za-z_][\w.:-]*)")


@dataclass(frozen=True)
class Read:
    """An IATI file's records, checked, and what was left out (for the summary)."""

    incoming: list[Incoming]
    notes: list[str]


def is_iati(head: bytes) -> bool:
    """Whether a file's first bytes open an `<iati-activities>` document."""
    match = _FIRST_TAG.search(_COMMENT.sub(b"", head[:_HEAD]))
    return match is not None and match[1] == ROOT.encode()


def sniff(path: str) -> bool:
    """Whether the file at `path` is IATI activity XML (by its root element)."""
    try:
        with open(path, "rb") as stream:
            return is_iati(stream.read(_HEAD))
    except OSError:
        return False


def read_bytes(path: str, stdin: IO[Any], limit: int | None = None) -> bytes:
    """The file's bytes (stdin's for `-`), refused beyond `limit` (`MAX_BYTES`) before
    reading them all."""
    name = "stdin" if path == "-" else path
    limit = MAX_BYTES if limit is None else limit
    try:
        if path == "-":
            stream: BinaryIO = stdin.buffer if hasattr(stdin, "buffer") else _encoded(stdin)
            data = stream.read(limit + 1)
        else:
            size = Path(path).stat().st_size
            if size > limit:
                raise _too_big(name, limit)
            data = Path(path).read_bytes()
    except OSError as error:
        raise InvalidInput(f"cannot read {path}: {error.strerror}") from None
    if len(data) > limit:
        raise _too_big(name, limit)
    return data


def _encoded(stdin: IO[Any]) -> BinaryIO:
    return io.BytesIO(str(stdin.read()).encode())


def _size(limit: int) -> str:
    return f"{limit // 2**20} MB" if limit >= 2**20 else f"{limit} bytes"


def _too_big(name: str, limit: int) -> InvalidInput:
    return InvalidInput(
        f"{name} is larger than {_size(limit)}, the most aidtrack reads of an "
        "XML file; split it (IATI publishers publish a file per country or year); "
        "nothing was imported"
    )


def read(data: bytes, column_map: ColumnMap | None = None, *, name: str = "the file") -> Read:
    """Every activity's records, checked by the one validation of records; any problem
    refuses the whole file."""
    column_map = column_map or ColumnMap()
    if column_map.columns:
        raise InvalidInput(
            "an IATI file is read by its elements, not by columns: leave out --map "
            "(--value donor:NAME=DONOR names an organisation aidtrack does not know)"
        )
    with collector_paused():
        reader = _Reader(name, column_map)
        for activity in _activities(data, name):
            reader.add(activity)
        return reader.finish()


# Parsing ---------------------------------------------------------------------------------


@dataclass
class _Transaction:
    number: int
    code: str
    date: str | None
    amount: Decimal
    currency: str | None
    quote: str | None
    recipient: str | None


@dataclass
class _Activity:
    number: int
    identifier: str
    donor: str | None
    donor_role: str
    recipients: list[str]
    currency: str | None
    title: str | None
    humanitarian: bool
    aid_type: str | None
    finance_type: str | None
    url: str | None
    url_date: str | None
    transactions: list[_Transaction]
    problems: list[str] = field(default_factory=list)
    other: int = 0
    """Transactions of other types (incoming funds, repayments, ...), not read."""


def _activities(data: bytes, name: str) -> Iterator[_Activity]:
    """The file's activities, one at a time (each element freed once read)."""
    import xml.etree.ElementTree as ElementTree

    import defusedxml
    import defusedxml.ElementTree as SafeTree

    events = SafeTree.iterparse(
        io.BytesIO(data),
        events=("start", "end"),
        forbid_dtd=False,
        forbid_entities=True,
        forbid_external=True,
    )
    root: ElementTree.Element | None = None
    file_lang: str | None = None
    number = 0
    try:
        for event, element in events:
            if root is None:
                root = element
                _check_root(root, name)
                file_lang = root.get(_XML_LANG)  # read now: the root is cleared as we go
                continue
            if event == "end" and element.tag == "iati-activity":
                number += 1
                yield _activity(element, number, file_lang)
                root.clear()
    except defusedxml.DefusedXmlException as error:
        raise InvalidInput(f"{unsafe_xml(name, error)}; nothing was imported") from None
    except ElementTree.ParseError as error:
        raise InvalidInput(
            f"{name} is not well-formed XML ({error}); nothing was imported"
        ) from None
    if root is None:
        raise InvalidInput(f"{name} is empty; nothing was imported")


def _check_root(root: Any, name: str) -> None:
    if root.tag != ROOT:
        raise InvalidInput(
            f"{name} is not IATI activity XML: its root is <{root.tag}>, not <{ROOT}>"
        )
    version = (root.get("version") or "").strip()
    if version and not version.startswith("2."):
        raise InvalidInput(
            f"{name} is IATI {version}; aidtrack reads IATI 2.0x activity files "
            "(the IATI registry converts older ones)"
        )


def _activity(element: Any, number: int, file_lang: str | None) -> _Activity:
    lang = element.get(_XML_LANG) or file_lang
    identifier = " ".join((element.findtext("iati-identifier") or "").split())
    funders = {
        text
        for org in element.findall("participating-org")
        if org.get("role") == "1" and (text := _narrative(org, lang))
    }
    donor: str | None
    if len(funders) == 1:
        donor, role = next(iter(funders)), "funding organisation"
    else:
        donor, role = _narrative(element.find("reporting-org"), lang), "reporting-org"
    link = next((d for d in element.findall("document-link") if (d.get("url") or "").strip()), None)
    aid_type = next(
        (
            (kind.get("code") or "").strip().upper()
            for kind in element.findall("default-aid-type")
            if kind.get("vocabulary") in (None, "", "1")
        ),
        None,
    )
    finance = element.find("default-finance-type")
    activity = _Activity(
        number=number,
        identifier=identifier,
        donor=donor,
        donor_role=role,
        recipients=[
            code.strip().upper()
            for country in element.findall("recipient-country")
            if (code := country.get("code"))
        ],
        currency=(element.get("default-currency") or "").strip() or None,
        title=_narrative(element.find("title"), lang),
        humanitarian=element.get("humanitarian") in ("1", "true"),
        aid_type=aid_type,
        finance_type=(finance.get("code") or "").strip() if finance is not None else None,
        url=(link.get("url") or "").strip() if link is not None else None,
        url_date=_iso(link.find("document-date"), "iso-date") if link is not None else None,
        transactions=[],
    )
    for index, transaction in enumerate(element.findall("transaction"), start=1):
        kind = transaction.find("transaction-type")
        code = (kind.get("code") or "").strip() if kind is not None else ""
        if code not in PROMISES and code not in DELIVERIES:
            activity.other += 1
            continue
        value = transaction.find("value")
        where = f"activity {identifier or number}, transaction {index}"
        text = (value.text or "").strip() if value is not None else ""
        try:
            amount = Decimal(text.replace(",", ""))
            if not amount.is_finite():
                raise InvalidOperation
        except InvalidOperation:
            activity.problems.append(f"{where}: value {text!r} is not a number")
            continue
        date = _iso(transaction.find("transaction-date"), "iso-date") or _iso(value, "value-date")
        country = transaction.find("recipient-country")
        activity.transactions.append(
            _Transaction(
                number=index,
                code=code,
                date=date,
                amount=amount,
                currency=((value.get("currency") if value is not None else None) or "").strip()
                or activity.currency,
                quote=_narrative(transaction.find("description"), lang),
                recipient=_code(country),
            )
        )
    return activity


def _narrative(element: Any, lang: str | None) -> str | None:
    """An element's text in the activity's language (else English, else the first), from
    its `narrative` children (IATI 2.0x) or its own text."""
    if element is None:
        return None
    texts: list[tuple[str | None, str]] = [
        (narrative.get(_XML_LANG), " ".join((narrative.text or "").split()))
        for narrative in element.findall("narrative")
    ]
    texts = [(language, text) for language, text in texts if text]
    if not texts:
        own = " ".join((element.text or "").split())
        return own or None
    for wanted in (lang, None, "en"):
        for language, text in texts:
            if language == wanted:
                return text
    return texts[0][1]


def _code(element: Any) -> str | None:
    code = (element.get("code") or "").strip().upper() if element is not None else ""
    return code or None


def _iso(element: Any, attribute: str) -> str | None:
    if element is None:
        return None
    value = (element.get(attribute) or "").strip()
    return value[:10] if _DATE.match(value) else None


# Records ---------------------------------------------------------------------------------


@dataclass
class _Money:
    """A transaction (or a year's promises summed) on its way to a record."""

    status: Status
    year: int
    currency: str
    amount: Decimal
    date: str | None
    quote: str | None
    key: str  # the id's last part
    delivery_of: str | None = None


class _Reader:
    """Turns activities into checked records, collecting every problem of the file."""

    def __init__(self, name: str, column_map: ColumnMap) -> None:
        self.name = name
        self.builder = model.Builder()
        self.donor_words = {_fold(k): v for k, v in column_map.words.get("donor", {}).items()}
        self.constants = column_map.constants
        self.problems: list[FileProblem] = []
        self.incoming: list[Incoming] = []
        self.seen: dict[str, int] = {}
        self.unknown_donors: dict[str, list[str]] = defaultdict(list)
        self.counts: dict[str, int] = defaultdict(int)
        self.position = 0

    def problem(self, message: str) -> None:
        self.position += 1
        self.problems.append((self.position, message))

    def add(self, activity: _Activity) -> None:
        label = f"activity {activity.identifier or activity.number}"
        for message in activity.problems:
            self.problem(message)
        self.counts["other"] += activity.other
        if not activity.identifier:
            self.problem(f"activity {activity.number} has no iati-identifier")
            return
        if activity.identifier in self.seen:
            self.problem(
                f"{label} appears twice in the file (activities {self.seen[activity.identifier]}"
                f" and {activity.number})"
            )
            return
        self.seen[activity.identifier] = activity.number
        donor = self._donor(activity, label)
        recipient = self._recipient(activity)
        if donor is None or recipient is None or activity.problems:
            return
        records = self._records(activity, label)
        base = _base_id(activity.identifier)
        common = {
            "donor": donor,
            "recipient": recipient,
            "category": self.constants.get("category") or _category(activity),
            "instrument": self.constants.get("instrument") or _instrument(activity),
        }
        note = f"IATI activity {activity.identifier}" + (
            f": {activity.title}" if activity.title else ""
        )
        for item in records:
            delivery = item.status is Status.DISBURSED
            fields = {
                **common,
                "id": f"{base}-{item.key}",
                "year": str(item.year),
                "amount": item.amount,  # exact, as a JSON number is read
                "currency": item.currency,
                "status": item.status.value,
                "announced_on": None if delivery else item.date,
                "delivery_of": f"{base}-{item.delivery_of}" if item.delivery_of else None,
                "note": note,
            }
            sources = (
                [Source(activity.url, activity.url_date, item.quote)]
                if activity.url or item.quote
                else []
            )
            where = f"{label} ({'delivery' if delivery else 'promise'} {item.key})"
            try:
                values = self.builder.values(fields, sources)
            except InvalidRecord as error:
                for name, message in error.problems:
                    self.problem(f"{where}, {name}: {message}")
                continue
            self.incoming.append(Incoming(where, values))

    def _donor(self, activity: _Activity, label: str) -> str | None:
        given = self.constants.get("donor") or activity.donor
        if not given:
            self.problem(f"{label} names no funding organisation or reporting-org")
            return None
        name = self.donor_words.get(_fold(given), given)
        try:
            return places.resolve(name).name
        except InvalidInput:
            role = "--set donor" if "donor" in self.constants else activity.donor_role
            self.unknown_donors[given].append(f"{label}'s {role}")
            return None

    def _recipient(self, activity: _Activity) -> str | None:
        if "recipient" in self.constants:
            return self.constants["recipient"]
        codes = set(activity.recipients) or {
            t.recipient for t in activity.transactions if t.recipient
        }
        if len(codes) != 1:
            self.counts["not one country"] += 1
            return None
        return next(iter(codes))

    def _records(self, activity: _Activity, label: str) -> list[_Money]:
        """The activity's promises (summed per year and currency) and its deliveries,
        each delivery linked to a promise it may belong to."""
        promises: list[_Transaction] = []
        deliveries: list[_Transaction] = []
        for transaction in activity.transactions:
            if transaction.date is None:
                self.problem(
                    f"{label}, transaction {transaction.number}: no transaction-date or "
                    "value-date to give it a year"
                )
            elif not transaction.currency:
                self.problem(
                    f"{label}, transaction {transaction.number}: no currency (value/@currency "
                    "or the activity's default-currency)"
                )
            elif transaction.amount != 0:
                (deliveries if transaction.code in DELIVERIES else promises).append(transaction)
        commitments = [t for t in promises if t.code == "2"]
        pledges = self._promises(commitments or promises)
        delivered = self._deliveries(deliveries)
        return pledges + self._linked(pledges, delivered)

    def _promises(self, transactions: Sequence[_Transaction]) -> list[_Money]:
        """One promise per year and currency: the sum of that year's transactions."""
        groups: dict[tuple[int, str], list[_Transaction]] = defaultdict(list)
        for transaction in transactions:
            assert transaction.date and transaction.currency
            groups[(int(transaction.date[:4]), transaction.currency.upper())].append(transaction)
        years: dict[int, int] = defaultdict(int)
        for year, _ in groups:
            years[year] += 1
        found = []
        for (year, currency), group in sorted(groups.items()):
            total = self._rounded(sum((t.amount for t in group), Decimal(0)), currency)
            if total <= 0:
                self.counts["netted away"] += len(group)
                continue
            status = status_of(group[0].code)
            prefix = "c" if status is Status.COMMITTED else "p"
            key = f"{prefix}{year}" + (f"-{currency}" if years[year] > 1 else "")
            dates = sorted(t.date for t in group if t.date)
            quote = next((t.quote for t in group if t.quote), None)
            found.append(_Money(status, year, currency, total, dates[0], quote, key))
        return found

    def _deliveries(self, transactions: Sequence[_Transaction]) -> list[_Money]:
        """Each delivery a record; a negative one nets against the latest deliveries of
        its year and currency."""
        found: list[_Money] = []
        occurrences: dict[str, int] = defaultdict(int)
        ordered = sorted(transactions, key=lambda t: (t.date or "", t.number))
        for transaction in ordered:
            assert transaction.date and transaction.currency
            year, currency = int(transaction.date[:4]), transaction.currency.upper()
            amount = self._rounded(transaction.amount, currency)
            if amount < 0:
                self._net(found, year, currency, -amount)
                continue
            said = "\x1f".join(
                (transaction.code, transaction.date, f"{transaction.amount:f}", currency)
            )
            digest = hashlib.blake2s(said.encode(), digest_size=4).hexdigest()
            occurrences[digest] += 1
            key = f"t{digest}" + (f"-{occurrences[digest]}" if occurrences[digest] > 1 else "")
            status = status_of(transaction.code)
            found.append(
                _Money(status, year, currency, amount, transaction.date, transaction.quote, key)
            )
        return [item for item in found if item.amount > 0]

    def _net(self, found: list[_Money], year: int, currency: str, amount: Decimal) -> None:
        same = [m for m in found if m.year == year and m.currency == currency and m.amount > 0]
        if not same:
            self.counts["negative, nothing to net"] += 1
            return
        self.counts["netted"] += 1
        for item in reversed(same):
            taken = min(item.amount, amount)
            item.amount -= taken
            amount -= taken
            if amount <= 0:
                return

    def _linked(self, pledges: Sequence[_Money], deliveries: list[_Money]) -> list[_Money]:
        """Each delivery linked to the earliest promise of its year or before with room
        for it in its currency, else to the latest of them; none before the first."""
        room = {pledge.key: pledge.amount for pledge in pledges}
        for delivery in deliveries:
            earlier = [p for p in pledges if p.year <= delivery.year]
            if not earlier:
                if pledges:
                    self.counts["before the promise"] += 1
                continue
            fits = [
                p
                for p in earlier
                if p.currency == delivery.currency and room[p.key] >= delivery.amount
            ]
            chosen = fits[0] if fits else earlier[-1]
            if chosen.currency == delivery.currency:
                room[chosen.key] -= delivery.amount
            delivery.delivery_of = chosen.key
        return deliveries

    def _rounded(self, amount: Decimal, currency: str) -> Decimal:
        try:
            places_ = money.minor_unit(money.normalize_currency(currency))
        except InvalidInput:
            return amount  # the record's check names the currency
        exact = money.quantize(amount, places_)
        if exact != amount:
            self.counts["rounded"] += 1
        return exact

    def finish(self) -> Read:
        for organisation, activities in self.unknown_donors.items():
            more = f" and {len(activities) - 1} more" if len(activities) > 1 else ""
            self.problem(
                f"unknown donor {organisation!r} ({activities[0]}{more})"
                f"{did_you_mean(organisation, places.names())}; map it to a donor aidtrack "
                f"knows: --value 'donor:{organisation}=DONOR'"
            )
        refuse(self.name, self.problems)
        return Read(self.incoming, self._notes())

    def _notes(self) -> list[str]:
        counts = self.counts
        said = {
            "not one country": "activities not for one recipient country left out",
            "other": "transactions of other types (incoming funds, repayments, ...) not read",
            "before the promise": (
                "disbursements dated before their activity's first promise recorded apart"
            ),
            "netted": "negative transactions netted against the year's deliveries",
            "netted away": "promises that reversals cancelled left out",
            "negative, nothing to net": "negative transactions with nothing to net left out",
            "rounded": "amounts rounded to the currency's minor unit",
        }
        return [f"{counts[key]} {text}" for key, text in said.items() if counts.get(key)]


def _fold(name: str) -> str:
    return " ".join(name.casefold().replace("_", " ").split())


def _base_id(identifier: str) -> str:
    """`iati-GB-GOV-1-300123-5d41402a`: readable, and unique by the identifier's hash."""
    digest = hashlib.blake2s(identifier.encode(), digest_size=4).hexdigest()
    readable = _UNSAFE.sub("-", identifier).strip("-._:")[:28].rstrip("-._:")
    return f"iati-{readable}-{digest}" if readable else f"iati-{digest}"


def _category(activity: _Activity) -> str:
    """Humanitarian when the activity says so, financial for budget support (aid types
    A01/A02), else civilian: IATI activities are development and humanitarian aid."""
    if activity.humanitarian:
        return "humanitarian"
    if activity.aid_type in ("A01", "A02"):
        return "financial"
    return "civilian"


def _instrument(activity: _Activity) -> str:
    """Grant or loan from the default finance type (1xx grants, 4xx loans)."""
    code = activity.finance_type or ""
    if code == "1100":
        return "guarantee"
    if len(code) == 3 and code[0] == "1":
        return "grant"
    if len(code) == 3 and code[0] == "4":
        return "loan"
    return "unspecified"


def status_of(code: str) -> Status:
    """The funnel stage of an IATI transaction type (DESIGN §2a): 11/12 announced,
    2 committed, 3/4 disbursed, as `mapping.WORDS` reads them in any tracker's file."""
    return Status(WORDS["status"][code])
