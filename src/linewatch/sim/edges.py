"""Standing relationships between numbers, each with a kind and a daily rate of contact.

Only relationships with at least one obtained end can produce records, so social ties are drawn
from the obtained side: the cost follows the number of records, not the size of the population.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from linewatch.sim.arrays import STREAM_EDGES, FloatArr, IntArr, csr, rng_for
from linewatch.sim.behaviours import K_BOSS, K_CREW, K_SOCIAL, K_TAKEAWAY, K_TAXI, zipf_weights
from linewatch.sim.people import CUSTOMER, HEAVY
from linewatch.sim.world import N_TAKEAWAY, N_TAXI, World

LOCAL_CONTACTS = 0.7  # share of a person's contacts living in the same place
CIRCLE_CONTACTS = 0.2  # share of a customer's contacts who buy from the same line
MEAN_ACTIVITY = 7.0  # calls and texts per day of an ordinary person
HEAVY_ACTIVITY = 60.0  # ... of a heavy social user


@dataclass(frozen=True, eq=False)
class Edges:
    """Relationships a-b of a kind with a daily rate; `line` is set for the crew's business."""

    a: IntArr
    b: IntArr
    kind: IntArr
    rate: FloatArr
    line: IntArr


def build_edges(w: World) -> Edges:
    """Social ties of obtained people, business customers, and each line's crew ties."""
    rng = rng_for(w.seed, STREAM_EDGES)
    parts = [_social(w, rng), _business(w, rng), _crew(w, rng)]
    return Edges(*(np.concatenate([p[i] for p in parts]) for i in range(5)))


def _social(w: World, rng: np.random.Generator) -> tuple[IntArr, IntArr, IntArr, FloatArr, IntArr]:
    pe = w.people
    ego = np.flatnonzero(w.numbers.obtained[: pe.n])
    if ego.size == 0:
        e = np.empty(0, dtype=np.int64)
        return e, e, e, np.empty(0), e
    heavy = pe.kind[ego] == HEAVY
    deg = 4 + rng.poisson(7, ego.size) + np.where(heavy, 25, 0)
    a = np.repeat(ego, deg)
    rank = np.arange(a.size) - np.repeat(np.cumsum(deg) - deg, deg)
    order, offsets = csr(pe.place, len(w.cells.places))
    place = pe.place[a]
    lo, n_here = offsets[place], offsets[place + 1] - offsets[place]
    local = order[lo + (rng.random(a.size) * n_here).astype(np.int64)]
    anywhere = rng.integers(0, pe.n, a.size)
    b = np.where(rng.random(a.size) < LOCAL_CONTACTS, local, anywhere)
    circle = (pe.role[a] == CUSTOMER) & (rng.random(a.size) < CIRCLE_CONTACTS)
    b[circle] = _same_line_customer(w, a[circle], rng)
    b = np.where(b == a, (b + 1) % pe.n, b)
    activity = np.where(heavy, HEAVY_ACTIVITY, MEAN_ACTIVITY) * np.exp(
        rng.normal(-0.18, 0.6, ego.size)
    )
    w_rank = zipf_weights(rank)
    norm = np.repeat(np.add.reduceat(w_rank, np.cumsum(deg) - deg), deg)
    rate = np.repeat(activity, deg) * w_rank / norm
    return a, b, np.full(a.size, K_SOCIAL), rate, np.full(a.size, -1)


def _same_line_customer(w: World, who: IntArr, rng: np.random.Generator) -> IntArr:
    """Another customer of the same line (users know each other)."""
    cust = np.flatnonzero(w.people.role == CUSTOMER)
    line = w.people.line[cust]
    lo = np.searchsorted(line, w.people.line[who], side="left")
    hi = np.searchsorted(line, w.people.line[who], side="right")
    return cust[lo + (rng.random(who.size) * (hi - lo)).astype(np.int64)]


def _business(
    w: World, rng: np.random.Generator
) -> tuple[IntArr, IntArr, IntArr, FloatArr, IntArr]:
    """Obtained businesses get their whole clientele; obtained people call businesses too."""
    a_parts, b_parts, k_parts, r_parts = [], [], [], []
    for biz, place in zip(w.business, w.business_place, strict=True):
        kind = w.numbers.kind[biz]
        if kind not in (N_TAXI, N_TAKEAWAY) or not w.numbers.obtained[biz]:
            continue
        clients, per_day = (
            (2500, rng.uniform(150, 350)) if kind == N_TAXI else (1500, rng.uniform(60, 150))
        )
        here = np.flatnonzero(w.people.place == place)
        here = here if here.size else np.arange(w.people.n)
        pool = np.where(
            rng.random(clients) < 0.8,
            here[rng.integers(0, here.size, clients)],
            rng.integers(0, w.people.n, clients),
        )
        a_parts.append(pool)
        b_parts.append(np.full(clients, biz))
        k_parts.append(np.full(clients, K_TAXI if kind == N_TAXI else K_TAKEAWAY))
        r_parts.append(np.full(clients, per_day / clients))
    ego = np.flatnonzero(w.numbers.obtained[: w.people.n])
    for kind, k, share in ((N_TAXI, K_TAXI, 0.35), (N_TAKEAWAY, K_TAKEAWAY, 0.5)):
        firms = w.business[w.numbers.kind[w.business] == kind]
        users = ego[rng.random(ego.size) < share]
        a_parts.append(users)
        b_parts.append(firms[rng.integers(0, firms.size, users.size)])
        k_parts.append(np.full(users.size, k))
        r_parts.append(rng.uniform(0.02, 0.1, users.size))
    a = np.concatenate(a_parts).astype(np.int64)
    return (
        a,
        np.concatenate(b_parts).astype(np.int64),
        np.concatenate(k_parts).astype(np.int64),
        np.concatenate(r_parts),
        np.full(a.size, -1),
    )


def _crew(w: World, rng: np.random.Generator) -> tuple[IntArr, IntArr, IntArr, FloatArr, IntArr]:
    """Controller and line holder talk daily; the controller rarely calls a customer [S18]."""
    a, b, k, r, ln = [], [], [], [], []
    for line, cast in enumerate(w.lines.cast):
        a.append(cast.controller)
        b.append(cast.holder)
        k.append(K_CREW)
        r.append(4.0)
        ln.append(line)
        m = w.members
        cust = m.customer[m.offsets[line] : m.offsets[line + 1]]
        for c in rng.permutation(cust)[:3]:
            a.append(cast.controller)
            b.append(int(c))
            k.append(K_BOSS)
            r.append(0.03)
            ln.append(line)
    return (
        np.array(a, dtype=np.int64),
        np.array(b, dtype=np.int64),
        np.array(k, dtype=np.int64),
        np.array(r, dtype=float),
        np.array(ln, dtype=np.int64),
    )
