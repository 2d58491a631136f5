"""Phone records end to end: normalisation, one row per event, quarantine with reasons."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from linewatch.errors import InputError
from linewatch.ingest import ingest

from .helpers import CELLS, records, rows, snapshot, write
from .kind_rows import GOOD as KIND_ROWS
from .kind_rows import load

GOOD = (
    "07700 900123,2024-05-01T10:00:00Z,call,07700 900123,+447700900456,30,C1,353456789012345",
    "07700900456,2024-05-01T10:00:00Z,VOICE,447700900123,00447700900456,30,C2,35-345678-9012399",
    "07700900123,2024-05-01 11:00:00,text,07700900123,07700900789,,C1,",
)


def test_event_in_two_targets_records_is_stored_once_with_both_ends(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    write(tmp_path / "cells.csv", CELLS)
    records(tmp_path / "r.csv", *GOOD)
    summary = ingest(store, [tmp_path])
    assert summary.by_kind["records"].as_dict() == {
        "read": 3,
        "stored": 2,
        "duplicates": 1,
        "quarantined": 0,
    }
    call = rows(
        store,
        "SELECT caller, callee, caller_cell, callee_cell, callee_imei, seen_caller, seen_callee "
        "FROM comm_events WHERE type = 'call'",
    )
    assert call == [("+447700900123", "+447700900456", "C1", "C2", "353456789012399", True, True)]


def test_naive_times_are_london_local(store: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    write(tmp_path / "cells.csv", CELLS)
    records(tmp_path / "r.csv", GOOD[2])
    ingest(store, [tmp_path])
    (ts,) = rows(store, "SELECT strftime(ts AT TIME ZONE 'UTC', '%H:%M') FROM comm_events")[0]
    assert ts == "10:00"  # 11:00 BST


@pytest.mark.parametrize(
    ("row", "field", "words"),
    [
        ("07700900123,2024-03-31 01:30:00,sms,07700900123,07700900789,,C1,", "timestamp", "exists"),
        ("07700900123,31st May,sms,07700900123,07700900789,,C1,", "timestamp", "ISO 8601"),
        ("07700900123,2024-05-01 12:00:00,fax,07700900123,07700900789,,C1,", "type", "fax"),
        ("07700900123,2024-05-01 12:00:00,sms,banana,07700900789,,C1,", "caller", "banana"),
        ("07700900123,2024-05-01 12:00:00,sms,07700900123,12,,C1,", "callee", "possible"),
        (
            "07700900123,2024-05-01 12:00:00,sms,07700900123,07700900789,-4,C1,",
            "duration_s",
            "negative",
        ),
        (
            "07700900123,2024-05-01 12:00:00,sms,07700900123,07700900789,2.5,C1,",
            "duration_s",
            "whole",
        ),
        ("07700900123,2024-05-01 12:00:00,sms,07700900123,07700900789,,C9,", "cell_id", "C9"),
        ("07700900123,2024-05-01 12:00:00,sms,07700900123,07700900789,,C1,12ab", "imei", "digits"),
        ("07700900111,2024-05-01 12:00:00,sms,07700900123,07700900789,,C1,", "target", "neither"),
        (",2024-05-01 12:00:00,sms,07700900123,07700900789,,C1,", "target", "missing"),
        ("07700900123,2024-05-01 12:00:00,sms,07700900123", None, "expected 8 columns"),
        ("07700900123,2024-05-01 12:00:00,sms,07700900123,07700900789,,C1,,extra", None, "found 9"),
    ],
)
def test_each_bad_row_is_quarantined_and_the_rest_stored(
    store: duckdb.DuckDBPyConnection, tmp_path: Path, row: str, field: str | None, words: str
) -> None:
    write(tmp_path / "cells.csv", CELLS)
    path = records(tmp_path / "r.csv", GOOD[0], row, GOOD[2])
    summary = ingest(store, [tmp_path])
    assert summary.by_kind["records"].as_dict() == {
        "read": 3,
        "stored": 2,
        "duplicates": 0,
        "quarantined": 1,
    }
    [(file, line, got_field, reason, raw)] = rows(
        store, "SELECT src_file, src_line, field, reason, raw FROM quarantine"
    )
    assert (file, line, got_field) == (str(path), 3, field)
    assert words in reason
    assert raw  # the row is kept, not lost


def test_bad_encoding_and_nul_bytes_are_quarantined_by_line(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    write(tmp_path / "cells.csv", CELLS)
    body = (
        "target,timestamp,type,caller,callee\n"
        + "07700900123,2024-05-01T10:00:00Z,sms,07700900123,07700900789\n"
    ).encode()
    body += b"07700900123,2024-05-01T10:01:00Z,sms,0770\xff0900123,07700900789\n"
    body += b"07700900123,2024-05-01T10:02:00Z,sms,07700900123,07700\x00900789\n"
    body += b"07700900123,2024-05-01T10:03:00Z,sms,07700900123,07700900789\n"
    (tmp_path / "r.csv").write_bytes(body)
    ingest(store, [tmp_path])
    got = rows(store, "SELECT src_line, field, reason FROM quarantine ORDER BY src_line")
    assert got == [
        (3, "caller", "caller is not valid UTF-8"),
        (4, "callee", "callee contains a NUL byte"),
    ]
    assert rows(store, "SELECT count(*) FROM comm_events") == [(2,)]


def test_quoted_multiline_field_keeps_physical_line_numbers(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    write(tmp_path / "cells.csv", CELLS + 'C3,51.4,0.5,,"Site\nwith a newline"\n')
    write(tmp_path / "r.csv", "target,timestamp,type,caller,callee\nx,y\n")
    ingest(store, [tmp_path])
    assert rows(store, "SELECT site_name FROM cells WHERE cell_id = 'C3'") == [
        ("Site\nwith a newline",)
    ]
    assert rows(store, "SELECT src_line, reason FROM quarantine") == [
        (2, "expected 5 columns, found 2")
    ]


def test_same_files_twice_change_nothing(store: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    write(tmp_path / "cells.csv", CELLS)
    records(tmp_path / "r.csv", *GOOD, "07700900123,bad,sms,07700900123,07700900789,,C1,")
    ingest(store, [tmp_path])
    before = snapshot(store)
    again = ingest(store, [tmp_path])
    assert snapshot(store) == before
    assert again.total.stored == 0
    assert again.total.read == again.total.duplicates + again.total.quarantined


def test_parquet_with_typed_columns(store: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    write(tmp_path / "cells.csv", CELLS)
    table = pa.table(
        {
            "Target": ["+447700900123", "+447700900123"],
            "timestamp": pa.array(
                [1714557600_000_000, 1714557660_000_000], pa.timestamp("us", "UTC")
            ),
            "type": ["call", "nonsense"],
            "caller": ["+447700900123", "+447700900123"],
            "callee": ["07700900456", "07700900456"],
            "duration_s": pa.array([12, 3], pa.int32()),
        }
    )
    pq.write_table(table, tmp_path / "r.parquet")
    summary = ingest(store, [tmp_path])
    assert summary.by_kind["records"].as_dict() == {
        "read": 2,
        "stored": 1,
        "duplicates": 0,
        "quarantined": 1,
    }
    assert rows(store, "SELECT src_line, field FROM quarantine") == [(2, "type")]
    assert rows(store, "SELECT duration_s FROM comm_events") == [(12,)]


def test_cells_may_follow_records_in_the_same_run(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    records(tmp_path / "a_records.csv", GOOD[0])
    write(tmp_path / "z_cells.csv", CELLS)
    assert ingest(store, [tmp_path]).total.quarantined == 0


def test_cells_added_later_are_numbered_on_and_events_read_their_ids(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    """Events keep a cell by its number: a second cells file numbers its new cells on."""
    write(tmp_path / "a" / "cells.csv", CELLS)
    ingest(store, [tmp_path / "a"])
    write(tmp_path / "b" / "cells.csv", "cell_id,lat,lon\nC9,51.4,0.5\nC1,51.5,-0.1\n")
    records(tmp_path / "b" / "r.csv", GOOD[0].replace(",C1,", ",C9,"))
    ingest(store, [tmp_path / "b"])
    numbers = rows(store, "SELECT cell_id, cell_no FROM cells ORDER BY cell_no")
    assert [n for _, n in numbers] == list(range(1, len(numbers) + 1))
    assert numbers[-1][0] == "C9"
    assert rows(store, "SELECT caller_cell FROM comm_events") == [("C9",)]


def test_a_handset_first_named_by_a_seizure_is_kept_on_later_records(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    """Events keep a handset by its number, so one a seizure stored first must have one too."""
    load(store, tmp_path / "s" / "seizures.csv", "seizures", KIND_ROWS["seizures"][0])
    write(tmp_path / "r" / "cells.csv", CELLS)
    records(tmp_path / "r" / "r.csv", GOOD[0], GOOD[2].replace(",C1,", ",C1,356938035643809"))
    ingest(store, [tmp_path / "r"])
    # both events are at 10:00 UTC (the text's time is naive, London summer time): the call first
    assert rows(store, "SELECT caller_imei FROM comm_events ORDER BY ts, type") == [
        ("353456789012345",),
        ("356938035643809",),
    ]
    numbers = rows(store, "SELECT imei, handset_no FROM handsets ORDER BY handset_no")
    assert numbers == [("353456789012345", 1), ("356938035643809", 2)]


def test_unrecognised_file_names_its_columns(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    path = write(tmp_path / "odd.csv", "foo,bar\n1,2\n")
    with pytest.raises(InputError, match=r"odd\.csv:1: cannot tell .*bar, foo"):
        ingest(store, [path])


def test_kind_override_requires_its_columns(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    path = write(tmp_path / "c.csv", CELLS)
    with pytest.raises(InputError, match=r"missing column.*target"):
        ingest(store, [path], kind="records")


def test_phones_handsets_and_each_end_come_from_their_first_line(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    write(tmp_path / "cells.csv", CELLS)
    path = records(
        tmp_path / "r.csv",
        "07700900789,2024-05-01T09:00:00Z,sms,07700900123,07700900789,,C2,353456789012388",
        "07700900123,2024-05-01T10:00:00Z,sms,07700900123,07700900456,,C2,353456789012399",
        "07700900123,2024-05-01T10:00:00Z,sms,07700900123,07700900456,,C1,353456789012345",
    )
    ingest(store, [tmp_path])
    assert rows(store, "SELECT number, is_target, src_line FROM phones ORDER BY number") == [
        ("+447700900123", True, 2),
        ("+447700900456", False, 3),
        ("+447700900789", True, 2),
    ]
    assert rows(store, "SELECT imei, src_file, src_line FROM handsets ORDER BY imei") == [
        ("353456789012388", str(path), 2),
        ("353456789012399", str(path), 3),
    ]
    assert rows(
        store, "SELECT caller_cell, caller_imei, src_line FROM comm_events WHERE callee LIKE '%456'"
    ) == [("C2", "353456789012399", 3)]


@pytest.mark.parametrize("imei", ["01234567890123", "0012345678901234", "99-999999-9999999"])
def test_handset_digits_survive_the_grouping_exactly(
    store: duckdb.DuckDBPyConnection, tmp_path: Path, imei: str
) -> None:
    write(tmp_path / "cells.csv", CELLS)
    records(
        tmp_path / "r.csv",
        f"07700900123,2024-05-01T10:00:00Z,sms,07700900123,07700900789,,C2,{imei}",
    )
    ingest(store, [tmp_path])
    digits = imei.replace("-", "")
    assert rows(store, "SELECT caller_imei, caller_cell FROM comm_events") == [(digits, "C2")]
    assert rows(store, "SELECT imei FROM handsets") == [(digits,)]


def test_forms_outside_the_fast_path_go_through_phonenumbers_once_and_are_cached(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    write(tmp_path / "cells.csv", CELLS)
    records(
        tmp_path / "r.csv",
        "07700900123,2024-05-01T10:00:00Z,call,07700900123,020 7946 0018,5,C1,",
        "07700900123,2024-05-01T11:00:00Z,call,07700900123,(020) 7946-0018,5,C1,",
    )
    ingest(store, [tmp_path])
    assert rows(store, "SELECT DISTINCT callee FROM comm_events") == [("+442079460018",)]
    assert rows(store, "SELECT raw, e164 FROM number_forms ORDER BY raw") == [
        ("(020) 7946-0018", "+442079460018"),
        ("020 7946 0018", "+442079460018"),
    ]


def test_other_end_in_a_later_run_fills_in_the_stored_event(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    write(tmp_path / "cells.csv", CELLS)
    ingest(store, [tmp_path / "cells.csv"])
    records(tmp_path / "a" / "r.csv", GOOD[0])
    ingest(store, [tmp_path / "a"])
    later = records(
        tmp_path / "b" / "r.csv",
        "07700900999,2024-05-01T09:00:00Z,sms,07700900999,07700900123,,C1,",
        GOOD[1],
    )
    second = ingest(store, [tmp_path / "b"])
    assert second.total.as_dict() == {"read": 2, "stored": 1, "duplicates": 1, "quarantined": 0}
    got = rows(
        store,
        "SELECT caller_cell, callee_cell, callee_imei, seen_caller, seen_callee, other_src_file, "
        "other_src_line FROM comm_events WHERE type = 'call'",
    )
    assert got == [("C1", "C2", "353456789012399", True, True, str(later), 3)]
    before = snapshot(store)
    assert ingest(store, [tmp_path / "b"]).total.stored == 0
    assert snapshot(store) == before
