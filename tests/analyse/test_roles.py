"""The controller of a line (roles.py): the number directing its runners, not a business."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from linewatch.analyse.roles import controllers_sql, customers_sql, number_roles_sql
from linewatch.analyse.settings import AnalysisSettings

DEAL = "+4409"  # the line's deal number (E.164: events are stored by digits)


def _store(runners: list[str], pairs: list[tuple[str, str, int, int]]) -> duckdb.DuckDBPyConnection:
    """Runners of line L1 and their (runner, contact, events to it, events from it) pairs."""
    con = duckdb.connect()
    con.execute("CREATE TEMP TABLE a_runners (number VARCHAR, line_id VARCHAR)")
    con.executemany("INSERT INTO a_runners VALUES (?, 'L1')", [[r] for r in runners])
    con.execute("CREATE TEMP TABLE a_pairs (number VARCHAR, contact VARCHAR, n_in INT, n_out INT)")
    con.executemany("INSERT INTO a_pairs VALUES (?, ?, ?, ?)", [list(p) for p in pairs])
    con.execute(
        "CREATE TEMP TABLE a_nodes AS SELECT DISTINCT contact AS number, "
        "CASE contact WHEN 'taxi' THEN 900 ELSE 6 END AS in_deg FROM a_pairs"
    )
    con.execute("CREATE TEMP TABLE a_bursts AS SELECT 'bulk' AS number")
    con.execute(f"CREATE TEMP TABLE a_deal AS SELECT '{DEAL}' AS number")
    con.execute("CREATE TEMP TABLE a_customers (number VARCHAR)")
    con.execute("CREATE TEMP TABLE comm_event_rows (ts TIMESTAMPTZ, caller BIGINT, callee BIGINT)")
    return con


def _controllers(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str]]:
    sql = f"SELECT number, line_id, reason FROM ({controllers_sql(AnalysisSettings())})"
    return [(str(n), str(line), str(r)) for n, line, r in con.execute(sql).fetchall()]


def test_taxi_and_bulk_sender_reaching_the_runners_are_not_controllers() -> None:
    con = _store(
        ["r1", "r2"],
        [
            ("r1", "boss", 20, 8),
            ("r2", "boss", 20, 8),
            ("r1", "taxi", 30, 30),
            ("r2", "taxi", 30, 30),
            ("r1", "bulk", 30, 20),
            ("r2", "bulk", 30, 20),
        ],
    )
    assert [c[:2] for c in _controllers(con)] == [("boss", "L1")]


def test_a_lone_runners_contact_on_its_duty_days_is_the_controller() -> None:
    """r1 takes relays from the deal number on days 0-4; boss talks to r1 then, friends daily.

    Numbers are E.164 here: the duty days come from the stored events, keyed by digits."""
    r1, boss, friends = "+4411", "+4412", ("+4421", "+4422", "+4423")
    t0 = dt.datetime(2025, 1, 1, 12, tzinfo=dt.UTC)
    rows = [(t0 + dt.timedelta(days=d), DEAL, r1) for d in range(5)]
    rows += [(t0 + dt.timedelta(days=d, hours=h), boss, r1) for d in range(5) for h in (1, 2)]
    rows += [(t0 + dt.timedelta(days=d, hours=3), r1, boss) for d in range(5)]
    rows += [(t0 + dt.timedelta(days=d, hours=4), f, r1) for d in range(20) for f in friends]
    rows += [(t0 + dt.timedelta(days=d, hours=5), r1, f) for d in range(20) for f in friends]
    pairs = [(r1, boss, 10, 5)] + [(r1, f, 20, 20) for f in friends]
    con = _store([r1], pairs)
    events = pd.DataFrame(rows, columns=["ts", "caller", "callee"])
    con.register("events", events)
    con.execute(
        "INSERT INTO comm_event_rows SELECT ts, CAST(substr(caller, 2) AS BIGINT), "
        "CAST(substr(callee, 2) AS BIGINT) FROM events"
    )
    [(number, line, reason)] = _controllers(con)
    assert (number, line) == (boss, "L1")
    assert "takes relays from the line" in reason
    deal = int(DEAL[1:])
    con.execute(f"DELETE FROM comm_event_rows WHERE caller = {deal}")  # no duty: no controller
    assert _controllers(con) == []


def test_customer_of_two_lines_alike_gets_the_same_line_every_run() -> None:
    """c orders as often from L1's D1 as from L2's D2: the tie goes to the later line id, so the
    role table does not change between runs of the same records."""
    con = duckdb.connect()
    con.execute(
        "CREATE TEMP TABLE a_deal_contacts AS SELECT * FROM (VALUES ('D1', 'c', 'customer'), "
        "('D2', 'c', 'customer')) t(number, contact, kind)"
    )
    con.execute(
        "CREATE TEMP TABLE a_line_numbers AS SELECT * FROM (VALUES ('L2', 'D2'), ('L1', 'D1')) "
        "t(line_id, number)"
    )
    con.execute(
        "CREATE TEMP TABLE a_pairs AS SELECT * FROM (VALUES ('D1', 'c', 3, 1), ('D2', 'c', 3, 1)) "
        "t(number, contact, n_in, n_burst)"
    )
    con.execute("CREATE TEMP TABLE a_runners (number VARCHAR)")
    for _ in range(5):
        rows = con.execute(f"SELECT number, line_id, lines FROM ({customers_sql()})").fetchall()
        assert rows == [("c", "L2", 2)]


def test_controller_of_two_lines_has_one_role_naming_both() -> None:
    """boss directs r1 and r2 of L1 and r3 and r4 of L2: one holder running two lines (dev seed
    1345, where a second row per line broke the role table's key)."""
    con = _store(["r1", "r2"], [(r, "boss", 20, 8) for r in ("r1", "r2", "r3", "r4")])
    con.execute("INSERT INTO a_runners VALUES ('r3', 'L2'), ('r4', 'L2')")
    con.execute(f"CREATE TEMP TABLE a_controllers AS {controllers_sql(AnalysisSettings())}")
    assert con.execute("SELECT count(*) FROM a_controllers").fetchone() == (2,)
    con.execute(
        "CREATE TEMP TABLE a_scored AS SELECT number, 0.0 AS deal_line_score, "
        "[]::VARCHAR[] AS score_reasons FROM (SELECT DISTINCT contact AS number FROM a_pairs)"
    )
    con.execute("CREATE TEMP TABLE a_line_numbers (number VARCHAR, line_id VARCHAR)")
    con.execute("ALTER TABLE a_deal ADD COLUMN takeover_reasons VARCHAR[]")
    con.execute("ALTER TABLE a_runners ADD COLUMN relays INT")
    con.execute("ALTER TABLE a_runners ADD COLUMN deal_numbers INT")
    con.execute(
        "CREATE OR REPLACE TEMP TABLE a_customers (number VARCHAR, line_id VARCHAR, orders INT, "
        "flares INT, lines INT)"
    )
    con.execute(
        "CREATE TEMP TABLE a_delivered (number VARCHAR, line_id VARCHAR, calls INT, runners INT)"
    )
    rows = con.execute(
        f"SELECT number, role, line_id, reasons FROM ({number_roles_sql()}) WHERE number = 'boss'"
    ).fetchall()
    assert len(rows) == 1
    [(_, role, line, reasons)] = rows
    assert (role, line) == ("controller", "L1")
    assert [r.split(":")[0] for r in reasons] == [
        "directs the runners of L1",
        "directs the runners of L2",
    ]
