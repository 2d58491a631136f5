"""Read one statement into an operation record."""

from __future__ import annotations

from pathlib import Path

from linewatch.errors import InputError
from linewatch.ops.releases.arrests import Person, read_people, total_arrests
from linewatch.ops.releases.counts import (
    PHONE_SKIP,
    PHONES,
    VEHICLE_SKIP,
    VEHICLES,
    arrests_total,
    seized_count,
    vulnerable_people,
    warrants,
)
from linewatch.ops.releases.dates import operation_date, publication_date
from linewatch.ops.releases.forces import acting_forces
from linewatch.ops.releases.pipeline import sentences
from linewatch.ops.releases.record import Arrest, OffenceEntry, ReleaseRecord, Seizures
from linewatch.ops.releases.seizures import cash_gbp, drugs_and_weapons


def _offences(person: Person) -> tuple[OffenceEntry, ...]:
    """One entry per offence and drug class ("Class A and Class B" is two), without repeats."""
    entries: dict[tuple[str, str | None], OffenceEntry] = {}
    for charge in person.charges:
        for klass in charge.drug_classes or (None,):
            entries.setdefault((charge.code, klass), OffenceEntry(charge.code, klass, charge.text))
    return tuple(entries.values())


def _arrest(person: Person) -> Arrest:
    """The record of one person."""
    return Arrest(person.age, person.sex, person.area, person.status, _offences(person))


def read_release(text: str) -> ReleaseRecord:
    """The operation record a statement's text supports; null or empty wherever it says nothing."""
    parts = sentences(text)
    people = read_people(parts)
    drugs, classes, weapons = drugs_and_weapons(parts)
    stated = arrests_total(parts)
    return ReleaseRecord(
        forces=acting_forces(parts),
        operation_date=operation_date(parts, publication_date(text)),
        warrants=warrants(parts),
        arrests_total=(total_arrests(stated, people) if stated else None) or people.listed or None,
        arrests=tuple(_arrest(p) for p in people.arrested),
        seizures=Seizures(
            cash_gbp=cash_gbp(parts),
            drug_classes=tuple(classes),
            drugs=tuple(drugs),
            weapons=tuple(weapons),
            phones=seized_count(parts, PHONES, PHONE_SKIP),
            vehicles=seized_count(parts, VEHICLES, VEHICLE_SKIP),
        ),
        vulnerable_people=vulnerable_people(parts, people.safeguarded),
    )


def _text(path: Path) -> str:
    """A statement's text; InputError when it is not UTF-8 text."""
    try:
        return path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError) as exc:
        raise InputError(f"cannot read statement: {exc}", file=str(path)) from None


def read_releases(path: Path) -> dict[str, ReleaseRecord]:
    """Records by file name for one statement file or every .txt file in a folder."""
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix == ".txt" and p.is_file())
        if not files:
            raise InputError("no .txt statements in this folder", file=str(path))
    elif path.is_file():
        files = [path]
    else:
        raise InputError("no such file or folder", file=str(path))
    return {file.name: read_release(_text(file)) for file in files}
