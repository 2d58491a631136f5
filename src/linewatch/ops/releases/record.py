"""The operation record read from a statement (docs: ../shared/spec/release-record.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class OffenceEntry:
    """One offence as stated: catalogue code, drug class where the offence takes one, the words."""

    code: str
    drug_class: str | None
    text: str


@dataclass(frozen=True)
class Arrest:
    """One person described individually."""

    age: int | None
    sex: str | None
    area: str | None
    status: str | None
    offences: tuple[OffenceEntry, ...]


@dataclass(frozen=True)
class Seizures:
    """What was seized; None or empty where the statement does not say."""

    cash_gbp: int | None
    drug_classes: tuple[str, ...]
    drugs: tuple[str, ...]
    weapons: tuple[str, ...]
    phones: int | None
    vehicles: int | None


@dataclass(frozen=True)
class ReleaseRecord:
    """Everything one statement says about one operation."""

    forces: tuple[str, ...]
    operation_date: date | None
    warrants: int | None
    arrests_total: int | None
    arrests: tuple[Arrest, ...]
    seizures: Seizures
    vulnerable_people: int | None

    def to_dict(self) -> dict[str, Any]:
        """The record as the JSON object the spec shows, keys in its order."""
        return {
            "forces": list(self.forces),
            "operation_date": self.operation_date.isoformat() if self.operation_date else None,
            "warrants": self.warrants,
            "arrests_total": self.arrests_total,
            "arrests": [_arrest_dict(a) for a in self.arrests],
            "seizures": {
                "cash_gbp": self.seizures.cash_gbp,
                "drug_classes": list(self.seizures.drug_classes),
                "drugs": list(self.seizures.drugs),
                "weapons": list(self.seizures.weapons),
                "phones": self.seizures.phones,
                "vehicles": self.seizures.vehicles,
            },
            "vulnerable_people": self.vulnerable_people,
        }


def _arrest_dict(arrest: Arrest) -> dict[str, Any]:
    """One arrest as JSON."""
    offences = [
        {"code": o.code, "drug_class": o.drug_class, "text": o.text} for o in arrest.offences
    ]
    return {
        "age": arrest.age,
        "sex": arrest.sex,
        "area": arrest.area,
        "status": arrest.status,
        "offences": offences,
    }


def _arrest(data: dict[str, Any]) -> Arrest:
    """One arrest from JSON."""
    offences = tuple(
        OffenceEntry(o["code"], o.get("drug_class"), o.get("text", ""))
        for o in data.get("offences", [])
    )
    return Arrest(data.get("age"), data.get("sex"), data.get("area"), data.get("status"), offences)


def record_from_dict(data: dict[str, Any]) -> ReleaseRecord:
    """A record from its JSON form (hand-written expected records use this)."""
    seized = data.get("seizures", {})
    when = data.get("operation_date")
    return ReleaseRecord(
        forces=tuple(data.get("forces", [])),
        operation_date=date.fromisoformat(when) if when else None,
        warrants=data.get("warrants"),
        arrests_total=data.get("arrests_total"),
        arrests=tuple(_arrest(a) for a in data.get("arrests", [])),
        seizures=Seizures(
            cash_gbp=seized.get("cash_gbp"),
            drug_classes=tuple(seized.get("drug_classes", [])),
            drugs=tuple(seized.get("drugs", [])),
            weapons=tuple(seized.get("weapons", [])),
            phones=seized.get("phones"),
            vehicles=seized.get("vehicles"),
        ),
        vulnerable_people=data.get("vulnerable_people"),
    )
