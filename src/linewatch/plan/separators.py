"""Vertex separators of a plan's largest components: the moves single-node exchanges cannot make.

An exchange search moves one node at a time, so it cannot cut a component that only a set of
nodes together separates (a community of a social graph, a stretch of a ring lattice): each
node of such a separator alone changes nothing. A spectral sweep finds these sets. The
component's nodes are ordered by the Fiedler vector of its normalised Laplacian (Fiedler 1973;
the sweep of spectral partitioning, Spielman & Teng 2007), and each cut of that order gives a
separator: the boundary of its smaller side.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from scipy.sparse.csgraph import connected_components
from scipy.sparse.linalg import ArpackNoConvergence, eigsh

COMPONENTS = 3  # largest residual components cut per round
QUANTILES = np.arange(0.05, 1.0, 0.05)  # cuts of the sweep order tried in every component
BEST_RATIOS = 4  # and the cuts that part the most pairs per separator node
DENSE_UP_TO = 60  # components up to this size get a dense eigensolver


class Separators:
    """Separator candidates for the largest components left by a plan on one graph."""

    def __init__(self, indptr: NDArray[np.int64], indices: NDArray[np.int64]) -> None:
        n = len(indptr) - 1
        ones = np.ones(len(indices), dtype=np.float64)
        self.adj = sp.csr_matrix((ones, indices, indptr), shape=(n, n))

    def candidates(
        self, removed: NDArray[np.bool_], forbidden: NDArray[np.bool_], cap: int
    ) -> list[list[int]]:
        """Separators (graph node ids, none forbidden, at most cap) of the largest components."""
        kept = np.flatnonzero(~removed)
        residual = self.adj[kept][:, kept]
        _, label = connected_components(residual, directed=False)
        sizes = np.bincount(label)
        found: list[list[int]] = []
        for comp in np.argsort(-sizes, kind="stable")[:COMPONENTS]:
            if sizes[comp] < 4:
                break
            members = np.flatnonzero(label == comp)
            for local in sweep(residual[members][:, members].tocsr()):
                nodes = kept[members[local]]
                nodes = nodes[~forbidden[nodes]]
                if 0 < len(nodes) <= cap:
                    found.append(nodes.tolist())
        return found


def sweep(comp: sp.csr_matrix) -> list[NDArray[np.int64]]:
    """Vertex separators of one connected component (local ids), from its Fiedler order.

    For a cut of the order into A (first positions) and B, a node of A with a neighbour in B
    is on A's boundary, and the smaller of the two boundaries separates what is left of A
    from what is left of B. Both boundary sizes are counted for every cut at once: a node is
    on A's boundary for the cuts between its position and its furthest neighbour's.
    """
    c = comp.shape[0]
    order = np.argsort(_fiedler(comp), kind="stable")
    pos = np.empty(c, dtype=np.int64)
    pos[order] = np.arange(c)
    coo = comp.tocoo()
    far = np.full(c, -1, dtype=np.int64)
    np.maximum.at(far, coo.row, pos[coo.col])
    near = np.full(c, c, dtype=np.int64)
    np.minimum.at(near, coo.row, pos[coo.col])
    on_a = _spans(pos, far, c)  # on_a[i]: A's boundary when A = the first i positions
    on_b = _spans(near, pos, c)
    cuts = np.arange(1, c)
    use_a = on_a[cuts] <= on_b[cuts]
    size = np.where(use_a, on_a[cuts], on_b[cuts])
    left = cuts - np.where(use_a, on_a[cuts], 0)
    right = c - cuts - np.where(use_a, 0, on_b[cuts])
    parted = _pairs(c) - _pairs(left) - _pairs(right)
    ratio = parted / np.maximum(size, 1)
    chosen = {int(q * c) for q in QUANTILES if 0 < int(q * c) < c}
    chosen |= {int(cuts[i]) for i in np.argsort(-ratio, kind="stable")[:BEST_RATIOS]}
    seps = []
    for cut in sorted(chosen):
        if on_a[cut] <= on_b[cut]:
            side = order[:cut]
            seps.append(side[far[side] >= cut])
        else:
            side = order[cut:]
            seps.append(side[near[side] < cut])
    return seps


def _spans(start: NDArray[np.int64], end: NDArray[np.int64], c: int) -> NDArray[np.int64]:
    """For every cut i in 0..c, how many nodes have start < i <= end."""
    diff = np.zeros(c + 2, dtype=np.int64)
    live = end > start
    np.add.at(diff, start[live] + 1, 1)
    np.add.at(diff, end[live] + 1, -1)
    return np.cumsum(diff)[: c + 1]


def _pairs(size: NDArray[np.int64] | int) -> NDArray[np.float64]:
    """Node pairs inside a component of each size."""
    s = np.asarray(size, dtype=np.float64)
    return s * (s - 1) / 2


def _fiedler(comp: sp.csr_matrix) -> NDArray[np.float64]:
    """Fiedler vector of a connected component's normalised Laplacian, scaled back by degree.

    The second-largest eigenvector of the normalised adjacency D^-1/2 A D^-1/2 (the same
    vector); deterministic start, so a seed gives the same search.
    """
    c = comp.shape[0]
    scale = 1 / np.sqrt(np.asarray(comp.sum(axis=1)).ravel())
    norm = sp.diags(scale) @ comp @ sp.diags(scale)
    if c <= DENSE_UP_TO:
        _, vecs = np.linalg.eigh(norm.toarray())
        return np.asarray(vecs[:, -2] * scale)
    start = 1 + np.arange(c, dtype=np.float64) / c
    try:
        vals, vecs = eigsh(norm, k=2, which="LA", tol=1e-4, maxiter=20 * c, v0=start)
    except ArpackNoConvergence as late:
        vals, vecs = late.eigenvalues, late.eigenvectors
        if len(vals) < 2:
            return np.asarray(start)
    return np.asarray(vecs[:, int(np.argmin(vals))] * scale)
