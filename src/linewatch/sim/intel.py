"""Graded intelligence (3x5x2, some of it wrong) and anonymous tips about the lines [S43-S45b]."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from linewatch.sim.arrays import DAY, STREAM_SOURCES, rng_for
from linewatch.sim.calendar import iso_local
from linewatch.sim.names import BRANDS, TAKEAWAY_NAMES, TAXI_NAMES
from linewatch.sim.people import ORDINARY, RUNNER
from linewatch.sim.records import line_id
from linewatch.sim.sources import Ledger, person_id, write_csv, written_number
from linewatch.sim.variants import address_of, describe, nickname
from linewatch.sim.world import N_TAKEAWAY, N_TAXI, World

INTEL_COLUMNS = (
    "report_id",
    "item",
    "reported_at",
    "source_eval",
    "intel_eval",
    "handling",
    "handling_conditions",
    "subject_name",
    "subject_dob",
    "subject_address",
    "subject_postcode",
    "subject_sex",
    "subject_category",
    "number",
    "imei",
    "address",
    "conduct",
    "drug_class",
    "text",
)
TIP_COLUMNS = ("tip_id", "received_at", "text", "place", "number", "address")
SUPPLY = "MDA1971-s4-3-b"  # being concerned in the supply of a controlled drug
CONDITIONS = ("A1;S2", "A2;S1", "A1", "A3;S2")


@dataclass(frozen=True)
class Item:
    """One intelligence item before grading; `correct` is the truth."""

    text: str
    correct: bool
    line: int
    subject: int | None = None
    category: str | None = None
    number: int | None = None
    imei: int | None = None
    address: str | None = None
    conduct: str | None = None
    after: int = -60 * DAY  # earliest time it can be reported


def brand(line: int) -> str:
    """The brand a line's customers know it by [S3]."""
    return BRANDS[line % len(BRANDS)] + (
        "" if line < len(BRANDS) else f" {line // len(BRANDS) + 1}"
    )


def iso_time(w: World, t: int) -> str:
    """Local ISO time with offset of an internal time."""
    return str(iso_local(np.array([t], dtype=np.int64), w.cal.t0).to_pylist()[0])


def write_intelligence(w: World, out: Path, ledger: Ledger) -> None:
    """intelligence.csv: per line, true items and wrong ones, grouped into graded reports."""
    rng = rng_for(w.seed, STREAM_SOURCES, 2)
    rows: list[list[object]] = []
    seq = 0
    for line in range(w.lines.n):
        items = _line_items(w, line, rng)
        n_wrong = int(rng.binomial(w.params.noise.intel_per_line, w.params.noise.intel_wrong))
        n_true = max(w.params.noise.intel_per_line - n_wrong, 0)
        # missing-from-home reports always exist: missing episodes are a key indicator [S24]
        first = [
            it
            for it in items
            if it.category == "victim" and it.subject is not None and "went missing" in it.text
        ]
        rest = [it for it in items if it not in first]
        chosen = first + [rest[i] for i in rng.permutation(len(rest))[: n_true - len(first)]]
        chosen += [_wrong_item(w, line, rng) for _ in range(n_wrong)]
        order = rng.permutation(len(chosen))
        k = 0
        while k < len(chosen):
            size = int(rng.integers(1, 4))
            group = [chosen[j] for j in order[k : k + size]]
            seq += 1
            rows.extend(_report(w, f"IR-{w.cal.start.year}-{seq:06d}", group, ledger, rng))
            k += size
    write_csv(out / "intelligence.csv", INTEL_COLUMNS, rows)


def _line_items(w: World, line: int, rng: np.random.Generator) -> list[Item]:
    cast, pe, b = w.lines.cast[line], w.people, brand(line)
    town = w.cells.places[w.layout.town[line]].name
    hub = w.layout.hub[line]
    segs = np.flatnonzero(w.lines.seg_line == line)
    items = []
    for r in cast.runners:
        age = int(pe.age[r])
        if age < 18:
            home = w.cells.places[int(pe.place[r])].name
            items.append(
                Item(
                    f"Runner known as '{nickname(pe, r)}' is {age} and went missing from "
                    f"home in {home}; believed to be running for the '{b}' line in "
                    f"{town}.",
                    True,
                    line,
                    r,
                    "victim",
                )
            )
        origin = "local" if pe.place[r] == w.layout.town[line] else "from London"
        items.append(
            Item(
                f"{{name}} seen handing over small wraps near {town} station, thought "
                f"to be {origin}.",
                True,
                line,
                r,
                "suspect",
                conduct=SUPPLY,
            )
        )
    for res in cast.residents[:2]:
        addr = address_of(pe, w.cells.places, res).address
        items.append(
            Item(
                f"Address {addr} is being cuckooed by the '{b}' line; the occupant "
                f"{{name}} is vulnerable.",
                True,
                line,
                res,
                "victim",
                address=addr,
            )
        )
    for s in segs:
        num = w.deal_base + int(s)
        items.append(
            Item(
                f"The '{b}' line selling crack and heroin in {town} is using {{number}}.",
                True,
                line,
                number=num,
                conduct=SUPPLY,
                after=int(w.lines.seg_start[s]),
            )
        )
    items.append(
        Item(
            f"{{name}} from {hub} holds the '{b}' line phone and passes orders to runners.",
            True,
            line,
            cast.holder,
            "suspect",
            conduct=SUPPLY,
        )
    )
    items.append(
        Item(
            f"{{name}} controls the '{b}' line from {hub} and sends young people to {town}.",
            True,
            line,
            cast.controller,
            "suspect",
            conduct=SUPPLY,
        )
    )
    h = w.handsets
    imei = int(h.imei[np.flatnonzero(h.number == w.deal_base + int(segs[0]))[0]])
    items.append(
        Item(
            f"The '{b}' line phone has IMEI {{imei}}.",
            True,
            line,
            imei=imei,
            after=int(w.lines.seg_start[segs[0]]),
        )
    )
    m = w.members
    cust = m.customer[m.offsets[line] : m.offsets[line + 1]]
    if cust.size:
        c = int(cust[rng.integers(0, cust.size)])
        items.append(Item(f"{{name}} buys from the '{b}' line most days.", True, line, c, "other"))
    return items


def _wrong_item(w: World, line: int, rng: np.random.Generator) -> Item:
    """Plausible but false: an innocent person, a legitimate business number, a normal home."""
    b = brand(line)
    who = _innocent(w, line, rng)
    kind = int(rng.integers(0, 3))
    if kind == 0:
        return Item(
            f"{{name}} is dealing for the '{b}' line.", False, line, who, "suspect", conduct=SUPPLY
        )
    if kind == 1:
        biz = w.business[np.isin(w.numbers.kind[w.business], (N_TAXI, N_TAKEAWAY))]
        num = int(biz[rng.integers(0, biz.size)]) if biz.size else who
        return Item(
            f"The '{b}' line is now using {{number}}.", False, line, number=num, conduct=SUPPLY
        )
    addr = address_of(w.people, w.cells.places, who).address
    return Item(f"Address {addr} is a trap house for the '{b}' line.", False, line, address=addr)


def _innocent(w: World, line: int, rng: np.random.Generator) -> int:
    """An ordinary person living in the line's market area (or anywhere, if none lives there)."""
    area = np.array(w.layout.area_places(w.layout.market[line]))
    pool = np.flatnonzero((w.people.kind == ORDINARY) & np.isin(w.people.place, area))
    pool = pool if pool.size else np.flatnonzero(w.people.kind == ORDINARY)
    return int(pool[rng.integers(0, pool.size)])


def _grade(correct: bool, rng: np.random.Generator) -> tuple[str, str]:
    """(source_eval, intel_eval): wrong items are graded E, or come from unreliable sources."""
    if correct:
        return (
            str(rng.choice(["1", "2", "3"], p=[0.35, 0.55, 0.1])),
            str(rng.choice(list("ABCD"), p=[0.25, 0.35, 0.35, 0.05])),
        )
    if rng.random() < 0.5:
        return str(rng.choice(["1", "2", "3"])), "E"
    return "3", str(rng.choice(["C", "D"]))


def _report(
    w: World, rid: str, items: list[Item], ledger: Ledger, rng: np.random.Generator
) -> list[list[object]]:
    after = max(i.after for i in items)
    t = int(rng.integers(max(after, -60 * DAY), w.cal.span))
    handling = "C" if rng.random() < 0.2 else "P"
    rows: list[list[object]] = []
    for k, it in enumerate(items, start=1):
        src, ev = _grade(it.correct, rng)
        subj: list[str | None] = [None] * 5
        text = it.text
        if it.subject is not None:
            d = describe(w.people, w.cells.places, it.subject, "intelligence", w.params.noise, rng)
            name = d.name
            if w.people.role[it.subject] == RUNNER and rng.random() < 0.5:
                name = nickname(w.people, it.subject)
            subj = [name, d.dob, d.address, d.postcode, d.sex]
            text = text.replace("{name}", name)
            ledger.person_records[f"intelligence:{rid}:{k}"] = person_id(it.subject)
        form = int(rng.integers(0, 5))
        number = None if it.number is None else written_number(int(w.numbers.nsn[it.number]), form)
        text = text.replace("{number}", number or "").replace("{imei}", str(it.imei))
        rows.append(
            [
                rid,
                k,
                iso_time(w, t),
                src,
                ev,
                handling,
                str(rng.choice(CONDITIONS)) if handling == "C" else None,
                *subj,
                it.category,
                number,
                it.imei,
                it.address,
                it.conduct,
                "A" if it.conduct else None,
                text,
            ]
        )
        ledger.intelligence[f"intelligence:{rid}:{k}"] = {
            "correct": it.correct,
            "line_id": line_id(it.line),
        }
    return rows


def write_tips(w: World, out: Path, ledger: Ledger) -> None:
    """tips.csv: anonymous public reports, some about innocent homes and businesses."""
    rng = rng_for(w.seed, STREAM_SOURCES, 3)
    rows: list[list[object]] = []
    for line in range(w.lines.n):
        for _ in range(w.params.noise.tips_per_line):
            false = rng.random() < w.params.noise.tips_false
            text, place, number, addr = (_false_tip if false else _true_tip)(w, line, rng)
            tid = f"TIP-{len(rows) + 1:06d}"
            t = int(rng.integers(0, w.cal.span))
            rows.append([tid, iso_time(w, t), text, place, number, addr])
            ledger.tips[f"tips:{tid}"] = {"correct": not false, "line_id": line_id(line)}
    write_csv(out / "tips.csv", TIP_COLUMNS, rows)


def _true_tip(
    w: World, line: int, rng: np.random.Generator
) -> tuple[str, str, str | None, str | None]:
    town = w.cells.places[w.layout.town[line]].name
    res = w.lines.cast[line].residents[int(rng.integers(0, 2))]
    addr = address_of(w.people, w.cells.places, res).address
    kind = int(rng.integers(0, 3))
    if kind == 0:
        return (
            f"lots of young lads visiting {addr.split(',')[0]} at all hours, cars stopping "
            "for 5 minutes then going",
            town,
            None,
            addr,
        )
    if kind == 1:
        return (
            "kids who are not from round here staying at "
            f"{addr.split(',')[0]}, the person who lives there looks scared",
            town,
            None,
            addr,
        )
    segs = np.flatnonzero(w.lines.seg_line == line)
    num = w.deal_base + int(segs[rng.integers(0, segs.size)])
    number = written_number(int(w.numbers.nsn[num]), int(rng.integers(0, 5)))
    return (f"my son keeps getting texts from {number} offering 2 for 1 deals", town, number, None)


def _false_tip(
    w: World, line: int, rng: np.random.Generator
) -> tuple[str, str, str | None, str | None]:
    town = w.cells.places[w.layout.town[line]].name
    if rng.random() < 0.5:
        name = (TAXI_NAMES + TAKEAWAY_NAMES)[int(rng.integers(0, 18))]
        return (
            f"always cars and people in and out of {name} late at night, must be drugs",
            town,
            None,
            None,
        )
    addr = address_of(w.people, w.cells.places, _innocent(w, line, rng)).address
    return (f"people coming and going at {addr.split(',')[0]} every day", town, None, addr)
