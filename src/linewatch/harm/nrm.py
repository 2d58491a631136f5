"""A draft NRM referral: what the store knows that a first responder needs, the rest left blank."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import duckdb
from jinja2 import Environment, PackageLoader, StrictUndefined

from linewatch.errors import NotFoundError
from linewatch.harm.people import first, person_map_sql, records_of
from linewatch.harm.queue import cases

_ENV = Environment(
    loader=PackageLoader("linewatch.harm", "templates"),
    undefined=StrictUndefined,
    keep_trailing_newline=True,
)


def _age(dob: date | None, on: date) -> int | None:
    """Whole years between a date of birth and a day."""
    if dob is None:
        return None
    return on.year - dob.year - ((on.month, on.day) < (dob.month, dob.day))


def _first(con: duckdb.DuckDBPyConnection, column: str, records: list[str]) -> Any:
    """The most frequent known value of a person_records column across the records."""
    row = first(
        con,
        f"SELECT mode({column}) FROM person_records WHERE record_id IN ? AND {column} IS NOT NULL",
        [records],
    )
    return row[0] if row else None


def _arrests(con: duckdb.DuckDBPyConnection, records: list[str]) -> list[tuple[str, str]]:
    """(description, force) of each arrest of the person."""
    rows = con.execute(
        """SELECT strftime(a.arrested_at, '%Y-%m-%d %H:%M') || ' arrested' ||
            coalesce(' by ' || a.force, '') || coalesce(', ' || a.home_area, ''), a.force
        FROM arrests a WHERE a.person_record_id IN ? ORDER BY a.arrested_at""",
        [records],
    ).fetchall()
    return [(str(d), str(f)) for d, f in rows]


def _events(con: duckdb.DuckDBPyConnection, person_id: str) -> list[str]:
    """Every safeguarding step recorded for the person, oldest first."""
    rows = con.execute(
        f"""WITH people AS ({person_map_sql(con)})
        SELECT changed_at, status, coalesce('by ' || by_user, '') FROM safeguarding_history
        WHERE person_id = $p
        UNION ALL
        SELECT a.action_at, a.action, coalesce(a.agency, '') FROM safeguarding_actions a
        JOIN people p ON p.record_id = a.person_record_id WHERE p.person_id = $p
        ORDER BY 1""",
        {"p": person_id},
    ).fetchall()
    return [f"{at:%Y-%m-%d %H:%M} {status} {who}".rstrip() for at, status, who in rows]


def draft(con: duckdb.DuckDBPyConnection, person_id: str) -> str:
    """The draft referral text for a person in the safeguarding queue."""
    case = next((c for c in cases(con) if c.person_id == person_id), None)
    if case is None:
        raise NotFoundError(f"{person_id} is not in the safeguarding queue")
    records = records_of(con, person_id)
    dob = _first(con, "dob", records)
    age = _age(dob, case.identified_at.date())  # a child when exploited is referred as a child
    arrests = _arrests(con, records)
    events = _events(con, person_id)
    return _ENV.get_template("nrm.txt.j2").render(
        child=None if age is None else age < 18,
        prepared_at=f"{datetime.now():%Y-%m-%d %H:%M}",
        name=_first(con, "name", records),
        dob=dob,
        age=age,
        sex=_first(con, "sex", records),
        address=_first(con, "address", records),
        home_area=_first(con, "home_area", records),
        records=records,
        reasons=case.reasons,
        identified_at=f"{case.identified_at:%Y-%m-%d %H:%M}",
        arrests=[d for d, _ in arrests],
        status=case.status,
        events=events,
        forces=sorted({f for _, f in arrests if f != "None"}),
        la_informed=any(" la_informed" in e for e in events),
    )
