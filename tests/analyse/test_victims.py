"""Safeguarding evidence that few phone records leave: a trap house seen in its resident's own
records, and a runner seen by intelligence selling on the street with no number."""

from __future__ import annotations

import datetime as dt

import duckdb

from linewatch.analyse.run import analyse
from tests.analyse.test_analyse import CUSTOMERS, FRIENDS, OLD, RUNNER, T0
from tests.analyse.test_people import RESIDENT, _load, _people
from tests.events import insert_events

OWN = "+447400000020"  # its own records were obtained: one call from the runner, never answered
THEIRS = "+447400000021"  # seen only in the runner's records: one call, as to a customer


def _event(
    con: duckdb.DuckDBPyConnection,
    ts: dt.datetime,
    caller: str,
    callee: str,
    seen_caller: bool,
    seen_callee: bool,
) -> None:
    insert_events(
        con,
        "(ts, type, caller, callee, seen_caller, seen_callee, src_file, src_line, run_id) "
        "VALUES (?, 'call', ?, ?, ?, ?, 't', 1, 'r')",
        [ts, caller, callee, seen_caller, seen_callee],
    )


def _person(con: duckdb.DuckDBPyConnection, rid: str, dob: str | None, number: str | None) -> None:
    con.execute(
        "INSERT INTO person_records (record_id, source_kind, source_id, dob, src_file, run_id)"
        " VALUES (?, ?, ?, ?, 't', 'r')",
        [rid, rid.split(":")[0], rid, dob],
    )
    if number:
        con.execute("INSERT INTO subscribers VALUES (?, ?, NULL, NULL, 't', 1, 'r')", [number, rid])


def test_one_runner_call_in_the_residents_own_records_marks_a_trap_house(
    store: duckdb.DuckDBPyConnection,
) -> None:
    _load(store)
    day = T0 + dt.timedelta(days=12, hours=19)
    _event(store, day, RUNNER, OWN, False, True)  # the runner's phone was not obtained
    _event(store, day + dt.timedelta(minutes=5), RUNNER, THEIRS, True, False)
    for k, friend in enumerate(FRIENDS[30:34]):  # the resident's own life, both ways
        _event(store, T0 + dt.timedelta(days=k, hours=10), OWN, friend, True, False)
        _event(store, T0 + dt.timedelta(days=k, hours=11), friend, OWN, False, True)
    _person(store, "subscribers:20", "1970-01-01", OWN)
    _person(store, "subscribers:21", "1970-01-01", THEIRS)
    analyse(store)
    people = _people(store)
    role, victim, reasons = people["subscribers:20"]
    assert (role, victim) == ("cuckooed_resident", True)
    assert any("its own records" in r for r in reasons)
    # One call seen from the runner's side only is what a customer gets on delivery.
    assert people["subscribers:21"][:2] == ("customer", False)


def _intel(con: duckdb.DuckDBPyConnection, item: int, rid: str, dob: str | None, text: str) -> None:
    _person(con, rid, dob, None)
    con.execute(
        "INSERT INTO intel_items (report_id, item, reported_at, source_eval, intel_eval, "
        "handling, subject_record_id, subject_category, conduct, text, src_file, run_id) VALUES "
        "('IR-9', ?, ?, '2', 'B', 'P', ?, 'suspect', 'MDA1971-s4-3-b', ?, 't', 'r')",
        [item, T0, rid, text],
    )


def test_a_young_adult_seen_handing_over_wraps_is_a_runner_and_a_potential_victim(
    store: duckdb.DuckDBPyConnection,
) -> None:
    _load(store)
    street = "{} seen handing over small wraps near Rochester station, thought to be from London."
    _intel(store, 1, "intelligence:IR-9:1", "2004-02-01", street.format("Kez"))  # 20
    _intel(store, 2, "intelligence:IR-9:2", None, street.format("Rich"))  # age unknown
    _intel(store, 3, "intelligence:IR-9:3", "1980-02-01", street.format("Dave"))  # 44
    holder = "Jo controls the 'Tom' line from Lambeth and sends young people out."
    _intel(store, 4, "intelligence:IR-9:4", "2003-02-01", holder)  # 21, a controller
    analyse(store)
    people = _people(store)
    assert people["intelligence:IR-9:1"][:2] == ("runner", True)
    assert any("aged 18 to 24" in r for r in people["intelligence:IR-9:1"][2])
    assert any("selling on the street" in r for r in people["intelligence:IR-9:1"][2])
    assert people["intelligence:IR-9:2"][:2] == ("runner", True)  # victims first
    assert people["intelligence:IR-9:3"][:2] == ("runner", False)  # an adult: evidence needed
    # A controller is no runner and no victim for his age (no evidence row at all here).
    assert people.get("intelligence:IR-9:4", ("other", False, []))[:2] == ("other", False)


DELIVERED = "+447400000030"  # called by the runner twice, 19 days apart, never answers
FRIEND = "+447400000031"  # called by the runner twice, and calls back


def test_number_the_runner_calls_weeks_apart_and_never_answers_is_a_customer(
    store: duckdb.DuckDBPyConnection,
) -> None:
    """Its orders went to a deal number whose records were not obtained; the runner's calls
    on delivery, seen in the runner's records, are its only trace. A friend calls back, and
    the trap-house phone of test_people (called daily) stays a trap house, not a customer."""
    _load(store)
    for day in (1, 20):
        _event(store, T0 + dt.timedelta(days=day, hours=18), RUNNER, DELIVERED, True, False)
        _event(store, T0 + dt.timedelta(days=day, hours=19), RUNNER, FRIEND, True, False)
    _event(store, T0 + dt.timedelta(days=3, hours=12), FRIEND, RUNNER, False, True)
    analyse(store)
    roles = dict(store.execute("SELECT number, role FROM number_roles").fetchall())
    assert roles[DELIVERED] == "customer"
    assert roles[FRIEND] == "other"
    assert roles[RESIDENT] == "other"
    reasons = store.execute("SELECT reasons FROM number_roles WHERE number = ?", [DELIVERED])
    row = reasons.fetchone()
    assert row and "delivers to" in row[0][0]
    people = _people(store)
    assert people["subscribers:3"][:2] == ("cuckooed_resident", True)


COURIER = "+447400000040"  # calls three of the line's customers, who never call it
PAL = "+447400000041"  # calls three customers too, and one of them calls back


def test_number_calling_customers_who_never_call_it_is_a_runner_on_delivery(
    store: duckdb.DuckDBPyConnection,
) -> None:
    """The deal number relaying to COURIER was not obtained: its delivery calls, seen from the
    customers' records, are its only trace, with one call from the line's phone, which makes
    it a contact of the line like a customer. A customer's friend is called back."""
    _load(store)
    _event(store, T0 + dt.timedelta(days=2, hours=20), OLD, COURIER, True, False)
    for k, customer in enumerate(CUSTOMERS[20:23]):
        when = T0 + dt.timedelta(days=2 + k, hours=21)
        _event(store, when, COURIER, customer, False, True)
        _event(store, when + dt.timedelta(minutes=30), PAL, customer, False, True)
    _event(store, T0 + dt.timedelta(days=9, hours=10), CUSTOMERS[21], PAL, True, False)
    _person(store, "subscribers:40", None, COURIER)
    analyse(store)
    rows = store.execute("SELECT number, role, reasons FROM number_roles").fetchall()
    roles = {n: (r, reasons) for n, r, reasons in rows}
    assert roles[COURIER][0] == "runner"
    assert "on delivery" in roles[COURIER][1][0]
    assert roles[PAL][0] == "other"
    assert _people(store)["subscribers:40"][:2] == ("runner", True)  # age unknown: victims first
