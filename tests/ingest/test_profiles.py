"""Mapping profiles: other operators' layouts read into the same events as the canonical one."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st

from linewatch.errors import InputError
from linewatch.ingest import ingest
from linewatch.ingest.profiles import parse, shipped

from .helpers import CELLS, records, rows, write

NORTHWIND = (
    "MSISDN;EVENT_TIME_UTC;EVENT_TYPE;DIRECTION;OTHER_PARTY;DURATION;SERVING_CELL;HANDSET_IMEI\n"
    "07700900123;01/05/2024 10:00:00;MOC;MO;07700900456;30;C1;353456789012345\n"
    "07700900123;01/05/2024 10:05:00;SMS_MT;MT;07700900789;0;C1;353456789012345\n"
    "07700900123;01/05/2024 10:06:00;SMS_MT;SIDEWAYS;07700900789;0;C1;353456789012345\n"
)
HARBOURTEL = (
    "Subject Number,Start Time,Service,A Number,B Number,Seconds,Cell Global Id,IMEI\n"
    "07700900456,2024-05-01 11:00:00,VOICE,07700900123,07700900456,30,C2,353456789012399\n"
)


def test_shipped_profiles_are_listed() -> None:
    assert {"northwind", "harbourtel"} <= set(shipped())


def test_northwind_direction_layout(store: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    write(tmp_path / "cells.csv", CELLS)
    ingest(store, [tmp_path / "cells.csv"])
    path = write(tmp_path / "nw.csv", NORTHWIND)
    summary = ingest(store, [path], profile="northwind")
    assert summary.total.as_dict() == {"read": 3, "stored": 2, "duplicates": 0, "quarantined": 1}
    got = rows(
        store,
        "SELECT strftime(ts AT TIME ZONE 'UTC', '%H:%M'), type, caller, callee "
        "FROM comm_events ORDER BY ts",
    )
    assert got == [
        ("10:00", "call", "+447700900123", "+447700900456"),
        ("10:05", "sms", "+447700900789", "+447700900123"),
    ]


def test_operator_copy_merges_with_canonical_copy(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    write(tmp_path / "cells.csv", CELLS)
    records(
        tmp_path / "canon" / "r.csv",
        "07700900123,2024-05-01T10:00:00Z,call,07700900123,07700900456,30,C1,353456789012345",
    )
    ingest(store, [tmp_path / "cells.csv", tmp_path / "canon"])
    path = write(tmp_path / "ht.csv", HARBOURTEL)
    summary = ingest(store, [path], profile="harbourtel")
    assert summary.total.duplicates == 1
    assert rows(store, "SELECT callee_cell, seen_caller, seen_callee FROM comm_events") == [
        ("C2", True, True)
    ]


def test_profile_missing_column_is_named(store: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    path = write(tmp_path / "nw.csv", NORTHWIND.replace("OTHER_PARTY", "B"))
    with pytest.raises(InputError, match=r"missing column.*other_party"):
        ingest(store, [path], profile="northwind")


def test_profile_errors_name_the_problem() -> None:
    with pytest.raises(InputError, match="unknown keys: colums"):
        parse({"colums": {}}, "p.toml")
    with pytest.raises(InputError, match="needs 'other_party'"):
        parse({"direction": {"column": "D", "outgoing": [], "incoming": []}}, "p.toml")


@given(
    st.dictionaries(
        st.sampled_from(["target", "timestamp", "type", "caller", "callee", "imei"]),
        st.text(min_size=1, max_size=12).filter(lambda s: s.strip() != ""),
    )
)
def test_profile_columns_are_matched_case_insensitively(columns: dict[str, str]) -> None:
    layout, kind, _ = parse({"columns": columns}, "p.toml")
    assert kind == "records"
    for canonical, source in columns.items():
        assert layout.source(canonical) == source.replace("\ufeff", "").strip().lower()


def test_direction_values_must_be_a_non_empty_list() -> None:
    table = {"column": "D", "other_party": "B", "outgoing": [], "incoming": ["MT"]}
    with pytest.raises(InputError, match="'outgoing' must be a non-empty list"):
        parse({"direction": table}, "p.toml")
