"""Safe reductions for exact solving: leaves that never need removing, and dominance pairs.

If N(v) minus u lies inside N(u), swapping v for u in a removal set never joins more pairs
(u's place is taken by a node with a subset of its ties), so some optimal plan removes v only
when it also removes u: the constraint x_v <= x_u. Ranking by (degree, -index) keeps these
constraints acyclic. For pairwise, a leaf is never needed: its neighbour cuts at least as much
(for lcc an isolated leaf still counts as a component of one, so leaves only get implications).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from linewatch.plan.graph import Graph


@dataclass(frozen=True)
class Reductions:
    """Nodes fixed to stay (leaves) and pairs (v, u) meaning: remove v only if u is removed."""

    keep: tuple[int, ...]
    implies: tuple[tuple[int, int], ...]


def reduce(
    graph: Graph,
    forbidden: NDArray[np.bool_],
    fixed: NDArray[np.bool_],
    weights: NDArray[np.float64],
    pairwise: bool = True,
) -> Reductions:
    """Leaves to keep and dominance implications, valid for plain single-node targets."""
    deg = graph.degrees()
    keep = [
        v
        for v in range(graph.n)
        if pairwise and _useless_leaf(graph, v, deg, forbidden, fixed, weights)
    ]
    adj = np.zeros((graph.n, graph.n), dtype=np.bool_)
    e = graph.edge_array()
    adj[e[:, 0], e[:, 1]] = True
    adj[e[:, 1], e[:, 0]] = True
    kept = set(keep)
    implies: list[tuple[int, int]] = []
    for v in range(graph.n):
        if deg[v] < 1 or v in kept or fixed[v] or forbidden[v]:
            continue
        outside = (adj[v][None, :] & ~adj).sum(axis=1) - adj[v]  # N(v) - {u} not in N(u)
        for u in np.flatnonzero(outside == 0):
            if (
                u != v
                and not forbidden[u]
                and weights[v] <= weights[u]
                and (deg[u] > deg[v] or (deg[u] == deg[v] and u < v))
            ):
                implies.append((v, int(u)))
    return Reductions(tuple(keep), tuple(implies))


def _useless_leaf(
    graph: Graph,
    v: int,
    deg: NDArray[np.int64],
    forbidden: NDArray[np.bool_],
    fixed: NDArray[np.bool_],
    weights: NDArray[np.float64],
) -> bool:
    """Whether leaf v can stay: its removable neighbour cuts at least as much as v does."""
    if deg[v] != 1 or fixed[v] or forbidden[v]:
        return False
    u = int(graph.neighbours(v)[0])
    if forbidden[u] or weights[v] > weights[u]:
        return False
    return bool(deg[u] >= 2 or u < v)
