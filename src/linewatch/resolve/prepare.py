"""The linking input: person records parsed into comparable parts, with term frequencies.

Names arrive as "Kyle J. Brown", "BROWN, Kyle" or "KB": they are split into a given name,
a surname, a nickname key and initials. Term frequencies (how common a surname or a number is)
let a shared burner or a common name count for less than a rare one.
"""

from __future__ import annotations

import duckdb

from linewatch.resolve import nicknames

INPUT = "er_input"
# Columns whose term frequency adjusts the match weight of an exact agreement.
TF_COLUMNS = ("surname", "full_name", "postcode", "number")
TF_FLOOR = 20_000
# A full name with at most this many birth years is "rare": it alone may link two records
# (chosen on simulator seeds 3 and 4: with 1, a person's records without a date of birth stayed
# apart from him whenever one other person in the store shared his name).
NAME_BEARERS = 2
_ABBREVIATIONS = (
    ("road", "rd"),
    ("street", "st"),
    ("avenue", "ave"),
    ("lane", "ln"),
    ("close", "cl"),
    ("drive", "dr"),
    ("court", "ct"),
    ("place", "pl"),
    ("crescent", "cres"),
)
# A capitalised surname of three or more letters; "JD James" is initials and a surname.
_CAPS_FIRST = "[A-Z][A-Z''-]{2,} [A-Z][a-z].*"
_POSTCODE = "[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}"
_NAME_ONLY = "dob IS NULL AND address IS NULL AND postcode IS NULL AND number IS NULL"


def load_nicknames(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create the temporary nickname table the name parsing joins."""
    con.execute("CREATE OR REPLACE TEMP TABLE er_nicknames (name VARCHAR PRIMARY KEY, key VARCHAR)")
    con.executemany("INSERT INTO er_nicknames VALUES (?, ?)", nicknames.rows())


def _address_sql(col: str) -> str:
    """SQL for an address in lower case, punctuation dropped, street types abbreviated."""
    no_postcode = f"regexp_replace({col}, '{_POSTCODE}', '', 'gi')"
    text = f"lower(regexp_replace({no_postcode}, '[^A-Za-z0-9 ]', ' ', 'g'))"
    for long, short in _ABBREVIATIONS:
        text = f"regexp_replace({text}, '\\b{long}\\b', '{short}', 'g')"
    return f"nullif(trim(regexp_replace({text}, '\\s+', ' ', 'g')), '')"


def parsed_sql(source: str) -> str:
    """SQL parsing each record of `source` (person_records columns) into comparable parts."""
    # "WATSON Henry": a surname written first in capitals goes last, as after a comma.
    caps_first = f"regexp_full_match(coalesce(name, ''), '{_CAPS_FIRST}')"
    swapped = "regexp_replace(name, '^([^ ]+) (.*)$', '\\1, \\2')"
    raw = f"CASE WHEN {caps_first} THEN {swapped} ELSE name END"
    cleaned = f"lower(regexp_replace(coalesce({raw}, ''), '[^A-Za-z, -]', '', 'g'))"
    ordered = (
        f"CASE WHEN strpos({cleaned}, ',') > 0 THEN split_part({cleaned}, ',', 2) || ' ' || "
        f"split_part({cleaned}, ',', 1) ELSE {cleaned} END"
    )
    return f"""
    WITH t AS (
        SELECT record_id, name, dob, address, postcode, number,
            list_filter(string_split(trim({ordered}), ' '), lambda x: x <> '') AS toks,
            regexp_full_match(coalesce(name, ''), '[A-Z]{{2,3}}') AS is_initials
        FROM {source}
    ), p AS (
        SELECT *,
            CASE WHEN NOT is_initials AND len(toks) >= 1 THEN toks[1] END AS given,
            CASE WHEN NOT is_initials AND len(toks) >= 2 THEN toks[-1] END AS surname
        FROM t
    )
    SELECT p.record_id, p.given, p.surname,
        coalesce(n.key, p.given) AS given_key,
        CASE WHEN p.is_initials THEN left(lower(p.name), 1) || right(lower(p.name), 1)
             WHEN p.surname IS NOT NULL THEN left(p.given, 1) || left(p.surname, 1) END
             AS initials,
        CASE WHEN p.is_initials THEN left(lower(p.name), 1) ELSE left(p.given, 1) END AS given1,
        CASE WHEN p.surname IS NOT NULL THEN coalesce(n.key, p.given) || ' ' || p.surname END
             AS full_name,
        p.dob, strftime(p.dob, '%Y%m%d') AS dob_s,
        year(p.dob) * 10000 + least(month(p.dob), day(p.dob)) * 100
            + greatest(month(p.dob), day(p.dob)) AS dob_key,
        {_address_sql("p.address")} AS address,
        regexp_extract({_address_sql("p.address")}, '^((flat [0-9]+[a-z]? )?[0-9]+[a-z]?) ', 1)
            AS house,
        nullif(replace(coalesce(upper(p.postcode),
            regexp_extract(upper(p.address), '{_POSTCODE}')), ' ', ''), '') AS postcode,
        p.number,
        nullif(array_to_string(list_sort(list_distinct(string_split(p.surname, ''))), ''), '')
            AS surname_letters,
        nullif(regexp_replace(p.surname, '[aeiouy]', '', 'g'), '') AS surname_skeleton
    FROM p LEFT JOIN er_nicknames n ON n.name = p.given
    """


def tf_table(col: str) -> str:
    """Name of the temporary term-frequency table of `col`."""
    return f"er_tf_{col}"


def _build_tf(con: duckdb.DuckDBPyConnection, col: str) -> None:
    """Share of values of `col` equal to each value (Splink's term frequency).

    Values are counted once per date of birth, so that one person's many records do not make
    their own name look common; the total is floored at TF_FLOOR so that a small store does
    not make every value look common.
    """
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE {tf_table(col)} AS
        SELECT {col}, n / greatest(sum(n) OVER (), {TF_FLOOR}) AS tf_{col}
        FROM (SELECT {col}, count(DISTINCT coalesce(dob_s, '')) AS n FROM {INPUT}
              WHERE {col} IS NOT NULL GROUP BY {col})"""
    )


def build_input(con: duckdb.DuckDBPyConnection, source: str = "person_records") -> int:
    """Create the temporary linking input from `source`; returns its number of records."""
    load_nicknames(con)
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE {INPUT} AS
        SELECT * EXCLUDE (house), nullif(house, '') AS house_no,
            count(DISTINCT year(dob)) OVER (PARTITION BY full_name) <= {NAME_BEARERS}
                AS name_rare,
            -- a record with a name and nothing else, and such a record whose name no record
            -- with other fields bears (see model.SAME_OR_SLIPPED)
            {_NAME_ONLY} AS name_only,
            {_NAME_ONLY} AND bool_and({_NAME_ONLY}) OVER (PARTITION BY full_name) AS lone_name,
            -- given name and the first or last three letters of the surname, for blocking a
            -- name alone against a surname with one letter dropped or added
            given_key || ' ' || left(surname, 3) AS name_head,
            given_key || ' ' || right(surname, 3) AS name_tail,
            CASE WHEN {_NAME_ONLY} THEN given_key || ' ' || left(surname, 3) END AS alone_head,
            CASE WHEN {_NAME_ONLY} THEN given_key || ' ' || right(surname, 3) END AS alone_tail,
            CASE WHEN postcode IS NOT NULL THEN left(postcode, length(postcode) - 2) END AS sector,
            CASE WHEN surname IS NULL AND given IS NOT NULL THEN postcode END AS solo_postcode,
            -- the date of birth of a single name, for blocking on the day before and after
            CASE WHEN surname IS NULL AND given IS NOT NULL THEN dob END AS solo_dob,
            -- the address of a partial name (a single name, an initial), for blocking on it
            CASE WHEN (surname IS NULL OR length(given) = 1) AND given1 IS NOT NULL
                 AND house IS NOT NULL AND house <> '' THEN address END AS partial_address
        FROM ({parsed_sql(source)}) q"""
    )
    for col in TF_COLUMNS:
        _build_tf(con, col)
    return int(con.execute(f"SELECT count(*) FROM {INPUT}").fetchall()[0][0])
