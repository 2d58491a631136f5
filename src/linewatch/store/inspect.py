"""Read-only views of the store for people: counts per entity and the quarantine."""

from __future__ import annotations

import duckdb

from linewatch.store.sql import ident

# What `linewatch summary` counts, in POLE order: label -> table.
COUNTED = {
    "person records": "person_records",
    "phone numbers": "phones",
    "target numbers": "phones WHERE is_target",
    "handsets (IMEI)": "handsets",
    "vehicles": "vehicles",
    "cells": "cells",
    "locations": "locations",
    "calls and messages": "comm_events",
    "subscriber records": "subscribers",
    "intelligence items": "intel_items",
    "anonymous tips": "tips",
    "arrests": "arrests",
    "seizures": "seizures",
    "warrants": "warrants",
    "safeguarding actions": "safeguarding_actions",
    "links": "links",
    "quarantined rows": "quarantine",
    "ingest runs": "ingest_runs",
}


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows per entity table."""
    counts = {}
    for label, source in COUNTED.items():
        table, _, where = source.partition(" WHERE ")
        sql = f"SELECT count(*) FROM {ident(table)}" + (f" WHERE {where}" if where else "")
        row = con.execute(sql).fetchone()
        counts[label] = int(row[0]) if row else 0
    return counts


def quarantined(con: duckdb.DuckDBPyConnection, limit: int = 0) -> list[dict[str, object]]:
    """Quarantined rows, newest run first, in file and line order."""
    sql = (
        "SELECT q.run_id, q.src_file, q.src_line, q.kind, q.field, q.reason, q.raw "
        "FROM quarantine q JOIN ingest_runs r USING (run_id) "
        "ORDER BY r.started_at DESC, q.src_file, q.src_line"
    )
    if limit > 0:
        sql += f" LIMIT {int(limit)}"
    keys = ("run_id", "file", "line", "kind", "field", "reason", "raw")
    return [dict(zip(keys, row, strict=True)) for row in con.execute(sql).fetchall()]
