"""A root typer app holding only some stages' commands, and running one that must succeed."""

from __future__ import annotations

from collections.abc import Callable

import typer
from typer.testing import CliRunner


def command_app(*registers: Callable[[typer.Typer], None]) -> typer.Typer:
    """A root app with the commands each `register` adds (as `linewatch` would have them)."""
    root = typer.Typer()
    for register in registers:
        register(root)
    root.callback()(lambda: None)
    return root


def run_ok(app: typer.Typer, *args: str) -> str:
    """Run one command line; its output, after asserting it exited 0."""
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output + repr(result.exception)
    return result.output
