"""Numba kernels over a CSR graph with a removed-node mask: components, moves, cut-vertex scores.

A component is labelled by the node its last breadth-first search started from, so labels are
node indices and per-component sums live in arrays of size n (cw: weight, cq: squared weight).
Pairwise connectivity of a component is (cw^2 - cq) / 2: the number of connected pairs for unit
weights, the sum of w_i * w_j over its pairs in general.
"""

from __future__ import annotations

from numba import njit


@njit(cache=True)
def pairs(s: float, q: float) -> float:
    """Weighted connected pairs of a component with weight sum s and squared-weight sum q."""
    return 0.5 * (s * s - q)


@njit(cache=True)
def bfs_label(start, indptr, indices, removed, w, label, mark, tick, cw, cq, queue):  # type: ignore[no-untyped-def]
    """Label the component of `start` with `start` (marking with tick); returns its node count."""
    head, tail = 0, 1
    queue[0] = start
    mark[start] = tick
    s = 0.0
    q = 0.0
    while head < tail:
        u = queue[head]
        head += 1
        label[u] = start
        s += w[u]
        q += w[u] * w[u]
        for e in range(indptr[u], indptr[u + 1]):
            x = indices[e]
            if not removed[x] and mark[x] != tick:
                mark[x] = tick
                queue[tail] = x
                tail += 1
    cw[start] = s
    cq[start] = q
    return tail


@njit(cache=True)
def label_all(indptr, indices, removed, w, label, mark, tick, cw, cq, queue):  # type: ignore[no-untyped-def]
    """Label every component of the residual graph; returns its pairwise connectivity."""
    total = 0.0
    for v in range(label.shape[0]):
        if removed[v]:
            label[v] = -1
        elif mark[v] != tick:
            bfs_label(v, indptr, indices, removed, w, label, mark, tick, cw, cq, queue)
            total += pairs(cw[v], cq[v])
    return total


@njit(cache=True)
def remove_node(v, indptr, indices, removed, w, label, mark, tick, cw, cq, queue):  # type: ignore[no-untyped-def]
    """Remove v; relabel the pieces of its component; returns the change in pairwise value."""
    old = label[v]
    delta = -pairs(cw[old], cq[old])
    removed[v] = True
    label[v] = -1
    for e in range(indptr[v], indptr[v + 1]):
        a = indices[e]
        if not removed[a] and mark[a] != tick:
            bfs_label(a, indptr, indices, removed, w, label, mark, tick, cw, cq, queue)
            delta += pairs(cw[a], cq[a])
    return delta


@njit(cache=True)
def readd_cost(v, indptr, indices, removed, w, label, lmark, tick, cw, cq):  # type: ignore[no-untyped-def]
    """Change in pairwise value, and the new component weight, if removed node v came back."""
    s = w[v]
    q = w[v] * w[v]
    before = 0.0
    for e in range(indptr[v], indptr[v + 1]):
        a = indices[e]
        if not removed[a]:
            lab = label[a]
            if lmark[lab] != tick:
                lmark[lab] = tick
                s += cw[lab]
                q += cq[lab]
                before += pairs(cw[lab], cq[lab])
    return pairs(s, q) - before, s


@njit(cache=True)
def add_node(v, indptr, indices, removed, w, label, mark, tick, cw, cq, queue):  # type: ignore[no-untyped-def]
    """Put removed node v back and relabel its merged component; returns the change in value."""
    delta, _ = readd_cost(v, indptr, indices, removed, w, label, mark, tick, cw, cq)
    removed[v] = False
    bfs_label(v, indptr, indices, removed, w, label, mark, tick + 1, cw, cq, queue)
    return delta


@njit(cache=True)
def cut_scores(start, indptr, indices, removed, w, mark, tick, iw, fw, out_pairs, out_max):  # type: ignore[no-untyped-def]
    """For each node v of start's component: pairwise value and largest piece after removing v.

    One iterative Tarjan depth-first search (linear in the component): a child subtree whose
    low-link does not reach above v becomes its own component when v goes; the rest stays
    together. iw is int64 (n, 5) and fw float64 (n, 6) scratch. Returns the number of nodes
    visited; their ids are iw[:count, 4] and their scores sit in out_pairs / out_max.
    """
    order = iw[:, 4]
    subw, subq, sepw, sepq, seppc, maxsep = (
        fw[:, 0],
        fw[:, 1],
        fw[:, 2],
        fw[:, 3],
        fw[:, 4],
        fw[:, 5],
    )
    count = _dfs(start, indptr, indices, removed, w, mark, tick, iw, fw)
    total_w = subw[start]
    total_q = subq[start]
    for i in range(count):
        v = order[i]
        rest_w = total_w - w[v] - sepw[v]
        rest_q = total_q - w[v] * w[v] - sepq[v]
        out_pairs[v] = seppc[v] + pairs(rest_w, rest_q)
        out_max[v] = max(maxsep[v], rest_w)
    return count


@njit(cache=True)
def _enter(x, parent_of_x, clock, count, indptr, w, mark, tick, iw, fw):  # type: ignore[no-untyped-def]
    """Discover node x in the DFS: its parent, discovery time, own weight, empty separations."""
    mark[x] = tick
    iw[x, 0] = clock  # discovery
    iw[x, 1] = clock  # low-link
    iw[x, 2] = parent_of_x
    iw[x, 3] = indptr[x]  # next neighbour to visit
    iw[count, 4] = x  # visit order
    fw[x, 0] = w[x]
    fw[x, 1] = w[x] * w[x]
    fw[x, 2:6] = 0.0


@njit(cache=True)
def _dfs(start, indptr, indices, removed, w, mark, tick, iw, fw):  # type: ignore[no-untyped-def]
    """Iterative DFS filling discovery/low-link, subtree sums and separated-piece sums."""
    disc, low, parent, it = iw[:, 0], iw[:, 1], iw[:, 2], iw[:, 3]
    subw, subq, sepw, sepq, seppc, maxsep = (
        fw[:, 0],
        fw[:, 1],
        fw[:, 2],
        fw[:, 3],
        fw[:, 4],
        fw[:, 5],
    )
    # parent links double as the DFS stack: finishing a node walks back up to its parent
    _enter(start, -1, 0, 0, indptr, w, mark, tick, iw, fw)
    clock = 1
    count = 1
    u = start
    while u >= 0:
        if it[u] < indptr[u + 1]:
            x = indices[it[u]]
            it[u] += 1
            if removed[x]:
                continue
            if mark[x] != tick:
                _enter(x, u, clock, count, indptr, w, mark, tick, iw, fw)
                clock += 1
                count += 1
                u = x
            elif x != parent[u] and disc[x] < low[u]:
                low[u] = disc[x]
        else:
            p = parent[u]
            if p >= 0:
                if low[u] < low[p]:
                    low[p] = low[u]
                subw[p] += subw[u]
                subq[p] += subq[u]
                if low[u] >= disc[p]:
                    sepw[p] += subw[u]
                    sepq[p] += subq[u]
                    seppc[p] += pairs(subw[u], subq[u])
                    if subw[u] > maxsep[p]:
                        maxsep[p] = subw[u]
            u = p
    return count
