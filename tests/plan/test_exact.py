"""Exact pairwise planning: known optima, brute force, exclusions, groups, costs, weights."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linewatch.plan import exact
from linewatch.plan.problem import Problem, Target
from tests.plan.helpers import brute, nx_value, to_graph


@pytest.mark.parametrize(
    ("g", "k", "value"),
    [
        (nx.star_graph(9), 1, 0),
        (nx.path_graph(9), 1, 12),  # middle node: two paths of 4
        (nx.cycle_graph(12), 2, 20),  # two arcs of 5
        (nx.complete_graph(6), 2, 6),
    ],
)
def test_known_optima(g: nx.Graph, k: int, value: int) -> None:
    found = exact.solve(to_graph(g), Problem(k), 30)
    assert found.optimal and found.value == value == found.bound
    assert nx_value(g, set(found.removed), "pairwise") == value


tiny = st.builds(
    lambda n, p, seed: nx.gnp_random_graph(n, p, seed=seed),
    st.integers(2, 9),
    st.floats(0.15, 0.7),
    st.integers(0, 10_000),
)


@settings(max_examples=25, deadline=None)
@given(tiny, st.integers(0, 3))
def test_matches_brute_force(g: nx.Graph, k: int) -> None:
    found = exact.solve(to_graph(g), Problem(k), 30)
    assert found.optimal
    assert found.value == brute(g, k, "pairwise")
    assert len(found.removed) <= k


@settings(max_examples=15, deadline=None)
@given(tiny, st.integers(1, 3), st.data())
def test_exclusions_and_weights(g: nx.Graph, k: int, data: st.DataObject) -> None:
    n = g.number_of_nodes()
    banned = data.draw(st.sets(st.integers(0, n - 1), max_size=n // 2))
    weights = data.draw(st.lists(st.integers(0, 4), min_size=n, max_size=n))
    problem = Problem(k, exclude=frozenset(banned), weights=tuple(float(w) for w in weights))
    found = exact.solve(to_graph(g), problem, 30)
    assert not banned & set(found.removed)
    assert found.value == brute(g, k, "pairwise", set(g) - banned, weights)


def test_groups_and_costs_against_enumeration() -> None:
    g = nx.barbell_graph(4, 2)  # two K4 joined by a path of two nodes
    targets = (Target((4, 5), 1.0), Target((3,), 2.0), Target((0, 1), 1.0), Target((8,), 1.0))
    problem = Problem(2, targets=targets)
    found = exact.solve(to_graph(g), problem, 30)
    best = min(
        nx_value(g, {v for t in combo for v in t.members}, "pairwise")
        for size in range(3)
        for combo in itertools.combinations(targets, size)
        if sum(t.cost for t in combo) <= 2
    )
    assert found.optimal and found.value == best
    chosen = {t for t in targets if set(t.members) <= set(found.removed)}
    assert sum(t.cost for t in chosen) <= 2


def test_required_nodes_are_removed() -> None:
    g = nx.path_graph(7)
    found = exact.solve(to_graph(g), Problem(2, include=frozenset({0})), 30)
    assert 0 in found.removed and found.value == nx_value(g, {0, 3}, "pairwise") == 4


def test_largest_component_is_refused() -> None:
    with pytest.raises(ValueError, match="pairwise connectivity only"):
        exact.solve(to_graph(nx.path_graph(5)), Problem(1, "lcc"), 5)
