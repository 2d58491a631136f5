"""Reading the resolution: uncertain pairs for review, and one person with its evidence."""

from __future__ import annotations

import json
from typing import Any

import duckdb

from linewatch.errors import NotFoundError
from linewatch.resolve.model import LINK_PROBABILITY, labels

REVIEW_FLOOR = 0.3
COMPARISONS = ("name", "dob", "address", "phone")

REVIEW_SQL = f"""
SELECT p.record_id_l, p.record_id_r, p.match_probability, p.match_weight,
    cl.person_id AS person_l, cr.person_id AS person_r,
    rl.name AS name_l, rr.name AS name_r, rl.dob AS dob_l, rr.dob AS dob_r,
    {", ".join(f"p.{c}_g, p.{c}_w" for c in COMPARISONS)},
    CASE WHEN p.match_probability >= {LINK_PROBABILITY} THEN 'held apart'
         ELSE 'uncertain' END AS status
FROM er_pairs p
JOIN person_clusters cl ON cl.record_id = p.record_id_l
JOIN person_clusters cr ON cr.record_id = p.record_id_r
JOIN person_records rl ON rl.record_id = p.record_id_l
JOIN person_records rr ON rr.record_id = p.record_id_r
WHERE p.match_probability >= {REVIEW_FLOOR}
  AND (p.match_probability < {LINK_PROBABILITY} OR cl.person_id <> cr.person_id)
  AND NOT EXISTS (
      SELECT 1 FROM er_decisions d, unnest(d.records_a) ua(a), unnest(d.records_b) ub(b)
      WHERE least(a, b) = p.record_id_l AND greatest(a, b) = p.record_id_r)
ORDER BY p.match_probability DESC, p.record_id_l, p.record_id_r
LIMIT ?
"""


def _model_labels(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    rows = con.execute("SELECT settings FROM er_models ORDER BY trained_at DESC LIMIT 1").fetchall()
    return labels(json.loads(rows[0][0])) if rows else {}


def _why(row: dict[str, Any], names: dict[str, list[str]]) -> list[dict[str, Any]]:
    """Per comparison: the level that applied and its match weight."""
    out = []
    for c in COMPARISONS:
        gamma = row.pop(f"{c}_g")
        weight = row.pop(f"{c}_w")
        level = names[c][gamma] if c in names and gamma is not None else str(gamma)
        out.append({"field": c, "level": level, "weight": round(weight or 0.0, 2)})
    return out


def _dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description or []]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def review(con: duckdb.DuckDBPyConnection, limit: int = 50) -> list[dict[str, Any]]:
    """Undecided pairs an analyst should look at, most likely matches first."""
    names = _model_labels(con)
    rows = _dicts(con.execute(REVIEW_SQL, [limit]))
    for row in rows:
        row["why"] = _why(row, names)
    return rows


def person(con: duckdb.DuckDBPyConnection, person_id: str) -> dict[str, Any]:
    """One person: display fields, source records, links inside, decisions, phones, handsets."""
    found = _dicts(con.execute("SELECT * FROM persons WHERE person_id = ?", [person_id]))
    if not found:
        raise NotFoundError(f"no person {person_id}")
    names = _model_labels(con)
    links = _dicts(
        con.execute(
            f"""SELECT p.record_id_l, p.record_id_r, p.match_probability,
            {", ".join(f"p.{c}_g, p.{c}_w" for c in COMPARISONS)}
        FROM er_pairs p JOIN person_clusters a ON a.record_id = p.record_id_l
        JOIN person_clusters b ON b.record_id = p.record_id_r
        WHERE a.person_id = ? AND b.person_id = ? ORDER BY p.match_probability DESC""",
            [person_id, person_id],
        )
    )
    for link in links:
        link["why"] = _why(link, names)
    return found[0] | {
        "source_records": _dicts(
            con.execute(
                """SELECT r.record_id, r.source_kind, r.name, r.dob, r.address, r.postcode,
                r.number,
                c.match_probability FROM person_clusters c JOIN person_records r USING (record_id)
            WHERE c.person_id = ? ORDER BY r.record_id""",
                [person_id],
            )
        ),
        "links": links,
        "decisions": _dicts(
            con.execute(
                """SELECT d.* FROM er_decisions d WHERE d.person_id = ? OR EXISTS (
                SELECT 1 FROM person_clusters c WHERE c.person_id = ?
                AND (list_contains(d.records_a, c.record_id)
                     OR list_contains(d.records_b, c.record_id))) ORDER BY decision_id""",
                [person_id, person_id],
            )
        ),
        "phones": _attributed(con, "phone_attribution", "number", person_id),
        "handsets": _attributed(con, "handset_attribution", "imei", person_id),
    }


def _attributed(
    con: duckdb.DuckDBPyConnection, table: str, key: str, person_id: str
) -> list[dict[str, Any]]:
    """A person's numbers or handsets with confidence, rank, conflict flag and evidence."""
    return _dicts(
        con.execute(
            f"""SELECT {key}, confidence, conflicting, rank, evidence FROM {table}
            WHERE person_id = ? ORDER BY confidence DESC, {key}""",
            [person_id],
        )
    )
