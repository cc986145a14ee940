"""Reports that tell the whole truth, on every screen: no figure cut at any width, a
missing rate costing only what it touches, the scope always said, nothing claimed that
the store does not hold, shares that add up, plain output when piped, and pictures
that can be published."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from aidtrack.money import format_compact

from .conftest import Aidtrack

LONGEST = "South Georgia and the South Sandwich Islands"  # pycountry's longest name
WIDTHS = (60, 80, 100, 120, 200)


@pytest.fixture
def sample(aidtrack: Aidtrack, store: Path) -> Path:
    """The shipped dataset, a donor with the longest name there is, a problem, and
    money delivered in 2026 (of Norway's 2025 pledge and of the Nansen envelope)."""
    aidtrack.ok("init", "--sample")
    islands = ("NOK 1.25bn", "--to", "Ukraine", "-y", "2026", "--source", "https://x.org/gs")
    aidtrack.ok("add", LONGEST, *islands)
    aidtrack.ok("add", "Norway", "NOK 3bn", "--to", "Ukraine", "-y", "2024", "--force")
    deliver(store, "nor-2025", "5000000000", "2026")
    deliver(store, "nor-nansen-2030", "20000000000", "2026")
    return store


def deliver(store: Path, of: str, amount: str, year: str) -> None:
    """NOK disbursed of pledge `of` in `year`, through the ledger's write rules."""
    from aidtrack import model
    from aidtrack.ledger import open_ledger

    with open_ledger(store, write=True) as ledger:
        fields = {"donor": "Norway", "recipient": "Ukraine", "year": year, "amount": amount}
        fields |= {"currency": "NOK", "status": "disbursed", "delivery_of": of}
        ledger.add(model.build(fields, id=f"{of}-d{year}"))


def on_terminal(store: Path, args: list[str], columns: int) -> str:
    """What a person sees running `aidtrack ARGS` in a terminal `columns` wide."""
    import fcntl
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 60, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env |= {"AIDTRACK_DB": str(store), "NO_COLOR": "1", "TERM": "xterm"}
    process = subprocess.Popen(
        [sys.executable, "-m", "aidtrack", *args],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 1 << 16)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    text = b"".join(chunks).decode()
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text).replace("\r\n", "\n")


def json_of(aidtrack: Aidtrack, *args: str) -> Any:
    return aidtrack.json(*args)


def figures_of_records(records: list[dict[str, Any]], converted: bool) -> Iterator[str]:
    for record in records:
        yield record["id"]
        yield from record["donor"].split()  # a name may wrap between its words
        yield from record["recipient"].split()
        yield format_compact(Decimal(record["amount"]), record["currency"], record["qualifier"])
        if converted:
            conversion = record["converted"]
            yield format_compact(
                Decimal(conversion["amount"]), conversion["currency"], record["qualifier"]
            )
            yield conversion["rate"]


def figures_of_report(data: dict[str, Any], key: str) -> Iterator[str]:
    currency = data["currency"]
    for donor in data["donors"]:
        yield from donor["donor"].split()
        amounts = donor["amounts"] if key == "amounts" else {"y": donor["amount"]}
        for amount in amounts.values():
            if amount is not None and Decimal(amount):
                yield format_compact(Decimal(amount), currency).removeprefix("~ ")
        if donor.get("share_pct") is not None:
            yield f"{donor['share_pct']}%"
        if donor.get("change_pct") is not None:
            yield donor["change_pct"].lstrip("-")
    # The year's total of both measures: in the note under the table at every width.
    total = data["total"]
    delivered, pct = total["delivered"], total["delivered_pct"]
    if key == "amounts":  # compare: by year, the last one's
        delivered, pct = (
            total[name][str(data["years"][-1])] for name in ("delivered", "delivered_pct")
        )
    if delivered is not None and Decimal(delivered):
        yield format_compact(Decimal(delivered), currency)
        yield f"{pct}%"
    for rate in data["rates"]:
        yield rate["rate"]
    for envelope in data.get("envelopes", [])[:10]:
        yield envelope["id"]
        yield format_compact(Decimal(envelope["amount"]), envelope["currency"])
        if Decimal(envelope["delivered"]):
            yield format_compact(Decimal(envelope["delivered"]), envelope["currency"])
            yield f"({envelope['delivered_pct']}%)"
        yield f"({envelope['pace_pct']}%)"


SCREENS: dict[str, tuple[list[str], Any]] = {
    "list": (["list"], lambda a: figures_of_records(json_of(a, "list"), False)),
    "list --currency": (
        ["list", "--currency", "USD"],
        lambda a: figures_of_records(json_of(a, "list", "--currency", "USD"), True),
    ),
    "show": (
        ["show", "nor-2026"],
        lambda a: [
            *figures_of_records([json_of(a, "show", "nor-2026")], False),
            "NOK 85,000,000,000",
        ],
    ),
    "report": (
        ["report", "--year", "2026"],
        lambda a: figures_of_report(json_of(a, "report", "--year", "2026"), "amount"),
    ),
    "compare": (
        ["compare"],
        lambda a: figures_of_report(json_of(a, "compare"), "amounts"),
    ),
    "rates": (
        ["rates", "--year", "2024"],
        lambda a: [r["per_eur"] for r in json_of(a, "rates", "--year", "2024")["rates"]],
    ),
    "check": (["check"], lambda a: ["p2", "no_source"]),
}


@pytest.mark.slow
@pytest.mark.parametrize("screen", SCREENS)
def test_no_figure_is_ever_cut(aidtrack: Aidtrack, sample: Path, screen: str) -> None:
    """At every width from 60 columns, every figure that JSON holds is on the screen
    whole: amounts, rates, percentages and ids on one line, names word by word."""
    args, figures = SCREENS[screen]
    expected = set(figures(aidtrack))
    assert expected, "no figure to look for"
    for columns in WIDTHS:
        shown = on_terminal(sample, args, columns)
        assert "…" not in shown, (columns, shown)
        missing = sorted(f for f in expected if f not in shown)
        assert not missing, (columns, missing, shown)


def test_help_says_how_to_see_every_column(aidtrack: Aidtrack) -> None:
    for command in ("list", "report", "compare", "rates", "check"):
        assert "--wide" in aidtrack.ok(command, "--help").stdout


# A missing rate costs only what it touches -------------------------------------------------


def test_a_record_without_a_rate_is_kept_and_marked(aidtrack: Aidtrack, sample: Path) -> None:
    future = ("Norway", "85bn", "--currency", "NOK", "--year", "2031", "--to", "Ukraine")
    added = aidtrack.ok("add", *future, "--source", "https://example.org/2031")
    assert "no exchange rates for NOK 2031, USD 2031" in added.stderr
    assert "aidtrack rates set NOK 2031" in added.stderr
    new = added.stdout.strip()

    listed = aidtrack("list", "--currency", "USD", "--json")
    assert listed.exit_code == 0, listed.stderr
    records = {r["id"]: r for r in json.loads(listed.stdout)}
    assert records[new]["converted"] is None
    assert records[new]["missing_rate"] == {"currency": "NOK", "year": 2031}
    assert records["nor-2026"]["converted"]["currency"] == "USD"
    assert listed.stderr.count("\n") == 1 and "rates set NOK 2031" in listed.stderr
    table = aidtrack("list", "--currency", "USD")
    assert table.exit_code == 0 and "no rate" in table.stdout

    compared = aidtrack("compare", "--years", "2025-2031", "--json")
    assert compared.exit_code == 0, compared.stderr
    data = json.loads(compared.stdout)
    norway = next(d for d in data["donors"] if d["donor"] == "Norway")
    assert norway["amounts"]["2031"] is None and norway["amounts"]["2026"] is not None
    assert {"currency": "NOK", "year": 2031} in data["missing_rates"]
    assert "rates set NOK 2031" in compared.stderr

    report = aidtrack("report", "--year", "2031")
    assert report.exit_code == 1
    assert "NOK 2031" in report.stderr and "USD 2031" in report.stderr
    assert aidtrack("report", "--year", "2026").exit_code == 0


def test_an_import_of_a_year_without_rates_warns(aidtrack: Aidtrack, tmp_path: Path) -> None:
    path = tmp_path / "future.csv"
    path.write_text("donor,recipient,year,amount,currency\nNorway,Ukraine,2031,5bn,NOK\n")
    result = aidtrack.ok("import", str(path))
    assert "1 new" in result.stderr and "rates set NOK 2031" in result.stderr


# The scope is always said ------------------------------------------------------------------


def test_reports_say_which_recipients_they_cover(
    aidtrack: Aidtrack, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    moldova = ("NOK 85bn", "--to", "Moldova", "-y", "2025", "--status", "committed")
    aidtrack.ok("add", "Norway", *moldova, "--source", "https://example.org/md")
    both = aidtrack.json("report", "--year", "2025", "--currency", "NOK")
    assert both["recipients"] == ["Moldova", "Ukraine"]
    table = aidtrack.ok("report", "--year", "2025", "--currency", "NOK").stdout
    assert "Moldova" in table.splitlines()[0] and "Ukraine" in table.splitlines()[0]
    assert "By recipient" in table

    monkeypatch.setenv("AIDTRACK_RECIPIENT", "Ukraine")
    ukraine = aidtrack.json("report", "--year", "2025", "--currency", "NOK")
    assert ukraine["recipients"] == ["Ukraine"]
    norway = next(d for d in ukraine["donors"] if d["donor"] == "Norway")
    assert norway["amount"] == "85000000000.00"
    assert "to Ukraine" in aidtrack.ok("report", "--year", "2025").stdout.splitlines()[0]
    every = aidtrack.json("report", "--year", "2025", "--currency", "NOK", "--to", "all")
    assert every["recipients"] == ["Moldova", "Ukraine"]
    assert aidtrack.json("compare", "--currency", "NOK")["recipients"] == ["Ukraine"]


# Only what the store knows, and shares that add up -------------------------------------------


def test_a_donor_without_last_years_record_is_not_new(aidtrack: Aidtrack, sample: Path) -> None:
    data = aidtrack.json("report", "--year", "2026")
    germany = next(d for d in data["donors"] if d["donor"] == "Germany")
    assert (germany["previous_amount"], germany["change"], germany["change_pct"]) == (
        None,
        None,
        None,
    )
    assert data["total"]["donors_without_previous"] == 2  # Germany and the islands
    table = aidtrack.ok("report", "--year", "2026").stdout
    assert "no 2025 record" in table and " new" not in table


def test_shares_add_up_to_a_hundred(aidtrack: Aidtrack) -> None:
    for donor in ("Norway", "Denmark", "Sweden"):
        aidtrack.ok("add", donor, "NOK 1bn", "--to", "UA", "-y", "2026", "--force")
    data = aidtrack.json("report", "--year", "2026", "--currency", "NOK")
    shares = [Decimal(d["share_pct"]) for d in data["donors"]]
    assert sum(shares) == Decimal("100.0")
    assert sorted(shares) == [Decimal("33.3"), Decimal("33.3"), Decimal("33.4")]
    table = aidtrack.ok("report", "--year", "2026", "--currency", "NOK").stdout
    assert "33.4%" in table


# Plain output, and formats for scripts and articles -----------------------------------------


READ_COMMANDS = [
    ["list"],
    ["report", "--year", "2026"],
    ["compare"],
    ["rates", "--year", "2024"],
    ["show", "nor-2026"],
    ["check"],
]


@pytest.mark.parametrize("args", READ_COMMANDS)
def test_piped_tables_are_plain(aidtrack: Aidtrack, sample: Path, args: list[str]) -> None:
    shown = aidtrack(*args).stdout
    lines = shown.split("\n")
    assert lines[0].strip() and lines[-1] == "" and lines[-2].strip(), shown[:300]
    assert not [line for line in lines if line != line.rstrip()], shown


@pytest.mark.parametrize("args", [c for c in READ_COMMANDS if c[0] != "show"])
def test_every_read_command_speaks_tsv_and_markdown(
    aidtrack: Aidtrack, sample: Path, args: list[str]
) -> None:
    csv_rows = list(csv.reader(io.StringIO(aidtrack(*args, "--format", "csv").stdout)))
    tsv = aidtrack(*args, "--format", "tsv").stdout
    assert [line.split("\t") for line in tsv.splitlines()] == csv_rows
    markdown = aidtrack(*args, "--format", "markdown").stdout
    table = [line for line in markdown.splitlines() if line.startswith("|")]
    assert table and re.fullmatch(r"\|( ?:?-+:? ?\|)+", table[1])


# Pictures that can be published ---------------------------------------------------------


def test_pictures_are_self_contained_light_and_shared(
    aidtrack: Aidtrack, sample: Path, tmp_path: Path
) -> None:
    svg, html = tmp_path / "r.svg", tmp_path / "r.html"
    os.umask(0o022)
    aidtrack.ok("report", "--year", "2026", "--svg", str(svg), "--html", str(html))
    for picture in (svg, html):
        assert picture.stat().st_mode & 0o777 == 0o644
        text = picture.read_text()
        external = re.findall(r"""(?:url\(|src=|href=|@import)\s*["']?\s*(?:https?:)?//""", text)
        assert external == [], external
    assert "#ffffff" in svg.read_text().lower()
    boxes = text_boxes(svg)
    overlapping = [
        (a, b)
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a[1] == b[1] and a[0] < b[0] + b[2] and b[0] < a[0] + a[2]
    ]
    assert overlapping == []


def text_boxes(svg: Path) -> list[tuple[float, float, float, str]]:
    """(x, y, width, text) of every text element of the drawing."""
    boxes = []
    for element in ElementTree.parse(svg).iter("{http://www.w3.org/2000/svg}text"):
        if element.get("textLength") and (element.text or "").strip():
            boxes.append(
                (
                    float(element.get("x", 0)),
                    float(element.get("y", 0)),
                    float(element.get("textLength", 0)),
                    element.text or "",
                )
            )
    return boxes


@pytest.mark.slow
def test_wide_prints_every_column_past_the_edge(aidtrack: Aidtrack, sample: Path) -> None:
    shown = on_terminal(sample, ["list", "--wide"], 60)
    header = next(line for line in shown.splitlines() if line.startswith("ID"))
    for column in ("Donor", "To", "Year", "Amount", "Status", "Category", "Label", "Links"):
        assert column in header


def test_markdown_is_the_view_for_an_article(aidtrack: Aidtrack, sample: Path) -> None:
    report = aidtrack.ok("report", "--year", "2026", "--format", "markdown").stdout
    assert report.startswith("## Aid pledges to Ukraine in 2026 against 2025, in USD")
    assert "### By category in 2026" in report and "| Donor |" in report
    assert "| Germany | - | $13.3bn | no 2025 record |" in report
    shown = aidtrack.ok("show", "nor-2026", "--format", "markdown").stdout
    assert "- **amount**: NOK 85.0bn  (NOK 85,000,000,000)" in shown


def test_the_fitting_counts_a_tables_own_width_as_rich_draws_it() -> None:
    """`drawing` works out widths itself; they must be Rich's, or a figure could fold."""
    from rich.cells import cell_len
    from rich.console import Console
    from rich.measure import Measurement

    from aidtrack import drawing

    columns = [
        drawing.Column("ID"),
        drawing.Column("Donor", wraps=True),
        drawing.Column("N", right=True),
    ]
    grid = drawing.Grid(
        columns, [(["p1", "South Georgia", "1"], ""), (["p22", "Norway", "22"], "")]
    )
    console = Console(width=200)
    natural = Measurement.get(console, console.options, drawing._table(grid, range(3))).maximum
    widest = sum(
        max(cell_len(cell) for cell in (column.header, *(row[i] for row, _ in grid.rows)))
        for i, column in enumerate(columns)
    )
    assert natural == widest + drawing._GAP * (len(columns) - 1)
