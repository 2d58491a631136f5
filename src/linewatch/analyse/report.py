"""The `analyse --json` document (../shared/spec/analysis-output.md) and `explain NUMBER`."""

from __future__ import annotations

from typing import Any

import duckdb

from linewatch.analyse.people import has_table
from linewatch.errors import NotFoundError


def _rows(
    con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None
) -> list[dict[str, Any]]:
    """Rows of a query as dicts."""
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def harm_sql(con: duckdb.DuckDBPyConnection) -> str:
    """Harm per person from harm_scores when another stage has written it, else NULL."""
    if has_table(con, "harm_scores"):
        return "SELECT person_id, max(score) AS harm FROM harm_scores GROUP BY person_id"
    return "SELECT NULL::VARCHAR AS person_id, NULL::DOUBLE AS harm WHERE false"


def document(con: duckdb.DuckDBPyConnection) -> dict[str, list[dict[str, Any]]]:
    """numbers, lines and people exactly as the spec lists them."""
    numbers = _rows(
        con,
        "SELECT number, role, line_id, round(deal_line_score, 4) AS "
        "deal_line_score, reasons FROM number_roles ORDER BY number",
    )
    lines = _rows(
        con,
        "SELECT line_id, numbers, hub, market FROM lines "
        "ORDER BY CAST(substr(line_id, 2) AS INTEGER)",
    )
    people = _rows(
        con,
        f"SELECT p.person_id, p.role, p.line_id, h.harm, p.potential_victim, "
        f"p.reasons FROM person_roles p LEFT JOIN ({harm_sql(con)}) h USING "
        "(person_id) ORDER BY p.person_id",
    )
    return {"numbers": numbers, "lines": lines, "people": people}


def explain(con: duckdb.DuckDBPyConnection, number: str) -> dict[str, Any]:
    """Why a number got its role and score: reasons, model inputs, network position."""
    found = _rows(con, "SELECT * EXCLUDE (run_id) FROM number_roles WHERE number = ?", [number])
    if not found:
        raise NotFoundError(f"number {number} is not in the analysis: run `linewatch analyse`")
    out = found[0]
    m = _rows(
        con,
        "SELECT degree, betweenness, pagerank, community, is_broker "
        "FROM network_measures WHERE number = ?",
        [number],
    )
    out["network"] = m[0] if m else None
    if out["line_id"]:
        line = _rows(
            con, "SELECT * EXCLUDE (run_id) FROM lines WHERE line_id = ?", [out["line_id"]]
        )
        out["line"] = line[0] if line else None
    return out
