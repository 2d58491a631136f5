"""Addresses as locations: a normalised key (one `locations` row per key), postcodes as `ME4 4XX`.

The key is the address in upper case with whitespace collapsed and commas spaced `, `, followed by
the normalised postcode when one is given and the address does not already end with it. Two
spellings of one place that differ otherwise ("Rd" and "Road") stay two locations: resolving
those is entity resolution's job, not ingest's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from linewatch.ingest.context import FileContext
from linewatch.ingest.flow import CHECKED, NEW

# A UK postcode without its space: outward code (area, district) then inward code (sector, unit).
POSTCODE = "[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}"


def postcode_sql(text: str) -> str:
    """SQL for a UK postcode in its standard form (`me44xx` -> `ME4 4XX`), else NULL."""
    packed = f"upper(regexp_replace({text}, '\\s', '', 'g'))"
    spaced = f"left({packed}, length({packed}) - 3) || ' ' || right({packed}, 3)"
    return f"CASE WHEN regexp_full_match({packed}, '{POSTCODE}') THEN {spaced} END"


def key_sql(address: str, postcode: str = "NULL") -> str:
    """SQL for the location key of an address (trimmed text) and a normalised postcode."""
    spaced = f"regexp_replace(regexp_replace({address}, '\\s+', ' ', 'g'), ' ?, ?', ', ', 'g')"
    text = f"upper(trim(regexp_replace({spaced}, '(^[, ]+)|([, ]+$)', '', 'g')))"
    has_pc = f"replace({text}, ' ', '') LIKE '%' || replace({postcode}, ' ', '')"
    return (
        f"CASE WHEN {address} IS NULL THEN NULL "
        f"WHEN {postcode} IS NULL OR {has_pc} THEN {text} "
        f"ELSE {text} || ', ' || {postcode} END"
    )


@dataclass(frozen=True)
class Place:
    """Columns of the checked table that describe one address: key, as written, postcode, town."""

    key: str
    address: str
    postcode: str = "NULL"
    town: str = "NULL"


def store_locations(ctx: FileContext, places: Sequence[Place]) -> None:
    """Add a location for each new key the new rows mention (the first line's spelling kept)."""
    union = " UNION ALL ".join(
        f"SELECT {p.key} AS k, {p.address} AS a, {p.postcode} AS pc, {p.town} AS t, _line "
        f"FROM {CHECKED} WHERE {NEW} AND {p.key} IS NOT NULL"
        for p in places
    )
    ctx.con.execute(
        f"""INSERT INTO locations
        SELECT k, arg_min(a, _line), arg_min(pc, _line), arg_min(t, _line), ?, min(_line), ?
        FROM ({union}) m
        WHERE NOT EXISTS (SELECT 1 FROM locations l WHERE l.location_id = m.k)
        GROUP BY k""",
        [ctx.path, ctx.run_id],
    )
