"""Donor groups with dated membership: the EU, NATO, the G7, the Nordics, the OECD DAC,
Europe, and the groups users make.

"How does Europe compare with the US?" needs to know who Europe was in the year of each
pledge: the UK counts in the EU until it left (2020-01-31), Finland in NATO from
2023-04-04. A donor counts in a group for a year when it was a member on 1 July of that
year, the middle of the year: the UK is in the EU in 2019 and not in 2020 or 2021.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from . import places
from .errors import InvalidInput, NotFound, did_you_mean

_MID_YEAR = (7, 1)


@dataclass(frozen=True)
class Membership:
    member: str
    """The donor as aidtrack names it (`places`)."""
    joined: dt.date | None = None
    left: dt.date | None = None
    """The last day of membership."""

    def in_year(self, year: int) -> bool:
        day = dt.date(year, *_MID_YEAR)
        return (self.joined is None or self.joined <= day) and (
            self.left is None or day <= self.left
        )

    @property
    def dates(self) -> str:
        if self.joined is None and self.left is None:
            return ""
        since = f"since {self.joined}" if self.joined else ""
        until = f"until {self.left}" if self.left else ""
        return " ".join(part for part in (since, until) if part)


@dataclass(frozen=True)
class Group:
    name: str
    title: str
    members: tuple[Membership, ...]
    own: bool = False
    """Made by the user and kept in the store."""

    def includes(self, donor: str, year: int) -> bool:
        return any(m.member == donor and m.in_year(year) for m in self.members)

    def includes_any(self, donor: str, years: Iterable[int]) -> bool:
        return any(self.includes(donor, year) for year in years)

    def members_in(self, year: int) -> list[str]:
        return sorted({m.member for m in self.members if m.in_year(year)})


# Built-in groups: ISO 3166 alpha-3 codes (or aidtrack's institution names) with the
# dates they joined and left; no date where membership predates any aid in question.
_EU: tuple[tuple[str, str | None, str | None], ...] = (
    *((code, None, None) for code in ("BEL", "FRA", "DEU", "ITA", "LUX", "NLD")),
    *((code, "1973-01-01", None) for code in ("DNK", "IRL")),
    ("GBR", "1973-01-01", "2020-01-31"),
    ("GRC", "1981-01-01", None),
    *((code, "1986-01-01", None) for code in ("ESP", "PRT")),
    *((code, "1995-01-01", None) for code in ("AUT", "FIN", "SWE")),
    *(
        (code, "2004-05-01", None)
        for code in ("CYP", "CZE", "EST", "HUN", "LVA", "LTU", "MLT", "POL", "SVK", "SVN")
    ),
    *((code, "2007-01-01", None) for code in ("BGR", "ROU")),
    ("HRV", "2013-07-01", None),
)
_EU_INSTITUTIONS = (("EU institutions", None, None), ("European Investment Bank", None, None))
_REST_OF_EUROPE = tuple(
    (code, None, None)
    for code in (
        "NOR",
        "GBR",
        "CHE",
        "ISL",
        "LIE",
        "AND",
        "MCO",
        "SMR",
        "ALB",
        "BIH",
        "MNE",
        "MKD",
        "SRB",
        "MDA",
    )
)
_NATO = (
    *(
        (code, None, None)
        for code in (
            "BEL",
            "CAN",
            "DNK",
            "FRA",
            "ISL",
            "ITA",
            "LUX",
            "NLD",
            "NOR",
            "PRT",
            "GBR",
            "USA",
        )
    ),
    *((code, "1952-02-18", None) for code in ("GRC", "TUR")),
    ("DEU", "1955-05-06", None),
    ("ESP", "1982-05-30", None),
    *((code, "1999-03-12", None) for code in ("CZE", "HUN", "POL")),
    *((code, "2004-03-29", None) for code in ("BGR", "EST", "LVA", "LTU", "ROU", "SVK", "SVN")),
    *((code, "2009-04-01", None) for code in ("ALB", "HRV")),
    ("MNE", "2017-06-05", None),
    ("MKD", "2020-03-27", None),
    ("FIN", "2023-04-04", None),
    ("SWE", "2024-03-07", None),
)
_G7 = tuple((code, None, None) for code in ("CAN", "FRA", "DEU", "ITA", "JPN", "GBR", "USA"))
_NORDIC = tuple((code, None, None) for code in ("DNK", "FIN", "ISL", "NOR", "SWE"))
_OECD_DAC = (
    *(
        (code, None, None)
        for code in (
            "AUS",
            "AUT",
            "BEL",
            "CAN",
            "DNK",
            "FRA",
            "DEU",
            "ITA",
            "JPN",
            "NLD",
            "NOR",
            "PRT",
            "SWE",
            "CHE",
            "GBR",
            "USA",
            "EU institutions",
        )
    ),
    ("NZL", "1973-01-01", None),
    ("FIN", "1975-01-01", None),
    ("IRL", "1985-01-01", None),
    ("ESP", "1991-01-01", None),
    ("LUX", "1992-01-01", None),
    ("GRC", "1999-01-01", None),
    ("KOR", "2010-01-01", None),
    *((code, "2013-01-01", None) for code in ("CZE", "ISL", "POL", "SVK", "SVN")),
    ("HUN", "2016-01-01", None),
    ("LTU", "2022-01-01", None),
    ("EST", "2023-01-01", None),
)
BUILT_IN: dict[str, tuple[str, Sequence[tuple[str, str | None, str | None]]]] = {
    "eu": ("EU member states (EU-28 until 2020-01-31, EU-27 after)", _EU),
    "eu-institutions": ("The EU's own bodies and funds", _EU_INSTITUTIONS),
    "europe": (
        "EU members and institutions, and the rest of geographic Europe",
        (*_EU, *_EU_INSTITUTIONS, *_REST_OF_EUROPE),
    ),
    "nato": ("NATO members, from their accession", _NATO),
    "g7": ("The Group of Seven", _G7),
    "nordic": ("Denmark, Finland, Iceland, Norway, Sweden", _NORDIC),
    "oecd-dac": ("OECD Development Assistance Committee members", _OECD_DAC),
}
NAME = re.compile(r"[a-z][a-z0-9-]{0,39}")
ACTIONS = ("add", "remove")
"""The words `aidtrack groups` takes before a group's name."""


@cache
def built_in() -> dict[str, Group]:
    """The shipped groups, their members named as aidtrack names them."""
    found = {}
    for name, (title, members) in BUILT_IN.items():
        memberships = tuple(
            Membership(
                places.resolve(member).name,
                dt.date.fromisoformat(joined) if joined else None,
                dt.date.fromisoformat(left) if left else None,
            )
            for member, joined, left in members
        )
        found[name] = Group(name, title, memberships)
    return found


def own_group(name: str, members: Iterable[str]) -> Group:
    """A user's group: a name of its own and members aidtrack knows, always members."""
    key = name.strip().lower()
    if not NAME.fullmatch(key):
        raise InvalidInput(
            f"group name {name!r}: use lower-case letters, digits and '-', starting with a letter"
        )
    if key in BUILT_IN or key in ACTIONS:
        raise InvalidInput(f"{key!r} is taken (a shipped group or a word of `groups`)")
    named = sorted({places.resolve(member, "member").name for member in members})
    if not named:
        raise InvalidInput(f"group {key!r} needs at least one member")
    return Group(key, "your group", tuple(Membership(member) for member in named), own=True)


def from_json(docs: Iterable[Mapping[str, object]]) -> dict[str, Group]:
    """The user's groups as the store keeps them: {"name": ..., "members": [...]}."""
    found = {}
    for doc in docs:
        members = doc.get("members")
        if isinstance(doc.get("name"), str) and isinstance(members, list):
            name = str(doc["name"])
            found[name] = Group(
                name, "your group", tuple(Membership(str(m)) for m in members), True
            )
    return found


def find(name: str, own: Mapping[str, Group]) -> Group:
    """The group called `name`, shipped or the user's; else an error with suggestions."""
    known = {**built_in(), **own}
    key = name.strip().lower()
    if key in known:
        return known[key]
    raise NotFound(f"no group {name!r}{did_you_mean(key, known)}; `aidtrack groups` lists them")
