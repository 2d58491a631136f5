"""`linewatch operation`: create an operation, record what happened, print its report."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated

import typer

from linewatch.cli import emit_json, out, state
from linewatch.harm import queue, score
from linewatch.harm.settings import HarmSettings
from linewatch.ops import record
from linewatch.ops.internal import internal
from linewatch.ops.report import facts
from linewatch.ops.statement import statement
from linewatch.store import open_store

op_app = typer.Typer(help="The operation record: warrants, arrests, seizures, safeguarding.")
Op = Annotated[str, typer.Argument(help="Operation id.")]
Id = Annotated[str, typer.Argument(help="Id of the new entry.")]
When = Annotated[datetime, typer.Option("--at", help="When (ISO 8601).")]
Many = Annotated[list[str] | None, typer.Option(help="Repeat for several.")]
Text = Annotated[str | None, typer.Option()]


def register(app: typer.Typer) -> None:
    """Add the `operation` group."""
    app.add_typer(op_app, name="operation")


@op_app.command("new")
def new(
    op: Op,
    name: Annotated[str | None, typer.Option(help="Public name, e.g. 'Operation Orca'.")] = None,
    started: Annotated[datetime | None, typer.Option(help="Start date.")] = None,
    force: Many = None,
    line: Annotated[list[str] | None, typer.Option(help="A county line targeted.")] = None,
) -> None:
    """Create an operation."""
    con = open_store(state.db)
    day: date | None = started.date() if started else None
    record.new_operation(con, op, name, day, force or [], line or [])
    con.close()
    out.print(f"operation {op} created")


@op_app.command("warrant")
def warrant(
    op: Op,
    warrant_id: Id,
    at: When,
    address: Annotated[str, typer.Option(help="Address the warrant was executed at.")],
    postcode: Text = None,
    town: Text = None,
    force: Many = None,
    unit: Many = None,
    result: Text = None,
) -> None:
    """Record an executed warrant: address, time, forces and units, result."""
    con = open_store(state.db)
    place = record.Place(address, postcode, town)
    record.add_warrant(con, op, warrant_id, at, place, force or [], unit or [], result)
    con.close()
    out.print(f"warrant {warrant_id} recorded")


@op_app.command("arrest")
def arrest(
    op: Op,
    arrest_id: Id,
    at: When,
    person: Annotated[str, typer.Option(help="Person id or person record id.")],
    offence: Annotated[list[str], typer.Option(help="CODE[:CLASS], e.g. MDA1971-s4-3-b:A.")],
    home_area: Text = None,
    force: Text = None,
    status: Text = None,
    address: Text = None,
    postcode: Text = None,
) -> None:
    """Record an arrest: the person and their offences as catalogue codes."""
    con = open_store(state.db)
    details = (home_area, force, status)
    place = record.Place(address, postcode)
    record.add_arrest(con, op, arrest_id, person, at, offence, details, place)
    con.close()
    out.print(f"arrest {arrest_id} recorded")


@op_app.command("seizure")
def seizure(
    op: Op,
    seizure_id: Id,
    at: When,
    item_type: Annotated[str, typer.Option("--type", help="cash, drugs, weapon, phone, vehicle.")],
    quantity: Annotated[float | None, typer.Option()] = None,
    unit: Text = None,
    value_gbp: Annotated[float | None, typer.Option()] = None,
    drug_class: Text = None,
    drug_type: Text = None,
    weapon_type: Text = None,
    number: Text = None,
    vrm: Text = None,
    person: Text = None,
    address: Text = None,
    line: Text = None,
) -> None:
    """Record a seizure, linked to a person, a place and a line where given."""
    con = open_store(state.db)
    item = record.Item(
        item_type, quantity, unit, value_gbp, drug_class, drug_type, weapon_type, number, vrm
    )
    record.add_seizure(con, op, seizure_id, at, item, person, record.Place(address), line)
    con.close()
    out.print(f"seizure {seizure_id} recorded")


@op_app.command("safeguard")
def safeguard(
    op: Op,
    action_id: Id,
    at: When,
    person: Annotated[str, typer.Option(help="Person id or person record id.")],
    action: Annotated[
        str, typer.Option(help="identified, nrm_referral, la_informed, support_offered or closed.")
    ],
    agency: Text = None,
) -> None:
    """Record a safeguarding action for a person."""
    con = open_store(state.db)
    record.add_action(con, op, action_id, person, action, at, agency)
    queue.refresh(con)
    con.close()
    out.print(f"safeguarding action {action_id} recorded")


@op_app.command("report")
def report(
    op: Op,
    public_only: Annotated[bool, typer.Option("--public", help="Only the statement.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Print the public statement and the internal result."""
    con = open_store(state.db)
    queue.refresh(con)
    found = facts(con, op)
    text = statement(con, found)
    settings = HarmSettings()
    if not public_only:
        score.ensure_scored(con, settings, datetime.now(UTC))
    result = None if public_only else internal(con, op, settings.scheme)
    con.close()
    if as_json:
        emit_json({"statement": text, "internal": result})
        return
    out.print(text, markup=False, highlight=False)
    if result is not None:
        out.print("[bold]Internal result (not for publication)[/]")
        emit_json(result)
