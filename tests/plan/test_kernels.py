"""Numba kernels against networkx: objective values, cut-vertex scores, incremental moves."""

from __future__ import annotations

import networkx as nx
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from linewatch.plan import kernels, search_kernels
from linewatch.plan.objective import score
from tests.plan.helpers import nx_value, to_graph

graphs = st.builds(
    lambda n, p, seed: nx.gnp_random_graph(n, p, seed=seed),
    st.integers(1, 25),
    st.floats(0.05, 0.5),
    st.integers(0, 10_000),
)


@settings(max_examples=60, deadline=None)
@given(graphs, st.data())
def test_score_matches_networkx(g: nx.Graph, data: st.DataObject) -> None:
    removed = data.draw(st.sets(st.integers(0, g.number_of_nodes() - 1)))
    s = score(to_graph(g), removed)
    assert s.pairwise == nx_value(g, removed, "pairwise")
    assert s.lcc == nx_value(g, removed, "lcc")


@settings(max_examples=60, deadline=None)
@given(graphs)
def test_cut_scores_match_removing_each_node(g: nx.Graph) -> None:
    ours = to_graph(g)
    n = ours.n
    removed, w, mark = np.zeros(n, np.bool_), np.ones(n), np.zeros(n, np.int64)
    iw, fw, op, om = np.zeros((n, 5), np.int64), np.zeros((n, 6)), np.zeros(n), np.zeros(n)
    count = kernels.cut_scores(0, ours.indptr, ours.indices, removed, w, mark, 1, iw, fw, op, om)
    comp = nx.node_connected_component(g, 0)
    assert count == len(comp)
    for v in comp:
        h = g.subgraph(comp - {v})
        assert op[v] == nx_value(h, set(), "pairwise")
        assert om[v] == nx_value(h, set(), "lcc")


@settings(max_examples=60, deadline=None)
@given(graphs, st.lists(st.integers(0, 24), max_size=30))
def test_incremental_moves_track_the_objective(g: nx.Graph, toggles: list[int]) -> None:
    ours = to_graph(g)
    n = ours.n
    removed, w, label = np.zeros(n, np.bool_), np.ones(n), np.full(n, -1, np.int64)
    mark, cw, cq, queue = np.zeros(n, np.int64), np.zeros(n), np.zeros(n), np.zeros(n, np.int64)
    link = np.zeros((5, n), np.int64)
    args = (ours.indptr, ours.indices, removed, w, label, mark)
    value = kernels.label_all(*args, 1, cw, cq, queue)
    tick = 2
    for v in (t % n for t in toggles):
        if removed[v]:
            value += kernels.add_node(v, *args, tick, cw, cq, queue)
        else:
            value += kernels.remove_node(v, *args, tick, cw, cq, queue, link)
        tick += 2
        gone = set(np.flatnonzero(removed).tolist())
        assert value == nx_value(g, gone, "pairwise")
        for comp in nx.connected_components(g.subgraph(set(g) - gone)):
            labels = {int(label[u]) for u in comp}
            assert len(labels) == 1 and labels <= comp and cw[labels.pop()] == len(comp)


def _search_graph(g: nx.Graph) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """CSR arrays and unit weights, as the search kernels take them."""
    ours = to_graph(g)
    return ours.indptr, ours.indices, np.ones(ours.n)


def test_reinsertion_keeps_the_centre_of_a_star_removed() -> None:
    g = _search_graph(nx.star_graph(12))
    removed = np.ones(13, np.bool_)
    for lcc_mode in (False, True):
        removed[:] = True
        left = search_kernels.reinsert(1, removed, np.zeros(13, np.bool_), lcc_mode, g)
        assert left == 1 and np.flatnonzero(removed).tolist() == [0]


def test_degree_removal_takes_the_hubs_of_two_joined_stars() -> None:
    edges = [(0, v) for v in range(1, 9)] + [(9, v) for v in range(10, 15)] + [(1, 10)]
    indptr, indices, _ = _search_graph(nx.Graph(edges))
    removed = np.zeros(15, np.bool_)
    assert search_kernels.remove_by_degree(2, removed, np.zeros(15, np.bool_), indptr, indices) == 2
    assert np.flatnonzero(removed).tolist() == [0, 9]


@settings(max_examples=40, deadline=None)
@given(graphs, st.integers(0, 6), st.data())
def test_reinsertion_respects_budget_and_masks(g: nx.Graph, k: int, data: st.DataObject) -> None:
    n = g.number_of_nodes()
    nodes = st.integers(0, n - 1)
    forbidden = np.zeros(n, np.bool_)
    fixed = np.zeros(n, np.bool_)
    forbidden[list(data.draw(st.sets(nodes, max_size=3)))] = True
    fixed[[v for v in data.draw(st.sets(nodes, max_size=2)) if not forbidden[v]]] = True
    removed = ~forbidden
    count = int(removed.sum())
    left = search_kernels.reinsert(k, removed, fixed, False, _search_graph(g))
    assert left == removed.sum() == min(count, max(k, int(fixed.sum())))
    assert not (removed & forbidden).any() and removed[fixed].all()
