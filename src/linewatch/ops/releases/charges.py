"""Offences named in a sentence, matched with the catalogue's phrase patterns, with drug classes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import product
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Span
from spacy.util import filter_spans

from linewatch.offences import lookup, phrases
from linewatch.ops.releases.pipeline import nlp
from linewatch.ops.releases.vocab import DRUG_CLASSES, DRUG_CORE, DRUG_FILLERS

Pattern = list[dict[str, Any]]
CONSPIRACY = "CLA1977-s1"
CLASS_LIST = re.compile(
    r"\bclass[\s-]+([abc])\b((?:\s*(?:,|and|&|or|/)\s*(?:class[\s-]+)?[abc]\b)*)", re.I
)
DRUG_NAME = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, DRUG_CLASSES), key=len, reverse=True)) + r")\b", re.I
)
CONNECTORS = frozenset({"and", "or", "&", ",", "/"})
ANY: dict[str, Any] = {"LOWER": {"IN": sorted(DRUG_FILLERS | DRUG_CORE)}, "OP": "*"}
START: dict[str, Any] = {"LOWER": {"IN": sorted((DRUG_FILLERS | DRUG_CORE) - CONNECTORS)}}
CORE: dict[str, Any] = {"LOWER": {"IN": sorted(DRUG_CORE)}}
LETTER: Pattern = [{"LOWER": "class"}, {"LOWER": {"IN": sorted(DRUG_FILLERS | {"-"})}, "OP": "*"}]
LETTER += [{"LOWER": {"IN": ["a", "b", "c"]}}]
# A drug slot never starts with a connector, and ends on a drug word or a class letter.
SLOT: list[Pattern] = [[CORE], [START, ANY, CORE], LETTER, [START, ANY, *LETTER]]


@dataclass(frozen=True)
class Charge:
    """One offence as a statement names it, with the classes its words name, and where it is."""

    code: str
    drug_classes: tuple[str, ...]
    text: str
    start: int  # token offsets in the document
    end: int


def _elements(phrase: str) -> list[str]:
    """Split a phrase pattern into its elements: words, [group/alternatives] and {drugs} slots."""
    return re.findall(r"\[[^\]]*\]\??|\S+", phrase)


def _word(element: str) -> Pattern:
    """One word element: alternatives joined by "|", optional when it ends with "?"."""
    optional = element.endswith("?") and len(element) > 1
    words = element.rstrip("?").split("|") if optional else element.split("|")
    token: dict[str, Any] = {"LOWER": {"IN": words}}
    return [token | {"OP": "?"}] if optional else [token]


def _choices(element: str) -> list[Pattern]:
    """Every token sequence one element may stand for."""
    optional = element.endswith("?")
    body = element.rstrip("?") if optional else element
    if body == "{drugs}":
        return SLOT + ([[]] if optional else [])
    if body.startswith("["):
        groups = [[t for w in alt.split() for t in _word(w)] for alt in body[1:-1].split("/")]
        return groups + ([[]] if optional else [])
    return [_word(element)]


def compile_phrase(phrase: str) -> list[Pattern]:
    """The spaCy Matcher patterns of one catalogue phrase (groups and slots expanded)."""
    options = [_choices(element) for element in _elements(phrase)]
    return [[t for part in combo for t in part] for combo in product(*options)]


@cache
def _matcher() -> Matcher:
    """One matcher over every phrase in the catalogue, keyed by offence code."""
    matcher = Matcher(nlp().vocab)
    for phrase in phrases():
        matcher.add(phrase.code, [p for p in compile_phrase(phrase.pattern) if p])
    return matcher


def drug_classes(text: str) -> tuple[str, ...]:
    """Classes a text states ("Class A and B") or implies by a named drug, in order of mention."""
    found: list[tuple[int, str]] = []
    for match in CLASS_LIST.finditer(text):
        letters = re.findall(r"\b([abc])\b", match[0][5:], re.I)
        found += [(match.start(), letter.upper()) for letter in letters]
    found += [(m.start(), DRUG_CLASSES[m[1].lower()]) for m in DRUG_NAME.finditer(text)]
    return tuple(dict.fromkeys(klass for _, klass in sorted(found)))


def _charge(code: str, span: Span, start: int | None = None) -> Charge:
    """A Charge for a matched span (a conspiracy starts earlier than its substantive offence)."""
    begin = span.start if start is None else start
    text = span.doc[begin : span.end].text
    classes = drug_classes(text) if lookup(code).takes_drug_class else ()
    return Charge(code, classes, text, begin, span.end)


def charges_in(span: Span) -> list[Charge]:
    """Offences named in a span, longest phrase first; "conspiracy to X" gives conspiracy and X."""
    found = filter_spans(_matcher()(span, as_spans=True))
    charges: list[Charge] = []
    for index, match in enumerate(found):
        following = found[index + 1] if index + 1 < len(found) else None
        if match.label_ == CONSPIRACY and following is not None and following.start == match.end:
            charges.append(_charge(CONSPIRACY, following, match.start))
        elif (
            index and found[index - 1].label_ == CONSPIRACY and found[index - 1].end == match.start
        ):
            charges.append(_charge(match.label_, match, found[index - 1].start))
        else:
            charges.append(_charge(match.label_, match))
    return charges
