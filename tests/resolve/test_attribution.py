"""Phone and handset attribution: evidence, confidence, ranking, and conflicts shown."""

from __future__ import annotations

import json
from typing import Any

import duckdb
import pytest

from linewatch.resolve.run import resolve
from tests.events import insert_events
from tests.resolve.helpers import (
    BURNER,
    KYLE_PHONE,
    PEOPLE,
    add_phone_evidence,
    add_records,
    person_of,
)


def _rows(con: duckdb.DuckDBPyConnection, table: str, key: str, value: str) -> list[Any]:
    return con.execute(
        f"SELECT person_id, confidence, conflicting, rank, evidence FROM {table} "
        f"WHERE {key} = ? ORDER BY rank",
        [value],
    ).fetchall()


def _sources(evidence: str) -> set[str]:
    return {e["source"] for e in json.loads(evidence)}


@pytest.fixture
def resolved(store: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    add_records(store, PEOPLE)
    add_phone_evidence(store)
    resolve(store)
    return store


def test_a_subscriber_check_names_the_user(resolved: duckdb.DuckDBPyConnection) -> None:
    rows = _rows(resolved, "phone_attribution", "number", KYLE_PHONE)
    assert [r[0] for r in rows] == [person_of(resolved, "subscribers:SUB1")]
    _, confidence, conflicting, rank, evidence = rows[0]
    assert confidence == pytest.approx(0.7) and not conflicting and rank == 1
    assert _sources(evidence) == {"subscriber"}  # its own record is the same evidence


def test_a_shared_burner_shows_both_people_as_conflicting(
    resolved: duckdb.DuckDBPyConnection,
) -> None:
    rows = _rows(resolved, "phone_attribution", "number", BURNER)
    jordan, kyle = person_of(resolved, "arrests:A2"), person_of(resolved, "arrests:A1")
    assert [r[0] for r in rows] == [jordan, kyle]
    assert all(r[2] for r in rows) and [r[3] for r in rows] == [1, 2]
    # two own records (0.6 each) and the handset seized from Jordan (0.9) combine
    assert rows[0][1] == pytest.approx(1 - 0.4 * 0.4 * 0.1)
    assert _sources(rows[0][4]) == {"seized from person", "own record"}
    assert _sources(rows[1][4]) == {"own record"}


def test_handsets_are_attributed_with_evidence(resolved: duckdb.DuckDBPyConnection) -> None:
    jordan, kyle = person_of(resolved, "arrests:A2"), person_of(resolved, "arrests:A1")
    seized = _rows(resolved, "handset_attribution", "imei", "356938035643809")
    assert [r[0] for r in seized] == [jordan, kyle] and all(r[2] for r in seized)
    assert _sources(seized[0][4]) == {"seized from person", "number used in it"}
    own = _rows(resolved, "handset_attribution", "imei", "490154203237518")
    assert [r[0] for r in own] == [kyle] and not own[0][2]
    assert "number " + KYLE_PHONE in json.loads(own[0][4])[0]["detail"]


def test_a_shared_overnight_cell_alone_names_nobody(store: duckdb.DuckDBPyConnection) -> None:
    add_records(store, PEOPLE)
    add_phone_evidence(store)
    neighbour = "+447700900099"
    store.execute(
        "INSERT INTO cells (cell_id, lat, lon, src_file, run_id, cell_no) "
        "VALUES ('CELL-1', 51.38, 0.52, 'cells.csv', 'R', 1)"
    )
    for h in range(1, 5):
        insert_events(
            store,
            "(ts, type, caller, callee, caller_cell, callee_cell, seen_caller, seen_callee, "
            "src_file, run_id) VALUES (TIMESTAMPTZ '2026-01-05 00:00:00+00' + to_hours(?), "
            "'call', ?, ?, 'CELL-1', 'CELL-1', true, true, 'cdr.csv', 'R')",
            [h, KYLE_PHONE, neighbour],
        )
    resolve(store)
    assert _rows(store, "phone_attribution", "number", neighbour) == []
    kyle = _rows(store, "phone_attribution", "number", KYLE_PHONE)
    assert _sources(kyle[0][4]) == {"subscriber"}  # too few hours together to co-locate
