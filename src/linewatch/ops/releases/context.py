"""What kind of sentence this is: an appeal for information, or about another operation or tally."""

from __future__ import annotations

import re

from linewatch.ops.releases.pipeline import Sentence

APPEAL = re.compile(
    r"\b(?:101|999|crimestoppers|anyone with information|contact|call|ring|get in touch|"
    r"quoting|quote|report (?:it|this|concerns|information)|online at|www\.|\.uk)\b",
    re.IGNORECASE,
)
MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
OTHER_OPERATION = re.compile(
    r"\b(?:previous|previously|earlier this (?:year|month|week)|last (?:year|month)|"
    r"(?:in|during) a separate|separately|a similar operation|similar operations|"
    r"since\b[^.]{0,60}\b(?:began|started|launched)|since (?:the|its|it|operation|"
    + MONTH
    + r"|20\d\d|launch)|so far this year|to date|so far|"
    r"(?:brings|bringing|takes|taking|brought|took) the (?:total|number|tally)|in total since|"
    r"over the (?:past|last) (?:year|\w+ (?:months|years))|"
    r"in the (?:past|last) (?:year|\w+ months)|"
    r"nationally|across the country|across england and wales|national figures|"
    r"follows? (?:a|an|the) (?:similar|earlier|previous))\b",
    re.IGNORECASE,
)


def is_appeal(sentence: Sentence) -> bool:
    """An appeal for information or contact details: forces named here are not acting."""
    return bool(APPEAL.search(sentence.text))


def is_other_operation(sentence: Sentence) -> bool:
    """About an earlier or separate operation, a running tally or national figures."""
    return bool(OTHER_OPERATION.search(sentence.text))


def is_current(sentence: Sentence) -> bool:
    """Counts and seizures in this sentence belong to this operation."""
    return not is_appeal(sentence) and not is_other_operation(sentence)
