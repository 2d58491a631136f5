"""`linewatch resolve`, its decision subcommands and `person`, over a real store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from linewatch import cli
from linewatch.commands import resolve
from linewatch.store import open_store
from tests.cli_helpers import command_app, run_ok
from tests.resolve.helpers import PEOPLE, add_phone_evidence, add_records


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> typer.Typer:
    """A root app with the resolution commands, over a store holding the handmade people."""
    con = open_store(tmp_path / "case.duckdb")
    add_records(con, PEOPLE)
    add_phone_evidence(con)
    con.close()
    monkeypatch.setattr(cli.state, "db", tmp_path / "case.duckdb")
    return command_app(resolve.register)


def _person_of(app: typer.Typer, record_id: str) -> dict[str, Any]:
    """The person JSON of the person holding `record_id` (found through the store)."""
    con = open_store(cli.state.db)
    (pid,) = con.execute(
        "SELECT person_id FROM person_clusters WHERE record_id = ?", [record_id]
    ).fetchall()[0]
    con.close()
    return dict(json.loads(run_ok(app, "person", str(pid), "--json")))


def test_resolve_then_person_shows_records_phones_and_handsets(app: typer.Typer) -> None:
    outcome = json.loads(run_ok(app, "resolve", "--json"))
    assert outcome["mode"] == "full" and outcome["records"] == len(PEOPLE)
    jordan = _person_of(app, "arrests:A2")
    assert {r["record_id"] for r in jordan["source_records"]} == {"arrests:A2", "seizures:Z2"}
    assert [h["imei"] for h in jordan["handsets"]] == ["356938035643809"]
    assert all(p["conflicting"] for p in jordan["phones"])
    text = run_ok(app, "person", jordan["person_id"])
    assert "handset 356938035643809" in text and "CONFLICTING" in text


def test_reject_then_undo_from_the_command_line(app: typer.Typer) -> None:
    run_ok(app, "resolve")
    run_ok(app, "resolve", "reject", "arrests:A2", "seizures:Z2", "--why", "twins", "--who", "a1")
    assert {r["record_id"] for r in _person_of(app, "arrests:A2")["source_records"]} == {
        "arrests:A2"
    }
    run_ok(app, "resolve", "undo", "1", "--why", "checked", "--who", "a2")
    run_ok(app, "resolve")
    assert len(_person_of(app, "arrests:A2")["source_records"]) == 2


def test_a_decision_needs_a_reason(app: typer.Typer) -> None:
    run_ok(app, "resolve")
    result = CliRunner().invoke(app, ["resolve", "reject", "arrests:A2", "seizures:Z2"])
    assert result.exit_code != 0 and "--why" in result.output + str(result.exception)
