"""The views of the store's other data: `rates`, `groups`, `gdp`, and `check`'s
problems."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..drawing import Aside, Column, Grid, Heading, Part, Plain, Shown, View

if TYPE_CHECKING:
    from pathlib import Path

    from ..checks import Problem
    from ..groups import Group, Membership
    from ..indicators import Indicators
    from ..rates import Rate, RateTable


class RatesView(View):
    """`aidtrack rates`: one row per currency and year; provisional and user rates
    marked, and where the table came from."""

    def __init__(self, table: RateTable, rates: Sequence[Rate]) -> None:
        self.table, self.rates = table, rates

    def parts(self) -> list[Part]:
        columns = [
            Column("Year"),
            Column("Currency"),
            Column("Per EUR", right=True),
            Column("Source"),
        ]
        rows = [
            (
                [
                    str(rate.year),
                    rate.currency,
                    f"{rate.per_eur:f}",
                    "user" if rate.user else ("ECB *" if rate.provisional else "ECB"),
                ],
                "",
            )
            for rate in self.rates
        ]
        return [Grid(columns, rows)]

    def shown(self) -> list[Shown]:
        if not self.rates:
            return [Aside("no rates match; `aidtrack rates` lists them all")]
        table = self.table
        return [
            *self.parts(),
            Aside(
                f"Source: {table.source}; {table.first_date} to {table.last_date}. "
                f"* provisional: {table.provisional_year} is averaged to {table.last_date}. "
                "user: set with `aidtrack rates set`."
            ),
        ]

    def to_json(self) -> dict[str, Any]:
        from ..rates import BASE

        table = self.table
        return {
            "base": BASE,
            "source": table.source,
            "first_date": table.first_date,
            "last_date": table.last_date,
            "rates": self.rows(),
        }

    def rows(self) -> list[dict[str, Any]]:
        return [
            {
                "currency": rate.currency,
                "year": rate.year,
                "per_eur": f"{rate.per_eur:f}",
                "source": rate.source,
                "provisional": rate.provisional,
                "user": rate.user,
            }
            for rate in self.rates
        ]

    def csv_table(self) -> tuple[Sequence[str], Iterable[dict[str, Any]]]:
        from ..workbook import RATE_COLUMNS  # a rate's columns, as its sheet names them

        return RATE_COLUMNS, self.rows()


class ProblemsView(View):
    """`check`: one row per problem, with the command that fixes it; on a terminal,
    then a line of what was checked."""

    def __init__(self, store: Path, records: int, problems: Sequence[Problem]) -> None:
        self.store, self.records, self.problems = store, records, problems

    def parts(self) -> list[Part]:
        columns = [
            Column("Problem", style="yellow"),
            Column("Record", style="cyan"),
            Column("What", wraps=True),
            Column("Fix", wraps=True),
        ]
        rows = [([p.kind, p.id or "", p.message, p.fix], "") for p in self.problems]
        return [Grid(columns, rows, key=1)]

    def shown(self) -> list[Shown]:
        checked = f"{_count(self.records, 'record')}, {_count(len(self.problems), 'problem')}"
        return [*(self.parts() if self.problems else []), Aside(f"{self.store}: {checked}")]

    def to_json(self) -> dict[str, Any]:
        return {
            "store": str(self.store),
            "records": self.records,
            "ok": not self.problems,
            "problems": self.rows(),
        }

    def rows(self) -> list[dict[str, Any]]:
        return [problem.to_json() for problem in self.problems]

    def csv_table(self) -> tuple[Sequence[str], Iterable[dict[str, Any]]]:
        from ..checks import COLUMNS

        return COLUMNS, self.rows()


def _count(number: int, noun: str) -> str:
    """`no problems`, `1 problem`, `2 problems`."""
    if number == 0:
        return f"no {noun}s"
    return f"{number} {noun}" + ("" if number == 1 else "s")


class GroupsView(View):
    """`groups`: each group, what it is, and how many members it has (in `year`)."""

    def __init__(self, groups: Sequence[Group], year: int | None) -> None:
        self.groups, self.year = groups, year

    def parts(self) -> list[Part]:
        year = self.year
        columns = [Column("Group"), Column("Members", right=True), Column("What", wraps=True)]
        rows = [
            (
                [
                    group.name,
                    str(len(group.members_in(year) if year else {m.member for m in group.members})),
                    group.title,
                ],
                "",
            )
            for group in self.groups
        ]
        caption = "Members: on 1 July of --year; else all who ever were."
        return [Grid(columns, rows, caption=caption)]

    def to_json(self) -> list[dict[str, Any]]:
        year = self.year
        return [
            {
                "name": g.name,
                "title": g.title,
                "own": g.own,
                "members": [m.member for m in g.members if year is None or m.in_year(year)],
            }
            for g in self.groups
        ]


class MembersView(View):
    """`groups NAME`: the members, with the dates they joined and left."""

    def __init__(self, group: Group, members: Sequence[Membership], year: int | None) -> None:
        self.group, self.members, self.year = group, members, year

    def parts(self) -> list[Part]:
        group, year = self.group, self.year
        heading = f"{group.name}: {group.title}" + (f", members in {year}" if year else "")
        rows = [([m.member, m.dates], "") for m in sorted(self.members, key=lambda m: m.member)]
        return [Heading(heading), Grid([Column("Member"), Column("Member since / until")], rows)]

    def to_json(self) -> dict[str, Any]:
        members = [{"member": m.member, "dates": m.dates} for m in self.members]
        return {"name": self.group.name, "title": self.group.title, "members": members}


class IndicatorsView(View):
    """`gdp`: what GDP and population figures there are (countries, years), and their
    sources."""

    def __init__(self, figures: Indicators) -> None:
        self.figures = figures

    def shown(self) -> list[Shown]:
        lines = "".join(
            f"{row['name']}: {row['countries']} countries, {row['first_year']}-{row['last_year']}\n"
            for row in self.rows()
        )
        return [Plain(lines), Aside("Sources: " + "; ".join(self.figures.sources))]

    def to_json(self) -> dict[str, Any]:
        return {"indicators": self.rows(), "sources": self.figures.sources}

    def rows(self) -> list[dict[str, Any]]:
        from ..indicators import GDP, NAMES, POPULATION

        summary = []
        for indicator in (GDP, POPULATION):
            by_code = self.figures.values.get(indicator, {})
            years = sorted({year for by_year in by_code.values() for year in by_year})
            summary.append(
                {
                    "indicator": indicator,
                    "name": NAMES[indicator],
                    "countries": len(by_code),
                    "first_year": years[0] if years else None,
                    "last_year": years[-1] if years else None,
                }
            )
        return summary
