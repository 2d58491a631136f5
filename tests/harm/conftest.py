"""A store holding the small case, shared by the harm tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from linewatch.store import open_store
from tests.harm.case import load_case


@pytest.fixture
def case(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The case of tests/harm/case.py, ingested into a fresh store."""
    con = open_store(tmp_path / "case.duckdb")
    load_case(con, tmp_path / "in")
    yield con
    con.close()
