"""`linewatch simulate`: write a synthetic county lines case (records, sources and truth)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from linewatch.cli import emit_json, out
from linewatch.sim.presets import params_for
from linewatch.sim.run import Summary, simulate


def register(app: typer.Typer) -> None:
    """Add the simulate command."""
    app.command("simulate")(simulate_command)


def simulate_command(
    out_dir: Annotated[Path, typer.Option("--out", help="Folder to write the case into.")],
    seed: Annotated[int, typer.Option(help="Random seed: the same seed gives the same files.")] = 7,
    scale: Annotated[
        str, typer.Option(help="tiny, small, medium, large, or a target number of records.")
    ] = "small",
    records_format: Annotated[
        str, typer.Option("--records-format", help="parquet, or csv for small cases.")
    ] = "parquet",
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Simulate a county lines case: records, intelligence, tips, raids (docs/simulation.md)."""
    params = params_for(scale)
    if sys.stderr.isatty() and not as_json:
        with Progress(
            TextColumn("simulate {task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            transient=True,
        ) as bar:
            task = bar.add_task("days", total=params.days)

            def advance(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            summary = simulate(params, seed, out_dir, scale, records_format, advance)
    else:
        summary = simulate(params, seed, out_dir, scale, records_format)
    if as_json:
        emit_json(_as_dict(summary))
        return
    out.print(
        f"wrote {summary.out}: {summary.records:,} records in {summary.record_files} file(s), "
        f"{summary.lines} lines, {summary.obtained:,} of {summary.numbers:,} numbers obtained, "
        f"{summary.people:,} people, in {summary.seconds:.1f} s (truth in truth.json)"
    )


def _as_dict(s: Summary) -> dict[str, object]:
    return {
        "out": str(s.out),
        "records": s.records,
        "record_files": s.record_files,
        "lines": s.lines,
        "numbers": s.numbers,
        "obtained": s.obtained,
        "people": s.people,
        "seconds": round(s.seconds, 2),
    }
