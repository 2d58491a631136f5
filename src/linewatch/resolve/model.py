"""The linking model as data: blocking rules and comparisons, with prior m/u parameters.

Each comparison is a list of levels (SQL condition, label, prior m, prior u, tf column). EM
re-estimates m and u from the data; the priors are used as they are when a store is too small
to train on. See docs/resolution.md for why each level exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

UNIQUE_ID = "record_id"
# A pair at or above this probability is a link the clustering may use (chosen on FEBRL 1/2).
LINK_PROBABILITY = 0.5
# A link this certain may join records whose dates of birth disagree (chosen on FEBRL 1/2).
STRONG_PROBABILITY = 0.95
# Pairs below this probability are not stored (never shown, never linked).
STORE_PROBABILITY = 0.05
PRIOR_MATCH_PROBABILITY = 0.0005


@dataclass(frozen=True)
class Level:
    """One comparison level: when it applies, what it is called, and its prior parameters."""

    sql: str
    label: str
    m: float
    u: float
    tf: str | None = None
    fixed_u: bool = False


def _both(col: str) -> str:
    return f"({col}_l IS NOT NULL AND {col}_r IS NOT NULL)"


def _jw(col: str, at: float) -> str:
    return f"jaro_winkler_similarity({col}_l, {col}_r) >= {at}"


# A full name (not an initial) that the store knows with two birth years at most: its u is fixed
# so that the name alone links (a record with a name and nothing else joins the person of that
# name; of two namesakes, the clustering picks the one it links to most), while any disagreeing
# field (another address, date of birth) keeps it apart. On a record that carries the name alone,
# a surname with two neighbouring letters swapped ("JENIKNS Connor", "Bradley Poewll") counts as
# the same name; where both records carried other fields, the swaps this added on development
# seeds 3 and 7 were mostly two people ("Jordan Admas" and "Jordan Adams"). One letter dropped or
# added ("Alice Wellls", "Matthew Muphy") counts only when no record with other fields bears the
# name alone: it often gives another real surname ("Marcus Davies" against a subscriber Marcus
# Davis, development seed 8).
SAME_OR_SLIPPED = (
    "full_name_l = full_name_r OR (given_key_l = given_key_r "
    "AND damerau_levenshtein(surname_l, surname_r) = 1 "
    "AND (((name_only_l OR name_only_r) AND levenshtein(surname_l, surname_r) = 2) "
    "OR ((lone_name_l OR lone_name_r) AND length(surname_l) <> length(surname_r))))"
)
# Two subscriber records with different numbers: on development seeds 3, 4 and 7-10 a rare name
# alone linked 37 such pairs of two people and 1 of one person (EM weighs a differing number at
# about nothing: people hold several numbers), so the name-alone level does not apply to them.
NO_OTHER_NUMBER = "(number_l IS NULL OR number_r IS NULL OR number_l = number_r)"
NAME = (
    Level(
        f"({SAME_OR_SLIPPED}) AND name_rare_l AND name_rare_r AND length(given_l) > 1 "
        f"AND {NO_OTHER_NUMBER}",
        "same name, borne by one or two people (nicknames allowed; on a name alone, the "
        "surname may have two letters swapped or one dropped or added)",
        0.5,
        0.000004,
        fixed_u=True,
    ),
    Level("full_name_l = full_name_r", "same name (nicknames allowed)", 0.2, 0.0005, "full_name"),
    Level(
        "given_l = surname_r AND surname_l = given_r", "given and surname swapped", 0.03, 0.00001
    ),
    Level(f"{_jw('given_key', 0.88)} AND {_jw('surname', 0.9)}", "similar name", 0.08, 0.001),
    Level(
        "given1_l = given1_r AND (surname_l = surname_r OR surname_letters_l = surname_letters_r "
        "OR surname_skeleton_l = surname_skeleton_r)",
        "same surname (or a slip of it) and initial",
        0.04,
        0.004,
    ),
    Level(
        "(surname_l IS NULL AND given_key_l IN (given_key_r, surname_r)) "
        "OR (surname_r IS NULL AND given_key_r IN (given_key_l, surname_l))",
        "single name written agrees (nicknames allowed)",
        0.04,
        0.003,
    ),
    Level(
        "(surname_l IS NULL OR surname_r IS NULL) AND given1_l = given1_r "
        "AND least(length(given_l), length(given_r)) = 1",
        "an initial against a single name",
        0.02,
        0.01,
    ),
    Level(
        "(given_l IS NULL OR given_r IS NULL OR surname_l IS NULL OR surname_r IS NULL) "
        "AND initials_l = initials_r",
        "initials agree (partial name)",
        0.04,
        0.01,
    ),
    Level("surname_l = surname_r", "same surname only", 0.02, 0.01, "surname"),
    # Not an initial: "J Wood" and "J Hall" at one address disagree, they do not share a name.
    Level("given_key_l = given_key_r AND length(given_l) > 1", "same given name only", 0.02, 0.02),
)
NAME_NULL = "(given1_l IS NULL OR given1_r IS NULL)"

DOB = (
    Level("dob_l = dob_r", "same date of birth", 0.80, 0.0001),
    Level(
        "abs(date_diff('day', dob_l, dob_r)) <= 1 OR (day(dob_l) = month(dob_r) "
        "AND month(dob_l) = day(dob_r) AND year(dob_l) = year(dob_r))",
        "a day apart or day and month swapped",
        0.08,
        0.0003,
    ),
    # Two records each a day off the true date ("Tony" born 3 and 5 February): as one digit
    # differing, EM (which learns that slip is rare here) kept them apart at -13.6 bits.
    Level("abs(date_diff('day', dob_l, dob_r)) = 2", "two days apart", 0.02, 0.0002),
    Level("damerau_levenshtein(dob_s_l, dob_s_r) <= 1", "one digit differs", 0.05, 0.001),
    Level("abs(date_diff('day', dob_l, dob_r)) <= 366", "within a year", 0.03, 0.03),
)

# The same address: postcode and house number, or the same written address with a house number
# (a record without a postcode: "Harley" at "129 The Avenue, Homerton", no date of birth).
ADDRESS = (
    Level(
        "(postcode_l = postcode_r AND house_no_l = house_no_r) "
        "OR (address_l = address_r AND house_no_l IS NOT NULL)",
        "same address",
        0.55,
        0.0002,
    ),
    Level(f"{_both('address')} AND {_jw('address', 0.92)}", "similar address", 0.08, 0.001),
    Level("postcode_l = postcode_r", "same postcode", 0.07, 0.001, "postcode"),
    Level("sector_l = sector_r", "same postcode sector", 0.05, 0.01),
)
ADDRESS_NULL = (
    "((postcode_l IS NULL AND address_l IS NULL) OR (postcode_r IS NULL AND address_r IS NULL))"
)

PHONE = (Level("number_l = number_r", "same phone number", 0.55, 0.0001, "number"),)

COMPARISONS: dict[str, tuple[tuple[Level, ...], str]] = {
    "name": (NAME, NAME_NULL),
    "dob": (DOB, "(dob_l IS NULL OR dob_r IS NULL)"),
    "address": (ADDRESS, ADDRESS_NULL),
    "phone": (PHONE, "(number_l IS NULL OR number_r IS NULL)"),
}

# Candidate pairs: a pair is scored when any rule holds (each catches what others miss).
BLOCKING = (
    "l.dob_key = r.dob_key AND l.given1 = r.given1",
    "l.surname = r.surname AND l.given_key = r.given_key",
    "l.given = r.surname AND l.surname = r.given",
    "l.number = r.number",
    "l.postcode = r.postcode AND l.initials = r.initials",
    "l.surname = r.surname AND year(l.dob) = year(r.dob)",
    "l.dob = r.dob AND l.sector = r.sector",
    "l.postcode = r.postcode AND l.house_no = r.house_no",
    "l.dob = r.dob AND l.house_no = r.house_no",
    "l.address = r.address AND l.given_key = r.given_key",
    "l.given_key = r.given_key AND l.surname_letters = r.surname_letters",
    "l.given_key = r.given_key AND l.surname_skeleton = r.surname_skeleton",
    "l.solo_postcode = r.postcode AND l.given1 = r.given1",
    "l.postcode = r.solo_postcode AND l.given1 = r.given1",
    # A single name or an initial ("Brad", "J Hall") at the written address of a full name.
    "l.partial_address = r.address AND l.given1 = r.given1",
    "l.address = r.partial_address AND l.given1 = r.given1",
    # A single name ("Harley") with a date of birth a day off (which no dob key shares).
    "l.solo_dob + 1 = r.dob AND l.given1 = r.given1",
    "l.solo_dob - 1 = r.dob AND l.given1 = r.given1",
    "l.dob + 1 = r.solo_dob AND l.given1 = r.given1",
    "l.dob - 1 = r.solo_dob AND l.given1 = r.given1",
    # A name alone with a dropped consonant ("Matthew Muphy"), which the letters and skeleton
    # rules miss: its given name and the first or last three letters of its surname.
    "l.alone_head = r.name_head",
    "l.name_head = r.alone_head",
    "l.alone_tail = r.name_tail",
    "l.name_tail = r.alone_tail",
)
# EM sessions: each fixes some fields by blocking on them and estimates the rest.
TRAINING_BLOCKS = (
    "l.dob = r.dob AND l.given1 = r.given1",
    "l.surname = r.surname AND l.given_key = r.given_key",
)
# Deterministic rules and their assumed recall for the prior probability of a match.
DETERMINISTIC = (
    "l.given_key = r.given_key AND l.surname = r.surname AND l.dob = r.dob",
    "l.surname = r.surname AND l.number = r.number",
)
DETERMINISTIC_RECALL = 0.7


def _levels(levels: tuple[Level, ...], null_sql: str) -> list[dict[str, Any]]:
    """Splink comparison levels: null first, then each level, then everything else."""
    out: list[dict[str, Any]] = [
        {"sql_condition": null_sql, "label_for_charts": "missing", "is_null_level": True}
    ]
    for lv in levels:
        level: dict[str, Any] = {
            "sql_condition": lv.sql,
            "label_for_charts": lv.label,
            "m_probability": lv.m,
            "u_probability": lv.u,
        }
        if lv.fixed_u:
            level["fix_u_probability"] = True
        if lv.tf:
            level |= {"tf_adjustment_column": lv.tf, "tf_adjustment_weight": 1.0}
        out.append(level)
    m_else = 1.0 - sum(lv.m for lv in levels)
    u_else = 1.0 - sum(lv.u for lv in levels)
    out.append(
        {
            "sql_condition": "ELSE",
            "label_for_charts": "disagree",
            "m_probability": m_else,
            "u_probability": u_else,
        }
    )
    return out


def settings() -> dict[str, Any]:
    """The Splink settings dictionary of the model, with prior parameters."""
    return {
        "link_type": "dedupe_only",
        "unique_id_column_name": UNIQUE_ID,
        "probability_two_random_records_match": PRIOR_MATCH_PROBABILITY,
        "blocking_rules_to_generate_predictions": [
            {"blocking_rule": rule, "sql_dialect": "duckdb"} for rule in BLOCKING
        ],
        "comparisons": [
            {"output_column_name": name, "comparison_levels": _levels(*spec)}
            for name, spec in COMPARISONS.items()
        ],
        "retain_matching_columns": True,
        "retain_intermediate_calculation_columns": True,
        "additional_columns_to_retain": [],
    }


def labels(model: dict[str, Any]) -> dict[str, list[str]]:
    """Comparison name -> level labels indexed by gamma value (-1 is missing)."""
    out: dict[str, list[str]] = {}
    for comp in model["comparisons"]:
        levels = [lv["label_for_charts"] for lv in comp["comparison_levels"]]
        out[comp["output_column_name"]] = [*levels[1:][::-1], levels[0]]
    return out
