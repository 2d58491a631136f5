"""Analysis speed and memory: `linewatch analyse` on a simulated case, against pandas + networkx.

linewatch runs as a user runs it (`python -m linewatch analyse`) in its own process on a store
holding a simulated case of BENCH_RECORDS records (default 100 million, the issue's size). The
peer computes the same per-number features the straightforward way (pandas group-bys over the
events, networkx for degree, PageRank, sampled betweenness and Louvain communities) in its own
process on BENCH_PEER_RECORDS records (default 10 million), read from a Parquet export of the
store's events (the read is timed: the peer has to get the data somehow). Sizes differ, so the
ratio compares records per second. Simulating and ingesting the cases are not timed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_ingest import measured

GOAL_S, GOAL_GIB, GOAL_RATIO = 300.0, 8.0, 20.0

PEER = """
import sys
import networkx as nx
import pandas as pd

ev = pd.read_parquet(sys.argv[1])
ev["bucket"] = ev["ts"].astype("int64") // 10**9 // 120
sms = ev[ev["type"] == "sms"]
per = sms.groupby(["caller", "bucket"])["callee"].nunique()
bursts = per[per >= 3].reset_index()[["caller", "bucket"]].assign(burst=True)
ev = ev.merge(bursts, on=["caller", "bucket"], how="left")
ev["burst"] = ev["burst"].fillna(False).astype(bool) & (ev["type"] == "sms")
ev["day"] = ev["ts"].dt.date
ev["night"] = ev["ts"].dt.hour < 6
ev["call"] = ev["type"] == "call"
edges = ev[ev["caller"] != ev["callee"]].groupby(["caller", "callee"]).agg(
    n=("ts", "size"), n_burst=("burst", "sum"), n_call=("call", "sum"),
    days=("day", "nunique"), first=("ts", "min"), last=("ts", "max")).reset_index()
inb = edges.rename(columns={"caller": "contact", "callee": "number"})
out = edges.rename(columns={"caller": "number", "callee": "contact"})
pairs = inb.merge(out, on=["number", "contact"], how="outer", suffixes=("_in", "_out")).fillna(0)
pairs["led"] = ((pairs["n_in"] >= 2) & (pairs["days_in"] >= 2)
                & (pairs["n_call_out"] <= 0.25 * pairs["n_in"]))
g = pairs.groupby("number")
nodes = pd.DataFrame({
    "in_ev": g["n_in"].sum(), "out_ev": g["n_out"].sum(),
    "in_deg": g["n_in"].apply(lambda s: (s > 0).sum()),
    "out_deg": g["n_out"].apply(lambda s: (s > 0).sum()),
    "led": g["led"].sum(),
    "burst_recipients": g["n_burst_out"].apply(lambda s: (s > 0).sum()),
})
sides = pd.concat([ev[["caller", "ts", "day", "night"]].rename(columns={"caller": "number"}),
                   ev[["callee", "ts", "day", "night"]].rename(columns={"callee": "number"})])
act = sides.groupby("number").agg(active_days=("day", "nunique"), night=("night", "mean"),
                                  first=("ts", "min"), last=("ts", "max"))
hs = pd.concat([ev[["caller", "caller_imei"]].set_axis(["number", "imei"], axis=1),
                ev[["callee", "callee_imei"]].set_axis(["number", "imei"], axis=1)]).dropna()
imeis = hs.drop_duplicates().groupby("number")["imei"].nunique()
und = edges.assign(x=edges[["caller", "callee"]].min(axis=1),
                   y=edges[["caller", "callee"]].max(axis=1)).groupby(["x", "y"])["n"].sum()
graph = nx.Graph()
graph.add_weighted_edges_from((x, y, w) for (x, y), w in und.items())
degree = dict(graph.degree())
pagerank = nx.pagerank(graph, alpha=0.85, weight="weight")
between = nx.betweenness_centrality(graph, k=min(100, len(graph)), seed=1)
louvain = nx.community.louvain_communities(graph, weight="weight", seed=1)
print(len(nodes.join(act, how="outer").join(imeis, how="left")), len(louvain))
"""


def build_case(folder: Path, records: int, seed: int) -> str:
    """Simulate a case of about `records` records and ingest it into a fresh store."""
    case, db = folder / f"case-{records}", str(folder / f"case-{records}.duckdb")
    lw = [sys.executable, "-m", "linewatch"]
    subprocess.run(
        [*lw, "simulate", "--seed", str(seed), "--out", str(case), "--scale", str(records)],
        capture_output=True,
        check=True,
    )
    inputs = [str(p) for p in case.iterdir() if not p.name.startswith("truth")]
    subprocess.run([*lw, "--db", db, "ingest", *inputs], capture_output=True, check=True)
    return db


def events_of(db: str, out: Path) -> int:
    """Export the store's events to Parquet for the peer; returns how many there are."""
    import duckdb

    con = duckdb.connect(db, read_only=True)
    try:
        con.execute(
            f"COPY (SELECT ts, type, caller, callee, caller_imei, callee_imei FROM comm_events) "
            f"TO '{out}' (FORMAT parquet)"
        )
        row = con.execute("SELECT count(*) FROM comm_events").fetchone()
        return int(row[0]) if row else 0
    finally:
        con.close()


def profile_steps(db: str) -> None:
    """Print the seconds each step of `analyse` takes on a copy of the store at `db`."""
    import shutil
    import time

    import duckdb

    from linewatch.analyse import features, measures, model, pipeline, roles, summaries
    from linewatch.analyse.continuity import assign_lines
    from linewatch.analyse.people import build_people
    from linewatch.analyse.settings import AnalysisSettings
    from linewatch.analyse.takeover import add_takeovers

    s = AnalysisSettings()
    with tempfile.TemporaryDirectory(prefix="lw-prof-") as tmp:
        shutil.copy(db, f"{tmp}/copy.duckdb")
        con = duckdb.connect(f"{tmp}/copy.duckdb")
        con.execute("SET enable_progress_bar=false")
        steps = [(t, features.feature_sql(n, s)) for t, n in features.FEATURE_TABLES]
        steps += [("a_inputs", model.inputs_sql()), ("a_scored", model.score_sql())]
        steps += [("a_deal", pipeline.deal_sql(s))]
        calls = [
            (t, lambda q=q, t=t: con.execute(f"CREATE TEMP TABLE {t} AS {q}")) for t, q in steps
        ]
        calls += [("takeovers", lambda: add_takeovers(con, s))]
        calls += [("lines", lambda: assign_lines(con, s))]
        for t, q in (
            ("a_runners", roles.runners_sql()),
            ("a_customers", roles.customers_sql()),
            ("a_controllers", roles.controllers_sql(s)),
            ("a_roles", roles.number_roles_sql()),
        ):
            calls += [(t, lambda q=q, t=t: con.execute(f"CREATE TEMP TABLE {t} AS {q}"))]
        calls += [("places", lambda: summaries.line_places(con))]
        calls += [("measures", lambda: measures.measures_table(con, s))]
        calls += [("people", lambda: build_people(con, s))]
        total = 0.0
        for name, call in calls:
            started = time.perf_counter()
            call()
            took = time.perf_counter() - started
            total += took
            print(f"{name:16s} {took:7.2f} s", flush=True)
        print(f"{'total':16s} {total:7.2f} s")
        con.close()


def main() -> None:
    """Print analysis time and peak memory for linewatch and the peer, and their ratio."""
    if os.environ.get("BENCH_PROFILE_DB"):
        profile_steps(os.environ["BENCH_PROFILE_DB"])
        return
    ours_n = int(os.environ.get("BENCH_RECORDS", "100000000"))
    peer_n = int(os.environ.get("BENCH_PEER_RECORDS", "10000000"))
    with tempfile.TemporaryDirectory(prefix="lw-bench-an-") as tmp:
        folder = Path(tmp)
        db = build_case(folder, ours_n, seed=91)
        ours_events = events_of(db, folder / "ours.parquet")
        lw = [sys.executable, "-m", "linewatch", "--db", db, "analyse"]
        _, ours_s, ours_gib = measured(lw)
        peer_db = build_case(folder, peer_n, seed=92)
        peer_events = events_of(peer_db, folder / "peer.parquet")
        _, peer_s, peer_gib = measured([sys.executable, "-c", PEER, str(folder / "peer.parquet")])
    ratio = (ours_events / ours_s) / (peer_events / peer_s)
    print(f"linewatch analyse: {ours_events:,} events in {ours_s:.1f} s, peak {ours_gib:.2f} GiB")
    print(f"pandas + networkx: {peer_events:,} events in {peer_s:.1f} s, peak {peer_gib:.2f} GiB")
    print(
        f"goals: <= {GOAL_S:.0f} s {'met' if ours_s <= GOAL_S else 'NOT met'}, "
        f"<= {GOAL_GIB:.0f} GiB {'met' if ours_gib <= GOAL_GIB else 'NOT met'}, "
        f"ratio {ratio:.1f}x (events/s) {'met' if ratio >= GOAL_RATIO else 'NOT met'} "
        f"(goal >= {GOAL_RATIO:.0f}x)"
    )


if __name__ == "__main__":
    main()
