"""SQL readers for common values (dates, choices, amounts, IMEIs, VRMs, lists), NULL if unreadable.

Each takes SQL for trimmed text (NULL when empty) and returns SQL for the value, so a loader can
check `raw IS NOT NULL AND value IS NULL` (see `checks.unreadable`).
"""

from __future__ import annotations

from collections.abc import Iterable

from linewatch.ingest import checks as ck
from linewatch.ingest.timestamps import parse_sql
from linewatch.store.sql import literal

SEXES = ("male", "female")
DRUG_CLASSES = ("A", "B", "C")


def date_sql(text: str) -> str:
    """SQL for a `YYYY-MM-DD` date.

    Only the ISO form is read: `01/02/1990` is ambiguous between UK and US order.
    """
    iso = f"regexp_full_match({text}, '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}')"
    return f"CASE WHEN {iso} THEN TRY_CAST({text} AS DATE) END"


def time_sql(text: str) -> str:
    """SQL for a timestamp (ISO 8601; naive times are local, and refused in the DST gap)."""
    return parse_sql(text, "VARCHAR")


def choice_sql(text: str, values: Iterable[str], upper: bool = False) -> str:
    """SQL for one of `values` (matched case-insensitively, returned in their own case)."""
    fold = "upper" if upper else "lower"
    options = ", ".join(literal(v) for v in values)
    return f"CASE WHEN {fold}({text}) IN ({options}) THEN {fold}({text}) END"


def whole_sql(text: str) -> str:
    """SQL for a whole number written as digits (`3`, `3.0`), else NULL."""
    digits = f"regexp_full_match({text}, '[0-9]{{1,9}}(\\.0+)?')"
    return f"CASE WHEN {digits} THEN CAST(split_part({text}, '.', 1) AS INTEGER) END"


def amount_sql(text: str) -> str:
    """SQL for a decimal amount (`12.5`, `1,200`), else NULL."""
    return f"TRY_CAST(replace({text}, ',', '') AS DOUBLE)"


def imei_sql(text: str) -> str:
    """SQL for an IMEI: 14 to 16 digits once spaces and dashes are removed."""
    digits = f"regexp_replace({text}, '[\\s-]', '', 'g')"
    return f"CASE WHEN regexp_full_match({digits}, '[0-9]{{14,16}}') THEN {digits} END"


def vrm_sql(text: str) -> str:
    """SQL for a vehicle registration mark: upper case, no spaces, 2 to 8 letters and digits."""
    packed = f"upper(regexp_replace({text}, '\\s', '', 'g'))"
    return f"CASE WHEN regexp_full_match({packed}, '[A-Z0-9]{{2,8}}') THEN {packed} END"


def list_sql(text: str) -> str:
    """SQL for a `;`-separated list of trimmed, non-empty values (NULL when there are none)."""
    trimmed = f"list_transform(string_split({text}, ';'), lambda x: trim(x))"
    items = f"list_filter({trimmed}, lambda x: x <> '')"
    return f"CASE WHEN len({items}) > 0 THEN {items} END"


def choice_check(field: str, raw: str, value: str, values: Iterable[str]) -> ck.Check:
    """The rule that a given value is one of `values`."""
    return ck.unreadable(field, raw, value, "one of " + ", ".join(values))


def date_checks(field: str, raw: str, value: str) -> list[ck.Check]:
    """The rules for a date of birth: readable, and not in the future."""
    return [
        ck.unreadable(field, raw, value, "a date YYYY-MM-DD"),
        ck.Check(field, f"{value} > current_date", f"'{field}: in the future: ' || {raw}"),
    ]


def time_checks(field: str, required: bool = True) -> list[ck.Check]:
    """The rules for a timestamp column (raw `r_<field>`, parsed `<field>`)."""
    rules = [ck.missing(field, f"r_{field}")] if required else []
    expected = "an ISO 8601 time that exists in local time"
    return [*rules, ck.unreadable(field, f"r_{field}", field, expected)]


def amount_checks(field: str, raw: str, value: str) -> list[ck.Check]:
    """The rules for an amount: readable, and not negative."""
    return [
        ck.unreadable(field, raw, value, "a number"),
        ck.Check(field, f"{value} < 0", f"'{field}: negative: ' || {raw}"),
    ]


def phone_join(field: str) -> str:
    """SQL joining a raw number column to its learnt E.164 form (see numbers.learn_forms)."""
    return f"LEFT JOIN number_forms n_{field} ON n_{field}.raw = r.r_{field}"


def phone_parsed(field: str) -> dict[str, str]:
    """Parsed values for a number column: its E.164 form and why it has none."""
    return {field: f"n_{field}.e164", f"{field}_why": f"n_{field}.reason"}


def phone_check(field: str) -> ck.Check:
    """The rule that a given number is a phone number."""
    return ck.Check(
        field, f"r_{field} IS NOT NULL AND {field} IS NULL", f"'{field}: ' || {field}_why"
    )
