"""IATI activity XML 2.0x (`--mapping iati`, or a file whose root is <iati-activities>):
commitments become pledges, disbursements their deliveries (DESIGN §2a), and hostile
XML is refused in one line with the store untouched."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from aidtrack import iati

from .conftest import Aidtrack

ID_RULE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")

# Written from the IATI activity standard 2.03 (iati-activities/iati-activity, with
# reporting-org, participating-org, recipient-country, document-link and transactions
# of types 2 commitment, 3 disbursement, 4 expenditure, 1 incoming funds).
ACTIVITIES = """<?xml version="1.0" encoding="UTF-8"?>
<!-- an activity file as a publisher writes it -->
<iati-activities version="2.03" generated-datetime="2024-05-01T12:00:00Z">
  <iati-activity default-currency="EUR" humanitarian="1" xml:lang="en"
      last-updated-datetime="2024-04-30T00:00:00Z">
    <iati-identifier>NO-BRC-971277882-UKR-22/0001</iati-identifier>
    <reporting-org ref="NO-BRC-971277882" type="10">
      <narrative>Norway</narrative>
      <narrative xml:lang="nb">Norge</narrative>
    </reporting-org>
    <title><narrative>Winter support to Ukraine</narrative></title>
    <participating-org role="4" type="21">
      <narrative>Norwegian Refugee Council</narrative>
    </participating-org>
    <activity-status code="2"/>
    <activity-date type="2" iso-date="2022-11-15"/>
    <recipient-country code="UA" percentage="100"/>
    <sector vocabulary="1" code="72010" percentage="100"/>
    <default-finance-type code="110"/>
    <transaction ref="TX-1">
      <transaction-type code="2"/>
      <transaction-date iso-date="2022-11-15"/>
      <value currency="EUR" value-date="2022-11-15">10000000</value>
      <description><narrative>Agreement signed for winter support</narrative></description>
    </transaction>
    <transaction ref="TX-2">
      <transaction-type code="3"/>
      <transaction-date iso-date="2022-12-01"/>
      <value value-date="2022-12-01">4000000</value>
      <description><narrative>First tranche paid to the partner</narrative></description>
    </transaction>
    <transaction ref="TX-3">
      <transaction-type code="3"/>
      <transaction-date iso-date="2023-02-01"/>
      <value value-date="2023-02-01">5000000.00</value>
    </transaction>
    <document-link url="https://example.org/agreements/ua-winter" format="text/html">
      <title><narrative>Grant agreement</narrative></title>
      <category code="A01"/>
      <document-date iso-date="2022-11-01"/>
    </document-link>
  </iati-activity>
  <iati-activity default-currency="USD">
    <iati-identifier>SE-0-SE-6-1234 Ukraine energy</iati-identifier>
    <reporting-org ref="SE-0" type="10"><narrative>Sida</narrative></reporting-org>
    <title><narrative>Energy repairs</narrative></title>
    <participating-org role="1" type="10"><narrative>Sweden</narrative></participating-org>
    <participating-org role="4" type="40"><narrative>UNDP</narrative></participating-org>
    <recipient-country code="UA"/>
    <default-aid-type code="A02" vocabulary="1"/>
    <transaction>
      <transaction-type code="2"/>
      <transaction-date iso-date="2023-03-01"/>
      <value value-date="2023-03-01">12000000</value>
    </transaction>
    <transaction>
      <transaction-type code="2"/>
      <transaction-date iso-date="2023-09-01"/>
      <value currency="USD" value-date="2023-09-01">8000000</value>
      <description><narrative>Top-up</narrative></description>
    </transaction>
    <transaction>
      <transaction-type code="4"/>
      <transaction-date iso-date="2023-10-01"/>
      <value value-date="2023-10-01">6000000</value>
    </transaction>
    <transaction>
      <transaction-type code="3"/>
      <transaction-date iso-date="2024-02-01"/>
      <value currency="USD" value-date="2024-01-31">3000000</value>
    </transaction>
    <transaction>
      <transaction-type code="1"/>
      <transaction-date iso-date="2023-01-01"/>
      <value value-date="2023-01-01">20000000</value>
    </transaction>
    <document-link url="https://example.org/se/energy" format="application/pdf"/>
  </iati-activity>
  <iati-activity default-currency="EUR">
    <iati-identifier>NO-BRC-971277882-REG-1</iati-identifier>
    <reporting-org ref="NO-BRC-971277882" type="10"><narrative>Norway</narrative></reporting-org>
    <recipient-country code="UA" percentage="50"/>
    <recipient-country code="MD" percentage="50"/>
    <transaction>
      <transaction-type code="2"/>
      <transaction-date iso-date="2023-01-01"/>
      <value value-date="2023-01-01">1000000</value>
    </transaction>
  </iati-activity>
</iati-activities>
"""


def write(tmp_path: Path, text: str = ACTIVITIES, name: str = "activities.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def records(aidtrack: Aidtrack) -> dict[str, dict[str, Any]]:
    return {record["id"]: record for record in aidtrack.json("list", "--all", "--to", "all")}


def test_commitments_become_pledges_and_disbursements_their_deliveries(
    aidtrack: Aidtrack, tmp_path: Path
) -> None:
    path = write(tmp_path)
    result = aidtrack.ok("import", str(path))  # found by its root, no --mapping needed
    assert "6 new" in result.stderr
    assert "1 activities not for one recipient country left out" in result.stderr
    assert "1 transactions of other types" in result.stderr
    held = records(aidtrack)
    assert all(ID_RULE.fullmatch(pledge_id) for pledge_id in held)
    pledges = {r["id"]: r for r in held.values() if not r.get("delivery_of")}
    deliveries = [r for r in held.values() if r.get("delivery_of")]
    assert len(pledges) == 2 and len(deliveries) == 4

    (norway,) = [r for r in pledges.values() if r["donor"] == "Norway"]
    assert norway["id"].startswith("iati-NO-BRC-971277882-UKR-22")
    assert (norway["year"], norway["amount"], norway["currency"]) == (2022, "10000000", "EUR")
    assert (norway["status"], norway["category"], norway["instrument"]) == (
        "committed",
        "humanitarian",
        "grant",
    )
    assert norway["recipient"] == "Ukraine"
    assert norway["announced_on"] == "2022-11-15"
    assert norway["sources"] == [
        {
            "url": "https://example.org/agreements/ua-winter",
            "date": "2022-11-01",
            "quote": "Agreement signed for winter support",
        }
    ]
    assert "NO-BRC-971277882-UKR-22/0001" in norway["note"]

    # Sweden is the funding organisation (role 1), not Sida, the reporting-org; its two
    # commitments of 2023 are one pledge.
    (sweden,) = [r for r in pledges.values() if r["donor"] == "Sweden"]
    assert (sweden["year"], sweden["amount"], sweden["currency"]) == (2023, "20000000", "USD")
    assert sweden["category"] == "financial"  # aid type A02, sector budget support

    by_pledge = sorted(
        (d["delivery_of"], d["year"], d["amount"], d["currency"], d["status"]) for d in deliveries
    )
    assert by_pledge == sorted(
        [
            (norway["id"], 2022, "4000000", "EUR", "disbursed"),
            (norway["id"], 2023, "5000000", "EUR", "disbursed"),
            (sweden["id"], 2023, "6000000", "USD", "disbursed"),
            # dated by its transaction-date, not its value-date of 2024-01-31... both 2024
            (sweden["id"], 2024, "3000000", "USD", "disbursed"),
        ]
    )
    first = next(d for d in deliveries if d["amount"] == "4000000")
    assert first["sources"][0]["quote"] == "First tranche paid to the partner"
    assert first["sources"][0]["url"] == "https://example.org/agreements/ua-winter"


def test_the_report_shows_promised_and_delivered_per_donor_and_year(
    aidtrack: Aidtrack, tmp_path: Path
) -> None:
    aidtrack.ok("import", str(write(tmp_path)), "--mapping", "iati")

    def measures(year: str, currency: str) -> dict[str, tuple[Decimal, Decimal]]:
        report = aidtrack.json("report", "--year", year, "--currency", currency)
        return {
            d["donor"]: (Decimal(d["promised"] or 0), Decimal(d["delivered"] or 0))
            for d in report["donors"]
        }

    assert measures("2022", "EUR")["Norway"] == (Decimal(10_000_000), Decimal(4_000_000))
    # 2023: Norway promised nothing new; its second tranche arrived
    assert measures("2023", "EUR")["Norway"] == (Decimal(0), Decimal(5_000_000))
    assert measures("2023", "USD")["Sweden"] == (Decimal(20_000_000), Decimal(6_000_000))
    assert measures("2024", "USD")["Sweden"] == (Decimal(0), Decimal(3_000_000))


def test_importing_the_same_file_again_adds_nothing(aidtrack: Aidtrack, tmp_path: Path) -> None:
    path = write(tmp_path)
    aidtrack.ok("import", str(path))
    before = records(aidtrack)
    again = aidtrack.ok("import", str(path), "--json")
    summary = json.loads(again.stdout)
    assert summary["added"] == [] and summary["updated"] == []
    assert len(summary["unchanged"]) == 6
    assert records(aidtrack) == before


def test_stdin_reads_with_the_preset(aidtrack: Aidtrack, tmp_path: Path) -> None:
    result = aidtrack.ok("import", "-", "--mapping", "iati", "--dry-run", input=ACTIVITIES)
    assert "6 new" in result.stderr and "nothing was written" in result.stderr


def test_an_unknown_organisation_is_one_line_naming_it_and_a_value_map_names_it(
    aidtrack: Aidtrack, tmp_path: Path, store: Path
) -> None:
    text = ACTIVITIES.replace("<narrative>Sweden</narrative>", "<narrative>Sida</narrative>")
    path = write(tmp_path, text)
    result = aidtrack("import", str(path))
    assert result.exit_code == 1
    error = result.stderr.strip()
    assert "\n" not in error and "Traceback" not in result.output
    assert "unknown donor 'Sida'" in error and "SE-0-SE-6-1234 Ukraine energy" in error
    assert "--value 'donor:Sida=DONOR'" in error
    assert not store.exists()
    aidtrack.ok("import", str(path), "--value", "donor:Sida=Sweden")
    assert {r["donor"] for r in records(aidtrack).values()} == {"Norway", "Sweden"}


def test_ids_are_deterministic_and_follow_the_id_rule() -> None:
    first = iati.read(ACTIVITIES.encode(), name="a.xml")
    second = iati.read(ACTIVITIES.encode(), name="a.xml")
    ids = [item.id for item in first.incoming]
    assert ids == [item.id for item in second.incoming]
    assert len(set(ids)) == len(ids)
    assert all(ID_RULE.fullmatch(pledge_id) for pledge_id in ids)
    long = ACTIVITIES.replace("SE-0-SE-6-1234 Ukraine energy", "XI-IATI-EC_DEVCO-" + "9/" * 60)
    assert all(ID_RULE.fullmatch(item.id) for item in iati.read(long.encode()).incoming)


def test_a_reversal_nets_against_the_years_deliveries() -> None:
    text = ACTIVITIES.replace(
        '<value currency="USD" value-date="2024-01-31">3000000</value>',
        '<value currency="USD" value-date="2024-01-31">3000000</value></transaction>'
        '<transaction><transaction-type code="3"/><transaction-date iso-date="2024-03-01"/>'
        '<value value-date="2024-03-01">-1000000.004</value>',
    )
    read = iati.read(text.encode())
    amounts = sorted(str(item.values["amount"]) for item in read.incoming)
    assert "2000000.00" in amounts or "2000000" in amounts
    assert any("netted" in note for note in read.notes)


HOSTILE = {
    "billion laughs": """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<iati-activities version="2.03"><iati-activity>
<iati-identifier>&lol4;</iati-identifier></iati-activity></iati-activities>
""",
    "external entity": """<?xml version="1.0"?>
<!DOCTYPE iati-activities [ <!ENTITY x SYSTEM "file:///etc/passwd"> ]>
<iati-activities version="2.03"><iati-activity>
<iati-identifier>&x;</iati-identifier></iati-activity></iati-activities>
""",
    "external parameter entity": """<?xml version="1.0"?>
<!DOCTYPE iati-activities [ <!ENTITY % p SYSTEM "http://example.invalid/x.dtd"> %p; ]>
<iati-activities version="2.03"/>
""",
    "not well-formed": '<iati-activities version="2.03"><iati-activity>',
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
@pytest.mark.parametrize("flags", [(), ("--mapping", "iati")])
def test_hostile_xml_is_refused_in_one_line_and_the_store_is_untouched(
    aidtrack: Aidtrack, tmp_path: Path, store: Path, kind: str, flags: tuple[str, ...]
) -> None:
    aidtrack.ok("import", str(write(tmp_path)))
    before = store.read_bytes()
    path = write(tmp_path, HOSTILE[kind], "hostile.xml")
    result = aidtrack("import", str(path), *flags)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert "root:" not in result.stderr  # nothing of /etc/passwd
    if "entity" in kind or kind == "billion laughs":
        assert "entity" in lines[0] and "refused" in lines[0]
    assert store.read_bytes() == before


def test_entities_are_refused_from_stdin_too(aidtrack: Aidtrack, store: Path) -> None:
    result = aidtrack("import", "-", "--mapping", "iati", input=HOSTILE["external entity"])
    assert result.exit_code == 1
    assert "stdin defines the XML entity 'x'" in result.stderr
    assert not store.exists()


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    aidtrack: Aidtrack, tmp_path: Path, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.xml"
    with big.open("wb") as stream:  # sparse: 201 MB without writing them
        stream.truncate(iati.MAX_BYTES + 1)
    result = aidtrack("import", str(big), "--mapping", "iati")
    assert result.exit_code == 1
    assert "larger than 200 MB" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    monkeypatch.setattr(iati, "MAX_BYTES", 1000)
    result = aidtrack("import", "-", "--mapping", "iati", input=ACTIVITIES)
    assert result.exit_code == 1 and "stdin is larger than 1000 bytes" in result.stderr
    assert not store.exists()


def test_another_xml_root_or_an_old_version_is_refused(aidtrack: Aidtrack, tmp_path: Path) -> None:
    other = write(tmp_path, '<?xml version="1.0"?><iati-organisations/>', "orgs.xml")
    result = aidtrack("import", str(other), "--mapping", "iati")
    assert result.exit_code == 1 and "its root is <iati-organisations>" in result.stderr
    old = write(tmp_path, ACTIVITIES.replace('version="2.03"', 'version="1.05"'), "old.xml")
    result = aidtrack("import", str(old))
    assert result.exit_code == 1 and "IATI 1.05" in result.stderr


def test_a_column_map_does_not_apply(aidtrack: Aidtrack, tmp_path: Path) -> None:
    result = aidtrack("import", str(write(tmp_path)), "--mapping", "iati", "--map", "donor=x")
    assert result.exit_code == 1 and "not by columns" in result.stderr


def test_the_root_is_found_past_the_prolog() -> None:
    assert iati.is_iati(b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- <x> -->\n<iati-activities>')
    assert not iati.is_iati(b'<?xml version="1.0"?><iati-organisations>')
    assert not iati.is_iati(b"donor,amount\n")


def test_row_options_are_refused_for_an_activity_file(aidtrack: Aidtrack, tmp_path: Path) -> None:
    path = write(tmp_path)
    for flags in (("--rejects", str(tmp_path / "r.csv")), ("--scale", "million")):
        result = aidtrack("import", str(path), *flags)
        assert result.exit_code == 1 and "read by activity" in result.stderr
