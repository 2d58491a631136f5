"""`linewatch resolve`, `person` and the analyst decisions: who is who, and who uses which phone."""

from __future__ import annotations

import getpass
import json
from typing import Annotated, Any

import typer
from rich.table import Table

from linewatch.cli import emit_json, out, state
from linewatch.resolve import decisions
from linewatch.resolve.review import person, review
from linewatch.resolve.run import resolve
from linewatch.store import open_store

resolve_app = typer.Typer(help="Link person records into people; review and decide.")
Who = Annotated[str, typer.Option("--who", help="Analyst making the decision.")]
Why = Annotated[str, typer.Option("--why", help="Reason for the decision (required).")]
AsJson = Annotated[bool, typer.Option("--json", help="Print as JSON.")]


def register(app: typer.Typer) -> None:
    """Add `resolve` (with its decision subcommands) and `person`."""
    app.add_typer(resolve_app, name="resolve")
    app.command("person")(person_command)


@resolve_app.callback(invoke_without_command=True)
def resolve_command(
    ctx: typer.Context,
    review_pairs: Annotated[bool, typer.Option("--review", help="List pairs to review.")] = False,
    full: Annotated[bool, typer.Option("--full", help="Retrain and rescore all.")] = False,
    limit: Annotated[int, typer.Option(help="Pairs to list with --review.")] = 50,
    as_json: AsJson = False,
) -> None:
    """Link person records into persons (incremental), or list pairs to review."""
    if ctx.invoked_subcommand is not None:
        return
    con = open_store(state.db)
    if review_pairs:
        _show_review(review(con, limit), as_json)
        return
    outcome = resolve(con, full=full)
    con.close()
    if as_json:
        emit_json(outcome.__dict__)
        return
    out.print(
        f"{outcome.mode} run {outcome.run_id}: {outcome.records:,} records, "
        f"{outcome.new_records:,} newly scored, {outcome.pairs:,} pairs stored, "
        f"{outcome.persons:,} persons (model {outcome.model_id}"
        f"{'' if outcome.trained else ', prior parameters: too few records to train'})"
    )


def _show_review(rows: list[dict[str, Any]], as_json: bool) -> None:
    if as_json:
        emit_json(rows)
        return
    table = Table(title="pairs to review (best first)")
    for col in ("records", "persons", "names", "dobs", "p", "status", "why"):
        table.add_column(col, overflow="fold")
    for r in rows:
        why = "; ".join(f"{w['field']}: {w['level']} ({w['weight']:+})" for w in r["why"])
        table.add_row(
            f"{r['record_id_l']}\n{r['record_id_r']}",
            f"{r['person_l']}\n{r['person_r']}",
            f"{r['name_l']}\n{r['name_r']}",
            f"{r['dob_l']}\n{r['dob_r']}",
            f"{r['match_probability']:.3f}",
            r["status"],
            why,
        )
    out.print(table)


@resolve_app.command("accept")
def accept_command(a: str, b: str, why: Why = "", who: Who = getpass.getuser()) -> None:
    """Record that two person records are the same person."""
    _done(decisions.accept(open_store(state.db), a, b, who, why))


@resolve_app.command("reject")
def reject_command(a: str, b: str, why: Why = "", who: Who = getpass.getuser()) -> None:
    """Record that two person records are different people."""
    _done(decisions.reject(open_store(state.db), a, b, who, why))


@resolve_app.command("split")
def split_command(
    person_id: str, records: list[str], why: Why = "", who: Who = getpass.getuser()
) -> None:
    """Take records out of a person into a person of their own."""
    _done(decisions.split(open_store(state.db), person_id, records, who, why))


@resolve_app.command("undo")
def undo_command(decision_id: int, why: Why = "", who: Who = getpass.getuser()) -> None:
    """Cancel an earlier decision (kept on record)."""
    _done(decisions.undo(open_store(state.db), decision_id, who, why))


def _done(decision_id: int) -> None:
    out.print(f"decision {decision_id} recorded; persons re-clustered")


def person_command(person_id: str, as_json: AsJson = False) -> None:
    """One resolved person: every source record, phone and handset, why linked."""
    found = person(open_store(state.db), person_id)
    if as_json:
        emit_json(found)
        return
    out.print(
        f"[bold]{found['person_id']}[/] {found['name']} dob {found['dob']} "
        f"{found['address'] or ''} ({found['records']} records)"
    )
    for r in found["source_records"]:
        out.print(
            f"  {r['record_id']}: {r['name']} {r['dob'] or ''} {r['address'] or ''} "
            f"{r['number'] or ''} (p {r['match_probability']:.3f})"
        )
    for link in found["links"]:
        why = "; ".join(f"{w['field']}: {w['level']} ({w['weight']:+})" for w in link["why"])
        out.print(
            f"  link {link['record_id_l']} ~ {link['record_id_r']} "
            f"p {link['match_probability']:.3f}: {why}"
        )
    for kind, key in (("phone", "number"), ("handset", "imei")):
        for p in found[f"{kind}s"]:
            flag = " CONFLICTING" if p["conflicting"] else ""
            sources = ", ".join(e["source"] for e in json.loads(p["evidence"]))
            out.print(
                f"  {kind} {p[key]} confidence {p['confidence']:.2f} (rank {p['rank']})"
                f"{flag}: {sources}"
            )
    for d in found["decisions"]:
        out.print(
            f"  decision {d['decision_id']} {d['kind']} by {d['who']} at "
            f"{d['decided_at']}: {d['why']}"
        )
