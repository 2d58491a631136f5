"""Network recovery after a removal, after Duijn, Kashirin & Sloot (2014, Sci Rep 4:4238).

Duijn et al. model a criminal network that, after an actor is removed, recovers by having the
actor's role taken over and the lost ties rebuilt. Our simplified, documented version: each
removed node's successor is its surviving former contact with the most surviving ties (ties by
id); at every step, each other surviving former contact links to the successor with probability
`rate`. After `steps` steps the residual graph is scored again. With rate 1 one step rebuilds
every lost broker position around a successor (the pessimistic case).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from linewatch.plan.graph import Graph, from_edges
from linewatch.plan.objective import Score, removed_mask, score


@dataclass(frozen=True)
class Recovery:
    """Recovery model settings: steps simulated, per-step tie rate and random seed."""

    steps: int = 3
    rate: float = 0.5
    seed: int = 0


def recover(graph: Graph, removed: Sequence[int], model: Recovery) -> Graph:
    """The graph after `model.steps` recovery steps (removed nodes stay, isolated)."""
    mask = removed_mask(graph.n, removed)
    kept = graph.edge_array()
    kept = kept[~(mask[kept[:, 0]] | mask[kept[:, 1]])]
    deg = np.bincount(kept.ravel(), minlength=graph.n)
    rng = np.random.default_rng(model.seed)
    new: list[tuple[int, int]] = []
    plans = [_successor(graph, r, mask, deg) for r in removed]
    for _ in range(model.steps):
        for successor, waiting in plans:
            joined = [v for v in waiting if rng.random() < model.rate]
            new.extend((successor, v) for v in joined)
            waiting.difference_update(joined)
    edges = np.concatenate([kept, np.asarray(new, dtype=np.int64).reshape(-1, 2)])
    return from_edges(graph.ids, edges)


def _successor(graph: Graph, r: int, mask: np.ndarray, deg: np.ndarray) -> tuple[int, set[int]]:
    """Successor of removed node r and the surviving contacts still to link to it."""
    alive = [int(v) for v in graph.neighbours(r) if not mask[v]]
    if not alive:
        return -1, set()
    best = min(alive, key=lambda v: (-deg[v], graph.ids[v]))
    return best, set(alive) - {best}


def after_recovery(graph: Graph, removed: Sequence[int], model: Recovery) -> Score:
    """Connectivity left once the network has recovered from the removal."""
    return score(recover(graph, removed, model), removed)
