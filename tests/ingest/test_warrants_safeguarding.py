"""Warrants (a location searched) and safeguarding actions (a person at risk)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from .helpers import rows
from .kind_rows import GOOD, counts, load


def test_warrant_lists_and_location_with_town(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    load(store, tmp_path / "w.csv", "warrants", GOOD["warrants"][0])
    assert rows(store, "SELECT location_id, forces, units, result, legislation FROM warrants") == [
        ("5 DOCK RD, ME4 4XX", ["Kent", "Met"], ["TSG", "Dogs"], "drugs found", "MDA1971-s23")
    ]
    assert rows(store, "SELECT address, postcode, town FROM locations") == [
        ("5 Dock Rd", "ME4 4XX", "Chatham")
    ]
    assert rows(store, "SELECT src_type, rel, dst_type FROM links") == [
        ("warrant", "at", "location")
    ]


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        ("W2,,2024-06-01T06:00:00Z,,,,,,,", "address"),
        ("W2,1 A St,,,,,,,,", "executed_at"),
        ("W2,1 A St,2024-06-01T06:00:00Z,ZZ9,,,,,,", "postcode"),
        ("W2,1 A St,2024-06-01T06:00:00Z,,,,,,,section 23", "legislation"),
    ],
)
def test_bad_warrant_quarantined(
    store: duckdb.DuckDBPyConnection, tmp_path: Path, bad: str, field: str
) -> None:
    summary = load(store, tmp_path / "w.csv", "warrants", GOOD["warrants"][0], bad)
    assert counts(summary, "warrants") == (2, 1, 0, 1)
    assert rows(store, "SELECT src_line, field FROM quarantine") == [(3, field)]


def test_safeguarding_action_concerns_a_person_record(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    load(store, tmp_path / "g.csv", "safeguarding", GOOD["safeguarding"][0])
    assert rows(store, "SELECT action, person_record_id, agency FROM safeguarding_actions") == [
        ("nrm_referral", "safeguarding:G1", "Kent Police")
    ]
    assert rows(store, "SELECT record_id, name, dob, sex FROM person_records") == [
        ("safeguarding:G1", "Jay Smith", date(2008, 2, 3), "male")
    ]
    assert rows(store, "SELECT rel, dst_id FROM links") == [("concerns", "safeguarding:G1")]


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        ("G2,2024-06-01T09:00:00Z,arrested,Kim Lee,,,,,", "action"),
        ("G2,2024-06-01T09:00:00Z,closed,,,,,,", "person_name"),
        ("G2,2024-06-01T09:00:00Z,closed,Kim Lee,2008-02-30,,,,", "person_dob"),
        ("G2,2024-06-01T09:00:00Z,closed,Kim Lee,,boy,,,", "person_sex"),
        ("G2,01/06/2024,closed,Kim Lee,,,,,", "action_at"),
    ],
)
def test_bad_safeguarding_action_quarantined(
    store: duckdb.DuckDBPyConnection, tmp_path: Path, bad: str, field: str
) -> None:
    summary = load(store, tmp_path / "g.csv", "safeguarding", GOOD["safeguarding"][0], bad)
    assert counts(summary, "safeguarding") == (2, 1, 0, 1)
    assert rows(store, "SELECT src_line, field FROM quarantine") == [(3, field)]
