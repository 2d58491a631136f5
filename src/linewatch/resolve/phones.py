"""Phone attribution (placeholder until evidence lands)."""

from __future__ import annotations

import duckdb


def attribute_phones(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    """Replace phone_attribution."""
    con.execute("DELETE FROM phone_attribution")
