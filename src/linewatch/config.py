"""Settings: one table of every setting, read from the environment with documented defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


@dataclass(frozen=True)
class Settings:
    """Every linewatch setting; each field's metadata documents it and names its variable."""

    db_path: Path = field(
        default_factory=lambda: Path(_env("LINEWATCH_DB", "linewatch.duckdb")),
        metadata={"env": "LINEWATCH_DB", "doc": "Path of the DuckDB case store."},
    )
    memory_limit: str = field(
        default_factory=lambda: _env("LINEWATCH_MEMORY_LIMIT", "4GB"),
        metadata={"env": "LINEWATCH_MEMORY_LIMIT", "doc": "DuckDB memory limit (bounded memory)."},
    )
    spill_limit: str = field(
        default_factory=lambda: _env("LINEWATCH_SPILL_LIMIT", "32GB"),
        metadata={
            "env": "LINEWATCH_SPILL_LIMIT",
            "doc": "Most disk DuckDB may spill to; larger work fails instead of filling the disk.",
        },
    )
    threads: int = field(
        default_factory=lambda: int(_env("LINEWATCH_THREADS", str(os.cpu_count() or 2))),
        metadata={
            "env": "LINEWATCH_THREADS",
            "doc": "Worker threads: DuckDB's, and the planner's searches run side by side.",
        },
    )
    default_region: str = field(
        default_factory=lambda: _env("LINEWATCH_REGION", "GB"),
        metadata={"env": "LINEWATCH_REGION", "doc": "Region for numbers without a country code."},
    )
    local_timezone: str = field(
        default_factory=lambda: _env("LINEWATCH_TIMEZONE", "Europe/London"),
        metadata={"env": "LINEWATCH_TIMEZONE", "doc": "Zone of naive timestamps."},
    )


def settings_table() -> list[tuple[str, str, str]]:
    """(variable, default, description) for every setting: feeds the docs and their test."""
    defaults = Settings()
    return [
        (f.metadata["env"], str(getattr(defaults, f.name)), f.metadata["doc"])
        for f in fields(Settings)
    ]
