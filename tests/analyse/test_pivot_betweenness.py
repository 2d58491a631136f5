"""Pivot-sampled betweenness (network.pivot_betweenness): within its stated bound."""

from __future__ import annotations

import networkit as nk
import networkx as nx
import numpy as np
import pytest

from linewatch.analyse import network


def _graph(seed: int, n: int, p: float) -> tuple[nx.Graph, nk.Graph]:
    """A random graph in networkx and the same graph in NetworKit."""
    g = nx.gnp_random_graph(n, p, seed=seed)
    g.add_edges_from((i, (i + 1) % n) for i in range(0, n, 2))  # no isolated numbers
    a = np.array([u for u, _ in g.edges()], dtype=np.int64)
    b = np.array([v for _, v in g.edges()], dtype=np.int64)
    return g, network.build_graph(a, b, np.ones(a.size), n)


@pytest.mark.parametrize("seed", range(3))
def test_pivot_betweenness_within_its_stated_bound(seed: int) -> None:
    g, k = _graph(seed, n=400, p=0.015)
    approx = network.pivot_betweenness(k, 64, seed=seed + 1)
    bc = nx.betweenness_centrality(g)
    exact = np.array([bc[i] for i in range(400)])
    assert approx.epsilon == pytest.approx(np.sqrt(np.log(20) / 128))
    assert np.max(np.abs(approx.values - exact)) <= approx.epsilon
    assert np.argmax(approx.values) in np.argsort(-exact)[:5]


def test_pivot_betweenness_is_repeatable() -> None:
    _, k = _graph(7, n=300, p=0.02)
    first = network.pivot_betweenness(k, 16).values
    assert np.array_equal(first, network.pivot_betweenness(k, 16).values)
