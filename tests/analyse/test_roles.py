"""The controller of a line (roles.py): the number directing its runners, not a business."""

from __future__ import annotations

import duckdb

from linewatch.analyse.roles import controllers_sql
from linewatch.analyse.settings import AnalysisSettings


def test_taxi_and_bulk_sender_reaching_the_runners_are_not_controllers() -> None:
    con = duckdb.connect()
    con.execute(
        "CREATE TEMP TABLE a_runners AS SELECT * FROM (VALUES ('r1', 'L1'), ('r2', 'L1')) "
        "t(number, line_id)"
    )
    # (runner, contact, events to the runner, events from the runner)
    con.execute(
        "CREATE TEMP TABLE a_pairs AS SELECT * FROM (VALUES "
        "('r1', 'boss', 20, 8), ('r2', 'boss', 20, 8), ('r1', 'taxi', 30, 30), "
        "('r2', 'taxi', 30, 30), ('r1', 'bulk', 30, 20), ('r2', 'bulk', 30, 20)) "
        "t(number, contact, n_in, n_out)"
    )
    con.execute(
        "CREATE TEMP TABLE a_nodes AS SELECT * FROM (VALUES ('boss', 6), ('taxi', 900), "
        "('bulk', 40)) t(number, in_deg)"
    )
    con.execute("CREATE TEMP TABLE a_bursts AS SELECT 'bulk' AS number")
    for table in ("a_deal", "a_customers"):
        con.execute(f"CREATE TEMP TABLE {table} (number VARCHAR)")
    rows = con.execute(
        f"SELECT number, line_id FROM ({controllers_sql(AnalysisSettings())})"
    ).fetchall()
    assert rows == [("boss", "L1")]
