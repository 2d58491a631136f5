"""Analysis of a whole simulated case (few numbers obtained, frequent swaps): what it says holds."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import duckdb

from linewatch.analyse.run import analyse
from linewatch.ingest import ingest
from linewatch.sim.presets import params_for
from linewatch.sim.run import simulate


def test_every_reason_names_the_line_its_number_ended_in(
    store: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    """Lines are regrouped and renumbered after each round of line-level takeovers; a reason
    written in a round must still name the number's final line (tiny seed 3 named another
    line in 3 reasons before)."""
    base = params_for("tiny")
    few = replace(base.collection, deal_line=0.5, runner=0.3, controller=0.3, customer=0.015)
    params = replace(base, collection=few, number_swap_days=8.0, block_share=0.7)
    simulate(params, 3, tmp_path / "case", scale="tiny")
    ingest(store, [p for p in (tmp_path / "case").iterdir() if not p.name.startswith("truth")])
    analyse(store)
    rows = store.execute(
        "SELECT line_id, reasons FROM number_roles WHERE role = 'deal_line'"
    ).fetchall()
    named = [
        (line_id, found)
        for line_id, reasons in rows
        for reason in reasons
        for found in re.findall(r"\bline (L\d+)\b", reason)
    ]
    assert len(named) >= 3
    assert all(found == line_id for line_id, found in named), named
    assert not [r for _, reasons in rows for r in reasons if "{line:" in r]
