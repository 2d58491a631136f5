"""Constrained merging: no chaining through a shared phone or name; analyst decisions win."""

from __future__ import annotations

from datetime import date, timedelta

import networkx as nx
from hypothesis import given
from hypothesis import strategies as st

from linewatch.resolve.constraints import dob_compatible
from linewatch.resolve.greedy import Edge, merge

A, B = date(2001, 2, 3), date(1999, 7, 9)


def test_a_record_without_dob_cannot_chain_two_people() -> None:
    dobs = {"a": A, "b": B, "burner": None}
    edges = [Edge("a", "burner", 9.0, False), Edge("b", "burner", 8.0, False)]
    roots = merge(dobs, edges, {})
    assert roots["burner"] == roots["a"] != roots["b"]


def test_an_analyst_accept_overrides_the_dob_check_but_not_a_reject() -> None:
    dobs = {"a": A, "b": B, "c": None}
    roots = merge(dobs, [Edge("a", "b", 1e9, True)], {})
    assert roots["a"] == roots["b"]
    kept = merge(dobs, [Edge("a", "c", 1e9, True)], {"a": {"c"}, "c": {"a"}})
    assert kept["a"] != kept["c"]


def test_a_near_certain_link_may_join_two_dobs_but_never_a_cannot_link() -> None:
    dobs = {"a": A, "b": B, "c": B}
    edges = [Edge("a", "b", 12.0, False, strong=True), Edge("a", "c", 3.0, False)]
    roots = merge(dobs, edges, {})
    assert roots["a"] == roots["b"] != roots["c"]
    kept = merge(dobs, edges[:1], {"a": {"b"}, "b": {"a"}})
    assert kept["a"] != kept["b"]


def test_a_day_apart_is_one_person() -> None:
    roots = merge({"a": A, "b": A + timedelta(days=1)}, [Edge("a", "b", 5.0, False)], {})
    assert roots["a"] == roots["b"]


nodes = st.sampled_from("abcdefgh")
edge_lists = st.lists(st.tuples(nodes, nodes, st.floats(0, 20)), max_size=20)
dob_maps = st.fixed_dictionaries(
    {n: st.one_of(st.none(), st.sampled_from([A, B, date(1980, 1, 1)])) for n in "abcdefgh"}
)


@given(edge_lists, dob_maps)
def test_no_cluster_holds_incompatible_dobs(
    raw: list[tuple[str, str, float]], dobs: dict[str, date | None]
) -> None:
    edges = [Edge(a, b, w, False) for a, b, w in sorted(raw, key=lambda e: -e[2]) if a != b]
    roots = merge(dobs, edges, {})
    for x in dobs:
        for y in dobs:
            dx, dy = dobs[x], dobs[y]
            if roots[x] == roots[y] and dx and dy:
                assert dob_compatible(dx, dy)


@given(edge_lists)
def test_without_constraints_clusters_are_connected_components(
    raw: list[tuple[str, str, float]],
) -> None:
    dobs: dict[str, date | None] = dict.fromkeys("abcdefgh")
    roots = merge(dobs, [Edge(a, b, w, False) for a, b, w in raw if a != b], {})
    graph = nx.Graph()
    graph.add_nodes_from(dobs)
    graph.add_edges_from((a, b) for a, b, _ in raw if a != b)
    expected = {frozenset(c) for c in nx.connected_components(graph)}
    got: dict[str, set[str]] = {}
    for rec, root in roots.items():
        got.setdefault(root, set()).add(rec)
    assert {frozenset(c) for c in got.values()} == expected


def test_a_record_joins_the_namesake_it_links_to_most() -> None:
    dobs = {"x1": A, "y1": B, "y2": B, "y3": B, "r": None}
    edges = [Edge("y1", "y2", 20.0, False), Edge("y2", "y3", 20.0, False)]
    edges += [Edge("r", "x1", 10.0, False)] + [Edge("r", y, 9.0, False) for y in ("y1", "y2")]
    roots = merge(dobs, edges, {})
    assert roots["r"] == roots["y1"] == roots["y3"] != roots["x1"]
