"""What an operation achieved, read from the store whichever way it was recorded (CLI or ingest)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from linewatch.errors import NotFoundError
from linewatch.harm.people import first, person_map_sql
from linewatch.ops.record import operation_exists


@dataclass(frozen=True)
class Arrest:
    """One arrest as a public statement may describe it: no name, no address."""

    person_record_id: str
    age: int | None
    sex: str | None
    home_area: str | None
    status: str | None
    offences: tuple[tuple[str, str | None], ...]


@dataclass(frozen=True)
class Seized:
    """One seizure's public facts."""

    item_type: str
    value_gbp: float | None
    drug_class: str | None
    drug_type: str | None
    weapon_type: str | None


@dataclass(frozen=True)
class Facts:
    """Everything the statement and the internal result are built from."""

    operation_id: str
    name: str | None
    day: date | None
    forces: tuple[str, ...]
    warrants: int
    arrests: tuple[Arrest, ...]
    seized: tuple[Seized, ...]
    safeguarded: tuple[str, ...]  # people (resolved, else name and birth date) safeguarded


def _arrests(con: duckdb.DuckDBPyConnection, op: str) -> tuple[Arrest, ...]:
    """The operation's arrests in time order, age taken at the arrest."""
    rows = con.execute(
        """SELECT a.person_record_id, date_sub('year', p.dob, CAST(a.arrested_at AS DATE)), p.sex,
            coalesce(a.home_area, p.home_area), a.status,
            (SELECT list((o.code, o.drug_class) ORDER BY o.code) FROM arrest_offences o
             WHERE o.arrest_id = a.arrest_id)
        FROM arrests a LEFT JOIN person_records p ON p.record_id = a.person_record_id
        WHERE a.operation_id = ? ORDER BY a.arrested_at, a.arrest_id""",
        [op],
    ).fetchall()
    return tuple(
        Arrest(r, age, sex, area, status, tuple((o[0], o[1]) for o in offences or []))
        for r, age, sex, area, status, offences in rows
    )


def _seized(con: duckdb.DuckDBPyConnection, op: str) -> tuple[Seized, ...]:
    """The operation's seizures."""
    rows = con.execute(
        "SELECT item_type, value_gbp, drug_class, drug_type, weapon_type FROM seizures "
        "WHERE operation_id = ? ORDER BY seized_at, seizure_id",
        [op],
    ).fetchall()
    return tuple(Seized(*r) for r in rows)


def _forces(con: duckdb.DuckDBPyConnection, op: str) -> tuple[str, ...]:
    """Every force named by the operation, its warrants or its arrests."""
    rows = con.execute(
        """SELECT DISTINCT f FROM (
            SELECT unnest(forces) AS f FROM operations WHERE operation_id = $op
            UNION ALL SELECT unnest(forces) FROM warrants WHERE operation_id = $op
            UNION ALL SELECT force FROM arrests WHERE operation_id = $op)
        WHERE f IS NOT NULL ORDER BY f""",
        {"op": op},
    ).fetchall()
    return tuple(r[0] for r in rows)


def facts(con: duckdb.DuckDBPyConnection, op: str) -> Facts:
    """Gather an operation's facts; NotFoundError when nothing names it."""
    if not operation_exists(con, op):
        raise NotFoundError(f"no operation {op!r} in the store")
    meta = first(con, "SELECT name, started_on FROM operations WHERE operation_id = ?", [op])
    day = first(
        con,
        "SELECT CAST(min(t) AS DATE) FROM (SELECT executed_at AS t FROM warrants "
        "WHERE operation_id = $op UNION ALL SELECT arrested_at FROM arrests "
        "WHERE operation_id = $op)",
        {"op": op},
    )
    warrants = first(con, "SELECT count(*) FROM warrants WHERE operation_id = ?", [op])
    safeguarded = con.execute(
        f"""WITH m AS ({person_map_sql(con)})
        SELECT DISTINCT CASE WHEN m.person_id <> a.person_record_id THEN m.person_id
            ELSE coalesce(lower(p.name) || ' ' || p.dob, a.person_record_id) END
        FROM safeguarding_actions a JOIN m ON m.record_id = a.person_record_id
        JOIN person_records p ON p.record_id = a.person_record_id
        WHERE a.operation_id = ? ORDER BY 1""",
        [op],
    ).fetchall()
    return Facts(
        operation_id=op,
        name=meta[0] if meta else None,
        day=(day[0] if day else None) or (meta[1] if meta else None),
        forces=_forces(con, op),
        warrants=int(warrants[0]) if warrants else 0,
        arrests=_arrests(con, op),
        seized=_seized(con, op),
        safeguarded=tuple(r[0] for r in safeguarded),
    )
