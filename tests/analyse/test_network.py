"""Network measures against networkx on small random graphs, and against published values."""

from __future__ import annotations

import csv
from pathlib import Path

import networkit as nk
import networkx as nx
import numpy as np
import pytest

from linewatch.analyse import network

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def _pair(seed: int, n: int = 40, p: float = 0.12) -> tuple[nx.Graph, nk.Graph]:
    g = nx.gnp_random_graph(n, p, seed=seed)
    g.add_edges_from((i, (i + 1) % n) for i in range(0, n, 2))  # no isolated numbers, as in records
    a = np.array([u for u, _ in g.edges()], dtype=np.int64)
    b = np.array([v for _, v in g.edges()], dtype=np.int64)
    return g, network.build_graph(a, b, np.ones(a.size), n)


@pytest.mark.parametrize("seed", range(5))
def test_measures_match_networkx(seed: int) -> None:
    g, k = _pair(seed)
    n = g.number_of_nodes()
    assert network.degrees(k).tolist() == [g.degree(i) for i in range(n)]
    bc = nx.betweenness_centrality(g)
    assert np.allclose(network.betweenness(k, 100, 0.1).values, [bc[i] for i in range(n)])
    pr = nx.pagerank(g, tol=1e-12)
    assert np.allclose(network.pagerank(k), [pr[i] for i in range(n)], atol=1e-6)
    cc = network.components(k)
    for comp in nx.connected_components(g):
        assert len({int(cc[i]) for i in comp}) == 1
    assert len(set(cc.tolist())) == nx.number_connected_components(g)


def test_sampled_betweenness_states_its_error() -> None:
    g, k = _pair(7, n=60)
    approx = network.betweenness(k, 10, 0.05)
    assert approx.epsilon == 0.05
    exact = nx.betweenness_centrality(g)
    assert np.max(np.abs(approx.values - [exact[i] for i in range(60)])) <= 0.05


def _load(folder: Path) -> tuple[nk.Graph, list[str]]:
    with (folder / "edges.csv").open() as fh:
        rows = [(r["source"], r["target"]) for r in csv.DictReader(fh)]
    names = sorted({x for r in rows for x in r})
    ids = {n: i for i, n in enumerate(names)}
    pairs = {tuple(sorted((ids[a], ids[b]))) for a, b in rows if a != b}
    a = np.array([p[0] for p in pairs], dtype=np.int64)
    b = np.array([p[1] for p in pairs], dtype=np.int64)
    return network.build_graph(a, b, np.ones(a.size), len(names)), names


def _lcc(g: nk.Graph) -> int:
    cc = network.components(g)
    return int(np.bincount(cc[cc >= 0]).max())


def _shared(name: str) -> Path:
    folder = SHARED / "data" / "networks" / name
    if not folder.is_dir():
        pytest.skip(f"../shared/data/networks/{name} not present")
    return folder


def test_montagna_phonecalls_adaptive_betweenness_curve() -> None:
    """PUBLISHED.md section 1: LCC/LCC0 after sequential top-betweenness removals."""
    g, _ = _load(_shared("montagna_phonecalls"))
    published = [1.000, 0.764, 0.573, 0.427, 0.393, 0.247, 0.135, 0.124, 0.056, 0.056, 0.045]
    lcc0 = _lcc(g)
    assert lcc0 == 89
    curve = []
    for _ in range(11):
        curve.append(round(float(_lcc(g)) / lcc0, 3))
        bc = network.betweenness(g, 10_000, 0.0).values
        alive = [u for u in range(g.numberOfNodes()) if g.hasNode(u)]
        # ties towards the node inserted last, as the published protocol says
        top = max(alive, key=lambda u: (round(bc[u], 12), u))
        g.removeNode(top)
    assert curve[:5] == published[:5]


def test_bfp_giant_component_size() -> None:
    """PUBLISHED.md section 2: BFP2013 giant component N = 9887, E = 19,744."""
    g, _ = _load(_shared("bfp_brazil"))
    cc = network.components(g)
    giant = int(np.bincount(cc).argmax())
    nodes = {u for u in range(g.numberOfNodes()) if cc[u] == giant}
    edges = sum(1 for u, v in g.iterEdges() if u in nodes)
    assert (len(nodes), edges) == (9887, 19_744)


def test_kadabra_betweenness_within_its_error_on_a_larger_graph() -> None:
    g, k = _pair(11, n=400, p=0.015)
    approx = network.betweenness(k, 10, 0.02)
    exact = nx.betweenness_centrality(g)
    assert approx.epsilon == 0.02
    assert np.max(np.abs(approx.values - [exact[i] for i in range(400)])) <= 0.02
