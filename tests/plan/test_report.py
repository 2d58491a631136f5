"""Plan explanations: value if each node were spared, component splits, the spec document."""

from __future__ import annotations

import networkx as nx
import pytest

from linewatch.plan.objective import score
from linewatch.plan.planner import plan
from linewatch.plan.problem import Problem
from linewatch.plan.report import reasons, to_json
from tests.plan.helpers import to_graph


@pytest.mark.parametrize("objective", ["pairwise", "lcc"])
def test_value_if_spared_matches_rescoring(objective: str) -> None:
    g = to_graph(nx.connected_watts_strogatz_graph(40, 4, 0.3, seed=4))
    problem = Problem(4, objective)  # type: ignore[arg-type]
    found = plan(g, problem, 5)
    for r in reasons(g, found, problem):
        v = g.index()[r.node]
        spared = [u for u in found.removed if u != v]
        assert r.value_if_spared == score(g, spared).value(objective)
        assert r.component_before == 40 and sum(r.pieces_after) == 36


def test_document_has_spec_fields_and_ids() -> None:
    g = to_graph(nx.path_graph(5))
    doc = to_json(g, plan(g, Problem(1), 5))
    assert doc == {
        "k": 1,
        "objective": "pairwise",
        "removed": ["2"],
        "value": 2,
        "bound": 2,
        "optimal": True,
        "seconds": doc["seconds"],
    }
