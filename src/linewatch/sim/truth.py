"""DIR/truth.json and DIR/truth/*.parquet: what really happened, for evaluation only."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from linewatch.sim import numbers as nums
from linewatch.sim.intel import brand, iso_time
from linewatch.sim.lines import CAUSES
from linewatch.sim.names import STREETS, SURNAMES
from linewatch.sim.people import CUSTOMER, FIRST, KINDS, OTHER, ROLES, inward_code
from linewatch.sim.records import line_id
from linewatch.sim.sources import Ledger, person_id
from linewatch.sim.world import (
    NUMBER_KINDS,
    NUMBER_ROLES,
    R_CUSTOMER,
    R_OTHER,
    World,
    line_handset_imeis,
)

JSON_LIMIT = 100_000  # above this many numbers, background entries live only in the Parquet files


def write_truth(
    w: World, out: Path, scale: str, ledger: Ledger, operations: list[dict[str, object]]
) -> None:
    """Write truth/numbers.parquet, truth/people.parquet and truth.json."""
    (out / "truth").mkdir(exist_ok=True)
    numbers = _numbers_table(w)
    people = _people_table(w)
    pq.write_table(numbers, out / "truth" / "numbers.parquet", compression="zstd")
    pq.write_table(people, out / "truth" / "people.parquet", compression="zstd")
    complete = numbers.num_rows <= JSON_LIMIT
    # At scale the JSON keeps the crews and the obtained numbers; Parquet keeps everyone.
    crew_number = ~np.isin(w.numbers.role, [R_CUSTOMER, R_OTHER]) | (w.numbers.line >= 0)
    keep_n = np.ones(numbers.num_rows, dtype=bool) if complete else crew_number | w.numbers.obtained
    keep_p = np.ones(people.num_rows, dtype=bool)
    if not complete:
        keep_p = ~np.isin(w.people.role, [CUSTOMER, OTHER])
    doc = {
        "seed": w.seed,
        "scale": scale,
        "params": dataclasses.asdict(w.params),
        "period": {
            "start": w.cal.start.isoformat(),
            "days": w.cal.days,
            "first": iso_time(w, 0),
            "end": iso_time(w, w.cal.span),
        },
        "complete": complete,
        "numbers": _numbers_json(numbers.filter(pa.array(keep_n))),
        "lines": _lines(w),
        "people": people.filter(pa.array(keep_p)).drop_columns(["kind"]).to_pylist(),
        "person_records": ledger.person_records,
        "intelligence": ledger.intelligence,
        "tips": ledger.tips,
        "operations": operations,
        "files": {
            "record_lines": "truth/record_lines.parquet",
            "numbers": "truth/numbers.parquet",
            "people": "truth/people.parquet",
        },
    }
    # Pretty-printed when small; compact (C encoder, much faster) when large.
    text = json.dumps(doc, indent=1 if complete else None, ensure_ascii=False)
    (out / "truth.json").write_text(text + "\n", encoding="utf-8")


def _e164(w: World, idx: np.ndarray) -> pa.Array:
    return nums.written(w.numbers.nsn[idx], np.ones(idx.size, dtype=np.int64))


def _numbers_table(w: World) -> pa.Table:
    nb = w.numbers
    lids = np.array([None, *(line_id(i) for i in range(w.lines.n))], dtype=object)
    pids = pa.array([person_id(int(p)) if p >= 0 else None for p in nb.person], pa.string())
    return pa.table(
        {
            "number": _e164(w, np.arange(nb.n)),
            "role": pa.array(np.array(NUMBER_ROLES)[nb.role]),
            "kind": pa.array(np.array(NUMBER_KINDS)[nb.kind]),
            "line_id": pa.array(lids[nb.line + 1], pa.string()),
            "person_id": pids,
            "obtained": pa.array(nb.obtained),
        }
    )


def _numbers_json(t: pa.Table) -> dict[str, dict[str, object]]:
    cols = t.to_pydict()
    return {
        n: {
            "role": cols["role"][i],
            "kind": cols["kind"][i],
            "line_id": cols["line_id"][i],
            "person_id": cols["person_id"][i],
            "obtained": cols["obtained"][i],
        }
        for i, n in enumerate(cols["number"])
    }


def _people_table(w: World) -> pa.Table:
    """Every person with true name, dob, address and numbers (vectorised: millions at scale)."""
    pe, places = w.people, w.cells.places
    pid = pa.array([person_id(i) for i in range(pe.n)], pa.string())
    home = pa.array([pl.name for pl in places])
    house = pc.cast(pa.array(pe.house), pa.string())
    flat = pc.binary_join_element_wise("Flat ", pc.cast(pa.array(pe.flat), pa.string()), ", ", "")
    line1 = pc.binary_join_element_wise(
        pc.if_else(pa.array(pe.flat > 0), flat, ""),
        house,
        " ",
        pc.take(pa.array(STREETS), pa.array(pe.street)),
        "",
    )
    codes = [(k, pc_) for k, pl in enumerate(places) for pc_ in pl.postcodes]
    first_code = np.searchsorted([k for k, _ in codes], np.arange(len(places)))
    n_codes = np.array([len(pl.postcodes) for pl in places])
    outward = first_code[pe.place] + pe.outward % n_codes[pe.place]
    inward = pa.array([inward_code(c) for c in range(4000)])
    lids = np.array([None, *(line_id(i) for i in range(w.lines.n))], dtype=object)
    return pa.table(
        {
            "person_id": pid,
            "role": pa.array(np.array(ROLES)[pe.role]),
            "kind": pa.array(np.array(KINDS)[pe.kind]),
            "line_id": pa.array(lids[pe.line + 1], pa.string()),
            "age": pa.array(pe.age),
            "dob": pc.cast(pa.array(pe.dob.astype("datetime64[D]")), pa.string()),
            "sex": pc.if_else(pa.array(pe.male), "male", "female"),
            "potential_victim": pa.array(pe.victim),
            "numbers": _person_numbers(w),
            "home_area": pc.take(pa.array([pl.lad for pl in places]), pa.array(pe.place)),
            "name": pc.binary_join_element_wise(
                pc.take(pa.array(FIRST), pa.array(pe.first)),
                pc.take(pa.array(SURNAMES), pa.array(pe.surname)),
                " ",
            ),
            "address": pc.binary_join_element_wise(line1, pc.take(home, pa.array(pe.place)), ", "),
            "postcode": pc.binary_join_element_wise(
                pc.take(pa.array([c for _, c in codes]), pa.array(outward)),
                pc.take(inward, pa.array(pe.inward)),
                " ",
            ),
        }
    )


def _person_numbers(w: World) -> pa.Array:
    """Each person's own number, then (line holders) the deal numbers they held, in order of use."""
    n, L = w.people.n, w.lines
    holder = np.array([c.holder for c in L.cast], dtype=np.int64)
    segs = np.lexsort((L.seg_start, L.seg_line))
    owner = np.concatenate([np.arange(n), holder[L.seg_line[segs]]])
    number = np.concatenate([np.arange(n), w.deal_base + segs])
    rank = np.concatenate([np.zeros(n, dtype=np.int64), np.arange(1, segs.size + 1)])
    order = np.lexsort((rank, owner))
    offsets = np.concatenate([[0], np.cumsum(np.bincount(owner, minlength=n))]).astype(np.int32)
    return pa.ListArray.from_arrays(pa.array(offsets), _e164(w, number[order]))


def _lines(w: World) -> list[dict[str, object]]:
    L = w.lines
    handsets = line_handset_imeis(w)
    out: list[dict[str, object]] = []
    for line in range(L.n):
        segs = np.flatnonzero(L.seg_line == line)
        numbers = [str(_e164(w, np.array([w.deal_base + s]))[0]) for s in segs]
        cast = L.cast[line]
        out.append(
            {
                "line_id": line_id(line),
                "brand": brand(line),
                "numbers": numbers,
                "handsets": [str(h) for h in handsets[line]],
                "hub": w.layout.hub[line],
                "market": w.layout.market[line],
                "town": w.cells.places[w.layout.town[line]].name,
                "active_from": iso_time(w, int(L.active_from[line])),
                "active_to": iso_time(w, int(L.active_to[line])),
                "swaps": [
                    {
                        "from": numbers[k - 1],
                        "to": numbers[k],
                        "at": iso_time(w, int(L.seg_start[s])),
                        "cause": CAUSES[L.seg_cause[s]],
                    }
                    for k, s in enumerate(segs)
                    if k > 0
                ],
                "holder": person_id(cast.holder),
                "controller": person_id(cast.controller),
                "runners": [person_id(r) for r in cast.runners],
                "trap_houses": [person_id(r) for r in dict.fromkeys(L.trap[line].tolist())],
            }
        )
    return out
