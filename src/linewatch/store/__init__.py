"""The case store: an embedded DuckDB database with a numbered, versioned schema."""

from linewatch.store.connection import connect, empty_table, open_store, transaction
from linewatch.store.migrate import SCHEMA_VERSION, migrate

__all__ = ["SCHEMA_VERSION", "connect", "empty_table", "migrate", "open_store", "transaction"]
