"""Pivot-sampled betweenness without leaves (pivots.pivot_betweenness) against networkx."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from linewatch.analyse import pivots
from linewatch.analyse.network import Betweenness


def _leafy(seed: int, core: int, p: float, leaves: int) -> nx.Graph:
    """A random graph with leaves hung on it, an isolated pair and an isolated path of three."""
    rng = np.random.default_rng(seed)
    g = nx.gnp_random_graph(core, p, seed=seed)
    g.add_edges_from((i, (i + 1) % core) for i in range(0, core, 2))  # no isolated core nodes
    g.add_edges_from((int(rng.integers(core)), core + i) for i in range(leaves))
    n = core + leaves
    g.add_edges_from([(n, n + 1), (n + 2, n + 3), (n + 3, n + 4)])
    return g


def _run(g: nx.Graph, k: int, seed: int = 1) -> Betweenness:
    e = np.array(list(g.edges()), dtype=np.int64)
    return pivots.pivot_betweenness(e[:, 0], e[:, 1], g.number_of_nodes(), k, seed=seed)


def _exact(g: nx.Graph) -> np.ndarray:
    bc = nx.betweenness_centrality(g)
    return np.array([bc[i] for i in range(g.number_of_nodes())])


@pytest.mark.parametrize("seed", range(3))
def test_every_node_a_source_gives_exact_betweenness(seed: int) -> None:
    g = _leafy(seed, 50, 0.06, 70)
    found = _run(g, g.number_of_nodes())
    assert found.epsilon == 0.0
    np.testing.assert_allclose(found.values, _exact(g), atol=1e-12)


def test_a_star_is_all_leaves_round_its_centre() -> None:
    found = _run(nx.star_graph(9), 10)
    assert found.values[0] == pytest.approx(1.0) and not found.values[1:].any()


@pytest.mark.parametrize("seed", range(3))
def test_pivot_betweenness_within_its_stated_bound(seed: int) -> None:
    g = _leafy(seed, 300, 0.012, 250)
    found = _run(g, 64, seed=seed + 1)
    exact = _exact(g)
    assert found.epsilon == pytest.approx(np.sqrt(np.log(20) / 128))
    assert np.max(np.abs(found.values - exact)) <= found.epsilon
    assert np.argmax(found.values) in np.argsort(-exact)[:5]


def test_pivot_betweenness_is_repeatable() -> None:
    g = _leafy(7, 200, 0.02, 100)
    assert np.array_equal(_run(g, 16).values, _run(g, 16).values)
