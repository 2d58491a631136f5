"""Spectral separators and the split descent that uses them."""

from __future__ import annotations

import time

import networkx as nx
import numpy as np
import pytest

from linewatch.plan import heuristic, search_kernels
from linewatch.plan.problem import Problem, masks
from linewatch.plan.separators import Separators
from tests.plan.helpers import nx_value, to_graph


def _barbell() -> nx.Graph:
    """Two 8-cliques joined by a path of three nodes (16, 17, 18)."""
    g = nx.barbell_graph(8, 3)
    return nx.convert_node_labels_to_integers(g)


def _largest_after(g: nx.Graph, removed: list[int]) -> int:
    """Size of the largest component once removed is taken out."""
    h = g.subgraph(set(g) - set(removed))
    return max(len(c) for c in nx.connected_components(h))


def test_a_one_node_separator_halves_a_barbell() -> None:
    g = _barbell()
    graph = to_graph(g)
    none = np.zeros(graph.n, dtype=np.bool_)
    found = Separators(graph.indptr, graph.indices).candidates(none, none, cap=5)
    singles = [sep for sep in found if len(sep) == 1]
    assert singles, found
    assert min(_largest_after(g, sep) for sep in singles) <= 10  # of 19 nodes


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_candidates_avoid_forbidden_nodes_and_respect_the_cap(seed: int) -> None:
    g = nx.connected_watts_strogatz_graph(120, 6, 0.1, seed=seed)
    graph = to_graph(g)
    removed = np.zeros(graph.n, dtype=np.bool_)
    removed[::15] = True
    forbidden = np.zeros(graph.n, dtype=np.bool_)
    forbidden[1::3] = True
    found = Separators(graph.indptr, graph.indices).candidates(removed, forbidden, cap=4)
    assert found
    for sep in found:
        assert 0 < len(sep) <= 4
        assert not forbidden[sep].any() and not removed[sep].any()


def test_split_descent_cuts_a_ring_that_no_removed_node_cuts() -> None:
    g = nx.circulant_graph(60, [1, 2])  # a ring only two neighbours removed together cut
    graph = to_graph(g)
    problem = Problem(6)
    forbidden, fixed = masks(problem, graph.n)
    state = heuristic._State(graph, problem.weight_array(graph.n))
    run = heuristic._Search(
        state,
        6,
        False,
        forbidden,
        fixed,
        time.perf_counter() + 10,
        0.8,
        Separators(graph.indptr, graph.indices),
    )
    search_kernels.seed_rng(1)
    spread = list(range(0, 60, 10))
    before = state.load(spread)
    assert before[0] == nx_value(g, set(spread), "pairwise") == 54 * 53 / 2
    val, plan = run.descend(before, spread)
    assert len(set(plan)) == 6
    assert val[0] == nx_value(g, set(plan), "pairwise") < before[0]
