"""The spaCy pipeline (blank English, no model download) and the sentences of a statement."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from linewatch.ops.releases.numbers import SMALL, TENS, parse_number

AGE_WORDS = re.compile(r"^(?P<number>.+?)[\s-]*years?[\s-]*old$", re.IGNORECASE)
BULLET = re.compile(r"^\s*(?:[-*•\u2013—]|\d{1,2}[.)])\s+")
STATUS_HEADER = re.compile(r"\b(arrest\w*|charged|summonsed|released|bailed)\b", re.IGNORECASE)


def _num(token: Token) -> int | None:
    """The number a token spells, if any."""
    return parse_number(token.text) if token.text[:1].isalnum() else None


def _age(token: Token) -> int | None:
    """The age a merged "22-year-old" token states."""
    match = AGE_WORDS.match(token.text)
    return parse_number(match["number"]) if match else None


Token.set_extension("num", getter=_num, force=True)
Token.set_extension("is_num", getter=lambda t: _num(t) is not None, force=True)
Token.set_extension("age", getter=_age, force=True)
Token.set_extension("is_age", getter=lambda t: _age(t) is not None, force=True)

UNIT_WORDS = [w for w, v in SMALL.items() if 0 < v < 10]
COMPOUND: list[dict[str, Any]] = [
    {"LOWER": {"IN": TENS}},
    {"ORTH": "-", "OP": "?"},
    {"LOWER": {"IN": UNIT_WORDS}},
]
NUMBER: dict[str, Any] = {"_": {"is_num": True}}
HYPHEN: dict[str, Any] = {"ORTH": "-", "OP": "?"}
AGE = [[NUMBER, HYPHEN, {"LOWER": {"IN": ["year", "years", "yr"]}}, HYPHEN, {"LOWER": "old"}]]


def _merge(doc: Doc, matcher: Matcher) -> None:
    """Merge each (longest) match into one token."""
    spans = filter_spans([doc[s:e] for _, s, e in matcher(doc)])
    with doc.retokenize() as retokenizer:
        for span in spans:
            retokenizer.merge(span)


@Language.factory("linewatch_numbers")
def _numbers_factory(nlp: Language, name: str) -> _NumberMerger:
    """Register the number-merging component."""
    return _NumberMerger(nlp)


class _NumberMerger:
    """Make "twenty-two" and "22-year-old" one token each, so patterns can match them whole."""

    def __init__(self, nlp: Language) -> None:
        self.compound = Matcher(nlp.vocab)
        self.compound.add("COMPOUND", [COMPOUND])
        self.age = Matcher(nlp.vocab)
        self.age.add("AGE", AGE)

    def __call__(self, doc: Doc) -> Doc:
        _merge(doc, self.compound)
        _merge(doc, self.age)
        return doc


@cache
def nlp() -> Language:
    """A blank English pipeline with number merging and rule-based sentence splitting."""
    pipeline = spacy.blank("en")
    pipeline.add_pipe("linewatch_numbers")
    pipeline.add_pipe("sentencizer")
    return pipeline


@dataclass(frozen=True)
class Sentence:
    """One sentence of a statement, with where it sits: its line and any list header above it."""

    span: Span
    line: int
    header_status: str | None
    title: bool  # the headline: a first line without closing punctuation
    bullet: bool  # an item of a bulleted or numbered list

    @property
    def text(self) -> str:
        """The sentence text."""
        return str(self.span.text)


def _header_status(line: str) -> str | None:
    """The status a list header such as "Those arrested were:" gives the lines below it."""
    if not line.rstrip().endswith(":"):
        return None
    match = STATUS_HEADER.search(line)
    if not match:
        return None
    word = match[1].lower()
    return "arrested" if word.startswith("arrest") else "released" if word == "bailed" else word


def sentences(text: str) -> list[Sentence]:
    """Split a statement into sentences; every line break ends a sentence."""
    lines = text.splitlines()
    found: list[Sentence] = []
    header: str | None = None
    first = next((i for i, line in enumerate(lines) if line.strip()), -1)
    if first >= 0 and lines[first].rstrip().endswith((".", "!", "?", ":")):
        first = -1  # the statement has no headline
    for number, (line, doc) in enumerate(zip(lines, nlp().pipe(lines), strict=True)):
        if not line.strip():
            header = None
            continue
        bulleted = BULLET.match(line)
        offset = (
            len(doc.char_span(0, bulleted.end(), alignment_mode="expand") or []) if bulleted else 0
        )
        for sent in doc.sents:
            span = doc[max(sent.start, offset) : sent.end] if sent.start < offset else sent
            if len(span):
                found.append(Sentence(span, number, header, number == first, bool(bulleted)))
        header = _header_status(line) or header
    return found
