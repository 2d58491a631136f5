"""The operation record: an operation, then its warrants, arrests, seizures and safeguarding steps.

Rows go into the same tables ingest fills (so `operation report` reads either path), each with
provenance: a run in `ingest_runs` named after the command, and typed links to people, places
and lines.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

import duckdb

from linewatch.errors import InputError, NotFoundError
from linewatch.harm.people import first, records_of
from linewatch.ingest.locations import key_sql, postcode_sql
from linewatch.ingest.safeguarding import ACTIONS
from linewatch.offences import lookup
from linewatch.store import transaction

SOURCE = "linewatch operation"
ITEM_TYPES = ("cash", "drugs", "weapon", "phone", "vehicle")
OP_TABLES = ("warrants", "arrests", "seizures", "safeguarding_actions")


@dataclass(frozen=True)
class Place:
    """An address as given, its postcode and town (the town is what public output may show)."""

    address: str | None = None
    postcode: str | None = None
    town: str | None = None


def operation_exists(con: duckdb.DuckDBPyConnection, operation_id: str) -> bool:
    """Whether an operation was created here or named by any ingested row."""
    union = " UNION ALL ".join(f"SELECT operation_id FROM {t}" for t in OP_TABLES)
    row = first(
        con,
        f"SELECT count(*) FROM (SELECT operation_id FROM operations UNION ALL {union}) "
        "WHERE operation_id = ?",
        [operation_id],
    )
    return bool(row and row[0])


def _require(con: duckdb.DuckDBPyConnection, operation_id: str) -> None:
    """Refuse to record against an operation nobody created."""
    if not operation_exists(con, operation_id):
        raise NotFoundError(f"no operation {operation_id!r}: create it with `operation new`")


def _run(con: duckdb.DuckDBPyConnection, what: str) -> str:
    """A provenance run for one recording command."""
    run_id = f"op-{uuid.uuid4().hex[:12]}"
    con.execute(
        "INSERT INTO ingest_runs VALUES (?, now(), now(), ?, NULL)", [run_id, [f"{SOURCE} {what}"]]
    )
    return run_id


def _fresh(con: duckdb.DuckDBPyConnection, table: str, column: str, value: str) -> None:
    """Refuse an id already used in a table (identifiers come from constants only)."""
    row = first(con, f"SELECT count(*) FROM {table} WHERE {column} = ?", [value])
    if row and row[0]:
        raise InputError(f"{column} {value!r} already recorded")


def _insert(con: duckdb.DuckDBPyConnection, table: str, run: str, row: dict[str, object]) -> None:
    """Insert one row by column name (names are this module's constants), with provenance."""
    row = {**row, "src_file": SOURCE, "run_id": run}
    marks = ", ".join("?" for _ in row)
    con.execute(f"INSERT INTO {table} ({', '.join(row)}) VALUES ({marks})", list(row.values()))


def _link(con: duckdb.DuckDBPyConnection, run: str, link: tuple[str, str, str, str, str]) -> None:
    """One typed link with provenance."""
    con.execute("INSERT INTO links VALUES (?, ?, ?, ?, ?, ?, NULL, ?)", [*link, SOURCE, run])


def _location(con: duckdb.DuckDBPyConnection, place: Place, run: str) -> str | None:
    """The location key of an address, stored if new (same key rules as ingest)."""
    if not place.address:
        return None
    pc = postcode_sql("$pc")
    row = first(
        con, f"SELECT {key_sql('$a', pc)}, {pc}", {"a": place.address, "pc": place.postcode}
    )
    key, postcode = (row or (None, None))[0], (row or (None, None))[1]
    con.execute(
        "INSERT INTO locations SELECT ?, ?, ?, ?, ?, NULL, ? "
        "WHERE ? NOT IN (SELECT location_id FROM locations)",
        [key, place.address, postcode, place.town, SOURCE, run, key],
    )
    return str(key)


def new_operation(
    con: duckdb.DuckDBPyConnection,
    operation_id: str,
    name: str | None,
    started_on: date | None,
    forces: list[str],
    lines: list[str],
) -> None:
    """Create an operation and link it to the county lines it targets."""
    _fresh(con, "operations", "operation_id", operation_id)
    with transaction(con):
        con.execute(
            "INSERT INTO operations VALUES (?, ?, ?, ?, now(), NULL)",
            [operation_id, name, started_on, forces],
        )
        run = _run(con, f"new {operation_id}")
        for line in lines:
            _link(con, run, ("operation", operation_id, "targets", "line", line))


def add_warrant(
    con: duckdb.DuckDBPyConnection,
    operation_id: str,
    warrant_id: str,
    executed_at: datetime,
    place: Place,
    forces: list[str],
    units: list[str],
    result: str | None,
) -> None:
    """Record an executed warrant at an address."""
    _require(con, operation_id)
    _fresh(con, "warrants", "warrant_id", warrant_id)
    if not place.address:
        raise InputError("a warrant needs the address it was executed at")
    with transaction(con):
        run = _run(con, f"warrant {warrant_id}")
        loc = _location(con, place, run)
        _insert(
            con,
            "warrants",
            run,
            {
                "warrant_id": warrant_id,
                "location_id": loc,
                "executed_at": executed_at,
                "operation_id": operation_id,
                "forces": forces,
                "units": units,
                "result": result,
                "legislation": "MDA1971-s23",
            },
        )
        _link(con, run, ("warrant", warrant_id, "at", "location", str(loc)))


def parse_offence(text: str) -> tuple[str, str | None]:
    """`CODE[:CLASS]` checked against the catalogue, e.g. `MDA1971-s4-3-b:A`."""
    code, _, given = text.strip().partition(":")
    offence = lookup(code)
    cls = given.upper() or None
    if cls is not None and (cls not in ("A", "B", "C") or not offence.takes_drug_class):
        raise InputError(f"offence {text!r}: drug class must be A, B or C on a drug offence")
    return code, cls


def person_record(con: duckdb.DuckDBPyConnection, person: str) -> str:
    """A person record for a person id or record id the store knows."""
    records = records_of(con, person)
    if not records:
        raise NotFoundError(f"no person or person record {person!r} in the store")
    return person if person in records else records[0]


def add_arrest(
    con: duckdb.DuckDBPyConnection,
    operation_id: str,
    arrest_id: str,
    person: str,
    arrested_at: datetime,
    offences: list[str],
    details: tuple[str | None, str | None, str | None],
    place: Place,
) -> None:
    """Record an arrest of a known person with catalogued offences; details: area, force, status."""
    _require(con, operation_id)
    _fresh(con, "arrests", "arrest_id", arrest_id)
    parsed = [parse_offence(o) for o in offences]
    if not parsed:
        raise InputError("an arrest needs at least one offence code")
    record = person_record(con, person)
    home_area, force, status = details
    with transaction(con):
        run = _run(con, f"arrest {arrest_id}")
        loc = _location(con, place, run)
        _insert(
            con,
            "arrests",
            run,
            {
                "arrest_id": arrest_id,
                "arrested_at": arrested_at,
                "person_record_id": record,
                "home_area": home_area,
                "location_id": loc,
                "operation_id": operation_id,
                "force": force,
                "status": status,
            },
        )
        for code, cls in sorted(set(parsed), key=str):
            con.execute("INSERT INTO arrest_offences VALUES (?, ?, ?)", [arrest_id, code, cls])
        _link(con, run, ("arrest", arrest_id, "arrested", "person_record", record))
        if loc is not None:
            _link(con, run, ("arrest", arrest_id, "at", "location", loc))


@dataclass(frozen=True)
class Item:
    """What was seized: type and the fields that apply to it."""

    item_type: str
    quantity: float | None = None
    unit: str | None = None
    value_gbp: float | None = None
    drug_class: str | None = None
    drug_type: str | None = None
    weapon_type: str | None = None
    number: str | None = None
    vrm: str | None = None


def add_seizure(
    con: duckdb.DuckDBPyConnection,
    operation_id: str,
    seizure_id: str,
    seized_at: datetime,
    item: Item,
    person: str | None,
    place: Place,
    line: str | None = None,
) -> None:
    """Record a seizure, linked to the person it was seized from, the place and the line."""
    _require(con, operation_id)
    _fresh(con, "seizures", "seizure_id", seizure_id)
    if item.item_type not in ITEM_TYPES:
        raise InputError(f"item type must be one of {', '.join(ITEM_TYPES)}")
    record = person_record(con, person) if person else None
    with transaction(con):
        run = _run(con, f"seizure {seizure_id}")
        loc = _location(con, place, run)
        fields = {"seizure_id": seizure_id, "seized_at": seized_at, "operation_id": operation_id}
        fields |= {"location_id": loc, "person_record_id": record, **item.__dict__}
        _insert(con, "seizures", run, fields)
        for link in (
            ("seized_from", "person_record", record),
            ("at", "location", loc),
            ("concerns", "line", line),
        ):
            if link[2] is not None:
                _link(con, run, ("seizure", seizure_id, link[0], link[1], link[2]))


def add_action(
    con: duckdb.DuckDBPyConnection,
    operation_id: str,
    action_id: str,
    person: str,
    action: str,
    action_at: datetime,
    agency: str | None,
) -> None:
    """Record a safeguarding action for a person (who becomes a safeguarding case)."""
    _require(con, operation_id)
    _fresh(con, "safeguarding_actions", "action_id", action_id)
    if action not in ACTIONS:
        raise InputError(f"action must be one of {', '.join(ACTIONS)}")
    record = person_record(con, person)
    with transaction(con):
        run = _run(con, f"safeguarding {action_id}")
        _insert(
            con,
            "safeguarding_actions",
            run,
            {
                "action_id": action_id,
                "action_at": action_at,
                "action": action,
                "person_record_id": record,
                "agency": agency,
                "operation_id": operation_id,
            },
        )
        _link(con, run, ("safeguarding_action", action_id, "concerns", "person_record", record))
