"""Greedy constrained merging: best-linked clusters first, refusing any merge a constraint forbids.

Plain connected components chain: A-B and B-C merge A and C even when A and C cannot be the
same person. Here clusters are merged one pair at a time, the pair with the most link weight
between them first (analyst accepts before any), and a merge is refused when it would put an
analyst cannot-link or two incompatible dates of birth into one cluster. Summing the links
means a record that matches two namesakes equally well joins the one it links to most often
(the person five records describe, not the one in a single record). An analyst accept
overrides the date check (never a cannot-link), and so does a link the model itself is near
certain of (`strong`): the model has learnt from the data how often a date of birth is
written wrong, and still holds the pair to be one person.
"""

from __future__ import annotations

import heapq
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


@dataclass(frozen=True)
class _Link:
    """All links between two clusters: summed weight, any analyst accept, any strong link."""

    weight: float
    must: bool
    strong: bool

    def __add__(self, other: _Link) -> _Link:
        return _Link(
            self.weight + other.weight, self.must or other.must, self.strong or other.strong
        )


@dataclass
class _Clusters:
    """Clusters by root: members, dates of birth, and the summed links to other clusters."""

    root: dict[str, str] = field(default_factory=dict)
    members: dict[str, list[str]] = field(default_factory=dict)
    dobs: dict[str, set[date]] = field(default_factory=dict)
    links: dict[str, dict[str, _Link]] = field(default_factory=dict)
    queue: list[tuple[bool, float, str, str]] = field(default_factory=list)

    def link(self, ra: str, rb: str, link: _Link) -> None:
        """Add `link` between clusters ra and rb and queue the pair with its new total."""
        total = self.links[ra].get(rb, _Link(0.0, False, False)) + link
        self.links[ra][rb] = self.links[rb][ra] = total
        a, b = sorted((ra, rb))
        heapq.heappush(self.queue, (not total.must, -total.weight, a, b))

    def union(self, ra: str, rb: str) -> None:
        """Merge cluster rb into ra, moving rb's members and links."""
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        for rec in self.members[rb]:
            self.root[rec] = ra
        self.members[ra] += self.members.pop(rb)
        self.dobs[ra] |= self.dobs.pop(rb)
        moved = self.links.pop(rb)
        del self.links[ra][rb]
        for other, link in moved.items():
            if other != ra:
                del self.links[other][rb]
                self.link(ra, other, link)


def _kept_apart(cl: _Clusters, ra: str, rb: str, cannot: Mapping[str, set[str]]) -> bool:
    """True when an analyst cannot-link joins a member of one cluster to one of the other."""
    small, other = sorted((ra, rb), key=lambda r: len(cl.members[r]))
    others = set(cl.members[other])
    return any(cannot.get(x, set()) & others for x in cl.members[small])


def merge(
    dobs: Mapping[str, date | None], edges: Iterable[Edge], cannot: Mapping[str, set[str]]
) -> dict[str, str]:
    """Record -> cluster root, merging the best-linked pair of clusters first where allowed."""
    cl = _Clusters()
    for rec, dob in dobs.items():
        cl.root[rec], cl.members[rec], cl.links[rec] = rec, [rec], {}
        cl.dobs[rec] = {dob} if dob is not None else set()
    for e in edges:
        if e.a != e.b:
            cl.link(e.a, e.b, _Link(e.weight, e.must, e.strong))
    while cl.queue:
        not_must, neg_weight, ra, rb = heapq.heappop(cl.queue)
        link = cl.links.get(ra, {}).get(rb)
        if link is None or (not link.must, -link.weight) != (not_must, neg_weight):
            continue  # a cluster merged away, or the pair was queued again with more links
        if _kept_apart(cl, ra, rb, cannot):
            continue
        if link.must or link.strong or dobs_compatible(cl.dobs[ra], cl.dobs[rb]):
            cl.union(ra, rb)
    return dict(cl.root)
