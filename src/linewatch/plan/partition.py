"""Exact largest-component planning: the partition model, solved by CP-SAT.

The largest component weighs at most L exactly when the kept nodes split into bins of weight at
most L with no edge between two bins: a vertex separator with m shores (Balas & de Souza 2005
study two). Packed first-fit, any two of a plan's bins together weigh more than L, so
2 * ceil(S / L) - 1 bins hold every plan whose components weigh at most L (S the total weight).
Each question "is there a plan whose largest component weighs at most L?" is one small model;
from the heuristic's plan of value U the loop asks it for L = U - 1, takes any plan it finds,
and stops when the answer is no (U is then optimal) or time runs out. The pair model proves the
same optima with a literal per node pair and a weak relaxation: on the Infinito network with
k = 9 and 10 it left 120 and 112 unproven after 60 s, while this model proves 117 and 112 in
about a second each.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray
from ortools.sat.python import cp_model

from linewatch.plan.exact import Exact
from linewatch.plan.graph import Graph
from linewatch.plan.model import WORKERS, add_reductions, removal_vars
from linewatch.plan.objective import score
from linewatch.plan.problem import Problem


def bins_needed(total: int, cap: int) -> int:
    """Bins that hold, packed first-fit, any components of weight <= cap adding up to total."""
    if cap <= 0 or total <= cap:
        return 1
    return 2 * math.ceil(total / cap) - 1


def fits(graph: Graph, problem: Problem, cap: int, seconds: float) -> tuple[str, list[int] | None]:
    """Whether some plan leaves no component heavier than cap: yes (with it), no, or unknown.

    Returns ('yes', removed nodes), ('no', None) when proven impossible, or ('unknown', None)
    when the time ran out first.
    """
    n = graph.n
    weights = [int(w) for w in problem.weight_array(n)]
    m = min(max(n, 1), bins_needed(sum(weights), cap))
    cp = cp_model.CpModel()
    x = removal_vars(cp, graph, problem)
    add_reductions(cp, x, graph, problem)
    # z[v][c]: v kept in bin c. Bins open in order of their lowest node, so bin c starts at or
    # after node c, and p[v][c] (some node <= v is in bin c) must hold for c - 1 before c opens.
    z = [[cp.new_bool_var(f"z{v}_{c}") for c in range(min(m, v + 1))] for v in range(n)]
    p = [[cp.new_bool_var(f"p{v}_{c}") for c in range(min(m, v + 1))] for v in range(n)]
    for v in range(n):
        cp.add_exactly_one([*([x[v]] if v in x else []), *z[v]])
        for c, zc in enumerate(z[v]):
            earlier = [p[v - 1][c]] if v > 0 and c < len(p[v - 1]) else []
            cp.add_bool_or([p[v][c].negated(), zc, *earlier])
            cp.add_implication(zc, p[v][c])
            for lit in earlier:
                cp.add_implication(lit, p[v][c])
            if c > 0:
                cp.add_implication(zc, p[v - 1][c - 1])
    for c in range(m):
        load = [z[v][c] for v in range(c, n)]
        cp.add(cp_model.LinearExpr.weighted_sum(load, weights[c:]) <= cap)
    for a, b in graph.edge_array().tolist():
        for u, v in ((a, b), (b, a)):
            for c, zc in enumerate(z[u]):
                same = [z[v][c]] if c < len(z[v]) else []
                gone = [x[v]] if v in x else []
                cp.add_bool_or([zc.negated(), *gone, *same])
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(0.01, seconds)
    solver.parameters.num_workers = WORKERS
    solver.parameters.random_seed = 1
    status = solver.solve(cp)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return "yes", [v for v, lit in x.items() if solver.boolean_value(lit)]
    return ("no", None) if status == cp_model.INFEASIBLE else ("unknown", None)


def solve(
    graph: Graph, problem: Problem, time_limit: float, incumbent: Sequence[int] = ()
) -> Exact:
    """Smallest largest component within time_limit seconds, from the incumbent plan down.

    Node weights must be whole numbers. The bound is the final value once nothing below it is
    possible, else 0 (nothing proven). An incumbent lacking a required node is no plan: the
    first question is then whether any plan exists.
    """
    deadline = time.perf_counter() + time_limit
    w = problem.weight_array(graph.n)
    if not all(float(v).is_integer() for v in w):
        raise ValueError("exact solving needs whole-number node weights")
    best = sorted(incumbent)
    total = int(w.sum())
    value = _value(graph, w, best) if problem.include <= set(best) else math.inf
    bound, rounds = 0.0, 0
    while value > 0 and (left := deadline - time.perf_counter()) > 0.05:
        rounds += 1
        cap = total if math.isinf(value) else int(value) - 1
        answer, removed = fits(graph, problem, cap, left)
        if removed is not None:
            best, value = sorted(removed), _value(graph, w, removed)
        elif answer == "no":
            bound = value
            break
        else:
            break
    if value <= 0:
        bound = value
    return Exact(tuple(best), value, bound, bound >= value - 1e-9, rounds, 0)


def _value(graph: Graph, w: NDArray[np.float64], removed: Sequence[int]) -> float:
    """Largest component weight after removing `removed`."""
    return score(graph, removed, w).value("lcc")
