"""Numba kernels over a CSR graph with a removed-node mask: components, moves, cut-vertex scores.

A component is labelled by the node its last breadth-first search started from, so labels are
node indices and per-component sums live in arrays of size n (cw: weight, cq: squared weight).
Pairwise connectivity of a component is (cw^2 - cq) / 2: the number of connected pairs for unit
weights, the sum of w_i * w_j over its pairs in general.
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True, nogil=True)
def pairs(s: float, q: float) -> float:
    """Weighted connected pairs of a component with weight sum s and squared-weight sum q."""
    return 0.5 * (s * s - q)


@njit(cache=True, nogil=True)
def flood(start, lab, indptr, indices, removed, w, label, mark, tick, queue):  # type: ignore[no-untyped-def]
    """Give start's component the label lab (breadth-first, marking with tick); returns its node
    count, weight sum and squared-weight sum."""
    head, tail = 0, 1
    queue[0] = start
    mark[start] = tick
    s = 0.0
    q = 0.0
    while head < tail:
        u = queue[head]
        head += 1
        label[u] = lab
        s += w[u]
        q += w[u] * w[u]
        for e in range(indptr[u], indptr[u + 1]):
            x = indices[e]
            if not removed[x] and mark[x] != tick:
                mark[x] = tick
                queue[tail] = x
                tail += 1
    return tail, s, q


@njit(cache=True, nogil=True)
def bfs_label(start, indptr, indices, removed, w, label, mark, tick, cw, cq, queue):  # type: ignore[no-untyped-def]
    """Label the component of `start` with `start` (marking with tick); returns its node count."""
    count, cw[start], cq[start] = flood(
        start, start, indptr, indices, removed, w, label, mark, tick, queue
    )
    return count


@njit(cache=True, nogil=True)
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


@njit(cache=True, nogil=True)
def find(parent, x):  # type: ignore[no-untyped-def]
    """Union-find root of x, halving the path on the way."""
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


@njit(cache=True, nogil=True)
def _grow(i, x, link, queue, count):  # type: ignore[no-untyped-def]
    """Append x to search i's queue (a linked list) and to the visit list; returns its length."""
    owner, nxt, head, tail = link[0], link[1], link[3], link[4]
    owner[x] = i
    nxt[x] = -1
    if head[i] < 0:
        head[i] = x
    else:
        nxt[tail[i]] = x
    tail[i] = x
    queue[count] = x
    return count + 1


@njit(cache=True, nogil=True)
def _expand(i, x, indptr, indices, removed, mark, tick, link, queue, count):  # type: ignore[no-untyped-def]
    """Scan x for search i: claim unseen neighbours, absorb the searches it meets.

    Returns the new length of the visit list and how many searches were absorbed.
    """
    owner, nxt, group, head, tail = link[0], link[1], link[2], link[3], link[4]
    merged = 0
    for e in range(indptr[x], indptr[x + 1]):
        y = indices[e]
        if removed[y]:
            continue
        if mark[y] != tick:
            mark[y] = tick
            count = _grow(i, y, link, queue, count)
            continue
        j = find(group, owner[y])
        if j != i:
            group[j] = i
            if head[i] < 0:
                head[i] = head[j]
            else:
                nxt[tail[i]] = head[j]
            tail[i] = tail[j]
            merged += 1
    return count, merged


@njit(cache=True, nogil=True)
def _lockstep(d, indptr, indices, removed, mark, tick, link, queue):  # type: ignore[no-untyped-def]
    """Grow the searches seeded at queue[:d] in turn until at most one is still running.

    Searches that meet merge (the pending queue of one is spliced onto the other's). Returns
    the number of nodes visited (listed in queue) and the search still running, or -1.
    """
    nxt, group, head = link[1], link[2], link[3]
    count = d
    running = d
    while running > 1:
        for i in range(d):
            if group[i] != i or head[i] < 0:
                continue
            x = head[i]
            head[i] = nxt[x]
            count, merged = _expand(i, x, indptr, indices, removed, mark, tick, link, queue, count)
            running -= merged + (1 if head[i] < 0 else 0)
            if running <= 1:
                break
    for i in range(d):
        if group[i] == i and head[i] >= 0:
            return count, i
    return count, -1


@njit(cache=True, nogil=True)
def remove_node(v, indptr, indices, removed, w, label, mark, tick, cw, cq, queue, link):  # type: ignore[no-untyped-def]
    """Remove v and relabel only the pieces it cuts off; returns the change in pairwise value.

    One breadth-first search per live neighbour, grown in turn and merged when they meet, runs
    until a single search is left: its piece keeps v's old label unexplored, so a removal that
    cuts off little costs little instead of a scan of the whole component. Uses ticks tick and
    tick + 1 of mark; link is int64 (5, n) scratch.
    """
    old = label[v]
    delta = -pairs(cw[old], cq[old])
    rest_w = cw[old] - w[v]
    rest_q = cq[old] - w[v] * w[v]
    removed[v] = True
    label[v] = -1
    owner, group, head = link[0], link[2], link[3]
    d = 0
    for e in range(indptr[v], indptr[v + 1]):
        a = indices[e]
        if not removed[a]:
            mark[a] = tick
            group[d] = d
            head[d] = -1
            d = _grow(d, a, link, queue, d)
    count, rest = _lockstep(d, indptr, indices, removed, mark, tick, link, queue)
    for i in range(d):
        if group[i] == i and i != rest:
            cw[queue[i]] = 0.0
            cq[queue[i]] = 0.0
    for c in range(count):
        x = queue[c]
        r = find(group, owner[x])
        if r != rest:
            label[x] = queue[r]
            cw[queue[r]] += w[x]
            cq[queue[r]] += w[x] * w[x]
            rest_w -= w[x]
            rest_q -= w[x] * w[x]
    for i in range(d):
        if group[i] == i and i != rest:
            delta += pairs(cw[queue[i]], cq[queue[i]])
    if rest < 0:
        return delta
    if old == v or (mark[old] == tick and find(group, owner[old]) != rest):
        bfs_label(queue[rest], indptr, indices, removed, w, label, mark, tick + 1, cw, cq, queue)
    else:
        cw[old] = rest_w
        cq[old] = rest_q
    return delta + pairs(rest_w, rest_q)


@njit(cache=True, nogil=True)
def readd_cost(  # type: ignore[no-untyped-def]
    v, indptr, indices, removed, w, label, lmark, tick, cw, cq, cap=np.inf, by_size=False
):
    """Change in pairwise value, and the new component weight, if removed node v came back.

    Each further component the return joins raises both, so the scan stops with (inf, inf) as
    soon as the cost (the weight when by_size) passes cap: pricing many returns against the
    best so far then reads few neighbours of the dear ones.
    """
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
                if (s if by_size else pairs(s, q) - before) > cap + 1e-9:
                    return np.inf, np.inf
    return pairs(s, q) - before, s


@njit(cache=True, nogil=True)
def add_node(v, indptr, indices, removed, w, label, mark, tick, cw, cq, queue):  # type: ignore[no-untyped-def]
    """Put removed node v back; returns the change in pairwise value.

    The merged component keeps the label of v's heaviest neighbouring component and only the
    others are relabelled (union by size), so joining small pieces to a giant costs little.
    Uses ticks tick and tick + 1 of mark.
    """
    delta, s = readd_cost(v, indptr, indices, removed, w, label, mark, tick, cw, cq)
    big = v
    q = w[v] * w[v]
    for e in range(indptr[v], indptr[v + 1]):
        a = indices[e]
        if not removed[a] and (big == v or cw[label[a]] > cw[big]):
            big = label[a]
    if big != v:
        q += cq[big]
    for e in range(indptr[v], indptr[v + 1]):
        a = indices[e]
        if not removed[a] and label[a] != big:
            q += cq[label[a]]
            flood(a, big, indptr, indices, removed, w, label, mark, tick + 1, queue)
    removed[v] = False
    label[v] = big
    cw[big] = s
    cq[big] = q
    return delta


@njit(cache=True, nogil=True)
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


@njit(cache=True, nogil=True)
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


@njit(cache=True, nogil=True)
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
