"""Path kernel for the path-based model: greedy vertex-disjoint paths between node pairs."""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True)
def _bfs_path(s, t, indptr, indices, blocked, prev, seen, tick, queue):  # type: ignore[no-untyped-def]
    """Shortest s-t path avoiding blocked nodes as internal nodes; fills prev, returns found."""
    head, tail = 0, 1
    queue[0] = s
    seen[s] = tick
    while head < tail:
        u = queue[head]
        head += 1
        for e in range(indptr[u], indptr[u + 1]):
            x = indices[e]
            if seen[x] == tick:
                continue
            if x == t:
                prev[t] = u
                return True
            if not blocked[x]:
                seen[x] = tick
                prev[x] = u
                queue[tail] = x
                tail += 1
    return False


@njit(cache=True)
def disjoint_paths(pairs, limit, indptr, indices, cuttable, out_nodes, out_ptr):  # type: ignore[no-untyped-def]
    """Greedy internally vertex-disjoint paths per pair, up to `limit` cuttable ones.

    A path whose internal nodes are all uncuttable ends the search for that pair (it can only be
    broken at its ends). Paths are written as node lists into out_nodes, delimited by out_ptr
    (one entry per path, pair index in out_ptr[:, 1]); returns (#paths, #nodes written) or
    (-1, -1) when the output buffers are full.
    """
    n = indptr.shape[0] - 1
    blocked = np.zeros(n, np.bool_)
    prev = np.zeros(n, np.int64)
    seen = np.zeros(n, np.int64)
    queue = np.zeros(n, np.int64)
    used = np.zeros(n, np.int64)
    npaths, nnodes, tick = 0, 0, 0
    for p in range(pairs.shape[0]):
        s, t = pairs[p, 0], pairs[p, 1]
        nused, found = 0, 0
        while found < limit:
            tick += 1
            if not _bfs_path(s, t, indptr, indices, blocked, prev, seen, tick, queue):
                break
            if npaths >= out_ptr.shape[0] or nnodes + n > out_nodes.shape[0]:
                return -1, -1
            out_ptr[npaths, 0] = nnodes
            out_ptr[npaths, 1] = p
            hard = True
            x = t
            while True:
                out_nodes[nnodes] = x
                nnodes += 1
                if x == s:
                    break
                if x != t:
                    blocked[x] = True
                    used[nused] = x
                    nused += 1
                    if cuttable[x]:
                        hard = False
                x = prev[x]
            npaths += 1
            found += 1
            if hard:
                break
        for i in range(nused):
            blocked[used[i]] = False
    return npaths, nnodes
