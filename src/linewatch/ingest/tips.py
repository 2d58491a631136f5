"""Anonymous tips: stored graded 2 (untested), C, P; nothing about the sender is ever read.

A file with a column that could identify the sender (ip, email, sender...) is refused before it
is read (kinds.py `refused`, checked in run.py), so no such value reaches the store or quarantine.
"""

from __future__ import annotations

from linewatch.ingest import checks as ck
from linewatch.ingest import flow
from linewatch.ingest import values as vl
from linewatch.ingest.context import FileContext
from linewatch.ingest.kinds import get
from linewatch.ingest.links import Link, store_links, store_objects
from linewatch.ingest.locations import Place, key_sql, store_locations
from linewatch.ingest.numbers import learn_forms
from linewatch.ingest.summary import Counts

KIND = "tips"
# 3x5x2 grading of every tip on ingest: source untested, known indirectly, sharing permitted.
GRADING = {"source_eval": "'2'", "intel_eval": "'C'", "handling": "'P'"}
CONTENT = ("received_at", "text", "place", "number", "location_id")
STORED = "SELECT tip_id AS _key, * FROM tips"


def ingest(ctx: FileContext) -> Counts:
    """Load one staged file of tips; return its counts."""
    learn_forms(ctx.con, f"SELECT {ctx.text('number')} FROM {ctx.stage}", ctx.region)
    parsed = {
        "received_at": vl.time_sql("r_received_at"),
        "text": "r_text",
        "place": "r_place",
        **vl.phone_parsed("number"),
        "location_id": key_sql("r_address"),
    }
    rules = [
        ck.missing("tip_id", "r_tip_id"),
        *vl.time_checks("received_at"),
        ck.missing("text", "r_text"),
        vl.phone_check("number"),
    ]
    flow.check(ctx, get(KIND).columns, parsed, rules, "r_tip_id", vl.phone_join("number"))
    counts = flow.settle(ctx, KIND, "tip_id", CONTENT, STORED)
    flow.insert(ctx, "tips", {"tip_id": "_key", **{c: c for c in CONTENT}, **GRADING})
    store_objects(ctx, "phones", ["number"])
    store_locations(ctx, [Place("location_id", "r_address")])
    store_links(
        ctx,
        [
            Link("tip", "_key", "mentions", "phone", "number"),
            Link("tip", "_key", "mentions", "location", "location_id"),
        ],
    )
    flow.done(ctx)
    return counts
