"""Swap successors found by the customers they take over (takeover.py)."""

from __future__ import annotations

import duckdb

from linewatch.analyse.settings import AnalysisSettings
from linewatch.analyse.takeover import add_takeovers


def _store(successor_start: str) -> duckdb.DuckDBPyConnection:
    """Deal number D with customers c1-c4; N is called by c1-c3 from successor_start."""
    con = duckdb.connect()
    con.execute(
        "CREATE TEMP TABLE a_pairs AS SELECT * FROM (VALUES "
        "('D', 'c1', 3, 0), ('D', 'c2', 3, 0), ('D', 'c3', 3, 0), ('D', 'c4', 3, 0), "
        "('N', 'c1', 2, 1), ('N', 'c2', 2, 1), ('N', 'c3', 2, 0), ('N', 'x', 0, 0)) "
        "t(number, contact, n_in, n_burst)"
    )
    con.execute(
        "CREATE TEMP TABLE a_scored AS SELECT number, score AS deal_line_score, "
        "first_ts::TIMESTAMPTZ AS first_ts, last_ts::TIMESTAMPTZ AS last_ts FROM (VALUES "
        "('D', 0.9, '2025-01-01', '2025-01-10 12:00'), "
        f"('N', 0.2, '{successor_start}', '2025-01-20')) t(number, score, first_ts, last_ts)"
    )
    con.execute(
        "CREATE TEMP TABLE a_deal AS SELECT number, deal_line_score, first_ts, last_ts, "
        "[]::VARCHAR[] AS takeover_reasons FROM a_scored WHERE deal_line_score >= 0.5"
    )
    return con


def test_successor_starting_as_the_old_number_stops_is_a_deal_line() -> None:
    con = _store("2025-01-10 15:00")
    assert add_takeovers(con, AnalysisSettings()) == 1
    reasons = con.execute("SELECT takeover_reasons FROM a_deal WHERE number = 'N'").fetchone()
    assert reasons and "customers of deal number D" in reasons[0][0]


def test_number_starting_long_after_is_not_a_successor() -> None:
    con = _store("2025-01-15")
    assert add_takeovers(con, AnalysisSettings()) == 0
