"""Safeguarding actions: a step taken for a person at risk (a person record), never a target."""

from __future__ import annotations

from linewatch.ingest import checks as ck
from linewatch.ingest import flow
from linewatch.ingest import values as vl
from linewatch.ingest.context import FileContext
from linewatch.ingest.kinds import get
from linewatch.ingest.links import Link, store_links
from linewatch.ingest.people import person_checks, store_people
from linewatch.ingest.summary import Counts

KIND = "safeguarding"
ACTIONS = ("identified", "nrm_referral", "la_informed", "support_offered", "closed")
CONTENT = ("action_at", "action", "name", "dob", "sex", "agency", "operation_id", "notes")
STORED = """
SELECT a.action_id AS _key, a.*, p.name, p.dob, p.sex
FROM safeguarding_actions a JOIN person_records p ON p.record_id = a.person_record_id"""


def ingest(ctx: FileContext) -> Counts:
    """Load one staged file of safeguarding actions; return its counts."""
    parsed = {
        "action_at": vl.time_sql("r_action_at"),
        "action": vl.choice_sql("r_action", ACTIONS),
        "name": "r_person_name",
        "dob": vl.date_sql("r_person_dob"),
        "sex": vl.choice_sql("r_person_sex", vl.SEXES),
        "agency": "r_agency",
        "operation_id": "r_operation_id",
        "notes": "r_notes",
    }
    rules = [
        ck.missing("action_id", "r_action_id"),
        *vl.time_checks("action_at"),
        ck.missing("action", "r_action"),
        vl.choice_check("action", "r_action", "action", ACTIONS),
        ck.missing("person_name", "r_person_name"),
        *person_checks("person_dob", "person_sex"),
    ]
    flow.check(ctx, get(KIND).columns, parsed, rules, "r_action_id")
    counts = flow.settle(ctx, KIND, "action_id", CONTENT, STORED)
    store_people(ctx, KIND, "_key", {c: c for c in ("name", "dob", "sex")})
    same = ("action_at", "action", "agency", "operation_id", "notes")
    person = "'safeguarding:' || _key"
    flow.insert(
        ctx,
        "safeguarding_actions",
        {"action_id": "_key", "person_record_id": person, **{c: c for c in same}},
    )
    store_links(ctx, [Link("safeguarding_action", "_key", "concerns", "person_record", person)])
    flow.done(ctx)
    return counts
