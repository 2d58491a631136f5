"""Greedy constrained merging: strongest links first, refusing any merge a constraint forbids.

Plain connected components chain: A-B and B-C merge A and C even when A and C cannot be the
same person. Here links are taken one at a time (analyst accepts first, then by match weight)
and a merge is refused when it would put an analyst cannot-link or two incompatible dates of
birth into one cluster. An analyst accept overrides the date check (never a cannot-link), and
so does a link the model itself is near certain of (`strong`): the model has learnt from the
data how often a date of birth is written wrong, and still holds the pair to be one person.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from linewatch.resolve.constraints import dobs_compatible


@dataclass(frozen=True)
class Edge:
    """A link between two records; `must`: analyst accepted; `strong`: the model near certain."""

    a: str
    b: str
    weight: float
    must: bool
    strong: bool = False


@dataclass
class _Clusters:
    """Union-find with each root's members and dates of birth."""

    parent: dict[str, str] = field(default_factory=dict)
    members: dict[str, list[str]] = field(default_factory=dict)
    dobs: dict[str, set[date]] = field(default_factory=dict)

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, ra: str, rb: str) -> None:
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra] += self.members.pop(rb)
        self.dobs[ra] |= self.dobs.pop(rb)


def _kept_apart(cl: _Clusters, ra: str, rb: str, cannot: Mapping[str, set[str]]) -> bool:
    """True when an analyst cannot-link joins a member of one cluster to one of the other."""
    small, other = sorted((ra, rb), key=lambda r: len(cl.members[r]))
    others = set(cl.members[other])
    return any(cannot.get(x, set()) & others for x in cl.members[small])


def merge(
    dobs: Mapping[str, date | None], edges: Iterable[Edge], cannot: Mapping[str, set[str]]
) -> dict[str, str]:
    """Record -> cluster root, merging along `edges` (in the order given) where allowed."""
    cl = _Clusters()
    for rec, dob in dobs.items():
        cl.parent[rec], cl.members[rec] = rec, [rec]
        cl.dobs[rec] = {dob} if dob is not None else set()
    for e in edges:
        ra, rb = cl.find(e.a), cl.find(e.b)
        if ra == rb or _kept_apart(cl, ra, rb, cannot):
            continue
        if e.must or e.strong or dobs_compatible(cl.dobs[ra], cl.dobs[rb]):
            cl.union(ra, rb)
    return {rec: cl.find(rec) for rec in dobs}
