"""People a sentence describes: "a 22-year-old man", "two men aged 19 and 23", "in her 30s"."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.matcher import Matcher
from spacy.tokens import Span, Token
from spacy.util import filter_spans

from linewatch.ops.releases.pipeline import nlp
from linewatch.ops.releases.vocab import (
    FEMALE,
    MALE,
    NEUTRAL,
    PERSON_MODIFIERS,
    PLURAL_NOUNS,
    words,
)

NOUNS = sorted(MALE | FEMALE | NEUTRAL)
NEW = frozenset({"a", "an", "another", "one"})
DEFINITE = words("the both these those this that all each his her their")
LIST_JOINS = frozenset({",", "and", "&"})
AFTER_BARE_AGE = frozenset(",;.()-\u2013") | words("from of and were was who have has")
RANGE_WORDS = frozenset({"to", "-", "\u2013"})
DECADES = words("teens twenties thirties forties fifties sixties seventies eighties")


@dataclass(frozen=True)
class Mention:
    """A description of one person or a group; end includes any ages given after the noun."""

    start: int
    end: int
    count: int | None
    ages: tuple[int, ...]
    sex: str | None
    definite: bool
    plural: bool

    def individuals(self) -> list[tuple[int | None, str | None]]:
        """(age, sex) of each person described one by one; none for a group given without ages."""
        if not self.plural:
            return [(self.ages[0] if self.ages else None, self.sex)]
        if self.count and len(self.ages) == 1 and self.count > 1:
            return [(self.ages[0], self.sex)] * self.count
        if self.ages and self.count in (None, len(self.ages)):
            return [(age, self.sex) for age in self.ages]
        return []


@cache
def _matcher() -> Matcher:
    """Anchors: an age adjective and/or a noun for a person, with modifiers between."""
    matcher = Matcher(nlp().vocab)
    modifiers = {"LOWER": {"IN": sorted(PERSON_MODIFIERS)}, "OP": "*"}
    noun = {"LOWER": {"IN": NOUNS}}
    age = {"_": {"is_age": True}}
    matcher.add("PERSON", [[age, modifiers, noun | {"OP": "?"}], [modifiers, noun]])
    return matcher


def _sex(tokens: list[Token]) -> str | None:
    """male, female or None, from the words describing the person."""
    words = {t.lower_ for t in tokens}
    return "male" if words & MALE else "female" if words & FEMALE else None


def _counts_next(tokens: Span, index: int) -> bool:
    """A number that counts the people named next ("and two men"), not an age in a list."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return following is not None and (
        following.lower_ in PERSON_MODIFIERS or following.lower_ in NOUNS or following._.is_age
    )


def _number_list(tokens: Span, index: int) -> tuple[list[int], int]:
    """Ages listed from index ("19, 21 and 23"); returns them and the index after the list."""
    ages: list[int] = []
    while index < len(tokens):
        token = tokens[index]
        value = token._.num if token._.num is not None else token._.age
        if value is not None and _counts_next(tokens, index):
            break
        if value is not None:
            ages.append(value)
        elif token.lower_ not in LIST_JOINS or not ages:
            break
        index += 1
    while index > 0 and tokens[index - 1].lower_ in LIST_JOINS:
        index -= 1
    return ages, index


def _ages_after(tokens: Span, index: int) -> tuple[list[int], int]:
    """Ages stated just after a noun: ", aged 19 and 23", "(22)", ", 22,", "in his 30s"."""
    start = index + 1 if index < len(tokens) and tokens[index].text == "," else index
    words = [t.lower_ for t in tokens[start : start + 6]]
    if words[:1] == ["("]:
        ages, end = _number_list(tokens, start + 1)
        return (
            (ages, end + 1)
            if ages and end < len(tokens) and tokens[end].text == ")"
            else ([], index)
        )
    if words[:1] in (["both"], ["all"], ["each"]) and words[1:2] == ["aged"]:
        start, words = start + 1, words[1:]
    if words[:1] == ["aged"]:
        if len(words) > 2 and (words[1] in ("between", "from") or words[2] in RANGE_WORDS):
            return [], start + 4 + (words[1] in ("between", "from"))
        return _number_list(tokens, start + 1)
    if words[:1] == ["in"] and len(words) > 2 and words[1] in ("his", "her", "their"):
        decade = words[3] if words[2] in ("early", "mid", "late") and len(words) > 3 else words[2]
        if decade in DECADES or decade.rstrip("s").isdigit():
            return [], start + 3 + (decade != words[2])
    if start > index:
        ages, end = _number_list(tokens, start)
        if (
            ages
            and all(10 <= a < 100 for a in ages)
            and (end >= len(tokens) or tokens[end].lower_ in AFTER_BARE_AGE)
        ):
            return ages, end
    return [], index


def _before(tokens: Span, start: int) -> tuple[int, int | None, bool]:
    """Scan back over determiners and counts: (new start, count, definite)."""
    count, definite, index = None, False, start
    while index > 0 and start - index < 3:
        token = tokens[index - 1]
        if token._.num is not None and count is None:
            count = token._.num
        elif token.lower_ in NEW:
            count = 1 if count is None else count
        elif token.lower_ in DEFINITE:
            definite = True
        elif token.lower_ not in PERSON_MODIFIERS:
            break
        index -= 1
    return index, count, definite


def mentions_in(tokens: Span) -> list[Mention]:
    """Every person or group described in a sentence, in order."""
    found: list[Mention] = []
    for anchor in filter_spans(_matcher()(tokens, as_spans=True)):
        start, end = anchor.start - tokens.start, anchor.end - tokens.start
        if found and start < found[-1].end:
            continue  # part of the ages of the mention before ("aged 19 and 23 years old")
        begin, count, definite = _before(tokens, start)
        age_tokens = [t._.age for t in anchor if t._.age is not None]
        ages, end = _ages_after(tokens, end)
        ages = age_tokens + ages
        plural = anchor[-1].lower_ in PLURAL_NOUNS or (count or 1) > 1 or len(ages) > 1
        if count is None and not ages and not definite and not (plural and anchor[0]._.is_age):
            continue  # "man" or "people" alone describes nobody in particular
        found.append(Mention(begin, end, count, tuple(ages), _sex(list(anchor)), definite, plural))
    return _merge_appositions(tokens, found)


def _apposition(tokens: Span, first: Mention, second: Mention) -> bool:
    """ "The driver, a 29-year-old man": two descriptions of one person, side by side."""
    return (
        second.start == first.end + 1
        and tokens[first.end].text == ","
        and not (first.plural or second.plural)
        and not (first.ages and second.ages)
        and (first.sex is None or second.sex is None or first.sex == second.sex)
    )


def _merge_appositions(tokens: Span, mentions: list[Mention]) -> list[Mention]:
    """Join appositions into one mention, new if either half is ("his partner, a woman")."""
    merged: list[Mention] = []
    for mention in mentions:
        if merged and _apposition(tokens, merged[-1], mention):
            first = merged.pop()
            mention = Mention(
                first.start,
                mention.end,
                1,
                first.ages or mention.ages,
                first.sex or mention.sex,
                first.definite and mention.definite,
                False,
            )
        merged.append(mention)
    return merged
