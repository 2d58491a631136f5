"""One ingest run: every file staged, checked and stored inside a single transaction."""

from __future__ import annotations

import importlib
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from linewatch.errors import InputError, StoreError
from linewatch.ingest import kinds, profiles
from linewatch.ingest.checks import column_types
from linewatch.ingest.context import FileContext, Layout
from linewatch.ingest.sources import SourceFile, discover, drop_stage, open_source, stage
from linewatch.ingest.summary import Counts, RunSummary
from linewatch.store import transaction
from linewatch.store.failpoints import failpoint

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Planned:
    """A file with the kind and layout it will be loaded as."""

    source: SourceFile
    kind: kinds.KindSpec
    layout: Layout


def plan(
    paths: Sequence[Path], kind: str | None = None, profile: str | None = None
) -> tuple[list[Planned], list[tuple[str, str]]]:
    """Recognise every file's kind (or apply --kind / --profile); load order: cells first.

    A file found in a folder whose kind cannot be recognised is skipped and reported (path,
    reason); a file named explicitly must be recognised.
    """
    layout, delimiter = Layout(), None
    if profile is not None:
        layout, profile_kind, delimiter = profiles.load(profile)
        kind = kind or profile_kind
    planned, skipped = [], []
    for path, explicit in discover(paths):
        src = open_source(path, delimiter)
        try:
            spec = kinds.get(kind) if kind else kinds.detect_kind(src.columns, str(path))
        except InputError as exc:
            if explicit:
                raise
            skipped.append((str(path), exc.detail))
            continue
        _require(spec, src, layout)
        planned.append(Planned(src, spec, layout))
    planned.sort(key=lambda p: (p.kind.order, str(p.source.path)))
    return planned, skipped


def _require(spec: kinds.KindSpec, src: SourceFile, layout: Layout) -> None:
    """Refuse a file that lacks a column its kind needs."""
    needed = list(spec.required)
    if layout.direction:
        needed = [c for c in needed if c not in ("caller", "callee")] + ["direction", "other_party"]
    missing = [c for c in needed if layout.source(c) not in src.columns]
    if missing:
        names = ", ".join(layout.source(c) for c in missing)
        raise InputError(f"missing column(s) for kind '{spec.name}': {names}", file=str(src.path))
    refused = [c for c in src.columns if c in spec.refused]
    if refused:
        raise InputError(
            f"refused: column(s) {', '.join(refused)} could identify a person who gave "
            "information anonymously; remove them before ingest",
            file=str(src.path),
            line=1,
        )


def ingest(
    con: duckdb.DuckDBPyConnection,
    paths: Sequence[Path],
    *,
    kind: str | None = None,
    profile: str | None = None,
    region: str = "GB",
    progress: Progress | None = None,
) -> RunSummary:
    """Ingest files and folders into the store; all of it is stored, or none of it."""
    planned, skipped = plan(paths, kind, profile)
    run_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
    summary = RunSummary(run_id, skipped=skipped)
    try:
        with transaction(con):
            con.execute(
                "INSERT INTO ingest_runs VALUES (?, now(), NULL, ?, NULL)",
                [run_id, [str(p) for p in paths]],
            )
            for index, item in enumerate(planned):
                if progress is not None:
                    progress(str(item.source.path), index, len(planned))
                counts = _load_file(con, item, run_id, region)
                failpoint(f"ingest-after-file-{index}")
                summary.add_file(str(item.source.path), item.kind.name, counts)
            con.execute(
                "UPDATE ingest_runs SET finished_at = now(), summary = ? WHERE run_id = ?",
                [json.dumps(summary.as_dict()), run_id],
            )
            failpoint("ingest-before-commit")
    except duckdb.Error as exc:
        raise StoreError(f"ingest failed, store left as it was: {exc}") from exc
    if progress is not None:
        progress("", len(planned), len(planned))
    return summary


def _load_file(con: duckdb.DuckDBPyConnection, item: Planned, run_id: str, region: str) -> Counts:
    """Stage one file and hand it to its kind's loader."""
    name = stage(con, item.source, "_lw_stage")
    ctx = FileContext(
        con=con,
        run_id=run_id,
        path=str(item.source.path),
        stage=name,
        types=column_types(con, name),
        layout=item.layout,
        region=region,
    )
    failpoint("ingest-after-stage")
    loader = importlib.import_module(item.kind.loader)
    counts: Counts = loader.ingest(ctx)
    con.execute(
        "INSERT INTO source_files VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            run_id,
            ctx.path,
            item.kind.name,
            item.layout.name,
            counts.read,
            counts.stored,
            counts.duplicates,
            counts.quarantined,
        ],
    )
    drop_stage(con, name)
    return counts
