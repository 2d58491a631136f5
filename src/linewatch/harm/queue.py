"""The safeguarding queue: potential victims and their status; people in it are never targets."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb

from linewatch.errors import InputError, NotFoundError
from linewatch.harm.people import first, person_map_sql, person_of
from linewatch.harm.victims import candidates_sql
from linewatch.ingest.safeguarding import ACTIONS as STATUSES
from linewatch.store import transaction


@dataclass(frozen=True)
class Case:
    """One person in the queue."""

    person_id: str
    identified_at: datetime
    status: str
    status_at: datetime
    reasons: tuple[str, ...]


def _events_sql(con: duckdb.DuckDBPyConnection) -> str:
    """SQL for every status event: entered here, or ingested as a safeguarding action."""
    return f"""WITH people AS ({person_map_sql(con)})
    SELECT person_id, changed_at AS event_at, status FROM safeguarding_history
    UNION ALL
    SELECT p.person_id, a.action_at, a.action
    FROM safeguarding_actions a JOIN people p ON p.record_id = a.person_record_id"""


def refresh(con: duckdb.DuckDBPyConnection) -> int:
    """Add newly found potential victims, merge their reasons, set each status from its events."""
    with transaction(con):
        con.execute(f"CREATE OR REPLACE TEMP TABLE sg_found AS {candidates_sql(con)}")
        con.execute(
            """INSERT INTO safeguarding_cases
            SELECT person_id, min(event_at), 'identified', min(event_at),
                list(DISTINCT reason ORDER BY reason)
            FROM sg_found WHERE person_id NOT IN (SELECT person_id FROM safeguarding_cases)
            GROUP BY person_id"""
        )
        con.execute(
            """UPDATE safeguarding_cases c
            SET reasons = list_sort(list_distinct(list_concat(c.reasons, n.reasons)))
            FROM (SELECT person_id, list(reason) AS reasons FROM sg_found GROUP BY 1) n
            WHERE n.person_id = c.person_id"""
        )
        con.execute(
            f"""UPDATE safeguarding_cases c SET status = s.status, status_at = s.event_at
            FROM (SELECT person_id, arg_max(status, event_at) AS status, max(event_at) AS event_at
                  FROM ({_events_sql(con)}) GROUP BY 1) s
            WHERE s.person_id = c.person_id"""
        )
        con.execute("DROP TABLE sg_found")
    return len(cases(con))


def cases(con: duckdb.DuckDBPyConnection, *, open_only: bool = False) -> list[Case]:
    """The queue, oldest first; closed cases left out when asked."""
    where = "WHERE status <> 'closed'" if open_only else ""
    rows = con.execute(
        "SELECT person_id, identified_at, status, status_at, reasons FROM safeguarding_cases "
        f"{where} ORDER BY identified_at, person_id"
    ).fetchall()
    return [Case(p, i, s, t, tuple(r)) for p, i, s, t, r in rows]


def set_status(
    con: duckdb.DuckDBPyConnection, person: str, status: str, by_user: str, note: str | None
) -> Case:
    """Record a status change (adding the person to the queue if they were not in it)."""
    if status not in STATUSES:
        raise InputError(f"status must be one of {', '.join(STATUSES)}, got {status!r}")
    if not by_user.strip():
        raise InputError("a status change needs the name of who made it (--by)")
    person_id = person_of(con, person)
    if person_id is None:
        raise NotFoundError(f"no person or person record {person!r} in the store")
    reason = f"added to the queue by {by_user}" + (f": {note}" if note else "")
    with transaction(con):
        con.execute(
            "INSERT INTO safeguarding_history VALUES (?, now(), ?, ?, ?)",
            [person_id, status, by_user, note],
        )
        con.execute(
            "INSERT INTO safeguarding_cases SELECT ?, now(), 'identified', now(), [?] "
            "WHERE ? NOT IN (SELECT person_id FROM safeguarding_cases)",
            [person_id, reason, person_id],
        )
    refresh(con)
    return next(c for c in cases(con) if c.person_id == person_id)


def is_case(con: duckdb.DuckDBPyConnection, person_id: str) -> bool:
    """Whether a person is in the safeguarding queue (and so never a target)."""
    row = first(con, "SELECT count(*) FROM safeguarding_cases WHERE person_id = ?", [person_id])
    return bool(row and row[0])


def audit_override(
    con: duckdb.DuckDBPyConnection, by_user: str, reason: str, scope: str, person_ids: list[str]
) -> None:
    """Record that an authorised user chose to see safeguarding cases in a target list."""
    if not by_user.strip() or not reason.strip():
        raise InputError("showing safeguarding cases needs --authorised-by and --reason")
    con.execute(
        "INSERT INTO target_overrides VALUES (now(), ?, ?, ?, ?)",
        [by_user, reason, scope, person_ids],
    )
