"""Cheap lower bounds for when exact solving is out of reach."""

from __future__ import annotations

import numpy as np

from linewatch.plan.graph import Graph
from linewatch.plan.problem import Problem, masks


def edge_bound(graph: Graph, problem: Problem) -> float | None:
    """Edges no plan can delete are connected pairs: m - (sum of the k largest degrees) <= OPT.

    Valid for plain problems with unit weights; lcc gets 2 when an edge must survive, 1 when
    a node must. Returns None when the bound does not apply (weights, groups or costs).
    """
    if not problem.is_plain() or problem.weights is not None:
        return None
    forbidden, _ = masks(problem, graph.n)
    deg = np.where(forbidden, 0, graph.degrees())
    k = int(problem.budget)
    top = np.sort(deg)[::-1][:k].sum() if k else 0
    surviving = max(0, graph.m - int(top))
    if problem.objective == "pairwise":
        return float(surviving)
    if surviving:
        return 2.0
    return 1.0 if graph.n > k else 0.0
