"""SQL text helpers: quoting identifiers and literals, and the store's integer number keys."""

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


def number_key_sql(column: str) -> str:
    """SQL for the stored key of an E.164 text number: its digits as a BIGINT, as
    `comm_event_rows` keeps them (lossless: E.164 is '+' then up to 15 digits, the first
    non-zero). Used to join small tables of text numbers to the events on integers.

    >>> number_key_sql("number")
    'CAST(substr(number, 2) AS BIGINT)'
    """
    return f"CAST(substr({column}, 2) AS BIGINT)"


def number_text_sql(column: str) -> str:
    """SQL for the E.164 text of a stored number key (`number_key_sql` reversed).

    >>> number_text_sql("caller")
    "'+' || CAST(caller AS VARCHAR)"
    """
    return f"'+' || CAST({column} AS VARCHAR)"
