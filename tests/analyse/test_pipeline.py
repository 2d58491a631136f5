"""Which scored numbers become deal lines: the score's threshold and a person's circle."""

from __future__ import annotations

import duckdb

from linewatch.analyse.pipeline import circle_reasons_sql, deal_sql
from linewatch.analyse.settings import AnalysisSettings


def test_a_person_circle_scored_as_a_deal_line_is_not_one_and_says_why() -> None:
    """F's 40 contacts are friends (38 two-way, 1 customer-like) answering its group texts;
    D's are customers; E has as many friends but 12 customer-like contacts; L scores low."""
    con = duckdb.connect()
    con.execute(
        "CREATE TEMP TABLE a_scored AS SELECT number, deal_line_score, led, mutual, contacts, "
        "TIMESTAMPTZ '2025-01-01' AS first_ts, TIMESTAMPTZ '2025-01-31' AS last_ts, "
        "['answered flares']::VARCHAR[] AS score_reasons FROM (VALUES "
        "('F', 0.55, 1, 38, 40), ('D', 0.99, 30, 20, 40), ('E', 0.6, 12, 38, 40), "
        "('L', 0.2, 1, 38, 40)) t(number, deal_line_score, led, mutual, contacts)"
    )
    s = AnalysisSettings()
    con.execute(circle_reasons_sql(s))
    deal = con.execute(f"SELECT number FROM ({deal_sql(s)}) ORDER BY number").fetchall()
    assert deal == [("D",), ("E",)]
    reasons = dict(con.execute("SELECT number, score_reasons FROM a_scored").fetchall())
    assert reasons["F"][-1].startswith("scored 0.55, but 38 of its 40 contacts are two-way")
    assert reasons["D"] == reasons["E"] == reasons["L"] == ["answered flares"]
