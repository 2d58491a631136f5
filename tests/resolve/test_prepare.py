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
