"""Clusters from links: connected components in SQL, constrained greedy merging where needed.

Links are stored pairs at or above LINK_PROBABILITY, less analyst rejects, plus analyst
accepts; a link at STRONG_PROBABILITY or more between two records that both have a date of
birth may join two dates of birth (see greedy): a link without one (a name alone) says nothing
about how a date of birth was written, and would chain two namesakes through one dob-less record.
Components whose dates of birth all lie within 31 days (so no two are incompatible) and with no
cannot-link inside are clusters as they are; the rest (usually few and small) are re-formed by
`greedy.merge`, which refuses chaining merges.
Result: the temporary table er_assign (record_id, cluster, match_probability).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import duckdb
import pyarrow as pa
from splink import DuckDBAPI
from splink.clustering import cluster_pairwise_predictions_at_threshold

from linewatch.resolve.constraints import load_decisions
from linewatch.resolve.greedy import Edge, merge
from linewatch.resolve.model import LINK_PROBABILITY, STRONG_PROBABILITY
from linewatch.resolve.prepare import INPUT

EDGES_SQL = f"""
CREATE OR REPLACE TEMP TABLE er_edges AS
SELECT record_id_l AS a, record_id_r AS b, match_weight AS w, match_probability, false AS must,
    match_probability >= {STRONG_PROBABILITY} AND dob_g >= 0 AS strong
FROM er_pairs p
WHERE match_probability >= {LINK_PROBABILITY}
  AND NOT EXISTS (SELECT 1 FROM er_constraint c
                  WHERE c.a = p.record_id_l AND c.b = p.record_id_r AND NOT c.must)
UNION ALL
SELECT a, b, 1e9, 1.0, true, true FROM er_constraint
WHERE must AND a IN (SELECT record_id FROM {INPUT}) AND b IN (SELECT record_id FROM {INPUT})
"""

CONFLICTED_SQL = f"""
CREATE OR REPLACE TEMP TABLE er_conflicted AS
SELECT comp FROM er_comp JOIN {INPUT} USING (record_id)
GROUP BY comp HAVING date_diff('day', min(dob), max(dob)) > 31
UNION
SELECT ca.comp FROM er_constraint k
JOIN er_comp ca ON ca.record_id = k.a JOIN er_comp cb ON cb.record_id = k.b
WHERE NOT k.must AND ca.comp = cb.comp
"""

ASSIGN_SQL = """
CREATE OR REPLACE TEMP TABLE er_assign AS
WITH c AS (
    SELECT record_id, coalesce(g.root, 'c:' || comp) AS cluster
    FROM er_comp LEFT JOIN er_regrouped g USING (record_id)
), best AS (
    SELECT rec, max(match_probability) AS p FROM (
        SELECT e.a AS rec, e.match_probability FROM er_edges e
        JOIN c ca ON ca.record_id = e.a JOIN c cb ON cb.record_id = e.b
        WHERE ca.cluster = cb.cluster
        UNION ALL
        SELECT e.b, e.match_probability FROM er_edges e
        JOIN c ca ON ca.record_id = e.a JOIN c cb ON cb.record_id = e.b
        WHERE ca.cluster = cb.cluster
    ) GROUP BY rec
)
SELECT c.record_id, c.cluster, coalesce(best.p, 1.0) AS match_probability
FROM c LEFT JOIN best ON best.rec = c.record_id
"""


def _components(con: duckdb.DuckDBPyConnection) -> None:
    """er_comp (record_id, comp): connected components of the links, by Splink's SQL."""
    db_api = DuckDBAPI(con)
    out = cluster_pairwise_predictions_at_threshold(
        INPUT, "er_edges", db_api, "record_id", "a", "b"
    )
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE er_comp AS "
        f"SELECT record_id, cluster_id AS comp FROM {out.physical_name}"
    )
    out.drop_table_from_database_and_remove_from_cache()


def _regroup(con: duckdb.DuckDBPyConnection) -> None:
    """er_regrouped (record_id, root): conflicted components re-formed by greedy merging."""
    rows = con.execute(
        f"""SELECT record_id, dob FROM er_comp JOIN {INPUT} USING (record_id)
        WHERE comp IN (SELECT comp FROM er_conflicted)"""
    ).fetchall()
    dobs: dict[str, date | None] = {r: d for r, d in rows}
    edges = [
        Edge(a, b, w, must, strong)
        for a, b, w, must, strong in con.execute(
            """SELECT a, b, w, must, strong FROM er_edges JOIN er_comp ON er_comp.record_id = a
            WHERE comp IN (SELECT comp FROM er_conflicted) ORDER BY must DESC, w DESC, a, b"""
        ).fetchall()
    ]
    cannot: dict[str, set[str]] = defaultdict(set)
    for a, b in con.execute("SELECT a, b FROM er_constraint WHERE NOT must").fetchall():
        cannot[a].add(b)
        cannot[b].add(a)
    roots = merge(dobs, edges, cannot)
    regrouped = pa.table({"record_id": list(roots), "root": ["g:" + r for r in roots.values()]})
    con.register("er_regrouped_arrow", regrouped)
    con.execute("CREATE OR REPLACE TEMP TABLE er_regrouped AS SELECT * FROM er_regrouped_arrow")
    con.unregister("er_regrouped_arrow")


def cluster(con: duckdb.DuckDBPyConnection) -> None:
    """Cluster the linking input into er_assign (record_id, cluster, match_probability)."""
    load_decisions(con)
    con.execute(EDGES_SQL)
    _components(con)
    con.execute(CONFLICTED_SQL)
    _regroup(con)
    con.execute(ASSIGN_SQL)
