"""Loading graphs: CSV parsing, bad input named by file/line/field, CNP files, CSR invariants."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from linewatch.errors import InputError
from linewatch.plan.graph import from_edges, read_cnp, read_edges_csv, read_ids, subgraph


def _write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def test_reads_edges_dropping_loops_and_duplicates(tmp_path: Path) -> None:
    edges = _write(tmp_path / "e.csv", "source,target,weight\na,b,1\nb,a,2\nb,c,1\nc,c,5\n")
    nodes = _write(tmp_path / "n.csv", "id\nz\na\n")
    g = read_edges_csv(edges, nodes)
    assert g.ids == ("z", "a", "b", "c")
    assert g.m == 2
    assert g.degrees().tolist() == [0, 1, 2, 1]


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        ("source,target\na,b\n,c\n", 3, "source"),
        ("source,target,weight\na,b,x\n", 2, "weight"),
        ("source,target,weight\na,b,-1\n", 2, "weight"),
        ("src,target\na,b\n", 1, "source"),
        ("source,target\na,\n", 2, "target"),
    ],
)
def test_bad_rows_name_file_line_and_field(
    tmp_path: Path, text: str, line: int, field: str
) -> None:
    path = _write(tmp_path / "bad.csv", text)
    with pytest.raises(InputError) as err:
        read_edges_csv(path)
    assert (err.value.line, err.value.field) == (line, field)
    assert str(path) in str(err.value)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        read_edges_csv(tmp_path / "none.csv")


def test_read_ids_skips_blanks_and_comments(tmp_path: Path) -> None:
    assert read_ids(_write(tmp_path / "x.txt", "# victims\na\n\n b \n")) == ["a", "b"]


def test_read_cnp_crlf(tmp_path: Path) -> None:
    path = tmp_path / "g.txt"
    path.write_bytes(b"4\r\n0: 1 2 \r\n1: 0 \r\n2: 0 \r\n3: \r\n")
    g = read_cnp(path)
    assert (g.n, g.m) == (4, 2)


def test_subgraph_keeps_induced_edges() -> None:
    g = from_edges(list("abcd"), [(0, 1), (1, 2), (2, 3)])
    sub, old = subgraph(g, np.array([True, True, False, True]))
    assert sub.ids == ("a", "b", "d") and sub.m == 1 and old.tolist() == [0, 1, 3]
