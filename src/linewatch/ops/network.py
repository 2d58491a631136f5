"""The line network before and after an operation: which crew numbers were taken out, and what
is left connected (components, largest component, lines that keep a controller or runner)."""

from __future__ import annotations

from typing import Any

import duckdb
import networkit as nk

from linewatch.harm.people import has_table
from linewatch.store.sql import number_key_sql, number_text_sql

CREW = (
    "SELECT number, role, line_id FROM number_roles "
    "WHERE role IN ('deal_line', 'controller', 'runner')"
)


def _removed_sql(con: duckdb.DuckDBPyConnection, arrested_sql: str) -> str:
    """SQL for the crew numbers the operation took: phones seized, and phones of people arrested."""
    seized = "SELECT number FROM seizures WHERE operation_id = $op AND number IS NOT NULL"
    if not has_table(con, "phone_attribution"):
        return seized
    return (
        f"{seized} UNION SELECT p.number FROM phone_attribution p "
        f"JOIN ({arrested_sql}) a USING (person_id) WHERE p.rank = 1"
    )


def _measures(
    nodes: list[str], edges: list[tuple[str, str]], roles: dict[str, tuple[str, str]]
) -> dict[str, Any]:
    """Size, components and surviving line roles of a crew network."""
    index = {n: i for i, n in enumerate(nodes)}
    graph = nk.Graph(len(nodes))
    for a, b in edges:
        if a in index and b in index:
            graph.addEdge(index[a], index[b])
    components = nk.components.ConnectedComponents(graph)
    components.run()
    sizes = components.getComponentSizes().values()
    return {
        "numbers": len(nodes),
        "links": graph.numberOfEdges(),
        "components": components.numberOfComponents(),
        "largest_component": max(sizes, default=0),
        "lines_with_controller": len({roles[n][1] for n in nodes if roles[n][0] == "controller"}),
        "lines_with_runner": len({roles[n][1] for n in nodes if roles[n][0] == "runner"}),
    }


def network_change(
    con: duckdb.DuckDBPyConnection, op: str, arrested_sql: str
) -> dict[str, Any] | None:
    """The crew network before and after removing what operation `op` took (None: not analysed)."""
    if not has_table(con, "number_roles"):
        return None
    roles = {n: (r, line) for n, r, line in con.execute(CREW).fetchall()}
    edges = con.execute(
        f"""WITH crew AS (SELECT {number_key_sql("number")} AS num FROM ({CREW}))
        SELECT DISTINCT {number_text_sql("least(caller, callee)")},
          {number_text_sql("greatest(caller, callee)")}
        FROM comm_event_rows
        WHERE caller IN (SELECT num FROM crew) AND callee IN (SELECT num FROM crew)
          AND caller <> callee"""
    ).fetchall()
    taken = {r[0] for r in con.execute(_removed_sql(con, arrested_sql), {"op": op}).fetchall()}
    before = sorted(roles)
    after = [n for n in before if n not in taken]
    return {
        "before": _measures(before, edges, roles),
        "after": _measures(after, edges, roles),
        "numbers_taken": sorted(taken & set(roles)),
    }
