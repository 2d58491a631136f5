"""Numbers as press releases write them: digits, words ("twenty-two") and money ("£14k")."""

from __future__ import annotations

import re

UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SMALL = {word: value for value, word in enumerate(UNITS)} | {
    word: 10 * (index + 2) for index, word in enumerate(TENS)
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
NUMBER_WORDS = frozenset(SMALL) | frozenset(SCALES) | {"dozen"}
DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
MONEY = re.compile(
    r"£\s?(?P<amount>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
    r"(?:\s?(?P<scale>k|m|bn|million|billion|thousand)\b)?",
    re.IGNORECASE,
)
MONEY_SCALES = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "million": 1_000_000}
MONEY_SCALES |= {"bn": 1_000_000_000, "billion": 1_000_000_000}


def parse_number(text: str) -> int | None:
    """A whole number written in digits or English words, else None.

    >>> parse_number("twenty-two"), parse_number("1,200"), parse_number("a dozen")
    (22, 1200, 12)
    """
    text = text.strip().lower()
    if DIGITS.fullmatch(text):
        return int(text.replace(",", ""))
    words = [w for w in re.split(r"[\s-]+", text) if w and w != "and"]
    if words[:2] == ["a", "dozen"] or words == ["dozen"]:
        return 12
    if words and words[0] == "a" and len(words) > 1 and words[1] in SCALES:
        words[0] = "one"
    return _words_value(words)


def _words_value(words: list[str]) -> int | None:
    """The value of a sequence of number words, None if any word is not one."""
    if not words or any(w not in SMALL and w not in SCALES for w in words):
        return None
    total, current = 0, 0
    for word in words:
        if word in SMALL:
            current += SMALL[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        else:
            total += max(current, 1) * SCALES[word]
            current = 0
    return total + current


def money_amounts(text: str) -> list[tuple[int, int, int]]:
    """Each sum of money in pounds with its character span: "£14k" -> 14000, "£1.2m" -> 1200000.

    >>> money_amounts("about £20,000 and £1.5m")
    [(20000, 6, 13), (1500000, 18, 23)]
    """
    found = []
    for match in MONEY.finditer(text):
        amount = float(match["amount"].replace(",", ""))
        scale = MONEY_SCALES.get((match["scale"] or "").lower(), 1)
        found.append((round(amount * scale), match.start(), match.end()))
    return found
