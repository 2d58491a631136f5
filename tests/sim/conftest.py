"""A tiny simulated case shared by the simulator tests, and helpers to read it back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pytest

from linewatch.sim.presets import params_for
from linewatch.sim.run import simulate

# SQL: any of the written forms the simulator uses, as E.164.
E164_SQL = """CREATE MACRO e164(x) AS CASE
  WHEN x LIKE '+%' THEN replace(x, ' ', '')
  WHEN x LIKE '0044%' THEN '+' || substr(x, 3)
  WHEN x LIKE '44%' THEN '+' || x
  ELSE '+44' || substr(replace(x, ' ', ''), 2) END"""


@pytest.fixture(scope="session")
def case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny preset, seed 3."""
    out = tmp_path_factory.mktemp("sim") / "case"
    simulate(params_for("tiny"), 3, out, "tiny")
    return out


@pytest.fixture(scope="session")
def truth(case: Path) -> dict[str, Any]:
    """The case's truth.json."""
    doc: dict[str, Any] = json.loads((case / "truth.json").read_text(encoding="utf-8"))
    return doc


@pytest.fixture(scope="session")
def db(case: Path) -> duckdb.DuckDBPyConnection:
    """DuckDB over the case: `rec` (records in E.164, with file rows), `num`, `people`, `cells`."""
    con = duckdb.connect()
    con.execute("SET TimeZone = 'Europe/London'")
    con.execute(E164_SQL)
    con.execute(
        f"""CREATE TABLE rec AS SELECT e164(target) AS t, e164(caller) AS a, e164(callee) AS b,
        timestamp AS ts, lower(type) IN ('sms', 'text') AS sms, duration_s, cell_id, imei,
        target AS raw_target, filename AS file, file_row_number + 1 AS row
        FROM read_parquet('{case}/records/*.parquet', filename = true, file_row_number = true)"""
    )
    con.execute(f"CREATE TABLE num AS SELECT * FROM '{case}/truth/numbers.parquet'")
    con.execute(f"CREATE TABLE people AS SELECT * FROM '{case}/truth/people.parquet'")
    con.execute(f"CREATE TABLE cells AS SELECT * FROM read_csv('{case}/cells.csv')")
    con.execute(f"CREATE TABLE lines AS SELECT * FROM '{case}/truth/record_lines.parquet'")
    return con
