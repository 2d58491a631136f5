"""Ingest: files of every kind into the case store; nothing lost, bad rows quarantined."""

from linewatch.ingest.run import ingest, plan
from linewatch.ingest.summary import Counts, RunSummary

__all__ = ["Counts", "RunSummary", "ingest", "plan"]
