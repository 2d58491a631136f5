"""Undirected simple graphs in CSR form, and loading them from edge CSVs or CNP benchmark files."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from linewatch.errors import InputError

IntArray = NDArray[np.int64]


@dataclass(frozen=True)
class Graph:
    """An undirected simple graph: node ids (strings) and symmetric CSR adjacency."""

    ids: tuple[str, ...]
    indptr: IntArray
    indices: IntArray

    @property
    def n(self) -> int:
        """Number of nodes."""
        return len(self.ids)

    @property
    def m(self) -> int:
        """Number of undirected edges."""
        return int(self.indices.shape[0] // 2)

    def degrees(self) -> IntArray:
        """Degree of every node."""
        return np.diff(self.indptr)

    def neighbours(self, v: int) -> IntArray:
        """Neighbours of node index v."""
        return self.indices[self.indptr[v] : self.indptr[v + 1]]

    def index(self) -> dict[str, int]:
        """Map from node id to node index."""
        return {name: i for i, name in enumerate(self.ids)}

    def edge_array(self) -> IntArray:
        """Each undirected edge once, as an (m, 2) array with u < v."""
        src = np.repeat(np.arange(self.n, dtype=np.int64), np.diff(self.indptr))
        keep = src < self.indices
        return np.stack([src[keep], self.indices[keep]], axis=1)


def from_edges(ids: Sequence[str], edges: IntArray | Iterable[tuple[int, int]]) -> Graph:
    """Build a graph from node ids and index pairs; drops self-loops and duplicate edges."""
    arr = np.asarray(list(edges) if not isinstance(edges, np.ndarray) else edges, dtype=np.int64)
    arr = arr.reshape(-1, 2)
    arr = arr[arr[:, 0] != arr[:, 1]]
    both = np.concatenate([arr, arr[:, ::-1]]) if arr.size else arr
    n = len(ids)
    if both.size:
        both = np.unique(both, axis=0)
    if not both.size:
        return Graph(tuple(ids), np.zeros(n + 1, dtype=np.int64), np.zeros(0, dtype=np.int64))
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(both[:, 0], minlength=n), out=indptr[1:])
    return Graph(tuple(ids), indptr, np.ascontiguousarray(both[:, 1]))


def subgraph(graph: Graph, keep: NDArray[np.bool_]) -> tuple[Graph, IntArray]:
    """Induced subgraph on the nodes where keep is true, and the old index of each new node."""
    old = np.flatnonzero(keep).astype(np.int64)
    new_of = np.full(graph.n, -1, dtype=np.int64)
    new_of[old] = np.arange(old.shape[0])
    e = graph.edge_array()
    e = new_of[e]
    e = e[(e >= 0).all(axis=1)]
    return from_edges([graph.ids[i] for i in old], e), old


def _field(row: dict[str, str | None], name: str, path: Path, line: int) -> str:
    """One required, non-empty CSV field, or an InputError naming where it is missing."""
    value = (row.get(name) or "").strip()
    if not value:
        raise InputError("empty or missing value", file=str(path), line=line, field=name)
    return value


def _check_weight(row: dict[str, str | None], path: Path, line: int) -> None:
    """Reject a weight that is present but not a non-negative number."""
    raw = (row.get("weight") or "").strip()
    if not raw:
        return
    try:
        ok = float(raw) >= 0
    except ValueError:
        ok = False
    if not ok:
        raise InputError(
            f"weight {raw!r} is not a non-negative number",
            file=str(path),
            line=line,
            field="weight",
        )


def _open_rows(
    path: Path, required: tuple[str, ...]
) -> Iterable[tuple[int, dict[str, str | None]]]:
    """Rows of a CSV with their line numbers, after checking the header names the columns."""
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", file=str(path)) from None
    with handle:
        reader = csv.DictReader(handle)
        header = [h.strip() for h in (reader.fieldnames or [])]
        for name in required:
            if name not in header:
                raise InputError(
                    f"header must name column '{name}'", file=str(path), line=1, field=name
                )
        reader.fieldnames = header
        for row in reader:
            yield reader.line_num, row


def read_edges_csv(path: Path, nodes_path: Path | None = None) -> Graph:
    """Load an undirected graph from `source,target[,weight]` and optional `id` node lists."""
    names: dict[str, int] = {}
    pairs: list[tuple[int, int]] = []
    if nodes_path is not None:
        for line, row in _open_rows(nodes_path, ("id",)):
            names.setdefault(_field(row, "id", nodes_path, line), len(names))
    for line, row in _open_rows(path, ("source", "target")):
        if None in row:
            raise InputError("too many fields on this row", file=str(path), line=line)
        u = names.setdefault(_field(row, "source", path, line), len(names))
        v = names.setdefault(_field(row, "target", path, line), len(names))
        _check_weight(row, path, line)
        pairs.append((u, v))
    return from_edges(list(names), pairs)


def read_ids(path: Path) -> list[str]:
    """Node ids, one per line (blank lines and `#` comments ignored)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", file=str(path)) from None
    return [s.strip() for s in text.splitlines() if s.strip() and not s.lstrip().startswith("#")]


def read_cnp(path: Path) -> Graph:
    """Load a CNP benchmark file (`n`, then `i: j1 j2 ...` adjacency lines, 0-based)."""
    lines = [s.strip() for s in path.read_text().replace("\r", "").split("\n") if s.strip()]
    n = int(lines[0].split()[0])
    pairs: list[tuple[int, int]] = []
    for number, text in enumerate(lines[1:], start=2):
        head, sep, rest = text.partition(":")
        if not sep:
            raise InputError("expected 'i: neighbours'", file=str(path), line=number)
        u = int(head)
        pairs.extend((u, int(v)) for v in rest.split())
    return from_edges([str(i) for i in range(n)], pairs)
