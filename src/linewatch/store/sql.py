"""Quoting helpers: identifiers and literals that must be spliced into SQL text."""

from __future__ import annotations


def ident(name: str) -> str:
    """A double-quoted SQL identifier.

    >>> ident('a"b')
    '"a""b"'
    """
    return '"' + name.replace('"', '""') + '"'


def literal(value: str) -> str:
    """A single-quoted SQL string literal.

    >>> literal("O'Brien")
    "'O''Brien'"
    """
    return "'" + value.replace("'", "''") + "'"
