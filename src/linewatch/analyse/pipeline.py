"""The analysis as a chain of temp tables on one connection: features, score, lines, roles."""

from __future__ import annotations

import duckdb

from linewatch.analyse import model, roles
from linewatch.analyse.continuity import assign_lines, join_fragments
from linewatch.analyse.features import build_features
from linewatch.analyse.settings import AnalysisSettings
from linewatch.analyse.takeover import (
    add_line_takeovers,
    add_seeds,
    add_takeovers,
    drop_stray_swaps,
    name_lines_sql,
)


def circle_sql(s: AnalysisSettings) -> str:
    """A person's circle, not a line's customers: most contacts two-way, few customer-like.

    A heavy social user's group texts are answered by friends, which the score counts as
    answered flares; a line's customers call in on several days and are seldom called back.
    On 204 development seeds every true deal number scoring 0.5 or more with under a quarter
    of its contacts customer-like had under 0.6 of them two-way, and the four scoring that
    which were not deal lines had 0.84-0.97 (1209, 1419, 1458, 1474: 38-42 contacts, 1-4
    customer-like).
    """
    return (
        f"(led < {s.circle_max_customer_share} * contacts"
        f" AND mutual >= {s.circle_min_two_way} * contacts)"
    )


def deal_sql(s: AnalysisSettings) -> str:
    """The numbers scored as deal lines, with when they were in use."""
    return f"""
    SELECT number, deal_line_score, first_ts, last_ts, []::VARCHAR[] AS takeover_reasons
    FROM a_scored
    WHERE deal_line_score >= {s.deal_threshold} AND NOT {circle_sql(s)}
    """


def circle_reasons_sql(s: AnalysisSettings) -> str:
    """Say why a number scored as a deal line is not one (its circle, `circle_sql`)."""
    return f"""
    UPDATE a_scored SET score_reasons = list_append(score_reasons, format(
        'scored {{}}, but {{}} of its {{}} contacts are two-way and {{}} customer-like: a '
        'person''s circle of friends, not a line''s customers',
        round(deal_line_score, 2), mutual, contacts, led))
    WHERE deal_line_score >= {s.deal_threshold} AND {circle_sql(s)}
    """


def score_numbers(con: duckdb.DuckDBPyConnection, s: AnalysisSettings) -> None:
    """Features, model inputs and the deal-line score of every number (a_scored, a_deal)."""
    build_features(con, s)
    con.execute(f"CREATE OR REPLACE TEMP TABLE a_inputs AS {model.inputs_sql()}")
    con.execute(f"CREATE OR REPLACE TEMP TABLE a_scored AS {model.score_sql()}")
    con.execute(circle_reasons_sql(s))
    con.execute(f"CREATE OR REPLACE TEMP TABLE a_deal AS {deal_sql(s)}")
    if s.takeovers:
        add_seeds(con, s)
        add_takeovers(con, s)


def assign_roles(con: duckdb.DuckDBPyConnection, s: AnalysisSettings) -> None:
    """Lines, then runners, customers and controllers, then every number's role (a_roles)."""
    con.execute("CREATE OR REPLACE TEMP TABLE a_line_joins (number VARCHAR, joined VARCHAR)")
    assign_lines(con, s)
    while s.takeovers and drop_stray_swaps(con, s):
        assign_lines(con, s)
    for _ in range(s.takeover_max_rounds if s.takeovers else 0):
        if not add_line_takeovers(con, s):
            break
        assign_lines(con, s)
    if join_fragments(con, s):
        assign_lines(con, s)
    con.execute(name_lines_sql())
    con.execute(f"CREATE OR REPLACE TEMP TABLE a_runners AS {roles.runners_sql()}")
    con.execute(f"CREATE OR REPLACE TEMP TABLE a_customers AS {roles.customers_sql()}")
    con.execute(f"CREATE OR REPLACE TEMP TABLE a_controllers AS {roles.controllers_sql(s)}")
    con.execute(f"INSERT INTO a_runners BY NAME {roles.delivery_runners_sql(s)}")
    con.execute(f"CREATE OR REPLACE TEMP TABLE a_runner_calls AS {roles.runner_calls_sql()}")
    con.execute(f"CREATE OR REPLACE TEMP TABLE a_delivered AS {roles.delivered_sql(s)}")
    con.execute(f"CREATE OR REPLACE TEMP TABLE a_roles AS {roles.number_roles_sql()}")


def run_pipeline(con: duckdb.DuckDBPyConnection, s: AnalysisSettings) -> None:
    """Everything up to number roles, as temp tables of `con`."""
    score_numbers(con, s)
    assign_roles(con, s)
