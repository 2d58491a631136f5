"""Node scores for single-metric strategies: betweenness, degree, collective influence."""

from __future__ import annotations

import networkit as nk
import numpy as np
from numba import njit
from numpy.typing import NDArray

from linewatch.plan.graph import Graph

EXACT_BETWEENNESS_MAX_N = 5000
BETWEENNESS_SAMPLES = 1000


def _nk_graph(graph: Graph, removed: NDArray[np.bool_]) -> nk.Graph:
    """NetworKit copy of the residual graph (same node indices; removed nodes are isolated)."""
    e = graph.edge_array()
    e = e[~(removed[e[:, 0]] | removed[e[:, 1]])]
    g = nk.Graph(graph.n)
    if e.shape[0]:
        g.addEdges((e[:, 0].astype(np.uint64), e[:, 1].astype(np.uint64)))
    return g


def betweenness(graph: Graph, removed: NDArray[np.bool_]) -> NDArray[np.float64]:
    """Betweenness in the residual graph: exact up to 5000 nodes, else 1000-source sampling."""
    g = _nk_graph(graph, removed)
    if graph.n <= EXACT_BETWEENNESS_MAX_N:
        algo = nk.centrality.Betweenness(g, normalized=False)
    else:
        nk.setSeed(42, False)
        algo = nk.centrality.EstimateBetweenness(g, BETWEENNESS_SAMPLES, False, True)
    algo.run()
    return np.asarray(algo.scores(), dtype=np.float64)


def degree(graph: Graph, removed: NDArray[np.bool_]) -> NDArray[np.float64]:
    """Degree in the residual graph."""
    src = np.repeat(np.arange(graph.n), graph.degrees())
    live = ~removed[graph.indices] & ~removed[src]
    return np.bincount(src[live], minlength=graph.n).astype(np.float64)


@njit(cache=True)
def _ci(indptr, indices, removed, deg, radius):  # type: ignore[no-untyped-def]
    """CI_l(i) = (k_i - 1) * sum of (k_j - 1) over nodes j at distance exactly l from i."""
    n = indptr.shape[0] - 1
    out = np.zeros(n)
    dist = np.full(n, -1, np.int64)
    queue = np.zeros(n, np.int64)
    for s in range(n):
        if removed[s] or deg[s] == 0:
            continue
        head, tail = 0, 1
        queue[0] = s
        dist[s] = 0
        total = 0.0
        while head < tail:
            u = queue[head]
            head += 1
            if dist[u] == radius:
                total += deg[u] - 1
                continue
            for e in range(indptr[u], indptr[u + 1]):
                x = indices[e]
                if not removed[x] and dist[x] < 0:
                    dist[x] = dist[u] + 1
                    queue[tail] = x
                    tail += 1
        out[s] = (deg[s] - 1) * total
        for i in range(tail):
            dist[queue[i]] = -1
    return out


def collective_influence(
    graph: Graph, removed: NDArray[np.bool_], radius: int = 2
) -> NDArray[np.float64]:
    """Collective influence (Morone & Makse 2015, Nature 524:65) in the residual graph."""
    deg = degree(graph, removed)
    return np.asarray(_ci(graph.indptr, graph.indices, removed, deg, radius), dtype=np.float64)
