"""What was seized: cash in pounds, drugs and the classes they imply, weapons."""

from __future__ import annotations

import re
from functools import cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Span
from spacy.util import filter_spans

from linewatch.ops.releases.charges import CLASS_LIST, Charge, charges_in
from linewatch.ops.releases.context import is_current
from linewatch.ops.releases.counts import SEIZED
from linewatch.ops.releases.numbers import money_amounts
from linewatch.ops.releases.pipeline import Sentence, nlp
from linewatch.ops.releases.vocab import DRUG_CLASSES, NOT_SEIZED_AFTER, WEAPONS

CASH = re.compile(r"\b(?:cash|money|notes|banknotes|sterling)\b", re.IGNORECASE)
VALUE_BEFORE = re.compile(
    r"\b(?:worth|value|valued|estimated at|price|profit|turnover|earn\w*|mak\w+|made|fined?|"
    r"bail|compensation|reward|confiscation|order|laundered|laundering)\W+(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)
VALUE_AFTER = re.compile(
    r"^\W*(?:worth|of (?:drugs|cocaine|heroin|cannabis|class)|a (?:day|week|month|year)|per |"
    r"each|street value|in (?:drugs|profit))",
    re.IGNORECASE,
)
PART_BEFORE = re.compile(r"\b(?:including|of which|of this|of that)\W+(?:\w+\W+){0,3}$", re.I)
TOTAL_BEFORE = re.compile(r"\b(?:total|totalling|in all|altogether)\W+(?:\w+\W+){0,3}$", re.I)


def _cash_in(text: str) -> list[tuple[int, bool]]:
    """(pounds, is a stated total) for each sum of cash seized in one sentence."""
    found = []
    for pounds, start, end in money_amounts(text):
        before, after = text[max(0, start - 40) : start], text[end : end + 30]
        cash_near = bool(CASH.search(text[max(0, start - 25) : start]) or CASH.match(after.strip()))
        if VALUE_AFTER.match(after) or PART_BEFORE.search(before):
            continue
        if VALUE_BEFORE.search(before) and not cash_near:
            continue
        if CASH.search(text) or SEIZED.search(text):
            found.append((pounds, bool(TOTAL_BEFORE.search(before))))
    return found


def cash_gbp(sentences: list[Sentence]) -> int | None:
    """Cash seized: a stated total, else the sum of the sums named (a breakdown counts once)."""
    found = [item for s in sentences if is_current(s) for item in _cash_in(s.text)]
    totals = [pounds for pounds, total in found if total]
    if totals:
        return totals[0]
    amounts = [pounds for pounds, _ in found]
    if len(amounts) > 1 and amounts[0] == sum(amounts[1:]):
        return amounts[0]
    return sum(amounts) if amounts else None


@cache
def _things() -> PhraseMatcher:
    """Drug names and weapon kinds, any case."""
    matcher = PhraseMatcher(nlp().vocab, attr="LOWER")
    matcher.add("DRUG", [nlp().make_doc(name) for name in DRUG_CLASSES])
    matcher.add("WEAPON", [nlp().make_doc(form) for form in WEAPONS])
    return matcher


def _outside(span: Span, charges: list[Charge]) -> bool:
    """Not part of an offence phrase ("possession of a knife" is a charge, not a seizure)."""
    return not any(c.start <= span.start < c.end for c in charges)


def _seized_things(sentence: Sentence) -> list[tuple[str, str]]:
    """(label, lower-case name) for drugs and weapons seized in one sentence."""
    tokens = sentence.span
    charges = charges_in(tokens)
    found = []
    for span in filter_spans(_things()(tokens, as_spans=True)):
        following = tokens.doc[span.end].lower_ if span.end < len(tokens.doc) else ""
        if not _outside(span, charges) or following in NOT_SEIZED_AFTER | {"down"}:
            continue
        found.append((span.label_, span.text.lower()))
    return found


def _stated_classes(sentence: Sentence) -> list[str]:
    """Classes named outright ("suspected Class A drugs") outside offence phrases."""
    text, tokens = sentence.text, sentence.span
    for charge in charges_in(tokens):
        start = tokens.doc[charge.start].idx - tokens.start_char
        end = tokens.doc[charge.end - 1].idx + len(tokens.doc[charge.end - 1]) - tokens.start_char
        text = text[:start] + " " * (end - start) + text[end:]
    return [
        letter.upper()
        for m in CLASS_LIST.finditer(text)
        for letter in re.findall(r"\b([abc])\b", m[0][5:], re.I)
    ]


def drugs_and_weapons(sentences: list[Sentence]) -> tuple[list[str], list[str], list[str]]:
    """(drugs, drug classes, weapons) seized, each in order of first mention, without repeats."""
    drugs: dict[str, None] = {}
    weapons: dict[str, None] = {}
    classes: set[str] = set()
    for sentence in sentences:
        if not is_current(sentence) or sentence.title or not SEIZED.search(sentence.text):
            continue
        for label, name in _seized_things(sentence):
            if label == "DRUG":
                drugs.setdefault(name)
                classes.add(DRUG_CLASSES[name])
            else:
                weapons.setdefault(WEAPONS[name])
        classes.update(_stated_classes(sentence))
    return list(drugs), sorted(classes), list(weapons)
