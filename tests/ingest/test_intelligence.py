"""Intelligence items: strict 3x5x2 grading, subjects as person records with a DPA category."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from linewatch.ingest import ingest

from .helpers import rows
from .kind_rows import GOOD, counts, load

GOOD_ROW = GOOD["intelligence"][0]
# report, item, time, source, intel, handling, conditions, then the subject and what is mentioned.
BASE = "IR-2,{item},2024-05-01T10:00:00Z,{grade},{subject},,,,{conduct},{cls},text"
PLAIN = {"grade": "2,C,P,", "subject": "Kim Lee,,,,,victim", "conduct": "", "cls": ""}


def row(item: int = 1, **change: str) -> str:
    """An intelligence row about Kim Lee with some fields changed."""
    return BASE.format(item=item, **{**PLAIN, **change})


def test_item_graded_and_subject_recorded(store: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    load(store, tmp_path / "i.csv", "intelligence", GOOD_ROW)
    assert rows(
        store,
        "SELECT report_id, item, source_eval, intel_eval, handling, handling_conditions, "
        "subject_record_id, subject_category, number, imei, location_id, conduct, drug_class "
        "FROM intel_items",
    ) == [
        (
            *("IR-1", 1, "1", "A", "C", ["A1", "S2"], "intelligence:IR-1:1", "suspect"),
            *("+447700900123", "353456789012345", "FLAT 2, 5 DOCK RD", "MDA1971-s4-3-b", "A"),
        )
    ]
    assert rows(store, "SELECT record_id, name, sex, address FROM person_records") == [
        ("intelligence:IR-1:1", "Jay Smith", "male", "12 High St")
    ]
    assert rows(store, "SELECT src_type, rel, dst_type FROM links ORDER BY ALL") == [
        ("intel_item", "mentions", "handset"),
        ("intel_item", "mentions", "location"),
        ("intel_item", "mentions", "person_record"),
        ("intel_item", "mentions", "phone"),
        ("person_record", "lives_at", "location"),
    ]
    assert rows(store, "SELECT count(*) FROM phones UNION ALL SELECT count(*) FROM handsets") == [
        (1,),
        (1,),
    ]


def test_same_person_can_be_victim_in_one_item_and_suspect_in_another(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    suspect = row(2, subject="Kim Lee,,,,,suspect")
    witness = row(3, subject="Kim Lee,,,,,witness")
    summary = load(store, tmp_path / "i.csv", "intelligence", row(1), suspect, witness)
    assert counts(summary, "intelligence") == (3, 3, 0, 0)
    assert rows(
        store,
        "SELECT p.name, i.subject_category FROM intel_items i "
        "JOIN person_records p ON p.record_id = i.subject_record_id ORDER BY i.item",
    ) == [("Kim Lee", "victim"), ("Kim Lee", "suspect"), ("Kim Lee", "witness")]


def test_item_without_subject_has_no_person_record(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    load(store, tmp_path / "i.csv", "intelligence", row(subject=",,,,,"))
    assert rows(store, "SELECT subject_record_id, subject_category FROM intel_items") == [
        (None, None)
    ]
    assert rows(store, "SELECT count(*) FROM person_records") == [(0,)]


@pytest.mark.parametrize(
    ("bad", "field", "words"),
    [
        (row(grade="4,C,P,"), "source_eval", "got 4"),
        (row(grade="A,1,P,"), "source_eval", "got A"),  # 5x5x5 grades are not 3x5x2
        (row(grade="2,F,P,"), "intel_eval", "got F"),
        (row(grade="2,C,4,"), "handling", "got 4"),
        (row(grade="2,C,C,"), "handling_conditions", "required with handling C"),
        (row(grade="2,C,P,A1"), "handling_conditions", "with handling P"),
        (row(grade="2,C,C,A1;B7"), "handling_conditions", "got A1;B7"),
        (row(subject="Kim Lee,,,,,"), "subject_category", "missing"),
        (row(subject="Kim Lee,,,,,offender"), "subject_category", "got offender"),
        (row(subject=",1990-01-01,,,,victim"), "subject_name", "other details"),
        (row(subject="Kim Lee,1990-02-30,,,,victim"), "subject_dob", "YYYY-MM-DD"),
        (row(subject="Kim Lee,,,,f,victim"), "subject_sex", "got f"),
        (row(subject="Kim Lee,,1 A St,XX,,victim"), "subject_postcode", "postcode"),
        (row(conduct="XYZ1999-s1"), "conduct", "unknown offence code XYZ1999-s1"),
        (row(conduct="POCA2002-s327", cls="A"), "drug_class", "takes no drug class"),
        (row(cls="A"), "drug_class", "takes no drug class"),
        (row(conduct="MDA1971-s5-3", cls="Z"), "drug_class", "got Z"),
        (row(0), "item", "1 or more"),
        (BASE.replace("{item}", "one").format(**PLAIN), "item", "whole number"),
    ],
)
def test_bad_item_quarantined_with_field_and_rest_stored(
    store: duckdb.DuckDBPyConnection, tmp_path: Path, bad: str, field: str, words: str
) -> None:
    summary = load(store, tmp_path / "i.csv", "intelligence", GOOD_ROW, bad)
    assert counts(summary, "intelligence") == (2, 1, 0, 1)
    ((line, got_field, reason),) = rows(store, "SELECT src_line, field, reason FROM quarantine")
    assert (line, got_field) == (3, field)
    assert words in reason
    assert rows(store, "SELECT count(*) FROM person_records") == [(1,)]


def test_mentioned_number_and_handset_must_read(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    bad_number = GOOD_ROW.replace("IR-1,1,", "IR-1,2,").replace("07700900123", "12")
    bad_imei = GOOD_ROW.replace("IR-1,1,", "IR-1,3,").replace("35-345678-9012345", "35-34")
    load(store, tmp_path / "i.csv", "intelligence", GOOD_ROW, bad_number, bad_imei)
    assert rows(store, "SELECT src_line, field FROM quarantine ORDER BY 1") == [
        (3, "number"),
        (4, "imei"),
    ]


def test_parquet_with_typed_columns(store: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    table = pa.table(
        {
            "report_id": ["IR-9", "IR-9"],
            "item": pa.array([1, 2], pa.int32()),
            "reported_at": pa.array([datetime(2024, 5, 1, 10, tzinfo=UTC)] * 2),
            "source_eval": pa.array([2, 4], pa.int8()),
            "intel_eval": ["B", "B"],
            "handling": ["P", "P"],
            "subject_name": ["Kim Lee", "Kim Lee"],
            "subject_dob": pa.array([date(2007, 1, 2)] * 2, pa.date32()),
            "subject_category": ["victim", "victim"],
        }
    )
    pq.write_table(table, tmp_path / "i.parquet")
    assert counts(ingest(store, [tmp_path / "i.parquet"]), "intelligence") == (2, 1, 0, 1)
    assert rows(store, "SELECT src_line, field FROM quarantine") == [(2, "source_eval")]
    assert rows(store, "SELECT i.source_eval, p.dob FROM intel_items i, person_records p") == [
        ("2", date(2007, 1, 2))
    ]
