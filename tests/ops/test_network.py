"""The crew network before and after an operation."""

from __future__ import annotations

from pathlib import Path

from linewatch.ops.network import network_change
from linewatch.store import open_store
from tests.events import insert_events

NO_ARRESTS = "SELECT NULL::VARCHAR AS person_id, NULL::VARCHAR AS status WHERE false"


def test_seized_controller_phone_splits_the_line(tmp_path: Path) -> None:
    con = open_store(tmp_path / "s.duckdb")
    con.execute(
        "INSERT INTO number_roles VALUES ('+1', 'controller', 'L1', 0, [], 'r'), "
        "('+2', 'deal_line', 'L1', 1, [], 'r'), ('+3', 'runner', 'L1', 0, [], 'r'), "
        "('+4', 'runner', 'L1', 0, [], 'r'), ('+9', 'customer', 'L1', 0, [], 'r')"
    )
    pairs = [("+1", "+2"), ("+1", "+3"), ("+1", "+4"), ("+2", "+9"), ("+3", "+3")]
    for caller, callee in pairs:
        insert_events(
            con,
            "(ts, type, caller, callee, seen_caller, seen_callee, src_file, run_id) "
            "VALUES (now(), 'call', ?, ?, true, false, 'f', 'r')",
            [caller, callee],
        )
    con.execute(
        "INSERT INTO seizures (seizure_id, seized_at, item_type, operation_id, number, src_file, "
        "run_id) VALUES ('S1', now(), 'phone', 'OP', '+1', 'f', 'r')"
    )
    change = network_change(con, "OP", NO_ARRESTS)
    assert change is not None
    assert change["before"] == {
        "numbers": 4,
        "links": 3,
        "components": 1,
        "largest_component": 4,
        "lines_with_controller": 1,
        "lines_with_runner": 1,
    }
    assert change["after"] == {
        "numbers": 3,
        "links": 0,
        "components": 3,
        "largest_component": 1,
        "lines_with_controller": 0,
        "lines_with_runner": 1,
    }
    assert change["numbers_taken"] == ["+1"]
    assert network_change(con, "OTHER-OP", NO_ARRESTS)["after"]["components"] == 1  # type: ignore[index]
