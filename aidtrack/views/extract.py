"""The view of `extract`: each draft with the words its fields were read from, what is
open and why; as data, the drafts as `aidtrack import` reads them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..drawing import Fields, Note, Part, Section, View
from ..model import CSV_COLUMNS
from ..money import format_exact

if TYPE_CHECKING:
    from ..extract import Draft


class DraftsView(View):
    """`extract`: each draft's fields with the words they were read from, then what is
    open and why; as data, a record a draft, an open field left empty (so importing
    it fails naming the field), `source` its source."""

    def __init__(
        self, drafts: Sequence[Draft], *, source: str | None, source_date: dt.date | None
    ) -> None:
        self.drafts, self.source, self.source_date = drafts, source, source_date

    def parts(self) -> list[Part]:
        from ..extract import FIELDS

        drafts = self.drafts
        if not drafts:
            return [Note("no pledge found: no amount with a currency or a scale word", "yellow")]
        drawn: list[Part] = []
        for number, draft in enumerate(drafts, start=1):
            state = "complete" if not draft.missing else "missing " + ", ".join(draft.missing)
            drawn.append(Section(f"Draft {number} of {len(drafts)} ({state})"))
            pairs = [
                (
                    name,
                    f"{_draft_value(draft, name)}   \u2190 \u201c{draft.found[name].words}\u201d",
                )
                for name in FIELDS
                if name in draft.found
            ]
            if draft.part_of is not None:
                pairs.append(("part of", f"draft {draft.part_of + 1}"))
            if draft.delivery_of is not None:
                pairs.append(("delivery of", f"draft {draft.delivery_of + 1}"))
            if draft.relative_to is not None:
                pairs.append(("same as", str(draft.relative_to)))
            if draft.note:
                pairs.append(("note", draft.note))
            drawn.append(Fields(pairs))
            drawn += [
                Note(f"  conversion given: \u201c{words}\u201d (not the amount)", "dim")
                for words in draft.conversions
            ]
            drawn += [Note(f"  open: {name}: {why}", "yellow") for name, why in draft.open.items()]
            drawn.append(Note(f"  \u201c{draft.quote}\u201d", "italic"))
        return drawn

    def rows(self) -> list[dict[str, Any]]:
        from ..extract import record

        return [
            record(self.drafts, index, source=self.source, source_date=self.source_date)
            for index in range(len(self.drafts))
        ]

    def csv_table(self) -> tuple[Sequence[str], Iterable[dict[str, Any]]]:
        return CSV_COLUMNS, map(_csv_row, self.rows())


def _csv_row(row: dict[str, Any]) -> dict[str, Any]:
    """A JSON draft as a CSV row: the years as one label, the source in its columns."""
    years = row.get("years")
    flat = {k: v for k, v in row.items() if k not in ("years", "sources")}
    if years:
        flat["year"] = f"{years[0]}-{years[1]}"
    (source,) = row["sources"]
    return flat | {
        "source_url": source["url"],
        "source_date": source["date"],
        "quote": source["quote"],
    }


def _draft_value(draft: Draft, name: str) -> str:
    value = draft.value(name)
    if name == "amount":
        currency = draft.value("currency")
        return format_exact(value, currency) if currency else f"{value:,f}"
    return str(value)
