"""Arrests: the person arrested, where, and catalogued offences with their drug class."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from .helpers import rows
from .kind_rows import GOOD, counts, load

GOOD_ROW = GOOD["arrests"][0]
BASE = "A2,2024-06-01T06:00:00+01:00,Kim Lee,{dob},,,,,,,{status},{offences}"


def row(offences: str = "MDA1971-s5-3:B", dob: str = "", status: str = "") -> str:
    """An arrest of Kim Lee with the given offences, date of birth and status."""
    return BASE.format(offences=offences, dob=dob, status=status)


def test_arrest_person_place_and_offences(store: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    load(store, tmp_path / "a.csv", "arrests", GOOD_ROW)
    assert rows(
        store, "SELECT arrest_id, person_record_id, home_area, location_id, status FROM arrests"
    ) == [("A1", "arrests:A1", "Lambeth", "5 DOCK RD, ME4 4XX", "charged")]
    assert rows(
        store, "SELECT record_id, name, dob, sex, address, postcode, home_area FROM person_records"
    ) == [("arrests:A1", "Jay Smith", date(1999, 2, 3), "male", "5 Dock Rd", "ME4 4XX", "Lambeth")]
    assert rows(store, "SELECT code, drug_class FROM arrest_offences ORDER BY 1") == [
        ("MDA1971-s4-3-b", "A"),
        ("POCA2002-s327", None),
    ]
    assert rows(store, "SELECT src_id, rel, dst_id FROM links ORDER BY 2") == [
        ("A1", "arrested", "arrests:A1"),
        ("arrests:A1", "lives_at", "5 DOCK RD, ME4 4XX"),
    ]


def test_offence_order_and_class_case_do_not_make_a_conflict(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    reordered = GOOD_ROW.replace(
        "MDA1971-s4-3-b:A;POCA2002-s327", "POCA2002-s327 ; MDA1971-s4-3-b:a"
    )
    summary = load(store, tmp_path / "a.csv", "arrests", GOOD_ROW, reordered)
    assert counts(summary, "arrests") == (2, 1, 1, 0)


@pytest.mark.parametrize(
    ("bad", "field", "words"),
    [
        (row("NOPE2000-s1"), "offences", "unknown offence code NOPE2000-s1"),
        (row("MDA1971-s5-3:B;POCA2002-s327:A"), "offences", "POCA2002-s327 takes no drug class"),
        (row("MDA1971-s5-3:Z"), "offences", "A, B or C, got Z"),
        (row("MDA1971-s5-3:A:B"), "offences", "CODE:CLASS"),
        (row(" ; "), "offences", "missing"),
        (row(dob="1990-02-30"), "person_dob", "YYYY-MM-DD"),
        (row(status="jailed"), "status", "got jailed"),
        (
            BASE.replace("Kim Lee", "").format(dob="", status="", offences="MDA1971-s8"),
            "person_name",
            "missing",
        ),
    ],
)
def test_bad_arrest_quarantined_and_rest_stored(
    store: duckdb.DuckDBPyConnection, tmp_path: Path, bad: str, field: str, words: str
) -> None:
    summary = load(store, tmp_path / "a.csv", "arrests", GOOD_ROW, bad)
    assert counts(summary, "arrests") == (2, 1, 0, 1)
    ((line, got_field, reason),) = rows(store, "SELECT src_line, field, reason FROM quarantine")
    assert (line, got_field) == (3, field)
    assert words in reason
    assert rows(store, "SELECT DISTINCT arrest_id FROM arrest_offences") == [("A1",)]


def test_drug_offence_without_a_class_is_kept_as_unknown_class(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    load(store, tmp_path / "a.csv", "arrests", row("MDA1971-s5-3"))
    assert rows(store, "SELECT code, drug_class FROM arrest_offences") == [("MDA1971-s5-3", None)]
