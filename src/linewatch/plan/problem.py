"""What a plan must respect: budget, objective, exclusions, inclusions, warrant groups, costs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from numpy.typing import NDArray

Objective = Literal["pairwise", "lcc"]
OBJECTIVES: tuple[Objective, ...] = ("pairwise", "lcc")


@dataclass(frozen=True)
class Target:
    """Nodes removed together by one action (people at one address = one warrant) and its cost."""

    members: tuple[int, ...]
    cost: float = 1.0


@dataclass(frozen=True)
class Problem:
    """A disruption question: remove targets of total cost <= budget to minimise the objective.

    targets=None means every node is its own target of cost 1 (the plain critical node problem).
    exclude lists nodes never removed (potential victims); include lists nodes always removed.
    weights (harm per node) turn pairwise into the sum of w_i * w_j over connected pairs and lcc
    into the largest component weight.
    """

    budget: float
    objective: Objective = "pairwise"
    exclude: frozenset[int] = frozenset()
    include: frozenset[int] = frozenset()
    targets: tuple[Target, ...] | None = None
    weights: tuple[float, ...] | None = field(default=None, repr=False)

    def is_plain(self) -> bool:
        """Whether targets are single nodes of unit cost (the heuristic's native setting)."""
        return self.targets is None

    def weight_array(self, n: int) -> NDArray[np.float64]:
        """Node weights as an array (all ones by default)."""
        return np.ones(n) if self.weights is None else np.asarray(self.weights, dtype=np.float64)

    def unit_targets(self, n: int) -> tuple[Target, ...]:
        """Every target, singletons of unit cost when none were given."""
        return self.targets if self.targets is not None else tuple(Target((v,)) for v in range(n))


def masks(problem: Problem, n: int) -> tuple[NDArray[np.bool_], NDArray[np.bool_]]:
    """Boolean masks of excluded (forbidden) and included (fixed) nodes."""
    forbidden = np.zeros(n, dtype=np.bool_)
    fixed = np.zeros(n, dtype=np.bool_)
    forbidden[list(problem.exclude)] = True
    fixed[list(problem.include)] = True
    return forbidden, fixed


def validate(problem: Problem, n: int) -> list[str]:
    """Problems that make a request impossible, as messages (empty when it is consistent)."""
    errors: list[str] = []
    if problem.budget < 0:
        errors.append("budget k must be >= 0")
    if problem.exclude & problem.include:
        errors.append("a node is both excluded and required")
    if problem.targets is None and len(problem.include) > problem.budget:
        errors.append("more required nodes than the budget k allows")
    if problem.weights is not None and (len(problem.weights) != n or min(problem.weights) < 0):
        errors.append("weights must give one non-negative number per node")
    return errors


def removable(problem: Problem, targets: Sequence[Target]) -> list[int]:
    """Indices of targets that touch no excluded node."""
    return [i for i, t in enumerate(targets) if not problem.exclude.intersection(t.members)]
