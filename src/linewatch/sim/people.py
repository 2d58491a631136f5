"""The cast: synthetic people with names, dates of birth, sexes and addresses (true values)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np

from linewatch.sim.arrays import BoolArr, IntArr
from linewatch.sim.names import FEMALE, MALE, STREETS, SURNAMES
from linewatch.sim.places import Place

ROLES = ("line_holder", "controller", "runner", "customer", "cuckooed_resident", "other")
HOLDER, CONTROLLER, RUNNER, CUSTOMER, CUCKOOED, OTHER = range(6)
# What an "other" person (or any person) is in the background: hard negatives have their own kind.
KINDS = ("cast", "ordinary", "heavy_social", "commuter")
CAST, ORDINARY, HEAVY, COMMUTER = range(4)
FIRST = (*MALE, *FEMALE)
_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # letters used in inward codes


@dataclass(frozen=True)
class Group:
    """A batch of people to create: role, line, where they live, ages, sex and victim status."""

    n: int
    role: int
    line: int
    places: tuple[int, ...]
    ages: tuple[int, ...]  # ages to draw from (uniformly, with repeats acting as weights)
    male: float
    victim: float = 0.0
    kind: int = CAST
    place_weights: tuple[float, ...] = field(default=())


@dataclass(frozen=True, eq=False)
class People:
    """Struct of arrays, one entry per person (index = person number, id P000001-style)."""

    role: IntArr
    kind: IntArr
    line: IntArr
    age: IntArr
    dob: IntArr  # days since 1970-01-01
    male: BoolArr
    first: IntArr
    surname: IntArr
    place: IntArr
    street: IntArr
    house: IntArr
    flat: IntArr  # 0: none
    inward: IntArr
    outward: IntArr  # index into the place's postcode districts
    old_place: IntArr  # -1: no previous address known
    old_street: IntArr
    old_house: IntArr
    victim: BoolArr

    @property
    def n(self) -> int:
        """Number of people."""
        return int(self.role.size)


def person_id(i: int) -> str:
    """Stable id of person i."""
    return f"P{i + 1:07d}"


def inward_code(code: int) -> str:
    """The inward half of a postcode (digit + two letters) from its integer code."""
    d, rest = divmod(int(code), 400)
    return f"{d}{_INWARD_LETTERS[rest // 20]}{_INWARD_LETTERS[rest % 20]}"


def build_people(
    groups: list[Group], places: list[Place], start: dt.date, rng: np.random.Generator
) -> People:
    """Create every group's people with names, dobs and current and old addresses."""
    cols: dict[str, list[IntArr]] = {}
    for g in groups:
        for key, arr in _group_columns(g, places, start, rng).items():
            cols.setdefault(key, []).append(arr)
    cat = {k: np.concatenate(v) if v else np.empty(0, dtype=np.int64) for k, v in cols.items()}
    return People(
        role=cat["role"],
        kind=cat["kind"],
        line=cat["line"],
        age=cat["age"],
        dob=cat["dob"],
        male=cat["male"].astype(bool),
        first=cat["first"],
        surname=cat["surname"],
        place=cat["place"],
        street=cat["street"],
        house=cat["house"],
        flat=cat["flat"],
        inward=cat["inward"],
        outward=cat["outward"],
        old_place=cat["old_place"],
        old_street=cat["old_street"],
        old_house=cat["old_house"],
        victim=cat["victim"].astype(bool),
    )


def _group_columns(
    g: Group, places: list[Place], start: dt.date, rng: np.random.Generator
) -> dict[str, IntArr]:
    n = g.n
    pw = np.array(g.place_weights or [places[p].weight for p in g.places], dtype=float)
    place = np.array(g.places)[rng.choice(len(g.places), size=n, p=pw / pw.sum())]
    age = np.array(g.ages)[rng.integers(0, len(g.ages), size=n)]
    male = rng.random(n) < g.male
    first = np.where(
        male, rng.integers(0, len(MALE), n), len(MALE) + rng.integers(0, len(FEMALE), n)
    )
    epoch = (start - dt.date(1970, 1, 1)).days
    dob = epoch - (age * 365.25).astype(np.int64) - rng.integers(1, 365, size=n)
    n_codes = np.array([len(p.postcodes) for p in places])[place]
    has_old = rng.random(n) < 0.35
    return {
        "role": np.full(n, g.role),
        "kind": np.full(n, g.kind),
        "line": np.full(n, g.line),
        "age": age.astype(np.int64),
        "dob": dob,
        "male": male.astype(np.int64),
        "first": first.astype(np.int64),
        "surname": rng.integers(0, len(SURNAMES), n),
        "place": place.astype(np.int64),
        "street": rng.integers(0, len(STREETS), n),
        "house": rng.integers(1, 160, n),
        "flat": np.where(rng.random(n) < 0.25, rng.integers(1, 12, n), 0),
        "inward": rng.integers(0, 4000, n),
        "outward": (rng.random(n) * n_codes).astype(np.int64),
        "old_place": np.where(has_old, place, -1),
        "old_street": rng.integers(0, len(STREETS), n),
        "old_house": rng.integers(1, 160, n),
        "victim": (rng.random(n) < g.victim).astype(np.int64),
    }
