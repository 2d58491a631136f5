"""Evidence that a person uses a number, one SQL query per kind, each row with a confidence.

Direct evidence names the person: a subscriber check, a number on the person's own record, a
phone seized from them (or at their address), an intelligence item about them (confidence from
its 3x5x2 grading). Derived evidence carries a direct attribution to another number: the same
handset, or the same cells at the same hours, or the same overnight cell, as a known phone.
"""

from __future__ import annotations

from linewatch.ingest.locations import key_sql, postcode_sql
from linewatch.store.sql import number_text_sql

# Confidence of each kind of direct evidence (a starting point; see docs/resolution.md).
SUBSCRIBER = 0.7
OWN_RECORD = 0.6
SEIZED_FROM_PERSON = 0.9
SEIZED_AT_ADDRESS = 0.4
INTEL_SOURCE = {"1": 0.7, "2": 0.5, "3": 0.25}
INTEL_ASSESSMENT = {"A": 1.0, "B": 0.9, "C": 0.75, "D": 0.5, "E": 0.1}
# Derived evidence: factor on the known phone's confidence.
SAME_HANDSET = 0.8
CO_LOCATED = 0.9
SAME_NIGHT_CELL = 0.4
# Co-location needs this many hours when both phones were seen, and this share of them shared
# (0.8 chosen on simulator seed 3: households and neighbours reach 0.6-0.7).
MIN_SHARED_HOURS = 5
MIN_CO_LOCATION = 0.8


def _case(col: str, table: dict[str, float]) -> str:
    whens = " ".join(f"WHEN '{k}' THEN {v}" for k, v in table.items())
    return f"(CASE {col} {whens} ELSE 0 END)"


def intel_confidence_sql() -> str:
    """SQL for an intelligence item's (alias i) confidence from its source and assessment."""
    return f"{_case('i.source_eval', INTEL_SOURCE)} * {_case('i.intel_eval', INTEL_ASSESSMENT)}"


def direct_sql() -> str:
    """SQL rows (number, person_id, source, confidence, detail) naming the person directly."""
    intel = intel_confidence_sql()
    home = key_sql("r.address", postcode_sql("r.postcode"))
    return f"""
    SELECT s.number, c.person_id, 'subscriber' AS source, {SUBSCRIBER} AS confidence,
        'subscriber check ' || coalesce(s.source_ref, s.person_record_id) AS detail
    FROM subscribers s JOIN person_clusters c ON c.record_id = s.person_record_id
    UNION ALL
    SELECT r.number, c.person_id, 'own record', {OWN_RECORD}, 'number on ' || r.record_id
    FROM person_records r JOIN person_clusters c USING (record_id)
    WHERE r.number IS NOT NULL AND r.source_kind <> 'subscribers'
    UNION ALL
    SELECT coalesce(z.number, h.number), c.person_id, 'seized from person',
        {SEIZED_FROM_PERSON}, 'phone seized ' || z.seizure_id
    FROM seizures z JOIN person_clusters c ON c.record_id = z.person_record_id
    LEFT JOIN handset_use h ON z.number IS NULL AND h.imei = z.imei
    WHERE z.item_type = 'phone' AND coalesce(z.number, h.number) IS NOT NULL
    UNION ALL
    SELECT DISTINCT coalesce(z.number, h.number), c.person_id, 'seized at address',
        {SEIZED_AT_ADDRESS}, 'phone seized ' || z.seizure_id || ' at ' || z.location_id
    FROM seizures z JOIN person_records r ON {home} = z.location_id
    JOIN person_clusters c ON c.record_id = r.record_id
    LEFT JOIN handset_use h ON z.number IS NULL AND h.imei = z.imei
    WHERE z.item_type = 'phone' AND z.person_record_id IS NULL
      AND coalesce(z.number, h.number) IS NOT NULL
    UNION ALL
    SELECT coalesce(i.number, h.number), c.person_id, 'intelligence', {intel},
        'intelligence ' || i.report_id || '/' || i.item || ' graded '
        || i.source_eval || i.intel_eval || i.handling
    FROM intel_items i JOIN person_clusters c ON c.record_id = i.subject_record_id
    LEFT JOIN handset_use h ON i.number IS NULL AND h.imei = i.imei
    WHERE coalesce(i.number, h.number) IS NOT NULL
    """


def observations_sql() -> str:
    """SQL rows (number, hour, cell): where each target phone was, hour by hour (made distinct
    on the stored integers, then decoded)."""
    return f"""
    SELECT {number_text_sql("o.num")} AS number, o.hour, c.cell_id AS cell FROM (
        SELECT DISTINCT num, hour, cell_no FROM (
            SELECT caller AS num, date_trunc('hour', ts) AS hour, caller_cell AS cell_no
            FROM comm_event_rows WHERE caller_cell IS NOT NULL
            UNION ALL
            SELECT callee, date_trunc('hour', ts), callee_cell
            FROM comm_event_rows WHERE callee_cell IS NOT NULL)) o
    JOIN cells c USING (cell_no)
    """


def derived_sql(known: str, obs: str) -> str:
    """SQL rows of derived evidence from `known` (number, person_id, confidence) phones."""
    return f"""
    SELECT h2.number, k.person_id, 'same handset',
        {SAME_HANDSET} * k.confidence, 'handset ' || h1.imei || ' also used by ' || k.number
    FROM {known} k JOIN handset_use h1 ON h1.number = k.number
    JOIN handset_use h2 ON h2.imei = h1.imei AND h2.number <> k.number
    UNION ALL
    SELECT o.number, k.person_id, 'co-located', {CO_LOCATED} * k.confidence * o.share,
        'same cells as ' || k.number || ' in ' || o.shared || ' of ' || o.hours || ' hours'
    FROM ({co_location_sql(obs)}) o JOIN {known} k ON k.number = o.known
    UNION ALL
    SELECT n2.number, k.person_id, 'same overnight cell', {SAME_NIGHT_CELL} * k.confidence,
        'overnight cell ' || n1.cell || ' as ' || k.number
    FROM {known} k JOIN ({night_cell_sql(obs)}) n1 ON n1.number = k.number
    JOIN ({night_cell_sql(obs)}) n2 ON n2.cell = n1.cell AND n2.number <> k.number
    """


def hours_sql(obs: str, first: int, last: int) -> str:
    """SQL (number, bits): the hours each phone was seen, as a bitstring over first..last."""
    return f"""
    SELECT number, bitstring_agg(epoch(hour)::BIGINT // 3600, {first}, {last}) AS bits
    FROM (SELECT DISTINCT number, hour FROM {obs}) GROUP BY number
    """


def co_location_sql(obs: str) -> str:
    """SQL (known, number, shared, hours, share): hours both seen, and at the same cell.

    Pairs come from a join on (hour, cell); the hours both phones were seen are counted on
    their hour bitstrings (er_hours), as a join on the hour alone pairs every phone with all.
    """
    floor = MIN_SHARED_HOURS * MIN_CO_LOCATION
    return f"""
    WITH k AS (SELECT * FROM {obs} WHERE number IN (SELECT number FROM er_known)),
    same AS (
        SELECT k.number AS known, o.number, count(DISTINCT k.hour) AS shared
        FROM k JOIN {obs} o ON o.hour = k.hour AND o.cell = k.cell AND o.number <> k.number
        GROUP BY k.number, o.number HAVING count(DISTINCT k.hour) >= {floor}
    ), seen AS (
        SELECT s.*, bit_count(a.bits & b.bits) AS hours
        FROM same s JOIN er_hours a ON a.number = s.known JOIN er_hours b ON b.number = s.number
    )
    SELECT *, shared / hours AS share FROM seen
    WHERE hours >= {MIN_SHARED_HOURS} AND shared / hours >= {MIN_CO_LOCATION}
    """


def night_cell_sql(obs: str) -> str:
    """SQL (number, cell): each phone's most used cell between midnight and 6 am."""
    return f"""
    SELECT number, mode(cell) AS cell FROM {obs}
    WHERE hour(hour) < 6 GROUP BY number HAVING count(*) >= 3
    """
