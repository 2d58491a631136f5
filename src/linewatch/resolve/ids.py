"""Stable person ids: a new cluster keeps the id of the old person it shares most records with.

Each old person's id goes to the new cluster holding most of its records; a cluster offered
several ids keeps the one it shares most records with (ties: the lower id number), and the
others retire. Clusters left without an id get a new one from a sequence, never reused.
"""

from __future__ import annotations

import duckdb

from linewatch.store import empty_table

MATCH_SQL = """
CREATE OR REPLACE TEMP TABLE er_ids AS
WITH overlap AS (
    SELECT a.cluster, o.person_id, count(*) AS shared
    FROM er_assign a JOIN person_clusters o USING (record_id)
    GROUP BY a.cluster, o.person_id
), offered AS (  -- each old id to the new cluster sharing most of its records
    SELECT * FROM overlap
    QUALIFY row_number() OVER (PARTITION BY person_id ORDER BY shared DESC, cluster) = 1
), kept AS (     -- each cluster keeps the best id it was offered
    SELECT * FROM offered
    QUALIFY row_number() OVER (
        PARTITION BY cluster ORDER BY shared DESC, CAST(substr(person_id, 2) AS BIGINT)) = 1
)
SELECT c.cluster, coalesce(k.person_id, 'P' || nextval('person_no')) AS person_id
FROM (SELECT DISTINCT cluster FROM er_assign) c LEFT JOIN kept k USING (cluster)
"""

PERSONS_SQL = """
INSERT INTO persons
SELECT c.person_id, mode(pr.name), mode(pr.dob), mode(pr.address), mode(pr.postcode),
    count(*), max(c.run_id)
FROM person_clusters c JOIN person_records pr USING (record_id)
GROUP BY c.person_id
"""

CLUSTERS_SQL = """
CREATE OR REPLACE TEMP TABLE er_new_clusters AS
SELECT a.record_id, i.person_id, a.match_probability,
    CASE WHEN o.person_id = i.person_id THEN o.run_id ELSE ? END AS run_id
FROM er_assign a JOIN er_ids i USING (cluster)
LEFT JOIN person_clusters o USING (record_id)
"""


def assign_ids(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    """Replace person_clusters and persons from er_assign, keeping ids stable."""
    con.execute(MATCH_SQL)
    con.execute(CLUSTERS_SQL, [run_id])
    empty_table(con, "person_clusters")
    con.execute("INSERT INTO person_clusters SELECT * FROM er_new_clusters")
    empty_table(con, "persons")
    con.execute(PERSONS_SQL)
