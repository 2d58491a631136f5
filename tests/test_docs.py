"""Docs that tests keep honest: every setting and every CLI command is documented."""

from __future__ import annotations

import re

import typer.main

from linewatch.cli import app
from linewatch.commands import register_all
from linewatch.config import settings_table

from .conftest import REPO

register_all(app)


def test_every_setting_is_documented() -> None:
    text = (REPO / "docs" / "settings.md").read_text(encoding="utf-8")
    for variable, _, _ in settings_table():
        assert f"`{variable}`" in text, f"{variable} missing from docs/settings.md"


def test_readme_shows_the_two_commands_first() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    first_block = text.split("```")[1]
    assert "make demo" in first_block
    assert "make test" in first_block


def test_every_command_is_in_the_readme() -> None:
    group = typer.main.get_group(app)
    text = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [
        name
        for name in group.commands
        if not re.search(rf"linewatch (--db \S+ )?{re.escape(name)}\b", text)
    ]
    assert not missing, f"commands missing from README.md: {missing}"
