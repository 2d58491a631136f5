"""The command line: user errors are one clear line and a non-zero exit, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .ingest.helpers import CELLS, records, write


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m linewatch ARGS` as a user would, output captured (so not a terminal)."""
    return subprocess.run(
        [sys.executable, "-m", "linewatch", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_missing_input_is_one_line_naming_the_file(tmp_path: Path) -> None:
    done = run("--db", "case.duckdb", "ingest", "nowhere.csv", cwd=tmp_path)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines() == ["error: nowhere.csv: no such file or folder"]


def test_unrecognised_columns_name_file_line_and_columns(tmp_path: Path) -> None:
    write(tmp_path / "odd.csv", "foo,bar\n1,2\n")
    done = run("--db", "case.duckdb", "ingest", "odd.csv", cwd=tmp_path)
    assert done.returncode == 2
    assert "odd.csv:1: cannot tell what kind of file" in done.stderr
    assert "Traceback" not in done.stderr


def test_ingest_json_counts_add_up_and_piped_output_has_no_progress(tmp_path: Path) -> None:
    write(tmp_path / "case" / "cells.csv", CELLS)
    records(
        tmp_path / "case" / "r.csv",
        "07700900123,2024-05-01T10:00:00Z,sms,07700900123,07700900789,,C1,",
        "07700900123,2024-05-01T10:00:00Z,sms,07700900123,07700900789,,C1,",
        "07700900123,never,sms,07700900123,07700900789,,C1,",
    )
    done = run("--db", "case.duckdb", "ingest", "case", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["by_kind"]["records"] == {
        "read": 3,
        "stored": 1,
        "duplicates": 1,
        "quarantined": 1,
    }
    assert summary["read"] == summary["stored"] + summary["duplicates"] + summary["quarantined"]
    [records_file] = [f for f in summary["files"] if f["kind"] == "records"]
    assert records_file["file"].endswith("r.csv")
    assert records_file["quarantined"] == 1
    assert done.stderr == ""
    listed = run("--db", "case.duckdb", "quarantine", "--json", cwd=tmp_path)
    [row] = json.loads(listed.stdout)
    assert (row["line"], row["field"]) == (4, "timestamp")


def test_db_from_environment(tmp_path: Path) -> None:
    write(tmp_path / "cells.csv", CELLS)
    done = subprocess.run(
        [sys.executable, "-m", "linewatch", "ingest", "cells.csv"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "LINEWATCH_DB": str(tmp_path / "env.duckdb")},
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "env.duckdb").exists()
    assert not (tmp_path / "linewatch.duckdb").exists()


def test_usage_errors_are_click_messages_not_tracebacks(tmp_path: Path) -> None:
    done = run("--db", "case.duckdb", "no-such-command", cwd=tmp_path)
    assert done.returncode == 2
    assert "No such command" in done.stderr
    assert "Traceback" not in done.stderr
