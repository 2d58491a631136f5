"""People and safeguarding on the handmade line of test_analyse: who is a potential victim, why."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from linewatch.analyse.run import analyse
from linewatch.analyse.victims import younger_than_sql
from tests.analyse.test_analyse import BOSS, CUSTOMERS, FRIENDS, RUNNER, T0, _events
from tests.events import insert_events

RESIDENT = "+447400000009"
RESIDENT2 = "+447400000010"  # called on one day only; answered an appointment reminder once
REMINDER = "+447400000011"  # a bulk sender almost no one answers


def _load(con: duckdb.DuckDBPyConnection) -> None:
    """The handmade line, a trap-house phone the runner calls, and a few person records."""
    calls = [(T0 + dt.timedelta(days=d, hours=20), "call", RUNNER, RESIDENT) for d in range(5)]
    calls += [(T0 + dt.timedelta(hours=h), "call", RUNNER, RESIDENT2) for h in (13, 15, 17)]
    reminder = T0 + dt.timedelta(days=2, hours=9)
    calls += [
        (reminder + dt.timedelta(seconds=i), "sms", REMINDER, n)
        for i, n in enumerate([*FRIENDS[20:40], RESIDENT2])
    ]
    calls.append((reminder + dt.timedelta(minutes=5), "sms", RESIDENT2, REMINDER))
    extra = pd.DataFrame(calls, columns=["ts", "type", "caller", "callee"])
    frame = pd.concat([_events(), extra])
    con.register("frame", frame)
    insert_events(
        con,
        "(ts, type, caller, callee, seen_caller, seen_callee, src_file, src_line, run_id) "
        "SELECT ts, type, caller, callee, true, true, 't', 1, 'r' FROM frame",
    )
    people = [
        ("subscribers:1", "2009-05-01", RUNNER),
        ("subscribers:2", "1980-01-01", BOSS),
        ("subscribers:3", "1970-01-01", RESIDENT),
        ("subscribers:4", "1990-01-01", CUSTOMERS[0]),
        ("subscribers:5", "1975-01-01", RESIDENT2),
        ("subscribers:6", "2004-01-01", RUNNER),  # a second record: an adult of 20 on it
        ("intelligence:IR-1:1", "2008-02-02", None),
        ("safeguarding:SG-1", "1960-03-03", None),
    ]
    for rid, dob, number in people:
        kind = rid.split(":")[0]
        con.execute(
            "INSERT INTO person_records (record_id, source_kind, source_id, dob, src_file, run_id)"
            " VALUES (?, ?, ?, ?, 't', 'r')",
            [rid, kind, rid, dob],
        )
        if number:
            con.execute(
                "INSERT INTO subscribers VALUES (?, ?, NULL, NULL, 't', 1, 'r')", [number, rid]
            )
    con.execute(
        "INSERT INTO intel_items (report_id, item, reported_at, source_eval, intel_eval, "
        "handling, subject_record_id, subject_category, src_file, run_id) VALUES "
        "('IR-1', 1, ?, '2', 'B', 'P', 'intelligence:IR-1:1', 'victim', 't', 'r')",
        [T0],
    )
    con.execute(
        "INSERT INTO safeguarding_actions (action_id, action_at, action, person_record_id, notes, "
        "src_file, run_id) VALUES ('SG-1', ?, 'identified', 'safeguarding:SG-1', "
        "'resident of cuckooed address', 't', 'r')",
        [T0],
    )


def _people(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, bool, list[str]]]:
    rows = con.execute("SELECT person_id, role, potential_victim, reasons FROM person_roles")
    return {p: (r, v, reasons) for p, r, v, reasons in rows.fetchall()}


def test_child_runner_and_trap_house_resident_are_potential_victims(
    store: duckdb.DuckDBPyConnection,
) -> None:
    _load(store)
    analyse(store)
    people = _people(store)
    assert people["subscribers:1"][:2] == ("runner", True)
    assert any("under 18" in r for r in people["subscribers:1"][2])
    assert people["subscribers:3"][:2] == ("cuckooed_resident", True)
    assert any("never called back" in r for r in people["subscribers:3"][2])
    assert people["subscribers:5"][:2] == ("cuckooed_resident", True)
    assert people["subscribers:6"][:2] == ("runner", True)
    assert any("aged 18 to 24" in r for r in people["subscribers:6"][2])
    number_role = store.execute("SELECT role FROM number_roles WHERE number = ?", [RESIDENT])
    assert number_role.fetchone() == ("other",)


def test_sources_other_than_phones_flag_victims_and_targets_are_not(
    store: duckdb.DuckDBPyConnection,
) -> None:
    _load(store)
    analyse(store)
    people = _people(store)
    assert people["intelligence:IR-1:1"][1] is True
    assert people["safeguarding:SG-1"][:2] == ("cuckooed_resident", True)
    assert people["subscribers:2"][1] is False  # an adult in touch with the runner
    assert people["subscribers:4"][:2] == ("customer", False)
    assert all(reasons for _, _, reasons in people.values())


def test_an_age_counts_from_the_birthday_not_the_calendar_year() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE comm_events AS SELECT TIMESTAMPTZ '2024-06-03 12:00' AS ts")
    for dob, under in (("2006-06-03", False), ("2006-06-04", True), ("2006-01-01", False)):
        row = con.execute(f"SELECT {younger_than_sql(f'DATE {dob!r}', 18)}").fetchone()
        assert row == (under,), dob
