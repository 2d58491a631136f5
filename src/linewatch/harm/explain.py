"""Plain-text explanations of scores: each term with the numbers that made it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import duckdb

from linewatch.harm import queue, score
from linewatch.harm.score import Term
from linewatch.harm.settings import HarmSettings


def term_line(t: Term | dict[str, Any]) -> str:
    """One term as a sentence with its arithmetic, e.g. for `linewatch harm PERSON`."""
    d = t if isinstance(t, dict) else t.__dict__
    cls = f" Class {d['drug_class']}" if d["drug_class"] else ""
    weight = "no weight" if d["weight"] is None else f"{d['weight']:g}"
    return (
        f"{d['kind']} {d['ref']} ({str(d['event_at'])[:10]}): {d['code']}{cls}; {d['basis']}; "
        f"weight {weight} x grading {d['grading']:g} x age {d['decay']:.3f} "
        f"({d['age_days']:.0f} days) = {d['value']:.1f}  [{d['weight_source']}]"
    )


def explain_person(
    con: duckdb.DuckDBPyConnection,
    settings: HarmSettings,
    person_id: str,
    by_user: str = "",
    why: str = "",
) -> dict[str, Any]:
    """A person's score with every term; a safeguarding case only on an audited override."""
    base: dict[str, Any] = {"person_id": person_id, "scheme": settings.scheme}
    case = next((c for c in queue.cases(con) if c.person_id == person_id), None)
    if case is not None:
        base |= {"safeguarding_case": True, "safeguarding_reasons": list(case.reasons)}
        if not (by_user or why):
            return base | {"score": None, "note": "safeguarding case: never scored as a target"}
        queue.audit_override(
            con, by_user, why, f"harm explanation ({settings.scheme})", [person_id]
        )
        terms = score.terms(con, settings, person_id, datetime.now(UTC))
        contributions = [t.__dict__ for t in terms]
        total = sum(t.value for t in terms)
        return base | {"score": total, "contributions": contributions, "override_by": by_user}
    found = score.stored(con, person_id, settings.scheme)
    if found is None:
        return base | {"score": 0.0, "contributions": [], "note": "no offence or suspect item"}
    return base | found
