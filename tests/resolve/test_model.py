"""Comparison levels of the linking model, evaluated on pairs of values in DuckDB."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from linewatch.resolve.model import DOB


def _dob_level(left: date, right: date) -> str:
    """Label of the first date-of-birth level two dates reach ("disagree" when none)."""
    con = duckdb.connect()
    for level in DOB:
        hit = con.execute(
            f"SELECT {level.sql} FROM (SELECT ?::DATE AS dob_l, ?::DATE AS dob_r, "
            "strftime(dob_l, '%Y%m%d') AS dob_s_l, strftime(dob_r, '%Y%m%d') AS dob_s_r)",
            [left, right],
        ).fetchall()[0][0]
        if hit:
            return level.label
    return "disagree"


@pytest.mark.parametrize(
    ("left", "right"),
    [(date(2007, 2, 5), date(2007, 2, 3)), (date(2007, 1, 31), date(2007, 2, 2))],
)
def test_two_days_apart_is_not_a_digit_slip(left: date, right: date) -> None:
    assert _dob_level(left, right) == "two days apart"


@pytest.mark.parametrize(
    ("left", "right", "label"),
    [
        (date(2007, 2, 5), date(2007, 2, 4), "a day apart or day and month swapped"),
        (date(2007, 2, 5), date(2007, 2, 8), "one digit differs"),
        (date(2007, 1, 31), date(2007, 2, 3), "within a year"),
    ],
)
def test_other_gaps_keep_their_levels(left: date, right: date, label: str) -> None:
    assert _dob_level(left, right) == label
