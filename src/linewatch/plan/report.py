"""Plain-data explanations of a plan: what each removal cuts, and the spec's JSON document."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from linewatch.plan.graph import Graph
from linewatch.plan.objective import component_labels, removed_mask, score
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
    """For each removed node: value if it stayed, and how its original component splits."""
    w = problem.weight_array(graph.n)
    before = component_labels(graph, np.zeros(graph.n, dtype=np.bool_))
    after = component_labels(graph, removed_mask(graph.n, found.removed))
    out: list[Reason] = []
    for v in found.removed:
        spared = [u for u in found.removed if u != v]
        value = score(graph, spared, w).value(problem.objective)
        home = before == before[v]
        pieces = np.bincount(after[home & (after >= 0)], minlength=1)
        sizes = tuple(sorted((int(s) for s in pieces if s > 0), reverse=True))
        out.append(Reason(graph.ids[v], value, int(home.sum()), sizes))
    return out


def residual_sizes(graph: Graph, found: Plan) -> tuple[int, ...]:
    """Component sizes after the plan, largest first."""
    return score(graph, found.removed).sizes
