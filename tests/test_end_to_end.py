"""From the simulator to the store: a whole synthetic case ingests with nothing lost."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from linewatch.ingest import ingest
from linewatch.sim.presets import params_for
from linewatch.sim.run import simulate

from .ingest.helpers import snapshot


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny simulated case on disk."""
    out = tmp_path_factory.mktemp("case") / "case"
    simulate(params_for("tiny"), seed=11, out=out, scale="tiny")
    return out


def test_simulated_case_ingests_completely(store: duckdb.DuckDBPyConnection, case: Path) -> None:
    truth = json.loads((case / "truth.json").read_text())
    summary = ingest(store, [case])
    total = summary.total
    assert total.quarantined == 0
    assert total.read == total.stored + total.duplicates
    records_read = sum(pq.read_metadata(p).num_rows for p in (case / "records").glob("*.parquet"))
    assert summary.by_kind["records"].read == records_read
    # Every record belongs to an obtained number: the targets are exactly those obtained numbers
    # that had any activity.
    obtained = {n for n, v in truth["numbers"].items() if v["obtained"]}
    targets = {r[0] for r in store.execute("SELECT number FROM phones WHERE is_target").fetchall()}
    assert targets <= obtained
    assert len(targets) >= 0.9 * len(obtained)
    # Every person record the simulator's truth names is in the store under the same id.
    stored = {r[0] for r in store.execute("SELECT record_id FROM person_records").fetchall()}
    assert set(truth["person_records"]) <= stored
    # An event between two obtained numbers is one row, seen from both ends; the other
    # duplicates are rows repeated within one target's records.
    events = store.execute(
        "SELECT count(*), count(*) FILTER (seen_caller AND seen_callee) FROM comm_events"
    ).fetchone()
    assert events is not None
    assert events[0] == summary.by_kind["records"].stored
    assert 0 < events[1] <= summary.by_kind["records"].duplicates


def test_simulated_case_twice_changes_nothing(store: duckdb.DuckDBPyConnection, case: Path) -> None:
    ingest(store, [case])
    before = snapshot(store)
    again = ingest(store, [case])
    assert again.total.stored == 0
    assert snapshot(store) == before
