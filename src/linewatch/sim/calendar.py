"""The simulated period: local days, UK summer time, and timestamp formatting.

Internal times are int64 seconds since `t0`, the UTC instant of local midnight on the start date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from linewatch.sim.arrays import DAY, IntArr

_EPOCH = dt.date(1970, 1, 1)


def _last_sunday(year: int, month: int) -> dt.date:
    d = dt.date(year, month, 31)
    return d - dt.timedelta(days=(d.weekday() + 1) % 7)


def bst_bounds(year: int) -> tuple[int, int]:
    """UTC epoch seconds when British Summer Time starts and ends (01:00 UTC, last Sundays)."""
    on = (_last_sunday(year, 3) - _EPOCH).days * DAY + 3600
    off = (_last_sunday(year, 10) - _EPOCH).days * DAY + 3600
    return on, off


def utc_offset(epoch_s: IntArr) -> IntArr:
    """Europe/London offset from UTC (0 or 3600 s) at each UTC epoch second."""
    years = np.unique(1970 + epoch_s // (DAY * 365.2425)).astype(int)
    out = np.zeros(epoch_s.shape, dtype=np.int64)
    for y in range(int(years.min()) - 1, int(years.max()) + 2):
        on, off = bst_bounds(y)
        out[(epoch_s >= on) & (epoch_s < off)] = 3600
    return out


@dataclass(frozen=True, eq=False)
class Calendar:
    """Local days of the period: day_start[d] is local midnight of day d, in seconds since t0."""

    start: dt.date
    days: int
    t0: int  # UTC epoch seconds of local midnight on the start date
    day_start: IntArr  # days + 1 entries
    dow: IntArr  # 0 Monday .. 6 Sunday

    @property
    def span(self) -> int:
        """Seconds from t0 to the end of the period."""
        return int(self.day_start[-1])

    def day_of(self, t: IntArr) -> IntArr:
        """Local day index of each time."""
        d = np.searchsorted(self.day_start, t, side="right") - 1
        return np.clip(d, 0, self.days - 1).astype(np.int64)

    def hour_of(self, t: IntArr, day: IntArr) -> IntArr:
        """Local hour (0-23, approximate on the two clock-change days) of each time."""
        hour: IntArr = np.minimum((t - self.day_start[day]) // 3600, 23).astype(np.int64)
        return hour


def make_calendar(start: dt.date, days: int) -> Calendar:
    """The calendar of `days` local days from `start`."""
    local_midnights = np.array(
        [((start - _EPOCH).days + d) * DAY for d in range(days + 1)], dtype=np.int64
    )
    utc = local_midnights - utc_offset(local_midnights - 3600)
    t0 = int(utc[0])
    dow = np.array([(start + dt.timedelta(days=d)).weekday() for d in range(days)], dtype=np.int64)
    return Calendar(start, days, t0, utc - t0, dow)


def iso_local(t: IntArr, t0: int) -> pa.Array:
    """ISO 8601 local times with their offset, e.g. 2024-04-01T18:03:11+01:00 (for CSV)."""
    epoch = t + t0
    off = utc_offset(epoch)
    local = (epoch + off).astype("datetime64[s]")
    text = pa.array(np.datetime_as_string(local, unit="s"))
    suffix = pc.if_else(pa.array(off > 0), "+01:00", "+00:00")
    return pc.binary_join_element_wise(text, suffix, "")


def utc_timestamps(t: IntArr, t0: int) -> pa.Array:
    """Arrow timestamps (seconds, UTC zone) for Parquet output."""
    return pa.array(t + t0, type=pa.timestamp("s", tz="UTC"))
