"""Steps every event kind shares: check rows in SQL, settle repeats and conflicts, store new rows.

A loader builds `_lw_checked` with `check` (raw texts `r_<column>`, parsed values, the first failing
rule, and `_key`, the row's id), then `settle` compares each row with the stored row of the same id
and with the first line of that id in the file: the same content is a duplicate, other content a
conflict (quarantined, naming the line it differs from). Rows that pass and are new satisfy `NEW`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from linewatch.ingest import checks as ck
from linewatch.ingest.context import FileContext
from linewatch.ingest.summary import Counts
from linewatch.store.sql import ident

CHECKED = "_lw_checked"
NEW = "_reason IS NULL AND NOT _dup"


def check(
    ctx: FileContext,
    columns: Sequence[str],
    parsed: Mapping[str, str],
    rules: Sequence[ck.Check],
    key: str,
    joins: str = "",
) -> None:
    """Create the checked table: raw texts, parsed values (over raw texts), first failing rule."""
    raws = ", ".join(f"{ctx.text(c)} AS {ident('r_' + c)}" for c in columns)
    values = ", ".join(f"{sql} AS {ident(name)}" for name, sql in parsed.items())
    reason, field = ck.reason_sql(rules)
    ctx.con.execute(
        f"""CREATE OR REPLACE TEMP TABLE {CHECKED} AS
        WITH r AS (
          SELECT _line, _reason, _field, {raws}
          FROM {ctx.stage}),
        v AS (SELECT r.*, {values} FROM r {joins})
        SELECT v.* EXCLUDE (_reason, _field), {reason} AS _reason, {field} AS _field,
          {key} AS _key
        FROM v"""
    )


def settle(
    ctx: FileContext, kind: str, key_field: str, content: Sequence[str], stored_sql: str
) -> Counts:
    """Mark duplicates and quarantine conflicts and bad rows; return the file's counts.

    `stored_sql` gives `_key, src_file, src_line` and the `content` columns of stored rows, with
    the same names and types as in the checked table.
    """
    pack = ", ".join(f"{ident(c)} := {{t}}.{ident(c)}" for c in content)
    fresh, kept = f"struct_pack({pack.format(t='c')})", f"struct_pack({pack.format(t='s')})"
    first = f"struct_pack({pack.format(t='f')})"
    differs_stored = f"s._key IS NOT NULL AND {kept} IS DISTINCT FROM {fresh}"
    differs_first = f"s._key IS NULL AND c._line > f._line AND {first} IS DISTINCT FROM {fresh}"
    where = "'conflict: ' || c._key || ' differs from ' ||"
    ctx.con.execute(
        f"""CREATE OR REPLACE TEMP TABLE {CHECKED} AS
        WITH f AS (SELECT * FROM {CHECKED} WHERE _reason IS NULL
                   QUALIFY row_number() OVER (PARTITION BY _key ORDER BY _line) = 1),
        s AS (SELECT * FROM ({stored_sql}) WHERE _key IN (SELECT _key FROM {CHECKED}))
        SELECT c.* EXCLUDE (_reason, _field),
          CASE WHEN c._reason IS NOT NULL THEN c._reason
            WHEN {differs_stored} THEN {where} s.src_file || ' line ' || s.src_line
            WHEN {differs_first} THEN {where} ? || ' line ' || f._line END AS _reason,
          CASE WHEN c._reason IS NOT NULL THEN c._field
            WHEN ({differs_stored}) OR ({differs_first}) THEN ? END AS _field,
          coalesce(s._key IS NOT NULL OR c._line > f._line, false) AS _dup
        FROM {CHECKED} c LEFT JOIN f ON f._key = c._key LEFT JOIN s ON s._key = c._key""",
        [ctx.path, key_field],
    )
    counts = Counts(read=scalar(ctx, f"SELECT count(*) FROM {CHECKED}"))
    counts.quarantined = ck.quarantine(ctx.con, CHECKED, ctx.run_id, ctx.path, kind, ctx.stage)
    counts.duplicates = scalar(
        ctx, f"SELECT count(*) FROM {CHECKED} WHERE _reason IS NULL AND _dup"
    )
    counts.stored = counts.read - counts.quarantined - counts.duplicates
    return counts


def insert(ctx: FileContext, table: str, values: Mapping[str, str], where: str = "true") -> None:
    """Insert one row per new checked row into `table` (column -> SQL), with provenance."""
    cols = ", ".join(f"{sql} AS {ident(name)}" for name, sql in values.items())
    ctx.con.execute(
        f"""INSERT INTO {ident(table)} BY NAME
        SELECT {cols}, ? AS src_file, _line AS src_line, ? AS run_id
        FROM {CHECKED} WHERE {NEW} AND ({where})""",
        [ctx.path, ctx.run_id],
    )


def done(ctx: FileContext) -> None:
    """Drop the checked table."""
    ctx.con.execute(f"DROP TABLE IF EXISTS {CHECKED}")


def scalar(ctx: FileContext, sql: str) -> int:
    """A single count from SQL."""
    row = ctx.con.execute(sql).fetchone()
    return int(row[0]) if row else 0
