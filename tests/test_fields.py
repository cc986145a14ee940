"""One declaration of a record's fields (issue 26): `Pledge` declares each field once,
and the JSON keys, CSV columns, SQLite table, spreadsheet columns and column maps follow
from it. `channel`, added so, travels through every format, while the stores, files and
content ids made before it stay as they were."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from aidtrack import database, mapping, model, workbook
from aidtrack.store import read

from .conftest import NOR_2026, Aidtrack

# What aidtrack wrote before `channel` existed: a store's record, byte for byte.
OLD_RECORD = (
    '{"id":"p1","donor":"Norway","donor_code":"NOR","recipient":"Ukraine",'
    '"recipient_code":"UKR","year":2026,"first_year":2026,"last_year":2026,'
    '"amount":"85000000000","currency":"NOK","qualifier":"exact","status":"announced",'
    '"category":"mixed","label":null,"instrument":"unspecified","announced_on":"2025-10-15",'
    '"sources":[{"url":"https://x.org/nor","date":"2025-10-15","quote":null}],'
    '"supersedes":null,"part_of":null,"delivery_of":null,"note":null,'
    '"created_at":"2025-10-15T09:00:00Z","updated_at":"2025-10-15T09:00:00Z"}'
)
OLD_STORE = (
    '{\n"meta": {\n"1": {"schema_version":1,"next_serial":2}\n},\n'
    f'"pledges": {{\n"1": {OLD_RECORD}\n}}\n}}\n'
)
FUNDED = ("Norway", "NOK 5bn", "--to", "Ukraine", "--year", "2025", "--source", "https://x.org/p")


def test_every_format_takes_its_columns_from_the_declaration() -> None:
    assert (
        _names(
            "id donor recipient year amount currency qualifier status category label "
            "instrument announced_on source_url source_date quote supersedes part_of "
            "delivery_of note channel"
        )
        == model.CSV_COLUMNS
    )
    assert mapping.FIELDS == model.CSV_COLUMNS
    assert (
        _names("donor recipient currency qualifier status category instrument")
        == mapping.VALUE_FIELDS
    )
    assert (
        _names(
            "id donor donor_code recipient recipient_code first_year last_year amount currency "
            "qualifier status category label instrument announced_on supersedes part_of "
            "delivery_of note channel created_at updated_at"
        )
        == database.PLEDGE_COLUMNS
    )
    assert "    supersedes TEXT REFERENCES pledges(id),\n" in database.SCHEMA
    assert (
        _names(
            "id donor donor_code recipient recipient_code year first_year last_year amount "
            "currency amount_exact qualifier status category label instrument announced_on "
            "source_url source_date quote sources supersedes part_of delivery_of note channel "
            "created_at updated_at"
        )
        == workbook.RECORD_COLUMNS
    )


def test_every_field_a_person_or_a_file_gives_has_its_rule() -> None:
    """The store derives the codes from the names, first_year and last_year from the
    year, and takes sources apart; every other field is checked by `Builder`."""
    derived = {"donor_code", "recipient_code", "first_year", "last_year", "sources"}
    assert set(model.Builder()._parsers) == model.FIELDS - derived


@pytest.mark.parametrize("fmt", ["json", "ndjson", "csv", "sqlite", "xlsx"])
def test_the_channel_comes_back_through_every_format(
    aidtrack: Aidtrack, tmp_path: Path, fmt: str
) -> None:
    aidtrack.ok("add", *FUNDED, "--channel", "PURL")
    aidtrack.ok("add", *NOR_2026, "--channel", "World Bank trust fund")
    aidtrack.ok(
        "add", "Germany", "EUR 1bn", "--to", "Ukraine", "-y", "2025", "--source", "https://x.org/g"
    )
    aidtrack.ok("edit", "p3", "--channel", "Ukraine Facility")
    path = tmp_path / f"pledges.{fmt}"
    aidtrack.ok("export", "--all", "--format", fmt, "-o", str(path))
    copy = str(tmp_path / "copy.json")
    aidtrack.ok("--db", copy, "import", str(path))
    found = _records(aidtrack, "--db", copy)
    assert found == _records(aidtrack)
    assert [r["channel"] for r in found] == ["PURL", "World Bank trust fund", "Ukraine Facility"]


def test_csv_and_tsv_carry_the_channel_as_their_last_column(aidtrack: Aidtrack) -> None:
    aidtrack.ok("add", *FUNDED, "--channel", "PURL")
    aidtrack.ok("add", *NOR_2026)
    rows = list(
        csv.DictReader(io.StringIO(aidtrack.ok("list", "--sort", "id", "--format", "csv").stdout))
    )
    assert [row["channel"] for row in rows] == ["PURL", ""]
    lines = aidtrack.ok("list", "--sort", "id", "--format", "tsv").stdout.splitlines()
    assert [line.split("\t")[-1] for line in lines] == ["channel", "PURL", ""]


def test_show_and_json_name_the_channel_only_when_there_is_one(aidtrack: Aidtrack) -> None:
    aidtrack.ok("add", *FUNDED, "--channel", "PURL")
    aidtrack.ok("add", *NOR_2026)
    shown = aidtrack.ok("show", "p1").stdout
    assert "channel     PURL\n" in shown
    assert "channel" not in aidtrack.ok("show", "p2").stdout
    assert aidtrack.json("show", "p1")["channel"] == "PURL"
    funded, plain = aidtrack.json("list", "--sort", "id")
    assert list(funded)[-4:] == ["note", "channel", "created_at", "updated_at"]
    assert "channel" not in plain


def test_add_from_text_takes_the_channel_from_nowhere_but_the_text(aidtrack: Aidtrack) -> None:
    result = aidtrack("add", "--from-text", "Norway gives NOK 5bn.", "--channel", "PURL")
    assert result.exit_code == 1 and "the text gives the fields" in result.stderr


def test_a_store_written_before_the_channel_reads_and_lists_as_it_is(
    aidtrack: Aidtrack, store: Path
) -> None:
    store.parent.mkdir(parents=True)
    store.write_text(OLD_STORE)
    (doc,) = read(store).data["pledges"].values()
    assert model.in_stored_form(doc)  # printed as stored, without being built
    (listed,) = aidtrack.json("list")
    assert list(listed.items()) == list(json.loads(OLD_RECORD).items())
    assert "channel" not in aidtrack.ok("show", "p1").stdout
    aidtrack.ok("edit", "p1", "--note", "checked")
    assert "channel" not in read(store).data["pledges"]["1"]


def test_a_channel_given_later_takes_its_place_in_the_stored_record(
    aidtrack: Aidtrack, store: Path
) -> None:
    store.parent.mkdir(parents=True)
    store.write_text(OLD_STORE)
    aidtrack.ok("edit", "p1", "--channel", "PURL")
    doc = read(store).data["pledges"]["1"]
    old = list(json.loads(OLD_RECORD))
    assert list(doc) == [*old[: old.index("note") + 1], "channel", "created_at", "updated_at"]
    assert doc["channel"] == "PURL" and model.in_stored_form(doc)
    aidtrack.ok("revise", "p1", "--status", "committed")
    assert aidtrack.json("show", "p2")["channel"] == "PURL"  # a revision keeps it


def test_a_database_exported_before_the_channel_imports(aidtrack: Aidtrack, tmp_path: Path) -> None:
    aidtrack.ok("add", *NOR_2026)
    path = tmp_path / "old.db"
    aidtrack.ok("export", "--format", "sqlite", "-o", str(path))
    with sqlite3.connect(path) as db:
        db.execute("ALTER TABLE pledges DROP COLUMN channel")
    db.close()
    copy = str(tmp_path / "copy.json")
    aidtrack.ok("--db", copy, "import", str(path))
    assert _records(aidtrack, "--db", copy) == _records(aidtrack)


def test_a_column_map_fills_the_channel(aidtrack: Aidtrack, tmp_path: Path) -> None:
    path = tmp_path / "tracker.csv"
    path.write_text("Donor,Amount,Year,Fund\nGermany,1000000,2024,PURL\nFrance,2000000,2024,\n")
    aidtrack.ok(
        *("import", str(path), "--map", "donor=Donor", "--map", "amount=Amount"),
        *("--map", "year=Year", "--map", "channel=Fund", "--set", "recipient=Ukraine"),
        *("--set", "currency=EUR"),
    )
    found = {r["donor"]: r.get("channel") for r in aidtrack.json("list")}
    assert found == {"Germany": "PURL", "France": None}


def test_a_rows_content_id_names_the_channel_only_when_the_row_gives_one() -> None:
    """Ids made before the channel existed stay: importing a tracker's file again after
    the upgrade adds nothing."""
    row = {"donor": "Germany", "amount": "7100000000", "year": "2024", "recipient": "Ukraine"}
    row |= {"currency": "EUR", "note": "first"}
    assert mapping.content_id(row) == "m-6bb9b2cc0354"  # as before the channel
    assert mapping.content_id(row, 2) == "m-c2dc90179c4b"
    assert mapping.content_id({**row, "channel": "PURL"}) != "m-6bb9b2cc0354"


def test_the_workbook_holds_the_channel_as_text(aidtrack: Aidtrack, tmp_path: Path) -> None:
    aidtrack.ok("add", *FUNDED, "--channel", "=PURL")
    path = tmp_path / "pledges.xlsx"
    aidtrack.ok("export", "-o", str(path))
    sheet = openpyxl.load_workbook(path)["pledges"]
    header, row = (list(r) for r in sheet.iter_rows(max_row=2))
    cell = row[[c.value for c in header].index("channel")]
    assert (cell.value, cell.data_type) == ("=PURL", "s")


def _records(aidtrack: Aidtrack, *db: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = aidtrack.json(*db, "list", "--all", "--to", "all", "--sort", "id")
    return [{k: v for k, v in r.items() if k not in ("created_at", "updated_at")} for r in rows]


def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split())
