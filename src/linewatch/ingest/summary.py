"""Counts of what an ingest run did: read = stored + duplicates + quarantined, per kind."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Counts:
    """Rows read, stored as new, found duplicate, and quarantined."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    quarantined: int = 0

    def add(self, other: Counts) -> None:
        """Accumulate another count into this one."""
        self.read += other.read
        self.stored += other.stored
        self.duplicates += other.duplicates
        self.quarantined += other.quarantined

    def as_dict(self) -> dict[str, int]:
        """The four counts as a JSON-ready mapping."""
        return {
            "read": self.read,
            "stored": self.stored,
            "duplicates": self.duplicates,
            "quarantined": self.quarantined,
        }


@dataclass
class RunSummary:
    """What one `linewatch ingest` run did, in total and per kind and file."""

    run_id: str
    total: Counts = field(default_factory=Counts)
    by_kind: dict[str, Counts] = field(default_factory=dict)
    files: list[tuple[str, str, Counts]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why) not loaded

    def add_file(self, path: str, kind: str, counts: Counts) -> None:
        """Record one file's counts."""
        self.files.append((path, kind, counts))
        self.by_kind.setdefault(kind, Counts()).add(counts)
        self.total.add(counts)

    def as_dict(self) -> dict[str, object]:
        """The `--json` shape: totals, `by_kind`, the run id, each file's counts, files skipped."""
        return {
            **self.total.as_dict(),
            "by_kind": {k: c.as_dict() for k, c in sorted(self.by_kind.items())},
            "run_id": self.run_id,
            "files": [
                {"file": path, "kind": kind, **counts.as_dict()}
                for path, kind, counts in self.files
            ],
            "skipped": [{"file": path, "reason": why} for path, why in self.skipped],
        }
