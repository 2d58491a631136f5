"""Strategies against published reference curves, and the comparison against them."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from linewatch.plan.centrality import collective_influence
from linewatch.plan.compare import compare_strategies
from linewatch.plan.graph import read_edges_csv
from linewatch.plan.objective import score
from linewatch.plan.problem import Problem
from linewatch.plan.resilience import Recovery
from linewatch.plan.strategies import STRATEGIES, run_strategy
from tests.plan.helpers import SHARED, to_graph

# ../shared/data/networks/PUBLISHED.md section 4: LCC/N after k = 1..5 removals, first 5 removed.
REFERENCE = [
    ("siren", "adaptive_betweenness", [0.545, 0.341, 0.273, 0.182, 0.182], "N1 N15 N6 N24 N8"),
    ("siren", "adaptive_degree", [0.545, 0.341, 0.273, 0.273, 0.273], "N1 N15 N6 N28 N29"),
    ("togo", "static_betweenness", [0.424, 0.424, 0.242, 0.121, 0.121], "N1 N29 N2 N3 N9"),
    ("ciel", "adaptive_betweenness", [0.760, 0.400, 0.240, 0.160, 0.120], "N2 N1 N10 N13 N4"),
]


@pytest.mark.parametrize(("network", "strategy", "curve", "first"), REFERENCE)
def test_reference_curves(network: str, strategy: str, curve: list[float], first: str) -> None:
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found at {SHARED}: reference curve tests skipped")
    g = read_edges_csv(SHARED / "data" / "networks" / network / "edges.csv")
    removed = run_strategy(g, Problem(5), strategy)
    assert " ".join(g.ids[v] for v in removed) == first
    ours = [score(g, removed[:k]).lcc / g.n for k in range(1, 6)]
    assert np.round(ours, 3).tolist() == curve


def test_collective_influence_radius_one_matches_formula() -> None:
    g = nx.karate_club_graph()
    ci = collective_influence(to_graph(g), np.zeros(34, dtype=np.bool_), radius=1)
    for v in g:
        expected = (g.degree(v) - 1) * sum(g.degree(u) - 1 for u in g[v])
        assert ci[v] == expected


def test_strategies_skip_excluded_nodes() -> None:
    g = to_graph(nx.star_graph(6))
    for name in STRATEGIES:
        assert 0 not in run_strategy(g, Problem(2, exclude=frozenset({0})), name)


def test_planner_never_worse_than_any_strategy() -> None:
    g = to_graph(nx.connected_watts_strogatz_graph(40, 4, 0.2, seed=2))
    result = compare_strategies(g, Problem(4, "lcc"), time_limit=5, recovery=Recovery(2, 1.0))
    mine = result.outcomes[0]
    assert mine.strategy == "planner" and result.plan.bound is not None
    assert result.plan.bound <= mine.after.lcc
    assert all(mine.after.lcc <= other.after.lcc for other in result.outcomes[1:])
    assert all(o.recovered is not None for o in result.outcomes)
