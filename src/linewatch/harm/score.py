"""Harm scores: each person's recorded offences and reported conduct, weighed, discounted, summed.

A term is one offence of one arrest, or one intelligence item naming the person as its *suspect*
with an alleged conduct. Victim, witness and other items never count against their subject, and
nothing counts for association: links, co-offenders, roles and phone contacts are never read.
Each term = weight (scheme) x grading (arrest status, or source x assessment) x 0.5^(age/half-life).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import duckdb
import pyarrow as pa

from linewatch.harm.people import first, person_map_sql
from linewatch.harm.settings import (
    ARREST_STATUS_WEIGHTS,
    ASSESSMENT_WEIGHTS,
    SOURCE_WEIGHTS,
    UNKNOWN_STATUS_WEIGHT,
    HarmSettings,
)
from linewatch.harm.weights import WeightTable
from linewatch.store import transaction
from linewatch.store.sql import literal


@dataclass(frozen=True)
class Term:
    """One contribution to a score, with everything needed to recompute it by hand."""

    kind: str
    ref: str
    event_at: datetime
    code: str
    drug_class: str | None
    weight: float | None
    weight_source: str
    grading: float
    basis: str
    age_days: float
    decay: float
    value: float


def _case(column: str, table: dict[str, float], default: float) -> str:
    """SQL CASE mapping a column's values through a constant table."""
    arms = " ".join(f"WHEN {literal(k)} THEN {v!r}::DOUBLE" for k, v in table.items())
    return f"(CASE {column} {arms} ELSE {default!r}::DOUBLE END)"


def _events_sql(con: duckdb.DuckDBPyConnection) -> str:
    """SQL for every scoreable event per person: arrests' offences and suspect intelligence."""
    status = _case("a.status", ARREST_STATUS_WEIGHTS, UNKNOWN_STATUS_WEIGHT)
    grading = f"{_case('i.source_eval', SOURCE_WEIGHTS, 0.0)} * "
    grading += _case("i.intel_eval", ASSESSMENT_WEIGHTS, 0.0)
    return f"""
    WITH people AS ({person_map_sql(con)})
    SELECT p.person_id, 'arrest' AS kind, a.arrest_id AS ref, a.arrested_at AS event_at, o.code,
        o.drug_class, {status} AS grading,
        'arrest, status ' || coalesce(a.status, 'not recorded') AS basis
    FROM arrests a JOIN arrest_offences o USING (arrest_id)
    JOIN people p ON p.record_id = a.person_record_id
    UNION ALL
    SELECT p.person_id, 'intelligence', i.report_id || ' item ' || i.item, i.reported_at,
        i.conduct, i.drug_class, {grading},
        'intelligence graded ' || i.source_eval || i.intel_eval || i.handling || ', subject suspect'
    FROM intel_items i JOIN people p ON p.record_id = i.subject_record_id
    WHERE i.conduct IS NOT NULL AND i.subject_category = 'suspect'"""


def _register_weights(con: duckdb.DuckDBPyConnection, settings: HarmSettings) -> None:
    """Expose the scheme's weights to SQL as the relation `harm_weight_rows`."""
    rows = [
        (code, cls, w.value, w.source)
        for (scheme, code, cls), w in WeightTable.load(settings.weights_file).entries.items()
        if scheme == settings.scheme
    ]
    names = ["code", "drug_class", "weight", "source"]
    con.register("harm_weight_rows", pa.table(list(map(list, zip(*rows, strict=True))), names))


def _terms_sql(con: duckdb.DuckDBPyConnection) -> str:
    """SQL for every term with its weight, decay and value ($as_of, $half_life)."""
    return f"""
    SELECT e.*, coalesce(w1.weight, w0.weight) AS weight,
        CASE WHEN w1.weight IS NOT NULL THEN w1.source
             ELSE coalesce(w0.source, 'no weight for ' || e.code) END AS weight_source,
        greatest(epoch($as_of) - epoch(e.event_at), 0) / 86400.0 AS age_days,
        pow(0.5, age_days / $half_life) AS decay,
        coalesce(coalesce(w1.weight, w0.weight) * e.grading * decay, 0.0) AS value
    FROM ({_events_sql(con)}) e
    LEFT JOIN harm_weight_rows w1 ON w1.code = e.code AND w1.drug_class = e.drug_class
    LEFT JOIN harm_weight_rows w0 ON w0.code = e.code AND w0.drug_class IS NULL"""


def terms(
    con: duckdb.DuckDBPyConnection, settings: HarmSettings, person_id: str, as_of: datetime
) -> list[Term]:
    """Every term of one person's score, largest first."""
    _register_weights(con, settings)
    fields = ", ".join(Term.__dataclass_fields__)
    rows = con.execute(
        f"SELECT {fields} FROM ({_terms_sql(con)}) WHERE person_id = $person "
        "ORDER BY value DESC, event_at, ref, code",
        {"as_of": as_of, "half_life": settings.half_life_days, "person": person_id},
    ).fetchall()
    return [Term(*row) for row in rows]


def score_all(con: duckdb.DuckDBPyConnection, settings: HarmSettings, as_of: datetime) -> int:
    """Replace the scheme's scores with fresh ones; safeguarding cases are never scored."""
    _register_weights(con, settings)
    review_by = as_of + timedelta(days=settings.review_days)
    fields = ", ".join(f"{f}" for f in Term.__dataclass_fields__)
    with transaction(con):
        con.execute("DELETE FROM harm_scores WHERE scheme = ?", [settings.scheme])
        con.execute(
            f"""INSERT INTO harm_scores
            SELECT person_id, $scheme, sum(value), $as_of, $review_by,
                to_json(list(struct_pack({fields}) ORDER BY value DESC, event_at, ref, code))
            FROM ({_terms_sql(con)})
            WHERE person_id NOT IN (SELECT person_id FROM safeguarding_cases)
            GROUP BY person_id""",
            {
                "scheme": settings.scheme,
                "as_of": as_of,
                "review_by": review_by,
                "half_life": settings.half_life_days,
            },
        )
    return stored_count(con, settings.scheme)


def ensure_scored(
    con: duckdb.DuckDBPyConnection,
    settings: HarmSettings,
    as_of: datetime,
    *,
    rescore: bool = False,
) -> None:
    """Compute the scheme's scores when none are stored (or when asked to)."""
    if rescore or stored_count(con, settings.scheme) == 0:
        score_all(con, settings, as_of)


def stored(con: duckdb.DuckDBPyConnection, person_id: str, scheme: str) -> dict[str, Any] | None:
    """A person's stored score (expired or not) as plain data, or None."""
    row = first(
        con,
        "SELECT score, computed_at, review_by, contributions, review_by > now() "
        "FROM harm_scores WHERE person_id = ? AND scheme = ?",
        [person_id, scheme],
    )
    if row is None:
        return None
    keys = ("score", "computed_at", "review_by", "contributions", "current")
    data = dict(zip(keys, row, strict=True))
    data["contributions"] = json.loads(data["contributions"])
    return data


def stored_count(con: duckdb.DuckDBPyConnection, scheme: str) -> int:
    """How many scores the store holds for a scheme (current or expired)."""
    row = first(con, "SELECT count(*) FROM harm_scores WHERE scheme = ?", [scheme])
    return int(row[0]) if row else 0


def ranking(con: duckdb.DuckDBPyConnection, scheme: str, top: int) -> list[dict[str, Any]]:
    """The highest current (unexpired) scores, with their largest term's reason."""
    rows = con.execute(
        """SELECT person_id, score, review_by, json_array_length(contributions),
            contributions->>'$[0].code'
        FROM harm_scores_current WHERE scheme = ? AND score > 0
        ORDER BY score DESC, person_id LIMIT ?""",
        [scheme, top],
    ).fetchall()
    keys = ("person_id", "score", "review_by", "terms", "largest")
    return [dict(zip(keys, r, strict=True)) for r in rows]
