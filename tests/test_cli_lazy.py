"""The command line imports only the named command's stage; the table of stages stays true."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import typer
import typer.main

from linewatch.commands import MODULES, command_of


def _names(module: str) -> set[str]:
    """The top-level command names a commands module registers."""
    app = typer.Typer()
    app.callback()(lambda: None)
    importlib.import_module(f"linewatch.commands.{module}").register(app)
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    return set(group.commands)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_each_stage_registers_exactly_the_commands_listed(module: str) -> None:
    assert _names(module) == set(MODULES[module])


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["--db", "ingest", "analyse"], "analyse"),
        (["--db=x.duckdb", "ingest", "a.csv"], "ingest"),
        (["--help"], None),
        ([], None),
    ],
)
def test_the_command_is_the_first_word_that_is_not_a_root_option(
    argv: list[str], command: str | None
) -> None:
    assert command_of(argv) == command


def test_ingest_does_not_import_the_analysis_stages() -> None:
    code = (
        "import sys; sys.argv = ['linewatch', 'ingest', '--help']\n"
        "from linewatch.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('spacy', 'networkit', 'splink') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_ingesting_parquet_records_does_not_load_pyarrow(tmp_path: Path) -> None:
    """pyarrow (with numpy) took a quarter second of every start; only CSV staging needs it."""
    records = tmp_path / "records.parquet"
    duckdb.execute(
        f"COPY (SELECT '07700900001' AS target, TIMESTAMP '2024-01-01 10:00' AS timestamp, "
        "'sms' AS type, '07700900001' AS caller, '07700900002' AS callee) "
        f"TO '{records}' (FORMAT parquet)"
    )
    code = (
        "import sys\n"
        f"sys.argv = ['linewatch', '--db', {str(tmp_path / 'case.duckdb')!r}, 'ingest', "
        f"'--json', {str(records)!r}]\n"
        "from linewatch.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('pyarrow' in sys.modules, 'numpy' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    *summary, loaded = done.stdout.strip().splitlines()
    assert json.loads("\n".join(summary))["stored"] == 1
    assert loaded == "False False"
