"""`linewatch plan-graph`: disruption planning on any network (spec/graph-plan.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from linewatch.errors import InputError


def register(app: typer.Typer) -> None:
    """Attach the planning commands."""
    app.command("plan-graph")(plan_graph)


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
