"""Typed links between entities and events, and the objects (phones, handsets, vehicles) they reach.

Link types are documented in docs/architecture.md ("Links"). A link is stored once however many
rows give it; its provenance is the first line that did.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from linewatch.ingest.context import FileContext
from linewatch.ingest.flow import CHECKED, NEW
from linewatch.store.sql import ident, literal, numbered_on_sql

# Object tables, their key column and the column numbering them (events keep a handset by its
# number), for `store_objects`.
OBJECTS = {
    "phones": ("number", None),
    "handsets": ("imei", "handset_no"),
    "vehicles": ("vrm", None),
}


@dataclass(frozen=True)
class Link:
    """`src_type:src -rel-> dst_type:dst`, where `src` and `dst` are SQL over the checked table."""

    src_type: str
    src: str
    rel: str
    dst_type: str
    dst: str


def store_links(ctx: FileContext, links: Sequence[Link]) -> None:
    """Add the links the new rows give (both ends known), each once."""
    union = " UNION ALL ".join(
        f"SELECT {literal(k.src_type)} AS st, {k.src} AS si, {literal(k.rel)} AS rel, "
        f"{literal(k.dst_type)} AS dt, {k.dst} AS di, _line FROM {CHECKED} "
        f"WHERE {NEW} AND {k.src} IS NOT NULL AND {k.dst} IS NOT NULL"
        for k in links
    )
    ctx.con.execute(
        f"""INSERT INTO links
        SELECT st, si, rel, dt, di, ?, min(_line), ? FROM ({union}) m
        WHERE NOT EXISTS (SELECT 1 FROM links l WHERE l.src_type = m.st AND l.src_id = m.si
          AND l.rel = m.rel AND l.dst_type = m.dt AND l.dst_id = m.di)
        GROUP BY st, si, rel, dt, di""",
        [ctx.path, ctx.run_id],
    )


def store_objects(ctx: FileContext, table: str, columns: Sequence[str]) -> None:
    """Add the phones, handsets or vehicles the new rows name in `columns` (not yet stored)."""
    union = " UNION ALL ".join(
        f"SELECT {ident(c)} AS k, _line FROM {CHECKED} WHERE {NEW} AND {ident(c)} IS NOT NULL"
        for c in columns
    )
    add_objects(ctx, table, union)


def add_objects(ctx: FileContext, table: str, rows_sql: str) -> None:
    """Add to an object table the keys `rows_sql` gives (`k`, `_line`) that it lacks, each with
    the provenance of its first line (and a number, where the table numbers its rows)."""
    key, numbered = OBJECTS[table]
    number = ""
    if numbered:
        number = (
            f", {numbered_on_sql(ident(table), ident(numbered), 'line, k')} AS {ident(numbered)}"
        )
    ctx.con.execute(
        f"""INSERT INTO {ident(table)} BY NAME
        SELECT k AS {ident(key)}, ? AS src_file, line AS src_line, ? AS run_id{number}
        FROM (SELECT k, min(_line) AS line FROM ({rows_sql}) m
              WHERE NOT EXISTS (SELECT 1 FROM {ident(table)} o WHERE o.{ident(key)} = m.k)
              GROUP BY k)""",
        [ctx.path, ctx.run_id],
    )
