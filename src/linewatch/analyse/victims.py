"""Safeguarding evidence: who the case's sources show as a potential victim, each with a reason.

Every builder returns rows (record_id, role, line_id, confidence, potential_victim, reason) over
person records; people.py groups them into people. A child in a line's crew, anyone a first
responder safeguarded, anyone intelligence records as a victim and a cuckooed resident is a
potential victim [domain.md §2]: shown for protection, never ranked as a target.
"""

from __future__ import annotations

from linewatch.analyse.roles import runner_called_sql
from linewatch.analyse.settings import AnalysisSettings

AGE_AT = "(SELECT max(ts)::DATE FROM comm_events)"  # ages are taken at the end of the records


def younger_than_sql(dob: str, years: int) -> str:
    """SQL: the person born on `dob` was under `years` at the end of the records (their
    birthday that year counted, not just the change of calendar year)."""
    return f"coalesce({dob} > {AGE_AT} - INTERVAL {years} YEAR, false)"


def under18_sql(dob: str) -> str:
    """SQL: the person born on `dob` was under 18 at the end of the records."""
    return younger_than_sql(dob, 18)


def residents_sql(s: AnalysisSettings) -> str:
    """Numbers a line's runners call at a trap house: called by runners, never calling back.

    A runner's friends talk both ways; a cuckooed resident only hears from the crew. Numbers with
    many callers (taxis, takeaways), numbers with another role and numbers that answer bulk texts
    that are often answered (flares: customers of a deal number the analysis missed) are left
    out; answering an appointment reminder, which almost no one answers, says nothing.
    """
    return f"""
    WITH flared AS (
        SELECT DISTINCT p.contact FROM a_pairs p JOIN a_nodes f ON f.number = p.number
        WHERE p.n_burst > 0 AND p.n_in > 0
          AND f.burst_recipients_contacting >= {s.flare_min_answered} * f.burst_recipients
    )
    , own AS (SELECT number FROM a_runner_calls WHERE own)
    {runner_called_sql(", max(p.in_days) AS days, bool_or(o.number IS NOT NULL) AS own_records")}
    JOIN a_roles x ON x.number = p.number
    LEFT JOIN a_delivered v ON v.number = p.number
    LEFT JOIN own o ON o.number = p.number
    ANTI JOIN flared f ON f.contact = p.number
    WHERE n.in_deg <= {s.resident_max_callers} AND p.n_out = 0
      AND (x.role = 'other' OR v.number IS NOT NULL)
    GROUP BY p.number
    HAVING sum(p.n_in) >= {s.resident_min_calls} OR bool_or(o.number IS NOT NULL)
    """


def intel_victims_sql() -> str:
    """Intelligence subjects recorded as victims, and children reported in drug supply."""
    return f"""
    SELECT i.subject_record_id AS record_id,
           CASE WHEN i.subject_category = 'victim' AND i.location_id IS NOT NULL
                THEN 'cuckooed_resident' ELSE 'runner' END AS role,
           NULL::VARCHAR AS line_id, 0.5 AS confidence, true AS potential_victim,
           CASE WHEN i.subject_category = 'victim'
                THEN format('intelligence {{}}:{{}} ({{}}{{}}) records them as a victim',
                            i.report_id, i.item, i.source_eval, i.intel_eval)
                ELSE format('under 18 and reported in drug supply by intelligence {{}}:{{}} '
                            '({{}}{{}}): a child exploited into supply is a potential victim',
                            i.report_id, i.item, i.source_eval, i.intel_eval) END AS reason
    FROM intel_items i JOIN person_records r ON r.record_id = i.subject_record_id
    WHERE i.subject_category = 'victim'
       OR (i.conduct LIKE 'MDA1971%' AND {under18_sql("r.dob")})
    """


# Words of an intelligence item that describe selling on the street: a wrap is the street unit of
# heroin and crack, handed over to the buyer by the runner; holders and controllers stay away
# from the drugs (domain.md §1.1), so a subject seen doing this is doing a runner's work.
STREET_SUPPLY = r"\b(wraps?|hand(s|ed|ing)? over|street[- ]deal\w*)\b"


def street_runners_sql() -> str:
    """Intelligence subjects reported selling on the street: runners, whose age then decides.

    No potential_victim here: a runner under 25 or of unknown age is one by the person rule
    (people.person_roles_sql), an older one only on other evidence. A runner seen in supply
    with no number is otherwise no runner at all, and an exploited 19-year-old goes unflagged.
    """
    return f"""
    SELECT i.subject_record_id AS record_id, 'runner' AS role, NULL::VARCHAR AS line_id,
           0.5 AS confidence, false AS potential_victim,
           format('intelligence {{}}:{{}} ({{}}{{}}) reports them selling on the street (handing '
                  'over wraps): a runner''s work, which holders and controllers keep away from',
                  i.report_id, i.item, i.source_eval, i.intel_eval) AS reason
    FROM intel_items i
    WHERE i.conduct LIKE 'MDA1971%' AND i.subject_record_id IS NOT NULL
      AND regexp_matches(lower(i.text), '{STREET_SUPPLY}')
    """


def safeguarded_sql() -> str:
    """People a first responder has already safeguarded (identified, referred, supported)."""
    return f"""
    SELECT a.person_record_id AS record_id,
           CASE WHEN a.notes ILIKE '%cuckoo%' THEN 'cuckooed_resident'
                WHEN {under18_sql("r.dob")} THEN 'runner' ELSE 'other' END AS role,
           NULL::VARCHAR AS line_id, 0.9 AS confidence, true AS potential_victim,
           format('safeguarding action {{}} ({{}}, {{}})', a.action_id, a.action,
                  coalesce(a.agency, 'agency not recorded'))
             AS reason
    FROM safeguarding_actions a JOIN person_records r ON r.record_id = a.person_record_id
    """


def arrested_children_sql() -> str:
    """Children arrested for drug offences: suspects on paper, potential victims first."""
    return f"""
    SELECT a.person_record_id AS record_id, 'runner' AS role, NULL::VARCHAR AS line_id,
           0.8 AS confidence, true AS potential_victim,
           format('arrested under 18 for {{}} ({{}}): a potential victim of exploitation',
                  string_agg(o.code, ', '), a.arrest_id) AS reason
    FROM arrests a JOIN person_records r ON r.record_id = a.person_record_id
    JOIN arrest_offences o USING (arrest_id)
    WHERE o.code LIKE 'MDA1971%' AND {under18_sql("r.dob")}
    GROUP BY a.person_record_id, a.arrest_id
    """


def victim_evidence_sql() -> str:
    """Every safeguarding evidence row from the sources other than phone records."""
    return f"""
    {intel_victims_sql()}
    UNION ALL {safeguarded_sql()}
    UNION ALL {arrested_children_sql()}
    UNION ALL {street_runners_sql()}
    """
