"""End to end on a small handmade store: a line that swaps numbers, its runner and controller."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from linewatch.analyse.report import document, explain
from linewatch.analyse.run import analyse
from linewatch.analyse.settings import AnalysisSettings
from tests.events import insert_events

T0 = dt.datetime(2024, 3, 1, 12, tzinfo=dt.UTC)
OLD, NEW, RUNNER, BOSS = "+447700900001", "+447700900002", "+447400000001", "+447400000002"
RUNNER2 = "+447400000003"
CUSTOMERS = [f"+4475000{i:05d}" for i in range(40)]
FRIENDS = [f"+4476000{i:05d}" for i in range(40)]
FLARED = "+447500099999"  # gets the line's flares, never orders in the records: still a customer


def _events() -> pd.DataFrame:
    rows: list[tuple[dt.datetime, str, str, str]] = []
    for day in range(40):
        deal = OLD if day < 20 else NEW
        base = T0 + dt.timedelta(days=day)
        for k, c in enumerate(CUSTOMERS):
            t = base + dt.timedelta(minutes=7 * k)
            rows += [(t, "sms", c, deal), (t + dt.timedelta(seconds=60), "sms", deal, c)]
            rows.append((t + dt.timedelta(seconds=200), "sms", deal, RUNNER))
        flare = base + dt.timedelta(hours=6)
        rows += [
            (flare + dt.timedelta(seconds=i), "sms", deal, c)
            for i, c in enumerate([*CUSTOMERS, FLARED])
        ]
        rows += [
            (base + dt.timedelta(hours=h), "call", BOSS, r)
            for h in (1, 2)
            for r in (RUNNER, RUNNER2)
        ]
        rows += [(base + dt.timedelta(hours=3), "call", RUNNER, BOSS)]
        for k, f in enumerate(FRIENDS[:10]):
            rows += [
                (base + dt.timedelta(minutes=k), "call", f, CUSTOMERS[k]),
                (base + dt.timedelta(minutes=k + 30), "call", CUSTOMERS[k], f),
            ]
    frame = pd.DataFrame(rows, columns=["ts", "type", "caller", "callee"])
    return frame.drop_duplicates(subset=["ts", "type", "caller", "callee"])


def _load(con: duckdb.DuckDBPyConnection) -> None:
    frame = _events()
    con.register("frame", frame)
    insert_events(
        con,
        "(ts, type, caller, callee, seen_caller, seen_callee, src_file, src_line, run_id) "
        "SELECT ts, type, caller, callee, true, true, 'test', 1, 'r' FROM frame",
    )
    con.execute(
        "INSERT INTO phones (number, is_target, src_file, run_id) "
        "SELECT DISTINCT caller, true, 'test', 'r' FROM frame"
    )


def test_line_roles_and_continuity(store: duckdb.DuckDBPyConnection) -> None:
    _load(store)
    summary = analyse(store)
    roles = dict(store.execute("SELECT number, role FROM number_roles").fetchall())
    assert roles[OLD] == roles[NEW] == "deal_line"
    assert roles[RUNNER] == "runner"
    assert roles[CUSTOMERS[0]] == roles[FLARED] == "customer"
    assert roles[FRIENDS[0]] == "other"
    lines = store.execute("SELECT numbers FROM lines").fetchall()
    assert lines == [([OLD, NEW],)]
    assert summary.lines == 1


def test_json_document_lists_every_number_once(store: duckdb.DuckDBPyConnection) -> None:
    _load(store)
    analyse(store)
    doc = document(store)
    numbers = [n["number"] for n in doc["numbers"]]
    assert len(numbers) == len(set(numbers))
    events = _events()
    assert set(numbers) == set(events.caller) | set(events.callee)
    assert set(doc) == {"numbers", "lines", "people"}
    deal = next(n for n in doc["numbers"] if n["number"] == OLD)
    assert deal["deal_line_score"] >= 0.5 and deal["reasons"]
    assert min(n["deal_line_score"] for n in doc["numbers"]) >= 0


def test_explain_says_why(store: duckdb.DuckDBPyConnection) -> None:
    _load(store)
    analyse(store)
    why = explain(store, NEW)
    assert why["role"] == "deal_line" and why["line"]["numbers"] == [OLD, NEW]
    assert any("customer-like contacts" in r for r in why["reasons"])


def test_pivot_betweenness_path_matches_exact_with_every_node_a_source(
    store: duckdb.DuckDBPyConnection,
) -> None:
    _load(store)
    measures = "SELECT number, betweenness FROM network_measures ORDER BY number"
    analyse(store)
    exact = store.execute(measures).fetchall()
    analyse(store, AnalysisSettings(kadabra_max_nodes=10, betweenness_pivots=len(exact)))
    pivoted = store.execute(measures).fetchall()
    assert [n for n, _ in pivoted] == [n for n, _ in exact]
    assert max(abs(a - b) for (_, a), (_, b) in zip(pivoted, exact, strict=True)) < 1e-12
    assert max(b for _, b in exact) > 0.1
