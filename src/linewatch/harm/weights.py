"""Offence weights under a scheme: the catalogue, its drug-class rows and an official override file.

Lookup order, most specific first: the override file (`LINEWATCH_HARM_WEIGHTS`, e.g. the official
CCHI sheet or ONS table saved as CSV), then this package's per-class rows, then the catalogue's own
column. A weight that is none of those is reported as missing and counts zero, never guessed.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from linewatch.errors import InputError
from linewatch.offences import all_offences

Key = tuple[str, str, str | None]  # scheme, code, drug class


@dataclass(frozen=True)
class Weight:
    """One offence's weight under a scheme and where it came from."""

    value: float | None
    source: str

    @property
    def derived(self) -> bool:
        """Whether the value was derived here rather than published."""
        return self.source.startswith("derived")


def _number(text: str) -> float | None:
    """A CSV cell as a number, None when empty."""
    return float(text) if text.strip() else None


def _catalogue() -> dict[Key, Weight]:
    """The catalogue's own columns: the weight used when no drug class is recorded."""
    table: dict[Key, Weight] = {}
    for o in all_offences():
        table["cchi", o.code, None] = Weight(o.cchi_days, o.cchi_source or "no CCHI weight")
        table["css", o.code, None] = Weight(o.css_weight, o.css_source or "no CSS weight")
    return table


def _class_rows() -> dict[Key, Weight]:
    """Per drug class weights shipped with this package."""
    text = resources.files("linewatch.harm").joinpath("drug_class_weights.csv").read_text("utf-8")
    table: dict[Key, Weight] = {}
    for row in csv.DictReader(text.splitlines()):
        key = (row["code"], row["drug_class"])
        table["cchi", *key] = Weight(_number(row["cchi_days"]), row["cchi_source"] or "no weight")
        table["css", *key] = Weight(_number(row["css_weight"]), row["css_source"] or "no weight")
    return table


def _override_rows(path: Path) -> dict[Key, Weight]:
    """An official weights file: columns scheme, code, drug_class (may be empty), weight, source."""
    try:
        rows = list(csv.DictReader(path.read_text(encoding="utf-8").splitlines()))
    except OSError as exc:
        raise InputError(f"cannot read harm weights: {exc}", file=str(path)) from exc
    table: dict[Key, Weight] = {}
    for line, row in enumerate(rows, start=2):
        try:
            key = (row["scheme"], row["code"], row["drug_class"] or None)
            table[key] = Weight(float(row["weight"]), row["source"] or str(path))
        except (KeyError, ValueError, TypeError):
            raise InputError(
                "expected scheme,code,drug_class,weight,source", file=str(path), line=line
            ) from None
    return table


@dataclass(frozen=True)
class WeightTable:
    """Every known weight, looked up by scheme, code and drug class."""

    entries: dict[Key, Weight]

    @classmethod
    def load(cls, override: Path | None = None) -> WeightTable:
        """The catalogue, the class rows, then the override file, each overriding the last."""
        entries = {**_catalogue(), **_class_rows()}
        if override is not None:
            entries.update(_override_rows(override))
        return cls(entries)

    def get(self, scheme: str, code: str, drug_class: str | None) -> Weight:
        """The most specific weight known (class row first, then the class-free row)."""
        missing = Weight(None, f"no {scheme.upper()} weight for {code}")
        specific = self.entries.get((scheme, code, drug_class)) if drug_class else None
        if specific is not None and specific.value is not None:
            return specific
        return self.entries.get((scheme, code, None), missing)
