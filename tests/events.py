"""Test helper: store calls and messages written as rows of the `comm_events` view.

The store keeps events in `comm_event_rows` (numbers as integers, cells and handsets by
number, provenance as a file number); tests describe them as a reader sees them, in text, and
this stores them that way, recording their handsets as ingest does. Cells must be in `cells`
first.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

STAGED = "_t_events"


def insert_events(
    con: duckdb.DuckDBPyConnection, rows_sql: str, params: Sequence[object] | None = None
) -> None:
    """Run `INSERT INTO comm_events {rows_sql}` as if the view took inserts."""
    con.execute(f"CREATE TEMP TABLE IF NOT EXISTS {STAGED} AS SELECT * FROM comm_events LIMIT 0")
    con.execute(f"INSERT INTO {STAGED} {rows_sql}", params)
    unknown = con.execute(
        f"""SELECT cell FROM (SELECT caller_cell AS cell FROM {STAGED}
            UNION SELECT callee_cell FROM {STAGED}) WHERE cell IS NOT NULL
        AND cell NOT IN (SELECT cell_id FROM cells)"""
    ).fetchall()
    assert not unknown, f"cells not in the cells table: {unknown}"
    con.execute(
        f"""INSERT INTO handsets
        SELECT imei, 'test', NULL, 'test',
          (SELECT coalesce(max(handset_no), 0) FROM handsets) + row_number() OVER (ORDER BY imei)
        FROM (SELECT caller_imei AS imei FROM {STAGED} UNION SELECT callee_imei FROM {STAGED})
        WHERE imei IS NOT NULL AND imei NOT IN (SELECT imei FROM handsets)"""
    )
    con.execute(
        f"""INSERT INTO event_files
        SELECT (SELECT coalesce(max(file_no), 0) FROM event_files) + row_number() OVER (),
          src_file, run_id
        FROM (SELECT src_file, run_id FROM {STAGED}
              UNION SELECT other_src_file, other_run_id FROM {STAGED}
              WHERE other_src_file IS NOT NULL) n
        ANTI JOIN event_files f USING (src_file, run_id)"""
    )
    con.execute(
        f"""INSERT INTO comm_event_rows
        SELECT e.ts, e.type, CAST(substr(e.caller, 2) AS BIGINT),
          CAST(substr(e.callee, 2) AS BIGINT), e.duration_s,
          a.cell_no, ha.handset_no, b.cell_no, hb.handset_no,
          e.seen_caller, e.seen_callee, f.file_no, e.src_line, o.file_no, e.other_src_line
        FROM {STAGED} e JOIN event_files f USING (src_file, run_id)
        LEFT JOIN event_files o
          ON o.src_file = e.other_src_file AND o.run_id = e.other_run_id
        LEFT JOIN cells a ON a.cell_id = e.caller_cell
        LEFT JOIN cells b ON b.cell_id = e.callee_cell
        LEFT JOIN handsets ha ON ha.imei = e.caller_imei
        LEFT JOIN handsets hb ON hb.imei = e.callee_imei"""
    )
    con.execute(f"DELETE FROM {STAGED}")
