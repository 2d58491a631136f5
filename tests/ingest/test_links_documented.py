"""The link types ingest writes are exactly those docs/architecture.md lists under "Links"."""

from __future__ import annotations

from pathlib import Path

import duckdb

from linewatch.ingest import ingest

from .helpers import rows
from .kind_rows import GOOD, table

ARCHITECTURE = Path(__file__).resolve().parents[2] / "docs" / "architecture.md"


def documented_links() -> set[tuple[str, str, str]]:
    """(from, rel, to) for each row of the Links table (a `to` cell may list several types)."""
    text = ARCHITECTURE.read_text(encoding="utf-8").split("## Links", 1)[1]
    found = set()
    for line in text.splitlines():
        cells = [c.strip().strip("`") for c in line.strip("|").split("|")]
        if len(cells) == 4 and cells[1] and cells[0] not in ("from", "---"):
            found |= {(cells[0], cells[1], to.strip()) for to in cells[2].split(",")}
    return found


def test_every_link_written_is_documented(store: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    for kind, (good, _) in GOOD.items():
        table(tmp_path / f"{kind}.csv", kind, good)
    ingest(store, [tmp_path])
    written = set(rows(store, "SELECT DISTINCT src_type, rel, dst_type FROM links"))
    assert written == documented_links()  # all written are documented, and none documented is stale
