"""Quality against ground truth: pairwise and cluster-level scores, phone attribution accuracy.

`truth` names a table (record_id, entity); `phone_truth` a table (number, entity). Used by
`make eval` and the tests; all counting is SQL over person_clusters.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb


@dataclass(frozen=True)
class Scores:
    """Pairwise precision/recall/F1 and cluster-level (exact cluster) precision/recall/F1."""

    precision: float
    recall: float
    f1: float
    cluster_precision: float
    cluster_recall: float
    cluster_f1: float


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def scores(con: duckdb.DuckDBPyConnection, truth: str) -> Scores:
    """Scores of person_clusters against `truth` (record_id, entity)."""
    row = con.execute(
        f"""WITH j AS (SELECT c.person_id, t.entity, c.record_id
                       FROM person_clusters c JOIN {truth} t USING (record_id)),
        pairs AS (SELECT
            (SELECT sum(n * (n - 1) / 2) FROM (SELECT count(*) n FROM j GROUP BY person_id)) pp,
            (SELECT sum(n * (n - 1) / 2) FROM (SELECT count(*) n FROM j GROUP BY entity)) tp_all,
            (SELECT sum(n * (n - 1) / 2) FROM (SELECT count(*) n FROM j
                                               GROUP BY person_id, entity)) tp),
        exact AS (SELECT count(*) AS n FROM (
            SELECT person_id FROM j GROUP BY person_id
            HAVING count(DISTINCT entity) = 1
               AND count(*) = (SELECT count(*) FROM j j2 WHERE j2.entity = any_value(j.entity))))
        SELECT tp / nullif(pp, 0), tp / nullif(tp_all, 0), exact.n,
            (SELECT count(DISTINCT person_id) FROM j), (SELECT count(DISTINCT entity) FROM j)
        FROM pairs, exact"""
    ).fetchall()[0]
    p, r = float(row[0] if row[0] is not None else 1.0), float(row[1] or 0.0)
    cp, cr = row[2] / row[3], row[2] / row[4]
    return Scores(p, r, _f1(p, r), cp, cr, _f1(cp, cr))


def phone_accuracy(
    con: duckdb.DuckDBPyConnection, truth: str, phone_truth: str
) -> tuple[float, int]:
    """Share of attributed numbers whose best person is the true user, and how many were judged.

    A person stands for the truth entity most of its records belong to.
    """
    row = con.execute(
        f"""WITH who AS (
            SELECT c.person_id, mode(t.entity) AS entity
            FROM person_clusters c JOIN {truth} t USING (record_id) GROUP BY c.person_id)
        SELECT avg((w.entity = pt.entity)::INT), count(*)
        FROM phone_attribution a JOIN {phone_truth} pt USING (number)
        LEFT JOIN who w USING (person_id)
        WHERE a.rank = 1"""
    ).fetchall()[0]
    return float(row[0] or 0.0), int(row[1])
