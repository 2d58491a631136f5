"""Who a person record belongs to: the resolved person where entity resolution has run."""

from __future__ import annotations

from typing import Any

import duckdb


def first(
    con: duckdb.DuckDBPyConnection, sql: str, params: object = None
) -> tuple[Any, ...] | None:
    """The first row of a query, reading the whole result (DuckDB 2 refuses half-read results)."""
    rows = con.execute(sql, params).fetchall()
    return rows[0] if rows else None


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Whether the store has this table or view (other stages' tables may be absent)."""
    row = first(con, "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name])
    return bool(row and row[0])


def person_map_sql(con: duckdb.DuckDBPyConnection) -> str:
    """SQL for (record_id, person_id): a record's resolved person, else the record itself."""
    if not has_table(con, "person_clusters"):
        return "SELECT record_id, record_id AS person_id FROM person_records"
    return (
        "SELECT r.record_id, coalesce(c.person_id, r.record_id) AS person_id "
        "FROM person_records r LEFT JOIN person_clusters c USING (record_id)"
    )


def records_of(con: duckdb.DuckDBPyConnection, person: str) -> list[str]:
    """Every person record of a person id (or of the person a record id belongs to)."""
    rows = con.execute(
        f"""WITH m AS ({person_map_sql(con)})
        SELECT record_id FROM m WHERE person_id = (
            SELECT coalesce(max(person_id), ?) FROM m WHERE person_id = ? OR record_id = ?)
        ORDER BY record_id""",
        [person, person, person],
    ).fetchall()
    return [r[0] for r in rows]


def person_of(con: duckdb.DuckDBPyConnection, person: str) -> str | None:
    """The person id for a person id or record id; None when the store knows neither."""
    row = first(
        con,
        f"WITH m AS ({person_map_sql(con)}) "
        "SELECT max(person_id) FROM m WHERE person_id = ? OR record_id = ?",
        [person, person],
    )
    return str(row[0]) if row and row[0] is not None else None
