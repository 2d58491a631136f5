"""Plain-data explanations of a plan: what each removal cuts, and the spec's JSON document."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from linewatch.plan import kernels
from linewatch.plan.graph import Graph
from linewatch.plan.objective import component_labels, removed_mask
from linewatch.plan.planner import Plan
from linewatch.plan.problem import Problem


@dataclass(frozen=True)
class Reason:
    """Why one node is in the plan: the objective if it were spared, and its component's split."""

    node: str
    value_if_spared: float
    component_before: int
    pieces_after: tuple[int, ...]


def _number(value: float) -> float | int:
    """Whole numbers as int (pair counts), others unchanged."""
    return int(value) if float(value).is_integer() else value


def to_json(graph: Graph, found: Plan) -> dict[str, object]:
    """The `plan-graph --json` document, exactly the fields of spec/graph-plan.md."""
    return {
        "k": _number(found.budget),
        "objective": found.objective,
        "removed": [graph.ids[v] for v in found.removed],
        "value": _number(found.value),
        "bound": None if found.bound is None else _number(found.bound),
        "optimal": found.optimal,
        "seconds": round(found.seconds, 3),
    }


def reasons(graph: Graph, found: Plan, problem: Problem) -> list[Reason]:
    """For each removed node: value if it alone were spared, and how its component splits."""
    n, w = graph.n, problem.weight_array(graph.n)
    mask = removed_mask(n, found.removed)
    label, mark = np.full(n, -1, dtype=np.int64), np.zeros(n, dtype=np.int64)
    cw, cq = np.zeros(n), np.zeros(n)
    args = (graph.indptr, graph.indices, mask, w, label, mark)
    current = kernels.label_all(*args, 1, cw, cq, np.zeros(n, dtype=np.int64))
    top = float(cw[label[label >= 0]].max()) if (label >= 0).any() else 0.0
    before = component_labels(graph, np.zeros(n, dtype=np.bool_))
    splits: dict[int, tuple[int, ...]] = {}
    out: list[Reason] = []
    for tick, v in enumerate(found.removed, start=2):
        delta, size = kernels.readd_cost(v, *args[:4], label, mark, tick, cw, cq)
        value = current + delta if problem.objective == "pairwise" else max(top, size)
        home = int(before[v])
        if home not in splits:
            pieces = np.bincount(label[(before == home) & (label >= 0)], minlength=1)
            splits[home] = tuple(sorted((int(c) for c in pieces if c > 0), reverse=True))
        out.append(Reason(graph.ids[v], float(value), int((before == home).sum()), splits[home]))
    return out
