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


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The store's schema version (0 for an empty store)."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version "
        "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMPTZ)"
    )
    row = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply every migration newer than the store, each in its own transaction."""
    version = current_version(con)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"store schema {version} is newer than this linewatch ({SCHEMA_VERSION}); upgrade"
        )
    for number, name, sql in _migrations():
        if number <= version:
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
