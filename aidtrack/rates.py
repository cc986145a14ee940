"""Yearly euro reference rates, and conversions between currencies through the euro.

The table ships as aidtrack/data/ecb-rates.json (built by scripts/build_rates.py):
for each year, the average of the ECB's daily rates in units of currency per 1 EUR,
stored as strings so that no float ever carries a rate. The year of the table's last
date is partial, so its averages are provisional. Users may supply their own rates,
which win over the table. Loading is deferred to the first `RateTable.shipped()`
call, so importing this module costs only its own definitions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Context, Decimal, localcontext
from functools import cache

from .errors import AidtrackError, InvalidInput

BASE = "EUR"
USER_SOURCE = "user"
SAME_CURRENCY_SOURCE = "same currency"

# Conversions multiply a money amount by a rate of a few digits and divide once:
# 40 digits keep every amount a pledge can hold exact before the final quantize.
_WORK = Context(prec=40, rounding=ROUND_HALF_EVEN)
# Cross rates are shown to 6 significant digits; the computation uses the exact legs.
_DISPLAY = Context(prec=6, rounding=ROUND_HALF_EVEN)
_ONE = Decimal(1)


class MissingRate(AidtrackError):
    """No rate for a currency in a year; the message says how the user can add one."""

    def __init__(self, currency: str, year: int, reason: str) -> None:
        self.currency = currency
        self.year = year
        super().__init__(
            f"no exchange rate for {currency} in {year} ({reason}); add one with "
            f"`aidtrack rates set {currency} {year} RATE` (RATE in {currency} per 1 EUR)"
        )


def missing_message(missing: Sequence[MissingRate]) -> str:
    """One line naming every missing rate and the command that adds one."""
    if len(missing) == 1:
        return str(missing[0])
    first = missing[0]
    listed = ", ".join(f"{error.currency} {error.year}" for error in missing)
    return (
        f"no exchange rates for {listed}; add each with `aidtrack rates set CURRENCY YEAR "
        f"RATE` (RATE in CURRENCY per 1 EUR), e.g. `aidtrack rates set {first.currency} "
        f"{first.year} RATE`"
    )


def missing_legs(
    convert: Callable[[Decimal, str, str, int, int], Conversion],
    currencies: Iterable[str],
    year: int,
) -> list[MissingRate]:
    """Which of `currencies` have no rate in `year`, through `convert` (a table's): each
    leg of a conversion is named, not only the first that fails."""
    missing = []
    for code in dict.fromkeys(c.upper() for c in currencies):
        if code != BASE:
            try:
                convert(_ONE, code, BASE, year, 2)
            except MissingRate as error:
                missing.append(error)
    return missing


@dataclass(frozen=True)
class UserRate:
    """A rate the user set (`aidtrack rates set`): units of `currency` per 1 EUR in `year`.

    Kept in the store's rates table as `{"currency", "year", "per_eur"}`, the rate a
    string.
    """

    currency: str
    year: int
    per_eur: Decimal

    def __post_init__(self) -> None:
        plausible(self.per_eur, f"{self.currency} {self.year}")

    def to_json(self) -> dict[str, object]:
        return {"currency": self.currency, "year": self.year, "per_eur": f"{self.per_eur:f}"}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> UserRate:
        """Read back what `to_json` wrote; InvalidInput if it is not that."""
        currency, year, per_eur = data.get("currency"), data.get("year"), data.get("per_eur")
        if not (isinstance(currency, str) and type(year) is int and isinstance(per_eur, str)):
            raise InvalidInput(f"user rate {dict(data)!r} is not a currency, a year and a rate")
        try:
            return cls(currency, year, Decimal(per_eur))
        except ArithmeticError:
            raise InvalidInput(
                f"user rate for {currency} {year} is not a number: {per_eur!r}; "
                f"`aidtrack rates unset {currency} {year}`"
            ) from None
        except InvalidInput as error:
            raise InvalidInput(f"{error}; `aidtrack rates unset {currency} {year}`") from None


@dataclass(frozen=True)
class Rate:
    """The yearly rate of one currency against the euro, and where it came from."""

    currency: str
    year: int
    per_eur: Decimal
    source: str
    provisional: bool
    user: bool


@dataclass(frozen=True)
class Conversion:
    """A converted amount with the rate, year and provenance a report must show.

    `rate` (target per source unit) is for display, to 6 significant digits. Format
    it with `:f`: cross rates of the old Turkish lira are so extreme that str() gives
    an exponent (2.90178E+6, 3.44616E-7). The amount is worked out unrounded, as
    amount * `per_eur[1]` / `per_eur[0]` (the source's and the target's euro rates, as
    published): those reproduce it to the cent.
    """

    amount: Decimal
    currency: str
    rate: Decimal
    year: int
    source: str
    provisional: bool
    user: bool
    per_eur: tuple[Decimal, Decimal] = (Decimal(1), Decimal(1))


class RateTable:
    """Published yearly rates plus user rates; immutable once built."""

    def __init__(
        self,
        source: str,
        first_date: str,
        last_date: str,
        published: Mapping[int, Mapping[str, Decimal]],
        user: Mapping[tuple[str, int], Decimal] | None = None,
    ) -> None:
        self.source = source
        self.first_date = first_date
        self.last_date = last_date
        # The table stops part way through the year of its last date.
        self.provisional_year = int(last_date[:4])
        self._published = published
        self._user: Mapping[tuple[str, int], Decimal] = user or {}
        self._legs: dict[tuple[str, str, int], tuple[Decimal, Decimal, Conversion]] = {}

    @classmethod
    def shipped(cls) -> RateTable:
        """The table in the package, read once per process."""
        return _load_shipped()

    def with_user_rates(self, rates: Iterable[UserRate]) -> RateTable:
        """A copy in which these rates win over the table (later ones over earlier);
        they come back from `rate()` marked user."""
        user = dict(self._user)
        for rate in rates:
            code = rate.currency.upper()
            if code == BASE:
                raise ValueError("EUR is the base of the table: its rate is always 1")
            user[code, rate.year] = rate.per_eur  # plausible: a UserRate checks itself
        return RateTable(self.source, self.first_date, self.last_date, self._published, user)

    def rate(self, currency: str, year: int) -> Rate:
        """The rate in force for `currency` in `year`; never borrowed from another year."""
        code = currency.upper()
        if code == BASE:
            return Rate(BASE, year, _ONE, self.source, provisional=False, user=False)
        user_rate = self._user.get((code, year))
        if user_rate is not None:
            return Rate(code, year, user_rate, USER_SOURCE, provisional=False, user=True)
        published = self._published.get(year, {}).get(code)
        if published is not None:
            provisional = year == self.provisional_year
            return Rate(code, year, published, self.source, provisional, user=False)
        if year in self._published:
            reason = f"the ECB table has no {code} rate for {year}"
        else:
            reason = f"the ECB table covers {self.first_date[:4]}-{self.provisional_year}"
        raise MissingRate(code, year, reason)

    def convert(
        self,
        amount: Decimal,
        from_currency: str,
        to_currency: str,
        year: int,
        places: int = 2,
    ) -> Conversion:
        """Convert at `year`'s rates, crossing through the euro, rounding only once.

        `places` is the target's minor unit (2 for USD, 0 for JPY); the result is
        quantized to it half-even. amount * per_eur(to) / per_eur(from) equals
        amount / per_eur(from) * per_eur(to) but rounds once instead of twice.
        """
        if not amount.is_finite():
            raise ValueError(f"cannot convert {amount}")
        if places < 0:
            raise ValueError(f"places must be 0 or more, not {places}")
        quantum = _ONE.scaleb(-places)
        source_code, target_code = from_currency.upper(), to_currency.upper()
        if source_code == target_code:
            return Conversion(
                amount.quantize(quantum, context=_WORK),
                target_code,
                _ONE,
                year,
                SAME_CURRENCY_SOURCE,
                provisional=False,
                user=False,
            )
        legs = self._legs.get((source_code, target_code, year))
        if legs is None:
            legs = self._legs[source_code, target_code, year] = self._cross(
                source_code, target_code, year
            )
        origin, target, rate = legs
        with localcontext(_WORK):
            converted = (amount * target / origin).quantize(quantum)
        # Built field by field: `dataclasses.replace` costs twice as much, and a report
        # converts thousands of sums.
        return Conversion(
            converted,
            rate.currency,
            rate.rate,
            year,
            rate.source,
            rate.provisional,
            rate.user,
            rate.per_eur,
        )

    def _cross(self, source: str, target: str, year: int) -> tuple[Decimal, Decimal, Conversion]:
        """Both legs of a conversion through the euro, and a conversion that names its
        rate and provenance (the same for every amount, so worked out once)."""
        origin, destination = self.rate(source, year), self.rate(target, year)
        with localcontext(_WORK):
            cross = destination.per_eur / origin.per_eur
        legs = [leg for leg in (origin, destination) if leg.currency != BASE]
        shown = Conversion(
            _ONE,
            target,
            _DISPLAY.plus(cross),
            year,
            " + ".join(dict.fromkeys(leg.source for leg in legs)),
            provisional=any(leg.provisional for leg in legs),
            user=any(leg.user for leg in legs),
            per_eur=(origin.per_eur, destination.per_eur),
        )
        return origin.per_eur, destination.per_eur, shown

    def years(self) -> list[int]:
        """Years with at least one rate, published or user."""
        return sorted({*self._published, *(year for _, year in self._user)})

    def currencies(self, year: int | None = None) -> list[str]:
        """Currencies that can be converted (in `year`, or in some year); EUR always."""
        codes = {BASE}
        for table_year, row in self._published.items():
            if year is None or table_year == year:
                codes.update(row)
        codes.update(code for code, y in self._user if year is None or y == year)
        return sorted(codes)

    def rows(self, year: int | None = None, currency: str | None = None) -> list[Rate]:
        """The rates in force, by year then currency, for `aidtrack rates`.

        A user rate replaces the published one; EUR, the base, is not listed.
        """
        code = currency.upper() if currency is not None else None
        keys = {(y, c) for y, row in self._published.items() for c in row}
        keys.update((y, c) for c, y in self._user)
        return [
            self.rate(c, y)
            for y, c in sorted(keys)
            if (year is None or y == year) and (code is None or c == code)
        ]


PER_EUR_RANGE = (Decimal("0.01"), Decimal("100000000"))
"""Units per euro every currency has traded within since 1999 (the Kuwaiti dinar near
0.3, the old Turkish lira near 1.8 million, the Iranian rial's market rate near 1.2
million): a rate outside is a typo or damage, and would make every figure converted
with it nonsense."""


def plausible(value: Decimal, what: str) -> Decimal:
    """A rate (units of a currency per euro) within `PER_EUR_RANGE`; InvalidInput, saying
    why, for anything else."""
    if not isinstance(value, Decimal) or not value.is_finite() or value <= 0:
        raise InvalidInput(f"the rate for {what} must be greater than zero, not {value}")
    low, high = PER_EUR_RANGE
    if not low <= value <= high:
        raise InvalidInput(
            f"the rate for {what}, {value:.6g} per EUR, is outside {low:f} to {high:,f} per "
            "EUR, where every currency has traded since 1999 (a typo?)"
        )
    return value


@cache
def _load_shipped() -> RateTable:
    """Parse the packaged JSON; imported lazily so `aidtrack --help` never pays for it."""
    import json
    from importlib.resources import files

    text = (files("aidtrack") / "data" / "ecb-rates.json").read_text(encoding="ascii")
    # parse_float keeps a hand-edited bare number from ever becoming a float;
    # _per_eur then rejects it, since rates must be strings.
    document = json.loads(text, parse_float=Decimal)
    if document["base"] != BASE:
        raise ValueError(f"ecb-rates.json: base is {document['base']!r}, not {BASE}")
    published = {
        int(year): {code: _per_eur(code, year, value) for code, value in row.items()}
        for year, row in document["rates"].items()
    }
    return RateTable(document["source"], document["first_date"], document["last_date"], published)


def _per_eur(code: str, year: str, value: object) -> Decimal:
    """Rates are stored as strings; anything else means the data file is damaged."""
    if not isinstance(value, str):
        raise ValueError(f"ecb-rates.json: {code} {year} is {value!r}, not a string")
    return plausible(Decimal(value), f"{code} {year}")
