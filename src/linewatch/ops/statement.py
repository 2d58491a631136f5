"""The public statement: results and a breakdown of arrests, in the style of a police press release.

It names no one and gives no address: people are described by age, sex, home area and offences in
plain words, and a home area is shown only when it reads as a borough or town (no digits, no
street word, not an address or a name held in the store).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import duckdb
from jinja2 import Environment, PackageLoader, StrictUndefined

from linewatch.offences import lookup
from linewatch.ops.report import Arrest, Facts, Seized

_ENV = Environment(loader=PackageLoader("linewatch.ops", "templates"), undefined=StrictUndefined)
STREET = re.compile(
    r"\b(road|rd|street|st|avenue|ave|lane|close|drive|way|crescent|grove|place|gardens|"
    r"terrace|court|walk|row|mews|square|parade|rise|estate|flat|house)\b",
    re.IGNORECASE,
)
VERBS = {
    "charged": "was charged with",
    "released_on_bail": "was arrested on suspicion of {} and released on bail",
    "released_under_investigation": "was arrested on suspicion of {} and released under "
    "investigation",
}


def _and(items: Iterable[str]) -> str:
    """Join words as prose: 'a', 'a and b', 'a, b and c'."""
    words = list(items)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def private_words(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Every name, address and postcode in the store, lower case: never shown as a place."""
    rows = con.execute(
        "SELECT lower(name) FROM person_records UNION SELECT lower(address) FROM person_records "
        "UNION SELECT lower(postcode) FROM person_records UNION SELECT lower(address) FROM "
        "locations UNION SELECT lower(postcode) FROM locations"
    ).fetchall()
    return {r[0] for r in rows if r[0]}


def public_area(area: str | None, private: set[str]) -> str | None:
    """A home area fit for publication (a borough or town), else None."""
    text = (area or "").strip()
    if not text or len(text) > 40 or re.search(r"\d", text) or STREET.search(text):
        return None
    return None if text.lower() in private else text


def offence_words(code: str, drug_class: str | None) -> str:
    """An offence in plain words, e.g. 'being concerned in the supply of Class A drugs'."""
    words = lookup(code).plain_words
    if drug_class:
        return words.replace("{class}", drug_class)
    return words.replace("Class {class} drugs", "controlled drugs").replace("{class}", "")


def describe(arrest: Arrest, private: set[str]) -> str:
    """One arrested person, described with no name and no address."""
    child = arrest.age is not None and arrest.age < 18
    noun = {"male": "boy" if child else "man", "female": "girl" if child else "woman"}.get(
        arrest.sex or "", "person"
    )
    who = f"A {arrest.age}-year-old {noun}" if arrest.age is not None else f"A {noun}"
    area = public_area(arrest.home_area, private)
    offences = _and(offence_words(c, k) for c, k in arrest.offences)
    verb = VERBS.get(arrest.status or "", "was arrested on suspicion of {}")
    said = verb.format(offences) if "{}" in verb else f"{verb} {offences}"
    return f"{who}{f' from {area}' if area else ''} {said}."


def _count(n: int, one: str, many: str) -> str:
    """'1 arrest', '7 arrests'."""
    return f"{n} {one if n == 1 else many}"


def results(facts: Facts) -> list[str]:
    """The bullet list after 'The operation resulted in:'."""
    items = [_count(len(facts.arrests), "arrest", "arrests")] if facts.arrests else []
    kinds = Counter(s.item_type for s in facts.seized)
    cash = sum(s.value_gbp or 0 for s in facts.seized if s.item_type == "cash")
    if cash:
        items.append(f"£{cash:,.0f} in cash seized")
    items += _drugs([s for s in facts.seized if s.item_type == "drugs"])
    weapons = sorted({s.weapon_type or "weapon" for s in facts.seized if s.item_type == "weapon"})
    if weapons:
        items.append(f"{_count(kinds['weapon'], 'weapon', 'weapons')} seized ({_and(weapons)})")
    for kind, one, many in (
        ("phone", "mobile phone", "mobile phones"),
        ("vehicle", "vehicle", "vehicles"),
    ):
        if kinds[kind]:
            items.append(f"{_count(kinds[kind], one, many)} seized")
    if facts.safeguarded:
        items.append(
            f"{_count(len(facts.safeguarded), 'vulnerable person', 'vulnerable people')} "
            "safeguarded with partner agencies"
        )
    return items


def _drugs(seized: list[Seized]) -> list[str]:
    """'Class A drugs (crack cocaine, heroin) seized', one line per class."""
    by_class: dict[str, set[str]] = {}
    for s in seized:
        by_class.setdefault(s.drug_class or "?", set()).update([s.drug_type] if s.drug_type else [])
    lines = []
    for cls, types in sorted(by_class.items()):
        name = "Controlled drugs" if cls == "?" else f"Class {cls} drugs"
        lines.append(f"{name}{f' ({_and(sorted(types))})' if types else ''} seized")
    return lines


def statement(con: duckdb.DuckDBPyConnection, facts: Facts) -> str:
    """The public statement for an operation."""
    private = private_words(con)
    forces = _and(facts.forces) if facts.forces else "Police"
    when = f" on {facts.day:%-d %B %Y}" if facts.day else ""
    warrants = _count(facts.warrants, "warrant", "warrants")
    name = f" as part of {facts.name}" if facts.name else ""
    return _ENV.get_template("statement.txt.j2").render(
        headline=f"{_count(len(facts.arrests), 'arrest', 'arrests')} in county lines operation",
        opening=f"Officers from {forces} executed {warrants}{when}{name}, targeting a county "
        "lines drug supply network and the exploitation of vulnerable people.",
        results=results(facts),
        people=[describe(a, private) for a in facts.arrests],
    )
