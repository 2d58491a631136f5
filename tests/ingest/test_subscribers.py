"""Subscriber checks: person records as written, numbers in E.164, homes as locations."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from linewatch.ingest import ingest

from .helpers import records, rows, write
from .kind_rows import GOOD, counts, load, table

NO_REF = "07700900124,Kim Lee,,,,,"


def test_person_record_keeps_what_was_written(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    load(store, tmp_path / "s.csv", "subscribers", GOOD["subscribers"][0], NO_REF)
    assert rows(
        store,
        "SELECT record_id, source_kind, source_id, name, dob, address, postcode, number "
        "FROM person_records ORDER BY record_id",
    ) == [
        (
            "subscribers:SC-1",
            "subscribers",
            "SC-1",
            "Jay Smith",
            date(1999, 2, 3),
            "12  High St ,Chatham",
            "me44xx",
            "+447700900123",
        ),
        ("subscribers:line3", "subscribers", "line3", "Kim Lee", None, None, None, "+447700900124"),
    ]
    assert rows(store, "SELECT location_id, postcode FROM locations") == [
        ("12 HIGH ST, CHATHAM, ME4 4XX", "ME4 4XX")
    ]
    assert rows(store, "SELECT src_id, rel, dst_id FROM links ORDER BY ALL") == [
        ("subscribers:SC-1", "lives_at", "12 HIGH ST, CHATHAM, ME4 4XX"),
        ("subscribers:SC-1", "subscriber_of", "+447700900123"),
        ("subscribers:line3", "subscriber_of", "+447700900124"),
    ]
    assert rows(
        store, "SELECT number, person_record_id, source_ref FROM subscribers ORDER BY 1"
    ) == [
        ("+447700900123", "subscribers:SC-1", "SC-1"),
        ("+447700900124", "subscribers:line3", None),
    ]


def test_subscribers_load_before_records_which_mark_targets(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    write(tmp_path / "cells.csv", "cell_id,lat,lon\nC1,51.4,-0.1\n")
    records(
        tmp_path / "r.csv", "07700900123,2024-05-01T10:00:00Z,call,07700900123,07700900456,3,C1,"
    )
    table(tmp_path / "z_subscribers.csv", "subscribers", GOOD["subscribers"][0])
    ingest(store, [tmp_path])
    assert rows(
        store, "SELECT number, is_target, src_file LIKE '%subscribers.csv' FROM phones ORDER BY 1"
    ) == [("+447700900123", True, True), ("+447700900456", False, False)]


@pytest.mark.parametrize(
    ("row", "field", "words"),
    [
        ("banana,Jay,,,,,R2", "number", "banana"),
        (",Jay,,,,,R2", "number", "missing"),
        ("07700900125,,,,,,R2", "subscriber_name", "missing"),
        ("07700900125,Jay,03/02/1999,,,,R2", "date_of_birth", "YYYY-MM-DD"),
        ("07700900125,Jay,2999-01-01,,,,R2", "date_of_birth", "future"),
        ("07700900125,Jay,,1 A St,XX1,,R2", "postcode", "postcode"),
        ("07700900125,Jay,,,,2024-03-31 01:30:00,R2", "registered_at", "ISO 8601"),
    ],
)
def test_bad_row_quarantined_with_field_and_rest_stored(
    store: duckdb.DuckDBPyConnection, tmp_path: Path, row: str, field: str, words: str
) -> None:
    summary = load(store, tmp_path / "s.csv", "subscribers", GOOD["subscribers"][0], row)
    assert counts(summary, "subscribers") == (2, 1, 0, 1)
    ((line, got_field, reason),) = rows(store, "SELECT src_line, field, reason FROM quarantine")
    assert (line, got_field) == (3, field)
    assert words in reason
    assert rows(store, "SELECT record_id FROM person_records") == [("subscribers:SC-1",)]
