"""Finding input files, reading their columns, and staging their rows with line numbers."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from linewatch.errors import InputError
from linewatch.ingest.kinds import normalise_columns
from linewatch.store.sql import ident, literal

if TYPE_CHECKING:
    import pyarrow as pa

CSV_SUFFIXES = {".csv", ".tsv", ".txt"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
BATCH_ROWS = 65_536
STAGE_META = ("_line", "_reason", "_field", "_raw")


@dataclass(frozen=True)
class SourceFile:
    """An input file: its path, format and (normalised) column names."""

    path: Path
    fmt: str  # csv | parquet
    columns: tuple[str, ...]
    delimiter: str = ","


def discover(paths: Sequence[Path]) -> list[tuple[Path, bool]]:
    """CSV and Parquet files under the given paths (recursively, sorted), each with whether it
    was named explicitly (True) or found in a folder (False). Hidden files and folders are skipped.
    """
    found: list[tuple[Path, bool]] = []
    for path in paths:
        if not path.exists():
            raise InputError("no such file or folder", file=str(path))
        if path.is_file():
            if path.suffix.lower() not in CSV_SUFFIXES | PARQUET_SUFFIXES:
                raise InputError("not a CSV or Parquet file", file=str(path))
            found.append((path, True))
            continue
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if any(part.startswith(".") for part in child.relative_to(path).parts):
                continue
            if child.suffix.lower() in CSV_SUFFIXES | PARQUET_SUFFIXES:
                found.append((child, False))
    return found


def open_source(path: Path, delimiter: str | None = None) -> SourceFile:
    """Read a file's header (CSV) or schema (Parquet)."""
    if path.suffix.lower() in PARQUET_SUFFIXES:
        names = _parquet_columns(path)
        return SourceFile(path, "parquet", tuple(normalise_columns(names)))
    delim = delimiter or ("\t" if path.suffix.lower() == ".tsv" else ",")
    with _text(path) as handle:
        header = next(csv.reader(handle, delimiter=delim), None)
    if not header:
        raise InputError("empty file: expected a header row", file=str(path), line=1)
    if any("\udc80" <= ch <= "\udcff" for ch in "".join(header)):
        raise InputError("header is not valid UTF-8", file=str(path), line=1)
    names = normalise_columns(header)
    repeated = sorted({c for c in names if names.count(c) > 1})
    if repeated:
        raise InputError(f"column(s) named twice: {', '.join(repeated)}", file=str(path), line=1)
    return SourceFile(path, "csv", tuple(names), delim)


def _text(path: Path) -> io.TextIOWrapper:
    """The file as text: UTF-8 (BOM allowed); undecodable bytes kept as surrogates to report."""
    return open(path, newline="", encoding="utf-8-sig", errors="surrogateescape")


def _bad_text(value: str) -> str | None:
    """Why a CSV field cannot be stored as text, or None."""
    if "\x00" in value:
        return "contains a NUL byte"
    if any("\udc80" <= ch <= "\udcff" for ch in value):
        return "is not valid UTF-8"
    return None


def _parquet_columns(path: Path) -> list[str]:
    """A Parquet file's column names, as written (read by DuckDB from the file's footer)."""
    try:
        rows = duckdb.execute("DESCRIBE SELECT * FROM read_parquet(?)", [str(path)]).fetchall()
    except duckdb.Error as exc:
        why = str(exc).splitlines()[0]  # DuckDB adds the query and a caret below
        raise InputError(f"not a readable Parquet file: {why}", file=str(path)) from exc
    return [str(r[0]) for r in rows]


def _row_batches(src: SourceFile) -> Iterator[pa.RecordBatch]:
    """Stream a CSV as Arrow batches of text columns plus line number and structural faults."""
    width = len(src.columns)
    names = [*STAGE_META, *src.columns]
    cols: list[list[object]] = [[] for _ in names]
    with _text(src.path) as handle:
        reader = csv.reader(handle, delimiter=src.delimiter)
        next(reader, None)
        start = 2
        for row in reader:
            line, start = start, reader.line_num + 1
            reason = field = None
            if len(row) != width:
                reason = f"expected {width} columns, found {len(row)}"
            else:
                for name, value in zip(src.columns, row, strict=True):
                    if (why := _bad_text(value)) is not None:
                        reason, field = f"{name} {why}", name
                        break
            bad = reason is not None
            raw = src.delimiter.join(row).encode("utf-8", "replace").decode() if bad else None
            meta: list[object] = [line, reason, field, raw]
            values: list[object] = [None] * width if bad else [v if v != "" else None for v in row]
            for column, cell in zip(cols, meta + values, strict=True):
                column.append(cell)
            if len(cols[0]) >= BATCH_ROWS:
                yield _batch(names, cols)
                cols = [[] for _ in names]
    if cols[0]:
        yield _batch(names, cols)


def _batch(names: list[str], cols: list[list[object]]) -> pa.RecordBatch:
    """An Arrow batch of the staged columns (line as int64, everything else text).

    pyarrow is imported here, not with the module: only CSV staging needs it, and loading it
    (with numpy) took a quarter of a second of every command's start."""
    import pyarrow as pa

    arrays = [pa.array(cols[0], pa.int64())] + [pa.array(c, pa.string()) for c in cols[1:]]
    return pa.RecordBatch.from_arrays(arrays, names=names)


def stage(con: duckdb.DuckDBPyConnection, src: SourceFile, name: str) -> str:
    """Make `name` a relation of the file's rows: _line, _reason, _field, _raw, then its columns."""
    drop_stage(con, name)
    if src.fmt == "parquet":
        raw_names = _parquet_columns(src.path)
        cols = ", ".join(
            f"{ident(orig)} AS {ident(norm)}"
            for orig, norm in zip(raw_names, src.columns, strict=True)
        )
        con.execute(
            f"CREATE TEMP VIEW {ident(name)} AS SELECT file_row_number + 1 AS _line, "
            "NULL::VARCHAR AS _reason, NULL::VARCHAR AS _field, NULL::VARCHAR AS _raw, "
            f"{cols} FROM read_parquet({literal(str(src.path))}, file_row_number = true)"
        )
        return name
    rows = ident(name + "_rows")
    columns = ", ".join(f"{ident(c)} VARCHAR" for c in src.columns)
    con.execute(
        f"CREATE TEMP TABLE {rows} (_line BIGINT, _reason VARCHAR, _field VARCHAR, "
        f"_raw VARCHAR, {columns})"
    )
    for batch in _row_batches(src):
        con.register("_lw_batch", batch)
        con.execute(f"INSERT INTO {rows} SELECT * FROM _lw_batch")
        con.unregister("_lw_batch")
    con.execute(f"CREATE TEMP VIEW {ident(name)} AS SELECT * FROM {rows}")
    return name


def drop_stage(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Remove a staged relation and its rows."""
    con.execute(f"DROP VIEW IF EXISTS {ident(name)}")
    con.execute(f"DROP TABLE IF EXISTS {ident(name + '_rows')}")
