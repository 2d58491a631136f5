"""Objective values of a residual graph: pairwise connectivity and largest component size."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from linewatch.plan import kernels
from linewatch.plan.graph import Graph


@dataclass(frozen=True)
class Score:
    """Connectivity left after a removal: pairwise value, largest component, component sizes."""

    pairwise: float
    lcc: float
    sizes: tuple[int, ...]

    def value(self, objective: str) -> float:
        """The figure the named objective minimises."""
        return self.lcc if objective == "lcc" else self.pairwise


def removed_mask(n: int, removed: Iterable[int]) -> NDArray[np.bool_]:
    """Boolean mask of removed node indices."""
    mask = np.zeros(n, dtype=np.bool_)
    mask[list(removed)] = True
    return mask


def component_labels(graph: Graph, removed: NDArray[np.bool_]) -> NDArray[np.int64]:
    """Component label of every node (-1 when removed); labels are node indices."""
    n = graph.n
    label = np.full(n, -1, dtype=np.int64)
    kernels.label_all(
        graph.indptr,
        graph.indices,
        removed,
        np.ones(n),
        label,
        np.zeros(n, np.int64),
        1,
        np.zeros(n),
        np.zeros(n),
        np.zeros(n, np.int64),
    )
    return label


def score(
    graph: Graph, removed: Iterable[int], weights: NDArray[np.float64] | None = None
) -> Score:
    """Pairwise connectivity, largest component and component sizes after removing nodes."""
    mask = removed_mask(graph.n, removed)
    label = component_labels(graph, mask)
    live = label[label >= 0]
    w = np.ones(graph.n) if weights is None else weights
    sums = np.bincount(live, weights=w[label >= 0], minlength=graph.n)
    squares = np.bincount(live, weights=w[label >= 0] ** 2, minlength=graph.n)
    counts = np.bincount(live, minlength=graph.n)
    pairwise = float(0.5 * (sums**2 - squares).sum())
    sizes = tuple(sorted((int(c) for c in counts if c > 0), reverse=True))
    return Score(pairwise, float(sums.max()) if live.size else 0.0, sizes)
