"""Seizures: what was seized, where, from whom (a person record): phones, handsets, vehicles."""

from __future__ import annotations

from linewatch.ingest import checks as ck
from linewatch.ingest import flow
from linewatch.ingest import values as vl
from linewatch.ingest.context import FileContext
from linewatch.ingest.kinds import get
from linewatch.ingest.links import Link, store_links, store_objects
from linewatch.ingest.locations import Place, key_sql, postcode_sql, store_locations
from linewatch.ingest.numbers import learn_forms
from linewatch.ingest.people import details_need_name, person_checks, store_people
from linewatch.ingest.summary import Counts

KIND = "seizures"
ITEM_TYPES = ("cash", "drugs", "weapon", "phone", "vehicle")
UNITS = ("g", "wraps", "plants", "items", "gbp")
SEIZED = (
    *("seized_at", "item_type", "operation_id", "location_id", "quantity", "unit", "value_gbp"),
    *("drug_class", "drug_type", "weapon_type", "number", "imei", "vrm"),
)
CONTENT = (*SEIZED, "name", "dob")
STORED = """
SELECT s.seizure_id AS _key, s.*, p.name, p.dob
FROM seizures s LEFT JOIN person_records p ON p.record_id = s.person_record_id"""
PERSON = "CASE WHEN name IS NOT NULL THEN 'seizures:' || _key END"


def _parsed() -> dict[str, str]:
    """Values read from the raw texts."""
    return {
        "seized_at": vl.time_sql("r_seized_at"),
        "item_type": vl.choice_sql("r_item_type", ITEM_TYPES),
        "operation_id": "r_operation_id",
        "location_id": key_sql("r_address", postcode_sql("r_postcode")),
        "name": "r_person_name",
        "dob": vl.date_sql("r_person_dob"),
        "quantity": vl.amount_sql("r_quantity"),
        "unit": vl.choice_sql("r_unit", UNITS),
        "value_gbp": vl.amount_sql("r_value_gbp"),
        "drug_class": vl.choice_sql("r_drug_class", vl.DRUG_CLASSES, upper=True),
        "drug_type": "r_drug_type",
        "weapon_type": "r_weapon_type",
        **vl.phone_parsed("number"),
        "imei": vl.imei_sql("r_imei"),
        "vrm": vl.vrm_sql("r_vrm"),
    }


def _rules() -> list[ck.Check]:
    """The rules a seizure must pass, in the order they are reported."""
    return [
        ck.missing("seizure_id", "r_seizure_id"),
        *vl.time_checks("seized_at"),
        ck.missing("item_type", "r_item_type"),
        vl.choice_check("item_type", "r_item_type", "item_type", ITEM_TYPES),
        ck.unreadable("postcode", "r_postcode", postcode_sql("r_postcode"), "a UK postcode"),
        details_need_name("person_name", ("person_dob",)),
        *person_checks("person_dob"),
        *vl.amount_checks("quantity", "r_quantity", "quantity"),
        vl.choice_check("unit", "r_unit", "unit", UNITS),
        *vl.amount_checks("value_gbp", "r_value_gbp", "value_gbp"),
        vl.choice_check("drug_class", "r_drug_class", "drug_class", vl.DRUG_CLASSES),
        ck.Check(
            "drug_class",
            "drug_class IS NOT NULL AND item_type <> 'drugs'",
            "'drug_class: given for a seizure of ' || item_type || ', not drugs'",
        ),
        vl.phone_check("number"),
        ck.unreadable("imei", "r_imei", "imei", "14 to 16 digits"),
        ck.unreadable("vrm", "r_vrm", "vrm", "2 to 8 letters and digits"),
    ]


def ingest(ctx: FileContext) -> Counts:
    """Load one staged file of seizures; return its counts."""
    learn_forms(ctx.con, f"SELECT {ctx.text('number')} FROM {ctx.stage}", ctx.region)
    columns = get(KIND).columns
    flow.check(ctx, columns, _parsed(), _rules(), "r_seizure_id", vl.phone_join("number"))
    counts = flow.settle(ctx, KIND, "seizure_id", CONTENT, STORED)
    store_people(ctx, KIND, "_key", {"name": "name", "dob": "dob"}, when="name IS NOT NULL")
    flow.insert(
        ctx,
        "seizures",
        {"seizure_id": "_key", "person_record_id": PERSON, **{c: c for c in SEIZED}},
    )
    store_objects(ctx, "phones", ["number"])
    store_objects(ctx, "handsets", ["imei"])
    store_objects(ctx, "vehicles", ["vrm"])
    store_locations(ctx, [Place("location_id", "r_address", postcode_sql("r_postcode"))])
    store_links(
        ctx,
        [
            Link("seizure", "_key", "seized_at", "location", "location_id"),
            Link("seizure", "_key", "seized_from", "person_record", PERSON),
            Link("seizure", "_key", "seized_phone", "phone", "number"),
            Link("seizure", "_key", "seized_handset", "handset", "imei"),
            Link("seizure", "_key", "seized_vehicle", "vehicle", "vrm"),
        ],
    )
    flow.done(ctx)
    return counts
