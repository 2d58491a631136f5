"""The safeguarding queue: who is found, status changes, the draft NRM referral."""

from __future__ import annotations

import duckdb
import pytest

from linewatch.errors import InputError
from linewatch.harm import nrm, queue


def test_queue_finds_children_victims_and_recorded_actions(
    case: duckdb.DuckDBPyConnection,
) -> None:
    queue.refresh(case)
    found = {c.person_id: c for c in queue.cases(case)}
    assert "aged 15" in found["arrests:A2"].reasons[0]
    assert "victim" in found["intelligence:IR-2:1"].reasons[0]
    assert found["safeguarding:S2"].status == "nrm_referral"
    assert "arrests:A1" not in found and "intelligence:IR-3:1" not in found


def test_status_change_is_recorded_with_who(case: duckdb.DuckDBPyConnection) -> None:
    queue.refresh(case)
    assert queue.set_status(case, "arrests:A2", "support_offered", "PC Jones", None).status == (
        "support_offered"
    )
    with pytest.raises(InputError):
        queue.set_status(case, "arrests:A2", "arrested", "PC Jones", None)
    with pytest.raises(InputError):
        queue.set_status(case, "arrests:A2", "closed", " ", None)
    assert queue.refresh(case) == 4  # refresh keeps the change
    assert {c.person_id: c.status for c in queue.cases(case)}["arrests:A2"] == "support_offered"


def test_draft_nrm_for_a_child_needs_no_consent(case: duckdb.DuckDBPyConnection) -> None:
    queue.refresh(case)
    text = nrm.draft(case, "arrests:A2")
    assert "(CHILD)" in text and "consent is not needed" in text
    assert "Kyle Mensah" in text and "Kent Police" in text


def test_draft_nrm_for_an_adult_asks_consent(case: duckdb.DuckDBPyConnection) -> None:
    queue.refresh(case)
    text = nrm.draft(case, "intelligence:IR-2:1")
    assert "(ADULT)" in text and "duty to notify" in text
