"""Harm-scoring settings and the explicit discount tables: one place, each value documented."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from linewatch.errors import InputError

SCHEMES = ("cchi", "css")

# 3x5x2 source evaluation (domain.md 3.1): how far a source's word is taken at face value.
SOURCE_WEIGHTS = {"1": 1.0, "2": 0.5, "3": 0.25}
# Intelligence assessment: A known directly ... E suspected false, which never counts.
ASSESSMENT_WEIGHTS = {"A": 1.0, "B": 0.75, "C": 0.5, "D": 0.25, "E": 0.0}
# An arrest is an allegation until charged; no further action means nothing is counted.
ARREST_STATUS_WEIGHTS = {
    "charged": 1.0,
    "arrested": 0.5,
    "released_on_bail": 0.5,
    "released_under_investigation": 0.5,
    "no_further_action": 0.0,
}
UNKNOWN_STATUS_WEIGHT = 0.5


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


@dataclass(frozen=True)
class HarmSettings:
    """How scores are weighted, decayed and expired; every field is an environment variable."""

    scheme: str = field(
        default_factory=lambda: _env("LINEWATCH_HARM_SCHEME", "cchi"),
        metadata={"env": "LINEWATCH_HARM_SCHEME", "doc": "Offence weights: cchi or css."},
    )
    half_life_days: float = field(
        default_factory=lambda: float(_env("LINEWATCH_HARM_HALF_LIFE_DAYS", "365")),
        metadata={
            "env": "LINEWATCH_HARM_HALF_LIFE_DAYS",
            "doc": "Age at which a record counts half.",
        },
    )
    review_days: int = field(
        default_factory=lambda: int(_env("LINEWATCH_HARM_REVIEW_DAYS", "90")),
        metadata={"env": "LINEWATCH_HARM_REVIEW_DAYS", "doc": "Days until a score expires."},
    )
    weights_file: Path | None = field(
        default_factory=lambda: Path(p) if (p := _env("LINEWATCH_HARM_WEIGHTS", "")) else None,
        metadata={"env": "LINEWATCH_HARM_WEIGHTS", "doc": "CSV of official weights (overrides)."},
    )

    def __post_init__(self) -> None:
        """Refuse settings that would make scores meaningless."""
        if self.scheme not in SCHEMES:
            raise InputError(
                f"harm scheme must be one of {', '.join(SCHEMES)}, got {self.scheme!r}"
            )
        if self.half_life_days <= 0 or self.review_days <= 0:
            raise InputError("harm half-life and review period must be positive")
