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


def numbered_on_sql(table: str, column: str, order: str) -> str:
    """SQL numbering the rows being added to `table` on from its last `column`, in `order`.

    Cells and handsets are numbered 1, 2, ... without gaps, because the `comm_events` view
    decodes them by list position; every writer of those tables numbers them through this.

    >>> numbered_on_sql("cells", "cell_no", "line")
    '(SELECT coalesce(max(cell_no), 0) FROM cells) + row_number() OVER (ORDER BY line)'
    """
    return (
        f"(SELECT coalesce(max({column}), 0) FROM {table}) + row_number() OVER (ORDER BY {order})"
    )
