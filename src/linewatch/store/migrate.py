"""Numbered migrations (store/migrations/NNN_name.sql) and the schema_version table."""

from __future__ import annotations

from importlib import resources

import duckdb

from linewatch.errors import StoreError


def _migrations() -> list[tuple[int, str, str]]:
    """(number, name, sql) for every shipped migration, in order."""
    folder = resources.files("linewatch.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            number, _, name = entry.name.removesuffix(".sql").partition("_")
            found.append((int(number), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


SCHEMA_VERSION = _migrations()[-1][0]


def applied(con: duckdb.DuckDBPyConnection) -> set[int]:
    """Numbers of the migrations already applied to the store."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version "
        "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMPTZ)"
    )
    return {int(r[0]) for r in con.execute("SELECT version FROM schema_version").fetchall()}


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply, in order, every shipped migration the store has not had, each in one transaction.

    Each stage owns a range of numbers, so a migration may be numbered below one already applied:
    what counts is whether it was recorded, not the highest number.
    """
    done = applied(con)
    unknown = done - {number for number, _, _ in _migrations()}
    if unknown:
        raise StoreError(
            f"store has migrations this linewatch does not know ({sorted(unknown)}); upgrade"
        )
    version = max(done, default=0)
    for number, name, sql in _migrations():
        if number in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            con.execute("INSERT INTO schema_version VALUES (?, ?, now())", [number, name])
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"migration {number:03d}_{name} failed: {exc}") from exc
        con.execute("COMMIT")
        version = number
    return version
