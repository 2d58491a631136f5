"""Phone numbers to E.164: a vectorised SQL fast path for the common UK mobile forms, and the
`phonenumbers` library for every other form; results are cached in the store's number_forms."""

from __future__ import annotations

import re

import duckdb
import phonenumbers

from linewatch.store.sql import number_key_sql

# Characters people and operators put in numbers; anything else means "not a phone number".
_ALLOWED = re.compile(r"^[0-9+()\-\s./]+$")

# SQL for the common UK mobile forms (+447..., 07..., 447..., 00447...), on a digits-only value.
FAST_E164_SQL = """
CASE
  WHEN regexp_full_match({d}, '\\+447[0-9]{{9}}') THEN {d}
  WHEN regexp_full_match({d}, '07[0-9]{{9}}') THEN '+44' || substr({d}, 2)
  WHEN regexp_full_match({d}, '447[0-9]{{9}}') THEN '+' || {d}
  WHEN regexp_full_match({d}, '00447[0-9]{{9}}') THEN '+' || substr({d}, 3)
END"""


def fast_e164_sql(column: str) -> str:
    """SQL giving the E.164 form of `column` for common UK mobile forms, else NULL."""
    digits = f"regexp_replace({column}, '[\\s\\-\\.()/]', '', 'g')"
    return FAST_E164_SQL.format(d=digits)


def to_e164(raw: str, region: str = "GB") -> tuple[str | None, str | None]:
    """(E.164, None) for a phone number in any common form, or (None, reason).

    >>> to_e164("07700 900123")
    ('+447700900123', None)
    >>> to_e164("00447700900123")
    ('+447700900123', None)
    >>> to_e164("banana")[0] is None
    True
    """
    text = raw.strip()
    if not text or not _ALLOWED.match(text):
        return None, f"not a phone number: {raw!r}"
    if text.startswith("00"):
        text = "+" + text[2:].lstrip()
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None, f"not a phone number: {raw!r}"
    if not phonenumbers.is_possible_number(parsed):
        return None, f"not a possible phone number: {raw!r}"
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164), None


def learn_forms(con: duckdb.DuckDBPyConnection, raw_values_sql: str, region: str) -> None:
    """Add every raw number text produced by `raw_values_sql` (one column) to number_forms."""
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _lw_new_forms AS "
        f"SELECT DISTINCT v AS raw FROM ({raw_values_sql}) t(v) WHERE v IS NOT NULL "
        "AND v NOT IN (SELECT raw FROM number_forms)"
    )
    con.execute(
        "INSERT INTO number_forms SELECT raw, e, NULL FROM "
        f"(SELECT raw, {fast_e164_sql('raw')} AS e FROM _lw_new_forms) WHERE e IS NOT NULL"
    )
    rest = con.execute(
        "SELECT raw FROM _lw_new_forms WHERE raw NOT IN (SELECT raw FROM number_forms)"
    ).fetchall()
    if rest:
        import pyarrow as pa  # only here: loading it costs every command's start a quarter second

        results = [(r, *to_e164(r, region)) for (r,) in rest]
        table = pa.table(
            {
                "raw": [r[0] for r in results],
                "e164": [r[1] for r in results],
                "reason": [r[2] for r in results],
            }
        )
        con.register("_lw_slow_forms", table)
        con.execute("INSERT INTO number_forms SELECT * FROM _lw_slow_forms")
        con.unregister("_lw_slow_forms")
    con.execute("DROP TABLE _lw_new_forms")


def map_forms(con: duckdb.DuckDBPyConnection, given_sql: str, region: str, table: str) -> None:
    """Create temp `table` (given, text, num, reason): each distinct number text as written, its
    trimmed text, and its E.164 digits as BIGINT (NULL with a reason when not a number).

    Rows then join on the text exactly as written, so trimming and normalisation run once per
    distinct value; the integer (E.164 always starts '+' then a non-zero digit, so it is
    lossless) groups and joins faster than a 13-byte string, which DuckDB cannot inline. Forms
    the SQL fast path reads are recomputed, not cached: that is cheaper than adding them to
    number_forms' key index; only the `phonenumbers` results are worth keeping there.
    """
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT given, text, {fast_e164_sql('text')} AS e "
        "FROM (SELECT given, nullif(trim(given), '') AS text "
        f"FROM (SELECT DISTINCT v AS given FROM ({given_sql}) t(v) WHERE v IS NOT NULL))"
    )
    learn_forms(con, f"SELECT text FROM {table} WHERE e IS NULL", region)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT f.given, f.text, "
        f"{number_key_sql('coalesce(f.e, n.e164)')} AS num, n.reason "
        f"FROM {table} f LEFT JOIN number_forms n ON f.e IS NULL AND n.raw = f.text"
    )
