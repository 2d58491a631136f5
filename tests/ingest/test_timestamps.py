"""Timestamps: offsets honoured, naive times read as London time, DST gaps refused."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import duckdb
from hypothesis import given, settings
from hypothesis import strategies as st

from linewatch.ingest.timestamps import parse_sql

LONDON = ZoneInfo("Europe/London")


def _parse(text: str, fmt: str | None = None, zone: str | None = None) -> datetime | None:
    con = duckdb.connect()
    con.execute("SET TimeZone='Europe/London'")
    con.execute("CREATE TABLE t AS SELECT ?::VARCHAR AS c", [text])
    row = con.execute(f"SELECT {parse_sql('c', 'VARCHAR', fmt, zone)} FROM t").fetchone()
    return None if row is None else row[0]


instants = st.datetimes(
    min_value=datetime(2015, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC)
).map(lambda d: d.replace(microsecond=0))
offsets = st.integers(-14 * 4, 14 * 4).map(lambda q: timezone(timedelta(minutes=15 * q)))


@given(instants, offsets, st.sampled_from(["T", " "]))
@settings(max_examples=150, deadline=None)
def test_iso_times_with_an_offset_keep_their_instant(
    instant: datetime, offset: timezone, sep: str
) -> None:
    local = instant.astimezone(offset)
    text = local.isoformat(sep=sep)
    if offset == UTC and sep == "T":
        text = text.replace("+00:00", "Z")
    got = _parse(text)
    assert got is not None
    assert got.astimezone(UTC) == instant


@given(st.datetimes(min_value=datetime(2015, 1, 1), max_value=datetime(2030, 12, 31)))
@settings(max_examples=150, deadline=None)
def test_naive_times_are_london_wall_clock_or_refused_in_the_gap(naive: datetime) -> None:
    naive = naive.replace(microsecond=0)
    got = _parse(naive.isoformat(sep=" "))
    aware = naive.replace(tzinfo=LONDON)
    exists = aware.astimezone(UTC).astimezone(LONDON).replace(tzinfo=None) == naive
    if not exists:
        assert got is None
    else:
        assert got is not None
        assert got.astimezone(LONDON).replace(tzinfo=None) == naive


def test_spring_gap_refused_and_autumn_overlap_reads_gmt() -> None:
    assert _parse("2024-03-31 01:30:00") is None
    got = _parse("2024-10-27 01:30:00")
    assert got is not None
    assert got.astimezone(UTC) == datetime(2024, 10, 27, 1, 30, tzinfo=UTC)


def test_profile_format_and_zone() -> None:
    got = _parse("31/03/2024 01:30:00", "%d/%m/%Y %H:%M:%S", "UTC")
    assert got == datetime(2024, 3, 31, 1, 30, tzinfo=UTC)
    assert _parse("2024-03-31", "%d/%m/%Y %H:%M:%S", "UTC") is None
