"""CLI commands, one module per stage; each module has `register(app)`."""

from __future__ import annotations

import importlib
from collections.abc import Sequence

import typer

# Each module under linewatch.commands with a `register(app)` function, and the top-level commands
# it adds (kept equal to what it registers by tests/test_cli_lazy.py).
MODULES: dict[str, tuple[str, ...]] = {
    "store": ("summary", "quarantine"),
    "simulate": ("simulate",),
    "ingest": ("ingest",),
    "analyse": ("analyse", "explain"),
    "releases": ("read-release",),
    "resolve": ("resolve", "person"),
    "harm": ("harm", "safeguarding"),
    "operation": ("operation",),
    "plan": ("plan-graph", "plan"),
}
VALUE_OPTIONS = ("--db",)  # root options that take a value (the next argument)


def command_of(argv: Sequence[str]) -> str | None:
    """The top-level command named on a command line (None when there is none).

    >>> command_of(["--db", "case.duckdb", "ingest", "records.csv"])
    'ingest'
    >>> command_of(["--help"]) is None
    True
    """
    args = iter(argv)
    for arg in args:
        if arg in VALUE_OPTIONS:
            next(args, None)
        elif not arg.startswith("-"):
            return arg
    return None


def register_all(app: typer.Typer, argv: Sequence[str] | None = None) -> None:
    """Register every stage's commands on the root app, or only those of the stage whose command
    `argv` names: each stage imports its own libraries (spaCy, NetworKit, Splink...), and
    importing them all took seconds before every command, ingest included."""
    named = command_of(argv) if argv is not None else None
    chosen = [m for m, commands in MODULES.items() if named in commands] or list(MODULES)
    for name in chosen:
        importlib.import_module(f"linewatch.commands.{name}").register(app)
