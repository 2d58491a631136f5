"""Network measures of the store's contact graph, as an Arrow table for network_measures."""

from __future__ import annotations

import duckdb
import numpy as np
import pyarrow as pa

from linewatch.analyse import network, pivots
from linewatch.analyse.settings import AnalysisSettings


def undirected_edges_sql() -> str:
    """Unique undirected contact pairs with their total events, as dense node ids, in order: the
    graph's adjacency order (and so PageRank's sums, Leiden and the betweenness samples) no
    longer depends on how the parallel aggregate happened to emit its rows."""
    return """
    WITH ids AS (SELECT number, (row_number() OVER (ORDER BY number) - 1)::BIGINT AS id
                 FROM a_nodes),
    pairs AS (SELECT least(a, b) AS x, greatest(a, b) AS y, sum(n)::DOUBLE AS w
              FROM a_edges GROUP BY least(a, b), greatest(a, b))
    SELECT i.id AS a, j.id AS b, p.w FROM pairs p
    JOIN ids i ON i.number = p.x JOIN ids j ON j.number = p.y
    ORDER BY a, b
    """


def brokers_sql() -> str:
    """Numbers whose contacts include the crew (deal, runner, controller) of two or more lines."""
    return """
    WITH nb AS (SELECT a AS number, b AS other FROM a_edges UNION SELECT b, a FROM a_edges)
    SELECT nb.number FROM nb JOIN a_roles r ON r.number = nb.other
    WHERE r.role IN ('deal_line', 'runner', 'controller')
    GROUP BY nb.number HAVING count(DISTINCT r.line_id) >= 2
    """


def measures_table(con: duckdb.DuckDBPyConnection, s: AnalysisSettings) -> tuple[pa.Table, float]:
    """(number, degree, betweenness, pagerank, community, is_broker) and betweenness's error."""
    nodes = con.sql(
        f"SELECT n.number, b.number IS NOT NULL AS is_broker FROM a_nodes n "
        f"LEFT JOIN ({brokers_sql()}) b USING (number) ORDER BY n.number"
    ).to_arrow_table()
    e = con.sql(undirected_edges_sql()).to_arrow_table()
    a, b = e["a"].to_numpy().astype(np.int64), e["b"].to_numpy().astype(np.int64)
    g = network.build_graph(a, b, e["w"].to_numpy().astype(np.float64), nodes.num_rows)
    # Above kadabra_max_nodes betweenness comes from random pivots: at 309 k nodes KADABRA
    # (error 0.02) took 58 CPU-s and 64 pivots about 23, and KADABRA's cost grows faster than
    # the graph. Smaller cases (every development and evaluation case) keep KADABRA.
    if nodes.num_rows > s.kadabra_max_nodes:
        bc = pivots.pivot_betweenness(a, b, nodes.num_rows, s.betweenness_pivots)
    else:
        bc = network.betweenness(g, s.exact_betweenness_max_nodes, s.betweenness_epsilon)
    table = pa.table(
        {
            "number": nodes["number"],
            "degree": pa.array(network.degrees(g), pa.int64()),
            "betweenness": pa.array(bc.values, pa.float64()),
            "pagerank": pa.array(network.pagerank(g), pa.float64()),
            "community": pa.array(network.communities(g), pa.int64()),
            "is_broker": nodes["is_broker"],
        }
    )
    return table, bc.epsilon
