"""People as each source writes them: name formats, nicknames, typos, wrong or missing dates of
birth, old or abbreviated addresses, missing fields (the material entity resolution works on).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from linewatch.sim.names import ABBREVIATIONS, NICKNAMES, STREETS, SURNAMES
from linewatch.sim.params import Noise
from linewatch.sim.people import FIRST, People, inward_code
from linewatch.sim.places import Place

_EPOCH = dt.date(1970, 1, 1)
# How each source lays out a name: "Kyle Brown", "BROWN, Kyle", "Kyle BROWN", "K Brown", ...
NAME_STYLES = {
    "subscribers": ("plain", "initial", "plain"),
    "intelligence": ("upper", "plain"),
    "arrests": ("comma",),
    "seizures": ("comma", "upper_first"),
    "safeguarding": ("plain",),
}


@dataclass(frozen=True)
class Description:
    """One source's description of a person (None: the field is empty)."""

    name: str
    dob: str | None
    sex: str | None
    address: str | None
    postcode: str | None


@dataclass(frozen=True)
class TrueAddress:
    """A person's address, written out in full."""

    address: str
    postcode: str


def true_name(people: People, i: int) -> tuple[str, str]:
    """(first name, surname) of person i."""
    return FIRST[people.first[i]], SURNAMES[people.surname[i]]


def nickname(people: People, i: int) -> str:
    """What the street calls person i (a short form of the first name, or the first name)."""
    first = FIRST[int(people.first[i])]
    return NICKNAMES.get(first, first)


def true_dob(people: People, i: int) -> dt.date:
    """Date of birth of person i."""
    return _EPOCH + dt.timedelta(days=int(people.dob[i]))


def address_of(people: People, places: tuple[Place, ...], i: int, old: bool = False) -> TrueAddress:
    """The current (or previous) address of person i."""
    place_idx = int(people.old_place[i] if old else people.place[i])
    place = places[place_idx]
    street = STREETS[people.old_street[i] if old else people.street[i]]
    house = int(people.old_house[i] if old else people.house[i])
    flat = int(people.flat[i]) if not old else 0
    line1 = f"Flat {flat}, {house} {street}" if flat else f"{house} {street}"
    outward = place.postcodes[int(people.outward[i]) % len(place.postcodes)]
    code = int(people.inward[i]) if not old else (int(people.inward[i]) * 7 + 13) % 4000
    return TrueAddress(f"{line1}, {place.name}", f"{outward} {inward_code(code)}")


def describe(
    people: People,
    places: tuple[Place, ...],
    i: int,
    source: str,
    noise: Noise,
    rng: np.random.Generator,
) -> Description:
    """Person i as `source` would write them, with the scenario's noise."""
    pv, miss = noise.person_variation, noise.field_missing
    first, last = true_name(people, i)
    if rng.random() < pv * 0.3:
        first = nickname(people, i)
    if rng.random() < pv * 0.3:
        last = typo(last, rng)
    styles = NAME_STYLES[source]
    name = _layout(first, last, styles[int(rng.integers(0, len(styles)))])
    old = people.old_place[i] >= 0 and rng.random() < pv * 0.5
    addr = address_of(people, places, i, old=bool(old))
    address = addr.address
    if rng.random() < pv * 0.4:
        address = _abbreviate(address)
    postcode = addr.postcode if rng.random() >= pv * 0.2 else addr.postcode.replace(" ", "")
    return Description(
        name,
        None if rng.random() < miss else _dob_variant(true_dob(people, i), pv, rng).isoformat(),
        None if rng.random() < miss else ("male" if people.male[i] else "female"),
        None if rng.random() < miss else address,
        None if rng.random() < miss else postcode,
    )


def _layout(first: str, last: str, style: str) -> str:
    if style == "comma":
        return f"{last.upper()}, {first}"
    if style == "upper":
        return f"{first} {last.upper()}"
    if style == "initial":
        return f"{first[0]} {last}"
    if style == "upper_first":
        return f"{last.upper()} {first}"
    return f"{first} {last}"


def typo(word: str, rng: np.random.Generator) -> str:
    """One keyboard slip: swap two letters, drop one or double one.

    >>> typo("Brown", np.random.default_rng(1)) != "Brown"
    True
    """
    if len(word) < 3:
        return word + word[-1]
    i = int(rng.integers(1, len(word) - 1))
    kind = int(rng.integers(0, 3))
    if kind == 0 and word[i] != word[i + 1]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == 1:
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]


def _dob_variant(dob: dt.date, pv: float, rng: np.random.Generator) -> dt.date:
    """Off by a day, or day and month swapped, now and then."""
    u = rng.random()
    if u < pv * 0.15:
        return dob + dt.timedelta(days=int(rng.choice([-1, 1])))
    if u < pv * 0.25 and dob.day <= 12 and dob.day != dob.month:
        return dob.replace(month=dob.day, day=dob.month)
    return dob


def _abbreviate(address: str) -> str:
    for word, short in ABBREVIATIONS.items():
        address = address.replace(f" {word},", f" {short},")
    return address
