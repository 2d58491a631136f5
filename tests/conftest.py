"""Shared fixtures: a fresh store per test, and the path of ../shared when present."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from linewatch.store import open_store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """An empty, migrated case store in a temporary folder."""
    con = open_store(tmp_path / "case.duckdb")
    yield con
    con.close()


@pytest.fixture
def shared() -> Path:
    """The read-only ../shared folder; tests that need it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found at {SHARED}: shared data tests skipped")
    return SHARED
