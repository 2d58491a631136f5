"""Harm scores: the arithmetic of each term, what never counts, expiry and scheme swapping."""

from __future__ import annotations

from datetime import UTC, datetime

import duckdb
import pytest

from linewatch.errors import InputError
from linewatch.harm import queue, score
from linewatch.harm.explain import explain_person
from linewatch.harm.settings import HarmSettings

AS_OF = datetime(2024, 6, 1, tzinfo=UTC)


def _scored(con: duckdb.DuckDBPyConnection, **kw: object) -> dict[str, float]:
    queue.refresh(con)
    score.score_all(con, HarmSettings(**kw), AS_OF)  # type: ignore[arg-type]
    return dict(con.execute("SELECT person_id, score FROM harm_scores").fetchall())


def test_term_is_weight_times_grading_times_decay(case: duckdb.DuckDBPyConnection) -> None:
    queue.refresh(case)
    terms = score.terms(case, HarmSettings(), "arrests:A1", AS_OF)
    supply = next(t for t in terms if t.code == "MDA1971-s4-3-b")
    assert supply.weight == 547.5  # Class A row, not the class-free catalogue value
    assert supply.grading == 1.0  # charged
    assert supply.decay == pytest.approx(0.5 ** (supply.age_days / 365))
    assert supply.value == pytest.approx(547.5 * supply.decay)


def test_suspected_false_intelligence_counts_zero(case: duckdb.DuckDBPyConnection) -> None:
    assert _scored(case)["intelligence:IR-1:2"] == 0.0  # graded 2E
    assert _scored(case)["intelligence:IR-1:1"] > 0  # graded 1A


def test_victims_and_witnesses_are_never_scored(case: duckdb.DuckDBPyConnection) -> None:
    scores = _scored(case)
    assert "intelligence:IR-2:1" not in scores  # victim item
    assert "intelligence:IR-3:1" not in scores  # witness to Class A supply


def test_safeguarding_cases_are_not_scored(case: duckdb.DuckDBPyConnection) -> None:
    assert "arrests:A2" not in _scored(case)  # 15-year-old arrested for supply


def test_no_further_action_scores_nothing(case: duckdb.DuckDBPyConnection) -> None:
    assert _scored(case)["arrests:A4"] == 0.0


def test_half_life_setting_changes_decay(case: duckdb.DuckDBPyConnection) -> None:
    slow = _scored(case, half_life_days=3650.0)["arrests:A1"]
    fast = _scored(case, half_life_days=30.0)["arrests:A1"]
    assert slow > fast > 0


def test_scheme_is_swappable(case: duckdb.DuckDBPyConnection) -> None:
    cchi = _scored(case)
    css = _scored(case, scheme="css")
    assert cchi["arrests:A1"] > 0
    assert css["arrests:A1"] == 0.0  # no CSS weight retrieved for supply: reported, not guessed
    with pytest.raises(InputError):
        HarmSettings(scheme="matrix")


def test_scores_expire(case: duckdb.DuckDBPyConnection) -> None:
    queue.refresh(case)
    score.score_all(case, HarmSettings(review_days=1), AS_OF)  # review date long past
    assert score.ranking(case, "cchi", 10) == []
    stored = score.stored(case, "arrests:A1", "cchi")
    assert stored is not None and stored["current"] is False


def test_explanation_lists_every_term(case: duckdb.DuckDBPyConnection) -> None:
    _scored(case)
    payload = explain_person(case, HarmSettings(), "arrests:A1")
    assert {c["code"] for c in payload["contributions"]} == {"MDA1971-s4-3-b", "POCA2002-s327"}
    assert payload["score"] == pytest.approx(sum(c["value"] for c in payload["contributions"]))


def test_override_to_see_a_case_is_audited(case: duckdb.DuckDBPyConnection) -> None:
    _scored(case)
    hidden = explain_person(case, HarmSettings(), "arrests:A2")
    assert hidden["score"] is None
    with pytest.raises(InputError):
        explain_person(case, HarmSettings(), "arrests:A2", by_user="DS Smith")
    shown = explain_person(case, HarmSettings(), "arrests:A2", "DS Smith", "charging review")
    assert shown["score"] > 0
    audit = case.execute("SELECT by_user, reason, person_ids FROM target_overrides").fetchall()
    assert audit == [("DS Smith", "charging review", ["arrests:A2"])]


def test_official_weights_file_overrides(case: duckdb.DuckDBPyConnection, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "official.csv"
    path.write_text("scheme,code,drug_class,weight,source\ncchi,POCA2002-s327,,1000,CCHI 2026\n")
    queue.refresh(case)
    terms = score.terms(case, HarmSettings(weights_file=path), "arrests:A1", AS_OF)
    poca = next(t for t in terms if t.code == "POCA2002-s327")
    assert (poca.weight, poca.weight_source) == (1000.0, "CCHI 2026")
