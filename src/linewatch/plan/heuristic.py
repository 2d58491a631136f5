"""Anytime heuristic for the critical node problem: greedy cut-vertex starts, memetic search."""

from __future__ import annotations

import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray

from linewatch.config import Settings
from linewatch.plan import kernels, search_kernels
from linewatch.plan.graph import Graph
from linewatch.plan.problem import Problem, masks
from linewatch.plan.separators import Separators

CHUNK_SECONDS = 0.05
OVERSHOOT = (1.2, 3.0)  # degree starts remove this many times k before reinsertion
TRIES = 6  # greedy starts built per pool member; the best is improved (they cost O(m log n))
# Chance that a removal takes the oldest of 8 sampled members, not the best cut: worker i uses
# AGE_SHARES[i % 2]. Neither share is best everywhere (20 s runs: 0.8 on the Hamilton graphs,
# 0.3 on WS250, ER466, hepth), so two workers run one of each.
AGE_SHARES = (0.8, 0.3)
STALL = 20  # idle exchange steps per removed node before a search stops
RESTART_STALL = 5  # idle steps per removed node before a restarting search perturbs its best
DESCENT_STALL = 5  # idle steps per removed node before a split-descent search stops
CUT_START_WORK = 1e7  # edges * k up to which the cut-vertex greedy start is built
SLOW_SHARE = 0.25  # of the time limit: a pool not built by then gives way to one long search
RESTART_SHARE = 0.05  # of the time limit: a local search still running then starts perturbing
PATIENCE = 3  # perturbations with no new best after which a restarting search gives way
SPLIT_TRIES = 2  # best-repaired separator moves searched per round of the split descent
SPLIT_CAP = 3  # a separator holds at most k / SPLIT_CAP nodes
QUALITY_WEIGHT = 0.6  # of a pool member's goodness; the rest is its distance to the others


@dataclass(frozen=True)
class Found:
    """Best removal set found by the heuristic, its scores and how many exchange steps it took."""

    removed: tuple[int, ...]
    pairwise: float
    lcc: float
    steps: int


class _State:
    """Arrays the kernels share: residual graph labels, sums, scratch and search scalars."""

    def __init__(self, graph: Graph, w: NDArray[np.float64]) -> None:
        n = graph.n
        self.g = (graph.indptr, graph.indices, w)
        self.removed = np.zeros(n, dtype=np.bool_)
        self.label = np.full(n, -1, dtype=np.int64)
        self.sc = np.zeros(4, dtype=np.int64)
        self.st = (
            self.removed,
            self.label,
            np.zeros(n, np.int64),
            np.zeros(n),
            np.zeros(n),
            np.zeros(n, np.int64),
            np.zeros((n, 5), np.int64),
            np.zeros((n, 6)),
            np.zeros(n),
            np.zeros(n),
            self.sc,
            np.zeros((5, n), np.int64),
        )

    def load(self, removed: Sequence[int]) -> NDArray[np.float64]:
        """Make `removed` the current solution; returns [pairwise, lcc]."""
        self.removed[:] = False
        self.removed[list(removed)] = True
        self.sc[0] += 1
        indptr, indices, w = self.g
        _, label, mark, cw, cq, queue = self.st[:6]
        pairwise = kernels.label_all(
            indptr, indices, self.removed, w, label, mark, self.sc[0], cw, cq, queue
        )
        return np.array([pairwise, search_kernels.largest(self.removed, label, cw)])


@dataclass
class _Search:
    """One run of the memetic search: shared state, masks, budget and deadline."""

    state: _State
    k: int
    lcc_mode: bool
    forbidden: NDArray[np.bool_]
    fixed: NDArray[np.bool_]
    deadline: float
    age_share: float
    separators: Separators
    steps: int = 0

    def fill(self, chosen: Sequence[int]) -> list[int]:
        """Repair a node set to exactly k: greedy cuts when short, cheapest returns when over."""
        n = len(self.state.removed)
        self.state.load(chosen)
        sol = np.zeros(n + 1, dtype=np.int64)
        sol[: len(chosen)] = chosen
        nsol = search_kernels.greedy_fill(
            self.k,
            sol,
            len(chosen),
            self.lcc_mode,
            self.forbidden,
            self.state.g,
            self.state.st,
            np.ones(n, np.bool_),
            np.full(n, -1, np.int64),
            np.zeros(n),
        )
        nsol = search_kernels.greedy_return(
            self.k, sol, nsol, self.lcc_mode, self.fixed, self.state.g, self.state.st
        )
        return [int(v) for v in sol[:nsol]]

    def key(self, removed: Sequence[int]) -> tuple[float, ...]:
        """Sort key of a plan under the objective (lcc first in lcc mode)."""
        val = self.state.load(removed)
        return _rank(val[0], val[1], self.lcc_mode)

    def reinsert(self, overshoot: float | None) -> list[int]:
        """A start: remove every node (or overshoot * k by adaptive degree), put back to k.

        Greedy reinsertion as in dismantling (Braunstein et al. 2016, "Network dismantling",
        PNAS 113:12368): cheap (lazy heap, union-find) and randomised by its tie-breaks.
        """
        removed = self.fixed.copy()
        if overshoot is None:
            removed |= ~self.forbidden
        else:
            indptr, indices, _ = self.state.g
            count = min(len(removed), int(overshoot * self.k))
            search_kernels.remove_by_degree(count, removed, self.forbidden, indptr, indices)
        search_kernels.reinsert(self.k, removed, self.fixed, self.lcc_mode, self.state.g)
        return self.fill(np.flatnonzero(removed).tolist())

    def improve(
        self,
        start: list[int],
        restart_in: float = np.inf,
        patience: float = np.inf,
        stall: int = STALL,
        keep: Sequence[int] = (),
    ) -> tuple[NDArray[np.float64], list[int]]:
        """Exchange search from start until idle (restarting: `patience` perturbations in vain).

        `stall` idle steps per removed node end it; removed nodes in `keep` never come back.

        A search still running `restart_in` seconds after it began turns into a restarting one,
        which perturbs its best plan after RESTART_STALL idle steps per removed node: on hepph a
        plain search from a greedy start was still creeping down after 30 s (1.81 times the best
        known value), while perturbing from 3 s on reached 0.86-0.94 in 60 s with the descent.
        """
        n = len(self.state.removed)
        fixed = self.fixed.copy()
        fixed[list(keep)] = True
        restart_at = time.perf_counter() + restart_in
        val = self.state.load(start)
        best = val.copy()
        sol = np.zeros(n + 1, dtype=np.int64)
        sol[: len(start)] = start
        best_sol = sol.copy()
        nsol = len(start)
        self.state.sc[1:] = (0, 0, _stall(stall, nsol))
        tabus = (np.zeros(n, np.int64), np.zeros(n, np.int64))
        strength = max(2.0, nsol / 25)
        tenure = max(3.0, min(15.0, nsol / 10))
        params = np.array([tenure, self.age_share, 0.0, 1.0])
        restarts, chunk = False, 16
        last_best, best_at = _rank(best[0], best[1], self.lcc_mode), 0
        while time.perf_counter() < self.deadline and nsol > 0 and best[0] > 1e-9:
            began = time.perf_counter()
            before = self.state.sc[1]
            search_kernels.search(
                chunk,
                sol,
                nsol,
                self.lcc_mode,
                self.forbidden,
                fixed,
                tabus,
                params,
                self.state.g,
                self.state.st,
                val,
                best,
                best_sol,
            )
            if not restarts and time.perf_counter() > restart_at:
                restarts, params[2] = True, strength
                self.state.sc[3] = _stall(RESTART_STALL, nsol)
            if self.state.sc[1] - before < chunk and not restarts:
                break
            now = _rank(best[0], best[1], self.lcc_mode)
            if now < last_best:
                last_best, best_at = now, self.state.sc[1]
            elif restarts and self.state.sc[1] - best_at > patience * self.state.sc[3]:
                break
            spent = time.perf_counter() - began
            chunk = int(max(1, min(chunk * 4, chunk * CHUNK_SECONDS / max(spent, 1e-6))))
        self.steps += int(self.state.sc[1])
        return best, [int(v) for v in best_sol[:nsol]]

    def recombine(
        self, child: list[int], common: Sequence[int]
    ) -> tuple[NDArray[np.float64], list[int]]:
        """Reduce-solve-combine: search with the parents' common nodes held removed, then all.

        After IRMS (Zhou, Li, Hao & Glover 2023): the nodes both parents remove reduce the
        instance, so the first search moves only the child's other nodes and each step prices
        a fraction of the returns; a search of the whole problem then polishes the result.
        60 s, seeds 1-5: ER2344 mean gap 5.01% -> 3.41%, hepth 5.5% -> 4.1% (with the
        shorter split descent).
        """
        _, reduced = self.improve(child, keep=common)
        return self.improve(reduced)

    def descend(
        self, val: NDArray[np.float64], sol: list[int]
    ) -> tuple[NDArray[np.float64], list[int]]:
        """Split descent: remove a separator of a large component, repair to k, search; repeat.

        The move an exchange search cannot make (see `separators`). Each round repairs every
        candidate (cheapest returns), searches from the SPLIT_TRIES best and keeps the first
        that beats the plan; it stops when none does. Facebook (k = 404): 1.57 -> 0.93 times
        the best known value in 13 s from the plan a 30 s exchange search had stalled on.
        """
        cap = max(1, self.k // SPLIT_CAP)
        while time.perf_counter() < self.deadline:
            self.state.load(sol)
            found = self.separators.candidates(self.state.removed, self.forbidden, cap)
            starts = [self.fill(sorted({*sol, *sep})) for sep in found]
            ranked = sorted(starts, key=self.key)[:SPLIT_TRIES]
            for start in ranked:
                got, plan = self.improve(start, stall=DESCENT_STALL)
                if _rank(got[0], got[1], self.lcc_mode) < _rank(val[0], val[1], self.lcc_mode):
                    val, sol = got, plan
                    break
            else:
                break
        return val, sol


def _stall(per_node: int, nsol: int) -> int:
    """Idle steps before a search stops, or, restarting, perturbs its best plan."""
    return max(1000, per_node * nsol)


def _rank(pairwise: float, lcc: float, lcc_mode: bool) -> tuple[float, ...]:
    """Sort key of a plan under the objective: largest component first in lcc mode."""
    return (lcc, pairwise) if lcc_mode else (pairwise,)


def _crossover(a: list[int], b: list[int], rng: np.random.Generator) -> tuple[list[int], list[int]]:
    """Double-backbone crossover: keep the nodes both parents remove, each other one with p=1/2.

    Returns the child and the parents' common nodes (a child's search holds them removed)."""
    common = sorted(set(a) & set(b))
    rest = sorted(set(a) ^ set(b))
    return common + [v for v in rest if rng.random() < 0.5], common


def solve(
    graph: Graph,
    problem: Problem,
    time_limit: float,
    *,
    seed: int = 0,
    starts: Sequence[Sequence[int]] = (),
    pool_size: int = 8,
    workers: int | None = None,
) -> Found:
    """Best plain-problem removal set found within time_limit seconds (memetic search).

    A pool of locally optimal solutions (greedy + exchange search) is recombined by
    double-backbone crossover and repaired, after Zhou, Hao & Glover (MACNP, 2019), and each
    child searched reduce-solve-combine (IRMS, Zhou, Li, Hao & Glover 2023); `starts`
    (e.g. centrality strategies) join the pool so the result is never worse than any of them.
    `workers` independent searches (default: the threads setting, one per core) run side by
    side, each from its own seed and age share (the kernels release the GIL), and the best
    plan wins: single runs vary by several percent on hard graphs, and the best of two less.
    """
    count = max(1, workers or Settings().threads)
    began = time.perf_counter()

    def one(i: int) -> Found:
        share = AGE_SHARES[i % len(AGE_SHARES)]
        return _memetic(
            graph, problem, began, time_limit, seed + 7919 * i, share, starts, pool_size
        )

    if count == 1:
        return one(0)
    with ThreadPoolExecutor(max_workers=count) as threads:
        runs = list(threads.map(one, range(count)))
    lcc_mode = problem.objective == "lcc"
    best = min(runs, key=lambda f: _rank(f.pairwise, f.lcc, lcc_mode))
    return replace(best, steps=sum(f.steps for f in runs))


def _search_for(graph: Graph, problem: Problem, deadline: float, age_share: float) -> _Search:
    """A search of problem on graph until deadline, with its masks and budget."""
    forbidden, fixed = masks(problem, graph.n)
    return _Search(
        _State(graph, problem.weight_array(graph.n)),
        min(int(problem.budget), int((~forbidden).sum())),
        problem.objective == "lcc",
        forbidden,
        fixed,
        deadline,
        age_share,
        Separators(graph.indptr, graph.indices),
    )


def _memetic(
    graph: Graph,
    problem: Problem,
    began: float,
    time_limit: float,
    seed: int,
    age_share: float,
    starts: Sequence[Sequence[int]],
    pool_size: int,
) -> Found:
    """One memetic search from seed, until began + time_limit."""
    run = _search_for(graph, problem, began + time_limit, age_share)
    forbidden, deadline = run.forbidden, run.deadline
    search_kernels.seed_rng(seed)
    rng = np.random.default_rng(seed)
    pinned = sorted(problem.include)
    pool: list[tuple[tuple[float, ...], list[int]]] = []
    seeds = [[*pinned, *s] for s in starts]
    if graph.indptr[-1] // 2 * run.k <= CUT_START_WORK:
        seeds.append(pinned)  # cut-vertex greedy from the full graph: a good start when cheap
    long_after = began + SLOW_SHARE * time_limit
    restart_in = RESTART_SHARE * time_limit
    offers = 0
    for start in seeds:
        chosen = [v for v in dict.fromkeys(start) if not forbidden[v]]
        _offer(pool, run, run.fill(chosen), 99, restart_in, PATIENCE)
        offers += 1
    while not pool or (len(pool) < pool_size and time.perf_counter() < deadline):
        if pool and time.perf_counter() > long_after:
            break
        tries = [run.reinsert(rng.uniform(*OVERSHOOT) if t else None) for t in range(TRIES)]
        _offer(pool, run, min(tries, key=run.key), pool_size, restart_in, PATIENCE)
        offers += 1
    while offers == 1 and time.perf_counter() < deadline and pool[0][0][0] > 1e-9:
        _offer(pool, run, pool[0][1], 1, 0.0, PATIENCE)  # one search took it all: restart it
    while time.perf_counter() < deadline and pool[0][0][0] > 1e-9 and len(pool) > 1:
        i, j = rng.choice(len(pool), size=2, replace=False)
        crossed, common = _crossover(pool[i][1], pool[j][1], rng)
        child = run.fill([*pinned, *crossed])
        kept = set(child)
        _offer(pool, run, child, pool_size, common=[v for v in common if v in kept])
    best = pool[0][1]
    score = run.state.load(best)
    return Found(tuple(sorted(best)), float(score[0]), float(score[1]), run.steps)


def _offer(
    pool: list[tuple[tuple[float, ...], list[int]]],
    run: _Search,
    start: list[int],
    size: int,
    restart_in: float = np.inf,
    patience: float = np.inf,
    common: Sequence[int] | None = None,
) -> None:
    """Improve start by local search (a child: `recombine`) and split descent, then pool it.

    It joins the pool if it is new; `common` holds the nodes of a child both parents remove.
    """
    if common is None:
        got = run.improve(start, restart_in, patience)
    else:
        got = run.recombine(start, common)
    val, sol = run.descend(*got)
    key = _rank(float(val[0]), float(val[1]), run.lcc_mode)
    if any(set(sol) == set(other) for _, other in pool):
        return
    pool.append((key, sol))
    while len(pool) > size:
        del pool[_least_good(pool)]
    pool.sort(key=lambda item: item[0])


def _least_good(pool: list[tuple[tuple[float, ...], list[int]]]) -> int:
    """Index of the member to drop: worst by rank of quality and of distance to the rest.

    The pool update of MACNP (Zhou, Hao & Glover 2019): each member's goodness mixes its rank
    by objective (share QUALITY_WEIGHT) with its rank by distance (removed nodes not shared)
    to its nearest other member; the best plan always stays. Dropping plainly the worst let
    the pool collapse onto one basin: on WS1000 (60 s, seeds 1-3) the gap went from 4.9-14.6%
    to 2.0-4.5%.
    """
    sets = [set(sol) for _, sol in pool]
    near = [min(len(a ^ b) for j, b in enumerate(sets) if j != i) for i, a in enumerate(sets)]
    by_quality = sorted(range(len(pool)), key=lambda i: pool[i][0])
    by_distance = sorted(range(len(pool)), key=lambda i: -near[i])
    rank_q = {i: r for r, i in enumerate(by_quality)}
    rank_d = {i: r for r, i in enumerate(by_distance)}
    return max(
        by_quality[1:],
        key=lambda i: QUALITY_WEIGHT * rank_q[i] + (1 - QUALITY_WEIGHT) * rank_d[i],
    )
