"""Analyst decisions: accept, reject, split and undo, stored append-only with who, when, why.

A decision never edits a source record or deletes an earlier decision: undo appends a row that
cancels another. Each decision re-clusters at once (no re-scoring) so its effect is visible.
"""

from __future__ import annotations

import duckdb

from linewatch.errors import LinewatchError, NotFoundError
from linewatch.resolve.prepare import build_input
from linewatch.resolve.run import new_run_id, recluster
from linewatch.store import transaction


def _check_records(con: duckdb.DuckDBPyConnection, records: list[str]) -> None:
    found = {
        r
        for (r,) in con.execute(
            "SELECT record_id FROM person_records WHERE list_contains(?, record_id)", [records]
        ).fetchall()
    }
    missing = sorted(set(records) - found)
    if missing:
        raise NotFoundError(f"no person record {', '.join(missing)}")


def _members(con: duckdb.DuckDBPyConnection, person_id: str) -> list[str]:
    rows = con.execute(
        "SELECT record_id FROM person_clusters WHERE person_id = ? ORDER BY record_id", [person_id]
    ).fetchall()
    if not rows:
        raise NotFoundError(f"no person {person_id}")
    return [r for (r,) in rows]


def _record(
    con: duckdb.DuckDBPyConnection,
    kind: str,
    a: list[str],
    b: list[str],
    who: str,
    why: str,
    person_id: str | None = None,
    undoes: int | None = None,
) -> int:
    """Append one decision, re-cluster, and return the decision id."""
    if not why.strip():
        raise LinewatchError("a decision needs a reason (--why)")
    build_input(con)
    with transaction(con):
        rows = con.execute(
            """INSERT INTO er_decisions (kind, records_a, records_b, person_id, undoes, who,
                decided_at, why) VALUES (?, ?, ?, ?, ?, ?, now(), ?) RETURNING decision_id""",
            [kind, a, b, person_id, undoes, who, why],
        ).fetchall()
        recluster(con, new_run_id())
    return int(rows[0][0])


def accept(con: duckdb.DuckDBPyConnection, a: str, b: str, who: str, why: str) -> int:
    """Record that two person records are the same person."""
    _check_records(con, [a, b])
    return _record(con, "accept", [a], [b], who, why)


def reject(con: duckdb.DuckDBPyConnection, a: str, b: str, who: str, why: str) -> int:
    """Record that two person records are different people (they never share a person)."""
    _check_records(con, [a, b])
    return _record(con, "reject", [a], [b], who, why)


def split(
    con: duckdb.DuckDBPyConnection, person_id: str, records: list[str], who: str, why: str
) -> int:
    """Take records out of a person: they are kept apart from its other records."""
    members = _members(con, person_id)
    outside = sorted(set(records) - set(members))
    if outside:
        raise LinewatchError(f"not records of {person_id}: {', '.join(outside)}")
    rest = [m for m in members if m not in records]
    if not rest:
        raise LinewatchError(f"split would leave {person_id} empty: name fewer records")
    return _record(con, "split", sorted(records), rest, who, why, person_id=person_id)


def undo(con: duckdb.DuckDBPyConnection, decision_id: int, who: str, why: str) -> int:
    """Cancel an earlier decision (it stays on record, marked undone)."""
    rows = con.execute(
        "SELECT kind FROM er_decisions WHERE decision_id = ?", [decision_id]
    ).fetchall()
    if not rows or rows[0][0] == "undo":
        raise NotFoundError(f"no decision {decision_id} to undo")
    return _record(con, "undo", [], [], who, why, undoes=decision_id)
