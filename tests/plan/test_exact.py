"""Exact pairwise planning: known optima, brute force, exclusions, groups, costs, weights."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linewatch.plan import exact
from linewatch.plan.problem import Problem, Target
from tests.plan.helpers import best_over_targets, brute, draw_limits, nx_value, tiny, to_graph


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
    banned, weights = draw_limits(data, g.number_of_nodes())
    problem = Problem(k, exclude=frozenset(banned), weights=tuple(float(w) for w in weights))
    found = exact.solve(to_graph(g), problem, 30)
    assert not banned & set(found.removed)
    assert found.value == brute(g, k, "pairwise", set(g) - banned, weights)


def test_groups_and_costs_against_enumeration() -> None:
    g = nx.barbell_graph(4, 2)  # two K4 joined by a path of two nodes
    targets = (Target((4, 5), 1.0), Target((3,), 2.0), Target((0, 1), 1.0), Target((8,), 1.0))
    problem = Problem(2, targets=targets)
    found = exact.solve(to_graph(g), problem, 30)
    assert found.optimal and found.value == best_over_targets(g, targets, 2, "pairwise")
    chosen = {t for t in targets if set(t.members) <= set(found.removed)}
    assert sum(t.cost for t in chosen) <= 2


def test_required_nodes_are_removed() -> None:
    g = nx.path_graph(7)
    found = exact.solve(to_graph(g), Problem(2, include=frozenset({0})), 30)
    assert 0 in found.removed and found.value == nx_value(g, {0, 3}, "pairwise") == 4


def test_largest_component_is_refused() -> None:
    with pytest.raises(ValueError, match="pairwise connectivity only"):
        exact.solve(to_graph(nx.path_graph(5)), Problem(1, "lcc"), 5)
