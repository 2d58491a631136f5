"""`linewatch analyse` and `linewatch explain NUMBER`: the picture of each county line."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.table import Table

from linewatch.analyse.report import document, explain
from linewatch.analyse.run import analyse
from linewatch.cli import emit_json, out, state
from linewatch.store import open_store


def register(app: typer.Typer) -> None:
    """Add the analysis commands."""
    app.command("analyse")(analyse_command)
    app.command("explain")(explain_command)


def analyse_command(
    as_json: Annotated[bool, typer.Option("--json", help="Print the analysis as JSON.")] = False,
) -> None:
    """Find deal lines, group their numbers into lines, give roles, measure the network."""
    con = open_store(state.db)
    try:
        if sys.stdout.isatty() and not as_json:
            with out.status("analysing phone records..."):
                summary = analyse(con)
        else:
            summary = analyse(con)
        if as_json:
            emit_json(document(con))
            return
        table = Table(title=f"analysis {summary.run_id}")
        for col in ("line", "numbers", "hub", "market", "customers"):
            table.add_column(col)
        for r in con.execute(
            "SELECT line_id, len(numbers), hub, market, customers FROM lines "
            "ORDER BY CAST(substr(line_id, 2) AS INTEGER)"
        ).fetchall():
            table.add_row(*(str(v) if v is not None else "-" for v in r))
        out.print(table)
        out.print(
            f"numbers by role: {summary.roles}; people: {summary.people} "
            f"({summary.potential_victims} potential victims)"
        )
    finally:
        con.close()


def explain_command(number: Annotated[str, typer.Argument(help="E.164 number.")]) -> None:
    """Why a number got its role and deal-line score."""
    con = open_store(state.db)
    try:
        emit_json(explain(con, number))
    finally:
        con.close()
