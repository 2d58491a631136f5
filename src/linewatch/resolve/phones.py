"""Who uses which number: evidence combined per (number, person), conflicts shown.

Confidences combine as independent evidence (1 - product of 1 - c). Every candidate person
is kept (rank 1 is the best); a number with more than one candidate at CONFLICT_AT or more
is flagged conflicting on all its rows, never resolved silently.
"""

from __future__ import annotations

import duckdb

from linewatch.resolve.evidence import derived_sql, direct_sql, observations_sql

CONFLICT_AT = 0.25

COMBINE_SQL = """
INSERT INTO phone_attribution
WITH per AS (
    SELECT number, person_id, 1 - exp(sum(ln(greatest(1 - confidence, 1e-9)))) AS confidence,
        to_json(list({'source': source, 'confidence': round(confidence, 3), 'detail': detail}
            ORDER BY confidence DESC)) AS evidence
    FROM er_evidence WHERE confidence > 0 GROUP BY number, person_id
)
SELECT number, person_id, confidence, evidence,
    count(*) FILTER (WHERE confidence >= ?) OVER (PARTITION BY number) > 1 AS conflicting,
    row_number() OVER (PARTITION BY number ORDER BY confidence DESC, person_id) AS rank, ?
FROM per
"""


def attribute_phones(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    """Replace phone_attribution from direct and derived evidence."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE er_direct AS {direct_sql()}")
    con.execute(
        """CREATE OR REPLACE TEMP TABLE er_known AS
        SELECT number, person_id, max(confidence) AS confidence
        FROM er_direct GROUP BY number, person_id"""
    )
    con.execute(f"CREATE OR REPLACE TEMP TABLE er_obs AS {observations_sql()}")
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE er_evidence AS
        SELECT * FROM er_direct UNION ALL {derived_sql("er_known", "er_obs")}"""
    )
    con.execute("DELETE FROM phone_attribution")
    con.execute(COMBINE_SQL, [CONFLICT_AT, run_id])
