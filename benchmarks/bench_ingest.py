"""Ingest speed: canonical Parquet phone records into the store, against a pandas peer.

The peer does the same work the straightforward way: read the file with pandas, normalise each
distinct written number once with `phonenumbers`, parse times, keep one row per event.
Both run on the same file in the same process, one after the other. BENCH_ROWS sets the size.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import pandas as pd
import phonenumbers
from records_data import write_cells, write_records

from linewatch.ingest import ingest
from linewatch.store import open_store

GOAL_ROWS_PER_S = 2_000_000


def pandas_peer(records: Path) -> int:
    """Normalise and de-duplicate with pandas; return the number of distinct events."""
    frame = pd.read_parquet(records)

    def e164(raw: str) -> str | None:
        try:
            parsed = phonenumbers.parse(raw, "GB")
        except phonenumbers.NumberParseException:
            return None
        if not phonenumbers.is_possible_number(parsed):
            return None
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)

    distinct = pd.unique(pd.concat([frame["target"], frame["caller"], frame["callee"]]))
    forms = {raw: e164(raw) for raw in distinct}
    for col in ("target", "caller", "callee"):
        frame[col] = frame[col].map(forms)
    frame["timestamp"] = pd.to_datetime(frame["timestamp"], utc=True)
    frame["type"] = frame["type"].str.lower().replace({"voice": "call", "text": "sms"})
    frame = frame.dropna(subset=["target", "caller", "callee", "timestamp"])
    events = frame.drop_duplicates(subset=["timestamp", "type", "caller", "callee"])
    return len(events)


def main() -> None:
    """Print rows/s for linewatch and the peer, and their ratio."""
    rows = int(os.environ.get("BENCH_ROWS", "10000000"))
    with tempfile.TemporaryDirectory(prefix="lw-bench-") as tmp:
        folder = Path(tmp)
        records = write_records(folder / "records.parquet", rows)
        cells = write_cells(folder / "cells.csv")
        con = open_store(folder / "bench.duckdb")
        ingest(con, [cells])
        started = time.perf_counter()
        summary = ingest(con, [records])
        ours = time.perf_counter() - started
        con.close()
        started = time.perf_counter()
        peer_events = pandas_peer(records)
        peer = time.perf_counter() - started
    read = summary.total.read
    assert peer_events == summary.total.stored, (peer_events, summary.total.stored)
    print(
        f"records read: {read:,} ({summary.total.stored:,} events, "
        f"{summary.total.duplicates:,} seen twice)"
    )
    verdict = "met" if read / ours >= GOAL_ROWS_PER_S else "NOT met"
    print(f"linewatch ingest: {ours:.1f} s = {read / ours:,.0f} rows/s")
    print(f"goal {GOAL_ROWS_PER_S:,} rows/s: {verdict}")
    print(f"pandas peer:      {peer:.1f} s = {read / peer:,.0f} rows/s")
    print(f"ratio linewatch/pandas: {peer / ours:.1f}x")


if __name__ == "__main__":
    main()
