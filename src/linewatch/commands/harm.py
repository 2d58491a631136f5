"""`linewatch harm` and `linewatch safeguarding`: explained scores and the safeguarding queue."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

import typer
from rich.table import Table

from linewatch.cli import emit_json, out, state
from linewatch.errors import NotFoundError
from linewatch.harm import nrm, queue, score
from linewatch.harm.explain import explain_person, term_line
from linewatch.harm.people import person_of
from linewatch.harm.settings import HarmSettings
from linewatch.store import open_store

Scheme = Annotated[str | None, typer.Option(help="cchi or css (default LINEWATCH_HARM_SCHEME).")]
AsJson = Annotated[bool, typer.Option("--json", help="Print as JSON.")]
By = Annotated[str, typer.Option("--authorised-by", help="Authorised user showing a case.")]
Why = Annotated[str, typer.Option("--reason", help="Why a safeguarding case is shown.")]

sg_app = typer.Typer(help="The safeguarding queue: potential victims, never targets.")


def register(app: typer.Typer) -> None:
    """Add `harm` and the `safeguarding` group."""
    app.command("harm")(harm_command)
    app.add_typer(sg_app, name="safeguarding", invoke_without_command=True)


def _settings(scheme: str | None) -> HarmSettings:
    """The harm settings, with the scheme chosen on the command line if any."""
    base = HarmSettings()
    return HarmSettings(
        scheme or base.scheme, base.half_life_days, base.review_days, base.weights_file
    )


def harm_command(
    person: Annotated[str | None, typer.Argument(help="Person id or record id to explain.")] = None,
    scheme: Scheme = None,
    rescore: Annotated[bool, typer.Option(help="Recompute every score now.")] = False,
    top: Annotated[int, typer.Option(help="People to list when no PERSON is given.")] = 20,
    authorised_by: By = "",
    reason: Why = "",
    as_json: AsJson = False,
) -> None:
    """Explain one person's harm score, or list the highest current scores."""
    settings = _settings(scheme)
    con = open_store(state.db)
    queue.refresh(con)
    score.ensure_scored(con, settings, datetime.now(UTC), rescore=rescore)
    if person is None:
        rows = score.ranking(con, settings.scheme, top)
        con.close()
        _print_ranking(rows, as_json)
        return
    person_id = person_of(con, person)
    if person_id is None:
        raise NotFoundError(f"no person or person record {person!r} in the store")
    payload = explain_person(con, settings, person_id, authorised_by, reason)
    con.close()
    _print_explanation(payload, as_json)


def _print_ranking(rows: list[dict[str, object]], as_json: bool) -> None:
    """The ranking as a table (safeguarding cases are never in it)."""
    if as_json:
        emit_json(rows)
        return
    table = Table(title="highest current harm scores (safeguarding cases excluded)")
    for col in ("person", "score", "terms", "largest term", "review by"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            str(r["person_id"]),
            f"{r['score']:.1f}",
            str(r["terms"]),
            str(r["largest"]),
            str(r["review_by"])[:10],
        )
    out.print(table)


def _print_explanation(payload: dict[str, Any], as_json: bool) -> None:
    """One person's score and every term behind it."""
    if as_json:
        emit_json(payload)
        return
    out.print(f"[bold]{payload['person_id']}[/] harm ({payload['scheme']}): ", end="")
    if payload["score"] is None:
        out.print(payload["note"])
    else:
        expired = "" if payload.get("current", True) else " [red]EXPIRED[/]"
        review = str(payload.get("review_by", ""))[:10]
        out.print(f"{payload['score']:.1f}{expired}" + (f", review by {review}" if review else ""))
    for reason in payload.get("safeguarding_reasons", []):
        out.print(f"  safeguarding: {reason}", markup=False)
    for term in payload.get("contributions", []):
        out.print(f"  {term_line(term)}", markup=False)
    if "note" in payload and payload["score"] is not None:
        out.print(f"  {payload['note']}")


@sg_app.callback()
def safeguarding_list(
    ctx: typer.Context,
    show_all: Annotated[bool, typer.Option("--all", help="Include closed cases.")] = False,
    as_json: AsJson = False,
) -> None:
    """List the safeguarding queue: potential victims, their status and why."""
    if ctx.invoked_subcommand is not None:
        return
    con = open_store(state.db)
    queue.refresh(con)
    rows = queue.cases(con, open_only=not show_all)
    con.close()
    if as_json:
        emit_json([c.__dict__ for c in rows])
        return
    table = Table(title="safeguarding queue (never targets)")
    for col in ("person", "status", "since", "identified", "why"):
        table.add_column(col, overflow="fold")
    for c in rows:
        table.add_row(
            c.person_id,
            c.status,
            f"{c.status_at:%Y-%m-%d}",
            f"{c.identified_at:%Y-%m-%d}",
            "; ".join(c.reasons),
        )
    out.print(table)


@sg_app.command("set")
def safeguarding_set(
    person: Annotated[str, typer.Argument(help="Person id or record id.")],
    status: Annotated[
        str,
        typer.Argument(help="identified, nrm_referral, la_informed, support_offered or closed."),
    ],
    by: Annotated[str, typer.Option("--by", help="Who made the change.")],
    note: Annotated[str | None, typer.Option(help="A short note.")] = None,
) -> None:
    """Record a change of status (adds the person to the queue if needed)."""
    con = open_store(state.db)
    queue.refresh(con)
    case = queue.set_status(con, person, status, by, note)
    con.close()
    out.print(f"{case.person_id}: {case.status}")


@sg_app.command("nrm")
def safeguarding_nrm(
    person: Annotated[str, typer.Argument(help="Person id or record id.")],
) -> None:
    """Print a draft National Referral Mechanism referral for a person in the queue."""
    con = open_store(state.db)
    queue.refresh(con)
    person_id = person_of(con, person) or person
    text = nrm.draft(con, person_id)
    con.close()
    out.print(text, markup=False, highlight=False)
