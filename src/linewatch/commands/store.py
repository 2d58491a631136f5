"""`linewatch summary` and `linewatch quarantine`: what the store holds and what it refused."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from linewatch.cli import emit_json, out, state
from linewatch.store import open_store
from linewatch.store.inspect import quarantined, table_counts


def register(app: typer.Typer) -> None:
    """Add the store inspection commands."""
    app.command("summary")(summary_command)
    app.command("quarantine")(quarantine_command)


def summary_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Count what the case store holds, entity by entity."""
    con = open_store(state.db)
    counts = table_counts(con)
    con.close()
    if as_json:
        emit_json(counts)
        return
    table = Table(title=f"case store {state.db}")
    table.add_column("holds")
    table.add_column("count", justify="right")
    for name, n in counts.items():
        table.add_row(name, f"{n:,}")
    out.print(table)


def quarantine_command(
    limit: Annotated[int, typer.Option(help="Rows to show (0 for all).")] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """List quarantined rows: file, line, field and reason."""
    con = open_store(state.db)
    rows = quarantined(con, limit)
    con.close()
    if as_json:
        emit_json(rows)
        return
    table = Table(title="quarantined rows")
    for col in ("file", "line", "kind", "field", "reason"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(
            str(r["file"]), str(r["line"]), str(r["kind"]), str(r["field"] or ""), str(r["reason"])
        )
    out.print(table)
