"""The CP-SAT master model of the path-based formulation: variables, budget, objective, hints."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray
from ortools.sat.python import cp_model

from linewatch.errors import LinewatchError
from linewatch.plan.graph import Graph
from linewatch.plan.objective import component_labels, removed_mask
from linewatch.plan.problem import Problem, masks, removable
from linewatch.plan.reductions import reduce

WORKERS = 2
# Measured on the Infinito network (k=10): the symmetry-aware LP worker proves the bound that the
# default two-worker portfolio never reaches in 90 s.
SUBSOLVERS = ("max_lp_sym", "default_lp")


@dataclass
class Model:
    """CP-SAT model with one literal per removable node and one per same-component pair."""

    cp: cp_model.CpModel
    x: dict[int, cp_model.IntVar]
    u: list[cp_model.IntVar]
    pairs: NDArray[np.int64]
    cuttable: NDArray[np.bool_]
    path_limit: int
    objective: cp_model.LinearExprT = 0
    seen: set[tuple[int, ...]] = field(default_factory=set)

    def add_path(self, pair: int, path: Sequence[int] | NDArray[np.int64]) -> None:
        """u_pair + sum of x over the cuttable nodes of the path >= 1 (once per distinct path)."""
        lits = sorted({int(v) for v in path if self.cuttable[v]})
        key = (pair, *lits)
        if key in self.seen:
            return
        self.seen.add(key)
        self.cp.add_bool_or([self.u[pair], *(self.x[v] for v in lits)])

    def solve(self, seconds: float, hint: Sequence[int]) -> tuple[Any, cp_model.CpSolver]:
        """Solve the master within seconds, hinting the given removal set."""
        self.cp.clear_hints()  # type: ignore[no-untyped-call]
        chosen = set(hint)
        for v, lit in self.x.items():
            self.cp.add_hint(lit, v in chosen)
        solver = cp_model.CpSolver()
        solver.parameters.max_time_in_seconds = max(0.01, seconds)
        solver.parameters.num_workers = WORKERS
        solver.parameters.random_seed = 1
        solver.parameters.linearization_level = 2
        solver.parameters.subsolvers.extend(SUBSOLVERS)
        return solver.solve(self.cp), solver

    def read(self, solver: cp_model.CpSolver) -> tuple[NDArray[np.bool_], NDArray[np.bool_]]:
        """Removed-node mask and the master's connected flag for every pair."""
        removed = np.zeros(self.cuttable.shape[0], dtype=np.bool_)
        for v, lit in self.x.items():
            removed[v] = solver.boolean_value(lit)
        connected = np.array([solver.boolean_value(lit) for lit in self.u], dtype=np.bool_)
        return removed, connected


def _same_component_pairs(graph: Graph) -> NDArray[np.int64]:
    """All pairs i < j in the same component of the graph."""
    label = component_labels(graph, np.zeros(graph.n, dtype=np.bool_))
    out: list[NDArray[np.int64]] = []
    for lab in np.unique(label):
        members = np.flatnonzero(label == lab)
        if members.shape[0] > 1:
            i, j = np.triu_indices(members.shape[0], k=1)
            out.append(np.stack([members[i], members[j]], axis=1))
    return np.concatenate(out) if out else np.zeros((0, 2), dtype=np.int64)


def _scaled(values: Sequence[float]) -> tuple[list[int], int]:
    """Integer copies of values (scaled by 1000 unless all are whole) and the scale used."""
    scale = 1 if all(float(v).is_integer() for v in values) else 1000
    return [round(v * scale) for v in values], scale


def removal_vars(
    cp: cp_model.CpModel, graph: Graph, problem: Problem
) -> dict[int, cp_model.IntVar]:
    """Node literals tied to target literals, under the cost budget."""
    targets = problem.unit_targets(graph.n)
    ok = removable(problem, targets)
    y = {t: cp.new_bool_var(f"y{t}") for t in ok}
    covering: dict[int, list[cp_model.IntVar]] = {}
    for t in ok:
        for v in targets[t].members:
            covering.setdefault(v, []).append(y[t])
    x: dict[int, cp_model.IntVar] = {}
    for v, ys in covering.items():
        x[v] = ys[0] if len(ys) == 1 and problem.targets is None else cp.new_bool_var(f"x{v}")
        if x[v] is not ys[0] or len(ys) > 1:
            for lit in ys:
                cp.add_implication(lit, x[v])
            cp.add_bool_or([x[v].negated(), *ys])
    costs, scale = _scaled([targets[t].cost for t in ok])
    cp.add(sum(c * y[t] for c, t in zip(costs, ok, strict=True)) <= int(problem.budget * scale))
    for v in problem.include:
        if v not in x:
            raise LinewatchError(f"required node {graph.ids[v]!r} is excluded or in no target")
        cp.add(x[v] == 1)
    return x


def add_reductions(
    cp: cp_model.CpModel, x: dict[int, cp_model.IntVar], graph: Graph, problem: Problem
) -> None:
    """Leaves kept and dominance implications (plain single-node targets only, see reductions)."""
    if problem.targets is not None:
        return
    forbidden, fixed = masks(problem, graph.n)
    w = problem.weight_array(graph.n)
    red = reduce(graph, forbidden, fixed, w, problem.objective == "pairwise")
    for v in red.keep:
        cp.add(x[v] == 0)
    for v, u in red.implies:
        cp.add_implication(x[v], x[u])


def build_model(graph: Graph, problem: Problem) -> Model:
    """Master model: removal literals, pair literals, reductions and the objective."""
    cp = cp_model.CpModel()
    x = removal_vars(cp, graph, problem)
    cuttable = removed_mask(graph.n, x.keys())
    w = problem.weight_array(graph.n)
    add_reductions(cp, x, graph, problem)
    pairs = _same_component_pairs(graph)
    flags = [cp.new_bool_var(f"u{i}") for i in range(pairs.shape[0])]
    model = Model(cp, x, flags, pairs, cuttable, _path_limit(problem))
    _set_objective(model, problem, w)
    return model


def _path_limit(problem: Problem) -> int:
    """Disjoint paths that no plan within budget can all cut (one more than removals allowed)."""
    if problem.targets is None:
        return int(problem.budget) + 1
    cheapest = min((t.cost for t in problem.targets), default=1.0)
    return int(problem.budget / max(cheapest, 1e-9)) + 1


def _set_objective(model: Model, problem: Problem, w: NDArray[np.float64]) -> None:
    """Minimise the weight of connected pairs (the largest component has its own model)."""
    if problem.objective != "pairwise":
        raise ValueError("the path-based model minimises pairwise connectivity only")
    ws, _ = _scaled(w.tolist())
    i, j = model.pairs[:, 0].tolist(), model.pairs[:, 1].tolist()
    coef = [ws[a] * ws[b] for a, b in zip(i, j, strict=True)]
    model.cp.minimize(sum(c * lit for c, lit in zip(coef, model.u, strict=True)))
