"""Which cell serves, and which handset holds, a number at a moment (vectorised over rows)."""

from __future__ import annotations

import numpy as np

from linewatch.sim.arrays import IntArr, segment_lookup
from linewatch.sim.runners import BACK, MARKET, OUT
from linewatch.sim.world import LOC_COMMUTER, LOC_DEAL, LOC_HOME, LOC_RUNNER, World

WANDER = 0.25  # chance a phone is served by another cell of the same town (moving about)
AT_TRAP = 0.65  # chance a runner in the market is at the trap house rather than out delivering
TRAVEL_S = 5400  # hub-market journey time (s)


def imeis_at(w: World, num: IntArr, t: IntArr) -> IntArr:
    """IMEI of the handset each number was in at each time."""
    h = w.handsets
    return h.imei[segment_lookup(h.packed, num, t)]


def cells_at(w: World, num: IntArr, t: IntArr, rng: np.random.Generator) -> IntArr:
    """Serving cell of each number at each time, by its location model."""
    day = w.cal.day_of(t)
    hour = w.cal.hour_of(t, day)
    loc = w.numbers.loc[num]
    out = w.numbers.home_cell[num].copy()
    m = loc == LOC_HOME
    out[m] = _home(w, num[m], day[m], hour[m], rng)
    m = loc == LOC_COMMUTER
    out[m] = _commuter(w, num[m], day[m], hour[m], rng)
    m = loc == LOC_RUNNER
    out[m] = _runner(w, w.numbers.person[num[m]], day[m], t[m], rng)
    m = loc == LOC_DEAL
    out[m] = _deal(w, num[m], day[m], t[m], rng)
    return out  # LOC_FIXED (businesses) keep their home cell


def _wander(w: World, cell: IntArr, rng: np.random.Generator) -> IntArr:
    move = rng.random(cell.size) < WANDER
    other = w.cells.random_cell(w.cells.place[cell], rng.random(cell.size))
    return np.where(move, other, cell)


def _home(w: World, num: IntArr, day: IntArr, hour: IntArr, rng: np.random.Generator) -> IntArr:
    """Home at night and weekends, the workplace on weekday working hours, wandering a little."""
    work = w.numbers.work_cell[num]
    at_work = (work >= 0) & (w.cal.dow[day] < 5) & (hour >= 9) & (hour < 17)
    return _wander(w, np.where(at_work, work, w.numbers.home_cell[num]), rng)


def _commuter(w: World, num: IntArr, day: IntArr, hour: IntArr, rng: np.random.Generator) -> IntArr:
    """Weekdays in London, on the train around 7-8 and 17-19, at home otherwise."""
    cell = _home(w, num, day, hour, rng)
    weekday = w.cal.dow[day] < 5
    moving = weekday & (((hour >= 7) & (hour < 8)) | ((hour >= 17) & (hour < 19)))
    transit = w.cells.random_cell(w.numbers.transit_place[num], rng.random(num.size))
    return np.where(moving, transit, cell)


def _runner(w: World, person: IntArr, day: IntArr, t: IntArr, rng: np.random.Generator) -> IntArr:
    """Home in the hub, at the trap house or around the market town, or on the way between."""
    r = w.runners
    slot = r.slot_of[person]
    state = r.state[slot, day]
    sec = t - w.cal.day_start[day]
    dep = r.depart[slot, day]
    leg = (sec >= dep).astype(np.int64) + (sec >= dep + TRAVEL_S)  # before, during, after
    where = np.select([state == MARKET, state == OUT, state == BACK], [2, leg, 2 - leg], 0)
    home = _wander(w, w.numbers.home_cell[person], rng)
    line = r.line[slot]
    trap = w.numbers.home_cell[w.lines.trap[line, day]]
    about = w.cells.random_cell(np.array(w.layout.town)[line], rng.random(person.size))
    market = np.where(rng.random(person.size) < AT_TRAP, trap, about)
    k = (rng.random(person.size) * np.maximum(r.n_route[slot], 1)).astype(np.int64)
    route_place = r.route[slot, k]
    transit = w.cells.random_cell(np.maximum(route_place, 0), rng.random(person.size))
    transit = np.where(route_place >= 0, transit, market)
    return np.select([where == 0, where == 1], [home, transit], market)


def _deal(w: World, num: IntArr, day: IntArr, t: IntArr, rng: np.random.Generator) -> IntArr:
    """With the runner on trips the phone goes along; otherwise with the holder in the hub [S9]."""
    line = w.numbers.line[num]
    runner = w.lines.duty[line, day]
    carried = w.lines.graft[line, day] & (runner >= 0)
    out = _wander(w, w.numbers.home_cell[num], rng)
    if carried.any():
        out[carried] = _runner(w, runner[carried], day[carried], t[carried], rng)
    return out
