"""Seizures: the place, the person seized from, and the phone, handset or vehicle seized."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from .helpers import rows
from .kind_rows import GOOD, counts, load

GOOD_ROW = GOOD["seizures"][0]
# id, time, item_type, operation, address, postcode, person, dob, then the item's details.
BASE = "S2,2024-06-01T06:30:00+01:00,{item},OP-1,,{postcode},{person},{details}"


def row(item: str = "drugs", postcode: str = "", person: str = ",", details: str = "") -> str:
    """A seizure with the given item type, postcode, person (name,dob) and details (9 columns)."""
    return BASE.format(item=item, postcode=postcode, person=person, details=details or ",,,,,,,,")


def test_phone_seizure_links_place_person_phone_handset_vehicle(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    load(store, tmp_path / "s.csv", "seizures", GOOD_ROW)
    assert rows(store, "SELECT person_record_id, number, imei, vrm FROM seizures") == [
        ("seizures:S1", "+447700900123", "353456789012345", "AB12CDE")
    ]
    assert rows(store, "SELECT rel, dst_id FROM links ORDER BY 1") == [
        ("seized_at", "5 DOCK RD, ME4 4XX"),
        ("seized_from", "seizures:S1"),
        ("seized_handset", "353456789012345"),
        ("seized_phone", "+447700900123"),
        ("seized_vehicle", "AB12CDE"),
    ]
    assert rows(
        store,
        "SELECT (SELECT count(*) FROM phones), (SELECT count(*) FROM handsets), "
        "(SELECT count(*) FROM vehicles), (SELECT count(*) FROM person_records)",
    ) == [(1, 1, 1, 1)]


def test_drugs_without_a_person_make_no_person_record(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    load(store, tmp_path / "s.csv", "seizures", row(details="12.5,wraps,600,a,crack,,,,"))
    assert rows(
        store,
        "SELECT quantity, unit, value_gbp, drug_class, drug_type, person_record_id FROM seizures",
    ) == [(12.5, "wraps", 600.0, "A", "crack", None)]
    assert rows(store, "SELECT count(*) FROM person_records") == [(0,)]


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        (row("boat"), "item_type"),
        (row(""), "item_type"),
        (row(postcode="XX"), "postcode"),
        (row(person=",1990-01-01"), "person_name"),
        (row(person="Kim Lee,1990-13-01"), "person_dob"),
        (row(details="-5,g,,,,,,,"), "quantity"),
        (row(details="5,kg,,,,,,,"), "unit"),
        (row(details=",,lots,,,,,,"), "value_gbp"),
        (row(details=",,,D,,,,,"), "drug_class"),
        (row("cash", details=",,,B,,,,,"), "drug_class"),
        (row("phone", details=",,,,,,12,,"), "number"),
        (row("phone", details=",,,,,,,123,"), "imei"),
        (row("vehicle", details=",,,,,,,,AB-12!"), "vrm"),
    ],
)
def test_bad_seizure_quarantined_and_rest_stored(
    store: duckdb.DuckDBPyConnection, tmp_path: Path, bad: str, field: str
) -> None:
    summary = load(store, tmp_path / "s.csv", "seizures", GOOD_ROW, bad)
    assert counts(summary, "seizures") == (2, 1, 0, 1)
    assert rows(store, "SELECT src_line, field FROM quarantine") == [(3, field)]
