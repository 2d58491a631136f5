"""A run killed with SIGKILL at any point leaves the store exactly as it was before the run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from linewatch.ingest import ingest
from linewatch.store import open_store

from .helpers import CELLS, records, snapshot, write

CHILD = """
import sys
from pathlib import Path
from linewatch.store import open_store
from linewatch.ingest import ingest
con = open_store(sys.argv[1])
def progress(path, done, total):
    print(f"file {done}", flush=True)
ingest(con, [Path(p) for p in sys.argv[2:]], progress=progress)
print("committed", flush=True)
"""


def _case(tmp_path: Path) -> tuple[Path, Path, list[Path]]:
    """A store with one run in it, and three more record files to ingest."""
    first = tmp_path / "first"
    write(first / "cells.csv", CELLS)
    records(first / "r.csv", "07700900123,2024-05-01T10:00:00Z,sms,07700900123,07700900789,,C1,")
    db = tmp_path / "case.duckdb"
    con = open_store(db)
    ingest(con, [first])
    con.close()
    later = []
    for n in range(3):
        lines = [
            f"07700900123,2024-06-0{n + 1}T{h:02d}:{m:02d}:00Z,sms,"
            f"07700900123,0770090{n}{m:03d},,C1,"
            for h in range(20)
            for m in range(60)
        ]
        later.append(records(tmp_path / f"later{n}.csv", *lines, "bad row"))
    return db, first, later


def _snapshot(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = open_store(db)
    try:
        return snapshot(con)
    finally:
        con.close()


def _run_child(db: Path, files: list[Path], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), *map(str, files)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, **env},
    )


@pytest.mark.parametrize(
    "point", ["ingest-after-stage", "ingest-after-file-1", "ingest-before-commit"]
)
def test_kill_at_a_failpoint_leaves_store_unchanged(tmp_path: Path, point: str) -> None:
    db, _, later = _case(tmp_path)
    before = _snapshot(db)
    child = _run_child(db, later, {"LINEWATCH_FAILPOINT": point})
    out, _ = child.communicate(timeout=120)
    assert child.returncode == -signal.SIGKILL
    assert "committed" not in out
    assert _snapshot(db) == before


@pytest.mark.parametrize("after_files", [0, 1, 2])
def test_kill_from_outside_mid_run_leaves_store_unchanged(tmp_path: Path, after_files: int) -> None:
    db, _, later = _case(tmp_path)
    before = _snapshot(db)
    child = _run_child(db, later, {})
    assert child.stdout is not None
    for line in child.stdout:
        if line.strip() == f"file {after_files}":
            child.send_signal(signal.SIGKILL)
            break
    child.wait(timeout=120)
    assert child.returncode == -signal.SIGKILL
    assert _snapshot(db) == before


def test_run_after_a_crash_stores_everything(tmp_path: Path) -> None:
    db, _, later = _case(tmp_path)
    child = _run_child(db, later, {"LINEWATCH_FAILPOINT": "ingest-before-commit"})
    child.communicate(timeout=120)
    con = open_store(db)
    summary = ingest(con, later)
    assert summary.total.stored == 3 * 20 * 60
    assert summary.total.quarantined == 3
    con.close()
