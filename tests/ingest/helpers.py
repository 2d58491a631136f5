"""Small builders for ingest tests: write CSVs and read back tables."""

from __future__ import annotations

from pathlib import Path

import duckdb

CELLS = (
    "cell_id,lat,lon,azimuth_deg,site_name\nC1,51.46,-0.11,120,Brixton\nC2,51.38,0.52,240,Chatham\n"
)
RECORD_HEADER = "target,timestamp,type,caller,callee,duration_s,cell_id,imei\n"


def write(path: Path, text: str) -> Path:
    """Write a text file (UTF-8) and return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def records(path: Path, *rows: str) -> Path:
    """A canonical records CSV with the given data rows."""
    return write(path, RECORD_HEADER + "".join(r + "\n" for r in rows))


def rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple[object, ...]]:
    """All rows of a query."""
    return con.execute(sql).fetchall()


def snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows except the run log, sorted: two equal snapshots are the same store."""
    names = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
        "AND table_name NOT IN ('ingest_runs', 'source_files')"
    ).fetchall()
    return {
        name: sorted(con.execute(f'SELECT * FROM "{name}"').fetchall(), key=repr)
        for (name,) in names
    }
