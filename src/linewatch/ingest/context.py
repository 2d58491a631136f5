"""What every kind's ingest needs to know about the file it is loading."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import duckdb

from linewatch.store.sql import ident


@dataclass(frozen=True)
class Direction:
    """One 'other party' column plus a direction column saying whether the target called."""

    outgoing: tuple[str, ...]  # direction values meaning the target was the caller
    incoming: tuple[str, ...]  # values meaning the target was called


@dataclass(frozen=True)
class Layout:
    """Where each canonical column comes from, and how values are read (from a mapping profile)."""

    columns: Mapping[str, str] = field(default_factory=dict)  # canonical -> source column
    timestamp_format: str | None = None
    timezone: str | None = None
    type_values: Mapping[str, str] = field(default_factory=dict)
    direction: Direction | None = None
    name: str | None = None

    def source(self, canonical: str) -> str:
        """The source column that holds a canonical column."""
        return self.columns.get(canonical, canonical)


@dataclass(frozen=True)
class FileContext:
    """One file being ingested: connection, run, path, staged relation and its column types."""

    con: duckdb.DuckDBPyConnection
    run_id: str
    path: str
    stage: str
    types: Mapping[str, str]
    layout: Layout
    region: str = "GB"

    def col(self, canonical: str) -> str:
        """SQL for a canonical column (NULL when the file does not have it)."""
        source = self.layout.source(canonical)
        return ident(source) if source in self.types else "NULL"

    def text(self, canonical: str) -> str:
        """SQL for a canonical column as trimmed text, empty as NULL."""
        return f"nullif(trim(CAST({self.col(canonical)} AS VARCHAR)), '')"

    def raw(self, canonical: str) -> str:
        """SQL for a column as given: typed values as they are, text trimmed with empty as NULL."""
        if self.type_of(canonical).upper() == "VARCHAR":
            return self.text(canonical)
        return self.col(canonical)

    def type_of(self, canonical: str) -> str:
        """DuckDB type of a canonical column (VARCHAR when absent)."""
        return self.types.get(self.layout.source(canonical), "VARCHAR")
