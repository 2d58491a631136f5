"""Who uses which number and handset: evidence combined per (number or imei, person).

Confidences combine as independent evidence (1 - product of 1 - c). Every candidate person
is kept (rank 1 is the best); a number with more than one candidate at CONFLICT_AT or more
is flagged conflicting on all its rows, never resolved silently.
"""

from __future__ import annotations

import duckdb

from linewatch.resolve.evidence import derived_sql, direct_sql, hours_sql, observations_sql
from linewatch.resolve.handsets import handset_evidence_sql
from linewatch.store import empty_table

CONFLICT_AT = 0.25
# A shared overnight cell gives an area, not a person (neighbours share it): it only
# corroborates a person the number has other evidence for.
CORROBORATE_SQL = """
DELETE FROM er_evidence e WHERE source = 'same overnight cell' AND NOT EXISTS (
    SELECT 1 FROM er_evidence o WHERE o.number = e.number AND o.person_id = e.person_id
    AND o.source <> 'same overnight cell')
"""

COMBINE_SQL = """
INSERT INTO {table}
WITH per AS (
    SELECT {key}, person_id, 1 - exp(sum(ln(greatest(1 - confidence, 1e-9)))) AS confidence,
        to_json(list({{'source': source, 'confidence': round(confidence, 3), 'detail': detail}}
            ORDER BY confidence DESC)) AS evidence
    FROM {evidence} WHERE {key} IS NOT NULL AND confidence > 0 GROUP BY {key}, person_id
)
SELECT {key}, person_id, confidence, evidence,
    count(*) FILTER (WHERE confidence >= ?) OVER (PARTITION BY {key}) > 1 AS conflicting,
    row_number() OVER (PARTITION BY {key} ORDER BY confidence DESC, person_id) AS rank, ?
FROM per
"""


def _combine(
    con: duckdb.DuckDBPyConnection, table: str, key: str, evidence: str, run_id: str
) -> None:
    """Replace `table` with the evidence rows of `evidence` combined per (key, person)."""
    empty_table(con, table)
    sql = COMBINE_SQL.format(table=table, key=key, evidence=evidence)
    con.execute(sql, [CONFLICT_AT, run_id])


def attribute_phones(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    """Replace phone_attribution, then handset_attribution, from direct and derived evidence."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE er_direct AS {direct_sql()}")
    con.execute(
        """CREATE OR REPLACE TEMP TABLE er_known AS
        SELECT number, person_id, max(confidence) AS confidence
        FROM er_direct GROUP BY number, person_id"""
    )
    con.execute(f"CREATE OR REPLACE TEMP TABLE er_obs AS {observations_sql()}")
    first, last = con.execute(
        "SELECT coalesce(min(epoch(hour)::BIGINT // 3600), 0), "
        "coalesce(max(epoch(hour)::BIGINT // 3600), 0) FROM er_obs"
    ).fetchall()[0]
    con.execute(f"CREATE OR REPLACE TEMP TABLE er_hours AS {hours_sql('er_obs', first, last)}")
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE er_evidence AS
        SELECT * FROM er_direct UNION ALL {derived_sql("er_known", "er_obs")}"""
    )
    con.execute(CORROBORATE_SQL)
    _combine(con, "phone_attribution", "number", "er_evidence", run_id)
    con.execute(f"CREATE OR REPLACE TEMP TABLE er_handset_evidence AS {handset_evidence_sql()}")
    _combine(con, "handset_attribution", "imei", "er_handset_evidence", run_id)
