"""Exact planning: the path-based model of Di Summa, Grosso & Locatelli (2012) solved by CP-SAT.

Variables: x_v (node removed), u_ij (pair i, j still connected). For every i-j path P,
u_ij + sum of x_v over P >= 1. Paths are added lazily: up front, greedy vertex-disjoint paths
per pair (k + 1 disjoint paths leave only u_ij + x_i + x_j >= 1); then, round after round, a
path for every pair the master solution calls disconnected but which is connected after its
removals. Every master optimum is a lower bound; the loop ends when none is violated.
Pairwise connectivity only: the largest component has the partition model (partition.py).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from ortools.sat.python import cp_model

from linewatch.plan.graph import Graph, from_edges
from linewatch.plan.model import Model, build_model
from linewatch.plan.objective import component_labels, removed_mask, score
from linewatch.plan.paths import disjoint_paths
from linewatch.plan.problem import Problem


@dataclass(frozen=True)
class Exact:
    """Best plan the exact loop found, its value, the proven lower bound and whether they meet."""

    removed: tuple[int, ...]
    value: float
    bound: float
    optimal: bool
    rounds: int
    cuts: int


def add_paths(
    model: Model, graph: Graph, pairs: NDArray[np.int64], limit: int, strong: bool
) -> int:
    """Add path constraints for the given pair indices; returns how many were added."""
    if pairs.shape[0] == 0:
        return 0
    ends = model.pairs[pairs]
    size = max(1024, ends.shape[0] * limit * 8)
    while True:
        nodes = np.zeros(size, np.int64)
        ptr = np.zeros((ends.shape[0] * limit + 1, 2), np.int64)
        npaths, nnodes = disjoint_paths(
            ends, limit, graph.indptr, graph.indices, model.cuttable, nodes, ptr
        )
        if npaths >= 0:
            break
        size *= 4
    found = np.bincount(ptr[:npaths, 1], minlength=ends.shape[0])
    bounds = np.append(ptr[:npaths, 0], nnodes)
    for p in range(npaths):
        pair = int(pairs[ptr[p, 1]])
        path = nodes[bounds[p] : bounds[p + 1]]
        model.add_path(pair, path)
    if strong:
        for i in np.flatnonzero(found >= limit):
            model.add_path(int(pairs[i]), model.pairs[pairs[i]])
    return int(npaths)


def _residual(graph: Graph, removed: NDArray[np.bool_]) -> Graph:
    """The graph with every edge at a removed node dropped (node indices unchanged)."""
    e = graph.edge_array()
    keep = ~(removed[e[:, 0]] | removed[e[:, 1]])
    return from_edges(graph.ids, e[keep])


def _violated(
    model: Model, graph: Graph, removed: NDArray[np.bool_], connected: NDArray[np.bool_]
) -> NDArray[np.int64]:
    """Pairs the master says are disconnected but which the residual graph still joins."""
    label = component_labels(graph, removed)
    a, b = label[model.pairs[:, 0]], label[model.pairs[:, 1]]
    truly = (a >= 0) & (a == b)
    return np.flatnonzero(truly & ~connected)


def solve(
    graph: Graph, problem: Problem, time_limit: float, incumbent: Sequence[int] = ()
) -> Exact:
    """Exact plan within time_limit seconds: optimal, or the best found with a proven bound.

    Node weights must be whole numbers (the model's objective is integral).
    """
    deadline = time.perf_counter() + time_limit
    if not all(float(w).is_integer() for w in problem.weight_array(graph.n)):
        raise ValueError("exact solving needs whole-number node weights")
    model = build_model(graph, problem)
    strong = problem.targets is None or all(len(t.members) == 1 for t in problem.targets)
    cuts = add_paths(model, graph, np.arange(model.pairs.shape[0]), model.path_limit, strong)
    best = list(incumbent)
    best_value = _value(graph, problem, best)
    bound, rounds = 0.0, 0
    while (left := deadline - time.perf_counter()) > 0.05 and bound < best_value - 1e-9:
        rounds += 1
        status, solver = model.solve(left, best)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            break
        proven = status == cp_model.OPTIMAL
        bound = max(bound, solver.best_objective_bound)
        removed, connected = model.read(solver)
        value = _value(graph, problem, np.flatnonzero(removed).tolist())
        if value < best_value:
            best, best_value = np.flatnonzero(removed).tolist(), value
        violated = _violated(model, graph, removed, connected)
        if violated.size == 0 and proven:
            bound = max(bound, solver.objective_value)
            break
        cuts += add_paths(model, _residual(graph, removed), violated, 2, False)
        if not proven:
            break
    bound = min(bound, best_value)
    return Exact(tuple(sorted(best)), best_value, bound, bound >= best_value - 1e-9, rounds, cuts)


def _value(graph: Graph, problem: Problem, removed: Sequence[int]) -> float:
    """Objective value of a removal set under the problem's weights."""
    if not removed and problem.include:
        return float("inf")
    mask = removed_mask(graph.n, removed)
    return score(graph, np.flatnonzero(mask).tolist(), problem.weight_array(graph.n)).value(
        problem.objective
    )
