"""Police operations within the period: a dawn raid on a trap house, arrests, seizures and the
safeguarding of the exploited (runners under 18 always referred to the NRM [S34]) [S18][S21].
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from linewatch.sim.arrays import STREAM_SOURCES, rng_for
from linewatch.sim.intel import iso_time
from linewatch.sim.locate import imeis_at
from linewatch.sim.names import OPERATIONS
from linewatch.sim.places import AREAS
from linewatch.sim.records import line_id
from linewatch.sim.sources import Ledger, person_id, write_csv, written_number
from linewatch.sim.variants import address_of, describe
from linewatch.sim.world import World

ARREST_COLUMNS = (
    "arrest_id",
    "arrested_at",
    "person_name",
    "offences",
    "person_dob",
    "person_sex",
    "home_area",
    "address",
    "postcode",
    "operation_id",
    "force",
    "status",
)
SEIZURE_COLUMNS = (
    "seizure_id",
    "seized_at",
    "item_type",
    "operation_id",
    "address",
    "postcode",
    "person_name",
    "person_dob",
    "quantity",
    "unit",
    "value_gbp",
    "drug_class",
    "drug_type",
    "weapon_type",
    "number",
    "imei",
    "vrm",
)
WARRANT_COLUMNS = (
    "warrant_id",
    "address",
    "executed_at",
    "postcode",
    "town",
    "operation_id",
    "forces",
    "units",
    "result",
    "legislation",
)
SAFEGUARDING_COLUMNS = (
    "action_id",
    "action_at",
    "action",
    "person_name",
    "person_dob",
    "person_sex",
    "agency",
    "operation_id",
    "notes",
)
RUNNER_OFFENCES = "MDA1971-s5-3:A"  # possession with intent to supply, class A
HOLDER_OFFENCES = "MDA1971-s4-3-b:A;MSA2015-s2"  # concerned in supply; arranging travel to exploit


@dataclass
class _Files:
    arrests: list[list[object]] = field(default_factory=list)
    seizures: list[list[object]] = field(default_factory=list)
    warrants: list[list[object]] = field(default_factory=list)
    safeguarding: list[list[object]] = field(default_factory=list)


def write_operations(w: World, out: Path, ledger: Ledger) -> list[dict[str, object]]:
    """arrests/seizures/warrants/safeguarding CSVs; returns the operations for the truth file."""
    rng = rng_for(w.seed, STREAM_SOURCES, 4)
    files = _Files()
    ops = []
    for line in np.flatnonzero(w.lines.op_day >= 0):
        ops.append(_operation(w, int(line), files, ledger, rng))
    write_csv(out / "arrests.csv", ARREST_COLUMNS, files.arrests)
    write_csv(out / "seizures.csv", SEIZURE_COLUMNS, files.seizures)
    write_csv(out / "warrants.csv", WARRANT_COLUMNS, files.warrants)
    write_csv(out / "safeguarding.csv", SAFEGUARDING_COLUMNS, files.safeguarding)
    return ops


def _operation(
    w: World, line: int, f: _Files, ledger: Ledger, rng: np.random.Generator
) -> dict[str, object]:
    lines, pe, places = w.lines, w.people, w.cells.places
    op_id = f"OP-{OPERATIONS[line % len(OPERATIONS)]}-{line + 1}"
    t, day = int(lines.op_time[line]), int(lines.op_day[line])
    resident = int(lines.trap[line, day])
    trap = address_of(pe, places, resident)
    town = places[w.layout.town[line]].name
    runner = int(lines.op_runner[line])
    force = AREAS[w.layout.market[line]].force
    wid = f"W-{len(f.warrants) + 1:05d}"
    f.warrants.append(
        [
            wid,
            trap.address,
            iso_time(w, t),
            trap.postcode,
            town,
            op_id,
            f"Metropolitan Police;{force}",
            "County Lines Taskforce;Local Policing",
            "Class A drugs, cash and a phone found; arrests made",
            "MDA1971-s23",
        ]
    )
    arrested = [(runner, RUNNER_OFFENCES, force)] if runner >= 0 else []
    if lines.holder_arrested[line]:
        arrested.append((lines.cast[line].holder, HOLDER_OFFENCES, "Metropolitan Police"))
    for person, offences, force in arrested:
        _arrest(w, person, offences, force, t, op_id, f, ledger, rng)
    _seize(w, line, t, op_id, trap.address, trap.postcode, runner, f, ledger, rng)
    victims = [p for p, _, _ in arrested if pe.victim[p]] + [resident]
    for person in victims:
        _safeguard(w, person, t, op_id, force, f, ledger, rng)
    return {
        "operation_id": op_id,
        "line_id": line_id(line),
        "at": iso_time(w, t),
        "warrant_address": trap.address,
        "arrested": [person_id(p) for p, _, _ in arrested],
        "holder_arrested": bool(lines.holder_arrested[line]),
        "safeguarded": [person_id(p) for p in victims],
    }


def _arrest(
    w: World,
    person: int,
    offences: str,
    force: str,
    t: int,
    op_id: str,
    f: _Files,
    ledger: Ledger,
    rng: np.random.Generator,
) -> None:
    d = describe(w.people, w.cells.places, person, "arrests", w.params.noise, rng)
    aid = f"A-{len(f.arrests) + 1:05d}"
    young = w.people.age[person] < 18
    status = "released_under_investigation" if young else "charged"
    home = w.cells.places[int(w.people.place[person])].lad
    f.arrests.append(
        [
            aid,
            iso_time(w, t + int(rng.integers(0, 1800))),
            d.name,
            offences,
            d.dob,
            d.sex,
            home,
            d.address,
            d.postcode,
            op_id,
            force,
            status,
        ]
    )
    ledger.person_records[f"arrests:{aid}"] = person_id(person)


def _seize(
    w: World,
    line: int,
    t: int,
    op_id: str,
    address: str,
    postcode: str,
    runner: int,
    f: _Files,
    ledger: Ledger,
    rng: np.random.Generator,
) -> None:
    """Drugs and cash at the trap house, the deal phone (number and IMEI), sometimes a knife."""
    seg = np.flatnonzero((w.lines.seg_line == line) & (w.lines.seg_start <= t))[-1]
    deal = w.deal_base + int(seg)
    imei = int(imeis_at(w, np.array([deal]), np.array([min(t, int(w.lines.seg_end[seg]) - 1)]))[0])
    holder = None
    if runner >= 0:
        d = describe(w.people, w.cells.places, runner, "seizures", w.params.noise, rng)
        holder = (d.name, d.dob)
    wraps = int(rng.integers(15, 80))
    items: list[list[object]] = [
        ["drugs", wraps, "wraps", round(wraps * 10.0, 2), "A", "crack cocaine", None, None, None],
        ["drugs", int(rng.integers(10, 50)), "wraps", None, "A", "heroin", None, None, None],
        ["cash", int(rng.integers(300, 2500)), "gbp", None, None, None, None, None, None],
        [
            "phone",
            1,
            "items",
            None,
            None,
            None,
            None,
            written_number(int(w.numbers.nsn[deal]), 0),
            imei,
        ],
    ]
    if rng.random() < 0.4:
        items.append(["weapon", 1, "items", None, None, None, "knife", None, None])
    when = iso_time(w, t + int(rng.integers(600, 3600)))
    for it in items:
        sid = f"S-{len(f.seizures) + 1:05d}"
        name, dob = holder if holder and it[0] in ("drugs", "phone") else (None, None)
        f.seizures.append(
            [
                sid,
                when,
                it[0],
                op_id,
                address,
                postcode,
                name,
                dob,
                it[1],
                it[2],
                it[3],
                it[4],
                it[5],
                it[6],
                it[7],
                it[8],
                None,
            ]
        )
        if name is not None:
            ledger.person_records[f"seizures:{sid}"] = person_id(runner)


def _safeguard(
    w: World,
    person: int,
    t: int,
    op_id: str,
    force: str,
    f: _Files,
    ledger: Ledger,
    rng: np.random.Generator,
) -> None:
    """A child: identified, NRM referral, local authority told; an adult: support offered."""
    child = w.people.age[person] < 18
    steps = (
        (("identified", force), ("nrm_referral", force), ("la_informed", "Children's Services"))
        if child
        else (("identified", force), ("support_offered", "Adult Social Care"))
    )
    for k, (action, agency) in enumerate(steps):
        d = describe(w.people, w.cells.places, person, "safeguarding", w.params.noise, rng)
        sid = f"SG-{len(f.safeguarding) + 1:05d}"
        note = (
            "child found at trap house during warrant" if child else "resident of cuckooed address"
        )
        f.safeguarding.append(
            [
                sid,
                iso_time(w, t + 3600 * (k + 1) + int(rng.integers(0, 3600))),
                action,
                d.name,
                d.dob,
                d.sex,
                agency,
                op_id,
                note,
            ]
        )
        ledger.person_records[f"safeguarding:{sid}"] = person_id(person)
