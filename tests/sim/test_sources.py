"""Subscribers, intelligence, tips and operations: formats, noise, and the truth behind them."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from linewatch.sim.params import ScenarioParams

REQUIRED = {
    "subscribers.csv": {"number", "subscriber_name", "source_ref"},
    "intelligence.csv": {
        "report_id",
        "item",
        "reported_at",
        "source_eval",
        "intel_eval",
        "handling",
    },
    "tips.csv": {"tip_id", "received_at", "text"},
    "arrests.csv": {"arrest_id", "arrested_at", "person_name", "offences"},
    "seizures.csv": {"seizure_id", "seized_at", "item_type"},
    "warrants.csv": {"warrant_id", "address", "executed_at"},
    "safeguarding.csv": {"action_id", "action_at", "action", "person_name"},
    "cells.csv": {"cell_id", "lat", "lon", "azimuth_deg", "site_name"},
}


def _rows(case: Path, name: str) -> list[dict[str, str]]:
    with (case / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_source_file_has_its_required_columns(case: Path) -> None:
    for name, required in REQUIRED.items():
        with (case / name).open(encoding="utf-8") as fh:
            header = set(next(csv.reader(fh)))
        assert required <= header, name
    assert _rows(case, "arrests.csv") and _rows(case, "safeguarding.csv")


def test_person_records_point_at_rows_that_exist(case: Path, truth: dict[str, Any]) -> None:
    ids = {f"subscribers:{r['source_ref']}" for r in _rows(case, "subscribers.csv")}
    ids |= {f"intelligence:{r['report_id']}:{r['item']}" for r in _rows(case, "intelligence.csv")}
    ids |= {f"arrests:{r['arrest_id']}" for r in _rows(case, "arrests.csv")}
    ids |= {f"seizures:{r['seizure_id']}" for r in _rows(case, "seizures.csv")}
    ids |= {f"safeguarding:{r['action_id']}" for r in _rows(case, "safeguarding.csv")}
    people = {p["person_id"] for p in truth["people"]}
    assert set(truth["person_records"]) <= ids
    assert {v for v in truth["person_records"].values() if v} <= people
    refs = [r["source_ref"] for r in _rows(case, "subscribers.csv")]
    assert len(refs) == len(set(refs))


def test_the_same_person_is_written_differently_across_sources(
    case: Path, truth: dict[str, Any]
) -> None:
    names: dict[str, set[str]] = defaultdict(set)
    by_id = {
        f"subscribers:{r['source_ref']}": r["subscriber_name"]
        for r in _rows(case, "subscribers.csv")
    }
    by_id |= {f"arrests:{r['arrest_id']}": r["person_name"] for r in _rows(case, "arrests.csv")}
    by_id |= {
        f"safeguarding:{r['action_id']}": r["person_name"] for r in _rows(case, "safeguarding.csv")
    }
    by_id |= {
        f"intelligence:{r['report_id']}:{r['item']}": r["subject_name"]
        for r in _rows(case, "intelligence.csv")
    }
    for record, person in truth["person_records"].items():
        if person and record in by_id:
            names[person].add(by_id[record])
    assert any(len(v) >= 2 for v in names.values())
    assert any(", " in n for v in names.values() for n in v)  # "BROWN, Kyle"


def test_burner_numbers_are_mostly_unregistered(case: Path, truth: dict[str, Any]) -> None:
    deal = {n for n, v in truth["numbers"].items() if v["role"] == "deal_line"}
    checked = {_e164(r["number"]) for r in _rows(case, "subscribers.csv")}
    assert len(deal & checked) < 0.6 * len(deal)


def _e164(raw: str) -> str:
    digits = raw.replace(" ", "")
    if digits.startswith("+"):
        return digits
    if digits.startswith("0044"):
        return "+" + digits[2:]
    if digits.startswith("44"):
        return "+" + digits
    return "+44" + digits[1:]


def test_intelligence_is_graded_and_some_of_it_is_wrong(case: Path, truth: dict[str, Any]) -> None:
    rows = _rows(case, "intelligence.csv")
    assert {r["source_eval"] for r in rows} <= {"1", "2", "3"}
    assert {r["intel_eval"] for r in rows} <= set("ABCDE")
    assert all(r["handling_conditions"] for r in rows if r["handling"] == "C")
    assert {r["subject_category"] for r in rows} <= {"suspect", "victim", "witness", "other", ""}
    facts = truth["intelligence"]
    wrong = [r for r in rows if not facts[f"intelligence:{r['report_id']}:{r['item']}"]["correct"]]
    assert wrong and all(r["intel_eval"] == "E" or r["source_eval"] == "3" for r in wrong)
    assert any(r["subject_category"] == "victim" and "went missing" in r["text"] for r in rows)


def test_tips_are_anonymous_and_some_are_false(case: Path, truth: dict[str, Any]) -> None:
    with (case / "tips.csv").open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert not {"ip", "email", "sender", "user_agent", "phone_of_sender"} & set(header)
    assert {v["correct"] for v in truth["tips"].values()} == {True, False}


def test_a_raid_safeguards_the_exploited(case: Path, truth: dict[str, Any]) -> None:
    (op,) = truth["operations"]
    people = {p["person_id"]: p for p in truth["people"]}
    assert op["safeguarded"] and all(people[p]["potential_victim"] for p in op["safeguarded"])
    actions = {r["action"] for r in _rows(case, "safeguarding.csv")}
    young = [p for p in op["arrested"] if people[p]["age"] < 18]
    if young:
        assert "nrm_referral" in actions
    phones = [r for r in _rows(case, "seizures.csv") if r["item_type"] == "phone"]
    line = next(x for x in truth["lines"] if x["line_id"] == op["line_id"])
    assert phones and _e164(phones[0]["number"]) in line["numbers"]
    assert phones[0]["imei"] in line["handsets"]


def test_truth_has_the_documented_shape(truth: dict[str, Any], case: Path) -> None:
    for key in ("seed", "scale", "params", "numbers", "lines", "people", "person_records"):
        assert key in truth
    assert truth["params"]["lines"] == len(truth["lines"]) == 2
    assert set(truth["params"]) == set(ScenarioParams.__dataclass_fields__)
    for v in truth["numbers"].values():
        assert v["role"] in ("deal_line", "controller", "runner", "customer", "other")
    roles = {p["role"] for p in truth["people"]}
    assert roles == {
        "line_holder",
        "controller",
        "runner",
        "customer",
        "cuckooed_resident",
        "other",
    }
    for line in truth["lines"]:
        for n in line["numbers"]:
            assert truth["numbers"][n]["line_id"] == line["line_id"]
    json.dumps(truth)  # plain JSON types throughout
