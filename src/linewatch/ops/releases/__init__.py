"""Read police press releases into operation records (spec: shared/spec/release-record.md)."""

from linewatch.ops.releases.reader import read_release, read_releases
from linewatch.ops.releases.record import ReleaseRecord, record_from_dict
from linewatch.ops.releases.scoring import DocumentScore, score_document
from linewatch.ops.releases.table import write_csv

__all__ = [
    "DocumentScore",
    "ReleaseRecord",
    "read_release",
    "read_releases",
    "record_from_dict",
    "score_document",
    "write_csv",
]
