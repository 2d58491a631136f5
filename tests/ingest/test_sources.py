"""Finding files: folders are searched, unrecognised files in them are skipped and reported."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from linewatch.errors import InputError
from linewatch.ingest import ingest

from .helpers import CELLS, write


def test_unrecognised_file_in_a_folder_is_skipped_and_reported(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    write(tmp_path / "case" / "cells.csv", CELLS)
    write(tmp_path / "case" / "notes" / "truth.csv", "role,line_id\nrunner,L1\n")
    write(tmp_path / "case" / "README.md", "not data")
    write(tmp_path / "case" / ".hidden" / "x.csv", "foo\n1\n")
    summary = ingest(store, [tmp_path / "case"])
    assert summary.total.stored == 2
    [skipped] = summary.as_dict()["skipped"]  # type: ignore[misc]
    assert skipped["file"].endswith("truth.csv")
    assert "cannot tell what kind" in skipped["reason"]


def test_unrecognised_file_named_explicitly_is_an_error(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    path = write(tmp_path / "truth.csv", "role,line_id\nrunner,L1\n")
    with pytest.raises(InputError, match="cannot tell"):
        ingest(store, [path])


def test_duplicate_column_names_are_refused(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    path = write(tmp_path / "c.csv", "cell_id,lat,lon,LAT\nC1,1,2,3\n")
    with pytest.raises(InputError, match=r"c\.csv:1: column\(s\) named twice: lat"):
        ingest(store, [path])


def test_unreadable_parquet_is_one_clear_line_naming_the_file(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    path = write(tmp_path / "records.parquet", "not parquet at all")
    with pytest.raises(InputError, match="not a readable Parquet file") as raised:
        ingest(store, [path])
    assert raised.value.file == str(path)
    assert "\n" not in str(raised.value)
