"""Who is in the scenario: each line's crew, customers and cuckooed residents; the background."""

from __future__ import annotations

import math
from dataclasses import dataclass

from linewatch.sim.lines import LineCast
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
    Group,
)
from linewatch.sim.places import AREAS, ROUTE_PLACES, Place

# Runner ages: most are 15-17 [S4], some as young as 11-14 [S6][S7].
MINOR_AGES = (13, 14, 14, 15, 15, 15, 15, 16, 16, 16, 16, 16, 17, 17, 17, 17, 17)
ADULT_RUNNER_AGES = (18, 18, 19, 19, 20, 21, 22, 24)
LOCAL_RUNNERS = 0.2  # share of runners recruited in the market town rather than the hub


@dataclass(frozen=True)
class Layout:
    """The places of a scenario and where each line runs from and to."""

    places: tuple[Place, ...]
    hub: tuple[str, ...]  # per line
    market: tuple[str, ...]  # per line
    town: tuple[int, ...]  # per line: the market place its trap houses are in

    def index(self, name: str) -> int:
        """Index of a place by name."""
        return next(i for i, p in enumerate(self.places) if p.name == name)

    def area_places(self, area: str) -> tuple[int, ...]:
        """Indices of the places of an area."""
        return tuple(self.index(p.name) for p in AREAS[area].places)


def layout(p: ScenarioParams) -> Layout:
    """Scenario places (hubs, markets, routes) and each line's hub, market area and town."""
    names: dict[str, Place] = {}
    for area in (*p.hubs, *p.markets):
        for place in AREAS[area].places:
            names.setdefault(place.name, place)
    for area in p.markets:
        for r in AREAS[area].route:
            names.setdefault(r, ROUTE_PLACES.get(r) or _find(r))
    places = tuple(names.values())
    hubs = tuple(p.hubs[i % len(p.hubs)] for i in range(p.lines))
    markets = tuple(p.markets[i % len(p.markets)] for i in range(p.lines))
    towns = []
    for i, m in enumerate(markets):
        mp = AREAS[m].places
        towns.append(
            next(
                j
                for j, pl in enumerate(places)
                if pl.name == mp[(i // len(p.markets)) % len(mp)].name
            )
        )
    return Layout(places, hubs, markets, tuple(towns))


def _find(name: str) -> Place:
    return next(pl for a in AREAS.values() for pl in a.places if pl.name == name)


def cast_groups(p: ScenarioParams, lay: Layout) -> tuple[list[Group], list[LineCast]]:
    """Groups of people to create, and each line's crew as person indices into those groups."""
    groups: list[Group] = []
    casts: list[LineCast] = []
    residents_per_line = math.ceil(p.days / p.trap_house_days) + 2
    n_minor = round(p.runners_per_line * p.runner_minor)
    for line in range(p.lines):
        hub = lay.area_places(lay.hub[line])
        market = lay.area_places(lay.market[line])
        town = (lay.town[line],)
        base = sum(g.n for g in groups)
        groups.append(Group(1, HOLDER, line, hub, tuple(range(18, 29)), 0.9))
        groups.append(Group(1, CONTROLLER, line, hub, tuple(range(21, 36)), 0.92))
        n_local = min(round(p.runners_per_line * LOCAL_RUNNERS), n_minor)
        groups.append(Group(n_minor - n_local, RUNNER, line, hub, MINOR_AGES, 0.85))
        groups.append(
            Group(
                p.runners_per_line - n_minor, RUNNER, line, hub, ADULT_RUNNER_AGES, 0.85, victim=0.5
            )
        )
        groups.append(Group(n_local, RUNNER, line, town, MINOR_AGES, 0.8))
        groups.append(
            Group(residents_per_line, CUCKOOED, line, town, tuple(range(28, 66)), 0.6, 1.0)
        )
        groups.append(
            Group(
                round(p.customers_per_line * 1.4),
                CUSTOMER,
                line,
                market,
                tuple(range(19, 61)),
                0.65,
                place_weights=tuple(3.0 if m == town[0] else 1.0 for m in market),
            )
        )
        runners = tuple(range(base + 2, base + 2 + p.runners_per_line))
        res0 = base + 2 + p.runners_per_line
        casts.append(
            LineCast(base, base + 1, runners, tuple(range(res0, res0 + residents_per_line)))
        )
    groups.extend(_background(p, lay))
    return groups, casts


def _background(p: ScenarioParams, lay: Layout) -> list[Group]:
    """Ordinary people everywhere, heavy social users, and commuters who work in London."""
    everywhere = tuple(range(len(lay.places)))
    out_of_london = tuple(i for i, pl in enumerate(lay.places) if pl.lad not in _LONDON)
    n = p.background_people
    n_heavy = max(round(n * 0.02), p.collection.heavy_social)
    n_comm = max(round(n * 0.03), p.collection.commuter) if out_of_london else 0
    adults = tuple(range(16, 86))
    return [
        Group(n - n_heavy - n_comm, OTHER, -1, everywhere, adults, 0.5, kind=ORDINARY),
        Group(n_heavy, OTHER, -1, everywhere, tuple(range(16, 45)), 0.5, kind=HEAVY),
        Group(
            n_comm,
            OTHER,
            -1,
            out_of_london or everywhere,
            tuple(range(22, 65)),
            0.55,
            kind=COMMUTER,
        ),
    ]


_LONDON = {"Lambeth", "Croydon", "Southwark", "Hackney", "Bromley"}
