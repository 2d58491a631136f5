"""Compile the planner's numba kernels once per test process, before any timed test.

A fresh clone has no numba cache, and compiling takes tens of seconds: inside a test's time
budget that would leave the search no time at all.
"""

from __future__ import annotations

import time

import networkx as nx
import pytest

from linewatch.plan import heuristic
from linewatch.plan.problem import Problem

from .helpers import to_graph


@pytest.fixture(scope="session", autouse=True)
def compiled_kernels() -> None:
    """Run the search until a run is no slower than its budget: every kernel it uses is built."""
    graph = to_graph(nx.connected_watts_strogatz_graph(30, 4, 0.3, seed=1))
    for objective in ("pairwise", "lcc"):
        for _ in range(6):
            began = time.perf_counter()
            heuristic.solve(graph, Problem(3, objective), 0.3)  # type: ignore[arg-type]
            if time.perf_counter() - began < 1.0:
                break
