"""Line summaries (numbers, period, customers, handsets, places) and people's roles, in SQL."""

from __future__ import annotations

import duckdb

from linewatch.analyse.places import district_of


def line_rows_sql() -> str:
    """Per line: numbers in order of use, active period, customers and handsets."""
    return """
    SELECT l.line_id, list(l.number ORDER BY l.position) AS numbers,
           min(d.first_ts) AS active_from, max(d.last_ts) AS active_to,
           (SELECT count(*) FROM a_customers c WHERE c.line_id = l.line_id) AS customers,
           coalesce((SELECT list(DISTINCT h.imei ORDER BY h.imei) FROM handset_use h
                     JOIN a_line_numbers x ON x.number = h.number
                     WHERE x.line_id = l.line_id), []) AS handsets
    FROM a_line_numbers l JOIN a_deal d USING (number)
    GROUP BY l.line_id
    """


def line_cells_sql() -> str:
    """Per line, the usual cell of its hub side (deal phones, controller) and of its market
    side (customers, then runners' cells away from the hub side)."""
    return """
    WITH member AS (
        SELECT number, line_id, 'hub' AS side FROM a_line_numbers
        UNION ALL SELECT number, line_id, 'hub' FROM a_controllers
        UNION ALL SELECT number, line_id, 'market' FROM a_customers
        UNION ALL SELECT number, line_id, 'runner' FROM a_runners
    ), own AS (
        SELECT caller AS number, caller_cell AS cell FROM comm_events WHERE caller_cell IS NOT NULL
        UNION ALL SELECT callee, callee_cell FROM comm_events WHERE callee_cell IS NOT NULL
    )
    SELECT m.line_id, m.side, o.cell, count(*) AS n
    FROM member m JOIN own o USING (number)
    GROUP BY m.line_id, m.side, o.cell
    """


def line_places(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str | None, str | None]]:
    """line_id -> (hub, market) district names, from the cells each side uses most."""
    rows = con.execute(
        f"WITH lc AS ({line_cells_sql()}) "
        "SELECT lc.line_id, lc.side, c.lon, c.lat, lc.n FROM lc JOIN cells c ON c.cell_id = lc.cell"
    ).fetchall()
    weight: dict[tuple[str, str, str | None], int] = {}
    for line_id, side, lon, lat, n in rows:
        key = (str(line_id), str(side), district_of(float(lon), float(lat)))
        weight[key] = weight.get(key, 0) + int(n)
    return {line: _hub_market(line, weight) for line in {k[0] for k in weight}}


def _hub_market(
    line: str, weight: dict[tuple[str, str, str | None], int]
) -> tuple[str | None, str | None]:
    """Most used district of the hub side; of customers, else of runners outside the hub."""

    def top(side: str, exclude: str | None = None) -> str | None:
        found = [(n, d) for (ln, sd, d), n in weight.items() if ln == line and sd == side]
        found = [(n, d) for n, d in found if d is not None and d != exclude]
        return max(found, key=lambda t: t[0])[1] if found else None

    hub = top("hub")
    return hub, top("market") or top("runner", exclude=hub)
