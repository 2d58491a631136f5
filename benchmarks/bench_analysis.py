"""Analysis speed and memory: `linewatch analyse` on a simulated case, against pandas + networkx.

linewatch runs as a user runs it (`python -m linewatch analyse`) in its own process on a store
holding a simulated case of BENCH_RECORDS records (default 100 million, the issue's size): the
time and memory goals. The peer computes the same per-number features the straightforward way
(pandas group-bys over the events, networkx for degree, PageRank, sampled betweenness and
Louvain communities) in its own process on a case of BENCH_PEER_RECORDS records (default 10
million), read from a Parquet export of the store's events (the read is timed: the peer has to
get the data somehow). linewatch analyses that same case too, side by side: the ratio goal is
the peer's time over ours on it. The ratio of records per second, ours on the large case against
the peer on the small one, is printed as well. Simulating and ingesting the cases are not timed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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


def events_of(db: str, out: Path | None = None) -> int:
    """How many events the store holds; exports them to Parquet for the peer when `out` is set."""
    import duckdb

    con = duckdb.connect(db, read_only=True)
    try:
        con.execute("SET max_temp_directory_size='8GB'")
        if out is not None:
            con.execute(
                f"COPY (SELECT ts, type, caller, callee, caller_imei, callee_imei FROM comm_events)"
                f" TO '{out}' (FORMAT parquet)"
            )
        return int(con.execute("SELECT count(*) FROM comm_events").fetchall()[0][0])
    finally:
        con.close()


def case_store(folder: Path, env: str, records: int, seed: int) -> str:
    """A store to analyse: a copy of the one named by `env` if set, else a fresh simulated case."""
    if os.environ.get(env):
        db = str(folder / f"copy-{records}.duckdb")
        shutil.copy(os.environ[env], db)
        return db
    return build_case(folder, records, seed)


class _Timed:
    """A connection whose `execute` adds each statement's wall and CPU seconds to a step."""

    def __init__(self, con: Any, steps: dict[str, list[float]]) -> None:
        self._con, self._steps = con, steps

    def execute(self, sql: str, *args: Any) -> Any:
        """Run and time one statement, named by the table it creates (else its first words)."""
        made = re.search(r"TEMP TABLE (\w+)", sql)
        name = made.group(1) if made else " ".join(sql.split()[:3])[:30]
        with _step(self._steps, name):
            return self._con.execute(sql, *args)

    def __getattr__(self, attr: str) -> Any:
        return getattr(self._con, attr)


@contextmanager
def _step(steps: dict[str, list[float]], name: str) -> Iterator[None]:
    """Add the block's wall and CPU seconds (user + system, all threads) to steps[name]."""
    wall, cpu = time.perf_counter(), time.process_time()
    yield
    got = steps.setdefault(name, [0.0, 0.0, 0])
    got[0] += time.perf_counter() - wall
    got[1] += time.process_time() - cpu
    got[2] += 1


def profile_steps(db: str) -> None:
    """Print the wall and CPU seconds of each statement and network measure of `analyse`.

    Runs the real pipeline on a copy of the store with every `execute` and network measure
    timed, so each temp table (and each repeat of it, e.g. takeover rounds) is counted.
    """
    from linewatch.analyse import measures, network, pivots
    from linewatch.analyse.people import build_people
    from linewatch.analyse.pipeline import run_pipeline
    from linewatch.analyse.settings import AnalysisSettings
    from linewatch.analyse.summaries import line_places
    from linewatch.store import connect

    steps: dict[str, list[float]] = {}
    for module, fn in (
        (network, "build_graph"),
        (network, "betweenness"),
        (pivots, "pivot_betweenness"),
        (network, "degrees"),
        (network, "pagerank"),
        (network, "communities"),
    ):
        real = getattr(module, fn)

        def timed(*a: Any, _real: Any = real, _fn: str = fn, **k: Any) -> Any:
            with _step(steps, f"network {_fn}"):
                return _real(*a, **k)

        setattr(module, fn, timed)
    s = AnalysisSettings()
    with tempfile.TemporaryDirectory(prefix="lw-prof-") as tmp:
        shutil.copy(db, f"{tmp}/copy.duckdb")
        con = _Timed(connect(f"{tmp}/copy.duckdb"), steps)
        with _step(steps, "TOTAL"):
            run_pipeline(con, s)
            line_places(con)
            measures.measures_table(con, s)
            build_people(con, s)
        con.close()
    for name, (wall, cpu, n) in sorted(steps.items(), key=lambda x: -x[1][1]):
        print(f"{name:32s} {wall:8.2f} s {cpu:8.2f} CPU-s  x{n:.0f}", flush=True)
    print("load average:", Path("/proc/loadavg").read_text().split()[:3])


def analysed(db: str) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak GiB of `linewatch analyse` on the store `db`."""
    _, wall, cpu, gib = measured([sys.executable, "-m", "linewatch", "--db", db, "analyse"])
    return wall, cpu, gib


def main() -> None:
    """Print analysis time, CPU seconds and peak memory for linewatch and the peer, and ratios.

    BENCH_DB / BENCH_PEER_DB name stores already holding a case (copied, not changed), to skip
    simulating and ingesting; BENCH_RECORDS / BENCH_PEER_RECORDS set the simulated sizes.
    """
    if os.environ.get("BENCH_PROFILE_DB"):
        profile_steps(os.environ["BENCH_PROFILE_DB"])
        return
    ours_n = int(os.environ.get("BENCH_RECORDS", "100000000"))
    peer_n = int(os.environ.get("BENCH_PEER_RECORDS", "10000000"))
    with tempfile.TemporaryDirectory(prefix="lw-bench-an-") as tmp:
        folder = Path(tmp)
        db = case_store(folder, "BENCH_DB", ours_n, seed=91)
        big_events = events_of(db)
        big = analysed(db)
        Path(db).unlink()
        peer_db = case_store(folder, "BENCH_PEER_DB", peer_n, seed=92)
        events = events_of(peer_db, folder / "peer.parquet")
        small = analysed(peer_db)
        Path(peer_db).unlink()
        peer = measured([sys.executable, "-c", PEER, str(folder / "peer.parquet")])[1:]
    for name, n, (wall, cpu, gib) in (
        ("linewatch analyse", big_events, big),
        ("linewatch analyse", events, small),
        ("pandas + networkx", events, peer),
    ):
        print(f"{name}: {n:,} events in {wall:.1f} s, {cpu:.1f} CPU-s, peak {gib:.2f} GiB")
    ratio, cpu_ratio = peer[0] / small[0], peer[1] / small[1]
    rate_ratio = (big_events / big[0]) / (events / peer[0])
    print(
        f"goals: <= {GOAL_S:.0f} s {'met' if big[0] <= GOAL_S else 'NOT met'}, "
        f"<= {GOAL_GIB:.0f} GiB {'met' if big[2] <= GOAL_GIB else 'NOT met'}, "
        f"ratio on the same {events:,} events {ratio:.1f}x "
        f"{'met' if ratio >= GOAL_RATIO else 'NOT met'} (goal >= {GOAL_RATIO:.0f}x; "
        f"by CPU seconds {cpu_ratio:.1f}x); events/s at {big_events:,} against the peer's: "
        f"{rate_ratio:.1f}x"
    )
    print("load average:", Path("/proc/loadavg").read_text().split()[:3])


if __name__ == "__main__":
    main()
