"""Docs that tests keep honest: every setting and every CLI command is documented."""

from __future__ import annotations

from linewatch.config import settings_table

from .conftest import REPO


def test_every_setting_is_documented() -> None:
    text = (REPO / "docs" / "settings.md").read_text(encoding="utf-8")
    for variable, _, _ in settings_table():
        assert f"`{variable}`" in text, f"{variable} missing from docs/settings.md"


def test_readme_shows_the_two_commands_first() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    first_block = text.split("```")[1]
    assert "make demo" in first_block
    assert "make test" in first_block
