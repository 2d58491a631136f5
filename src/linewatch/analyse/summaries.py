"""Line summaries (numbers, period, customers, handsets, places) and people's roles, in SQL."""

from __future__ import annotations

import duckdb
import pyarrow as pa

from linewatch.analyse.places import districts_of
from linewatch.store.sql import number_key_sql


def line_rows_sql() -> str:
    """Per line: numbers in order of use, active period, customers and handsets."""
    return """
    SELECT l.line_id, list(l.number ORDER BY l.position) AS numbers,
           min(d.first_ts) AS active_from, max(d.last_ts) AS active_to,
           (SELECT count(*) FROM a_customers c WHERE c.line_id = l.line_id) AS customers,
           coalesce((SELECT list(DISTINCT h.imei ORDER BY h.imei)
                     FROM (SELECT number, unnest(imei_list) AS imei FROM a_handsets) h
                     JOIN a_line_numbers x ON x.number = h.number
                     WHERE x.line_id = l.line_id), []) AS handsets
    FROM a_line_numbers l JOIN a_deal d USING (number)
    GROUP BY l.line_id
    """


def line_cells_sql() -> str:
    """Per line, the usual cell of its hub side (deal phones, controller) and of its market
    side (customers, then runners' cells away from the hub side)."""
    return f"""
    WITH member AS (
        SELECT number, line_id, 'hub' AS side FROM a_line_numbers
        UNION ALL SELECT number, line_id, 'hub' FROM a_controllers
        UNION ALL SELECT number, line_id, 'market' FROM a_customers
        UNION ALL SELECT number, line_id, 'runner' FROM a_runners
    ), own AS (
        SELECT caller AS num, caller_cell AS cell_no FROM comm_event_rows
        WHERE caller_cell IS NOT NULL
        UNION ALL SELECT callee, callee_cell FROM comm_event_rows WHERE callee_cell IS NOT NULL
    )
    SELECT m.line_id, m.side, c.cell_id AS cell, count(*) AS n
    FROM member m JOIN own o ON o.num = {number_key_sql("m.number")} JOIN cells c USING (cell_no)
    GROUP BY m.line_id, m.side, c.cell_id
    """


def line_districts_sql() -> str:
    """Per line and side, the districts of its cells weighted by use (over a_line_cells)."""
    return """
    SELECT lc.line_id, lc.side, d.district, sum(lc.n) AS n
    FROM a_line_cells lc JOIN a_cell_districts d USING (cell)
    WHERE d.district IS NOT NULL
    GROUP BY lc.line_id, lc.side, d.district
    """


def hub_market_sql() -> str:
    """Per line: hub = district its hub side uses most; market = of customers, else of runners
    outside the hub (ties go to the first district by name)."""
    return f"""
    WITH ld AS ({line_districts_sql()}),
    top AS (
        SELECT line_id, side, arg_max(district, (n, district)) AS district FROM ld
        WHERE side <> 'runner' GROUP BY line_id, side
    ), hub AS (SELECT line_id, district AS hub FROM top WHERE side = 'hub'),
    away AS (
        SELECT ld.line_id, arg_max(ld.district, (ld.n, ld.district)) AS district
        FROM ld LEFT JOIN hub USING (line_id)
        WHERE ld.side = 'runner' AND ld.district IS DISTINCT FROM hub.hub
        GROUP BY ld.line_id
    )
    SELECT l.line_id, hub.hub, coalesce(m.district, away.district) AS market
    FROM (SELECT DISTINCT line_id FROM ld) l LEFT JOIN hub USING (line_id)
    LEFT JOIN top m ON m.line_id = l.line_id AND m.side = 'market'
    LEFT JOIN away ON away.line_id = l.line_id
    """


def line_places(con: duckdb.DuckDBPyConnection) -> None:
    """Temp table a_line_places (line_id, hub, market): each cell's district looked up once."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE a_line_cells AS {line_cells_sql()}")
    cells = con.execute(
        "SELECT DISTINCT c.cell_id, c.lon, c.lat FROM a_line_cells lc "
        "JOIN cells c ON c.cell_id = lc.cell"
    ).fetchall()
    districts = pa.table(
        {
            "cell": pa.array([c[0] for c in cells], pa.string()),
            "district": pa.array(
                districts_of([c[1] for c in cells], [c[2] for c in cells]), pa.string()
            ),
        }
    )
    con.register("a_cell_district_rows", districts)
    con.execute("CREATE OR REPLACE TEMP TABLE a_cell_districts AS FROM a_cell_district_rows")
    con.unregister("a_cell_district_rows")
    con.execute(f"CREATE OR REPLACE TEMP TABLE a_line_places AS {hub_market_sql()}")
