"""Who a deal number's customers and runners are (continuity.py), before lines are grouped."""

from __future__ import annotations

import duckdb

from linewatch.analyse.continuity import deal_contacts_sql
from linewatch.analyse.settings import AnalysisSettings


def test_bulk_sender_texting_a_deal_number_is_not_its_customer() -> None:
    con = duckdb.connect()
    con.execute("CREATE TEMP TABLE a_deal AS SELECT 'D' AS number")
    con.execute(
        "CREATE TEMP TABLE a_pairs AS SELECT * FROM (VALUES ('D', 'c1', 4, 2, 0), "
        "('D', 'c2', 0, 0, 1), ('D', 'r1', 0, 40, 0), ('D', 'bulk', 2, 0, 0)) "
        "t(number, contact, n_in, n_out, n_burst)"
    )
    # the reminder sender's bursts reached 5,000 numbers and 12 answered; the customer's 3, 3
    con.execute(
        "CREATE TEMP TABLE a_nodes AS SELECT * FROM (VALUES ('bulk', 5000, 12), "
        "('c1', 3, 3)) t(number, burst_recipients, burst_recipients_contacting)"
    )
    rows = con.execute(
        f"SELECT contact, kind FROM ({deal_contacts_sql(AnalysisSettings())}) ORDER BY contact"
    ).fetchall()
    assert rows == [("c1", "customer"), ("c2", "customer"), ("r1", "runner")]
