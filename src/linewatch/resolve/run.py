"""`resolve`: parse, (re)train when needed, score new records only, cluster, attribute phones.

A full run trains the model and scores every record; an incremental run (the default once a
trained model exists) scores only records not yet linked, against each other and the rest,
then re-clusters from all stored pairs and every live analyst decision.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import duckdb

from linewatch.resolve import splinker
from linewatch.resolve.cluster import cluster
from linewatch.resolve.ids import assign_ids
from linewatch.resolve.pairs import store_pairs
from linewatch.resolve.phones import attribute_phones
from linewatch.resolve.prepare import INPUT, build_input
from linewatch.store import empty_table, transaction


@dataclass(frozen=True)
class Outcome:
    """What one resolve run did."""

    run_id: str
    mode: str
    model_id: str
    trained: bool
    records: int
    new_records: int
    pairs: int
    persons: int


def new_run_id() -> str:
    """A run id that sorts by time."""
    return f"ER-{datetime.now(UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"


def _latest_model(con: duckdb.DuckDBPyConnection) -> tuple[str, bool, dict[str, Any]] | None:
    rows = con.execute(
        "SELECT model_id, trained, settings FROM er_models ORDER BY trained_at DESC LIMIT 1"
    ).fetchall()
    return (rows[0][0], rows[0][1], json.loads(rows[0][2])) if rows else None


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    return int(con.execute(sql).fetchall()[0][0])


def _train(con: duckdb.DuckDBPyConnection, records: int) -> tuple[str, bool, dict[str, Any]]:
    settings, trained = splinker.train(con, records)
    model_id = f"M-{uuid.uuid4().hex[:8]}"
    con.execute(
        "INSERT INTO er_models VALUES (?, now(), ?, ?, ?)",
        [model_id, records, trained, json.dumps(settings)],
    )
    return model_id, trained, settings


def resolve(con: duckdb.DuckDBPyConnection, full: bool = False) -> Outcome:
    """Link every person record into persons, keeping ids and analyst decisions."""
    run_id, started = new_run_id(), datetime.now(UTC)
    records = build_input(con)
    latest = _latest_model(con)
    retrain = full or latest is None or (not latest[1] and records >= splinker.MIN_TRAINING_RECORDS)
    model_id, trained, settings = _train(con, records) if retrain else latest  # type: ignore[misc]
    if retrain:
        empty_table(con, "er_pairs")
        empty_table(con, "er_linked")
    new = _count(
        con,
        f"SELECT count(*) FROM {INPUT} WHERE record_id NOT IN (SELECT record_id FROM er_linked)",
    )
    scored = splinker.score(con, settings, only_new=not retrain) if new else []
    with transaction(con):
        for table in scored:
            store_pairs(con, table, model_id, run_id)
        con.execute(f"INSERT OR IGNORE INTO er_linked SELECT record_id, ? FROM {INPUT}", [run_id])
        recluster(con, run_id)
        outcome = Outcome(
            run_id,
            "full" if retrain else "incremental",
            model_id,
            trained,
            records,
            new,
            _count(con, "SELECT count(*) FROM er_pairs"),
            _count(con, "SELECT count(*) FROM persons"),
        )
        con.execute(
            "INSERT INTO er_runs VALUES (?, ?, now(), ?, ?, ?, ?, ?)",
            [run_id, started, outcome.mode, model_id, new, outcome.pairs, outcome.persons],
        )
    return outcome


def recluster(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    """Cluster from stored pairs and decisions, keep ids stable, re-attribute phones."""
    cluster(con)
    assign_ids(con, run_id)
    attribute_phones(con, run_id)
