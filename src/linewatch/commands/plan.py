"""`linewatch plan-graph` (any network, spec/graph-plan.md) and `linewatch plan` (a case)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from linewatch.errors import InputError


def register(app: typer.Typer) -> None:
    """Attach the planning commands."""
    app.command("plan-graph")(plan_graph)
    app.command("plan")(plan_case)


def plan_graph(
    edges: Annotated[Path, typer.Argument(help="Edge CSV: source,target[,weight].")],
    k: Annotated[int, typer.Option("--k", min=0, help="How many nodes to remove.")],
    objective: Annotated[str, typer.Option(help="pairwise (connected pairs) or lcc.")] = "pairwise",
    exclude: Annotated[Path | None, typer.Option(help="Ids never to remove, one per line.")] = None,
    nodes: Annotated[Path | None, typer.Option(help="Node CSV with column id.")] = None,
    time_limit: Annotated[float, typer.Option(min=0.1, help="Seconds to spend.")] = 60.0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the spec's JSON object.")] = False,
) -> None:
    """Choose k nodes whose removal leaves the network least connected, with a proven bound."""
    from linewatch.cli import emit_json, out
    from linewatch.plan.graph import read_edges_csv, read_ids
    from linewatch.plan.objective import score
    from linewatch.plan.planner import plan
    from linewatch.plan.problem import OBJECTIVES, Objective, Problem
    from linewatch.plan.report import reasons, to_json

    if objective not in OBJECTIVES:
        raise InputError(f"--objective must be one of {', '.join(OBJECTIVES)}", field="objective")
    graph = read_edges_csv(edges, nodes)
    index = graph.index()
    excluded = read_ids(exclude) if exclude else []
    unknown = [name for name in excluded if name not in index]
    if unknown:
        raise InputError(f"unknown node id {unknown[0]!r}", file=str(exclude), field="id")
    chosen: Objective = "lcc" if objective == "lcc" else "pairwise"
    problem = Problem(k, chosen, exclude=frozenset(index[name] for name in excluded))
    found = plan(graph, problem, time_limit)
    if as_json:
        emit_json(to_json(graph, found))
        return
    out.print(_table(graph, found, reasons(graph, found, problem), to_json(graph, found)))
    before, after = score(graph, ()), score(graph, found.removed)
    out.print(
        f"before: largest component {before.lcc:g}, connected pairs {before.pairwise:g}; "
        f"after: largest component {after.lcc:g}, connected pairs {after.pairwise:g}"
    )
    for note in found.warnings:
        out.print(f"[yellow]warning:[/] {note}")


def _table(graph, found, why, doc) -> Table:  # type: ignore[no-untyped-def]
    """Rich table: each removed node, the objective if spared, its component's split."""
    bound = "none" if doc["bound"] is None else doc["bound"]
    status = "optimal" if found.optimal else f"bound {bound}"
    table = Table(
        title=f"Remove {len(found.removed)} of {graph.n}: {found.objective} "
        f"{doc['value']} ({status}, {found.method}, {found.seconds:.1f} s)"
    )
    for name in ("node", f"{found.objective} if spared", "component before", "pieces after"):
        table.add_column(name)
    for r in why:
        more = " ..." if len(r.pieces_after) > 6 else ""
        pieces = ", ".join(map(str, r.pieces_after[:6])) + more
        table.add_row(r.node, f"{r.value_if_spared:g}", str(r.component_before), pieces or "-")
    return table


def _ids(text: str | None) -> list[str]:
    """Comma-separated ids (numbers or person ids)."""
    return [part.strip() for part in (text or "").split(",") if part.strip()]


def plan_case(
    warrants: Annotated[int, typer.Option("--warrants", min=0, help="How many warrants.")],
    compare: Annotated[bool, typer.Option(help="Also run the single-metric strategies.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print plain data.")] = False,
    time_limit: Annotated[float, typer.Option(min=0.1, help="Seconds to spend.")] = 60.0,
    include: Annotated[str | None, typer.Option(help="Numbers/people always taken, a,b.")] = None,
    exclude: Annotated[str | None, typer.Option(help="Numbers/people never taken, a,b.")] = None,
    override_victims: Annotated[
        bool, typer.Option(help="Allow potential victims as targets (audited).")
    ] = False,
    authorised_by: Annotated[str, typer.Option(help="Authorised user (with override).")] = "",
    reason: Annotated[str, typer.Option(help="Why victims may be targeted (override).")] = "",
) -> None:
    """Choose the warrants that leave the case's crew network least connected."""
    from linewatch.cli import emit_json, out, state
    from linewatch.harm.queue import audit_override
    from linewatch.plan.case import load_case, to_json
    from linewatch.plan.compare import compare_strategies
    from linewatch.plan.planner import plan
    from linewatch.store import open_store

    con = open_store(state.db)
    try:
        case = load_case(
            con,
            warrants,
            include=_ids(include),
            exclude=_ids(exclude),
            override_victims=override_victims,
        )
        if override_victims:
            audit_override(con, authorised_by, reason, "disruption plan", list(case.victims))
    finally:
        con.close()
    comparison = None
    if compare:
        comparison = compare_strategies(case.graph, case.problem, time_limit=time_limit)
        found = comparison.plan
    else:
        found = plan(case.graph, case.problem, time_limit)
    doc = to_json(case, found)
    if comparison is not None:
        doc["comparison"] = _comparison_rows(case, comparison)
    if as_json:
        emit_json(doc)
        return
    out.print(_case_table(doc))
    out.print(f"before: {doc['before']:g}; after: {doc['after']:g}; bound: {doc['bound']}")
    if comparison is not None:
        out.print(_comparison_table(doc))
    for note in doc["warnings"]:  # type: ignore[attr-defined]
        out.print(f"[yellow]warning:[/] {note}", markup=True)


def _comparison_rows(case: Any, comparison: Any) -> list[dict[str, object]]:
    """Planner and strategies side by side: warrants used, value after, after recovery."""
    from linewatch.plan.case import chosen_warrants

    objective = comparison.plan.objective
    return [
        {
            "strategy": o.strategy,
            "warrants": len(chosen_warrants(case, o.removed)),
            "after": o.after.value(objective),
            "after_recovery": None if o.recovered is None else o.recovered.value(objective),
        }
        for o in comparison.outcomes
    ]


def _case_table(doc: dict[str, Any]) -> Table:
    """Rich table: each warrant's people, address, numbers, lines, roles, harm and cut."""
    status = "optimal" if doc["optimal"] else f"bound {doc['bound']}"
    weighted = "harm-weighted " if doc["weighted"] else ""
    table = Table(
        title=f"{len(doc['plan'])} of {doc['warrants']} warrants: {weighted}{doc['objective']} "
        f"{doc['before']:g} -> {doc['after']:g} ({status}, {doc['method']})"
    )
    for name in (
        "people",
        "address",
        "numbers",
        "line",
        "role",
        "harm",
        "cuts (pairs kept if spared)",
    ):
        table.add_column(name, overflow="fold")
    for w in doc["plan"]:
        table.add_row(
            ", ".join(w["people"]) or "-",
            "; ".join(w["addresses"]) or "-",
            ", ".join(w["numbers"]),
            ", ".join(w["lines"]) or "-",
            ", ".join(w["roles"]),
            f"{w['harm']:g}",
            f"{w['cuts']:g}",
        )
    return table


def _comparison_table(doc: dict[str, Any]) -> Table:
    """Rich table comparing the planner with the strategies."""
    table = Table(title=f"planner vs strategies ({doc['objective']})")
    for name in ("strategy", "warrants", "after", "after recovery"):
        table.add_column(name)
    for row in doc["comparison"]:
        rec = row["after_recovery"]
        table.add_row(
            row["strategy"],
            str(row["warrants"]),
            f"{row['after']:g}",
            "-" if rec is None else f"{rec:g}",
        )
    return table
