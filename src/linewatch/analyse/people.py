"""People's roles from the roles of the numbers attributed to them.

Attribution: entity resolution's `phone_attribution` (rank 1) when present; otherwise subscriber
records, intelligence items and seizures that name a person record with a number, each record
its own person. Age is read only to decide safeguarding (potential_victim), never to score.
"""

from __future__ import annotations

import duckdb

ROLE_OF_NUMBER = {
    "controller": "line_holder",
    "deal_line": "line_holder",
    "runner": "runner",
    "customer": "customer",
}


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Whether the store has this table or view."""
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchone()
    return bool(row and row[0])


def attribution_sql(resolved: bool) -> str:
    """(number, person_id, confidence, how, dob) for each number attributed to a person."""
    if resolved:
        return """
        SELECT a.number, a.person_id, a.confidence, 'entity resolution' AS how, p.dob
        FROM phone_attribution a LEFT JOIN persons p USING (person_id) WHERE a.rank = 1
        """
    return """
    WITH named AS (
        SELECT number, person_record_id AS record_id, 0.6 AS confidence,
               'subscriber record' AS how FROM subscribers
        UNION ALL SELECT number, subject_record_id, 0.5, 'intelligence item' FROM intel_items
        WHERE number IS NOT NULL AND subject_record_id IS NOT NULL
        UNION ALL SELECT number, person_record_id, 0.8, 'phone seized from them' FROM seizures
        WHERE number IS NOT NULL AND person_record_id IS NOT NULL
    )
    SELECT n.number, n.record_id AS person_id, max(n.confidence) AS confidence,
           string_agg(DISTINCT n.how, ', ') AS how, any_value(r.dob) AS dob
    FROM named n LEFT JOIN person_records r USING (record_id)
    GROUP BY n.number, n.record_id
    """


def person_roles_sql(resolved: bool) -> str:
    """Each attributed person's strongest role, line, confidence, potential_victim and reasons."""
    ranks = " ".join(f"WHEN '{k}' THEN {i}" for i, k in enumerate(ROLE_OF_NUMBER))
    roles = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in ROLE_OF_NUMBER.items())
    return f"""
    WITH att AS ({attribution_sql(resolved)}),
    last_day AS (SELECT max(ts)::DATE AS d FROM comm_events),
    j AS (
        SELECT a.person_id, a.number, a.confidence, a.how, a.dob, r.role AS number_role,
               r.line_id, CASE r.role {ranks} ELSE 9 END AS rank,
               CASE r.role {roles} ELSE 'other' END AS person_role
        FROM att a JOIN a_roles r USING (number)
    ), best AS (
        SELECT person_id, arg_min(person_role, rank) AS role, arg_min(line_id, rank) AS line_id,
               arg_min(number, rank) AS number, arg_min(number_role, rank) AS number_role,
               max(confidence) AS confidence, string_agg(DISTINCT how, ', ') AS how,
               any_value(dob) AS dob
        FROM j GROUP BY person_id
    )
    SELECT b.person_id, b.role, b.line_id, b.confidence,
           b.role = 'runner' AND (b.dob IS NULL OR date_diff('year', b.dob, l.d) < 18)
             AS potential_victim,
           list_filter([
             format('uses {{}} ({{}}), attributed by {{}}', b.number, b.number_role, b.how),
             CASE WHEN b.role = 'runner' AND b.dob IS NULL
                  THEN 'age unknown: treated as a potential victim until known' END,
             CASE WHEN b.role = 'runner' AND date_diff('year', b.dob, l.d) < 18
                  THEN 'under 18: a potential victim of criminal exploitation' END
           ], lambda r: r IS NOT NULL) AS reasons
    FROM best b CROSS JOIN last_day l
    """
