"""Planner quality: CNP benchmark gaps and criminal-network plans; writes docs/planning.md tables.

Environment: PLAN_EVAL_SECONDS (time limit per run, default 60), PLAN_EVAL_CNP (comma list of
instances, default all; "none" skips), PLAN_EVAL_NETWORKS (comma list, default all; "none"
skips), PLAN_EVAL_KMAX (default 10). Results are also printed as they come.
"""

from __future__ import annotations

import csv
import os
import re
import time
from pathlib import Path

from linewatch.plan.compare import compare_strategies
from linewatch.plan.graph import read_cnp, read_edges_csv
from linewatch.plan.planner import plan
from linewatch.plan.problem import Problem

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
DOC = ROOT / "docs" / "planning.md"


def _selected(variable: str, names: list[str]) -> list[str]:
    """Names chosen by an environment variable (all by default, none for 'none')."""
    raw = os.environ.get(variable, "").strip()
    if raw == "none":
        return []
    return [n for n in names if n in raw.split(",")] if raw else names


def cnp_rows(seconds: float) -> list[list[str]]:
    """One row per CNP instance: value, bound, best known, gap, optimal flag, seconds."""
    with (SHARED / "data" / "cnp" / "instances.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    chosen = _selected("PLAN_EVAL_CNP", [r["instance"] for r in rows])
    out: list[list[str]] = []
    for r in (r for r in rows if r["instance"] in chosen):
        graph = read_cnp(SHARED / "data" / "cnp" / r["file"])
        found = plan(graph, Problem(int(r["k"])), seconds, seed=1)
        best = float(r["best_known"])
        gap = 100.0 * (found.value - best) / best
        bound = "-" if found.bound is None else f"{found.bound:,.0f}"
        row = [
            r["instance"],
            r["n"],
            r["k"],
            f"{found.value:,.0f}",
            bound,
            f"{best:,.0f}",
            f"{gap:.2f}",
            r["optimal"],
            "yes" if found.optimal else "no",
            f"{found.seconds:.0f}",
        ]
        print(" | ".join(row), flush=True)
        out.append(row)
    return out


def cnp_summary(rows: list[list[str]]) -> str:
    """Mean and worst gap, and optimum matches on instances marked optimal with n <= 500."""
    if not rows:
        return "No CNP instance was run."
    gaps = [float(r[6]) for r in rows]
    marked = [r for r in rows if r[7] == "True" and int(r[1]) <= 500]
    matched = sum(1 for r in marked if float(r[6]) <= 1e-9)
    return (
        f"{len(rows)} instances: mean gap {sum(gaps) / len(gaps):.2f}%, worst "
        f"{max(gaps):.2f}% ({rows[gaps.index(max(gaps))][0]}); equal to the optimum on "
        f"{matched} of {len(marked)} instances marked optimal with n <= 500."
    )


def network_rows(seconds: float, kmax: int) -> list[list[str]]:
    """Per network and k: planner LCC (objective lcc), best strategy LCC, after recovery."""
    folders = sorted(p.name for p in (SHARED / "data" / "networks").iterdir() if p.is_dir())
    out: list[list[str]] = []
    for name in _selected("PLAN_EVAL_NETWORKS", folders):
        graph = read_edges_csv(SHARED / "data" / "networks" / name / "edges.csv")
        for k in range(1, kmax + 1):
            result = compare_strategies(graph, Problem(k, "lcc"), time_limit=seconds)
            mine = result.outcomes[0]
            rivals = sorted(result.outcomes[1:], key=lambda o: (o.after.lcc, o.strategy))
            bound = "-" if result.plan.bound is None else f"{result.plan.bound:.0f}"
            row = [
                name,
                str(graph.n),
                str(k),
                f"{mine.after.lcc:.0f}",
                bound,
                "yes" if result.plan.optimal else "no",
                f"{rivals[0].after.lcc:.0f}",
                rivals[0].strategy,
                _recovered(mine),
                _recovered(rivals[0]),
                "ok" if mine.after.lcc <= rivals[0].after.lcc else "WORSE",
                f"{result.plan.seconds:.1f}",
            ]
            print(" | ".join(row), flush=True)
            out.append(row)
    return out


def _recovered(outcome: object) -> str:
    """LCC after the recovery model, or '-'."""
    rec = getattr(outcome, "recovered", None)
    return "-" if rec is None else f"{rec.lcc:.0f}"


def network_summary(rows: list[list[str]]) -> str:
    """How often the plan beats or ties the best strategy, and proofs where n <= 200."""
    if not rows:
        return "No network was run."
    ok = sum(1 for r in rows if r[10] == "ok")
    small = [r for r in rows if int(r[1]) <= 200]
    proven = sum(1 for r in small if r[5] == "yes")
    return (
        f"{len(rows)} (network, k) runs: plan LCC <= best single-metric strategy in {ok}; "
        f"proven optimal in {proven} of {len(small)} runs on networks with n <= 200."
    )


def _table(header: list[str], rows: list[list[str]]) -> str:
    """A markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def _replace(text: str, tag: str, body: str) -> str:
    """Replace the block between <!-- tag --> and <!-- /tag --> markers."""
    pattern = re.compile(rf"(<!-- {tag} -->\n).*?(<!-- /{tag} -->)", re.S)
    return pattern.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text)


def main() -> None:
    """Run the planning evaluation and write its tables into docs/planning.md."""
    if not SHARED.exists():
        print("../shared is absent: planning evaluation skipped")
        return
    seconds = float(os.environ.get("PLAN_EVAL_SECONDS", "60"))
    kmax = int(os.environ.get("PLAN_EVAL_KMAX", "10"))
    stamp = time.strftime("%Y-%m-%d")
    cnp = cnp_rows(seconds)
    if cnp:
        head = [
            "instance",
            "n",
            "k",
            "value",
            "bound",
            "best known",
            "gap %",
            "marked optimal",
            "proven",
            "s",
        ]
        body = f"Measured {stamp}, {seconds:.0f} s per instance. {cnp_summary(cnp)}\n\n"
        DOC.write_text(_replace(DOC.read_text(), "eval:cnp", body + _table(head, cnp)))
    nets = network_rows(seconds, kmax)
    if nets:
        head = [
            "network",
            "n",
            "k",
            "plan LCC",
            "bound",
            "proven",
            "best strategy LCC",
            "strategy",
            "plan LCC recovered",
            "strategy LCC recovered",
            "check",
            "s",
        ]
        body = f"Measured {stamp}, up to {seconds:.0f} s per plan. {network_summary(nets)}\n\n"
        DOC.write_text(_replace(DOC.read_text(), "eval:networks", body + _table(head, nets)))
