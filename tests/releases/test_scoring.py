"""The document-level field score, exactly as the issue defines it."""

from __future__ import annotations

from dataclasses import replace

from linewatch.ops.releases.record import Arrest, OffenceEntry, ReleaseRecord, Seizures
from linewatch.ops.releases.scoring import FIELDS, f1, score_document

SUPPLY = OffenceEntry("MDA1971-s4-3-b", "A", "")
LAUNDERING = OffenceEntry("POCA2002-s327", None, "")
RECORD = ReleaseRecord(
    forces=("Kent Police",),
    operation_date=None,
    warrants=3,
    arrests_total=2,
    arrests=(
        Arrest(22, "male", "Croydon", "arrested", (SUPPLY,)),
        Arrest(19, "female", None, "charged", (SUPPLY, LAUNDERING)),
    ),
    seizures=Seizures(20000, ("A",), ("heroin",), ("knife",), None, None),
    vulnerable_people=None,
)


def test_a_perfect_record_scores_one_on_every_field() -> None:
    score = score_document(RECORD, RECORD)
    assert set(score.fields) == set(FIELDS)
    assert score.score == 1.0


def test_empty_against_empty_is_perfect_and_invention_is_not() -> None:
    assert f1([], []) == 1.0
    assert f1([], ["knife"]) == 0.0


def test_exact_fields_are_all_or_nothing() -> None:
    guessed = replace(RECORD, warrants=4, vulnerable_people=0)
    fields = score_document(RECORD, guessed).fields
    assert fields["warrants"] == 0.0 and fields["vulnerable_people"] == 0.0
    assert fields["arrests_total"] == 1.0


def test_arrests_match_on_age_and_sex_only() -> None:
    moved = replace(RECORD.arrests[0], area="Lambeth", status="charged")
    fields = score_document(RECORD, replace(RECORD, arrests=(moved, RECORD.arrests[1]))).fields
    assert fields["arrests"] == 1.0 and fields["offences"] == 1.0


def test_offences_of_an_unmatched_arrest_all_count_as_errors() -> None:
    wrong_age = replace(RECORD.arrests[1], age=20)
    fields = score_document(RECORD, replace(RECORD, arrests=(RECORD.arrests[0], wrong_age))).fields
    assert fields["arrests"] == 0.5
    assert fields["offences"] == 2 * 1 / (3 + 3)
