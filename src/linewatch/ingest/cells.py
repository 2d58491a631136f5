"""Cells: cell id and WGS84 position (with optional azimuth and site name)."""

from __future__ import annotations

from linewatch.ingest import checks as ck
from linewatch.ingest.context import FileContext
from linewatch.ingest.summary import Counts
from linewatch.store.sql import numbered_on_sql


def _number(ctx: FileContext, name: str) -> str:
    """SQL reading a column as a double (NULL when not a number)."""
    return f"TRY_CAST({ctx.text(name)} AS DOUBLE)"


def ingest(ctx: FileContext) -> Counts:
    """Load one staged cells file; a repeated cell id is a duplicate (the first stays).

    New cells are numbered on from the store's last `cell_no`, in file order: events store a
    cell by that number.
    """
    con = ctx.con
    rules = [
        ck.missing("cell_id", "cell_id"),
        ck.missing("lat", "r_lat"),
        ck.unreadable("lat", "r_lat", "lat", "a latitude in degrees"),
        ck.Check("lat", "lat NOT BETWEEN -90 AND 90", "'lat: out of range: ' || r_lat"),
        ck.missing("lon", "r_lon"),
        ck.unreadable("lon", "r_lon", "lon", "a longitude in degrees"),
        ck.Check("lon", "lon NOT BETWEEN -180 AND 180", "'lon: out of range: ' || r_lon"),
        ck.unreadable("azimuth_deg", "r_az", "azimuth_deg", "degrees"),
        ck.Check(
            "azimuth_deg",
            "azimuth_deg NOT BETWEEN 0 AND 360",
            "'azimuth_deg: out of range: ' || r_az",
        ),
    ]
    reason, field = ck.reason_sql(rules)
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _lw_checked AS
        WITH s AS (
          SELECT _line, _reason, _field,
            {ctx.text("cell_id")} AS cell_id,
            {ctx.text("lat")} AS r_lat, {_number(ctx, "lat")} AS lat,
            {ctx.text("lon")} AS r_lon, {_number(ctx, "lon")} AS lon,
            {ctx.text("azimuth_deg")} AS r_az, {_number(ctx, "azimuth_deg")} AS azimuth_deg,
            {ctx.text("site_name")} AS site_name
          FROM {ctx.stage})
        SELECT _line, {reason} AS _reason, {field} AS _field,
          cell_id, lat, lon, azimuth_deg, site_name FROM s"""
    )
    counts = Counts(read=_scalar(ctx, "SELECT count(*) FROM _lw_checked"))
    counts.quarantined = ck.quarantine(con, "_lw_checked", ctx.run_id, ctx.path, "cells", ctx.stage)
    before = _scalar(ctx, "SELECT count(*) FROM cells")
    con.execute(
        f"""INSERT INTO cells
        SELECT *, {numbered_on_sql("cells", "cell_no", "line")}
        FROM (
          SELECT cell_id, arg_min(lat, _line), arg_min(lon, _line), arg_min(azimuth_deg, _line),
            arg_min(site_name, _line), ?, min(_line) AS line, ?
          FROM _lw_checked WHERE _reason IS NULL AND cell_id NOT IN (SELECT cell_id FROM cells)
          GROUP BY cell_id)""",
        [ctx.path, ctx.run_id],
    )
    counts.stored = _scalar(ctx, "SELECT count(*) FROM cells") - before
    counts.duplicates = counts.read - counts.quarantined - counts.stored
    con.execute("DROP TABLE _lw_checked")
    return counts


def _scalar(ctx: FileContext, sql: str) -> int:
    """A single count from SQL."""
    row = ctx.con.execute(sql).fetchone()
    return int(row[0]) if row else 0
