"""Subscriber checks: who an operator says a number is registered to, as a person record."""

from __future__ import annotations

from linewatch.ingest import checks as ck
from linewatch.ingest import flow
from linewatch.ingest import values as vl
from linewatch.ingest.context import FileContext
from linewatch.ingest.kinds import get
from linewatch.ingest.links import Link, store_links, store_objects
from linewatch.ingest.locations import Place, key_sql, postcode_sql, store_locations
from linewatch.ingest.numbers import learn_forms
from linewatch.ingest.people import person_checks, store_people
from linewatch.ingest.summary import Counts

KIND = "subscribers"
CONTENT = ("number", "name", "dob", "address", "postcode", "registered_at", "source_ref")
PERSON = ("name", "dob", "address", "postcode", "number")
STORED = """
SELECT s.person_record_id AS _key, s.src_file, s.src_line, s.number, p.name, p.dob,
  p.address, p.postcode, s.registered_at, s.source_ref
FROM subscribers s JOIN person_records p ON p.record_id = s.person_record_id"""


def _parsed() -> dict[str, str]:
    """Values read from the raw texts."""
    return {
        **vl.phone_parsed("number"),
        "name": "r_subscriber_name",
        "dob": vl.date_sql("r_date_of_birth"),
        "address": "r_address",
        "postcode": "r_postcode",
        "location_id": key_sql("r_address", postcode_sql("r_postcode")),
        "registered_at": vl.time_sql("r_registered_at"),
        "source_ref": "r_source_ref",
        "source_id": "coalesce(r_source_ref, 'line' || _line)",
    }


def _rules() -> list[ck.Check]:
    """The rules a subscriber row must pass, in the order they are reported."""
    return [
        ck.missing("number", "r_number"),
        vl.phone_check("number"),
        ck.missing("subscriber_name", "r_subscriber_name"),
        *person_checks("date_of_birth"),
        ck.unreadable("postcode", "r_postcode", postcode_sql("r_postcode"), "a UK postcode"),
        *vl.time_checks("registered_at", required=False),
    ]


def ingest(ctx: FileContext) -> Counts:
    """Load one staged file of subscriber checks; return its counts."""
    learn_forms(ctx.con, f"SELECT {ctx.text('number')} FROM {ctx.stage}", ctx.region)
    flow.check(
        ctx,
        get(KIND).columns,
        _parsed(),
        _rules(),
        key="'subscribers:' || source_id",
        joins=vl.phone_join("number"),
    )
    counts = flow.settle(ctx, KIND, "source_ref", CONTENT, STORED)
    store_people(ctx, KIND, "source_id", {f: f for f in PERSON})
    flow.insert(
        ctx,
        "subscribers",
        {
            "number": "number",
            "person_record_id": "_key",
            "registered_at": "registered_at",
            "source_ref": "source_ref",
        },
    )
    store_objects(ctx, "phones", ["number"])
    store_locations(ctx, [Place("location_id", "address", postcode_sql("postcode"))])
    store_links(
        ctx,
        [
            Link("person_record", "_key", "subscriber_of", "phone", "number"),
            Link("person_record", "_key", "lives_at", "location", "location_id"),
        ],
    )
    flow.done(ctx)
    return counts
