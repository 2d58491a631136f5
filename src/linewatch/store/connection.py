"""Opening the store with bounded memory, and all-or-nothing transactions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from linewatch.config import Settings
from linewatch.errors import StoreError


def connect(path: Path | str, settings: Settings | None = None) -> duckdb.DuckDBPyConnection:
    """Open (or create) a DuckDB file with linewatch's session settings; no migration."""
    settings = settings or Settings()
    try:
        con = duckdb.connect(str(path))
    except duckdb.Error as exc:
        raise StoreError(f"cannot open store {path}: {exc}") from exc
    con.execute(f"SET memory_limit='{settings.memory_limit}'")
    con.execute(f"SET max_temp_directory_size='{settings.spill_limit}'")
    con.execute(f"SET threads={int(settings.threads)}")
    con.execute(f"SET TimeZone='{settings.local_timezone}'")
    con.execute("SET enable_progress_bar=false")
    # Row order is carried explicitly (source line numbers), so DuckDB may write in any order.
    con.execute("SET preserve_insertion_order=false")
    return con


def open_store(path: Path | str, settings: Settings | None = None) -> duckdb.DuckDBPyConnection:
    """Open the store and bring its schema up to date."""
    from linewatch.store.migrate import migrate

    con = connect(path, settings)
    migrate(con)
    return con


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """Run a block in one transaction: committed whole, or rolled back whole."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
