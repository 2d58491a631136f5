"""Every event kind: ingesting twice changes nothing; the same id with new content is a conflict."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from linewatch.ingest import ingest

from .helpers import rows, snapshot
from .kind_rows import GOOD, counts, load, table

KINDS = sorted(GOOD)


def test_all_kinds_twice_leave_the_data_unchanged(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    for kind, (good, _) in GOOD.items():
        table(tmp_path / "case" / f"{kind}.csv", kind, good)
    first = ingest(store, [tmp_path / "case"])
    assert first.total.as_dict() == {"read": 7, "stored": 7, "duplicates": 0, "quarantined": 0}
    before = snapshot(store)
    second = ingest(store, [tmp_path / "case"])
    assert second.total.as_dict() == {"read": 7, "stored": 0, "duplicates": 7, "quarantined": 0}
    assert snapshot(store) == before


@pytest.mark.parametrize("kind", KINDS)
def test_repeated_row_in_one_file_is_a_duplicate(
    store: duckdb.DuckDBPyConnection, tmp_path: Path, kind: str
) -> None:
    good = GOOD[kind][0]
    assert counts(load(store, tmp_path / "a.csv", kind, good, good), kind) == (2, 1, 1, 0)


@pytest.mark.parametrize("kind", KINDS)
def test_same_id_other_content_in_one_file_is_quarantined(
    store: duckdb.DuckDBPyConnection, tmp_path: Path, kind: str
) -> None:
    good, changed = GOOD[kind]
    path = tmp_path / "a.csv"
    assert counts(load(store, path, kind, good, changed), kind) == (2, 1, 0, 1)
    ((line, reason),) = rows(store, "SELECT src_line, reason FROM quarantine")
    assert line == 3
    assert reason.startswith("conflict: ") and reason.endswith(f"differs from {path} line 2")


@pytest.mark.parametrize("kind", KINDS)
def test_same_id_other_content_than_stored_is_quarantined_and_store_kept(
    store: duckdb.DuckDBPyConnection, tmp_path: Path, kind: str
) -> None:
    good, changed = GOOD[kind]
    load(store, tmp_path / "a.csv", kind, good)
    before = snapshot(store)
    assert counts(load(store, tmp_path / "b.csv", kind, changed), kind) == (1, 0, 0, 1)
    (reason,) = rows(store, "SELECT reason FROM quarantine")[0]
    assert reason.endswith(f"differs from {tmp_path / 'a.csv'} line 2")
    after = snapshot(store)
    assert after.pop("quarantine") != before.pop("quarantine")
    assert after == before


def test_quarantine_is_not_repeated_when_a_file_is_ingested_again(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    good, changed = GOOD["arrests"]
    path = table(tmp_path / "a.csv", "arrests", good, changed)
    ingest(store, [path])
    ingest(store, [path])
    assert rows(store, "SELECT count(*) FROM quarantine") == [(1,)]
