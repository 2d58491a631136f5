"""The internal result of an operation: the crew network before and after, lines closed, harm
removed, people safeguarded. For analysts only: it names people and numbers by id."""

from __future__ import annotations

from typing import Any

import duckdb

from linewatch.harm.people import has_table, person_map_sql
from linewatch.ops.network import network_change


def _arrested_sql(con: duckdb.DuckDBPyConnection) -> str:
    """SQL for (person_id, status) of everyone arrested in operation $op."""
    return f"""SELECT m.person_id, a.status FROM arrests a
        JOIN ({person_map_sql(con)}) m ON m.record_id = a.person_record_id
        WHERE a.operation_id = $op"""


def _harm_removed(con: duckdb.DuckDBPyConnection, op: str, scheme: str) -> dict[str, Any]:
    """Current harm of the people arrested (safeguarding cases carry none)."""
    rows = con.execute(
        f"""SELECT DISTINCT s.person_id, s.score FROM harm_scores_current s
        JOIN ({_arrested_sql(con)}) a USING (person_id) WHERE s.scheme = $scheme
        ORDER BY s.score DESC""",
        {"op": op, "scheme": scheme},
    ).fetchall()
    return {"scheme": scheme, "total": sum(r[1] for r in rows), "people": dict(rows)}


def _safeguarded(con: duckdb.DuckDBPyConnection, op: str) -> list[dict[str, Any]]:
    """People safeguarded in the operation or arrested and in the queue, with their status."""
    rows = con.execute(
        f"""WITH m AS ({person_map_sql(con)})
        SELECT c.person_id, c.status FROM safeguarding_cases c WHERE c.person_id IN (
            SELECT m.person_id FROM safeguarding_actions s JOIN m
            ON m.record_id = s.person_record_id WHERE s.operation_id = $op
            UNION SELECT person_id FROM ({_arrested_sql(con)}))
        ORDER BY 1""",
        {"op": op},
    ).fetchall()
    return [{"person_id": p, "status": s} for p, s in rows]


def _lines(con: duckdb.DuckDBPyConnection, op: str) -> list[dict[str, Any]]:
    """Each line the operation touched: people on it before and after, closed or not."""
    rows = con.execute(
        f"""WITH arrested AS ({_arrested_sql(con)}),
        touched AS (
            SELECT dst_id AS line_id FROM links WHERE src_type = 'operation' AND src_id = $op
                AND dst_type = 'line'
            UNION SELECT r.line_id FROM person_roles r JOIN arrested USING (person_id)
            WHERE r.line_id IS NOT NULL)
        SELECT t.line_id,
            count(r.person_id) FILTER (WHERE r.role <> 'customer') AS before,
            count(a.person_id) FILTER (WHERE r.role <> 'customer') AS removed,
            bool_or(r.role = 'line_holder' AND a.status = 'charged') AS holder_charged
        FROM touched t LEFT JOIN person_roles r USING (line_id)
        LEFT JOIN (SELECT DISTINCT person_id, status FROM arrested) a USING (person_id)
        GROUP BY t.line_id ORDER BY t.line_id""",
        {"op": op},
    ).fetchall()
    return [
        {
            "line_id": line,
            "people_before": before,
            "people_after": before - removed,
            "closed": bool(charged),
            "closure": "Type 1 candidate: line holder charged; confirm by check-backs"
            if charged
            else "open",
        }
        for line, before, removed, charged in rows
    ]


def internal(con: duckdb.DuckDBPyConnection, op: str, scheme: str) -> dict[str, Any]:
    """The internal result as plain data."""
    analysed = has_table(con, "person_roles") and has_table(con, "lines")
    lines = _lines(con, op) if analysed else []
    return {
        "operation_id": op,
        "lines": lines if analysed else "no line analysis in the store (run `linewatch analyse`)",
        "lines_closed": sum(1 for x in lines if x["closed"]),
        "network": network_change(con, op, _arrested_sql(con))
        or "no line analysis in the store (run `linewatch analyse`)",
        "harm_removed": _harm_removed(con, op, scheme),
        "safeguarded": _safeguarded(con, op),
    }
