"""Handmade person records and evidence rows for the resolution tests."""

from __future__ import annotations

from datetime import date

import duckdb

from tests.events import insert_events

Record = tuple[str, str | None, date | None, str | None, str | None, str | None]


def add_records(con: duckdb.DuckDBPyConnection, records: list[Record]) -> None:
    """Insert (record_id, name, dob, address, postcode, number) person records."""
    con.executemany(
        """INSERT INTO person_records (record_id, source_kind, source_id, name, dob, address,
            postcode, number, src_file, run_id)
        VALUES (?, split_part(?, ':', 1), split_part(?, ':', 2), ?, ?, ?, ?, ?, 'test.csv', 'R')""",
        [(r[0], r[0], r[0], *r[1:]) for r in records],
    )


def person_of(con: duckdb.DuckDBPyConnection, record_id: str) -> str:
    """The person id a record is clustered into."""
    rows = con.execute(
        "SELECT person_id FROM person_clusters WHERE record_id = ?", [record_id]
    ).fetchall()
    return str(rows[0][0])


KYLE = date(2001, 2, 3)
JORDAN = date(1999, 7, 9)
BURNER = "+447700900001"

# Kyle Brown in four sources; Jordan Smith shares Kyle's burner; a second, older John Smith.
PEOPLE: list[Record] = [
    ("arrests:A1", "Kyle J. Brown", KYLE, "12 High Street, Chatham", "ME4 4XX", None),
    ("intelligence:IR1:1", "BROWN, Kyle", date(2001, 2, 4), None, None, BURNER),
    ("safeguarding:S1", "Ky Brown", KYLE, "12 High St, Chatham", "ME4 4XX", None),
    ("subscribers:SUB1", "Kyle Brown", KYLE, "12 High Street", "ME4 4XX", "+447700900002"),
    ("arrests:A2", "Jordan Smith", JORDAN, "3 Mill Lane, Gillingham", "ME7 1AA", BURNER),
    ("seizures:Z2", "SMITH Jordan", JORDAN, "3 Mill Lane", "ME7 1AA", BURNER),
    ("arrests:A3", "John Smith", date(1980, 1, 1), "9 Park Road, Rochester", "ME1 2BB", None),
    ("subscribers:SUB3", "John Smith", date(1985, 5, 5), "40 York Road, Strood", "ME2 3CC", None),
]

KYLE_PHONE = "+447700900002"
EVENT = (
    "(ts, type, caller, callee, caller_imei, seen_caller, seen_callee, src_file, run_id) "
    "VALUES (TIMESTAMPTZ '2026-01-05 10:00:00+00', 'call', ?, ?, ?, true, false, 'cdr.csv', 'R')"
)


def add_phone_evidence(con: duckdb.DuckDBPyConnection) -> None:
    """Kyle's subscriber check; Jordan's seized handset, which carries the burner."""
    con.execute(
        "INSERT INTO subscribers (number, person_record_id, src_file, run_id) "
        "VALUES (?, 'subscribers:SUB1', 'subscribers.csv', 'R')",
        [KYLE_PHONE],
    )
    con.execute(
        "INSERT INTO seizures (seizure_id, seized_at, item_type, person_record_id, imei, "
        "src_file, run_id) VALUES ('Z2', TIMESTAMPTZ '2026-01-06 06:00:00+00', 'phone', "
        "'seizures:Z2', '356938035643809', 'seizures.csv', 'R')"
    )
    for row in [(BURNER, KYLE_PHONE, "356938035643809"), (KYLE_PHONE, BURNER, "490154203237518")]:
        insert_events(con, EVENT, list(row))
