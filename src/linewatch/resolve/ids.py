"""Stable person ids: a new cluster keeps the id of the old person it shares most records with.

Each old person's id goes to the new cluster holding most of its records; a cluster offered
several ids keeps the one it shares most records with (ties: the lower id number), and the
others retire. Clusters left without an id get new ones from a sequence, never reused, handed
out in the order of each cluster's first record id, so the same records get the same ids in a
fresh store however the work was split between threads.
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
SELECT c.cluster, k.person_id
FROM (SELECT DISTINCT cluster FROM er_assign) c LEFT JOIN kept k USING (cluster)
"""

# New ids: draw one sequence number per cluster without an id, then give them out in order of
# the clusters' first record ids (the sequence hands numbers to rows in no set order).
FRESH_SQL = """
CREATE OR REPLACE TEMP TABLE er_fresh AS
SELECT cluster, row_number() OVER (ORDER BY first_record) AS k FROM (
    SELECT a.cluster, min(a.record_id) AS first_record
    FROM er_assign a SEMI JOIN er_ids i ON i.cluster = a.cluster AND i.person_id IS NULL
    GROUP BY a.cluster);
CREATE OR REPLACE TEMP TABLE er_drawn AS SELECT nextval('person_no') AS n FROM er_fresh;
UPDATE er_ids SET person_id = 'P' || d.n
FROM er_fresh f JOIN (SELECT n, row_number() OVER (ORDER BY n) AS k FROM er_drawn) d USING (k)
WHERE er_ids.cluster = f.cluster;
DROP TABLE er_fresh;
DROP TABLE er_drawn;
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
    con.execute(FRESH_SQL)
    con.execute(CLUSTERS_SQL, [run_id])
    empty_table(con, "person_clusters")
    con.execute("INSERT INTO person_clusters SELECT * FROM er_new_clusters")
    empty_table(con, "persons")
    con.execute(PERSONS_SQL)
