"""Numba kernels of the heuristic: greedy constructions (cut-vertex, reinsertion) and search.

The search follows the component-based neighbourhood of Zhou & Hao (CBNS, 2017) and the
memetic search of Zhou, Hao & Glover (2019): each step removes a node from a large component
(mostly the longest-present of a few sampled members, CBNS's age rule, which costs next to
nothing; otherwise the one whose removal leaves the fewest connected pairs, found exactly by a
cut-vertex scan of the component) and puts back the removed node whose return joins the
fewest pairs, under short tabu tenures. Moves relabel only the pieces that change.
`sc` holds the search scalars: [tick, step, last_improve, stall_limit]; `val` holds
[pairwise, lcc] of the current solution and `best` the same for the best one.
"""

from __future__ import annotations

import heapq

import numpy as np
from numba import njit

from linewatch.plan.kernels import (
    add_node,
    cut_scores,
    find,
    label_all,
    pairs,
    readd_cost,
    remove_node,
)

AGE_SAMPLES = 8  # members of a component sampled by the age rule


@njit(cache=True, nogil=True)
def seed_rng(seed):  # type: ignore[no-untyped-def]
    """Seed numba's own random generator (separate from numpy's)."""
    np.random.seed(seed)


@njit(cache=True, nogil=True)
def largest(removed, label, cw):  # type: ignore[no-untyped-def]
    """Weight of the largest component of the labelled residual graph."""
    top = 0.0
    for v in range(label.shape[0]):
        if not removed[v] and label[v] == v and cw[v] > top:
            top = cw[v]
    return top


@njit(cache=True, nogil=True)
def _pick_cut(root, lcc_mode, forbidden, tabu, step, g, st):  # type: ignore[no-untyped-def]
    """Best eligible cut of root's component (a Tarjan scan of all of it), or -1."""
    indptr, indices, w = g
    removed, mark, iw, fw, op, om, sc = st[0], st[2], st[6], st[7], st[8], st[9], st[10]
    sc[0] += 1
    count = cut_scores(root, indptr, indices, removed, w, mark, sc[0], iw, fw, op, om)
    order = iw[:, 4]
    best, best_a, best_b, ties = -1, np.inf, np.inf, 0
    for i in range(count):
        v = order[i]
        if forbidden[v] or tabu[v] > step:
            continue
        a, b = (om[v], op[v]) if lcc_mode else (op[v], 0.0)
        if a < best_a - 1e-9 or (abs(a - best_a) <= 1e-9 and b < best_b - 1e-9):
            best, best_a, best_b, ties = v, a, b, 1
        elif abs(a - best_a) <= 1e-9 and abs(b - best_b) <= 1e-9:
            ties += 1
            if np.random.randint(ties) == 0:
                best = v
    return best


@njit(cache=True, nogil=True)
def _pick_old(first, forbidden, tabu, step, removed, label):  # type: ignore[no-untyped-def]
    """Longest-present eligible node among first and a few other random members of its component.

    CBNS's age rule on a sample: no scan of the component, so it costs next to nothing on a
    giant one. Returns -1 when no sampled member is eligible.
    """
    root = label[first]
    best, found = -1, 0
    v = first
    for _ in range(8 * AGE_SAMPLES):
        if label[v] == root:
            found += 1
            if not forbidden[v] and tabu[v] <= step and (best < 0 or tabu[v] < tabu[best]):
                best = v
            if found == AGE_SAMPLES:
                break
        v = _random_live(removed)
    return best


@njit(cache=True, nogil=True)
def _return_cost(u, cap, lcc_mode, indptr, indices, removed, w, label, lmark, tick, cw, cq):  # type: ignore[no-untyped-def]
    """(primary, secondary) cost of putting removed u back, or (inf, inf) once above cap."""
    delta, s = readd_cost(u, indptr, indices, removed, w, label, lmark, tick, cw, cq, cap, lcc_mode)
    return (s, delta) if lcc_mode else (delta, 0.0)


@njit(cache=True, nogil=True)
def _pick_return(sol, nsol, skip, lcc_mode, fixed, tabu, step, g, st):  # type: ignore[no-untyped-def]
    """Position in sol of the removed node whose return costs least, or -1."""
    indptr, indices, w = g
    removed, label, mark, cw, cq, sc = st[0], st[1], st[2], st[3], st[4], st[10]
    best, best_a, best_b, ties = -1, np.inf, np.inf, 0
    for i in range(nsol):
        u = sol[i]
        if u == skip or fixed[u] or tabu[u] > step:
            continue
        sc[0] += 1
        a, b = _return_cost(
            u, best_a, lcc_mode, indptr, indices, removed, w, label, mark, sc[0], cw, cq
        )
        if a < best_a - 1e-9 or (abs(a - best_a) <= 1e-9 and b < best_b - 1e-9):
            best, best_a, best_b, ties = i, a, b, 1
        elif abs(a - best_a) <= 1e-9 and abs(b - best_b) <= 1e-9:
            ties += 1
            if np.random.randint(ties) == 0:
                best = i
    return best


@njit(cache=True, nogil=True)
def _random_live(removed):  # type: ignore[no-untyped-def]
    """A uniformly random present node (rejection sampling; most nodes are present)."""
    n = removed.shape[0]
    while True:
        v = np.random.randint(n)
        if not removed[v]:
            return v


@njit(cache=True, nogil=True)
def _large_member(removed, label, cw, tries):  # type: ignore[no-untyped-def]
    """A node of a large component: the one in the largest met by a few random nodes."""
    best = _random_live(removed)
    for _ in range(tries - 1):
        v = _random_live(removed)
        if cw[label[v]] > cw[label[best]]:
            best = v
    return best


@njit(cache=True, nogil=True)
def greedy_fill(k, sol, nsol, lcc_mode, forbidden, g, st, stale, cache_v, cache_key):  # type: ignore[no-untyped-def]
    """Remove nodes one at a time (best cut over all components) until nsol reaches k."""
    indptr, indices, w = g
    removed, label, mark, cw, cq, queue = st[0], st[1], st[2], st[3], st[4], st[5]
    op, om, sc = st[8], st[9], st[10]
    n = removed.shape[0]
    no_tabu = np.zeros(n, np.int64)
    while nsol < k:
        best_root, b1, b2 = -1, -np.inf, -np.inf
        for r in range(n):
            if removed[r] or label[r] != r:
                continue
            if stale[r]:
                v = _pick_cut(r, lcc_mode, forbidden, no_tabu, 0, g, st)
                cache_v[r] = v
                if v >= 0:
                    cache_key[r] = (cw[r] - om[v]) if lcc_mode else pairs(cw[r], cq[r]) - op[v]
                stale[r] = False
            if cache_v[r] < 0:
                continue
            key1 = cw[r] if lcc_mode else cache_key[r]
            key2 = cache_key[r] if lcc_mode else 0.0
            if key1 > b1 or (key1 == b1 and key2 > b2):
                best_root, b1, b2 = r, key1, key2
        if best_root < 0:
            break
        v = cache_v[best_root]
        stale[best_root] = True  # the rest of the component keeps this label
        sc[0] += 2
        remove_node(v, indptr, indices, removed, w, label, mark, sc[0] - 1, cw, cq, queue, st[11])
        for e in range(indptr[v], indptr[v + 1]):
            stale[indices[e]] = True
        sol[nsol] = v
        nsol += 1
    return nsol


@njit(cache=True, nogil=True)
def _better(val, best, lcc_mode):  # type: ignore[no-untyped-def]
    """Whether (pairwise, lcc) val beats best under the objective (lcc first in lcc mode)."""
    if lcc_mode:
        if val[1] < best[1] - 1e-9:
            return True
        return abs(val[1] - best[1]) <= 1e-9 and val[0] < best[0] - 1e-9
    return val[0] < best[0] - 1e-9


@njit(cache=True, nogil=True)
def _swap(sol, nsol, r, lcc_mode, forbidden, fixed, tabus, tenure, p_rand, g, st, val):  # type: ignore[no-untyped-def]
    """One exchange: cut r nodes from large components, then return the r cheapest removed nodes."""
    indptr, indices, w = g
    removed, label, mark, cw, cq, queue, sc = st[0], st[1], st[2], st[3], st[4], st[5], st[10]
    tabu_rm, tabu_add = tabus
    step = sc[1]
    count = nsol
    for _ in range(r):
        first = _large_member(removed, label, cw, 3)
        if cw[label[first]] <= 1.0:
            break
        v = -1
        if np.random.random() < p_rand:
            v = _pick_old(first, forbidden, tabu_rm, step, removed, label)
        if v < 0:
            v = _pick_cut(label[first], lcc_mode, forbidden, tabu_rm, step, g, st)
        if v < 0:
            continue
        sc[0] += 2
        val[0] += remove_node(
            v, indptr, indices, removed, w, label, mark, sc[0] - 1, cw, cq, queue, st[11]
        )
        sol[count] = v
        count += 1
        tabu_add[v] = step + 1 + np.random.randint(tenure)
    while count > nsol:
        if p_rand >= 1.0:
            i = _random_member(sol, count, fixed)
        else:
            i = _pick_return(sol, count, -1, lcc_mode, fixed, tabu_add, step, g, st)
        if i < 0:
            i = count - 1
        u = sol[i]
        sc[0] += 2
        val[0] += add_node(u, indptr, indices, removed, w, label, mark, sc[0] - 1, cw, cq, queue)
        count -= 1
        sol[i] = sol[count]
        tabu_rm[u] = step + 1 + np.random.randint(tenure)


@njit(cache=True, nogil=True)
def _random_member(sol, nsol, fixed):  # type: ignore[no-untyped-def]
    """Position of a random removed node that is not fixed, or -1."""
    for _ in range(4 * nsol + 4):
        i = np.random.randint(nsol)
        if not fixed[sol[i]]:
            return i
    return -1


@njit(cache=True, nogil=True)
def _restore(best_sol, sol, nsol, g, st, val):  # type: ignore[no-untyped-def]
    """Reset the current solution to the best one and relabel every component."""
    indptr, indices, w = g
    removed, label, mark, cw, cq, queue, sc = st[0], st[1], st[2], st[3], st[4], st[5], st[10]
    removed[:] = False
    for i in range(nsol):
        sol[i] = best_sol[i]
        removed[sol[i]] = True
    sc[0] += 1
    val[0] = label_all(indptr, indices, removed, w, label, mark, sc[0], cw, cq, queue)


@njit(cache=True, nogil=True)
def search(  # type: ignore[no-untyped-def]
    iters,
    sol,
    nsol,
    lcc_mode,
    forbidden,
    fixed,
    tabus,
    params,
    g,
    st,
    val,
    best,
    best_sol,
):
    """Run `iters` exchange steps from the current solution; returns whether best improved.

    params = [tenure, p_rand, perturb_strength, max_exchange]; after sc[3] idle steps the
    search restarts from the best solution with perturb_strength random exchanges (or stops
    when perturb_strength is 0).
    """
    removed, label, cw, sc = st[0], st[1], st[3], st[10]
    tenure, p_rand, strength, rmax = int(params[0]), params[1], int(params[2]), int(params[3])
    improved = False
    for _ in range(iters):
        if nsol == 0 or best[0] <= 1e-9:
            break
        r = 1 + np.random.randint(rmax)
        _swap(sol, nsol, r, lcc_mode, forbidden, fixed, tabus, tenure, p_rand, g, st, val)
        sc[1] += 1
        if lcc_mode:
            val[1] = largest(removed, label, cw)
        if _better(val, best, lcc_mode):
            best[:] = val
            best_sol[:nsol] = sol[:nsol]
            sc[2] = sc[1]
            improved = True
        elif sc[1] - sc[2] > sc[3]:
            if strength == 0:
                break
            _restore(best_sol, sol, nsol, g, st, val)
            for _ in range(strength):
                _swap(sol, nsol, 1, lcc_mode, forbidden, fixed, tabus, tenure, 1.0, g, st, val)
            val[1] = largest(removed, label, cw)
            sc[2] = sc[1]
    return improved


@njit(cache=True, nogil=True)
def greedy_return(k, sol, nsol, lcc_mode, fixed, g, st):  # type: ignore[no-untyped-def]
    """Put back the cheapest removed node, one at a time, until only k remain removed."""
    indptr, indices, w = g
    removed, label, mark, cw, cq, queue, sc = st[0], st[1], st[2], st[3], st[4], st[5], st[10]
    no_tabu = np.zeros(removed.shape[0], np.int64)
    while nsol > k:
        i = _pick_return(sol, nsol, -1, lcc_mode, fixed, no_tabu, 0, g, st)
        if i < 0:
            break
        sc[0] += 2
        add_node(sol[i], indptr, indices, removed, w, label, mark, sc[0] - 1, cw, cq, queue)
        nsol -= 1
        sol[i] = sol[nsol]
    return nsol


@njit(cache=True, nogil=True)
def _join_cost(v, indptr, indices, removed, parent, us, uq, seen, tick, wv):  # type: ignore[no-untyped-def]
    """Change in pairwise value, and the merged weight, if removed v came back (union-find)."""
    s = wv
    q = wv * wv
    before = 0.0
    for e in range(indptr[v], indptr[v + 1]):
        a = indices[e]
        if not removed[a]:
            r = find(parent, a)
            if seen[r] != tick:
                seen[r] = tick
                s += us[r]
                q += uq[r]
                before += pairs(us[r], uq[r])
    return pairs(s, q) - before, s


@njit(cache=True, nogil=True)
def reinsert(k, removed, fixed, lcc_mode, g):  # type: ignore[no-untyped-def]
    """Put removed nodes back, cheapest first, until k remain removed (greedy reinsertion).

    Costs only rise as components grow unless two of a node's neighbouring components merge,
    so a lazy heap (recompute on pop, push back if it rose) with union-find sums takes
    O(m log n) in practice instead of rescanning every removed node per step. Equal costs go to
    the node of lower degree first (a hub put back early joins everything it touches later),
    then at random, so repeated calls give different plans. Returns the number still removed.
    """
    indptr, indices, w = g
    n = removed.shape[0]
    parent = np.arange(n)
    us = w.copy()
    uq = w * w
    seen = np.zeros(n, np.int64)
    for u in range(n):
        if not removed[u]:
            for e in range(indptr[u], indptr[u + 1]):
                a = indices[e]
                if not removed[a]:
                    _union(parent, us, uq, u, a)
    heap = [(0.0, 0.0, 0, 0.0, 0)]
    heap.pop()
    count = 0
    tick = 0
    for v in range(n):
        if removed[v]:
            count += 1
            if not fixed[v]:
                tick += 1
                d, s = _join_cost(v, indptr, indices, removed, parent, us, uq, seen, tick, w[v])
                a, b = (s, d) if lcc_mode else (d, 0.0)
                deg = indptr[v + 1] - indptr[v]
                heapq.heappush(heap, (a, b, deg, np.random.random(), v))
    while count > k and len(heap) > 0:
        a, b, deg, r, v = heapq.heappop(heap)
        tick += 1
        d, s = _join_cost(v, indptr, indices, removed, parent, us, uq, seen, tick, w[v])
        a2, b2 = (s, d) if lcc_mode else (d, 0.0)
        if a2 > a + 1e-9 or (a2 > a - 1e-9 and b2 > b + 1e-9):
            heapq.heappush(heap, (a2, b2, deg, r, v))
            continue
        removed[v] = False
        count -= 1
        for e in range(indptr[v], indptr[v + 1]):
            x = indices[e]
            if not removed[x]:
                _union(parent, us, uq, v, x)
    return count


@njit(cache=True, nogil=True)
def _union(parent, us, uq, a, b):  # type: ignore[no-untyped-def]
    """Merge the sets of a and b, keeping weight and squared-weight sums at the root."""
    ra = find(parent, a)
    rb = find(parent, b)
    if ra == rb:
        return
    if us[ra] < us[rb]:
        ra, rb = rb, ra
    parent[rb] = ra
    us[ra] += us[rb]
    uq[ra] += uq[rb]


@njit(cache=True, nogil=True)
def remove_by_degree(count, removed, forbidden, indptr, indices):  # type: ignore[no-untyped-def]
    """Remove nodes of highest residual degree (adaptive, lazy heap) until count are removed."""
    n = removed.shape[0]
    deg = np.zeros(n, np.int64)
    heap = [(0, 0.0, 0)]
    heap.pop()
    have = 0
    for v in range(n):
        if removed[v]:
            have += 1
            continue
        for e in range(indptr[v], indptr[v + 1]):
            if not removed[indices[e]]:
                deg[v] += 1
        if not forbidden[v]:
            heapq.heappush(heap, (-deg[v], np.random.random(), v))
    while have < count and len(heap) > 0:
        d, r, v = heapq.heappop(heap)
        if removed[v]:
            continue
        if -d != deg[v]:
            heapq.heappush(heap, (-deg[v], r, v))
            continue
        removed[v] = True
        have += 1
        for e in range(indptr[v], indptr[v + 1]):
            deg[indices[e]] -= 1
    return have
