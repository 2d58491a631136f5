"""`linewatch ingest`: files and folders into the case store."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from linewatch.cli import emit_json, out, state
from linewatch.config import Settings
from linewatch.ingest import RunSummary, ingest
from linewatch.store import open_store


def register(app: typer.Typer) -> None:
    """Add the ingest command."""
    app.command("ingest")(ingest_command)


def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (CSV or Parquet).")],
    kind: Annotated[str | None, typer.Option(help="Force the kind of every file.")] = None,
    profile: Annotated[
        str | None, typer.Option(help="Mapping profile (TOML file or shipped name).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Ingest phone records, cells, intelligence, tips and case events; bad rows quarantined."""
    settings = Settings()
    con = open_store(state.db, settings)
    if sys.stderr.isatty() and not as_json:
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            transient=True,
        ) as bar:
            task = bar.add_task("ingest", total=None)

            def advance(path: str, done: int, total: int) -> None:
                bar.update(task, completed=done, total=total, description=Path(path).name)

            summary = ingest(
                con,
                paths,
                kind=kind,
                profile=profile,
                region=settings.default_region,
                progress=advance,
            )
    else:
        summary = ingest(con, paths, kind=kind, profile=profile, region=settings.default_region)
    con.close()
    if as_json:
        emit_json(summary.as_dict())
    else:
        _print(summary)


def _print(summary: RunSummary) -> None:
    """A table of the run's counts per kind."""
    table = Table(title=f"ingest run {summary.run_id}")
    for col in ("kind", "read", "stored", "duplicates", "quarantined"):
        table.add_column(col, justify="left" if col == "kind" else "right")
    for kind, c in sorted(summary.by_kind.items()):
        table.add_row(kind, *(f"{v:,}" for v in c.as_dict().values()))
    t = summary.total
    table.add_row(
        "total",
        f"{t.read:,}",
        f"{t.stored:,}",
        f"{t.duplicates:,}",
        f"{t.quarantined:,}",
        style="bold",
    )
    out.print(table)
    for path, why in summary.skipped:
        out.print(f"skipped {path}: {why}")
    if t.quarantined:
        out.print(f"{t.quarantined:,} rows quarantined: see `linewatch quarantine`")
