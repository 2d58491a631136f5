"""Counts a statement states: arrests in total, warrants, phones, vehicles, vulnerable people."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span

from linewatch.ops.releases.context import is_current
from linewatch.ops.releases.pipeline import Sentence
from linewatch.ops.releases.vocab import words

ARREST_WORDS = frozenset({"arrested", "arrests", "arrest", "detained"})
GENERIC_PEOPLE = words("people persons suspects individuals others")
COUNT_SKIP = words("more further other additional")
ADDITIVE = frozenset({"further", "another", "additional"})
TOTAL = re.compile(r"\b(?:total|in all|altogether|overall)\b", re.IGNORECASE)
PART_OR_AS = frozenset({"including", "whom", "which", "among", "them", "as"})
WARRANT_SKIP = words(
    "search drugs drug further more misuse of act firearms planned pre-planned simultaneous "
    "coordinated early morning dawn -"
)
ADDRESSES = words("addresses properties homes premises locations houses flats")
SEIZED = re.compile(
    r"seiz|recover|\bfound\b|discover|located|confiscat|uncovered|\bhaul\b", re.IGNORECASE
)
SAFEGUARD = re.compile(r"safeguard|identified|referr|rescued|protected|place of safety", re.I)
VULNERABLE_NOUNS = words(
    "people persons adults children individuals victims youngsters teenagers juveniles child "
    "adult person victim women men boys girls woman man boy girl residents"
)
VULNERABLE_SKIP = words("vulnerable young potential exploited at-risk other more further")
# Counted here only with these words; "five children were safeguarded" is read as people described.
VULNERABLE_WORDS = words("vulnerable potential exploited at-risk victims victim")
PHONES = words("phone phones handset handsets mobiles smartphone smartphones")
PHONE_SKIP = words("mobile burner deal line - smart cheap basic other more further")
VEHICLES = words(
    "car cars vehicle vehicles van vans motorbike motorbikes moped mopeds motorcycle motorcycles"
)
VEHICLE_SKIP = words("stolen high - value luxury hire cloned other more further suspected")
NOT_SEIZED_VEHICLE = words("in from inside into stopped drove driving by")


@dataclass(frozen=True)
class Counted:
    """A number and the noun it counts, with where the number is."""

    value: int
    index: int
    noun: int


def counted(
    tokens: Span, nouns: frozenset[str], skip: frozenset[str], article: bool
) -> Iterator[Counted]:
    """Each number followed, over skip words (and ages), by one of nouns: "seven mobile phones"."""
    for i, token in enumerate(tokens):
        value = token._.num
        if value is None and article and token.lower_ in ("a", "an"):
            value = 1
        if value is None or (i and tokens[i - 1].text == "£"):
            continue
        j = i + 1
        while j < len(tokens) and j - i <= 4 and (tokens[j].lower_ in skip or tokens[j]._.is_age):
            j += 1
        if j < len(tokens) and tokens[j].lower_ in nouns:
            yield Counted(value, i, j)


def _words(tokens: Span, start: int, end: int) -> set[str]:
    """Lower-case words of tokens[start:end], clipped to the span."""
    return {t.lower_ for t in tokens[max(0, start) : min(len(tokens), end)]}


def _arrest_counts(tokens: Span) -> Iterator[Counted]:
    """Numbers of arrests: "12 arrests", "seven people were arrested", "arrested 12 people"."""
    for found in counted(
        tokens, GENERIC_PEOPLE | {"arrests", "arrested", "were", "have"}, COUNT_SKIP, False
    ):
        if found.index and tokens[found.index - 1].lower_ == "aged":
            continue  # "a woman aged 35 were detained" gives an age, not a count
        noun = tokens[found.noun].lower_
        after = [t.lower_ for t in tokens[found.noun + 1 : found.noun + 5]]
        before = _words(tokens, found.index - 4, found.index)
        charged_first = (
            "charged" in after[: next((k for k, w in enumerate(after) if w in ARREST_WORDS), 4)]
        )
        if noun in ("arrests", "arrested") or (
            (before & ARREST_WORDS or set(after) & ARREST_WORDS) and not charged_first
        ):
            yield found


@dataclass(frozen=True)
class StatedArrests:
    """The arrests a statement states, and where: whether one count alone gives it."""

    value: int
    at: int  # token offset in the document of the first count
    alone: bool  # one count, neither called a total nor added to ("a further two")


def arrests_total(sentences: list[Sentence]) -> StatedArrests | None:
    """The total stated: an explicit total, else the first count plus any "further" ones."""
    first: Counted | None = None
    at, extra = 0, 0
    for sentence in sorted(sentences, key=lambda s: s.title):  # the headline last
        if not is_current(sentence):
            continue
        tokens = sentence.span
        for found in _arrest_counts(tokens):
            if TOTAL.search(sentence.text):
                return StatedArrests(found.value, tokens.start + found.index, False)
            if first is None:
                first, at = found, tokens.start + found.index
            elif _words(tokens, found.index - 2, found.index) & ADDITIVE:
                extra += found.value
    return None if first is None else StatedArrests(first.value + extra, at, not extra)


def warrants(sentences: list[Sentence]) -> int | None:
    """Warrants executed: "seven warrants", "a warrant", "warrants at 14 addresses"."""
    stated = []
    for sentence in sentences:
        if not is_current(sentence) or "warrant" not in sentence.text.lower():
            continue
        found = list(counted(sentence.span, frozenset({"warrant", "warrants"}), WARRANT_SKIP, True))
        found = found or list(
            counted(sentence.span, ADDRESSES, COUNT_SKIP | {"different", "separate"}, False)
        )
        if found and TOTAL.search(sentence.text):
            return found[0].value
        stated += found
    return stated[0].value if stated else None


def _summed(found: list[tuple[int, bool]]) -> int | None:
    """A stated total if any, else the sum of the counts."""
    totals = [value for value, total in found if total]
    return totals[0] if totals else sum(v for v, _ in found) if found else None


def vulnerable_people(sentences: list[Sentence], described: int) -> int | None:
    """Vulnerable people or victims identified: a stated total, else counts plus those described."""
    found: list[tuple[int, bool]] = []
    for sentence in sentences:
        if not is_current(sentence) or not SAFEGUARD.search(sentence.text):
            continue
        tokens = sentence.span
        for c in counted(tokens, VULNERABLE_NOUNS, VULNERABLE_SKIP, True):
            words = _words(tokens, c.index, c.noun + 1)
            after = _words(tokens, c.noun + 1, c.noun + 5)
            if _words(tokens, c.index - 2, c.index) & PART_OR_AS or after & ARREST_WORDS:
                continue
            if words & VULNERABLE_WORDS:
                found.append((c.value, bool(TOTAL.search(sentence.text))))
    return _summed([*found, (described, False)] if described else found)


def seized_count(
    sentences: list[Sentence], nouns: frozenset[str], skip: frozenset[str]
) -> int | None:
    """A number of things seized (phones, vehicles), summed over the statement."""
    found: list[tuple[int, bool]] = []
    for sentence in sentences:
        if not is_current(sentence) or not SEIZED.search(sentence.text):
            continue
        tokens = sentence.span
        for c in counted(tokens, nouns, skip, True):
            if not (c.index and tokens[c.index - 1].lower_ in NOT_SEIZED_VEHICLE):
                found.append((c.value, bool(TOTAL.search(sentence.text))))
    return _summed(found)
