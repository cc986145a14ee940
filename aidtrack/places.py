"""Donors and recipients: countries by ISO 3166, plus institutions (DESIGN §2.9).

`Norway`, `norway`, `NO` and `NOR` must be one donor, or totals split silently. Names
resolve to pycountry's canonical entry; a handful of institutions that pledge in their
own right ("EU institutions" is not its member states) are known by name.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path
from typing import NamedTuple

from .errors import InvalidInput, did_you_mean


class Party(NamedTuple):
    """A donor or recipient: its canonical name and ISO alpha-3 code (None for institutions)."""

    name: str
    code: str | None


INSTITUTIONS: dict[str, tuple[str, ...]] = {
    "EU institutions": ("EU", "European Union", "European Commission", "EU Commission"),
    "European Investment Bank": ("EIB",),
    "European Bank for Reconstruction and Development": ("EBRD",),
    "International Monetary Fund": ("IMF",),
    "World Bank": ("WB", "World Bank Group", "IBRD"),
    "United Nations": ("UN", "U.N."),
    "NATO": ("North Atlantic Treaty Organization",),
}

# Everyday names that ISO 3166 spells differently.
COUNTRY_ALIASES: dict[str, str] = {
    "UK": "GBR",
    "Britain": "GBR",
    "Great Britain": "GBR",
    "England": "GBR",
    "US": "USA",
    "U.S.": "USA",
    "America": "USA",
    "United States of America": "USA",
    "Russia": "RUS",
    "Turkey": "TUR",
    "Czech Republic": "CZE",
    "South Korea": "KOR",
    "Korea": "KOR",
    "North Korea": "PRK",
    "Iran": "IRN",
    "Syria": "SYR",
    "Moldova": "MDA",
    "Taiwan": "TWN",
    "Vietnam": "VNM",
    "Ivory Coast": "CIV",
    "Cape Verde": "CPV",
    "Burma": "MMR",
    "Swaziland": "SWZ",
    "East Timor": "TLS",
    "Holland": "NLD",
    "The Netherlands": "NLD",
    "Palestine": "PSE",
    "Gaza": "PSE",
    "Gaza Strip": "PSE",
    "West Bank": "PSE",
}


def _fold(text: str) -> str:
    """Case-, accent- and space-insensitive key: `Cote d'Ivoire` finds `Côte d'Ivoire`."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.replace("\u2019", "'").casefold().split())


def countries() -> list[dict[str, str]]:
    """ISO 3166-1 as pycountry ships it (`alpha_2`, `alpha_3`, `name`, and where there
    is one `common_name` and `official_name`), read from its database file: importing
    pycountry costs 20-30 ms of every command's start, looking up its own version
    among the installed packages. A test holds this to `pycountry.countries`."""
    import importlib.util

    import orjson

    spec = importlib.util.find_spec("pycountry")
    folders = spec.submodule_search_locations if spec else None
    if not folders:
        raise ModuleNotFoundError("pycountry is not installed; reinstall aidtrack")
    database = Path(next(iter(folders))) / "databases" / "iso3166-1.json"
    entries: list[dict[str, str]] = orjson.loads(database.read_bytes())["3166-1"]
    return entries


@cache
def _index() -> dict[str, Party]:
    """Every spelling we accept, folded, mapped to its party. Built once, on first use."""
    index: dict[str, Party] = {}
    by_code: dict[str, Party] = {}
    for country in countries():
        name = country.get("common_name") or country["name"]
        party = Party(name, country["alpha_3"])
        by_code[country["alpha_3"]] = party
        spellings = [country["alpha_2"], country["alpha_3"], country["name"], name]
        spellings.append(country.get("official_name", ""))
        for spelling in spellings:
            if spelling:
                index.setdefault(_fold(spelling), party)
    for alias, code in COUNTRY_ALIASES.items():
        index[_fold(alias)] = by_code[code]
    for name, aliases in INSTITUTIONS.items():
        for spelling in (name, *aliases):
            index[_fold(spelling)] = Party(name, None)
    return index


def names() -> list[str]:
    """Every party's canonical name, sorted: what completion offers."""
    return sorted({party.name for party in _index().values()})


def resolve(name: str, role: str = "donor") -> Party:
    """The party a user means by `name`; an unknown name is an error with suggestions."""
    key = _fold(name)
    if not key:
        raise InvalidInput(f"{role} is empty: give a country name or ISO code, e.g. Norway or NO")
    party = _index().get(key)
    if party is not None:
        return party
    raise InvalidInput(f"unknown {role} {name!r}{_suggestion(key)}")


def _suggestion(key: str) -> str:
    return did_you_mean(key, names()) or (
        "; use a country name or ISO 3166 code (Norway, NO, NOR) or an institution (EU)"
    )
