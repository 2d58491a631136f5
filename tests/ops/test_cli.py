"""`linewatch operation`, `harm` and `safeguarding` commands over a real store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from linewatch import cli
from linewatch.commands import harm, operation
from linewatch.errors import NotFoundError
from linewatch.store import open_store
from tests.cli_helpers import command_app, run_ok
from tests.harm.case import load_case


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> typer.Typer:
    """A root app with these commands, over a store holding the small case."""
    con = open_store(tmp_path / "case.duckdb")
    load_case(con, tmp_path / "in")
    con.close()
    monkeypatch.setattr(cli.state, "db", tmp_path / "case.duckdb")
    return command_app(harm.register, operation.register)


def test_record_then_report(app: typer.Typer) -> None:
    run_ok(app, "operation", "new", "OP-2", "--name", "Operation Kestrel", "--force", "Kent Police")
    run_ok(
        app,
        "operation",
        "warrant",
        "OP-2",
        "W9",
        "--at",
        "2024-05-01T05:30:00",
        "--address",
        "5 Mill Road",
        "--postcode",
        "ME1 1AA",
        "--town",
        "Rochester",
    )
    run_ok(
        app,
        "operation",
        "arrest",
        "OP-2",
        "A9",
        "--at",
        "2024-05-01T05:40:00",
        "--person",
        "arrests:A1",
        "--offence",
        "MDA1971-s5-3:A",
        "--home-area",
        "Lambeth",
        "--status",
        "charged",
    )
    report = json.loads(run_ok(app, "operation", "report", "OP-2", "--json"))
    assert "as part of Operation Kestrel" in report["statement"]
    assert (
        "A 34-year-old man from Lambeth was charged with possession with intent to supply "
        "Class A drugs." in report["statement"]
    )
    assert "mill road" not in report["statement"].lower()


def test_unknown_operation_is_a_user_error(app: typer.Typer) -> None:
    result = CliRunner().invoke(app, ["operation", "report", "OP-NONE"])
    assert isinstance(result.exception, NotFoundError)


def test_safeguarding_queue_and_harm_ranking(app: typer.Typer) -> None:
    queue = json.loads(run_ok(app, "safeguarding", "--json"))
    assert "arrests:A2" in {c["person_id"] for c in queue}
    ranking = json.loads(run_ok(app, "harm", "--json"))
    assert ranking and "arrests:A2" not in {r["person_id"] for r in ranking}
    assert ranking == sorted(ranking, key=lambda r: -r["score"])
