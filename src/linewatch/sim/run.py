"""`simulate`: build the world, stream the records day by day, write sources and truth."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from linewatch.errors import InputError
from linewatch.sim.arrays import STREAM_DAYS, rng_for
from linewatch.sim.cells import write_cells
from linewatch.sim.edges import build_edges
from linewatch.sim.events import day_events
from linewatch.sim.intel import write_intelligence, write_tips
from linewatch.sim.operations import write_operations
from linewatch.sim.params import ScenarioParams
from linewatch.sim.records import RecordsWriter, to_rows
from linewatch.sim.sources import Ledger, write_subscribers
from linewatch.sim.truth import write_truth
from linewatch.sim.world import build_world

FORMATS = ("parquet", "csv")


@dataclass(frozen=True)
class Summary:
    """What a simulation wrote."""

    out: Path
    records: int
    record_files: int
    lines: int
    numbers: int
    obtained: int
    people: int
    seconds: float


def simulate(
    params: ScenarioParams,
    seed: int,
    out: Path,
    scale: str = "custom",
    records_format: str = "parquet",
    progress: Callable[[int, int], None] | None = None,
) -> Summary:
    """Write a whole synthetic case to `out` (replacing what a previous run left there)."""
    if records_format not in FORMATS:
        raise InputError(
            f"unknown records format {records_format!r}: use parquet or csv",
            field="--records-format",
        )
    started = time.perf_counter()
    _prepare(out)
    w = build_world(params, seed)
    write_cells(w.cells, out / "cells.csv")
    edges = build_edges(w)
    writer = RecordsWriter(w, out, records_format)
    for d in range(params.days):
        rng = rng_for(seed, STREAM_DAYS, d)
        writer.add(to_rows(w, day_events(w, edges, d, rng), rng))
        if progress is not None:
            progress(d + 1, params.days)
    writer.close()
    ledger = Ledger()
    write_subscribers(w, out, ledger)
    write_intelligence(w, out, ledger)
    write_tips(w, out, ledger)
    operations = write_operations(w, out, ledger)
    write_truth(w, out, scale, ledger, operations)
    return Summary(
        out,
        writer.total,
        writer.part + 1,
        w.lines.n,
        w.numbers.n,
        int(w.numbers.obtained.sum()),
        w.people.n,
        time.perf_counter() - started,
    )


def _prepare(out: Path) -> None:
    """Create `out`; clear the simulator's own outputs from an earlier run, nothing else."""
    if out.exists() and not out.is_dir():
        raise InputError(f"{out} exists and is not a folder", field="--out")
    out.mkdir(parents=True, exist_ok=True)
    for sub in ("records", "truth"):
        shutil.rmtree(out / sub, ignore_errors=True)
