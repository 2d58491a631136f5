"""Press-release reader: document-level field score on real UK police statements.

The statements' text is third-party material and is not in the repository. Only each statement's
address, the day it was read and a hand-written expected record are
(`tests/fixtures/releases/real/expected.json`). Put the texts as `<id>.txt` in the folder named by
`RELEASES_REAL_DIR` (default `/tmp/real_releases`); without that folder this prints how to get
them and returns.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from linewatch.ops.releases import DocumentScore, read_release, record_from_dict, score_document
from linewatch.ops.releases.scoring import FIELDS

REPO = Path(__file__).resolve().parents[1]
EXPECTED = REPO / "tests" / "fixtures" / "releases" / "real" / "expected.json"
DEFAULT_DIR = "/tmp/real_releases"
SETS = ("development", "held-out")


def _absent(folder: Path, entries: dict[str, Any]) -> None:
    """Explain that the texts are not in the repository and where to read them."""
    print(f"real statements: {folder} is absent.")
    print("The statements' text is third-party material and is not kept in the repository.")
    print(f"Save each release body as {folder}/<id>.txt (or set RELEASES_REAL_DIR) from:")
    for name, entry in entries.items():
        print(f"  {name}: {entry['url']}")


def _row(name: str, score: DocumentScore) -> str:
    """One markdown row: the document score, then each field."""
    cells = [f"{score.score:.3f}", *(f"{score.fields[f]:.2f}" for f in FIELDS)]
    return f"| {name} | " + " | ".join(cells) + " |"


def _mean(scored: list[tuple[str, DocumentScore]]) -> float:
    """The mean document score of a set."""
    return sum(s.score for _, s in scored) / len(scored)


def score_all(folder: Path, entries: dict[str, Any]) -> dict[str, DocumentScore]:
    """Every statement found in the folder scored against its expected record."""
    scored = {}
    for name, entry in entries.items():
        text = folder / f"{name}.txt"
        if not text.exists():
            print(f"missing: {text} ({entry['url']})")
            continue
        expected = record_from_dict(entry["expected"])
        scored[name] = score_document(expected, read_release(text.read_text("utf-8")))
    return scored


def report(scored: dict[str, DocumentScore], entries: dict[str, Any]) -> None:
    """Print the per-statement table, the mean of all and the mean of each set."""
    print("| statement | score | " + " | ".join(FIELDS) + " |")
    print("|" + "---|" * (len(FIELDS) + 2))
    for name, score in scored.items():
        print(_row(name, score))
    print(f"all: {len(scored)} statements, mean document score {_mean(list(scored.items())):.3f}")
    for label in SETS:
        part = [(n, s) for n, s in scored.items() if entries[n]["set"] == label]
        if part:
            print(f"{label}: {len(part)} statements, mean document score {_mean(part):.3f}")


def main() -> None:
    """Score the real statements when their texts are present; explain how to get them otherwise."""
    entries: dict[str, Any] = json.loads(EXPECTED.read_text("utf-8"))
    folder = Path(os.environ.get("RELEASES_REAL_DIR", DEFAULT_DIR))
    if not folder.is_dir():
        _absent(folder, entries)
        return
    scored = score_all(folder, entries)
    if scored:
        report(scored, entries)


if __name__ == "__main__":
    main()
