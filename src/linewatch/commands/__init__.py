"""CLI commands, one module per stage; each module has `register(app)`."""

from __future__ import annotations

import importlib

import typer

# Each entry is a module under linewatch.commands with a `register(app)` function.
MODULES = [
    "store",
    "simulate",
    "ingest",
    "analyse",
    "releases",
    "resolve",
    "harm",
    "operation",
    "plan",
]


def register_all(app: typer.Typer) -> None:
    """Register every stage's commands on the root app."""
    for name in MODULES:
        importlib.import_module(f"linewatch.commands.{name}").register(app)
