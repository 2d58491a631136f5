"""Greedy planning over general targets (warrant groups with costs), for case-sized graphs."""

from __future__ import annotations

import numpy as np

from linewatch.plan.graph import Graph
from linewatch.plan.objective import score
from linewatch.plan.problem import Problem, removable


def greedy(graph: Graph, problem: Problem) -> tuple[int, ...]:
    """Repeatedly take the affordable target with the largest objective drop per unit cost."""
    targets = problem.unit_targets(graph.n)
    w = problem.weight_array(graph.n)
    chosen = {
        t for t in removable(problem, targets) if problem.include.intersection(targets[t].members)
    }
    spent = sum(targets[t].cost for t in chosen)
    removed = {v for t in chosen for v in targets[t].members}
    current = score(graph, removed, w).value(problem.objective)
    while True:
        best, best_rate, best_value = -1, 0.0, current
        for t in removable(problem, targets):
            if t in chosen or spent + targets[t].cost > problem.budget + 1e-9:
                continue
            value = score(graph, removed | set(targets[t].members), w).value(problem.objective)
            rate = (current - value) / max(targets[t].cost, 1e-9)
            if best < 0 or rate > best_rate:
                best, best_rate, best_value = t, rate, value
        if best < 0:
            break
        chosen.add(best)
        spent += targets[best].cost
        removed |= set(targets[best].members)
        current = best_value
    return tuple(sorted(int(v) for v in np.fromiter(removed, dtype=np.int64)))
