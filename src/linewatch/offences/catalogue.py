"""The offence catalogue: one row per offence code, read from CSV files shipped in the package."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from linewatch.errors import NotFoundError


@dataclass(frozen=True)
class Offence:
    """One offence code (ACT+YEAR-s<section>[-<subsection>...]) and what is known about it."""

    code: str
    title: str
    plain_words: str
    takes_drug_class: bool
    home_office_code: str | None
    violence: bool
    weapon: bool
    cchi_days: float | None
    cchi_source: str | None
    css_weight: float | None
    css_source: str | None
    sources: str | None


@dataclass(frozen=True)
class Phrase:
    """How public statements word an offence, in the pattern language of docs/offences.md."""

    code: str
    pattern: str


def _rows(name: str) -> list[dict[str, str]]:
    """Read one packaged CSV file as dictionaries."""
    text = resources.files("linewatch.offences").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def _text(value: str) -> str | None:
    """Empty cells mean unknown."""
    return value.strip() or None


def _number(value: str) -> float | None:
    """A numeric cell, or None when empty."""
    return float(value) if value.strip() else None


def _offence(row: dict[str, str]) -> Offence:
    """Build one Offence from a CSV row."""
    return Offence(
        code=row["code"],
        title=row["title"],
        plain_words=row["plain_words"],
        takes_drug_class=row["takes_drug_class"] == "true",
        home_office_code=_text(row["home_office_code"]),
        violence=row["violence"] == "true",
        weapon=row["weapon"] == "true",
        cchi_days=_number(row["cchi_days"]),
        cchi_source=_text(row["cchi_source"]),
        css_weight=_number(row["css_weight"]),
        css_source=_text(row["css_source"]),
        sources=_text(row["sources"]),
    )


@cache
def _catalogue() -> dict[str, Offence]:
    """Every offence by code, loaded once."""
    return {row["code"]: _offence(row) for row in _rows("offences.csv")}


def all_offences() -> tuple[Offence, ...]:
    """Every offence in the catalogue, in file order."""
    return tuple(_catalogue().values())


def lookup(code: str) -> Offence:
    """The offence with this code; NotFoundError when the catalogue has no such code."""
    try:
        return _catalogue()[code]
    except KeyError:
        raise NotFoundError(f"unknown offence code {code!r}") from None


@cache
def phrases() -> tuple[Phrase, ...]:
    """The phrase patterns that readers of public statements match, in file order."""
    return tuple(Phrase(row["code"], row["phrase"]) for row in _rows("phrases.csv"))
