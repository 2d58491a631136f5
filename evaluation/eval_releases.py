"""Press-release reader: document-level field score on the development and held-out statements.

Writes the per-document table into docs/releases.md between the eval markers.
"""

from __future__ import annotations

import json
from pathlib import Path

from linewatch.ops.releases import DocumentScore, read_release, record_from_dict, score_document
from linewatch.ops.releases.scoring import FIELDS

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "releases"
DOCS = REPO / "docs" / "releases.md"
START, END = "<!-- eval:releases:start -->", "<!-- eval:releases:end -->"
SETS = {"dev": "development (the reader was tuned on these)", "heldout": "held-out"}


def score_set(folder: Path) -> list[tuple[str, DocumentScore]]:
    """Each statement in a folder scored against its hand-written expected record."""
    scored = []
    for text in sorted(folder.glob("*.txt")):
        expected = record_from_dict(json.loads(text.with_suffix(".json").read_text("utf-8")))
        scored.append((text.stem, score_document(expected, read_release(text.read_text("utf-8")))))
    return scored


def _table(scored: list[tuple[str, DocumentScore]]) -> list[str]:
    """Markdown rows: one per statement, then the mean of each field."""
    head = ["statement", "score", *FIELDS]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for name, score in scored:
        cells = [f"{score.score:.3f}", *(f"{score.fields[f]:.2f}" for f in FIELDS)]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    means = [sum(s.fields[f] for _, s in scored) / len(scored) for f in FIELDS]
    overall = sum(s.score for _, s in scored) / len(scored)
    lines.append(
        f"| **mean** | **{overall:.3f}** | " + " | ".join(f"{m:.2f}" for m in means) + " |"
    )
    return lines


def report() -> str:
    """The markdown section for both sets."""
    parts = []
    for folder, label in SETS.items():
        scored = score_set(FIXTURES / folder)
        mean = sum(s.score for _, s in scored) / len(scored)
        parts += [
            f"**{label}**: {len(scored)} statements, mean {mean:.3f}",
            "",
            *_table(scored),
            "",
        ]
        print(f"{folder}: {len(scored)} statements, mean document score {mean:.3f}")
    return "\n".join(parts)


def main() -> None:
    """Score both sets and write the table into docs/releases.md."""
    text = DOCS.read_text("utf-8")
    before, rest = text.split(START, 1)
    after = rest.split(END, 1)[1]
    DOCS.write_text(f"{before}{START}\n{report()}\n{END}{after}", "utf-8")


if __name__ == "__main__":
    main()
