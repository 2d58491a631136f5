"""Ingest speed and memory: canonical Parquet phone records into the store, against pandas.

linewatch runs as a user runs it (`python -m linewatch ingest --json`) in its own process; the peer
does the same work the straightforward way in pandas (read the file, normalise each distinct
written number once with `phonenumbers`, parse times, keep one row per event) in its own process.
Wall time and peak resident memory are measured for each on the same file in the same run.
A third process times DuckDB alone copying the same file, unchanged, into a table of a fresh
store file: no ingest into a DuckDB store can be faster, so it shows what the goal asks of the
store itself on this machine. BENCH_ROWS sets the size (default 10 million rows).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from records_data import write_cells, write_records

GOAL_ROWS_PER_S = 2_000_000

PEER = """
import sys
import pandas as pd
import phonenumbers

def e164(raw):
    try:
        parsed = phonenumbers.parse(raw, "GB")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)

frame = pd.read_parquet(sys.argv[1])
distinct = pd.unique(pd.concat([frame["target"], frame["caller"], frame["callee"]]))
forms = {raw: e164(raw) for raw in distinct}
for col in ("target", "caller", "callee"):
    frame[col] = frame[col].map(forms)
frame["timestamp"] = pd.to_datetime(frame["timestamp"], utc=True)
frame["type"] = frame["type"].str.lower().replace({"voice": "call", "text": "sms"})
frame = frame.dropna(subset=["target", "caller", "callee", "timestamp"])
events = frame.drop_duplicates(subset=["timestamp", "type", "caller", "callee"])
print(len(events))
"""


# DuckDB copying the file as it is into a table of a fresh store, in one committed transaction,
# with the threads and insertion-order settings linewatch uses: the store's own load speed.
COPY_ONLY = """
import sys
import duckdb
con = duckdb.connect(sys.argv[2])
con.execute("SET preserve_insertion_order=false")
con.execute("SET enable_progress_bar=false")
con.execute("BEGIN TRANSACTION")
con.execute("CREATE TABLE records AS SELECT * FROM read_parquet(?)", [sys.argv[1]])
con.execute("COMMIT")
print(con.execute("SELECT count(*) FROM records").fetchone()[0])
"""


# Runs a command and reports that command's own peak resident memory (KiB) and CPU seconds (user
# + system, all threads: less disturbed than wall time by other jobs on the machine) on stderr.
WRAPPER = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:])
use = resource.getrusage(resource.RUSAGE_CHILDREN)
print(use.ru_maxrss, use.ru_utime + use.ru_stime, file=sys.stderr)
sys.exit(done.returncode)
"""


def measured(args: list[str]) -> tuple[str, float, float, float]:
    """Run a command; return its stdout, wall seconds, CPU seconds and peak memory in GiB."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", WRAPPER, *args], capture_output=True, text=True, check=True
    )
    wall = time.perf_counter() - started
    peak_kib, cpu = done.stderr.strip().splitlines()[-1].split()
    return done.stdout, wall, float(cpu), int(peak_kib) / 2**20


def main() -> None:
    """Print rows/s and peak memory for linewatch and the peer, and their ratio."""
    rows = int(os.environ.get("BENCH_ROWS", "10000000"))
    with tempfile.TemporaryDirectory(prefix="lw-bench-") as tmp:
        folder = Path(tmp)
        records = write_records(folder / "records.parquet", rows)
        cells = write_cells(folder / "cells.csv")
        db = str(folder / "bench.duckdb")
        lw = [sys.executable, "-m", "linewatch", "--db", db, "ingest", "--json"]
        subprocess.run([*lw, str(cells)], capture_output=True, check=True)
        out, ours, our_cpu, our_mem = measured([*lw, str(records)])
        summary = json.loads(out)
        peer_out, peer, peer_cpu, peer_mem = measured([sys.executable, "-c", PEER, str(records)])
        copy_db = str(folder / "copy.duckdb")
        copied, copy, copy_cpu, copy_mem = measured(
            [sys.executable, "-c", COPY_ONLY, str(records), copy_db]
        )
    read = summary["read"]
    assert int(peer_out) == summary["stored"], (peer_out, summary["stored"])
    assert int(copied) == read, (copied, read)
    verdict = "met" if read / ours >= GOAL_ROWS_PER_S else "NOT met"
    print(f"records read: {read:,} ({summary['stored']:,} events, {summary['duplicates']:,} twice)")
    for name, wall, cpu, mem in (
        ("linewatch ingest", ours, our_cpu, our_mem),
        ("pandas peer     ", peer, peer_cpu, peer_mem),
        ("DuckDB copy only", copy, copy_cpu, copy_mem),
    ):
        speed = f"{wall:.1f} s = {read / wall:,.0f} rows/s"
        print(f"{name}: {speed}, {cpu:.1f} CPU-s, peak {mem:.2f} GiB")
    print(f"goal {GOAL_ROWS_PER_S:,} rows/s: {verdict}; ratio linewatch/pandas: {peer / ours:.1f}x")
    print(f"ratio by CPU seconds: {peer_cpu / our_cpu:.1f}x")
    ceiling = "above" if read / copy < GOAL_ROWS_PER_S else "within"
    print(
        f"DuckDB alone loads the unchanged file at {read / copy:,.0f} rows/s: the goal is "
        f"{ceiling} what the store itself can take; linewatch runs at {copy / ours:.2f} of it"
    )


if __name__ == "__main__":
    main()
