"""`linewatch plan-graph`: the spec's JSON shape, the readable table, errors as one line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx

SPEC_KEYS = ["k", "objective", "removed", "value", "bound", "optimal", "seconds"]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    code = "from linewatch.cli import main; main()"
    env = {**os.environ, "COLUMNS": "400"}  # one error line, whatever the terminal width
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )


def _edges(tmp_path: Path, g: nx.Graph) -> Path:
    path = tmp_path / "edges.csv"
    path.write_text("source,target\n" + "".join(f"p{u},p{v}\n" for u, v in g.edges()))
    return path


def test_json_follows_the_spec(tmp_path: Path) -> None:
    edges = _edges(tmp_path, nx.path_graph(9))
    done = _run("plan-graph", str(edges), "--k", "1", "--json", "--time-limit", "10")
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert list(doc) == SPEC_KEYS
    assert doc["removed"] == ["p4"] and doc["value"] == 12 and doc["bound"] == 12
    assert doc["optimal"] is True and doc["objective"] == "pairwise" and doc["k"] == 1


def test_lcc_with_exclusions_and_isolated_nodes(tmp_path: Path) -> None:
    edges = _edges(tmp_path, nx.star_graph(6))
    (tmp_path / "victims.txt").write_text("p0\n")
    (tmp_path / "nodes.csv").write_text("id\nlonely\n")
    done = _run(
        "plan-graph",
        str(edges),
        "--k",
        "2",
        "--objective",
        "lcc",
        "--json",
        "--exclude",
        str(tmp_path / "victims.txt"),
        "--nodes",
        str(tmp_path / "nodes.csv"),
    )
    doc = json.loads(done.stdout)
    assert "p0" not in doc["removed"] and doc["value"] == 5 and doc["optimal"] is True


def test_table_explains_each_removal(tmp_path: Path) -> None:
    done = _run("plan-graph", str(_edges(tmp_path, nx.barbell_graph(5, 1))), "--k", "1")
    assert done.returncode == 0
    assert "p5" in done.stdout and "pieces after" in done.stdout and "optimal" in done.stdout


def test_bad_csv_is_one_line_with_file_line_field(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("source,target,weight\na,b,1\nc,d,heavy\n")
    done = _run("plan-graph", str(bad), "--k", "1")
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0
    assert "bad.csv:3" in done.stderr and "weight" in done.stderr
    assert "Traceback" not in done.stderr


def test_unknown_excluded_id_and_bad_objective(tmp_path: Path) -> None:
    edges = _edges(tmp_path, nx.path_graph(4))
    (tmp_path / "x.txt").write_text("nobody\n")
    assert (
        _run("plan-graph", str(edges), "--k", "1", "--exclude", str(tmp_path / "x.txt")).returncode
        == 2
    )
    assert _run("plan-graph", str(edges), "--k", "1", "--objective", "max").returncode == 2


def test_time_limit_respected(tmp_path: Path) -> None:
    edges = _edges(tmp_path, nx.gnm_random_graph(3000, 6000, seed=1))
    _run("plan-graph", str(edges), "--k", "100", "--time-limit", "0.5")  # numba cache warm-up
    began = time.perf_counter()
    done = _run("plan-graph", str(edges), "--k", "100", "--json", "--time-limit", "2")
    doc = json.loads(done.stdout)
    # 2 s limit, with slack for a loaded 2-core machine
    assert doc["seconds"] < 4.5 and time.perf_counter() - began < 20
    assert doc["bound"] is not None and doc["bound"] <= doc["value"] and doc["optimal"] is False
