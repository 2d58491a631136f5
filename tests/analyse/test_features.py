"""Feature tables: local days and night hours across clock changes (a_zone, a_daily)."""

from __future__ import annotations

import duckdb
import pytest

from linewatch.analyse.features import bursts_sql, daily_sql, zone_sql
from linewatch.analyse.settings import AnalysisSettings
from tests.events import insert_events

# UTC instants either side of the UK's clock changes and of local midnight in summer and winter.
TIMES = [
    "2024-03-31 00:59:59+00",  # 00:59 GMT
    "2024-03-31 01:00:00+00",  # 02:00 BST
    "2024-06-10 23:30:00+00",  # 00:30 BST, the next local day
    "2024-06-11 04:59:00+00",  # 05:59 BST: night ends at 06:00 local
    "2024-06-11 05:01:00+00",  # 06:01 BST
    "2024-10-27 00:30:00+00",  # 01:30 BST
    "2024-10-27 01:30:00+00",  # 01:30 GMT
    "2024-12-31 23:59:00+00",  # 23:59 GMT
    "1969-12-31 23:00:00+00",  # before 1970: integer division truncates
]


@pytest.mark.parametrize("zone", ["Europe/London", "Asia/Kolkata", "UTC"])
def test_local_day_and_night_match_the_zoned_time(
    store: duckdb.DuckDBPyConnection, zone: str
) -> None:
    store.execute(f"SET TimeZone='{zone}'")
    for i, t in enumerate(TIMES):
        insert_events(
            store,
            "(ts, type, caller, callee, seen_caller, seen_callee, src_file, src_line, run_id) "
            "VALUES (?::TIMESTAMPTZ, 'call', ?, ?, true, true, 't', 1, 'r')",
            [t, f"+4477009{i:05d}", "+447700999999"],
        )
    s = AnalysisSettings()
    store.execute(f"CREATE TEMP TABLE a_bursts AS {bursts_sql(s)}")
    store.execute(f"CREATE TEMP TABLE a_zone AS {zone_sql()}")
    got = store.execute(
        f"SELECT '+' || CAST(a AS VARCHAR), day, n_night FROM ({daily_sql(s)}) ORDER BY 1"
    ).fetchall()
    want = store.execute(
        f"SELECT caller, CAST(ts AS DATE), (hour(ts) < {s.night_end_hour})::BIGINT "
        "FROM comm_events ORDER BY 1"
    ).fetchall()
    assert got == want and len(got) == len(TIMES)
