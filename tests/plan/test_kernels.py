"""Numba kernels against networkx: objective values, cut-vertex scores, incremental moves."""

from __future__ import annotations

import networkx as nx
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from linewatch.plan import kernels
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


@settings(max_examples=40, deadline=None)
@given(graphs, st.lists(st.integers(0, 24), max_size=12))
def test_incremental_moves_track_the_objective(g: nx.Graph, toggles: list[int]) -> None:
    ours = to_graph(g)
    n = ours.n
    removed, w, label = np.zeros(n, np.bool_), np.ones(n), np.full(n, -1, np.int64)
    mark, cw, cq, queue = np.zeros(n, np.int64), np.zeros(n), np.zeros(n), np.zeros(n, np.int64)
    args = (ours.indptr, ours.indices, removed, w, label, mark)
    value = kernels.label_all(*args, 1, cw, cq, queue)
    tick = 2
    for v in (t % n for t in toggles):
        move = kernels.add_node if removed[v] else kernels.remove_node
        value += move(v, *args, tick, cw, cq, queue)
        tick += 2
        assert value == nx_value(g, set(np.flatnonzero(removed).tolist()), "pairwise")
