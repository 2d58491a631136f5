"""`linewatch plan` on a case: victims never targeted, warrant groups, budget, JSON shape."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from linewatch.plan.case import Case, chosen_warrants, load_case
from linewatch.plan.planner import plan
from linewatch.store import open_store
from tests.events import insert_events

# Two lines, each a clique of four numbers; the victim's number (+4499) joins the two
# controllers and is the single best cut. P1 holds both controllers (one warrant); P2 and P3
# share an address.
NUMBERS = {
    "+4471": ("deal_line", "L1", "P2"),
    "+4472": ("controller", "L1", "P1"),
    "+4473": ("runner", "L1", "P5"),
    "+4474": ("runner", "L1", "P6"),
    "+4481": ("deal_line", "L2", "P7"),
    "+4482": ("controller", "L2", "P1"),
    "+4483": ("runner", "L2", "P3"),
    "+4484": ("runner", "L2", "P8"),
    "+4499": ("runner", "L1", "P4"),
}
CLIQUES = (("+4471", "+4472", "+4473", "+4474"), ("+4481", "+4482", "+4483", "+4484"))
HOMES = {"P2": "1 Mill Lane", "P3": "1 Mill Lane", "P4": "9 Oak Road", "P8": "9 Oak Road"}


def _store(path: Path) -> Path:
    con = open_store(path)
    for number, (role, line, person) in NUMBERS.items():
        con.execute("INSERT INTO number_roles VALUES (?, ?, ?, 0, [], 'r')", [number, role, line])
        con.execute(
            "INSERT INTO phone_attribution VALUES (?, ?, 0.9, '{}', false, 1, 'r')",
            [number, person],
        )
    pairs = [(a, b) for q in CLIQUES for a in q for b in q if a < b]
    pairs += [("+4499", "+4472"), ("+4482", "+4499")]
    for a, b in pairs:
        insert_events(
            con,
            "(ts, type, caller, callee, seen_caller, seen_callee, src_file, run_id) "
            "VALUES (now(), 'call', ?, ?, true, true, 'f', 'r')",
            [a, b],
        )
    for person, address in HOMES.items():
        con.execute(
            "INSERT INTO person_records (record_id, source_kind, source_id, address, src_file, "
            "run_id) VALUES (?, 'sub', ?, ?, 'f', 'r')",
            [f"rec:{person}", person, address],
        )
        con.execute(
            "INSERT INTO person_clusters VALUES (?, ?, 1.0, 'r')", [f"rec:{person}", person]
        )
    con.execute(
        "INSERT INTO safeguarding_cases VALUES ('P4', now(), 'identified', now(), ['under 18'])"
    )
    con.execute("INSERT INTO person_roles VALUES ('P5', 'runner', 'L1', 0.9, true, [], 'r')")
    con.close()
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return _store(tmp_path / "case.duckdb")


def _case(db: Path, k: int, **kw: object) -> Case:
    con = open_store(db)
    try:
        return load_case(con, k, **kw)  # type: ignore[arg-type]
    finally:
        con.close()


def _removed(case: Case, k: int) -> set[str]:
    found = plan(case.graph, case.problem, 10)
    return {case.graph.ids[v] for v in found.removed}


def test_victims_are_never_chosen(db: Path) -> None:
    for k in range(4):
        removed = _removed(_case(db, k), k)
        assert not removed & {"+4499", "+4473"}
    # even when the victim is the only good cut left
    assert "+4499" not in _removed(_case(db, 1, exclude=["P1"]), 1)


def test_override_allows_the_victim(db: Path) -> None:
    assert "+4499" in _removed(_case(db, 1, exclude=["P1"], override_victims=True), 1)


def test_grouped_numbers_go_together_and_budget_holds(db: Path) -> None:
    case = _case(db, 2)
    groups = {frozenset(case.graph.ids[v] for v in w.members) for w in case.warrants}
    assert frozenset({"+4472", "+4482"}) in groups  # one person's numbers
    assert frozenset({"+4471", "+4483"}) in groups  # people at one address
    assert frozenset({"+4499"}) in groups  # a victim never joins an address group
    assert frozenset({"+4484"}) in groups
    for k in range(4):
        case = _case(db, k)
        found = plan(case.graph, case.problem, 10)
        taken = chosen_warrants(case, found.removed)
        assert len(taken) <= k
        assert sorted(found.removed) == sorted(v for t in taken for v in case.warrants[t].members)
    assert _removed(_case(db, 1), 1) == {"+4472", "+4482"}


def _run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    code = "from linewatch.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, "--db", str(db), "plan", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "COLUMNS": "400"},
    )


def test_json_shape_and_audited_override(db: Path) -> None:
    done = _run(db, "--warrants", "1", "--json", "--time-limit", "5", "--compare")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["warrants"] == 1 and doc["objective"] == "pairwise"
    assert doc["before"] == 36 and doc["after"] == 6 and doc["optimal"]
    assert doc["plan"] == [
        {
            "people": ["P1"],
            "addresses": [],
            "numbers": ["+4472", "+4482"],
            "lines": ["L1", "L2"],
            "roles": ["controller"],
            "harm": 0,
            "cuts": 30.0,
        }
    ]
    assert doc["excluded_victims"] == ["P4", "P5"]
    assert {row["strategy"] for row in doc["comparison"]} >= {"planner", "adaptive_degree"}
    refused = _run(db, "--warrants", "1", "--override-victims")
    assert refused.returncode != 0
    allowed = _run(
        db, "--warrants", "1", "--override-victims", "--authorised-by", "DI Smith", "--reason", "x"
    )
    assert allowed.returncode == 0, allowed.stderr
    con = open_store(db)
    rows = con.execute("SELECT by_user, scope, person_ids FROM target_overrides").fetchall()
    con.close()
    assert rows == [("DI Smith", "disruption plan", ["P4", "P5"])]


def test_harm_scores_weight_the_objective(db: Path) -> None:
    con = open_store(db)
    con.execute(
        "INSERT INTO harm_scores VALUES ('P7', 'cchi', 41.6, now(), now() + INTERVAL 30 DAY, '[]')"
    )
    con.close()
    case = _case(db, 1)
    weights = dict(zip(case.graph.ids, case.problem.weights or (), strict=True))
    assert weights["+4481"] == 42 and weights["+4471"] == 1


def test_a_runner_number_attributed_to_no_one_is_never_a_target(db: Path) -> None:
    con = open_store(db)
    con.execute("DELETE FROM phone_attribution WHERE number = '+4474'")
    con.close()
    case = _case(db, 3)
    assert "+4474" in case.victims
    for k in range(4):
        assert "+4474" not in _removed(_case(db, k), k)
