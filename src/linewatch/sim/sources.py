"""Subscriber checks: what operators return for the numbers of interest (most burners: nothing)."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from linewatch.sim.arrays import STREAM_SOURCES, rng_for
from linewatch.sim.names import BULK_NAMES, FALSE_NAMES, TAKEAWAY_NAMES, TAXI_NAMES
from linewatch.sim.numbers import STYLE_FORMS
from linewatch.sim.people import CONTROLLER, CUCKOOED, CUSTOMER, HOLDER, OTHER, RUNNER
from linewatch.sim.variants import describe
from linewatch.sim.world import N_BULK, N_DEAL, N_TAKEAWAY, N_TAXI, R_CUSTOMER, World

# Chance an operator holds a name for a personal phone, by the owner's role (pay-as-you-go).
REGISTERED = {HOLDER: 0.5, CONTROLLER: 0.4, RUNNER: 0.5, CUSTOMER: 0.7, CUCKOOED: 0.7, OTHER: 0.85}
CUSTOMERS_CHECKED = 0.2  # share of (unobtained) customer numbers also checked
SUBSCRIBER_COLUMNS = (
    "number",
    "subscriber_name",
    "date_of_birth",
    "address",
    "postcode",
    "registered_at",
    "source_ref",
)


@dataclass
class Ledger:
    """The truth behind source rows: person record ids -> person ids, and item correctness."""

    person_records: dict[str, str | None] = field(default_factory=dict)
    intelligence: dict[str, dict[str, object]] = field(default_factory=dict)
    tips: dict[str, dict[str, object]] = field(default_factory=dict)


def write_csv(path: Path, header: tuple[str, ...], rows: list[list[object]]) -> None:
    """A UTF-8 CSV with a header row; None is written as an empty cell."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(header)
        out.writerows([["" if v is None else v for v in row] for row in rows])


def written_number(nsn: int, form: int) -> str:
    """One number in one of the operators' written forms."""
    s = str(nsn)
    return (f"0{s[:4]} {s[4:]}", f"+44{s}", f"44{s}", f"0044{s}", f"0{s}")[form]


def iso_date(w: World, t: int) -> str:
    """Local date of an internal time."""
    return (w.cal.start + dt.timedelta(days=int(w.cal.day_of(np.array([t]))[0]))).isoformat()


def person_id(i: int) -> str:
    """Stable id of person i (as in truth.json)."""
    return f"P{i + 1:07d}"


def write_subscribers(w: World, out: Path, ledger: Ledger) -> None:
    """subscribers.csv for every obtained number and a sample of customer numbers."""
    rng = rng_for(w.seed, STREAM_SOURCES, 1)
    nb = w.numbers
    customers = np.flatnonzero((nb.kind != N_DEAL) & (nb.role == R_CUSTOMER) & ~nb.obtained)
    checked = np.union1d(
        np.flatnonzero(nb.obtained), customers[rng.random(customers.size) < CUSTOMERS_CHECKED]
    )
    rows: list[list[object]] = []
    for n in checked:
        row = _subscriber(w, int(n), rng)
        if row is None:
            continue
        ref = f"SUB-{len(rows) + 1:06d}"
        ledger.person_records[f"subscribers:{ref}"] = row[1]
        rows.append(
            [written_number(int(nb.nsn[n]), int(rng.integers(0, len(STYLE_FORMS)))), *row[0], ref]
        )
    write_csv(out / "subscribers.csv", SUBSCRIBER_COLUMNS, rows)


def _subscriber(
    w: World, n: int, rng: np.random.Generator
) -> tuple[list[object], str | None] | None:
    """(name, dob, address, postcode, registered_at) and the true person, or None: no record."""
    nb, noise = w.numbers, w.params.noise
    kind = int(nb.kind[n])
    if kind == N_DEAL:
        if rng.random() >= noise.burner_registered:
            return None
        reg = iso_date(w, int(nb.live_from[n]))
        if rng.random() < noise.false_name:
            fake = FALSE_NAMES[int(rng.integers(0, len(FALSE_NAMES)))]
            return [fake, None, None, None, reg], None
        return _personal_row(w, int(nb.person[n]), reg, rng)
    if kind in (N_TAXI, N_TAKEAWAY, N_BULK):
        names = {N_TAXI: TAXI_NAMES, N_TAKEAWAY: TAKEAWAY_NAMES, N_BULK: BULK_NAMES}[kind]
        place = w.cells.places[int(w.cells.place[nb.home_cell[n]])]
        name = names[int(n) % len(names)]
        return [
            f"{name} Ltd",
            None,
            f"{int(n) % 90 + 1} High Street, {place.name}",
            f"{place.postcodes[0]} 1AA",
            "2019-06-01",
        ], None
    person = int(nb.person[n])
    if rng.random() >= REGISTERED[int(w.people.role[person])]:
        return None
    days_before = int(rng.integers(30, 2500))
    reg = (w.cal.start - dt.timedelta(days=days_before)).isoformat()
    return _personal_row(w, person, reg, rng)


def _personal_row(
    w: World, person: int, reg: str, rng: np.random.Generator
) -> tuple[list[object], str | None]:
    d = describe(w.people, w.cells.places, person, "subscribers", w.params.noise, rng)
    return [d.name, d.dob, d.address, d.postcode, reg], person_id(person)
