"""Offence codes in SQL: known to the offence catalogue, and whether the offence takes a drug class.

The catalogue (linewatch.offences) is small, so its codes are spliced into SQL as list literals:
that keeps the checks usable inside list lambdas (an arrest's offences), where a join is not.
"""

from __future__ import annotations

from functools import cache

from linewatch.offences import all_offences
from linewatch.store.sql import literal

# The shape of a legislation reference (ACT+YEAR-s<section>[-<sub>...]), e.g. a warrant's power.
CODE_PATTERN = "[A-Z]+[0-9]{4}-s[0-9]+[A-Za-z]?(-[0-9a-z]+)*"


@cache
def _lists() -> tuple[str, str]:
    """SQL list literals of every catalogue code, and of the codes that take a drug class."""
    offences = all_offences()
    known = ", ".join(literal(o.code) for o in offences)
    classed = ", ".join(literal(o.code) for o in offences if o.takes_drug_class)
    return f"[{known}]::VARCHAR[]", f"[{classed}]::VARCHAR[]"


def known_sql(code: str) -> str:
    """SQL true when `code` is in the offence catalogue."""
    return f"list_contains({_lists()[0]}, {code})"


def takes_class_sql(code: str) -> str:
    """SQL true when the offence `code` is committed in respect of a drug class (A, B or C)."""
    return f"list_contains({_lists()[1]}, {code})"


def pattern_sql(code: str) -> str:
    """SQL true when `code` has the shape of a legislation reference."""
    return f"regexp_full_match({code}, '{CODE_PATTERN}')"
