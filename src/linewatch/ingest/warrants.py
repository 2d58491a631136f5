"""Warrants: an address searched (a location), when, by whom and under which power."""

from __future__ import annotations

from linewatch.ingest import checks as ck
from linewatch.ingest import flow
from linewatch.ingest import values as vl
from linewatch.ingest.context import FileContext
from linewatch.ingest.kinds import get
from linewatch.ingest.links import Link, store_links
from linewatch.ingest.locations import Place, key_sql, postcode_sql, store_locations
from linewatch.ingest.offence_codes import pattern_sql
from linewatch.ingest.summary import Counts

KIND = "warrants"
CONTENT = (
    *("location_id", "executed_at", "operation_id", "forces", "units", "result"),
    "legislation",
)
STORED = "SELECT warrant_id AS _key, * FROM warrants"


def ingest(ctx: FileContext) -> Counts:
    """Load one staged file of warrants; return its counts."""
    parsed = {
        "location_id": key_sql("r_address", postcode_sql("r_postcode")),
        "executed_at": vl.time_sql("r_executed_at"),
        "operation_id": "r_operation_id",
        "forces": vl.list_sql("r_forces"),
        "units": vl.list_sql("r_units"),
        "result": "r_result",
        "legislation": "r_legislation",
    }
    rules = [
        ck.missing("warrant_id", "r_warrant_id"),
        ck.missing("address", "r_address"),
        ck.unreadable("postcode", "r_postcode", postcode_sql("r_postcode"), "a UK postcode"),
        *vl.time_checks("executed_at"),
        ck.Check(
            "legislation",
            f"legislation IS NOT NULL AND NOT {pattern_sql('legislation')}",
            "'legislation: expected a reference like MDA1971-s23, got ' || legislation",
        ),
    ]
    flow.check(ctx, get(KIND).columns, parsed, rules, "r_warrant_id")
    counts = flow.settle(ctx, KIND, "warrant_id", CONTENT, STORED)
    flow.insert(ctx, "warrants", {"warrant_id": "_key", **{c: c for c in CONTENT}})
    place = Place("location_id", "r_address", postcode_sql("r_postcode"), "r_town")
    store_locations(ctx, [place])
    store_links(ctx, [Link("warrant", "_key", "at", "location", "location_id")])
    flow.done(ctx)
    return counts
