"""Where each runner is each day: at home in the hub, travelling, or in the market [S1][S5][S82]."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from linewatch.sim.arrays import BoolArr, IntArr
from linewatch.sim.cast import Layout
from linewatch.sim.cells import Cells
from linewatch.sim.lines import Lines
from linewatch.sim.people import RUNNER, People
from linewatch.sim.places import AREAS

HOME, OUT, MARKET, BACK = range(4)
MAX_ROUTE = 4


@dataclass(frozen=True, eq=False)
class Runners:
    """Per runner slot: person, line, whether local to the market, daily state and travel."""

    person: IntArr
    slot_of: IntArr  # person index -> slot, -1 for non-runners
    line: IntArr
    local: BoolArr
    state: IntArr  # (slots, days)
    depart: IntArr  # (slots, days): local second of day the journey starts on travel days
    route: IntArr  # (slots, MAX_ROUTE): places passed through, -1 padded
    n_route: IntArr


def build_runners(
    people: People, lines: Lines, lay: Layout, cells: Cells, rng: np.random.Generator
) -> Runners:
    """Daily states from the lines' rotas: out on a trip's first day, back the day after it."""
    person = np.flatnonzero(people.role == RUNNER).astype(np.int64)
    slot_of = np.full(people.n, -1, dtype=np.int64)
    slot_of[person] = np.arange(person.size)
    days = lines.duty.shape[1]
    state = np.zeros((person.size, days), dtype=np.int64)
    li, di = np.nonzero(lines.duty >= 0)
    state[slot_of[lines.duty[li, di]], di] = MARKET
    market = state == MARKET
    prev = np.zeros_like(market)
    prev[:, 1:] = market[:, :-1]
    state[market & ~prev & (np.arange(days) > 0)] = OUT
    state[~market & prev] = BACK
    line = people.line[person]
    local = people.place[person] == np.array(lay.town)[line]
    state[local[:, None] & (state == OUT)] = MARKET
    state[local[:, None] & (state == BACK)] = HOME
    route = np.full((person.size, MAX_ROUTE), -1, dtype=np.int64)
    n_route = np.zeros(person.size, dtype=np.int64)
    for s, ln in enumerate(line):
        names = AREAS[lay.market[ln]].route[:MAX_ROUTE]
        idx = [cells.place_index(n) for n in names]
        route[s, : len(idx)] = idx
        n_route[s] = len(idx)
    depart = rng.integers(10 * 3600, 18 * 3600, size=(person.size, days)).astype(np.int64)
    return Runners(person, slot_of, line, local, state, depart, route, n_route)
