"""Timestamps in SQL: ISO 8601 with offset or Z, naive times in a local zone, DST gaps refused.

The session's TimeZone is the local zone (Europe/London by default), so casting a naive time to
TIMESTAMPTZ reads it as local time. A naive time inside the spring-forward gap does not exist:
DuckDB would silently move it an hour on, so it is detected by the round trip and refused. An
ambiguous time (autumn fall-back) is read as the later, GMT, occurrence, as DuckDB's ICU does.
"""

from __future__ import annotations

from linewatch.store.sql import literal

_OFFSET = "'([zZ]|[+-][0-9]{2}(:?[0-9]{2})?)$'"


def parse_sql(
    column: str, column_type: str, fmt: str | None = None, zone: str | None = None
) -> str:
    """SQL for the TIMESTAMPTZ of `column` (NULL when it cannot be read or does not exist)."""
    upper = column_type.upper()
    if upper.startswith("TIMESTAMP WITH TIME ZONE") or upper == "TIMESTAMPTZ":
        return column
    if upper.startswith("TIMESTAMP") or upper == "DATE":
        naive = f"CAST({column} AS TIMESTAMP)"
        return _local(naive, zone)
    text = f"trim(CAST({column} AS VARCHAR))"
    if fmt is not None:
        return _local(f"try_strptime({text}, {literal(fmt)})", zone)
    aware = f"TRY_CAST({text} AS TIMESTAMPTZ)"
    naive = f"TRY_CAST({text} AS TIMESTAMP)"
    if zone is not None:
        return (
            f"CASE WHEN regexp_matches({text}, {_OFFSET}) THEN {aware} "
            f"ELSE {_local(naive, zone)} END"
        )
    return (
        f"CASE WHEN regexp_matches({text}, {_OFFSET}) THEN {aware} "
        f"WHEN CAST({aware} AS TIMESTAMP) = {naive} THEN {aware} END"
    )


def _local(naive: str, zone: str | None) -> str:
    """A naive TIMESTAMP read in `zone` (the session zone when None), NULL in a DST gap."""
    if zone is None:
        aware = f"CAST({naive} AS TIMESTAMPTZ)"
        return f"CASE WHEN CAST({aware} AS TIMESTAMP) = {naive} THEN {aware} END"
    aware = f"timezone({literal(zone)}, {naive})"
    back = f"timezone({literal(zone)}, {aware})"
    return f"CASE WHEN {back} = {naive} THEN {aware} END"
