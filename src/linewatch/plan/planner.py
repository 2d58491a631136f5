"""The disruption planner: pick the solver for the problem size, return a plan with its bound."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from linewatch.errors import LinewatchError
from linewatch.plan import exact, heuristic, partition, targets
from linewatch.plan.bounds import edge_bound
from linewatch.plan.graph import Graph
from linewatch.plan.objective import score
from linewatch.plan.problem import Objective, Problem, validate

EXACT_MAX_PAIRS = 30_000  # same-component pairs: beyond this the path model gets too large
HEURISTIC_SHARE = 0.1  # of the time limit, spent finding a start before exact solving
HEURISTIC_MAX_START = 2.0  # seconds: CP-SAT improves the start itself on small graphs


@dataclass(frozen=True)
class Plan:
    """A removal plan: what to remove, the objective left, the proven bound and how it was found."""

    budget: float
    objective: Objective
    removed: tuple[int, ...]
    value: float
    bound: float | None
    optimal: bool
    seconds: float
    method: str
    warnings: tuple[str, ...] = ()


def _pair_count(graph: Graph) -> int:
    """Number of node pairs in the same component (the exact model's size)."""
    return int(sum(s * (s - 1) // 2 for s in score(graph, ()).sizes))


def plan(
    graph: Graph,
    problem: Problem,
    time_limit: float = 60.0,
    *,
    seed: int = 0,
    starts: Sequence[Sequence[int]] = (),
) -> Plan:
    """Plan removals within time_limit seconds: exact when small enough, else memetic search.

    Small graphs are solved exactly: the largest component by the partition model, pairwise
    connectivity by the path-based model.
    """
    began = time.perf_counter()
    errors = validate(problem, graph.n)
    if errors:
        raise LinewatchError("; ".join(errors))
    notes: list[str] = []
    weights = problem.weight_array(graph.n)
    small = _pair_count(graph) <= EXACT_MAX_PAIRS
    integral = all(float(w).is_integer() for w in weights)
    if problem.is_plain():
        share = min(time_limit * HEURISTIC_SHARE, HEURISTIC_MAX_START) if small else time_limit
        incumbent = heuristic.solve(graph, problem, share, seed=seed, starts=starts).removed
        method = "memetic search"
    else:
        incumbent = targets.greedy(graph, problem)
        method = "greedy over targets"
    bound: float | None = edge_bound(graph, problem)
    if small and integral:
        left = time_limit - (time.perf_counter() - began)
        lcc = problem.objective == "lcc"
        solver = partition.solve if lcc else exact.solve
        found = solver(graph, problem, max(0.5, left), incumbent)
        incumbent, bound = found.removed, max(found.bound, bound or 0.0)
        method = "partition model (CP-SAT)" if lcc else "path-based model (CP-SAT)"
    elif not small:
        notes.append("graph too large for the exact model: bound is the edge bound")
    else:
        notes.append("non-integer weights: no exact solve, bound not proven")
    value = score(graph, incumbent, weights).value(problem.objective)
    optimal = bound is not None and bound >= value - 1e-9
    seconds = time.perf_counter() - began
    if seconds > time_limit * 1.05 + 1:
        notes.append(f"time limit exceeded: {seconds:.1f} s")
    return Plan(
        problem.budget,
        problem.objective,
        tuple(incumbent),
        value,
        bound,
        optimal,
        seconds,
        method,
        tuple(notes),
    )
