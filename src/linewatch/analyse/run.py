"""`analyse`: run the pipeline on a store and write its results in one transaction."""

from __future__ import annotations

import dataclasses
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb
import pyarrow as pa

from linewatch.analyse.measures import measures_table
from linewatch.analyse.people import build_people
from linewatch.analyse.pipeline import run_pipeline
from linewatch.analyse.settings import AnalysisSettings
from linewatch.analyse.summaries import line_places, line_rows_sql
from linewatch.errors import LinewatchError
from linewatch.store import empty_table, transaction


@dataclass(frozen=True)
class AnalysisSummary:
    """What one run found."""

    run_id: str
    numbers: int
    roles: dict[str, int]
    lines: int
    people: int
    potential_victims: int
    betweenness_epsilon: float


def analyse(con: duckdb.DuckDBPyConnection, s: AnalysisSettings | None = None) -> AnalysisSummary:
    """Analyse the store's phone records and replace the analysis tables with the results."""
    s = s or AnalysisSettings()
    row = con.execute("SELECT count(*) FROM comm_events").fetchone()
    if not row or not row[0]:
        raise LinewatchError("no phone records in the store: run `linewatch ingest` first")
    run_id = f"A{datetime.now(UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"
    started = datetime.now(UTC)
    run_pipeline(con, s)
    line_places(con)
    measures, epsilon = measures_table(con, s)
    build_people(con, s)
    with transaction(con):
        _write(con, run_id, measures)
        summary = _summary(con, run_id, epsilon)
        con.execute(
            "INSERT INTO analysis_runs VALUES (?, ?, now(), ?, ?)",
            [
                run_id,
                started,
                json.dumps(dataclasses.asdict(s)),
                json.dumps(dataclasses.asdict(summary)),
            ],
        )
    return summary


def _write(con: duckdb.DuckDBPyConnection, run_id: str, measures: pa.Table) -> None:
    """Replace the four result tables (inside the caller's transaction)."""
    for table in ("number_roles", "lines", "person_roles", "network_measures"):
        empty_table(con, table)
    con.execute(
        "INSERT INTO number_roles SELECT number, role, line_id, deal_line_score, reasons, ? "
        "FROM a_roles",
        [run_id],
    )
    con.execute(
        f"INSERT INTO lines SELECT r.line_id, r.numbers, p.hub, p.market, r.active_from, "
        f"r.active_to, r.customers, r.handsets, ? FROM ({line_rows_sql()}) r "
        "LEFT JOIN a_line_places p USING (line_id)",
        [run_id],
    )
    con.execute(
        "INSERT INTO person_roles SELECT person_id, role, line_id, confidence, potential_victim, "
        "reasons, ? FROM a_people",
        [run_id],
    )
    con.register("a_measure_rows", measures)
    con.execute("INSERT INTO network_measures SELECT *, ? FROM a_measure_rows", [run_id])
    con.unregister("a_measure_rows")


def _summary(con: duckdb.DuckDBPyConnection, run_id: str, epsilon: float) -> AnalysisSummary:
    """Counts of what was written."""
    roles = dict(con.execute("SELECT role, count(*) FROM number_roles GROUP BY role").fetchall())

    def one(sql: str) -> int:
        row = con.execute(sql).fetchone()
        return int(row[0]) if row else 0

    return AnalysisSummary(
        run_id=run_id,
        numbers=sum(int(v) for v in roles.values()),
        roles={str(k): int(v) for k, v in sorted(roles.items())},
        lines=one("SELECT count(*) FROM lines"),
        people=one("SELECT count(*) FROM person_roles"),
        potential_victims=one("SELECT count(*) FROM person_roles WHERE potential_victim"),
        betweenness_epsilon=epsilon,
    )
