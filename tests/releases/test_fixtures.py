"""The hand-written statements: every expected record is valid and the reader matches it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linewatch.ops.releases import read_release, record_from_dict, score_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "releases"
DEV = sorted((FIXTURES / "dev").glob("*.txt"))
ALL = sorted(FIXTURES.glob("*/*.txt"))


def score(text: Path) -> float:
    """The document score of one statement against its expected record."""
    expected = record_from_dict(json.loads(text.with_suffix(".json").read_text("utf-8")))
    return score_document(expected, read_release(text.read_text("utf-8"))).score


def test_there_are_enough_varied_statements() -> None:
    assert len(DEV) >= 12
    assert len(ALL) - len(DEV) >= 8, "held-out statements written after the reader was frozen"


@pytest.mark.parametrize("text", ALL, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_expected_records_round_trip(text: Path) -> None:
    data = json.loads(text.with_suffix(".json").read_text("utf-8"))
    record = record_from_dict(data)
    assert score_document(record, record_from_dict(record.to_dict())).score == 1.0


@pytest.mark.parametrize("text", DEV, ids=lambda p: p.stem)
def test_development_statements_read_well(text: Path) -> None:
    assert score(text) >= 0.9


def test_held_out_statements_stay_above_the_goal() -> None:
    held_out = [p for p in ALL if p.parent.name == "heldout"]
    assert sum(map(score, held_out)) / len(held_out) >= 0.9
