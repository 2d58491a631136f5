"""Phone records: one row per event per obtained end, streamed to Parquet (or CSV) part files,
with the record-to-line truth written alongside (file, 1-based row, line_id).
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from linewatch.sim import numbers as nums
from linewatch.sim.arrays import BoolArr, IntArr
from linewatch.sim.calendar import iso_local, utc_timestamps
from linewatch.sim.events import Events
from linewatch.sim.locate import cells_at, imeis_at
from linewatch.sim.world import World

FLUSH_ROWS = 1_000_000
ROWS_PER_FILE = 10_000_000
_TYPES = pa.array([t for pair in nums.STYLE_TYPES for t in pair])
COLUMNS = ("target", "timestamp", "type", "caller", "callee", "duration_s", "cell_id", "imei")


def line_id(line: int) -> str:
    """Stable id of line i."""
    return f"L{line + 1:03d}"


@dataclass(frozen=True, eq=False)
class Rows:
    """Record rows (number indices), sorted by time then target."""

    target: IntArr
    t: IntArr
    sms: BoolArr
    caller: IntArr
    callee: IntArr
    dur: IntArr
    line: IntArr
    cell: IntArr
    imei: IntArr


def to_rows(w: World, ev: Events, rng: np.random.Generator) -> Rows:
    """Rows for each end of each event whose number was obtained and in service at the time."""
    nb = w.numbers
    ok = ev.t < w.cal.span

    def side(n: IntArr) -> BoolArr:
        return ok & nb.obtained[n] & (ev.t >= nb.live_from[n]) & (ev.t < nb.live_to[n])

    a, b = side(ev.caller), side(ev.callee) & (ev.callee != ev.caller)
    idx = np.concatenate([np.flatnonzero(a), np.flatnonzero(b)])
    target = np.concatenate([ev.caller[a], ev.callee[b]])
    order = np.lexsort((nb.nsn[target], ev.t[idx]))
    idx, target = idx[order], target[order]
    t = ev.t[idx]
    return Rows(
        target,
        t,
        ev.sms[idx],
        ev.caller[idx],
        ev.callee[idx],
        ev.dur[idx],
        ev.line[idx],
        cells_at(w, target, t, rng),
        imeis_at(w, target, t),
    )


class RecordsWriter:
    """Buffers rows and writes part files of up to ROWS_PER_FILE rows, plus record_lines.parquet."""

    def __init__(self, w: World, out: Path, fmt: str) -> None:
        self.w, self.dir, self.fmt = w, out / "records", fmt
        self.dir.mkdir(parents=True, exist_ok=True)
        (out / "truth").mkdir(exist_ok=True)
        self.lines = pq.ParquetWriter(out / "truth" / "record_lines.parquet", _LINES_SCHEMA)
        self.cell_ids = pa.array(w.cells.ids)
        self.line_ids = pa.array([line_id(i) for i in range(w.lines.n)], pa.string())
        self.buffer: list[Rows] = []
        self.buffered = 0
        self.part = -1
        self.in_part = ROWS_PER_FILE
        self.writer: pq.ParquetWriter | pacsv.CSVWriter | None = None
        self.total = 0
        # Formatting and writing run in one background thread (Arrow releases the GIL) while the
        # next days are generated; at most one chunk waits, so memory stays bounded.
        self.pool = ThreadPoolExecutor(max_workers=1)
        self.pending: Future[None] | None = None

    def add(self, rows: Rows) -> None:
        """Queue rows; write when enough are queued."""
        self.buffer.append(rows)
        self.buffered += rows.t.size
        if self.buffered >= FLUSH_ROWS:
            self._flush()

    def close(self) -> None:
        """Write what is queued and close every file."""
        self._flush()
        if self.pending is not None:
            self.pending.result()
        self.pool.shutdown()
        if self.writer is not None:
            self.writer.close()
        self.lines.close()

    def _flush(self) -> None:
        if not self.buffer:
            return
        rows = Rows(
            *(
                np.concatenate([getattr(r, f) for r in self.buffer])
                for f in Rows.__dataclass_fields__
            )
        )
        self.buffer, self.buffered = [], 0
        if self.pending is not None:
            self.pending.result()
        self.pending = self.pool.submit(self._write_rows, rows)

    def _write_rows(self, rows: Rows) -> None:
        start = 0
        while start < rows.t.size:
            if self.in_part >= ROWS_PER_FILE:
                self._next_part()
            k = min(ROWS_PER_FILE - self.in_part, rows.t.size - start)
            self._write(rows, start, start + k)
            start += k

    def _next_part(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.part += 1
        self.in_part = 0
        path = self.dir / f"part-{self.part:05d}.{self.fmt}"
        schema = _schema(self.fmt)
        self.writer = (
            pq.ParquetWriter(path, schema, compression="snappy")
            if self.fmt == "parquet"
            else pacsv.CSVWriter(path, schema)
        )

    def _write(self, rows: Rows, a: int, b: int) -> None:
        table = self._table(rows, a, b)
        assert self.writer is not None
        self.writer.write_table(table)
        line = rows.line[a:b]
        has = np.flatnonzero(line >= 0)
        name = f"records/part-{self.part:05d}.{self.fmt}"
        self.lines.write_table(
            pa.table(
                {
                    "file": pa.array([name] * has.size, pa.string()),
                    "row": pa.array(self.in_part + has + 1, pa.int64()),
                    "line_id": pc.take(self.line_ids, pa.array(line[has])),
                },
                schema=_LINES_SCHEMA,
            )
        )
        self.in_part += b - a
        self.total += b - a

    def _table(self, r: Rows, a: int, b: int) -> pa.Table:
        nb = self.w.numbers
        target = r.target[a:b]
        style = nb.style[target]
        t = r.t[a:b]
        dur = r.dur[a:b]
        return pa.table(
            {
                "target": nums.written_of(nb.nsn, target, style),
                "timestamp": (
                    utc_timestamps(t, self.w.cal.t0)
                    if self.fmt == "parquet"
                    else iso_local(t, self.w.cal.t0)
                ),
                "type": pc.take(_TYPES, pa.array(style * 2 + r.sms[a:b])),
                "caller": nums.written_of(nb.nsn, r.caller[a:b], style),
                "callee": nums.written_of(nb.nsn, r.callee[a:b], style),
                "duration_s": pa.array(dur, pa.int32(), mask=dur < 0),
                "cell_id": pc.take(self.cell_ids, pa.array(r.cell[a:b])),
                "imei": pc.cast(pa.array(r.imei[a:b]), pa.string()),
            },
            schema=_schema(self.fmt),
        )


def _schema(fmt: str) -> pa.Schema:
    ts = pa.timestamp("s", tz="UTC") if fmt == "parquet" else pa.string()
    types = {"timestamp": ts, "duration_s": pa.int32()}
    return pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS])


_LINES_SCHEMA = pa.schema([("file", pa.string()), ("row", pa.int64()), ("line_id", pa.string())])
