"""Recovery model: no recovery at rate 0, full replacement of a broker at rate 1."""

from __future__ import annotations

import networkx as nx

from linewatch.plan.objective import score
from linewatch.plan.resilience import Recovery, after_recovery, recover
from tests.plan.helpers import to_graph


def test_rate_zero_changes_nothing() -> None:
    g = to_graph(nx.star_graph(5))
    assert after_recovery(g, [0], Recovery(5, 0.0)) == score(g, [0])


def test_full_rate_rebuilds_the_star_around_a_successor() -> None:
    g = to_graph(nx.star_graph(5))
    rebuilt = recover(g, [0], Recovery(1, 1.0))
    assert score(rebuilt, [0]).lcc == 5
    assert rebuilt.m == 4  # successor linked to the four other leaves; the hub stays isolated


def test_successor_is_best_connected_contact() -> None:
    g = nx.Graph([(0, 1), (0, 2), (0, 3), (1, 4), (1, 5)])  # after 0 goes, 1 has most ties
    rebuilt = recover(to_graph(g), [0], Recovery(1, 1.0))
    assert set(rebuilt.neighbours(1).tolist()) == {2, 3, 4, 5}


def test_seeded_and_deterministic() -> None:
    g = to_graph(nx.barabasi_albert_graph(80, 2, seed=1))
    a = recover(g, [0, 1, 2], Recovery(2, 0.5, seed=9))
    b = recover(g, [0, 1, 2], Recovery(2, 0.5, seed=9))
    assert a.edge_array().tolist() == b.edge_array().tolist()
