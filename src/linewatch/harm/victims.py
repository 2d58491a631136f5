"""Who may be a victim: the SQL that finds potential victims in the store, with a reason each.

Sources (domain.md 2): a recorded safeguarding action; an intelligence item naming the person as
a victim; a child (under 18 at the time) arrested for, or reported in, a drug-supply role; and,
where the analysis stage has run, its potential-victim flag and children in runner roles.
"""

from __future__ import annotations

import duckdb

from linewatch.harm.people import has_table, person_map_sql

# Offences that put a child in a supply role (running, holding, dealing): a CCE indicator.
SUPPLY_CODES = ("MDA1971-s4-3-a", "MDA1971-s4-3-b", "MDA1971-s4-3-c", "MDA1971-s5-3")
_SUPPLY = "[" + ", ".join(f"'{c}'" for c in SUPPLY_CODES) + "]"


def _age_sql(dob: str, at: str) -> str:
    """SQL for whole years of age at a time (NULL when the date of birth is unknown)."""
    return f"date_sub('year', {dob}, CAST({at} AS DATE))"


def _recorded_sql() -> str:
    """Safeguarding actions recorded for the person (ingested or entered)."""
    return """SELECT p.person_id, a.action_at AS event_at,
        'safeguarding action recorded: ' || a.action || coalesce(' (' || a.agency || ')', '')
        AS reason
    FROM safeguarding_actions a JOIN people p ON p.record_id = a.person_record_id"""


def _victim_items_sql() -> str:
    """Intelligence items whose subject is a victim (DPA s38(3) category)."""
    return """SELECT p.person_id, i.reported_at,
        'intelligence ' || i.report_id || ' item ' || i.item || ' records them as a victim'
        || coalesce(' of ' || i.conduct, '')
    FROM intel_items i JOIN people p ON p.record_id = i.subject_record_id
    WHERE i.subject_category = 'victim'"""


def _child_supply_sql() -> str:
    """Children arrested for supply offences, or reported in a supply role."""
    arrest_age = _age_sql("r.dob", "a.arrested_at")
    item_age = _age_sql("r.dob", "i.reported_at")
    return f"""SELECT p.person_id, a.arrested_at,
        'aged ' || {arrest_age} || ' when arrested for ' || o.code
        || coalesce(' Class ' || o.drug_class, '') || ': a child in a supply role'
    FROM arrests a JOIN arrest_offences o USING (arrest_id)
    JOIN person_records r ON r.record_id = a.person_record_id
    JOIN people p ON p.record_id = r.record_id
    WHERE {arrest_age} < 18 AND list_contains({_SUPPLY}, o.code)
    UNION ALL
    SELECT p.person_id, i.reported_at,
        'aged ' || {item_age} || ' when reported in ' || i.report_id || ' item ' || i.item
        || ' for ' || i.conduct || ': a child in a supply role'
    FROM intel_items i JOIN person_records r ON r.record_id = i.subject_record_id
    JOIN people p ON p.record_id = r.record_id
    WHERE {item_age} < 18 AND list_contains({_SUPPLY}, i.conduct)"""


def _analysis_sql() -> str:
    """The analysis stage's flags: potential victims, and children in runner roles."""
    age = _age_sql("d.dob", "now()")
    return f"""SELECT r.person_id, now(),
        'analysis: potential victim (' || r.role || coalesce(', line ' || r.line_id, '') || ')'
    FROM person_roles r WHERE r.potential_victim
    UNION ALL
    SELECT r.person_id, now(), 'aged ' || {age} || ' in a runner role'
        || coalesce(' on line ' || r.line_id, '')
    FROM person_roles r JOIN (
        SELECT p.person_id, max(x.dob) AS dob FROM person_records x
        JOIN people p ON p.record_id = x.record_id GROUP BY p.person_id
    ) d USING (person_id)
    WHERE r.role = 'runner' AND {age} < 18"""


def candidates_sql(con: duckdb.DuckDBPyConnection) -> str:
    """SQL for (person_id, at, reason): every reason anyone may be a potential victim."""
    parts = [_recorded_sql(), _victim_items_sql(), _child_supply_sql()]
    if has_table(con, "person_roles"):
        parts.append(_analysis_sql())
    union = "\nUNION ALL\n".join(parts)
    return f"WITH people AS ({person_map_sql(con)})\n{union}"
