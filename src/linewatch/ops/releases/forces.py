"""Police forces named as acting in a statement, under their canonical names."""

from __future__ import annotations

import re
from functools import cache

from spacy.matcher import PhraseMatcher

from linewatch.ops.releases.context import is_appeal, is_other_operation
from linewatch.ops.releases.pipeline import Sentence, nlp

# Canonical name | region as written alone | other short forms (matched case-sensitively).
FORCES = """
Avon and Somerset Constabulary|Avon and Somerset|
Bedfordshire Police|Bedfordshire|Beds Police
Cambridgeshire Constabulary|Cambridgeshire|Cambs Police
Cheshire Constabulary|Cheshire|
City of London Police|City of London|
Cleveland Police|Cleveland|
Cumbria Constabulary|Cumbria|
Derbyshire Constabulary|Derbyshire|
Devon and Cornwall Police|Devon and Cornwall|
Dorset Police|Dorset|
Durham Constabulary|Durham|
Dyfed-Powys Police|Dyfed-Powys|Dyfed Powys Police
Essex Police|Essex|
Gloucestershire Constabulary|Gloucestershire|Glos Police
Greater Manchester Police|Greater Manchester|GMP
Gwent Police|Gwent|
Hampshire and Isle of Wight Constabulary|Hampshire|Hampshire Constabulary;Hants Police
Hertfordshire Constabulary|Hertfordshire|Herts Police
Humberside Police|Humberside|
Kent Police|Kent|
Lancashire Constabulary|Lancashire|Lancashire Police;Lancs Police
Leicestershire Police|Leicestershire|Leics Police
Lincolnshire Police|Lincolnshire|Lincs Police
Merseyside Police|Merseyside|
Metropolitan Police Service|Metropolitan Police|Met;Met Police;Scotland Yard;MPS
Norfolk Constabulary|Norfolk|Norfolk Police
North Wales Police|North Wales|
North Yorkshire Police|North Yorkshire|
Northamptonshire Police|Northamptonshire|Northants Police
Northumbria Police|Northumbria|
Nottinghamshire Police|Nottinghamshire|Notts Police
South Wales Police|South Wales|
South Yorkshire Police|South Yorkshire|
Staffordshire Police|Staffordshire|Staffs Police
Suffolk Constabulary|Suffolk|Suffolk Police
Surrey Police|Surrey|
Sussex Police|Sussex|
Thames Valley Police|Thames Valley|TVP
Warwickshire Police|Warwickshire|
West Mercia Police|West Mercia|
West Midlands Police|West Midlands|West Mids;West Mids Police;WMP
West Yorkshire Police|West Yorkshire|
Wiltshire Police|Wiltshire|Wilts Police
British Transport Police|British Transport Police|BTP
National Crime Agency|National Crime Agency|NCA
Police Scotland|Police Scotland|
Police Service of Northern Ireland|Police Service of Northern Ireland|PSNI
"""
NOT_FORCE_AFTER = frozenset({"Office"})  # "the Met Office" is not the Met
SUFFIXES = ("Police", "Constabulary", "police", "constabulary")
ACTING_BEFORE = (
    r"(?i:(?:officers|detectives|colleagues|teams?|forces?|police|units?) (?:from|in|at)|"
    r"working with|"
    r"alongside|supported by|assisted by|together with|joined by|in partnership with|"
    r"with (?:help|support|assistance) from)"
)
ACTING_AFTER = r"(?i:officers|detectives|police|forces|force|colleagues|teams?)"


def _table() -> list[tuple[str, str, list[str]]]:
    """(canonical, region, short forms) for every force."""
    rows = [line.split("|") for line in FORCES.strip().splitlines()]
    return [(name, region, [s for s in short.split(";") if s]) for name, region, short in rows]


@cache
def _matcher() -> tuple[PhraseMatcher, dict[str, str]]:
    """A case-sensitive phrase matcher over every full and short name of every force."""
    matcher, names = PhraseMatcher(nlp().vocab), {}
    for canonical, region, shorts in _table():
        regions = {region, region.replace(" and ", " & ")}
        forms = {canonical, *shorts} | {f"{r} {s}" for r in regions for s in SUFFIXES}
        for form in forms - ({region} - {canonical}):
            names[form] = canonical
            matcher.add(canonical, [nlp().make_doc(form)])
    return matcher, names


@cache
def _region_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """Bare region names ("Kent") where the words around them say a force is meant."""
    regions = {r: c for c, r, _ in _table()} | {"the Met": "Metropolitan Police Service"}
    one = "|".join(re.escape(r) for r in sorted(regions, key=len, reverse=True))
    chain = rf"(?:{one})(?:(?:, | and | & )(?:the )?(?:{one}))*"
    after = rf"(?:{ACTING_BEFORE}) (?:the )?(?P<after>{chain})"
    pattern = rf"{after}|(?P<before>{chain}) (?:{ACTING_AFTER})\b"
    return re.compile(pattern), regions


def _regions(text: str) -> list[tuple[int, str]]:
    """(offset, canonical name) for each region named as a force in this text."""
    pattern, regions = _region_pattern()
    one = re.compile("|".join(re.escape(r) for r in sorted(regions, key=len, reverse=True)))
    found = []
    for match in pattern.finditer(text):
        group = "after" if match["after"] else "before"
        for name in one.finditer(match[group]):
            found.append((match.start(group) + name.start(), regions[name[0]]))
    return found


def _named(sentence: Sentence) -> list[tuple[int, str]]:
    """(offset, canonical name) for each force named in one sentence."""
    matcher, _ = _matcher()
    doc = sentence.span.as_doc()
    found = [
        (doc[s].idx, nlp().vocab.strings[key])
        for key, s, e in matcher(doc)
        if e == len(doc) or doc[e].text not in NOT_FORCE_AFTER
    ]
    return sorted(found + _regions(sentence.text))


def acting_forces(sentences: list[Sentence]) -> tuple[str, ...]:
    """Forces named in the statement, in order of mention, except in appeals and other news."""
    forces: dict[str, None] = {}
    for sentence in sentences:
        if is_appeal(sentence) or is_other_operation(sentence):
            continue
        for _, name in _named(sentence):
            forces.setdefault(name)
    return tuple(forces)
