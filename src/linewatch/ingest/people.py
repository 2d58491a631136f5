"""Person records: each person a row names, as that source wrote them, for entity resolution.

A record's id is `<kind>:<source id>` (e.g. `arrests:A-17`, `intelligence:IR-1:2`), the ids the
simulator's truth file uses. Names, addresses and postcodes are kept as written (trimmed); the
date of birth is parsed. Records are never altered once stored.
"""

from __future__ import annotations

from collections.abc import Mapping

from linewatch.ingest import checks as ck
from linewatch.ingest import values as vl
from linewatch.ingest.context import FileContext
from linewatch.ingest.flow import insert
from linewatch.store.sql import literal


def person_checks(dob_field: str, sex_field: str | None = None) -> list[ck.Check]:
    """Rules for a person's date of birth and sex (raw `r_<field>`, parsed `dob` and `sex`)."""
    rules = vl.date_checks(dob_field, f"r_{dob_field}", "dob")
    if sex_field is not None:
        rules.append(vl.choice_check(sex_field, f"r_{sex_field}", "sex", vl.SEXES))
    return rules


def details_need_name(name_field: str, detail_fields: tuple[str, ...]) -> ck.Check:
    """The rule that details of a person (dob, address...) come with the person's name."""
    given = " OR ".join(f"r_{f} IS NOT NULL" for f in detail_fields)
    return ck.Check(
        name_field,
        f"r_{name_field} IS NULL AND ({given})",
        literal(f"{name_field}: missing, but other details of the person are given"),
    )


def store_people(
    ctx: FileContext, kind: str, source_id: str, fields: Mapping[str, str], when: str = "true"
) -> None:
    """Add a person record `<kind>:<source id>` for each new row (where `when` holds).

    `fields` maps person_records columns (name, dob, sex, address, postcode, home_area, number)
    to SQL over the checked table.
    """
    record = {
        "record_id": record_id_sql(kind, source_id),
        "source_kind": literal(kind),
        "source_id": source_id,
        **fields,
    }
    insert(ctx, "person_records", record, when)


def record_id_sql(kind: str, source_id: str) -> str:
    """SQL for the id of the person record a row of `kind` makes."""
    return f"{literal(kind + ':')} || {source_id}"
