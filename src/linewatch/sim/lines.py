"""Line timelines: deal numbers and handsets over time, flares, runner rotas, trap houses, raids."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from linewatch.sim.arrays import DAY, BoolArr, FloatArr, IntArr, pack
from linewatch.sim.calendar import Calendar
from linewatch.sim.params import ScenarioParams

# Why a deal number started: the line's first number, a planned change, a block, a police raid.
CAUSES = ("initial", "planned", "block", "operation")
FLARE, ANNOUNCE, FAREWELL = 0, 1, 2


@dataclass(frozen=True)
class LineCast:
    """The people of one line (person indices), decided before the timeline."""

    holder: int
    controller: int
    runners: tuple[int, ...]
    residents: tuple[int, ...]  # cuckooed residents, in order of use


@dataclass
class _Acc:
    """Accumulates the per-line timeline rows before they become arrays."""

    seg: list[tuple[int, int, int, int]]  # line, start, end, cause
    hs: list[tuple[int, int]]  # line, start
    flares: list[tuple[int, int, int, int, int]]  # line, t, segment, ref time, kind


@dataclass(frozen=True, eq=False)
class Lines:
    """Every line's timeline as arrays (segments and handsets sorted by line, then start)."""

    n: int
    cast: tuple[LineCast, ...]
    active_from: IntArr
    active_to: IntArr
    seg_line: IntArr
    seg_start: IntArr
    seg_end: IntArr
    seg_cause: IntArr
    seg_packed: IntArr  # (line, start) packed for lookups
    hs_line: IntArr
    hs_start: IntArr
    flare_line: IntArr
    flare_t: IntArr
    flare_seg: IntArr
    flare_ref: IntArr
    flare_kind: IntArr
    duty: IntArr  # (lines, days): person index of the runner in the market, -1 none
    graft: BoolArr  # (lines, days): the deal phone travels with the runner that day
    trap: IntArr  # (lines, days): cuckooed resident whose home is the trap house
    day_mult: FloatArr  # (lines, days): busy and quiet days
    op_day: IntArr  # -1: no operation
    op_time: IntArr
    op_runner: IntArr
    holder_arrested: BoolArr


def build_lines(
    p: ScenarioParams, cal: Calendar, cast: list[LineCast], rng: np.random.Generator
) -> Lines:
    """Draw each line's activity, swaps, flares, rota and trap houses."""
    n, days = len(cast), cal.days
    acc = _Acc([], [], [])
    duty = np.full((n, days), -1, dtype=np.int64)
    graft = np.zeros((n, days), dtype=bool)
    trap = np.zeros((n, days), dtype=np.int64)
    ops = _operations(p, cal, n, rng)
    active_from = np.where(rng.random(n) < 0.15, (rng.uniform(0.1, 0.5, n) * cal.span), 0)
    active_from = np.where(ops[0] >= 0, 0, active_from).astype(np.int64)
    active_to = np.where(ops[2], ops[1], cal.span).astype(np.int64)
    op_runner = np.full(n, -1, dtype=np.int64)
    for line in range(n):
        swaps = _swap_times(p, cal, int(active_from[line]), int(active_to[line]), rng)
        if ops[0][line] >= 0 and not ops[2][line]:
            # the raid forces a swap; no other swap within a day of it
            raid = int(ops[1][line])
            swaps = [s for s in swaps if abs(s[0] - raid) > DAY] + [(raid, 3)]
        first_seg = len(acc.seg)
        _number_segments(
            p, line, sorted(swaps), int(active_from[line]), int(active_to[line]), acc, rng
        )
        _flares(p, cal, line, first_seg, acc, rng)
        first_day = int(cal.day_of(np.array([active_from[line]]))[0])
        last_day = int(cal.day_of(np.array([active_to[line] - 1]))[0])
        op_runner[line] = _rota(
            p, cast[line], first_day, last_day, int(ops[0][line]), duty[line], graft[line], rng
        )
        _trap_houses(p, cast[line], trap[line], rng)
    seg = np.array(acc.seg, dtype=np.int64).reshape(-1, 4)
    hs = np.array(acc.hs, dtype=np.int64).reshape(-1, 2)
    fl = np.array(acc.flares, dtype=np.int64).reshape(-1, 5)
    fl = fl[np.lexsort((fl[:, 1], fl[:, 0]))]
    return Lines(
        n,
        tuple(cast),
        active_from,
        active_to,
        seg[:, 0],
        seg[:, 1],
        seg[:, 2],
        seg[:, 3],
        pack(seg[:, 0], seg[:, 1]),
        hs[:, 0],
        hs[:, 1],
        fl[:, 0],
        fl[:, 1],
        fl[:, 2],
        fl[:, 3],
        fl[:, 4],
        duty,
        graft,
        trap,
        np.exp(rng.normal(0.0, 0.3, size=(n, days))),
        ops[0],
        ops[1],
        op_runner,
        ops[2],
    )


def _operations(
    p: ScenarioParams, cal: Calendar, n: int, rng: np.random.Generator
) -> tuple[IntArr, IntArr, BoolArr]:
    """(day, time, holder arrested) of a dawn raid on a share of the lines."""
    k = min(n, max(round(p.operations * n), 1)) if p.operations > 0 else 0
    chosen = rng.permutation(n)[:k]
    day = np.full(n, -1, dtype=np.int64)
    day[chosen] = rng.integers(int(cal.days * 0.4), max(int(cal.days * 0.85), 1), size=k)
    t = np.where(
        day >= 0, cal.day_start[np.maximum(day, 0)] + 6 * 3600 + rng.integers(0, 5400, n), -1
    )
    holder = np.zeros(n, dtype=bool)
    holder[chosen] = rng.random(k) < 0.35
    return day, t.astype(np.int64), holder


def _swap_times(
    p: ScenarioParams, cal: Calendar, start: int, end: int, rng: np.random.Generator
) -> list[tuple[int, int]]:
    """Times of number swaps (a Poisson process) with their cause: planned or block [S27]."""
    out: list[tuple[int, int]] = []
    t = start + rng.exponential(p.number_swap_days * DAY)
    while t < end - DAY:
        cause = 2 if rng.random() < p.block_share else 1
        out.append((int(t), cause))
        t += rng.exponential(p.number_swap_days * DAY) + DAY
    return out


def _number_segments(
    p: ScenarioParams,
    line: int,
    swaps: list[tuple[int, int]],
    start: int,
    end: int,
    acc: _Acc,
    rng: np.random.Generator,
) -> None:
    """One segment per number; new handset at some swaps and at independent handset swaps."""
    seg_start, cause = start, 0
    hs_times = [start]
    t = start + rng.exponential(p.handset_swap_days * DAY)
    while t < end:
        hs_times.append(int(t))
        t += rng.exponential(p.handset_swap_days * DAY)
    for swap_t, swap_cause in swaps:
        acc.seg.append((line, seg_start, swap_t, cause))
        seg_idx = len(acc.seg) - 1
        if swap_cause == 1:  # planned: the old number says goodbye shortly before it stops
            acc.flares.append(
                (line, swap_t - int(rng.integers(300, 3600)), seg_idx, swap_t - 3600, FAREWELL)
            )
        gap = rng.integers(600, 3600) if swap_cause >= 2 else rng.integers(0, 6 * 3600)
        seg_start, cause = swap_t + int(gap), swap_cause
        acc.flares.append(
            (line, seg_start + int(rng.integers(120, 1800)), seg_idx + 1, swap_t - 1, ANNOUNCE)
        )
        if swap_cause == 3 or rng.random() >= p.keep_handset_on_swap:
            hs_times.append(seg_start)
    acc.seg.append((line, seg_start, end, cause))
    acc.hs.extend((line, ht) for ht in sorted(set(hs_times)))


def _flares(
    p: ScenarioParams, cal: Calendar, line: int, first_seg: int, acc: _Acc, rng: np.random.Generator
) -> None:
    """Marketing flares during each number's life, mostly around midday to evening [S8][S10]."""
    for idx in range(first_seg, len(acc.seg)):
        _, start, end, _ = acc.seg[idx]
        n = rng.poisson(max(end - start, 0) / DAY / p.flare_every_days)
        for _ in range(int(n)):
            t = int(rng.integers(start, max(end - 1, start + 1)))
            day = int(cal.day_of(np.array([t]))[0])
            t = int(cal.day_start[day]) + int(rng.integers(11 * 3600, 21 * 3600))
            if start <= t < end:
                acc.flares.append((line, t, idx, t, FLARE))


def _rota(
    p: ScenarioParams,
    cast: LineCast,
    first: int,
    last: int,
    op_day: int,
    duty: IntArr,
    graft: BoolArr,
    rng: np.random.Generator,
) -> int:
    """Runner trips of 2-9 days in turn; the runner on duty at a raid is arrested, not reused."""
    d, k, arrested = first, int(rng.integers(0, len(cast.runners))), -1
    while d <= last:
        pool = [r for r in cast.runners if r != arrested]
        runner = pool[k % len(pool)]
        k += 1
        length = int(rng.integers(2, 10))
        end = min(d + length, last + 1)
        if op_day >= 0 and d <= op_day < end and arrested < 0:
            arrested, end = runner, op_day + 1
        duty[d:end] = runner
        graft[d:end] = rng.random() < p.graft_in_market
        # now and then a day with nobody out, but never the day of a raid
        d = end + int(rng.random() < 0.2 and end != op_day)
    return arrested


def _trap_houses(p: ScenarioParams, cast: LineCast, trap: IntArr, rng: np.random.Generator) -> None:
    """Cuckooed addresses used in turn, each for a few weeks [S30]."""
    d, i = 0, 0
    while d < trap.size:
        length = max(3, int(rng.exponential(p.trap_house_days)))
        trap[d : d + length] = cast.residents[min(i, len(cast.residents) - 1)]
        d, i = d + length, i + 1
