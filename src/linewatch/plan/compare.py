"""Compare the planner with the single-metric strategies, before and after network recovery."""

from __future__ import annotations

from dataclasses import dataclass

from linewatch.plan.graph import Graph
from linewatch.plan.objective import score
from linewatch.plan.planner import Plan, plan
from linewatch.plan.problem import Problem
from linewatch.plan.resilience import Recovery, after_recovery
from linewatch.plan.strategies import STRATEGIES, Outcome, run_strategy


@dataclass(frozen=True)
class Comparison:
    """The planner's plan and every strategy's outcome on the same problem."""

    plan: Plan
    outcomes: tuple[Outcome, ...]


def compare_strategies(
    graph: Graph,
    problem: Problem,
    *,
    time_limit: float = 60.0,
    recovery: Recovery | None = Recovery(),
    seed: int = 0,
) -> Comparison:
    """Run every strategy and the planner (seeded with the strategies' plans) on one problem.

    The planner starts from the strategies' removal sets, so it never ends worse than the best
    of them on its own objective.
    """
    w = problem.weight_array(graph.n)
    picks = {name: run_strategy(graph, problem, name) for name in STRATEGIES}
    found = plan(graph, problem, time_limit, seed=seed, starts=list(picks.values()))
    picks = {"planner": found.removed, **picks}
    outcomes = tuple(
        Outcome(
            name,
            removed,
            score(graph, removed, w),
            after_recovery(graph, removed, recovery) if recovery else None,
        )
        for name, removed in picks.items()
    )
    return Comparison(found, outcomes)
