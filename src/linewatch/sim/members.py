"""Customers' membership of lines over time: which line, from when to when, how often."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from linewatch.sim.arrays import DAY, FloatArr, IntArr, csr
from linewatch.sim.calendar import Calendar
from linewatch.sim.cast import Layout
from linewatch.sim.lines import Lines
from linewatch.sim.params import ScenarioParams
from linewatch.sim.people import CUSTOMER, People

CHURN_DAYS = 150.0  # mean days a customer keeps buying from a line


@dataclass(frozen=True, eq=False)
class Members:
    """Memberships sorted by line (CSR `offsets`); a customer's number index is its person index."""

    customer: IntArr
    line: IntArr
    start: IntArr
    end: IntArr
    rate: FloatArr  # mean orders per day
    offsets: IntArr


def build_members(
    p: ScenarioParams,
    cal: Calendar,
    people: People,
    lines: Lines,
    lay: Layout,
    rng: np.random.Generator,
) -> Members:
    """Initial customers, recruits, customers shared with a second line, and losses at swaps."""
    cust = np.flatnonzero(people.role == CUSTOMER).astype(np.int64)
    line = people.line[cust]
    first = np.searchsorted(line, line)  # customers of a line are contiguous, lines in order
    initial = (np.arange(cust.size) - first) < p.customers_per_line
    shared = rng.random(cust.size) < p.shared_customers
    other = _other_line(line[shared], lay, rng)
    ok = other >= 0
    cust = np.concatenate([cust, cust[shared][ok]])
    line = np.concatenate([line, other[ok]])
    initial = np.concatenate([initial, np.zeros(int(ok.sum()), dtype=bool)])
    lo, hi = lines.active_from[line], lines.active_to[line]
    start = np.where(initial, lo, lo + (rng.random(line.size) * (hi - lo)).astype(np.int64))
    end = np.minimum(start + rng.exponential(CHURN_DAYS * DAY, line.size).astype(np.int64), hi)
    end = _losses_at_swaps(p, lines, line, start, end, rng)
    rate = p.orders_per_customer_day * np.exp(rng.normal(-0.5, 1.0, line.size))
    order, offsets = csr(line, lines.n)
    return Members(cust[order], line[order], start[order], end[order], rate[order], offsets)


def _other_line(line: IntArr, lay: Layout, rng: np.random.Generator) -> IntArr:
    """Another line supplying the same market area, or -1 where there is none."""
    areas = sorted(set(lay.market))
    markets = np.array([areas.index(m) for m in lay.market])
    out = np.full(line.size, -1, dtype=np.int64)
    for i, own in enumerate(line):
        rivals = np.flatnonzero((markets == markets[own]) & (np.arange(markets.size) != own))
        if rivals.size:
            out[i] = rivals[rng.integers(0, rivals.size)]
    return out


def _losses_at_swaps(
    p: ScenarioParams,
    lines: Lines,
    line: IntArr,
    start: IntArr,
    end: IntArr,
    rng: np.random.Generator,
) -> IntArr:
    """At each number swap some customers do not follow the line to its new number."""
    end = end.copy()
    swaps = np.flatnonzero(lines.seg_cause > 0)
    order, offsets = csr(line, lines.n)
    for s in swaps:
        t = lines.seg_end[s - 1]
        idx = order[offsets[lines.seg_line[s]] : offsets[lines.seg_line[s] + 1]]
        lose = idx[(start[idx] < t) & (end[idx] > t) & (rng.random(idx.size) >= p.migrate)]
        end[lose] = t
    return end
