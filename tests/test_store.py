"""The store's migrations: every shipped migration applied once, in order, recorded."""

from __future__ import annotations

import importlib
from pathlib import Path

import duckdb
import pytest

from linewatch.errors import StoreError
from linewatch.store import SCHEMA_VERSION, connect, empty_table, migrate, open_store, transaction
from linewatch.store.migrate import _migrations


def test_new_store_gets_every_migration(tmp_path: Path) -> None:
    con = open_store(tmp_path / "s.duckdb")
    versions = [
        r[0] for r in con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()
    ]
    assert versions == [n for n, _, _ in _migrations()]
    assert versions[-1] == SCHEMA_VERSION


def test_migrating_twice_changes_nothing(tmp_path: Path) -> None:
    con = open_store(tmp_path / "s.duckdb")
    before = con.execute("SELECT * FROM schema_version ORDER BY 1").fetchall()
    migrate(con)
    assert con.execute("SELECT * FROM schema_version ORDER BY 1").fetchall() == before


def test_a_lower_numbered_migration_added_later_is_still_applied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    m = importlib.import_module("linewatch.store.migrate")

    early = [(1, "a", "CREATE TABLE a (x INT);"), (30, "c", "CREATE TABLE c (x INT);")]
    monkeypatch.setattr(m, "_migrations", lambda: early)
    con = connect(tmp_path / "s.duckdb")
    m.migrate(con)
    monkeypatch.setattr(
        m, "_migrations", lambda: sorted([*early, (10, "b", "CREATE TABLE b (x INT);")])
    )
    m.migrate(con)
    assert [
        r[0] for r in con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()
    ] == [
        1,
        10,
        30,
    ]
    assert con.execute("SELECT count(*) FROM b").fetchone() == (0,)


def test_store_from_a_newer_linewatch_is_refused(tmp_path: Path) -> None:
    con = open_store(tmp_path / "s.duckdb")
    con.execute("INSERT INTO schema_version VALUES (999, 'future', now())")
    with pytest.raises(StoreError, match="does not know"):
        migrate(con)


def test_spill_is_capped_so_a_large_job_cannot_fill_the_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LINEWATCH_SPILL_LIMIT", "3GB")
    query = "SELECT current_setting('max_temp_directory_size')"
    expected = duckdb.connect()
    default = expected.execute(query).fetchone()
    expected.execute("SET max_temp_directory_size='3GB'")
    assert (
        connect(tmp_path / "s.duckdb").execute(query).fetchone()
        == expected.execute(query).fetchone()
        != default
    )


def test_emptying_a_table_keeps_its_definition_and_rolls_back(tmp_path: Path) -> None:
    con = open_store(tmp_path / "s.duckdb")
    row = ["+447700900001", "deal_line", "L1", 0.9, ["r"], "A1"]
    con.execute("INSERT INTO number_roles VALUES (?, ?, ?, ?, ?, ?)", row)
    with pytest.raises(RuntimeError), transaction(con):
        empty_table(con, "number_roles")
        assert con.execute("SELECT count(*) FROM number_roles").fetchone() == (0,)
        raise RuntimeError("crash mid-run")
    assert con.execute("SELECT count(*) FROM number_roles").fetchone() == (1,)
    with transaction(con):
        empty_table(con, "number_roles")
        con.execute("INSERT INTO number_roles VALUES (?, ?, ?, ?, ?, ?)", row)
    with pytest.raises(duckdb.ConstraintException):
        con.execute("INSERT INTO number_roles VALUES (?, ?, ?, ?, ?, ?)", row)
    with pytest.raises(StoreError, match="no table nowhere"):
        empty_table(con, "nowhere")


def test_events_stored_as_text_are_kept_when_the_store_moves_to_compact_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store made before migration 003 keeps every event, reading back exactly as before."""
    m = importlib.import_module("linewatch.store.migrate")
    shipped = m._migrations()
    monkeypatch.setattr(m, "_migrations", lambda: [x for x in shipped if x[0] != 3])
    con = connect(tmp_path / "s.duckdb")
    m.migrate(con)
    con.execute("SET TimeZone = 'UTC'")
    old = [
        ("2024-03-31 00:59:00+00", "call", "+447700900001", "+447700900002", 61, "C1", None,
         None, None, True, False, "a.csv", 2, "R1", None, None, None),
        ("2024-03-31 01:00:00+00", "sms", "+12025550123", "+447700900001", None, None, None,
         "C2", "356938035643809", False, True, "b.parquet", 7, "R2", "a.csv", 9, "R1"),
    ]  # fmt: skip
    con.execute(
        "INSERT INTO cells VALUES ('C2', 51.4, 0.5, NULL, NULL, 'c.csv', 1, 'R0'), "
        "('C1', 51.5, -0.1, NULL, NULL, 'c.csv', 2, 'R0')"
    )
    con.executemany(f"INSERT INTO comm_events VALUES ({', '.join('?' * 17)})", old)
    before = con.execute("SELECT * FROM comm_events ORDER BY ts").fetchall()
    monkeypatch.setattr(m, "_migrations", lambda: shipped)
    m.migrate(con)
    assert con.execute("SELECT * FROM comm_events ORDER BY ts").fetchall() == before
    files = con.execute("SELECT * FROM event_files ORDER BY file_no").fetchall()
    assert files == [(1, "a.csv", "R1"), (2, "b.parquet", "R2")]
    stored = "SELECT caller, type, caller_cell, callee_cell, callee_handset FROM comm_event_rows"
    assert con.execute(f"{stored} ORDER BY ts").fetchall() == [
        (447700900001, "call", 1, None, None),
        (12025550123, "sms", None, 2, 1),
    ]
    handsets = "SELECT imei, src_file, src_line, handset_no FROM handsets"
    assert con.execute(handsets).fetchall() == [("356938035643809", "b.parquet", 7, 1)]
    assert con.execute("SELECT cell_id, cell_no FROM cells ORDER BY 2").fetchall() == [
        ("C1", 1),
        ("C2", 2),
    ]
