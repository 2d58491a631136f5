"""The simulated world: people, numbers, handsets, line timelines, memberships, what was obtained.

Number indices: person i's own phone is number i; deal numbers follow (one per line segment),
then business numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import numpy as np

from linewatch.sim import numbers as nums
from linewatch.sim.arrays import (
    DAY,
    STREAM_CELLS,
    STREAM_COLLECT,
    STREAM_LINES,
    STREAM_NUMBERS,
    STREAM_PEOPLE,
    BoolArr,
    IntArr,
    pack,
    rng_for,
)
from linewatch.sim.calendar import Calendar, make_calendar
from linewatch.sim.cast import Layout, cast_groups, layout
from linewatch.sim.cells import Cells, build_cells
from linewatch.sim.lines import Lines, build_lines
from linewatch.sim.members import Members, build_members
from linewatch.sim.params import ScenarioParams
from linewatch.sim.people import (
    COMMUTER,
    CONTROLLER,
    CUCKOOED,
    CUSTOMER,
    HEAVY,
    HOLDER,
    ORDINARY,
    OTHER,
    RUNNER,
    People,
    build_people,
)
from linewatch.sim.runners import Runners, build_runners

NUMBER_ROLES = ("deal_line", "controller", "runner", "customer", "other")
NUMBER_KINDS = ("deal", "personal", "taxi", "takeaway", "bulk_sms")
R_DEAL, R_CONTROLLER, R_RUNNER, R_CUSTOMER, R_OTHER = range(5)
N_DEAL, N_PERSONAL, N_TAXI, N_TAKEAWAY, N_BULK = range(5)
# Where a number's handset is: fixed (a business), home/work, commuting, a runner, a deal phone.
LOC_FIXED, LOC_HOME, LOC_COMMUTER, LOC_RUNNER, LOC_DEAL = range(5)
_PERSON_ROLE_TO_NUMBER = {
    HOLDER: R_OTHER,
    CONTROLLER: R_CONTROLLER,
    RUNNER: R_RUNNER,
    CUSTOMER: R_CUSTOMER,
}


@dataclass(frozen=True, eq=False)
class Numbers:
    """One entry per number."""

    nsn: IntArr
    role: IntArr
    kind: IntArr
    person: IntArr  # -1: a business
    line: IntArr  # -1: no line
    seg: IntArr  # deal numbers: their line segment; -1 otherwise
    obtained: BoolArr
    style: IntArr  # operator style of the records obtained for this number
    loc: IntArr
    home_cell: IntArr
    work_cell: IntArr  # -1: none
    transit_place: IntArr  # commuters: the place they pass through
    live_from: IntArr
    live_to: IntArr

    @property
    def n(self) -> int:
        """Number of numbers."""
        return int(self.nsn.size)


@dataclass(frozen=True, eq=False)
class Handsets:
    """Which handset (IMEI) each number is in, over time (sorted by number, then start)."""

    number: IntArr
    start: IntArr
    imei: IntArr
    packed: IntArr  # (number, start) packed for lookups


@dataclass(frozen=True, eq=False)
class World:
    """Everything the record and source writers draw from."""

    params: ScenarioParams
    seed: int
    cal: Calendar
    layout: Layout
    cells: Cells
    people: People
    lines: Lines
    numbers: Numbers
    handsets: Handsets
    members: Members
    runners: Runners
    business: IntArr  # number indices of businesses
    business_place: IntArr
    deal_base: int  # number index of segment 0's deal number


def build_world(p: ScenarioParams, seed: int) -> World:
    """Build the whole world for a scenario and seed (deterministic)."""
    cal = make_calendar(dt.date.fromisoformat(p.start), p.days)
    lay = layout(p)
    cells = build_cells(list(lay.places), p.sites_per_place, rng_for(seed, STREAM_CELLS))
    groups, casts = cast_groups(p, lay)
    people = build_people(groups, list(lay.places), cal.start, rng_for(seed, STREAM_PEOPLE))
    people.victim[(people.role == RUNNER) & (people.age < 18)] = True
    lines = build_lines(p, cal, casts, rng_for(seed, STREAM_LINES))
    rng = rng_for(seed, STREAM_NUMBERS)
    runners = build_runners(people, lines, lay, cells, rng)
    biz_kind, biz_place = _businesses(p, lay, rng)
    numbers = _numbers(p, cal, people, lines, cells, biz_kind, biz_place, rng)
    numbers = _collect(p, numbers, people, rng_for(seed, STREAM_COLLECT))
    handsets = _handsets(numbers, lines, cal, rng)
    members = build_members(p, cal, people, lines, lay, rng_for(seed, STREAM_LINES, 1))
    business = np.arange(numbers.n - biz_kind.size, numbers.n, dtype=np.int64)
    return World(
        p,
        seed,
        cal,
        lay,
        cells,
        people,
        lines,
        numbers,
        handsets,
        members,
        runners,
        business,
        biz_place,
        people.n,
    )


def _businesses(p: ScenarioParams, lay: Layout, rng: np.random.Generator) -> tuple[IntArr, IntArr]:
    """Kinds and places of taxi firms, takeaways and bulk SMS senders (more than are obtained)."""
    c = p.collection
    counts = (
        (N_TAXI, max(2 * c.taxi, 2)),
        (N_TAKEAWAY, max(2 * c.takeaway, 3)),
        (N_BULK, max(c.bulk_sms, 1)),
    )
    kinds = np.concatenate([np.full(k, kind) for kind, k in counts]).astype(np.int64)
    places = rng.integers(0, len(lay.places), size=kinds.size).astype(np.int64)
    return kinds, places


def _numbers(
    p: ScenarioParams,
    cal: Calendar,
    people: People,
    lines: Lines,
    cells: Cells,
    biz_kind: IntArr,
    biz_place: IntArr,
    rng: np.random.Generator,
) -> Numbers:
    n_people, n_seg, n_biz = people.n, lines.seg_line.size, biz_kind.size
    n = n_people + n_seg + n_biz
    deal = (
        nums.drama(n_seg, rng) if p.drama_numbers and n_seg <= 1000 else np.empty(0, dtype=np.int64)
    )
    rest = nums.allocate(n - deal.size, rng, deal)
    nsn = np.concatenate(
        [rest[:n_people], deal if deal.size else rest[n_people : n_people + n_seg], rest[-n_biz:]]
    )
    role = np.full(n, R_OTHER, dtype=np.int64)
    for prole, nrole in _PERSON_ROLE_TO_NUMBER.items():
        role[:n_people][people.role == prole] = nrole
    role[n_people : n_people + n_seg] = R_DEAL
    kind = np.concatenate([np.full(n_people, N_PERSONAL), np.full(n_seg, N_DEAL), biz_kind])
    holder = np.array([c.holder for c in lines.cast], dtype=np.int64)
    person = np.concatenate([np.arange(n_people), holder[lines.seg_line], np.full(n_biz, -1)])
    line = np.concatenate([people.line, lines.seg_line, np.full(n_biz, -1)])
    home_place = np.concatenate([people.place, people.place[holder[lines.seg_line]], biz_place])
    home_cell = cells.random_cell(home_place, rng.random(n))
    home_cell[n_people : n_people + n_seg] = home_cell[holder[lines.seg_line]]
    loc = np.full(n, LOC_HOME, dtype=np.int64)
    loc[:n_people][people.kind == COMMUTER] = LOC_COMMUTER
    loc[:n_people][people.role == RUNNER] = LOC_RUNNER
    loc[n_people : n_people + n_seg] = LOC_DEAL
    loc[n_people + n_seg :] = LOC_FIXED
    work_cell = _work_cells(people, cells, rng)
    live_from = np.zeros(n, dtype=np.int64)
    live_to = np.full(n, cal.span, dtype=np.int64)
    live_from[n_people : n_people + n_seg] = lines.seg_start
    live_to[n_people : n_people + n_seg] = lines.seg_end
    hubs = np.array([i for i, pl in enumerate(cells.places) if pl.lad in _ROUTE_LADS] or [0])
    return Numbers(
        nsn,
        role,
        kind,
        person,
        line,
        np.concatenate([np.full(n_people, -1), np.arange(n_seg), np.full(n_biz, -1)]),
        np.zeros(n, dtype=bool),
        rng.integers(0, len(nums.STYLE_FORMS), n).astype(np.int64),
        loc,
        home_cell,
        np.concatenate([work_cell, np.full(n_seg + n_biz, -1)]),
        hubs[rng.integers(0, hubs.size, n)].astype(np.int64),
        live_from,
        live_to,
    )


_ROUTE_LADS = {
    "Bromley",
    "Dartford",
    "Gravesham",
    "Sevenoaks",
    "Basildon",
    "Chelmsford",
    "Colchester",
    "Crawley",
    "Swale",
    "Canterbury",
}


def _work_cells(people: People, cells: Cells, rng: np.random.Generator) -> IntArr:
    """A workplace cell for a little over half of adults; commuters work in London hub places."""
    n = people.n
    london = np.array([i for i, pl in enumerate(cells.places) if pl.lad in _LONDON_LADS] or [0])
    place = people.place.copy()
    commuter = people.kind == COMMUTER
    place[commuter] = london[rng.integers(0, london.size, int(commuter.sum()))]
    cell = cells.random_cell(place, rng.random(n))
    works = commuter | ((people.age >= 18) & (people.age < 66) & (rng.random(n) < 0.55))
    employed = (people.role == OTHER) | (people.role == CUSTOMER)
    return np.where(works & employed, cell, -1).astype(np.int64)


_LONDON_LADS = {"Lambeth", "Croydon", "Southwark", "Hackney"}


def _collect(
    p: ScenarioParams, numbers: Numbers, people: People, rng: np.random.Generator
) -> Numbers:
    """Pick the obtained numbers: cast by role chances, background and businesses by count."""
    c = p.collection
    obtained = np.zeros(numbers.n, dtype=bool)
    prob = np.zeros(numbers.n)
    prole = np.full(numbers.n, -1)
    prole[: people.n] = people.role
    for role, pr in (
        (HOLDER, c.holder),
        (CONTROLLER, c.controller),
        (RUNNER, c.runner),
        (CUSTOMER, c.customer),
        (CUCKOOED, c.cuckooed),
    ):
        prob[prole == role] = pr
    prob[numbers.kind == N_DEAL] = c.deal_line
    obtained[:] = rng.random(numbers.n) < prob
    pkind = np.full(numbers.n, -1)
    pkind[: people.n] = np.where(people.role == OTHER, people.kind, -1)
    for kind, k in ((ORDINARY, c.ordinary), (HEAVY, c.heavy_social), (COMMUTER, c.commuter)):
        pool = np.flatnonzero(pkind == kind)
        obtained[rng.permutation(pool)[: min(k, pool.size)]] = True
    for kind, k in ((N_TAXI, c.taxi), (N_TAKEAWAY, c.takeaway), (N_BULK, c.bulk_sms)):
        obtained[np.flatnonzero(numbers.kind == kind)[:k]] = True
    return replace(numbers, obtained=obtained)


def _handsets(numbers: Numbers, lines: Lines, cal: Calendar, rng: np.random.Generator) -> Handsets:
    """One handset per phone (a few change it once); deal numbers use their line's handsets."""
    personal = np.flatnonzero(numbers.kind != N_DEAL)
    change = personal[rng.random(personal.size) < 0.04]
    change_t = rng.integers(DAY, max(cal.span - DAY, DAY + 1), change.size)
    own = nums.imeis(personal.size + change.size, rng)
    d_num, d_start, d_hs = _deal_handsets(numbers, lines)
    line_imei = nums.imeis(lines.hs_line.size, rng)
    num = np.concatenate([personal, change, d_num]).astype(np.int64)
    start = np.concatenate([np.zeros(personal.size, dtype=np.int64), change_t, d_start])
    imei = np.concatenate([own, line_imei[d_hs]])
    order = np.lexsort((start, num))
    num, start = num[order], start[order].astype(np.int64)
    return Handsets(num, start, imei[order], pack(num, start))


def _deal_handsets(numbers: Numbers, lines: Lines) -> tuple[IntArr, IntArr, IntArr]:
    """(number, start, line handset) rows: the handsets each deal number was in, in turn."""
    num: list[int] = []
    start: list[int] = []
    hs_idx: list[int] = []
    for i in np.flatnonzero(numbers.kind == N_DEAL):
        s = numbers.seg[i]
        a, b = int(lines.seg_start[s]), int(lines.seg_end[s])
        hs = np.flatnonzero(lines.hs_line == lines.seg_line[s])
        hs_start = lines.hs_start[hs]
        inside = hs[(hs_start > a) & (hs_start < b)]
        num.extend([int(i)] * (1 + inside.size))
        start.extend([a, *lines.hs_start[inside].tolist()])
        hs_idx.extend(
            [int(hs[max(int(np.searchsorted(hs_start, a, side="right")) - 1, 0)]), *inside.tolist()]
        )
    return (
        np.array(num, dtype=np.int64),
        np.array(start, dtype=np.int64),
        np.array(hs_idx, dtype=np.int64),
    )


def line_handset_imeis(world: World) -> list[list[int]]:
    """IMEIs each line used, in order of first use (for the truth file)."""
    out: list[list[int]] = [[] for _ in range(world.lines.n)]
    hs = world.handsets
    deal = np.flatnonzero(world.numbers.kind[hs.number] == N_DEAL)
    for k in deal[np.argsort(hs.start[deal], kind="stable")]:
        seen = out[int(world.numbers.line[hs.number[k]])]
        if int(hs.imei[k]) not in seen:
            seen.append(int(hs.imei[k]))
    return out
