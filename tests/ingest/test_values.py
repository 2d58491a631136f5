"""Value readers in SQL (postcodes, location keys, dates, lists, VRMs), as properties."""

from __future__ import annotations

import re
from datetime import date

import duckdb
from hypothesis import given, settings
from hypothesis import strategies as st

from linewatch.ingest import values as vl
from linewatch.ingest.locations import key_sql, postcode_sql

CON = duckdb.connect()
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIGITS = "0123456789"


def sql(expression: str, *values: str | None) -> object:
    """Evaluate `expression` over parameters bound as VARCHAR columns a, b."""
    names = ["a", "b"][: len(values)]
    cols = ", ".join(f"?::VARCHAR AS {n}" for n in names)
    row = CON.execute(f"SELECT {expression} FROM (SELECT {cols})", list(values)).fetchone()
    assert row is not None
    return row[0]


@st.composite
def postcodes(draw: st.DrawFn) -> str:
    """A well-formed UK postcode in standard form, e.g. `ME4 4XX` or `SW1A 1AA`."""
    area = draw(st.text(LETTERS, min_size=1, max_size=2))
    district = draw(st.sampled_from(DIGITS)) + draw(st.sampled_from(["", *DIGITS, *LETTERS]))
    inward = draw(st.sampled_from(DIGITS)) + draw(st.text(LETTERS, min_size=2, max_size=2))
    return f"{area}{district} {inward}"


def scramble(draw: st.DrawFn, text: str) -> str:
    """`text` with random case and random whitespace between its characters."""
    gaps = st.sampled_from(["", "", " ", "  ", "\t"])
    out = "".join(draw(gaps) + (c.lower() if draw(st.booleans()) else c) for c in text)
    return out + draw(gaps)


@given(st.data(), postcodes())
@settings(max_examples=150, deadline=None)
def test_any_spelling_of_a_postcode_reads_as_its_standard_form(
    data: st.DataObject, postcode: str
) -> None:
    written = scramble(data.draw, postcode.replace(" ", "")).strip()
    assert sql(postcode_sql("a"), written) == postcode


@given(st.text(max_size=12))
@settings(max_examples=200, deadline=None)
def test_postcode_reader_returns_a_standard_form_or_nothing(text: str) -> None:
    got = sql(postcode_sql("a"), text)
    if got is not None:
        assert isinstance(got, str)
        assert re.fullmatch(r"[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}", got)
        assert got.replace(" ", "") == re.sub(r"\s", "", text).upper()


# Letters only, so that no part of an address can look like the postcode that follows it.
words = st.text(LETTERS + "abc'-", min_size=1, max_size=8)


@given(st.data(), st.lists(words, min_size=1, max_size=4), postcodes())
@settings(max_examples=150, deadline=None)
def test_location_key_ignores_case_spacing_and_comma_spacing(
    data: st.DataObject, parts: list[str], postcode: str
) -> None:
    tidy = ", ".join(parts)
    messy = data.draw(st.sampled_from([" ,", ",", " , ", ",  "])).join(
        data.draw(st.sampled_from(["", " "])) + p.lower() for p in parts
    )
    expected = tidy.upper() + ", " + postcode
    assert sql(key_sql("a", "b"), messy, postcode) == expected
    assert sql(key_sql("a", "b"), expected, postcode) == expected  # the postcode is not added twice


def test_location_key_without_address_is_null() -> None:
    assert sql(key_sql("a", "b"), None, "ME4 4XX") is None


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
@settings(max_examples=100, deadline=None)
def test_iso_dates_read_and_other_orders_do_not(day: date) -> None:
    assert sql(vl.date_sql("a"), day.isoformat()) == day
    assert sql(vl.date_sql("a"), day.strftime("%d/%m/%Y")) is None


@given(st.lists(st.text(LETTERS + " ", max_size=6), max_size=5))
@settings(max_examples=100, deadline=None)
def test_lists_split_on_semicolons_trimmed_without_empties(items: list[str]) -> None:
    expected = [i.strip() for i in items if i.strip()]
    assert sql(vl.list_sql("a"), ";".join(items)) == (expected or None)


def test_vrm_and_imei_readers() -> None:
    assert sql(vl.vrm_sql("a"), " ab12 cde ") == "AB12CDE"
    assert sql(vl.vrm_sql("a"), "AB-12") is None
    assert sql(vl.imei_sql("a"), "35-345678-901234 5") == "353456789012345"
    assert sql(vl.imei_sql("a"), "3534") is None
