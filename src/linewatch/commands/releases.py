"""`linewatch read-release`: operation records from the text of police press releases."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from linewatch.cli import emit_json, out
from linewatch.ops.releases import ReleaseRecord, read_releases, write_csv


def register(app: typer.Typer) -> None:
    """Add the read-release command."""
    app.command("read-release")(read_release_command)


def _summary(records: dict[str, ReleaseRecord]) -> Table:
    """One line per statement for people reading a terminal."""
    table = Table("file", "forces", "date", "warrants", "arrests", "cash £", "classes", "weapons")
    for name, r in records.items():
        cells = (r.warrants, r.arrests_total, r.seizures.cash_gbp)
        table.add_row(
            name,
            ", ".join(r.forces),
            str(r.operation_date or ""),
            *("" if c is None else str(c) for c in cells),
            ",".join(r.seizures.drug_classes),
            ",".join(r.seizures.weapons),
        )
    return table


def read_release_command(
    path: Annotated[Path, typer.Argument(help="A statement (.txt) or a folder of them.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the record(s) as JSON.")] = False,
    csv_out: Annotated[
        Path | None, typer.Option("--csv", help="Write one row per arrest to this CSV file.")
    ] = None,
) -> None:
    """Read press releases: forces, date, warrants, arrests and offences, seizures, safeguarding."""
    records = read_releases(path)
    if csv_out is not None:
        with csv_out.open("w", newline="", encoding="utf-8") as handle:
            rows = write_csv(records, handle)
        if not as_json:
            out.print(f"wrote {rows} rows for {len(records)} statements to {csv_out}")
    if as_json:
        dicts = {name: record.to_dict() for name, record in records.items()}
        emit_json(dicts if path.is_dir() else next(iter(dicts.values())))
    elif csv_out is None:
        out.print(_summary(records))
