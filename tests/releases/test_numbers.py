"""Number words, digits and money amounts, as press releases write them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from linewatch.ops.releases.numbers import SMALL, money_amounts, parse_number

WORDS = {value: word for word, value in SMALL.items()}


def spell(n: int) -> str:
    """English words for 0 <= n < 1,000,000, written independently of the parser under test."""
    if n < 20:
        return WORDS[n]
    if n < 100:
        tens, units = divmod(n, 10)
        return WORDS[tens * 10] + (f"-{WORDS[units]}" if units else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{WORDS[hundreds]} hundred" + (f" and {spell(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    joiner = " and " if 0 < rest < 100 else " "
    return f"{spell(thousands)} thousand" + (f"{joiner}{spell(rest)}" if rest else "")


@given(st.integers(min_value=0, max_value=999_999))
def test_spelled_numbers_read_back(n: int) -> None:
    assert parse_number(spell(n)) == n
    assert parse_number(spell(n).upper().replace("-", " ")) == n


@given(st.integers(min_value=0, max_value=10**9))
def test_digits_with_and_without_thousands_commas(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n


def test_words_that_are_not_numbers() -> None:
    assert parse_number("a") is None
    assert parse_number("several") is None
    assert parse_number("twenty people") is None
    assert parse_number("a dozen") == 12


@given(st.integers(min_value=1, max_value=10**8))
def test_money_with_commas(n: int) -> None:
    text = f"officers seized around £{n:,} in cash"
    assert [amount for amount, _, _ in money_amounts(text)] == [n]


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["k", "K", " thousand"]))
def test_money_in_thousands(n: int, suffix: str) -> None:
    assert money_amounts(f"£{n}{suffix} was found")[0][0] == n * 1000


@given(st.integers(min_value=1, max_value=99), st.integers(min_value=0, max_value=9))
def test_money_in_millions(whole: int, tenth: int) -> None:
    for suffix in ("m", " million", "million"):
        amount = money_amounts(f"a haul of £{whole}.{tenth}{suffix} in cash")[0][0]
        assert amount == whole * 1_000_000 + tenth * 100_000


def test_money_span_stops_before_punctuation() -> None:
    text = "more than £33,000, which"
    amount, start, end = money_amounts(text)[0]
    assert (amount, text[start:end]) == (33000, "£33,000")
