"""Synthetic canonical phone records for speed benchmarks (generated in DuckDB, seeded)."""

from __future__ import annotations

from pathlib import Path

import duckdb

FORMS = (
    "CASE (n % 4) WHEN 0 THEN '+44' || d WHEN 1 THEN '0' || substr(d, 1, 4) || ' ' || substr(d, 5) "
    "WHEN 2 THEN '44' || d ELSE '0044' || d END"
)


def write_records(path: Path, rows: int, numbers: int = 200_000, seed: float = 0.42) -> Path:
    """Write `rows` canonical records to Parquet: mixed number forms, 10% seen by both ends."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect()
    con.execute(f"SELECT setseed({seed})")
    num = (
        f"(SELECT '7' || lpad(CAST(x AS VARCHAR), 9, '0') AS d, x AS n FROM range({numbers}) t(x))"
    )
    con.execute(f"CREATE TABLE nums AS SELECT n, d, {FORMS} AS form FROM {num}")
    con.execute(
        f"""CREATE TABLE ev AS SELECT i,
          TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_seconds(CAST(i * 7 AS BIGINT) % 15552000) AS ts,
          CASE WHEN random() < 0.6 THEN 'sms' ELSE 'call' END AS type,
          CAST(floor(random() * 2000) AS BIGINT) AS a,
          CAST(floor(random() * {numbers}) AS BIGINT) AS b,
          CAST(floor(random() * 600) AS INTEGER) AS dur,
          'CELL' || CAST(floor(random() * 500) AS BIGINT) AS cell,
          '3545' || lpad(CAST(CAST(floor(random() * 4000) AS BIGINT) AS VARCHAR), 11, '0') AS imei
        FROM range({int(rows * 0.91)}) r(i)"""
    )
    con.execute(
        f"""COPY (
          SELECT na.form AS target, ts AS timestamp, type, na.form AS caller, nb.form AS callee,
                 dur AS duration_s, cell AS cell_id, imei
          FROM ev JOIN nums na ON na.n = ev.a JOIN nums nb ON nb.n = ev.b
          UNION ALL
          SELECT nb.form, ts, type, na.form, nb.form, dur, cell, imei
          FROM ev JOIN nums na ON na.n = ev.a JOIN nums nb ON nb.n = ev.b
          WHERE i % 10 = 0
        ) TO '{path}' (FORMAT parquet, ROW_GROUP_SIZE 500000)"""
    )
    return path


def write_cells(path: Path) -> Path:
    """The 500 cells the synthetic records use."""
    con = duckdb.connect()
    con.execute(
        f"""COPY (SELECT 'CELL' || x AS cell_id, 51.3 + x / 5000.0 AS lat, -0.2 + x / 700.0 AS lon
        FROM range(500) t(x)) TO '{path}' (HEADER)"""
    )
    return path
