"""Name parsing: the forms sources write a name in all reach the same parts."""

from __future__ import annotations

import duckdb
import pytest

from linewatch.resolve.prepare import build_input


def _parse(name: str) -> tuple[str | None, str | None, str | None, str | None]:
    con = duckdb.connect()
    con.execute(
        """CREATE TABLE person_records AS SELECT 'r:1' AS record_id, ? AS name,
        DATE '2001-03-02' AS dob, NULL::VARCHAR AS address, NULL::VARCHAR AS postcode,
        NULL::VARCHAR AS number""",
        [name],
    )
    build_input(con)
    row = con.execute("SELECT given, surname, given_key, initials FROM er_input").fetchall()[0]
    return row[0], row[1], row[2], row[3]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kyle J. Brown", ("kyle", "brown", "kyle", "kb")),
        ("BROWN, Kyle", ("kyle", "brown", "kyle", "kb")),
        ("WATSON Henry", ("henry", "watson", "henry", "hw")),
        ("Ky Brown", ("ky", "brown", "kyle", "kb")),
        ("Bill O'Reilly", ("bill", "oreilly", "william", "bo")),
        ("KB", (None, None, None, "kb")),
    ],
)
def test_name_forms(name: str, expected: tuple[str | None, ...]) -> None:
    assert _parse(name) == expected


def test_swapped_day_and_month_share_a_blocking_key() -> None:
    con = duckdb.connect()
    con.execute(
        """CREATE TABLE person_records AS SELECT * FROM (VALUES
        ('r:1', 'A B', DATE '2001-03-02'), ('r:2', 'A B', DATE '2001-02-03'))
        t(record_id, name, dob)"""
    )
    con.execute("ALTER TABLE person_records ADD COLUMN address VARCHAR")
    con.execute("ALTER TABLE person_records ADD COLUMN postcode VARCHAR")
    con.execute("ALTER TABLE person_records ADD COLUMN number VARCHAR")
    build_input(con)
    keys = {k for (k,) in con.execute("SELECT dob_key FROM er_input").fetchall()}
    assert keys == {20010203}


@pytest.mark.parametrize(
    ("typed", "true"), [("Greeen", "Green"), ("Hnt", "Hunt"), ("Hutn", "Hunt"), ("Ells", "Ellis")]
)
def test_a_slipped_surname_shares_a_surname_key(typed: str, true: str) -> None:
    con = duckdb.connect()
    con.execute(
        """CREATE TABLE person_records AS SELECT * FROM (VALUES
        ('r:1', 'Sean ' || ?), ('r:2', 'Sean ' || ?)) t(record_id, name)""",
        [typed, true],
    )
    for col in ("dob DATE", "address VARCHAR", "postcode VARCHAR", "number VARCHAR"):
        con.execute(f"ALTER TABLE person_records ADD COLUMN {col}")
    build_input(con)
    rows = con.execute("SELECT surname_letters, surname_skeleton FROM er_input").fetchall()
    assert rows[0][0] == rows[1][0] or rows[0][1] == rows[1][1]
