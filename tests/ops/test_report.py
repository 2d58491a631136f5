"""Operation report: the statement names no one, and either recording path gives one report."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from linewatch.errors import InputError, NotFoundError
from linewatch.harm import queue, score
from linewatch.harm.settings import HarmSettings
from linewatch.ops import record
from linewatch.ops.internal import internal
from linewatch.ops.report import facts
from linewatch.ops.statement import public_area, statement
from linewatch.store import open_store
from tests.harm.case import load_case

T = datetime(2024, 3, 5, 6, 0, tzinfo=UTC)


@pytest.fixture
def case(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    con = open_store(tmp_path / "case.duckdb")
    load_case(con, tmp_path / "in")
    return con


def _private(con: duckdb.DuckDBPyConnection, sql: str) -> list[str]:
    """Every non-empty value a query returns, lower case."""
    return [r[0].lower() for r in con.execute(sql).fetchall() if r[0]]


def test_statement_has_results_and_breakdown(case: duckdb.DuckDBPyConnection) -> None:
    text = statement(case, facts(case, "OP-ORCA"))
    assert "The operation resulted in:" in text
    assert "£20,000 in cash seized" in text and "Class A drugs (crack cocaine) seized" in text
    assert (
        "A 15-year-old boy from Chatham was arrested on suspicion of being concerned in the "
        "supply of Class A drugs." in text
    )
    assert (
        "charged with being concerned in the supply of Class A drugs and money laundering" in text
    )


def test_statement_names_no_one_and_no_address(case: duckdb.DuckDBPyConnection) -> None:
    text = statement(case, facts(case, "OP-ORCA")).lower()
    for name in _private(case, "SELECT name FROM person_records"):
        for word in name.split():
            assert not re.search(rf"\b{re.escape(word)}\b", text), word
    addresses = "SELECT address FROM person_records UNION SELECT address FROM locations"
    for address in _private(case, addresses):
        assert address not in text and address.split(",")[0] not in text, address
    postcodes = "SELECT postcode FROM person_records UNION SELECT postcode FROM locations"
    for postcode in _private(case, postcodes):
        assert postcode not in text and postcode.replace(" ", "") not in text, postcode
    assert not re.search(r"\b[a-z]{1,2}\d[a-z\d]?\s*\d[a-z]{2}\b", text)  # any postcode at all
    places = {"lambeth", "chatham", "gillingham", "medway"}  # the case's home areas: towns
    assert {p for p in places if p in text} == places


def test_places_are_towns_never_streets_or_people() -> None:
    private = {"darren cole", "12 acre lane"}
    assert public_area("Lambeth", private) == "Lambeth"
    assert public_area("12 Acre Lane", private) is None
    assert public_area("Acre Road", private) is None
    assert public_area("SW2 5SG", private) is None
    assert public_area("Darren Cole", private) is None


def test_cli_path_and_ingest_path_give_the_same_statement(tmp_path: Path) -> None:
    ingested = open_store(tmp_path / "a.duckdb")
    load_case(ingested, tmp_path / "in")
    manual = open_store(tmp_path / "b.duckdb")
    load_case(manual, tmp_path / "in2")
    manual.execute("UPDATE arrests SET operation_id = NULL")
    manual.execute("DELETE FROM seizures; DELETE FROM warrants; DELETE FROM safeguarding_actions")
    record.new_operation(manual, "OP-ORCA", None, None, [], [])
    place = record.Place("12 Acre Lane", "SW2 5SG", "Lambeth")
    forces = ["Metropolitan Police Service", "Kent Police"]
    record.add_warrant(manual, "OP-ORCA", "W1", T, place, forces, [], "entry gained")
    record.add_warrant(
        manual, "OP-ORCA", "W2", T, record.Place("3 High Street"), forces[1:], [], None
    )
    for arrest_id, person in (
        ("B1", "arrests:A1"),
        ("B2", "arrests:A2"),
        ("B3", "arrests:A3"),
        ("B4", "arrests:A4"),
    ):
        row = manual.execute(
            "SELECT home_area, force, status, list(code || coalesce(':' || drug_class, '')) "
            "FROM arrests JOIN arrest_offences USING (arrest_id) WHERE arrest_id = ? "
            "GROUP BY ALL",
            ["A" + arrest_id[1]],
        ).fetchall()[0]
        record.add_arrest(manual, "OP-ORCA", arrest_id, person, T, row[3], row[:3], record.Place())
    items = [
        record.Item("cash", value_gbp=20000),
        record.Item("drugs", drug_class="A", drug_type="crack cocaine"),
        record.Item("drugs", drug_class="B", drug_type="cannabis"),
        record.Item("weapon", weapon_type="knife"),
        record.Item("phone"),
    ]
    for i, item in enumerate(items):
        record.add_seizure(manual, "OP-ORCA", f"Z{i}", T, item, None, record.Place())
    record.add_action(manual, "OP-ORCA", "S1", "safeguarding:S1", "identified", T, "Kent Police")
    assert statement(manual, facts(manual, "OP-ORCA")) == statement(
        ingested, facts(ingested, "OP-ORCA")
    )


def test_recording_refuses_bad_input(case: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(NotFoundError):
        record.add_warrant(case, "OP-NONE", "W9", T, record.Place("1 A St"), [], [], None)
    with pytest.raises(InputError):
        record.add_arrest(
            case,
            "OP-ORCA",
            "A1",
            "arrests:A1",
            T,
            ["MDA1971-s4-3-b:A"],
            (None, None, None),
            record.Place(),
        )  # id already used
    with pytest.raises(NotFoundError):
        record.add_arrest(
            case,
            "OP-ORCA",
            "A9",
            "arrests:A1",
            T,
            ["XYZ2000-s1"],
            (None, None, None),
            record.Place(),
        )
    with pytest.raises(InputError):
        record.add_arrest(
            case,
            "OP-ORCA",
            "A9",
            "arrests:A1",
            T,
            ["CJA1988-s139:A"],
            (None, None, None),
            record.Place(),
        )


def test_internal_result_closes_a_line_when_its_holder_is_charged(
    case: duckdb.DuckDBPyConnection,
) -> None:
    case.execute(
        "INSERT INTO lines VALUES ('L1', ['+447700900123'], 'Lambeth', 'Medway', NULL, NULL, 40, "
        "[], 'r'); INSERT INTO person_roles VALUES "
        "('arrests:A1', 'line_holder', 'L1', 0.9, false, [], 'r'), "
        "('arrests:A2', 'runner', 'L1', 0.8, true, [], 'r'), "
        "('arrests:A3', 'runner', 'L1', 0.7, false, [], 'r'), "
        "('someone', 'runner', 'L1', 0.6, false, [], 'r')"
    )
    queue.refresh(case)
    score.score_all(case, HarmSettings(), datetime.now(UTC))
    result = internal(case, "OP-ORCA", "cchi")
    assert result["lines"] == [
        {
            "line_id": "L1",
            "people_before": 4,
            "people_after": 1,
            "closed": True,
            "closure": result["lines"][0]["closure"],
        }
    ]
    assert result["lines_closed"] == 1
    assert set(result["harm_removed"]["people"]) == {"arrests:A1", "arrests:A3", "arrests:A4"}
    assert {p["person_id"] for p in result["safeguarded"]} >= {"arrests:A2"}
