"""Home areas: the most specific place a statement names for a person, never a street."""

from __future__ import annotations

import re
from dataclasses import dataclass

from linewatch.ops.releases.vocab import words

STREET_WORDS = words(
    "road rd street st avenue ave lane close drive way crescent grove place gardens terrace court "
    "walk row mews square parade rise estate"
)
COMPASS = r"(?:(?:north|south|east|west|central|north-east|north-west|south-east|south-west)\s+)?"
WORD = r"[A-Z][\w'\u2019.-]*"
ELEMENT = rf"(?:\d+[a-z]?\s+)?{COMPASS}{WORD}(?:\s+(?:upon\s+|on\s+|under\s+|le\s+|in\s+)?{WORD})*"
PLACE = rf"{ELEMENT}(?:,\s+{ELEMENT})*"
HOME = re.compile(
    rf"^\W*(?P<shared>(?:both|all|each)\s+)?(?:from|of|who lives in|who live in|living in|"
    rf"resident in|residents of)\s+(?P<where>no fixed (?:abode|address)|(?:the\s+)?{PLACE})",
)
ARRESTED_IN = re.compile(
    rf"\b(?:arrested|detained|stopped)\b(?:\s+at\s+(?:an?|the|his|her|their)\s+"
    rf"(?:address|property|house|flat|home)|\s+\w+){{0,2}}\s+in\s+(?P<where>{PLACE})"
)
AREA_OF = re.compile(rf"^the\s+(?P<area>{WORD}(?:\s+{WORD})*)\s+area\b")


@dataclass(frozen=True)
class Home:
    """Where a person is said to be from; shared when the text says "both from" or "all from"."""

    area: str | None
    shared: bool


def _is_street(element: str) -> bool:
    """A street or house number, which a record never holds."""
    words = element.split()
    return element[:1].isdigit() or words[-1].lower().rstrip(".") in STREET_WORDS


def most_specific(where: str) -> str | None:
    """The first element of "South Norwood, London" that is not a street; None if none is."""
    area = AREA_OF.match(where)
    if area:
        return area["area"]
    where = re.sub(r"^the\s+", "", where)
    return next((e.strip() for e in where.split(",") if not _is_street(e.strip())), None)


def home_after(text: str) -> Home | None:
    """The home area stated right after a person is named ("..., from Croydon, was ...")."""
    match = HOME.match(text)
    if not match:
        return None
    where = match["where"]
    area = None if where.startswith("no fixed") else most_specific(where)
    return Home(area, bool(match["shared"]))


def arrested_in(text: str) -> str | None:
    """The place a person was arrested ("arrested at an address in Luton"), if stated."""
    match = ARRESTED_IN.search(text)
    return most_specific(match["where"]) if match else None
