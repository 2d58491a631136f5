"""Row checks as data: (field, SQL true when the row is bad, SQL message); first failure wins.

A kind's ingest builds a checked table from its staged rows: the normalised values, and `_reason`
and `_field` set by the first failing check (or by the reader for structural faults). Bad rows go to
quarantine with their file, line and a rebuilt copy of the raw row; nothing is dropped silently.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from linewatch.store.sql import ident, literal


@dataclass(frozen=True)
class Check:
    """One rule: when `bad_sql` is true the row is quarantined for `field` with `message_sql`."""

    field: str
    bad_sql: str
    message_sql: str


def missing(field: str, value_sql: str) -> Check:
    """A required value is empty."""
    return Check(field, f"{value_sql} IS NULL", literal(f"{field}: missing"))


def unreadable(field: str, raw_sql: str, parsed_sql: str, expected: str) -> Check:
    """A given value that could not be read as expected."""
    return Check(
        field,
        f"{raw_sql} IS NOT NULL AND {parsed_sql} IS NULL",
        f"{literal(field + ': expected ' + expected + ', got ')} || "
        f"coalesce(CAST({raw_sql} AS VARCHAR), '')",
    )


def reason_sql(checks: Sequence[Check]) -> tuple[str, str]:
    """SQL (reason, field) expressions giving the first failing check, or NULL."""
    if not checks:
        return "_reason", "_field"
    whens_r = " ".join(f"WHEN {c.bad_sql} THEN {c.message_sql}" for c in checks)
    whens_f = " ".join(f"WHEN {c.bad_sql} THEN {literal(c.field)}" for c in checks)
    return (
        f"CASE WHEN _reason IS NOT NULL THEN _reason {whens_r} END",
        f"CASE WHEN _reason IS NOT NULL THEN _field {whens_f} END",
    )


def failed_sql(checks: Sequence[Check]) -> str:
    """SQL true when a row fails any check (or the reader's): `reason_sql` without building the
    message, for a first pass that only needs to set bad rows apart."""
    whens = " ".join(f"WHEN {c.bad_sql} THEN true" for c in checks)
    return f"CASE WHEN _reason IS NOT NULL THEN true {whens} ELSE false END"


def raw_row_sql(columns: Sequence[str]) -> str:
    """SQL rebuilding a staged row's text (for quarantine) from its columns."""
    parts = ", ".join(f"coalesce(CAST(s.{ident(c)} AS VARCHAR), '')" for c in columns)
    return f"coalesce(s._raw, concat_ws(',', {parts}))"


def quarantine(
    con: duckdb.DuckDBPyConnection,
    checked: str,
    run_id: str,
    path: str,
    kind: str,
    stage: str,
) -> int:
    """Quarantine the checked table's bad rows (once, however often re-read); return how many.

    The raw text is rebuilt from the staged row only for the rows that failed, by line number;
    with none failed the staged rows are not read again.
    """
    row = con.execute(f"SELECT count(*) FROM {ident(checked)} WHERE _reason IS NOT NULL").fetchone()
    bad = int(row[0]) if row else 0
    if not bad:
        return 0
    columns = [c for c in column_types(con, stage) if not c.startswith("_")]
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _lw_bad AS "
        f"SELECT c._line, c._field, c._reason, {raw_row_sql(columns)} AS raw "
        f"FROM {ident(checked)} c JOIN {ident(stage)} s ON s._line = c._line "
        "WHERE c._reason IS NOT NULL"
    )
    con.execute(
        "INSERT INTO quarantine SELECT ?, ?, _line, ?, _field, _reason, raw FROM _lw_bad b "
        "WHERE NOT EXISTS (SELECT 1 FROM quarantine q WHERE q.src_file = ? "
        "AND q.src_line = b._line AND q.reason = b._reason AND q.raw IS NOT DISTINCT FROM b.raw)",
        [run_id, path, kind, path],
    )
    con.execute("DROP TABLE _lw_bad")
    return bad


def column_types(con: duckdb.DuckDBPyConnection, relation: str) -> dict[str, str]:
    """Column name -> DuckDB type of a staged relation."""
    rows = con.execute(f"DESCRIBE {ident(relation)}").fetchall()
    return {str(r[0]): str(r[1]) for r in rows}
