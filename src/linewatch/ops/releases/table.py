"""CSV output: one row per arrest, with the statement's file name and fields repeated on each."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TextIO

from linewatch.ops.releases.record import Arrest, ReleaseRecord

DOCUMENT_COLUMNS = ["file", "forces", "operation_date", "warrants", "arrests_total", "cash_gbp"]
DOCUMENT_COLUMNS += ["drug_classes", "drugs", "weapons", "phones", "vehicles", "vulnerable_people"]
COLUMNS = [*DOCUMENT_COLUMNS, "arrest", "age", "sex", "area", "status", "offences"]


def _joined(values: tuple[str, ...]) -> str:
    """A list in one cell, separated by semicolons."""
    return ";".join(values)


def _document(name: str, record: ReleaseRecord) -> dict[str, object]:
    """The cells every row of one statement repeats."""
    seized = record.seizures
    return {
        "file": name,
        "forces": _joined(record.forces),
        "operation_date": record.operation_date.isoformat() if record.operation_date else "",
        "warrants": record.warrants,
        "arrests_total": record.arrests_total,
        "cash_gbp": seized.cash_gbp,
        "drug_classes": _joined(seized.drug_classes),
        "drugs": _joined(seized.drugs),
        "weapons": _joined(seized.weapons),
        "phones": seized.phones,
        "vehicles": seized.vehicles,
        "vulnerable_people": record.vulnerable_people,
    }


def _arrest(number: int, arrest: Arrest) -> dict[str, object]:
    """The cells of one arrest; offences as code or code:class, semicolon-separated."""
    offences = [f"{o.code}:{o.drug_class}" if o.drug_class else o.code for o in arrest.offences]
    return {
        "arrest": number,
        "age": arrest.age,
        "sex": arrest.sex,
        "area": arrest.area,
        "status": arrest.status,
        "offences": ";".join(offences),
    }


def write_csv(records: dict[str, ReleaseRecord], out: TextIO) -> int:
    """Write one row per arrest (one with empty arrest cells when none); returns the row count."""
    writer = csv.DictWriter(out, COLUMNS)
    writer.writeheader()
    rows = 0
    for name, record in records.items():
        document = _document(Path(name).name, record)
        arrests = [_arrest(n, a) for n, a in enumerate(record.arrests, start=1)] or [{}]
        for arrest in arrests:
            writer.writerow(document | arrest)
            rows += 1
    return rows
