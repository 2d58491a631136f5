"""Evidence that a person uses a handset (IMEI): seized or reported handsets, attributed numbers.

Direct evidence names the handset itself: seized from the person or at their address, or named
in intelligence about them (same confidences as for numbers). Derived evidence: each number
used in the handset (`handset_use`) brings every candidate user of that number, at the
number's attributed confidence, so a number's conflict carries over to its handset.
"""

from __future__ import annotations

from linewatch.ingest.locations import key_sql, postcode_sql
from linewatch.resolve.evidence import (
    SEIZED_AT_ADDRESS,
    SEIZED_FROM_PERSON,
    intel_confidence_sql,
)


def handset_evidence_sql() -> str:
    """SQL rows (imei, person_id, source, confidence, detail) for every handset."""
    home = key_sql("r.address", postcode_sql("r.postcode"))
    return f"""
    SELECT z.imei, c.person_id, 'seized from person' AS source,
        {SEIZED_FROM_PERSON} AS confidence, 'phone seized ' || z.seizure_id AS detail
    FROM seizures z JOIN person_clusters c ON c.record_id = z.person_record_id
    WHERE z.item_type = 'phone' AND z.imei IS NOT NULL
    UNION ALL
    SELECT DISTINCT z.imei, c.person_id, 'seized at address', {SEIZED_AT_ADDRESS},
        'phone seized ' || z.seizure_id || ' at ' || z.location_id
    FROM seizures z JOIN person_records r ON {home} = z.location_id
    JOIN person_clusters c ON c.record_id = r.record_id
    WHERE z.item_type = 'phone' AND z.person_record_id IS NULL AND z.imei IS NOT NULL
    UNION ALL
    SELECT i.imei, c.person_id, 'intelligence', {intel_confidence_sql()},
        'intelligence ' || i.report_id || '/' || i.item || ' graded '
        || i.source_eval || i.intel_eval || i.handling
    FROM intel_items i JOIN person_clusters c ON c.record_id = i.subject_record_id
    WHERE i.imei IS NOT NULL
    UNION ALL
    SELECT h.imei, a.person_id, 'number used in it', a.confidence,
        'number ' || h.number || ' (attributed ' || round(a.confidence, 2) || ') in it '
        || h.events || ' times, ' || h.first_seen::DATE || ' to ' || h.last_seen::DATE
    FROM handset_use h JOIN phone_attribution a USING (number)
    """
