"""Single-metric disruption strategies (the usual baselines) and their comparison with the planner.

Each strategy removes targets one at a time, the best-scored first; adaptive strategies
recompute scores on the residual graph after each removal (Cavallaro et al. 2020 "sequential"),
static ones rank once. Ties go to the earliest node id in string order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from linewatch.plan import centrality
from linewatch.plan.graph import Graph
from linewatch.plan.objective import Score
from linewatch.plan.problem import Problem, Target, removable

Metric = Callable[[Graph, NDArray[np.bool_]], NDArray[np.float64]]

STRATEGIES: dict[str, tuple[Metric, bool]] = {
    "adaptive_betweenness": (centrality.betweenness, True),
    "adaptive_degree": (centrality.degree, True),
    "static_betweenness": (centrality.betweenness, False),
    "collective_influence": (centrality.collective_influence, True),
}


@dataclass(frozen=True)
class Outcome:
    """What one strategy removes and the connectivity left, before and after recovery."""

    strategy: str
    removed: tuple[int, ...]
    after: Score
    recovered: Score | None = None


def _ranked(scores: NDArray[np.float64], id_rank: NDArray[np.int64]) -> list[int]:
    """Node indices by descending score, ties by id in string order (id_rank)."""
    return [int(i) for i in np.lexsort((id_rank, -scores))]


def run_strategy(graph: Graph, problem: Problem, name: str) -> tuple[int, ...]:
    """Nodes a single-metric strategy removes within the problem's budget, in removal order."""
    metric, adaptive = STRATEGIES[name]
    targets = problem.unit_targets(graph.n)
    allowed = set(removable(problem, targets))
    owner = {v: t for t in sorted(allowed) for v in targets[t].members}
    mask = np.zeros(graph.n, dtype=np.bool_)
    taken: list[int] = []
    for t in sorted({owner[v] for v in problem.include if v in owner}):
        _take(targets, t, mask, taken)
    spent = sum(targets[t].cost for t in taken)
    id_rank = np.argsort(np.argsort(np.array(graph.ids, dtype=object)))
    order = _ranked(metric(graph, mask), id_rank)
    while True:
        pick = next(
            (
                owner[v]
                for v in order
                if v in owner
                and not mask[v]
                and spent + targets[owner[v]].cost <= problem.budget + 1e-9
            ),
            None,
        )
        if pick is None:
            break
        _take(targets, pick, mask, taken)
        spent += targets[pick].cost
        if adaptive:
            order = _ranked(metric(graph, mask), id_rank)
    return tuple(v for t in taken for v in targets[t].members)


def _take(targets: tuple[Target, ...], t: int, mask: NDArray[np.bool_], taken: list[int]) -> None:
    """Mark target t's members removed and record it."""
    mask[list(targets[t].members)] = True
    taken.append(t)
