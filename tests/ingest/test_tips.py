"""Anonymous tips: graded untested on ingest; files that could identify the sender are refused."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from linewatch.errors import InputError
from linewatch.ingest import ingest
from linewatch.ingest.kinds import get

from .helpers import rows, snapshot, write
from .kind_rows import GOOD, HEADERS, counts, load, table

GOOD_ROW = GOOD["tips"][0]


def test_tip_stored_graded_2_c_p_with_number_and_place(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    load(store, tmp_path / "t.csv", "tips", GOOD_ROW)
    assert rows(
        store, "SELECT tip_id, source_eval, intel_eval, handling, number, location_id FROM tips"
    ) == [("T1", "2", "C", "P", "+447700900999", "5 DOCK RD, CHATHAM")]
    assert rows(store, "SELECT src_id, rel, dst_type, dst_id FROM links ORDER BY ALL") == [
        ("T1", "mentions", "location", "5 DOCK RD, CHATHAM"),
        ("T1", "mentions", "phone", "+447700900999"),
    ]


@pytest.mark.parametrize("column", get("tips").refused)
def test_sender_column_refuses_the_whole_run(
    store: duckdb.DuckDBPyConnection, tmp_path: Path, column: str
) -> None:
    table(tmp_path / "a_safe.csv", "arrests", GOOD["arrests"][0])
    header = HEADERS["tips"] + "," + column.upper()
    write(tmp_path / "tips.csv", f"{header}\n{GOOD_ROW},secret-sender-detail\n")
    before = snapshot(store)
    with pytest.raises(InputError, match="refused") as error:
        ingest(store, [tmp_path])
    assert "secret-sender-detail" not in str(error.value)
    assert snapshot(store) == before


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ("T2,2024-05-02T09:00:00Z,,Chatham,,", "text"),
        ("T2,yesterday,x,,,", "received_at"),
        (",2024-05-02T09:00:00Z,x,,,", "tip_id"),
        ("T2,2024-05-02T09:00:00Z,x,,not a number,", "number"),
    ],
)
def test_bad_tip_quarantined_and_rest_stored(
    store: duckdb.DuckDBPyConnection, tmp_path: Path, row: str, field: str
) -> None:
    assert counts(load(store, tmp_path / "t.csv", "tips", GOOD_ROW, row), "tips") == (2, 1, 0, 1)
    assert rows(store, "SELECT src_line, field FROM quarantine") == [(3, field)]
