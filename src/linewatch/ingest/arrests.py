"""Arrests: who was arrested (a person record, with the address the record gives) and for what.

The `address` and `postcode` of an arrest record are the arrested person's, as the record gives
them (the simulator and custody records alike), not where the arrest happened: they are kept on the
person record and link it to a location by `lives_at`.
"""

from __future__ import annotations

from linewatch.ingest import checks as ck
from linewatch.ingest import flow
from linewatch.ingest import values as vl
from linewatch.ingest.context import FileContext
from linewatch.ingest.kinds import get
from linewatch.ingest.links import Link, store_links
from linewatch.ingest.locations import Place, key_sql, postcode_sql, store_locations
from linewatch.ingest.offence_codes import known_sql, takes_class_sql
from linewatch.ingest.people import person_checks, store_people
from linewatch.ingest.summary import Counts

KIND = "arrests"
STATUSES = (
    *("arrested", "charged", "released_on_bail", "released_under_investigation"),
    "no_further_action",
)
CONTENT = (
    *("arrested_at", "name", "dob", "sex", "address", "postcode", "home_area", "location_id"),
    *("operation_id", "force", "status", "offences"),
)
STORED = """
SELECT a.arrest_id AS _key, a.src_file, a.src_line, a.arrested_at, p.name, p.dob, p.sex,
  p.address, p.postcode, a.home_area, a.location_id, a.operation_id, a.force, a.status,
  (SELECT list_sort(list({'code': o.code, 'drug_class': o.drug_class}))
   FROM arrest_offences o WHERE o.arrest_id = a.arrest_id) AS offences
FROM arrests a JOIN person_records p ON p.record_id = a.person_record_id"""


def _code(x: str) -> str:
    """SQL for the code of one `CODE[:CLASS]` list element."""
    return f"trim(split_part({x}, ':', 1))"


def _class(x: str) -> str:
    """SQL for the drug class of one `CODE[:CLASS]` list element (NULL when none)."""
    return f"nullif(upper(trim(split_part({x}, ':', 2))), '')"


def _offence_fault(x: str) -> str:
    """SQL true when one `CODE[:CLASS]` element is malformed, unknown or wrongly classed."""
    classes = ", ".join(f"'{c}'" for c in vl.DRUG_CLASSES)
    cls = _class(x)
    return (
        f"len(string_split({x}, ':')) > 2 OR NOT {known_sql(_code(x))} OR ({cls} IS NOT NULL "
        f"AND ({cls} NOT IN ({classes}) OR NOT {takes_class_sql(_code(x))}))"
    )


def _parsed() -> dict[str, str]:
    """Values read from the raw texts."""
    items = vl.list_sql("r_offences")
    pairs = (
        f"list_transform({items}, lambda x: {{'code': {_code('x')}, 'drug_class': {_class('x')}}})"
    )
    return {
        "arrested_at": vl.time_sql("r_arrested_at"),
        "name": "r_person_name",
        "dob": vl.date_sql("r_person_dob"),
        "sex": vl.choice_sql("r_person_sex", vl.SEXES),
        "address": "r_address",
        "postcode": "r_postcode",
        "home_area": "r_home_area",
        "location_id": key_sql("r_address", postcode_sql("r_postcode")),
        "operation_id": "r_operation_id",
        "force": "r_force",
        "status": vl.choice_sql("r_status", STATUSES),
        "offences": f"list_sort(list_distinct({pairs}))",
        "fault": f"list_filter({items}, lambda x: {_offence_fault('x')})[1]",
    }


def _rules() -> list[ck.Check]:
    """The rules an arrest must pass, in the order they are reported."""
    return [
        ck.missing("arrest_id", "r_arrest_id"),
        *vl.time_checks("arrested_at"),
        ck.missing("person_name", "r_person_name"),
        *person_checks("person_dob", "person_sex"),
        ck.unreadable("postcode", "r_postcode", postcode_sql("r_postcode"), "a UK postcode"),
        vl.choice_check("status", "r_status", "status", STATUSES),
        ck.missing("offences", "offences"),
        ck.Check(
            "offences",
            "len(string_split(fault, ':')) > 2",
            "'offences: expected CODE or CODE:CLASS, got ' || fault",
        ),
        ck.Check(
            "offences",
            f"NOT {known_sql(_code('fault'))}",
            f"'offences: unknown offence code ' || {_code('fault')}",
        ),
        ck.Check(
            "offences",
            f"NOT {takes_class_sql(_code('fault'))}",
            f"'offences: ' || {_code('fault')} || ' takes no drug class, got ' "
            f"|| {_class('fault')}",
        ),
        ck.Check(
            "offences",
            "fault IS NOT NULL",
            f"'offences: drug class expected A, B or C, got ' || {_class('fault')}",
        ),
    ]


def ingest(ctx: FileContext) -> Counts:
    """Load one staged file of arrests; return its counts."""
    flow.check(ctx, get(KIND).columns, _parsed(), _rules(), "r_arrest_id")
    counts = flow.settle(ctx, KIND, "arrest_id", CONTENT, STORED)
    person = ("name", "dob", "sex", "address", "postcode", "home_area")
    store_people(ctx, KIND, "_key", {c: c for c in person})
    same = ("arrested_at", "home_area", "location_id", "operation_id", "force", "status")
    flow.insert(
        ctx,
        "arrests",
        {"arrest_id": "_key", "person_record_id": "'arrests:' || _key", **{c: c for c in same}},
    )
    ctx.con.execute(
        f"""INSERT INTO arrest_offences
        SELECT _key, o.code, o.drug_class
        FROM (SELECT _key, unnest(offences) AS o FROM {flow.CHECKED} WHERE {flow.NEW})"""
    )
    store_locations(ctx, [Place("location_id", "r_address", postcode_sql("r_postcode"))])
    store_links(
        ctx,
        [
            Link("arrest", "_key", "arrested", "person_record", "'arrests:' || _key"),
            Link("person_record", "'arrests:' || _key", "lives_at", "location", "location_id"),
        ],
    )
    flow.done(ctx)
    return counts
