"""What may never share a cluster: analyst cannot-links and incompatible dates of birth.

Used by the clustering so that one shared burner phone or one common name cannot chain two
people together: a merge that would put two incompatible dates of birth (or two records an
analyst kept apart) in one person is refused, whatever the links say.
"""

from __future__ import annotations

from datetime import date

import duckdb

# Effective pair decisions: per pair of records, the latest decision not undone.
DECISIONS_SQL = """
WITH live AS (
    SELECT * FROM er_decisions
    WHERE kind <> 'undo'
      AND decision_id NOT IN (SELECT undoes FROM er_decisions WHERE kind = 'undo')
), pairs AS (
    SELECT least(a, b) AS a, greatest(a, b) AS b, kind, decision_id
    FROM live, unnest(records_a) AS ua(a), unnest(records_b) AS ub(b)
    WHERE a <> b
)
SELECT a, b, arg_max(kind, decision_id) = 'accept' AS must
FROM pairs GROUP BY a, b
"""


def load_decisions(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create the temporary table er_constraint (a, b, must) from the analyst decisions."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE er_constraint AS {DECISIONS_SQL}")


def dob_compatible(a: date, b: date) -> bool:
    """True when two dates of birth could be one person's, written with a usual error.

    >>> dob_compatible(date(2001, 2, 3), date(2001, 2, 4)), dob_compatible(date(2001, 3, 2),
    ...     date(2001, 2, 3)), dob_compatible(date(2001, 2, 3), date(1999, 7, 9))
    (True, True, False)
    """
    if abs((a - b).days) <= 31:
        return True
    if a.year == b.year and a.day == b.month and a.month == b.day:
        return True
    sa, sb = a.strftime("%Y%m%d"), b.strftime("%Y%m%d")
    return sum(x != y for x, y in zip(sa, sb, strict=True)) <= 1


def dobs_compatible(left: set[date], right: set[date]) -> bool:
    """True when every date of birth of one cluster is compatible with every one of the other."""
    return all(dob_compatible(a, b) for a in left for b in right if a != b)
