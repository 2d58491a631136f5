"""Small graphs and brute-force optima for planner tests."""

from __future__ import annotations

import itertools
from pathlib import Path

import networkx as nx
from hypothesis import strategies as st

from linewatch.plan.graph import Graph, from_edges
from linewatch.plan.problem import Target

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def to_graph(g: nx.Graph) -> Graph:
    """Our CSR graph from a networkx graph on nodes 0..n-1."""
    return from_edges([str(v) for v in range(g.number_of_nodes())], list(g.edges()))


def nx_value(
    g: nx.Graph, removed: set[int], objective: str, weights: list[int] | None = None
) -> int:
    """Objective after removing nodes, computed by networkx."""
    h = g.subgraph(set(g) - removed)
    w = weights or [1] * (max(g.nodes(), default=0) + 1)
    comps = [sorted(c) for c in nx.connected_components(h)]
    if objective == "lcc":
        return max((sum(w[v] for v in c) for c in comps), default=0)
    return sum(sum(w[a] * w[b] for a, b in itertools.combinations(c, 2)) for c in comps)


def brute(
    g: nx.Graph,
    k: int,
    objective: str,
    allowed: set[int] | None = None,
    weights: list[int] | None = None,
) -> int:
    """Optimum over every removal set of size <= k drawn from allowed nodes."""
    nodes = sorted(allowed if allowed is not None else g.nodes())
    best = nx_value(g, set(), objective, weights)
    for size in range(1, k + 1):
        for combo in itertools.combinations(nodes, size):
            best = min(best, nx_value(g, set(combo), objective, weights))
    return best


# Random graphs small enough for brute force.
tiny = st.builds(
    lambda n, p, seed: nx.gnp_random_graph(n, p, seed=seed),
    st.integers(2, 9),
    st.floats(0.15, 0.7),
    st.integers(0, 10_000),
)


def best_over_targets(
    g: nx.Graph, targets: tuple[Target, ...], budget: float, objective: str
) -> int:
    """Optimum over every set of whole targets whose costs fit the budget."""
    return min(
        nx_value(g, {v for t in combo for v in t.members}, objective)
        for size in range(len(targets) + 1)
        for combo in itertools.combinations(targets, size)
        if sum(t.cost for t in combo) <= budget
    )


def draw_limits(data: st.DataObject, n: int) -> tuple[set[int], list[int]]:
    """Nodes never to remove (at most half) and whole node weights 0-4, drawn for n nodes."""
    banned = data.draw(st.sets(st.integers(0, n - 1), max_size=n // 2))
    return banned, data.draw(st.lists(st.integers(0, 4), min_size=n, max_size=n))
