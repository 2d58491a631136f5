"""The `linewatch` command: a thin layer of typer commands over the library."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from linewatch.config import Settings
from linewatch.errors import LinewatchError

app = typer.Typer(
    name="linewatch",
    help="Find, map and dismantle county lines networks; safeguard the people they exploit.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
out = Console(highlight=False, soft_wrap=True)


class State:
    """Options shared by every command."""

    db: Path = Settings().db_path


state = State()


@app.callback()
def _root(
    db: Annotated[
        Path, typer.Option("--db", envvar="LINEWATCH_DB", help="Case store (DuckDB file).")
    ] = Path("linewatch.duckdb"),
) -> None:
    state.db = db


def emit_json(payload: object) -> None:
    """Print one JSON document on standard output."""
    sys.stdout.write(json.dumps(payload, indent=2, default=str) + "\n")


def _register(argv: list[str] | None = None) -> None:
    """Attach each stage's commands (one module per stage, under linewatch/commands); with the
    command line, only the named command's stage."""
    from linewatch.commands import register_all

    register_all(app, argv)


def main() -> None:
    """Entry point: usage errors are click's; user errors print one line and exit 2."""
    _register(sys.argv[1:])
    try:
        app()
    except LinewatchError as exc:
        Console(stderr=True, highlight=False).print(f"[bold red]error:[/] {exc}")
        raise SystemExit(2) from None
