"""Phone numbers: the SQL fast path agrees with `phonenumbers`, in every written form."""

from __future__ import annotations

import duckdb
import phonenumbers
from hypothesis import given, settings
from hypothesis import strategies as st

from linewatch.ingest.numbers import fast_e164_sql, to_e164

national = st.text("0123456789", min_size=9, max_size=9).map(lambda d: "7" + d)
separators = st.sampled_from(["", " ", "-", ".", "  "])


@st.composite
def written_forms(draw: st.DrawFn) -> tuple[str, str]:
    """(a UK mobile as people write it, its E.164)."""
    digits = draw(national)
    sep = draw(separators)
    prefix = draw(st.sampled_from(["0", "+44", "44", "0044", "+44 ", "(0)"]))
    body = digits[:4] + sep + digits[4:] if sep else digits
    text = ("(0" + body[:4] + ")" + body[4:]) if prefix == "(0)" else prefix + body
    return text, "+44" + digits


def _fast(value: str) -> str | None:
    con = duckdb.connect()
    con.execute("CREATE TABLE t AS SELECT ?::VARCHAR AS c", [value])
    row = con.execute(f"SELECT {fast_e164_sql('c')} FROM t").fetchone()
    return None if row is None else row[0]


@given(written_forms())
@settings(max_examples=200, deadline=None)
def test_every_common_form_normalises_to_the_same_e164(form: tuple[str, str]) -> None:
    text, e164 = form
    assert to_e164(text) == (e164, None)


@given(written_forms())
@settings(max_examples=100, deadline=None)
def test_fast_path_agrees_with_phonenumbers(form: tuple[str, str]) -> None:
    text, _ = form
    fast = _fast(text)
    if fast is not None:
        assert fast == to_e164(text)[0]


@given(st.text(max_size=20))
@settings(max_examples=300, deadline=None)
def test_anything_either_normalises_to_a_possible_number_or_says_why(text: str) -> None:
    e164, reason = to_e164(text)
    if e164 is None:
        assert reason and repr(text) in reason
    else:
        assert e164.startswith("+")
        assert phonenumbers.is_possible_number(phonenumbers.parse(e164))


@given(st.text(max_size=16))
@settings(max_examples=200, deadline=None)
def test_fast_path_never_accepts_what_phonenumbers_refuses(text: str) -> None:
    fast = _fast(text)
    if fast is not None:
        assert to_e164(text)[0] == fast


def test_landlines_and_foreign_numbers_take_the_slow_path() -> None:
    assert _fast("020 7946 0000") is None
    assert to_e164("020 7946 0000") == ("+442079460000", None)
    assert to_e164("+33 6 12 34 56 78") == ("+33612345678", None)
    assert to_e164("0800 FLOWERS")[0] is None
