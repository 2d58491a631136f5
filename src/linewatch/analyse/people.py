"""People's roles from the numbers attributed to them and from safeguarding evidence.

Attribution: entity resolution's `phone_attribution` (rank 1) when it has rows; otherwise
subscriber records, intelligence items and seizures that name a person record with a number.
People: entity resolution's `person_clusters` when it has rows, else each record its own person.
Age is read only to decide safeguarding (potential_victim), never to score.
"""

from __future__ import annotations

import duckdb

from linewatch.analyse.settings import AnalysisSettings
from linewatch.analyse.victims import (
    residents_sql,
    under18_sql,
    victim_evidence_sql,
    younger_than_sql,
)

ROLE_OF_NUMBER = {
    "controller": "line_holder",
    "deal_line": "line_holder",
    "runner": "runner",
    "customer": "customer",
}
# Strongest first: a person shown in several roles takes the first one here.
PERSON_ROLES = ("line_holder", "runner", "cuckooed_resident", "customer", "other")


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Whether the store has this table or view."""
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchone()
    return bool(row and row[0])


def has_rows(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Whether the store has this table and it holds at least one row."""
    if not has_table(con, name):
        return False
    return con.execute(f"SELECT 1 FROM {name} LIMIT 1").fetchone() is not None


def attribution_sql(resolved: bool) -> str:
    """(number, person_id, confidence, how) for each number attributed to a person or record."""
    if resolved:
        return """
        SELECT number, person_id, confidence, 'entity resolution' AS how
        FROM phone_attribution WHERE rank = 1
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
    SELECT number, record_id AS person_id, max(confidence) AS confidence,
           string_agg(DISTINCT how, ', ') AS how
    FROM named GROUP BY number, record_id
    """


def person_of_sql(clustered: bool) -> str:
    """(record_id, person_id, dob) for every person record."""
    if clustered:
        return """
        SELECT r.record_id, coalesce(c.person_id, r.record_id) AS person_id, r.dob
        FROM person_records r LEFT JOIN person_clusters c USING (record_id)
        """
    return "SELECT record_id, record_id AS person_id, dob FROM person_records"


def number_evidence_sql() -> str:
    """Evidence from attributed numbers: their role, and trap-house residents' phones."""
    roles = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in ROLE_OF_NUMBER.items())
    return f"""
    SELECT coalesce(po.person_id, a.person_id) AS person_id,
           CASE WHEN t.number IS NOT NULL THEN 'cuckooed_resident'
                             WHEN r.role = 'deal_line' AND a.how LIKE '%seized%' THEN 'runner'
                             ELSE CASE r.role {roles} ELSE 'other' END END AS role,
           coalesce(r.line_id, t.line_id) AS line_id, a.confidence,
           t.number IS NOT NULL AS potential_victim,
           CASE WHEN t.number IS NOT NULL
                THEN format('uses {{}}, which {{}} runner number(s) of {{}} called {{}} times on '
                            'up to {{}} days and which never called back{{}}: a trap-house '
                            'resident, attributed by {{}}', t.number, t.runners, t.line_id,
                            t.calls, t.days,
                            CASE WHEN t.own_records THEN ' (its own records, obtained, show the '
                                 'calls and no answer)' ELSE '' END, a.how)
                ELSE format('uses {{}} ({{}}), attributed by {{}}', a.number, r.role, a.how)
                END AS reason
    FROM a_attribution a JOIN a_roles r USING (number)
    LEFT JOIN a_residents t USING (number)
    LEFT JOIN a_person_of po ON po.record_id = a.person_id
    """


def evidence_sql() -> str:
    """Every evidence row keyed by person, with the youngest date of birth on record."""
    return f"""
    WITH e AS (
        SELECT person_id, role, line_id, confidence, potential_victim, reason
        FROM ({number_evidence_sql()})
        UNION ALL
        SELECT p.person_id, v.role, v.line_id, v.confidence, v.potential_victim, v.reason
        FROM ({victim_evidence_sql()}) v JOIN a_person_of p USING (record_id)
    ), dob AS (SELECT person_id, max(dob) AS dob FROM a_person_of GROUP BY person_id)
    SELECT e.*, d.dob FROM e LEFT JOIN dob d USING (person_id)
    """


def person_roles_sql(s: AnalysisSettings) -> str:
    """Each person's strongest role, line, confidence, potential_victim and reasons."""
    ranks = " ".join(f"WHEN '{k}' THEN {i}" for i, k in enumerate(PERSON_ROLES))
    young = younger_than_sql("dob", s.young_runner_max_age + 1)
    return f"""
    WITH e AS (SELECT *, CASE role {ranks} END AS rank FROM a_person_evidence),
    best AS (
        SELECT person_id, arg_min(role, rank) AS role,
               arg_min(line_id, (line_id IS NULL, rank, line_id)) AS line_id,
               max(confidence) AS confidence, bool_or(potential_victim) AS evidenced,
               list(DISTINCT reason ORDER BY reason) AS reasons, any_value(dob) AS dob
        FROM e GROUP BY person_id
    )
    SELECT person_id, role, line_id, confidence,
           evidenced OR (role IN ('runner', 'line_holder') AND {under18_sql("dob")})
             OR (role = 'runner' AND (dob IS NULL OR {young})) AS potential_victim,
           list_filter(reasons || [
             CASE WHEN role = 'runner' AND dob IS NULL
                  THEN 'age unknown: treated as a potential victim until known' END,
             CASE WHEN role IN ('runner', 'line_holder') AND {under18_sql("dob")}
                  THEN 'under 18: a potential victim of criminal exploitation' END,
             CASE WHEN role = 'runner' AND NOT {under18_sql("dob")} AND {young}
                  THEN format('a runner aged 18 to {{}}: young adults exploited into running '
                              'lines are supported as victims up to 25', {s.young_runner_max_age})
                  END
           ], lambda r: r IS NOT NULL) AS reasons
    FROM best
    """


def build_people(con: duckdb.DuckDBPyConnection, s: AnalysisSettings) -> None:
    """People and their roles as temp table a_people (after the number roles exist)."""
    steps = (
        ("a_attribution", attribution_sql(has_rows(con, "phone_attribution"))),
        ("a_person_of", person_of_sql(has_rows(con, "person_clusters"))),
        ("a_residents", residents_sql(s)),
        ("a_person_evidence", evidence_sql()),
        ("a_people", person_roles_sql(s)),
    )
    for table, sql in steps:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS {sql}")
