"""`linewatch read-release`: JSON as the spec shows, CSV one row per arrest, clear user errors."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import typer
from typer.testing import CliRunner

from linewatch.commands.releases import register
from tests.cli_helpers import command_app

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "releases" / "dev"


def app() -> typer.Typer:
    """A root app holding only this command."""
    return command_app(register)


def test_one_statement_as_json() -> None:
    result = CliRunner().invoke(app(), ["read-release", str(FIXTURES / "05_charges.txt"), "--json"])
    assert result.exit_code == 0
    record = json.loads(result.output)
    assert list(record) == [
        "forces",
        "operation_date",
        "warrants",
        "arrests_total",
        "arrests",
        "seizures",
        "vulnerable_people",
    ]
    assert record["arrests"][0]["offences"][0]["code"] == "MDA1971-s4-3-b"


def test_a_folder_to_csv_one_row_per_arrest(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(app(), ["read-release", str(FIXTURES), "--csv", str(out)])
    assert result.exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    by_file = {row["file"] for row in rows}
    assert len(by_file) == len(list(FIXTURES.glob("*.txt")))
    week = [row for row in rows if row["file"] == "03_week_of_action.txt"]
    assert len(week) == 1 and week[0]["arrests_total"] == "27" and week[0]["age"] == ""
    charges = [row for row in rows if row["file"] == "05_charges.txt"]
    assert [row["age"] for row in charges] == ["23", "41", "18"]
    assert {row["forces"] for row in charges} == {"Sussex Police;Metropolitan Police Service"}


def test_a_missing_path_is_one_line_and_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.txt"
    run = [sys.executable, "-m", "linewatch", "read-release", str(missing), "--json"]
    result = subprocess.run(run, capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "no such file or folder" in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr
