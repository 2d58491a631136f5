"""Intelligence reports: one graded item a row (3x5x2), its subject as a person record.

Grades are checked strictly (domain.md 3.1): source 1-3, intelligence A-E, handling P or C, and
with C one or more conditions A1 A2 A3 S1 S2. Those condition codes come from one open-source
implementation and are unverified against the College of Policing guidance. The subject's DPA 2018
s38(3) category (suspect, victim, witness, other) belongs to the item, not to the person: the same
person may be a victim in one item and a suspect in another.
"""

from __future__ import annotations

from linewatch.ingest import checks as ck
from linewatch.ingest import flow
from linewatch.ingest import values as vl
from linewatch.ingest.context import FileContext
from linewatch.ingest.kinds import get
from linewatch.ingest.links import Link, store_links, store_objects
from linewatch.ingest.locations import Place, key_sql, postcode_sql, store_locations
from linewatch.ingest.numbers import learn_forms
from linewatch.ingest.offence_codes import known_sql, takes_class_sql
from linewatch.ingest.people import details_need_name, person_checks, store_people
from linewatch.ingest.summary import Counts
from linewatch.store.sql import literal

KIND = "intelligence"
SOURCE_EVALS = ("1", "2", "3")
INTEL_EVALS = ("A", "B", "C", "D", "E")
HANDLING = ("P", "C")
CONDITIONS = ("A1", "A2", "A3", "S1", "S2")  # unverified (domain.md 3.1)
CATEGORIES = ("suspect", "victim", "witness", "other")
SUBJECT = ("subject_dob", "subject_address", "subject_postcode", "subject_sex", "subject_category")
CONTENT = (
    *("reported_at", "source_eval", "intel_eval", "handling", "conditions", "name", "dob"),
    *("sex", "subject_address", "subject_postcode", "category", "number", "imei"),
    *("location_id", "conduct", "drug_class", "text"),
)
STORED = """
SELECT i.report_id || ':' || i.item AS _key, i.src_file, i.src_line, i.reported_at,
  i.source_eval, i.intel_eval, i.handling, i.handling_conditions AS conditions, p.name, p.dob,
  p.sex, p.address AS subject_address, p.postcode AS subject_postcode,
  i.subject_category AS category, i.number, i.imei, i.location_id, i.conduct, i.drug_class, i.text
FROM intel_items i LEFT JOIN person_records p ON p.record_id = i.subject_record_id"""


def _parsed() -> dict[str, str]:
    """Values read from the raw texts."""
    upper = f"list_transform({vl.list_sql('r_handling_conditions')}, lambda x: upper(x))"
    return {
        "item": vl.whole_sql("r_item"),
        "reported_at": vl.time_sql("r_reported_at"),
        "source_eval": vl.choice_sql("r_source_eval", SOURCE_EVALS),
        "intel_eval": vl.choice_sql("r_intel_eval", INTEL_EVALS, upper=True),
        "handling": vl.choice_sql("r_handling", HANDLING, upper=True),
        "conditions": f"list_sort(list_distinct({upper}))",
        "name": "r_subject_name",
        "dob": vl.date_sql("r_subject_dob"),
        "sex": vl.choice_sql("r_subject_sex", vl.SEXES),
        "subject_address": "r_subject_address",
        "subject_postcode": "r_subject_postcode",
        "home_id": key_sql("r_subject_address", postcode_sql("r_subject_postcode")),
        "category": vl.choice_sql("r_subject_category", CATEGORIES),
        **vl.phone_parsed("number"),
        "imei": vl.imei_sql("r_imei"),
        "location_id": key_sql("r_address"),
        "conduct": "r_conduct",
        "drug_class": vl.choice_sql("r_drug_class", vl.DRUG_CLASSES, upper=True),
        "text": "r_text",
    }


def _grading_rules() -> list[ck.Check]:
    """The 3x5x2 rules."""
    allowed = ", ".join(literal(c) for c in CONDITIONS)
    bad_condition = f"len(list_filter(conditions, lambda x: x NOT IN ({allowed}))) > 0"
    return [
        ck.missing("source_eval", "r_source_eval"),
        vl.choice_check("source_eval", "r_source_eval", "source_eval", SOURCE_EVALS),
        ck.missing("intel_eval", "r_intel_eval"),
        vl.choice_check("intel_eval", "r_intel_eval", "intel_eval", INTEL_EVALS),
        ck.missing("handling", "r_handling"),
        vl.choice_check("handling", "r_handling", "handling", HANDLING),
        ck.Check(
            "handling_conditions",
            "handling = 'C' AND conditions IS NULL",
            "'handling_conditions: required with handling C'",
        ),
        ck.Check(
            "handling_conditions",
            "handling = 'P' AND conditions IS NOT NULL",
            "'handling_conditions: given with handling P (conditions go with C)'",
        ),
        ck.Check(
            "handling_conditions",
            bad_condition,
            f"'handling_conditions: expected each one of {', '.join(CONDITIONS)}, got ' "
            "|| r_handling_conditions",
        ),
    ]


def _subject_rules() -> list[ck.Check]:
    """The rules for the item's subject: named when described, and categorised when named."""
    return [
        details_need_name("subject_name", SUBJECT),
        ck.Check(
            "subject_category",
            "r_subject_name IS NOT NULL AND r_subject_category IS NULL",
            "'subject_category: missing (suspect, victim, witness or other)'",
        ),
        vl.choice_check("subject_category", "r_subject_category", "category", CATEGORIES),
        *person_checks("subject_dob", "subject_sex"),
        ck.unreadable(
            "subject_postcode",
            "r_subject_postcode",
            postcode_sql("r_subject_postcode"),
            "a UK postcode",
        ),
    ]


def _rules() -> list[ck.Check]:
    """The rules an intelligence item must pass, in the order they are reported."""
    return [
        ck.missing("report_id", "r_report_id"),
        ck.missing("item", "r_item"),
        ck.unreadable("item", "r_item", "item", "a whole number"),
        ck.Check("item", "item < 1", "'item: expected 1 or more, got ' || r_item"),
        *vl.time_checks("reported_at"),
        *_grading_rules(),
        *_subject_rules(),
        vl.phone_check("number"),
        ck.unreadable("imei", "r_imei", "imei", "14 to 16 digits"),
        ck.Check(
            "conduct",
            f"conduct IS NOT NULL AND NOT {known_sql('conduct')}",
            "'conduct: unknown offence code ' || conduct",
        ),
        vl.choice_check("drug_class", "r_drug_class", "drug_class", vl.DRUG_CLASSES),
        ck.Check(
            "drug_class",
            f"drug_class IS NOT NULL AND NOT coalesce({takes_class_sql('conduct')}, false)",
            "'drug_class: given, but conduct ' || coalesce(conduct, '(none)') "
            "|| ' takes no drug class'",
        ),
    ]


def ingest(ctx: FileContext) -> Counts:
    """Load one staged file of intelligence items; return its counts."""
    learn_forms(ctx.con, f"SELECT {ctx.text('number')} FROM {ctx.stage}", ctx.region)
    columns = get(KIND).columns
    key = "r_report_id || ':' || item"
    flow.check(ctx, columns, _parsed(), _rules(), key, vl.phone_join("number"))
    counts = flow.settle(ctx, KIND, "report_id", CONTENT, STORED)
    subject = {
        "name": "name",
        "dob": "dob",
        "sex": "sex",
        "address": "subject_address",
        "postcode": "subject_postcode",
    }
    store_people(ctx, KIND, "_key", subject, when="name IS NOT NULL")
    _store_items(ctx)
    store_objects(ctx, "phones", ["number"])
    store_objects(ctx, "handsets", ["imei"])
    store_locations(
        ctx,
        [
            Place("home_id", "subject_address", postcode_sql("subject_postcode")),
            Place("location_id", "r_address"),
        ],
    )
    store_links(ctx, _links())
    flow.done(ctx)
    return counts


def _store_items(ctx: FileContext) -> None:
    """Insert the new items."""
    subject = "CASE WHEN name IS NOT NULL THEN 'intelligence:' || _key END"
    same = ("reported_at", "source_eval", "intel_eval", "handling", "number", "imei")
    flow.insert(
        ctx,
        "intel_items",
        {
            "report_id": "r_report_id",
            "item": "item",
            **{c: c for c in same},
            "handling_conditions": "conditions",
            "subject_record_id": subject,
            "subject_category": "category",
            **{c: c for c in ("location_id", "conduct", "drug_class", "text")},
        },
    )


def _links() -> list[Link]:
    """What an item mentions, and where its subject lives."""
    subject = "CASE WHEN name IS NOT NULL THEN 'intelligence:' || _key END"
    return [
        Link("intel_item", "_key", "mentions", "person_record", subject),
        Link("intel_item", "_key", "mentions", "phone", "number"),
        Link("intel_item", "_key", "mentions", "handset", "imei"),
        Link("intel_item", "_key", "mentions", "location", "location_id"),
        Link("person_record", subject, "lives_at", "location", "home_id"),
    ]
