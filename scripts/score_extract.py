"""Score `aidtrack extract` on tables of real news sentences (issue 24).

For each table: entries, drafts expected, precision (right filled fields over filled
fields), recall (right over stated), wrong amounts, and the drafts made from sentences
that state no pledge. The measure is `aidtrack.extract_scoring`, the one the tests use;
the tables and the rule about the held-out one are in tests/data/README.md.

Run: python scripts/score_extract.py tests/data/news_unseen_tuning.json \
         tests/data/news_unseen_heldout.json [--fields]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from aidtrack.extract_scoring import COMPARED, Figures, measure


def report(name: str, figures: Figures, fields: bool = False) -> str:
    """The figures of one table as lines of text."""
    lines = [
        name,
        f"  entries: {figures.entries}",
        f"  drafts expected: {figures.expected}",
        f"  precision: {figures.precision:.1%} "
        f"({figures.right} of {figures.filled} filled fields right)",
        f"  recall: {figures.recall:.1%} ({figures.right} of {figures.stated} stated fields found)",
        f"  wrong amounts: {figures.wrong_amounts}",
        f"  drafts from no-pledge sentences: {figures.no_pledge_drafts} "
        f"(from {figures.no_pledge_hit} of {figures.no_pledge} sentences)",
    ]
    if fields:
        lines.append("  field        right  wrong  missed")
        for field in COMPARED:
            t = figures.tally[field]
            lines.append(f"  {field:<12} {t['right']:>5}  {t['wrong']:>5}  {t['missed']:>6}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("tables", nargs="+", type=Path, help="JSON tables of sentences")
    parser.add_argument("--fields", action="store_true", help="also print the tally per field")
    args = parser.parse_args(argv)
    for path in args.tables:
        entries = json.loads(path.read_text(encoding="utf-8"))
        print(report(str(path), measure(entries), fields=args.fields))
    return 0


if __name__ == "__main__":
    sys.exit(main())
