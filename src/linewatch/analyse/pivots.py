"""Pivot-sampled betweenness on the contact graph without its leaves (numba kernels).

Most numbers in phone records have one contact (a customer who only ever rings the line). A
leaf lies on no shortest path between two other numbers, and every path from a leaf runs
through its one neighbour, so betweenness can be accumulated on the graph without leaves, each
remaining node weighted by one plus its leaves (the degree-1 reduction of Baglioni, Geraci,
Pellegrini and Lastres, 2012). Sources are still drawn uniformly from every node, a leaf
standing for its neighbour, so the estimate is plain pivot sampling (Brandes and Pich, 2007)
with its Hoeffding bound, and with every node as a source it is exact. Each breadth-first search
keeps no predecessor lists: dependencies are pulled from the next level, so a search allocates
nothing.
"""

from __future__ import annotations

import numba
import numpy as np
import numpy.typing as npt
from numba import njit, prange

from linewatch.analyse.network import Betweenness

IntArr = npt.NDArray[np.int64]
FloatArr = npt.NDArray[np.float64]


@njit(cache=True)
def _csr(a, b, n):  # type: ignore[no-untyped-def]
    """Both directions of the undirected edges (a, b) as CSR (indptr, indices): a counting sort."""
    indptr = np.zeros(n + 1, np.int64)
    for i in range(a.size):
        indptr[a[i] + 1] += 1
        indptr[b[i] + 1] += 1
    for v in range(n):
        indptr[v + 1] += indptr[v]
    fill = indptr[:-1].copy()
    indices = np.empty(2 * a.size, np.int64)
    for i in range(a.size):
        indices[fill[a[i]]] = b[i]
        fill[a[i]] += 1
        indices[fill[b[i]]] = a[i]
        fill[b[i]] += 1
    return indptr, indices


@njit(cache=True)
def _without_leaves(indptr, indices):  # type: ignore[no-untyped-def]
    """The graph on nodes of degree >= 2: (core id of each node or -1, its CSR, each core node's
    leaf count, each node's neighbour when it is a leaf of a core node else -1)."""
    n = indptr.size - 1
    core = np.full(n, -1, np.int64)
    m = 0
    for v in range(n):
        if indptr[v + 1] - indptr[v] >= 2:
            core[v] = m
            m += 1
    parent = np.full(n, -1, np.int64)
    leaves = np.zeros(m, np.float64)
    for v in range(n):
        if indptr[v + 1] - indptr[v] == 1 and core[indices[indptr[v]]] >= 0:
            parent[v] = indices[indptr[v]]
            leaves[core[parent[v]]] += 1.0
    cptr, cind = _core_csr(indptr, indices, core, m)
    return core, cptr, cind, leaves, parent


@njit(cache=True)
def _core_csr(indptr, indices, core, m):  # type: ignore[no-untyped-def]
    """CSR of the edges between core nodes, in core ids."""
    cptr = np.zeros(m + 1, np.int64)
    for v in range(core.size):
        if core[v] >= 0:
            for e in range(indptr[v], indptr[v + 1]):
                cptr[core[v] + 1] += core[indices[e]] >= 0
    for c in range(m):
        cptr[c + 1] += cptr[c]
    cind = np.empty(cptr[m], np.int64)
    for v in range(core.size):
        if core[v] >= 0:
            at = cptr[core[v]]
            for e in range(indptr[v], indptr[v + 1]):
                if core[indices[e]] >= 0:
                    cind[at] = core[indices[e]]
                    at += 1
    return cptr, cind


@njit(cache=True)
def _search(s, indptr, indices, weight, dist, sigma, delta, order):  # type: ignore[no-untyped-def]
    """Breadth-first search from s, then each reached node's dependency (targets weighted) into
    `delta`, pulled from the next level; returns how many nodes it reached (first in `order`)."""
    dist[s] = 0
    sigma[s] = 1.0
    order[0] = s
    head, tail = 0, 1
    while head < tail:
        u = order[head]
        head += 1
        for e in range(indptr[u], indptr[u + 1]):
            x = indices[e]
            if dist[x] < 0:
                dist[x] = dist[u] + 1
                order[tail] = x
                tail += 1
            if dist[x] == dist[u] + 1:
                sigma[x] += sigma[u]
    for j in range(tail - 1, -1, -1):
        u = order[j]
        d = 0.0
        for e in range(indptr[u], indptr[u + 1]):
            x = indices[e]
            if dist[x] == dist[u] + 1:
                d += sigma[u] / sigma[x] * (weight[x] + delta[x])
        delta[u] = d
    return tail


@njit(parallel=True, cache=True)
def _dependencies(indptr, indices, leaves, sources, mult, chunks):  # type: ignore[no-untyped-def]
    """Sum over sources of mult * dependency on each node (targets weighted by 1 + leaves, and
    a node's own leaves reached through it), and the weight each source reaches.

    Sources are split into `chunks` fixed slices, each summed in order into its own row, so the
    result depends only on the chunk count, not on thread timing.
    """
    n = indptr.size - 1
    weight = leaves + 1.0
    parts = np.zeros((chunks, n))
    reached = np.zeros(sources.size)
    for c in prange(chunks):
        dist = np.full(n, -1, np.int64)
        sigma, delta, order = np.zeros(n), np.zeros(n), np.empty(n, np.int64)
        for i in range(c, sources.size, chunks):
            s = sources[i]
            tail = _search(s, indptr, indices, weight, dist, sigma, delta, order)
            for j in range(tail):
                u = order[j]
                reached[i] += weight[u]
                if u != s:
                    parts[c, u] += mult[i] * (delta[u] + leaves[u])
                dist[u], sigma[u], delta[u] = -1, 0.0, 0.0
    out = np.zeros(n)
    for c in range(chunks):
        out += parts[c]
    return out, reached


def pivot_betweenness(a: IntArr, b: IntArr, n: int, pivots: int, seed: int = 1) -> Betweenness:
    """Normalised (unweighted) betweenness of n nodes from `pivots` uniformly drawn sources, on
    the unique undirected edges (a, b) with a != b.

    Each source's term lies in [0, 1], so by Hoeffding's bound every node's value is within
    sqrt(ln(20) / (2 * pivots)) of its true one with probability 0.9 (0 when pivots >= n: every
    node is a source and the value is exact). Deterministic for a given seed and thread count.
    """
    k = min(pivots, n)
    if n <= 2 or k == 0:
        return Betweenness(np.zeros(n), 0.0)
    indptr, indices = _csr(a.astype(np.int64), b.astype(np.int64), n)
    core, cptr, cind, leaves, parent = _without_leaves(indptr, indices)
    drawn = np.random.default_rng(seed).choice(n, size=k, replace=False)
    # A core source stands for itself; a leaf of a core node for that node, plus every path it
    # starts, all through that node (added below from the weight the node's search reaches).
    stands_for = np.where(core[drawn] >= 0, core[drawn], core[np.maximum(parent[drawn], 0)])
    used = (core[drawn] >= 0) | (parent[drawn] >= 0)
    sources, mult = np.unique(stands_for[used], return_counts=True)
    dep, reached = _dependencies(
        cptr, cind, leaves, sources, mult.astype(np.float64), max(1, numba.get_num_threads())
    )
    as_leaf = np.bincount(stands_for[used & (core[drawn] < 0)], minlength=cptr.size - 1)
    reach = np.zeros(cptr.size - 1)
    reach[sources] = reached
    dep += as_leaf * np.maximum(reach - 2.0, 0.0)
    values = np.zeros(n)
    scale = n / k / ((n - 1) * (n - 2))
    values[core >= 0] = dep * scale
    bound = 0.0 if k == n else float(np.sqrt(np.log(2 / 0.1) / (2 * k)))
    return Betweenness(values, bound)
