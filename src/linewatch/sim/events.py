"""One day's calls and messages, vectorised: standing relationships, orders and what follows them
(replies, relays to the runner, "outside" calls), the crew's daily contact, flares, bulk SMS.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from linewatch.sim.arrays import DAY, BoolArr, IntArr, segment_lookup
from linewatch.sim.behaviours import (
    CREW,
    DOW,
    K_ORDER,
    ORDER,
    P_A,
    PROFILE,
    burst_offsets,
    call_or_sms,
    durations,
    seconds_of_day,
)
from linewatch.sim.edges import Edges
from linewatch.sim.lines import ANNOUNCE
from linewatch.sim.world import N_BULK, World

STALE = 0.08  # chance an order in the two days after a swap still goes to the old number
P_REPLY, P_RELAY, P_CALLBACK = 0.6, 0.85, 0.3  # deal line texts back; relays to runner; "outside"
FLARE_GAP_S, BULK_GAP_S = 0.12, 0.05  # mean gap between messages of a burst [S10][S11]
# Daily contacts while a runner is on duty: (from, to, mean per day, share SMS).
DUTY = (
    ("controller", "runner", 2.5, 0.3),
    ("runner", "controller", 1.5, 0.8),
    ("holder", "runner", 1.0, 0.4),
    ("runner", "resident", 1.2, 0.3),
)


@dataclass(frozen=True, eq=False)
class Events:
    """Calls and messages: time, caller and callee number indices, kind, length, line (-1)."""

    t: IntArr
    caller: IntArr
    callee: IntArr
    sms: BoolArr
    dur: IntArr  # -1 for an SMS, 0 for a missed call
    line: IntArr


def concat(parts: list[Events]) -> Events:
    """All parts as one set of events."""
    return Events(
        *(
            np.concatenate([getattr(p, f) for p in parts])
            for f in ("t", "caller", "callee", "sms", "dur", "line")
        )
    )


def empty() -> Events:
    """No events."""
    z = np.empty(0, dtype=np.int64)
    return Events(z, z, z, np.empty(0, dtype=bool), z, z)


def day_events(w: World, edges: Edges, d: int, rng: np.random.Generator) -> Events:
    """Every event of local day d (unsorted)."""
    orders, derived = _orders(w, d, rng)
    return concat(
        [
            _standing(w, edges, d, rng),
            orders,
            *derived,
            _duty(w, d, rng),
            _flares(w, d, rng),
            _bulk(w, d, rng),
        ]
    )


def _standing(w: World, e: Edges, d: int, rng: np.random.Generator) -> Events:
    lam = e.rate * DOW[PROFILE[e.kind], w.cal.dow[d]]
    idx = np.repeat(np.arange(lam.size), rng.poisson(lam))
    kind = e.kind[idx]
    t = w.cal.day_start[d] + seconds_of_day(PROFILE[kind], rng)
    a_first = rng.random(idx.size) < P_A[kind]
    sms = call_or_sms(kind, rng)
    return Events(
        t,
        np.where(a_first, e.a[idx], e.b[idx]),
        np.where(a_first, e.b[idx], e.a[idx]),
        sms,
        durations(kind, sms, rng),
        e.line[idx],
    )


def _orders(w: World, d: int, rng: np.random.Generator) -> tuple[Events, list[Events]]:
    """Customers' orders to the line's current number, and the line's follow-up."""
    m, lines = w.members, w.lines
    day0, day1 = w.cal.day_start[d], w.cal.day_start[d + 1]
    act = np.flatnonzero((m.start < day1) & (m.end > day0))
    lam = m.rate[act] * DOW[ORDER, w.cal.dow[d]] * lines.day_mult[m.line[act], d]
    e = np.repeat(act, rng.poisson(lam))
    t = day0 + seconds_of_day(np.full(e.size, ORDER), rng)
    keep = (t >= m.start[e]) & (t < m.end[e])
    e, t = e[keep], t[keep]
    line, cust = m.line[e], m.customer[e]
    seg = segment_lookup(lines.seg_packed, line, t)
    prev_ok = (seg > 0) & (lines.seg_line[np.maximum(seg - 1, 0)] == line)
    stale = prev_ok & (t - lines.seg_start[seg] < 2 * DAY) & (rng.random(e.size) < STALE)
    seg = np.where(stale, seg - 1, seg)
    live = (t >= lines.seg_start[seg]) & (t < lines.seg_end[seg])
    deal = w.deal_base + seg
    kind = np.full(e.size, K_ORDER)
    sms = call_or_sms(kind, rng)
    dur = durations(kind, sms, rng)
    dur[~live & ~sms] = 0
    orders = Events(t, cust, deal, sms, dur, line)
    return orders, _follow_up(w, d, orders, live, rng)


def _follow_up(
    w: World, d: int, o: Events, live: BoolArr, rng: np.random.Generator
) -> list[Events]:
    runner = w.lines.duty[o.line, d]
    carried = w.lines.graft[o.line, d]
    n = o.t.size
    reply = live & o.sms & (rng.random(n) < P_REPLY)
    relay = live & (runner >= 0) & ~carried & (rng.random(n) < P_RELAY)
    back = live & (runner >= 0) & (rng.random(n) < P_CALLBACK)
    relay_sms = rng.random(int(relay.sum())) < 0.85
    out = [
        _simple(
            o.t[reply] + rng.integers(20, 300, int(reply.sum())),
            o.callee[reply],
            o.caller[reply],
            True,
            o.line[reply],
            rng,
        ),
        _simple(
            o.t[relay] + rng.integers(30, 400, relay_sms.size),
            o.callee[relay],
            runner[relay],
            relay_sms,
            o.line[relay],
            rng,
        ),
        _simple(
            o.t[back] + rng.integers(600, 2400, int(back.sum())),
            np.where(carried[back], o.callee[back], runner[back]),
            o.caller[back],
            False,
            o.line[back],
            rng,
        ),
    ]
    return out


def _simple(
    t: IntArr, a: IntArr, b: IntArr, sms: BoolArr | bool, line: IntArr, rng: np.random.Generator
) -> Events:
    """Short events a -> b: texts, or calls of 5-60 s."""
    is_sms = np.broadcast_to(np.asarray(sms, dtype=bool), t.shape).copy()
    dur = np.where(is_sms, -1, rng.integers(5, 60, t.size))
    return Events(t, a, b, is_sms, dur.astype(np.int64), line)


def _duty(w: World, d: int, rng: np.random.Generator) -> Events:
    """Controller, holder and runner keep in touch while a runner is out; trap-house calls."""
    on = np.flatnonzero(w.lines.duty[:, d] >= 0)
    who = {
        "controller": np.array([c.controller for c in w.lines.cast], dtype=np.int64),
        "holder": np.array([c.holder for c in w.lines.cast], dtype=np.int64),
        "runner": w.lines.duty[:, d],
        "resident": w.lines.trap[:, d],
    }
    parts = []
    for src, dst, mean, p_sms in DUTY:
        ln = np.repeat(on, rng.poisson(mean, on.size))
        t = w.cal.day_start[d] + seconds_of_day(np.full(ln.size, CREW), rng)
        parts.append(_simple(t, who[src][ln], who[dst][ln], rng.random(ln.size) < p_sms, ln, rng))
    return concat(parts)


def _flares(w: World, d: int, rng: np.random.Generator) -> Events:
    """Bulk marketing texts from the deal number to the line's customers, seconds apart."""
    lines, m = w.lines, w.members
    sel = np.flatnonzero(
        (lines.flare_t >= w.cal.day_start[d]) & (lines.flare_t < w.cal.day_start[d + 1])
    )
    parts = [empty()]
    for f in sel:
        line, ref = lines.flare_line[f], lines.flare_ref[f]
        block = slice(m.offsets[line], m.offsets[line + 1])
        cust = m.customer[block][(m.start[block] <= ref) & (m.end[block] > ref)]
        reach = 0.97 if lines.flare_kind[f] == ANNOUNCE else 0.92
        cust = np.unique(cust[rng.random(cust.size) < reach])
        cust = rng.permutation(cust)
        t = lines.flare_t[f] + burst_offsets(cust.size, FLARE_GAP_S, rng)
        parts.append(
            _simple(
                t,
                np.full(cust.size, w.deal_base + lines.flare_seg[f]),
                cust,
                True,
                np.full(cust.size, line),
                rng,
            )
        )
    return concat(parts)


def _bulk(w: World, d: int, rng: np.random.Generator) -> Events:
    """Appointment reminders: weekday bursts at 09:00 and 17:30 to people across the area."""
    dow = w.cal.dow[d]
    scale = 0.0 if dow == 6 else (0.4 if dow == 5 else 1.0)
    parts = [empty()]
    for sender in w.business[w.numbers.kind[w.business] == N_BULK]:
        for start in (9 * 3600, 17 * 3600 + 1800):
            k = int(rng.poisson(220 * scale))
            to = rng.integers(0, w.people.n, k)
            t = w.cal.day_start[d] + start + burst_offsets(k, BULK_GAP_S, rng)
            parts.append(_simple(t, np.full(k, sender), to, True, np.full(k, -1), rng))
            rep = rng.random(k) < 0.03
            parts.append(
                _simple(
                    t[rep] + rng.integers(60, 3600, int(rep.sum())),
                    to[rep],
                    np.full(int(rep.sum()), sender),
                    True,
                    np.full(int(rep.sum()), -1),
                    rng,
                )
            )
    return concat(parts)
