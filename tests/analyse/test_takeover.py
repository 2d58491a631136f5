"""Swap successors found by the customers they take over (takeover.py)."""

from __future__ import annotations

import duckdb
import pytest

from linewatch.analyse.settings import AnalysisSettings
from linewatch.analyse.takeover import (
    add_line_takeovers,
    add_seeds,
    add_takeovers,
    drop_stray_swaps,
    name_lines_sql,
)


def _store(successor_start: str) -> duckdb.DuckDBPyConnection:
    """Deal number D with customers c1-c4; N is called by c1-c3 from successor_start."""
    con = duckdb.connect()
    con.execute(
        "CREATE TEMP TABLE a_pairs AS SELECT * FROM (VALUES "
        "('D', 'c1', 3, 0), ('D', 'c2', 3, 0), ('D', 'c3', 3, 0), ('D', 'c4', 3, 0), "
        "('N', 'c1', 2, 1), ('N', 'c2', 2, 1), ('N', 'c3', 2, 0), ('N', 'x', 0, 0)) "
        "t(number, contact, n_in, n_burst)"
    )
    con.execute(
        "CREATE TEMP TABLE a_scored AS SELECT number, score AS deal_line_score, "
        "first_ts::TIMESTAMPTZ AS first_ts, last_ts::TIMESTAMPTZ AS last_ts FROM (VALUES "
        "('D', 0.9, '2025-01-01', '2025-01-10 12:00'), "
        f"('N', 0.2, '{successor_start}', '2025-01-20')) t(number, score, first_ts, last_ts)"
    )
    con.execute(
        "CREATE TEMP TABLE a_deal AS SELECT number, deal_line_score, first_ts, last_ts, "
        "[]::VARCHAR[] AS takeover_reasons FROM a_scored WHERE deal_line_score >= 0.5"
    )
    return con


def test_successor_starting_as_the_old_number_stops_is_a_deal_line() -> None:
    con = _store("2025-01-10 15:00")
    assert add_takeovers(con, AnalysisSettings()) == 1
    reasons = con.execute("SELECT takeover_reasons FROM a_deal WHERE number = 'N'").fetchone()
    assert reasons and "customers of deal number D" in reasons[0][0]


def test_number_starting_long_after_is_not_a_successor() -> None:
    con = _store("2025-01-15")
    assert add_takeovers(con, AnalysisSettings()) == 0


def test_number_in_use_alongside_another_deal_number_of_its_customers_is_not_a_successor() -> None:
    con = _store("2025-01-10 15:00")
    con.execute(
        "INSERT INTO a_pairs VALUES ('E', 'c1', 3, 0), ('E', 'c2', 3, 0), ('E', 'c3', 3, 0)"
    )
    con.execute(
        "INSERT INTO a_deal VALUES ('E', 0.9, '2025-01-12'::TIMESTAMPTZ, "
        "'2025-01-18'::TIMESTAMPTZ, []::VARCHAR[])"
    )
    assert add_takeovers(con, AnalysisSettings()) == 0


def _line_store(first: str, last: str) -> duckdb.DuckDBPyConnection:
    """Line L1: D1 (1-10 Jan) then D3 (20-30 Jan), customers c1-c4; N reaches c1, c2 and x,
    M only c1, who orders from it; Q only c2, who called it once, unanswered."""
    con = duckdb.connect()
    con.execute(
        "CREATE TEMP TABLE a_deal AS SELECT number, 0.9 AS deal_line_score, "
        "first_ts::TIMESTAMPTZ AS first_ts, last_ts::TIMESTAMPTZ AS last_ts, "
        "[]::VARCHAR[] AS takeover_reasons FROM (VALUES ('D1', '2025-01-01', '2025-01-10'), "
        "('D3', '2025-01-20', '2025-01-30')) t(number, first_ts, last_ts)"
    )
    con.execute(
        "CREATE TEMP TABLE a_line_numbers AS SELECT * FROM (VALUES ('L1', 'D1', 0), "
        "('L1', 'D3', 1)) t(line_id, number, position)"
    )
    con.execute(
        "CREATE TEMP TABLE a_deal_contacts AS SELECT d.number, 'c' || i AS contact, "
        "'customer' AS kind FROM a_deal d CROSS JOIN range(1, 5) r(i)"
    )
    con.execute(
        "CREATE TEMP TABLE a_pair_rows AS SELECT * FROM (VALUES ('N', 'c1', 3, 1, 0, true), "
        "('N', 'c2', 2, 1, 0, true), ('N', 'x', 1, 1, 0, false), ('M', 'c1', 4, 1, 0, true), "
        "('Q', 'c2', 1, 0, 0, false)) t(number, contact, n_in, n_out, n_burst, led)"
    )
    # every pair's messages out on one day (the relay rate of a runner's pair is then n_out),
    # each message in on a day of its own;
    # its events out are direct texts but for the calls in a_call_rows
    con.execute("CREATE TEMP TABLE a_call_rows (number VARCHAR, contact VARCHAR, calls INT)")
    con.execute(
        "CREATE TEMP VIEW a_pairs AS SELECT p.*, 1 AS out_days, p.n_in AS in_days, "
        "p.n_out - coalesce(c.calls, 0) AS out_sms "
        "FROM a_pair_rows p LEFT JOIN a_call_rows c USING (number, contact)"
    )
    con.execute(
        "CREATE TEMP TABLE a_nodes (number VARCHAR, burst_recipients BIGINT, "
        "burst_recipients_contacting BIGINT)"
    )
    con.execute(
        "CREATE TEMP TABLE a_scored AS SELECT number, 0.01 AS deal_line_score, "
        f"'{first}'::TIMESTAMPTZ AS first_ts, '{last}'::TIMESTAMPTZ AS last_ts "
        "FROM (VALUES ('N'), ('M'), ('Q')) t(number)"
    )
    con.execute("CREATE TEMP TABLE a_line_joins (number VARCHAR, joined VARCHAR)")
    # D1 and D3 made events of their own (replies, flares) up to their last use
    con.execute("CREATE TEMP TABLE a_activity AS SELECT number, last_ts AS last_out_ts FROM a_deal")
    con.execute(
        "CREATE TEMP TABLE a_edges "
        "(a VARCHAR, b VARCHAR, n_sms_direct BIGINT, first_ts TIMESTAMPTZ)"
    )
    return con


def _candidates(pairs: str, scored: str) -> duckdb.DuckDBPyConnection:
    """_line_store (gap 11-19 Jan) with its pairs replaced by `pairs` and the candidates'
    `scored` rows added (both SQL VALUES lists)."""
    con = _line_store("2025-01-11", "2025-01-19")
    con.execute("DELETE FROM a_pair_rows")
    con.execute(f"INSERT INTO a_pair_rows VALUES {pairs}")
    con.execute(f"INSERT INTO a_scored VALUES {scored}")
    return con


def _other_line(con: duckdb.DuckDBPyConnection, line: str, spans: str, shared: bool = True) -> None:
    """Add `line`, its deal numbers from `spans` (SQL VALUES of number, first and last use) in
    that order; with `shared`, c5 buys from its first number and from _line_store's D3."""
    rows = f"(VALUES {spans}) t(number, first_ts, last_ts)"
    con.execute(
        "INSERT INTO a_deal SELECT number, 0.9, first_ts::TIMESTAMPTZ, last_ts::TIMESTAMPTZ, "
        f"[]::VARCHAR[] FROM {rows}"
    )
    con.execute(
        f"INSERT INTO a_line_numbers SELECT '{line}', number, "
        f"row_number() OVER (ORDER BY first_ts) - 1 FROM {rows}"
    )
    if shared:
        con.execute(
            "INSERT INTO a_deal_contacts SELECT number, 'c5', 'customer' FROM a_line_numbers "
            f"WHERE line_id = '{line}' AND position = 0 UNION ALL SELECT 'D3', 'c5', 'customer'"
        )


def _two_lines(con: duckdb.DuckDBPyConnection, shared: bool = True) -> None:
    """Make _line_store's line L2 and add L1 with one number, E1, in use from 14 Jan 10:00."""
    con.execute("UPDATE a_line_numbers SET line_id = 'L2'")
    _other_line(con, "L1", "('E1', '2025-01-14 10:00', '2025-01-31')", shared)


def test_number_between_a_lines_numbers_with_its_customers_joins_that_line() -> None:
    con = _line_store("2025-01-11", "2025-01-19")
    # one after the other in the gap (a line uses one number at a time)
    con.execute("UPDATE a_scored SET last_ts = '2025-01-14' WHERE number = 'N'")
    con.execute("UPDATE a_scored SET first_ts = '2025-01-15' WHERE number = 'M'")
    assert add_line_takeovers(con, AnalysisSettings()) == 2
    joins = con.execute("SELECT * FROM a_line_joins ORDER BY number").fetchall()
    assert joins == [("M", "D1"), ("N", "D1")]
    reasons = con.execute("SELECT takeover_reasons FROM a_deal WHERE number = 'N'").fetchone()
    assert reasons and "customers or runners of line {line:D1}" in reasons[0][0]
    # the lines are regrouped after the round (here D1's line becomes L7): reasons follow
    con.execute("UPDATE a_line_numbers SET line_id = 'L7'")
    con.execute(name_lines_sql())
    reasons = con.execute("SELECT takeover_reasons FROM a_deal WHERE number = 'N'").fetchone()
    assert reasons and "customers or runners of line L7, and" in reasons[0][0]


def test_numbers_reaching_a_lines_customers_side_by_side_in_a_gap_are_not_taken() -> None:
    """N and M both reach L1's customers across the same eight days of its gap: a line uses
    one number at a time, so two at once are its customers' friends, not its numbers."""
    con = _line_store("2025-01-11", "2025-01-19")
    assert add_line_takeovers(con, AnalysisSettings()) == 0


def _flare_store(recipients: int, answering: int) -> duckdb.DuckDBPyConnection:
    """F, in use between L1's numbers, is called by c1 and bulk-texts c1 and three numbers no
    line knows; its bursts reached `recipients` numbers, `answering` of whom contact it."""
    con = _candidates(
        "('F', 'c1', 2, 1, 1, true), ('F', 'u1', 0, 0, 1, false), "
        "('F', 'u2', 0, 0, 1, false), ('F', 'u3', 0, 0, 1, false)",
        "('F', 0.01, '2025-01-11', '2025-01-19')",
    )
    con.execute("INSERT INTO a_nodes VALUES ('F', ?, ?)", [recipients, answering])
    return con


def test_number_flaring_a_lines_customers_and_unknown_recipients_joins_that_line() -> None:
    con = _flare_store(4, 1)
    assert add_line_takeovers(con, AnalysisSettings()) == 1
    assert con.execute("SELECT * FROM a_line_joins").fetchall() == [("F", "D1")]


def test_bulk_sender_is_not_excused_its_unknown_recipients() -> None:
    con = _flare_store(5000, 12)
    assert add_line_takeovers(con, AnalysisSettings()) == 0


def test_number_texting_a_lines_customer_twice_joins_it_once_does_not() -> None:
    """T texts c3 twice (flares or a swap notice seen from one customer's records), U once
    (and calls a number no line knows, so it is not in the gap with the crew alone)."""
    con = _candidates(
        "('T', 'c3', 0, 2, 0, false), ('U', 'c4', 0, 1, 0, false), ('U', 'y', 0, 1, 0, false)",
        "('T', 0.01, '2025-01-11', '2025-01-19'), ('U', 0.01, '2025-01-11', '2025-01-19')",
    )
    assert add_line_takeovers(con, AnalysisSettings()) == 1
    assert con.execute("SELECT * FROM a_line_joins").fetchall() == [("T", "D1")]


def test_number_calling_a_lines_customer_twice_does_not_join_it() -> None:
    """R calls c3 twice and nothing else ties it to L1 (it also texts a number no line knows):
    a line's phone texts its customers (flares, swap notices) and is called by them, while a
    runner rings a customer on delivery (dev seed 707: a runner's phone joined a line so)."""
    con = _candidates(
        "('R', 'c3', 0, 2, 0, false), ('R', 'y', 0, 1, 0, false)",
        "('R', 0.01, '2025-01-11', '2025-01-12')",
    )
    con.execute("INSERT INTO a_call_rows VALUES ('R', 'c3', 2)")
    assert add_line_takeovers(con, AnalysisSettings()) == 0
    con.execute("DELETE FROM a_call_rows")
    assert add_line_takeovers(con, AnalysisSettings()) == 1


def test_number_only_runners_contact_does_not_join_their_line() -> None:
    """P is called and texted by the line's two runners and never contacts them: a deal phone
    passes orders on to its runners, while a runner's friend hears from the runner (dev seed
    703). Texting them instead, it joins."""
    con = _candidates(
        "('P', 'r1', 1, 0, 0, false), ('P', 'r2', 4, 0, 0, false)",
        "('P', 0.01, '2025-01-11', '2025-01-14')",
    )
    con.execute("INSERT INTO a_deal_contacts VALUES ('D1', 'r1', 'runner'), ('D3', 'r2', 'runner')")
    assert add_line_takeovers(con, AnalysisSettings()) == 0
    con.execute("UPDATE a_pair_rows SET n_in = 0, n_out = 1 WHERE number = 'P'")
    assert add_line_takeovers(con, AnalysisSettings()) == 1


def test_number_texting_a_lines_customer_once_as_its_number_stops_joins_it() -> None:
    """S texts c3 once an hour after D1's last use (a swap notice); V texts c4 once a day later.
    Each also called a number no line knows, so neither lies in the gap with the crew alone."""
    con = _candidates(
        "('S', 'c3', 0, 1, 0, false), ('V', 'c4', 0, 1, 0, false), "
        "('S', 'x', 0, 1, 0, false), ('V', 'y', 0, 1, 0, false)",
        "('S', 0.01, '2025-01-10 01:00', '2025-01-10 01:00'), "
        "('V', 0.01, '2025-01-11', '2025-01-11')",
    )
    assert add_line_takeovers(con, AnalysisSettings()) == 1
    assert con.execute("SELECT * FROM a_line_joins").fetchall() == [("S", "D1")]


def test_number_texting_a_lines_customer_once_inside_a_gap_joins_it() -> None:
    """G's one record, days into the gap between D1 and D3, is a text to c3 (a flare or notice
    seen from one customer's records); W texts c4 once 9 days after D3, the line's last known
    number, beyond the days an unseen number may sit between them."""
    con = _candidates(
        "('G', 'c3', 0, 1, 0, false), ('W', 'c4', 0, 1, 0, false)",
        "('G', 0.01, '2025-01-15', '2025-01-15'), ('W', 0.01, '2025-02-08', '2025-02-08')",
    )
    assert add_line_takeovers(con, AnalysisSettings()) == 1
    assert con.execute("SELECT * FROM a_line_joins").fetchall() == [("G", "D1")]


def test_number_texting_only_a_lines_customers_days_after_its_last_number_joins_it() -> None:
    """T texts c4 once 3.5 days after D3's last use (the line's next number but one, the one
    between never seen: dev seed 2012); U texts c3 and also x, whom no line knows, 2 days
    after; V texts c3 7 days after. Only T joins, and without the tail window none would."""
    con = _candidates(
        "('T', 'c4', 0, 1, 0, false), ('U', 'c3', 0, 1, 0, false), ('U', 'x', 0, 1, 0, false), "
        "('V', 'c3', 0, 1, 0, false)",
        "('T', 0.01, '2025-02-02 12:00', '2025-02-02 12:00'), "
        "('U', 0.01, '2025-02-01', '2025-02-01'), ('V', 0.01, '2025-02-06', '2025-02-06')",
    )
    short = _candidates(
        "('T', 'c4', 0, 1, 0, false)", "('T', 0.01, '2025-02-02 12:00', '2025-02-02 12:00')"
    )
    assert add_line_takeovers(con, AnalysisSettings()) == 1
    assert con.execute("SELECT * FROM a_line_joins").fetchall() == [("T", "D1")]
    assert add_line_takeovers(short, AnalysisSettings(line_tail_days=2.0)) == 0


def test_swap_notice_among_the_old_numbers_stale_orders_joins_its_line() -> None:
    """D1 was seen only through orders sent to it, the last ones on 11 Jan after the line had
    moved on (stale orders, two days at most); G texted its customer c3 once on 10 Jan at
    18:00, the new number's notice. With no event of D1's own, its use is taken to end two
    days before its last order, so G lies in the gap (unseen seed 1811)."""
    con = _candidates(
        "('G', 'c3', 0, 1, 0, false)", "('G', 0.01, '2025-01-10 18:00', '2025-01-10 18:00')"
    )
    con.execute("UPDATE a_deal SET last_ts = '2025-01-11 12:00' WHERE number = 'D1'")
    con.execute("DELETE FROM a_activity WHERE number = 'D1'")
    assert add_line_takeovers(con, AnalysisSettings()) == 1
    assert con.execute("SELECT * FROM a_line_joins").fetchall() == [("G", "D1")]


def test_number_a_customer_called_in_a_gap_as_the_next_number_starts_joins_it() -> None:
    """K is called once by c3, an hour before D3's first use (the line was changing numbers:
    the order went to the number then in use, unanswered in the records); J is called once by
    c4 days inside the gap, as a customer's friend may be. B is called once by the line's
    runner r just after D1's last use: a delivery to a customer, whatever the hour (dev seed
    1541: a runner's call fell in the 25 minutes between two of its line's numbers). R texts r
    twice, its records ending 7 h before D3's first use: the line's old number passing on its
    last orders before a planned swap's silence (dev seed 2040); S, ending 10 h before, is
    beyond that handover."""
    con = _candidates(
        "('K', 'c3', 1, 0, 0, false), ('J', 'c4', 1, 0, 0, false), ('B', 'r', 1, 0, 0, false), "
        "('R', 'r', 0, 2, 0, false), ('S', 'r', 0, 2, 0, false)",
        "('K', 0.01, '2025-01-19 23:00', '2025-01-19 23:00'), "
        "('J', 0.01, '2025-01-15', '2025-01-15'), ('B', 0.01, '2025-01-10 00:30', "
        "'2025-01-10 00:30'), ('R', 0.01, '2025-01-19 15:00', '2025-01-19 17:00'), "
        "('S', 0.01, '2025-01-19 12:00', '2025-01-19 14:00')",
    )
    con.execute(
        "INSERT INTO a_activity VALUES ('R', '2025-01-19 17:00'), ('S', '2025-01-19 14:00')"
    )
    con.execute("INSERT INTO a_deal_contacts VALUES ('D1', 'r', 'runner')")
    assert add_line_takeovers(con, AnalysisSettings()) == 2
    joins = con.execute("SELECT * FROM a_line_joins ORDER BY number").fetchall()
    assert joins == [("K", "D1"), ("R", "D1")]


def test_number_handing_over_is_timed_by_its_own_last_event_not_a_stale_order() -> None:
    """P answered c3 and was called by u1-u3, whom no line knows; its last own event is 1 h
    before D3's first use, but u3 called it again 12 h after (an order to the old number,
    unanswered): it is the line's number handing over, judged on the contacts a line knows
    (dev seed 2061: the line's first number, seen for one hour at the records' start)."""
    con = _candidates(
        "('P', 'c3', 1, 1, 0, false), ('P', 'u1', 1, 0, 0, false), "
        "('P', 'u2', 1, 0, 0, false), ('P', 'u3', 2, 0, 0, false)",
        "('P', 0.01, '2025-01-19 20:00', '2025-01-20 12:00')",
    )
    con.execute("INSERT INTO a_activity VALUES ('P', '2025-01-19 23:00')")
    assert add_line_takeovers(con, AnalysisSettings()) == 1
    assert con.execute("SELECT * FROM a_line_joins").fetchall() == [("P", "D1")]
    con.execute("DELETE FROM a_activity WHERE number = 'P'")
    con.execute("DELETE FROM a_deal WHERE number = 'P'")
    con.execute("DELETE FROM a_line_joins")
    assert add_line_takeovers(con, AnalysisSettings()) == 0


def test_number_sending_flares_at_a_lines_swap_joins_it_whoever_else_it_reaches() -> None:
    """F starts 4 h after D1's last use and sends flares (bursts) to c3, the line's customer,
    and to y1 and y2, customers of two other lines only: a marketing number taking over at a
    swap reaches the market's shared customers (dev seeds 2047, 2058), so one of three is
    enough. G sends the same flares starting 3 days into the gap, and H starts 4 h after but
    only texts them one by one: each is judged on all three and joins nothing."""
    con = _candidates(
        "('F', 'c3', 0, 1, 3, false), ('F', 'y1', 0, 0, 3, false), ('F', 'y2', 0, 0, 3, false), "
        "('G', 'c3', 0, 1, 3, false), ('G', 'y1', 0, 0, 3, false), ('G', 'y2', 0, 0, 3, false), "
        "('H', 'c3', 0, 1, 0, false), ('H', 'y1', 1, 1, 0, false), ('H', 'y2', 1, 1, 0, false)",
        "('F', 0.01, '2025-01-10 04:00', '2025-01-12'), ('G', 0.01, '2025-01-13', '2025-01-15'), "
        "('H', 0.01, '2025-01-10 04:00', '2025-01-10 06:00')",
    )
    _other_line(con, "L2", "('E1', '2024-12-01', '2024-12-20')", shared=False)
    _other_line(con, "L3", "('E2', '2024-12-01', '2024-12-20')", shared=False)
    con.execute(
        "INSERT INTO a_deal_contacts VALUES ('E1', 'y1', 'customer'), ('E2', 'y2', 'customer')"
    )
    assert add_line_takeovers(con, AnalysisSettings()) == 1
    assert con.execute("SELECT * FROM a_line_joins").fetchall() == [("F", "D1")]


def test_number_only_a_lines_customers_ordered_from_at_a_chain_end_joins_it() -> None:
    """Within the 48 h of stale orders before D1's first use, K was texted once by c3 (an order
    to the line's earlier number, seen from an obtained customer's records at the start of
    the records); J, called by c4 three days before, is too early. B, called once by the
    line's runner r a day after D3's last use, is a delivery to a customer's friend."""
    con = _candidates(
        "('K', 'c3', 1, 0, 0, false), ('J', 'c4', 1, 0, 0, false), ('B', 'r', 1, 0, 0, false)",
        "('K', 0.01, '2024-12-31 18:00', '2024-12-31 18:00'), "
        "('J', 0.01, '2024-12-29', '2024-12-29'), ('B', 0.01, '2025-01-31', '2025-01-31')",
    )
    con.execute("INSERT INTO a_deal_contacts VALUES ('D3', 'r', 'runner')")
    assert add_line_takeovers(con, AnalysisSettings()) == 1
    assert con.execute("SELECT * FROM a_line_joins").fetchall() == [("K", "D1")]


def test_number_reaching_two_lines_joins_the_one_in_whose_gap_it_lies() -> None:
    """c5 buys from L1 (E1, in use from 14 Jan) and L2 (D1, then D3 from 20 Jan); G texts c5
    twice on 15 Jan, within 48 h of E1's start: only L2 had no number in use then."""
    con = _candidates(
        "('G', 'c5', 0, 2, 0, false)", "('G', 0.01, '2025-01-15', '2025-01-15 01:00')"
    )
    _two_lines(con)
    assert add_line_takeovers(con, AnalysisSettings()) == 1
    assert con.execute("SELECT * FROM a_line_joins").fetchall() == [("G", "D1")]


def test_number_starting_as_one_lines_number_stops_joins_it_over_anothers_gap() -> None:
    """G reaches c5, a customer of both lines, from half an hour after L1's E1 was last used;
    it also lies in L2's gap (10-20 Jan). A swap hands over at once, so G is L1's."""
    con = _candidates(
        "('G', 'c5', 1, 1, 0, false)", "('G', 0.01, '2025-01-14 10:30', '2025-01-15')"
    )
    con.execute("UPDATE a_line_numbers SET line_id = 'L2'")
    _other_line(con, "L1", "('E1', '2025-01-05', '2025-01-14 10:00')")
    assert add_line_takeovers(con, AnalysisSettings()) == 1
    assert con.execute("SELECT * FROM a_line_joins").fetchall() == [("G", "E1")]


def test_customers_friend_in_touch_across_the_lines_numbers_is_not_taken() -> None:
    con = _line_store("2025-01-05", "2025-01-25")
    assert add_line_takeovers(con, AnalysisSettings()) == 0


def test_phone_relaying_to_one_runner_and_answering_customers_is_a_deal_line() -> None:
    """X passes 12 messages a day for 6 days to R, who answers twice; F talks with R both ways."""
    con = duckdb.connect()
    con.execute(
        "CREATE TEMP TABLE a_edges AS SELECT * FROM (VALUES ('X', 'R', 72, 0, 6), "
        "('R', 'X', 2, 0, 2), ('F', 'R', 72, 0, 6), ('R', 'F', 60, 0, 6)) "
        "t(a, b, n, n_burst, days)"
    )
    con.execute(
        "CREATE TEMP TABLE a_scored AS SELECT number, 0.1 AS deal_line_score, "
        "TIMESTAMPTZ '2025-01-01' AS first_ts, TIMESTAMPTZ '2025-01-07' AS last_ts, "
        "led, led_replied, 3 AS contacts, 0 AS burst_recipients_contacting "
        "FROM (VALUES ('X', 2, 1), ('F', 2, 1)) t(number, led, led_replied)"
    )
    con.execute(
        "CREATE TEMP TABLE a_deal (number VARCHAR, deal_line_score DOUBLE, "
        "first_ts TIMESTAMPTZ, last_ts TIMESTAMPTZ, takeover_reasons VARCHAR[])"
    )
    assert add_seeds(con, AnalysisSettings()) == 1
    row = con.execute("SELECT number, takeover_reasons FROM a_deal").fetchone()
    assert row and row[0] == "X" and "seen through its runner" in row[1][0]


def test_customer_messaging_a_deal_line_day_after_day_is_no_relay_seed() -> None:
    """C passes 16 messages a day for 5 days to D, a deal line that seldom answers, and is
    called by customers: a heavy customer of the line, not a phone relaying to its runner
    (dev seed 1449: 2,887 events with the line's numbers and runners over four months)."""
    con = duckdb.connect()
    con.execute(
        "CREATE TEMP TABLE a_edges AS SELECT * FROM (VALUES ('C', 'D', 80, 0, 5), "
        "('D', 'C', 3, 0, 2)) t(a, b, n, n_burst, days)"
    )
    con.execute(
        "CREATE TEMP TABLE a_scored AS SELECT 'C' AS number, 0.1 AS deal_line_score, "
        "TIMESTAMPTZ '2025-01-01' AS first_ts, TIMESTAMPTZ '2025-01-07' AS last_ts, 5 AS led, "
        "1 AS led_replied, 12 AS contacts, 0 AS burst_recipients_contacting"
    )
    con.execute(
        "CREATE TEMP TABLE a_deal AS SELECT 'D' AS number, 0.9 AS deal_line_score, "
        "TIMESTAMPTZ '2025-01-01' AS first_ts, TIMESTAMPTZ '2025-01-07' AS last_ts, "
        "[]::VARCHAR[] AS takeover_reasons"
    )
    assert add_seeds(con, AnalysisSettings()) == 0


@pytest.mark.parametrize(
    ("contacts", "answered", "led", "seeded"),
    [
        (8, 8, 7, True),  # every contact gets its flares; most order on several days
        (9, 7, 5, True),  # 7 of 9 is 0.78 of its contacts
        (9, 6, 5, False),  # 6 of 9 (0.67): the flares miss a third of its circle
        (40, 34, 1, False),  # group texts to friends, who are called back
        (4, 3, 3, False),  # three answered flares are too few
        (6, 6, 2, False),  # two ordering contacts are too few
    ],
)
def test_number_whose_circle_is_its_flares_customers_is_a_deal_line(
    contacts: int, answered: int, led: int, seeded: bool
) -> None:
    con = duckdb.connect()
    con.execute("CREATE TEMP TABLE a_edges (a VARCHAR, b VARCHAR, n INT, n_burst INT, days INT)")
    con.execute(
        "CREATE TEMP TABLE a_scored AS SELECT 'X' AS number, 0.2 AS deal_line_score, "
        "TIMESTAMPTZ '2025-01-01' AS first_ts, TIMESTAMPTZ '2025-01-20' AS last_ts, "
        f"{led} AS led, {led} AS led_replied, {contacts} AS contacts, "
        f"{answered} AS burst_recipients_contacting"
    )
    con.execute(
        "CREATE TEMP TABLE a_deal (number VARCHAR, deal_line_score DOUBLE, "
        "first_ts TIMESTAMPTZ, last_ts TIMESTAMPTZ, takeover_reasons VARCHAR[])"
    )
    assert add_seeds(con, AnalysisSettings()) == int(seeded)
    if seeded:
        row = con.execute("SELECT takeover_reasons FROM a_deal").fetchone()
        assert row and f"{answered} of its {contacts} contacts get its bulk texts" in row[0][0]


def test_flare_in_one_lines_gap_while_another_line_was_mid_number_joins_the_first() -> None:
    """G texts c5 and c6 once on 15 Jan. Both buy from L1, whose E1 was in use from 14 Jan
    10:00 to 31 Jan; c5 also buys from L2, which had no number in use from 10 to 20 Jan. A line
    uses one number at a time, and E1 had been in use 14 hours before G and went on for two
    weeks, so G is not L1's (neither E1's predecessor nor, as E1 was in use long after the two
    days of stale orders, its successor) but the number of L2's gap, though one
    of its two contacts is known only through L1: a flare goes to a line's whole customer
    list, and customers buy from more than one line (dev seed 54)."""
    con = _candidates(
        "('G', 'c5', 0, 1, 0, false), ('G', 'c6', 0, 1, 0, false)",
        "('G', 0.01, '2025-01-15', '2025-01-15')",
    )
    _two_lines(con)
    con.execute("INSERT INTO a_deal_contacts VALUES ('E1', 'c6', 'customer')")
    assert add_line_takeovers(con, AnalysisSettings()) == 1
    assert con.execute("SELECT * FROM a_line_joins").fetchall() == [("G", "D1")]


def test_number_reaching_two_lines_alike_joins_the_one_with_no_number_in_use() -> None:
    """c5 buys from L1 (E1 to 20 Jan noon, handing over to E2 from 06:00) and c6 from L2 (D1
    from 1 Feb); G, in touch with both on the morning of 20 Jan, reaches each line through one
    of them. L1's numbers were in use then and L2 had none yet: a line uses one number at a
    time, so G is L2's, before D1, whatever the line ids (dev seed 55)."""
    con = duckdb.connect()
    con.execute(
        "CREATE TEMP TABLE a_deal AS SELECT number, 0.9 AS deal_line_score, "
        "first_ts::TIMESTAMPTZ AS first_ts, last_ts::TIMESTAMPTZ AS last_ts, "
        "[]::VARCHAR[] AS takeover_reasons FROM (VALUES ('E1', '2025-01-01', '2025-01-20 12:00'), "
        "('E2', '2025-01-20 06:00', '2025-01-31'), ('D1', '2025-02-01', '2025-02-20')) "
        "t(number, first_ts, last_ts)"
    )
    con.execute(
        "CREATE TEMP TABLE a_line_numbers AS SELECT * FROM (VALUES ('L1', 'E1', 0), "
        "('L1', 'E2', 1), ('L2', 'D1', 0)) t(line_id, number, position)"
    )
    con.execute(
        "CREATE TEMP TABLE a_deal_contacts AS SELECT * FROM (VALUES ('E1', 'c5', 'customer'), "
        "('D1', 'c6', 'customer')) t(number, contact, kind)"
    )
    con.execute(
        "CREATE TEMP TABLE a_pairs AS SELECT *, 1 AS out_days, n_in AS in_days, n_out AS out_sms "
        "FROM (VALUES ('G', 'c5', 1, 1, 0, false), ('G', 'c6', 1, 1, 0, false)) "
        "t(number, contact, n_in, n_out, n_burst, led)"
    )
    con.execute("CREATE TEMP TABLE a_activity (number VARCHAR, last_out_ts TIMESTAMPTZ)")
    con.execute(
        "CREATE TEMP TABLE a_nodes (number VARCHAR, burst_recipients BIGINT, "
        "burst_recipients_contacting BIGINT)"
    )
    con.execute(
        "CREATE TEMP TABLE a_scored AS SELECT 'G' AS number, 0.01 AS deal_line_score, "
        "'2025-01-20'::TIMESTAMPTZ AS first_ts, '2025-01-20 10:00'::TIMESTAMPTZ AS last_ts"
    )
    con.execute("CREATE TEMP TABLE a_line_joins (number VARCHAR, joined VARCHAR)")
    con.execute(
        "CREATE TEMP TABLE a_edges "
        "(a VARCHAR, b VARCHAR, n_sms_direct BIGINT, first_ts TIMESTAMPTZ)"
    )
    assert add_line_takeovers(con, AnalysisSettings()) == 1
    assert con.execute("SELECT * FROM a_line_joins").fetchall() == [("G", "D1")]


def test_weaker_candidate_in_use_with_a_stronger_one_of_its_line_waits_a_round() -> None:
    """S texts c1 and c2 twice each from 12 to 18 Jan, in L1's gap; W texts c5 once on 15 Jan.
    c5 buys from L1 (D3) and from L2, whose E1 stopped on 9 Jan and E2 starts on 25 Jan, so
    W lies in a gap of both and would join L1, whose numbers stop and start nearer it (5 days
    against 6). A line's candidates join
    strongest first: W waits, and once S is L1's, W lies inside S's use, so it is L2's (dev
    seeds 903, 908)."""
    con = _candidates(
        "('S', 'c1', 0, 2, 0, false), ('S', 'c2', 0, 2, 0, false), ('W', 'c5', 0, 1, 0, false)",
        "('S', 0.01, '2025-01-12', '2025-01-18'), ('W', 0.01, '2025-01-15', '2025-01-15')",
    )
    _other_line(con, "L2", "('E1', '2025-01-01', '2025-01-09'), ('E2', '2025-01-25', '2025-01-31')")
    assert add_line_takeovers(con, AnalysisSettings()) == 1
    assert con.execute("SELECT * FROM a_line_joins").fetchall() == [("S", "D1")]
    con.execute("INSERT INTO a_line_numbers VALUES ('L1', 'S', 2)")
    assert add_line_takeovers(con, AnalysisSettings()) == 1
    assert con.execute("SELECT * FROM a_line_joins WHERE number = 'W'").fetchall() == [("W", "E1")]


def test_number_in_gaps_of_two_lines_joins_the_one_whose_numbers_are_nearest() -> None:
    """W texts c5 once on 15 Jan; c5 buys from L1 (D1 to 10 Jan, D3 from 20 Jan) and from L2,
    whose E1 last answered on 13 Jan at noon and E2 starts on 17 Jan. Orders reached E1 until
    the evening of the 15th, unanswered: the stale orders of a swap, not use. W lies in a gap
    of both lines and joins L2, whose numbers stop and start nearer it, not L1 on its id."""
    con = _candidates(
        "('W', 'c5', 0, 1, 0, false)", "('W', 0.01, '2025-01-15 09:00', '2025-01-15 09:00')"
    )
    _other_line(
        con, "L2", "('E1', '2025-01-01', '2025-01-15 20:00'), ('E2', '2025-01-17', '2025-01-31')"
    )
    con.execute("INSERT INTO a_activity VALUES ('E1', '2025-01-13 12:00')")
    assert add_line_takeovers(con, AnalysisSettings()) == 1
    assert con.execute("SELECT * FROM a_line_joins").fetchall() == [("W", "E1")]


def test_phone_relaying_to_a_lines_runner_leaves_out_callers_no_line_knows() -> None:
    """R passes six messages in a day to L1's runner r1, who never answers, and is called once
    each by c1 and by u1-u3, whom no line knows and R never contacts: a phone passing orders on
    to a line's runner is that line's, and its callers are its customers, most of them unknown
    when few records were obtained (dev seed 901: a line's first number, obtained, in use 37
    minutes at the start of the records). Texting r1 once, R is not taken (2 of 5 contacts)."""
    con = _candidates(
        "('R', 'r1', 0, 6, 0, false), ('R', 'c1', 1, 0, 0, false), "
        "('R', 'u1', 1, 0, 0, false), ('R', 'u2', 1, 0, 0, false), ('R', 'u3', 1, 0, 0, false)",
        "('R', 0.01, '2025-01-11', '2025-01-12')",
    )
    con.execute("INSERT INTO a_deal_contacts VALUES ('D1', 'r1', 'runner')")
    con.execute("UPDATE a_pair_rows SET n_out = 1 WHERE number = 'R' AND contact = 'r1'")
    assert add_line_takeovers(con, AnalysisSettings()) == 0
    con.execute("UPDATE a_pair_rows SET n_out = 6 WHERE number = 'R' AND contact = 'r1'")
    assert add_line_takeovers(con, AnalysisSettings()) == 1
    reasons = con.execute("SELECT takeover_reasons FROM a_deal WHERE number = 'R'").fetchone()
    assert reasons and "relays orders to the line's runner" in reasons[0][0]


def test_number_texting_only_a_lines_customers_soon_after_its_last_number_joins_it() -> None:
    """V's one record is a text to c4 36 hours after D3, the line's last known number, stopped
    (a swap notice sent hours after the old number's last recorded use, as the line was quiet
    overnight, and the line then stopped or its customers were not obtained); U texts c3 once
    9 days after, beyond the days an unseen number may sit between; W texts c4 and x, a
    customer of another line only, 36 hours after: with no next number to bound the gap, all
    its contacts must be the line's (dev seed 910: a number of one line texting a customer of
    both joined the other line at its chain's end, and its pairs with its own line merged the
    two)."""
    con = _candidates(
        "('V', 'c4', 0, 1, 0, false), ('U', 'c3', 0, 1, 0, false), "
        "('W', 'c4', 0, 1, 0, false), ('W', 'x', 0, 1, 0, false)",
        "('V', 0.01, '2025-01-31 12:00', '2025-01-31 12:00'), "
        "('U', 0.01, '2025-02-08', '2025-02-08'), "
        "('W', 0.01, '2025-01-31 12:00', '2025-01-31 12:00')",
    )
    _other_line(con, "L2", "('E1', '2025-01-01', '2025-01-30')", shared=False)
    con.execute("INSERT INTO a_deal_contacts VALUES ('E1', 'x', 'customer')")
    assert add_line_takeovers(con, AnalysisSettings()) == 1
    assert con.execute("SELECT * FROM a_line_joins").fetchall() == [("V", "D1")]
    reasons = con.execute("SELECT takeover_reasons FROM a_deal WHERE number = 'V'").fetchone()
    assert reasons and "in use after that line's last known number" in reasons[0][0]


def test_number_first_used_as_a_lines_number_stops_seen_through_an_unknown_customer_joins() -> None:
    """L starts an hour after D1's last use and lies in the gap before D3; its one contact u,
    whom no line knows, ordered from it on three days and was texted back (the line's new
    number, seen through a customer the known numbers never reached). O is the same but starts
    two days into the gap; P starts on time but u2 ordered from it on two days only."""
    con = _candidates(
        "('L', 'u', 3, 2, 0, true), ('O', 'v', 3, 2, 0, true), ('P', 'u2', 2, 2, 0, true)",
        "('L', 0.01, '2025-01-10 01:00', '2025-01-15'), "
        "('O', 0.01, '2025-01-12', '2025-01-15'), ('P', 0.01, '2025-01-10 01:30', '2025-01-15')",
    )
    con.execute("DELETE FROM a_scored WHERE number IN ('N', 'M', 'Q')")
    assert add_line_takeovers(con, AnalysisSettings()) == 1
    assert con.execute("SELECT * FROM a_line_joins").fetchall() == [("L", "D1")]
    reasons = con.execute("SELECT takeover_reasons FROM a_deal WHERE number = 'L'").fetchone()
    assert reasons and "1.0 hours after a number of line {line:D1}" in reasons[0][0]


def test_phone_relaying_to_a_lines_runner_is_not_crowded_out_by_a_customers_friend() -> None:
    """R relays six messages in a day to L1's runner r1 and is called by c1 from 11 to 18 Jan;
    F texts c2 twice from 12 to 18 Jan. Two candidates of one line in use together join none
    of it, but a phone passing orders on to the line's runner is the line's (dev seed 1219);
    texting r1 once, R is no relay and neither joins."""
    con = _candidates(
        "('R', 'r1', 0, 6, 0, false), ('R', 'c1', 1, 0, 0, false), ('F', 'c2', 0, 2, 0, false)",
        "('R', 0.01, '2025-01-11', '2025-01-18'), ('F', 0.01, '2025-01-12', '2025-01-18')",
    )
    con.execute("INSERT INTO a_deal_contacts VALUES ('D1', 'r1', 'runner')")
    con.execute("UPDATE a_pair_rows SET n_out = 1 WHERE number = 'R' AND contact = 'r1'")
    assert add_line_takeovers(con, AnalysisSettings()) == 0
    con.execute("UPDATE a_pair_rows SET n_out = 6 WHERE number = 'R' AND contact = 'r1'")
    assert add_line_takeovers(con, AnalysisSettings()) == 1
    assert con.execute("SELECT * FROM a_line_joins").fetchall() == [("R", "D1")]


def test_swap_notice_to_several_customers_is_not_crowded_out_by_a_customers_friend() -> None:
    """S texts c1 and c2 an hour after D1's last use and stays in use to 18 Jan; F, a friend
    of c3, talks with c3 both ways from 12 to 18 Jan. A number that starts as the line's last
    one stops and texts several of its customers sent the swap notice: it is the line's, and
    F does not crowd it out (dev seed 1272). Texting c1 alone, S is no stronger than F and
    neither joins."""
    con = _candidates(
        "('S', 'c1', 0, 1, 0, false), ('S', 'c2', 0, 1, 0, false), ('F', 'c3', 1, 1, 0, false)",
        "('S', 0.01, '2025-01-10 01:00', '2025-01-18'), ('F', 0.01, '2025-01-12', '2025-01-18')",
    )
    con.execute("UPDATE a_pair_rows SET n_out = 0, n_in = 1 WHERE number = 'S' AND contact = 'c2'")
    assert add_line_takeovers(con, AnalysisSettings()) == 0
    con.execute("UPDATE a_pair_rows SET n_out = 1, n_in = 0 WHERE number = 'S' AND contact = 'c2'")
    assert add_line_takeovers(con, AnalysisSettings()) == 1
    assert con.execute("SELECT * FROM a_line_joins").fetchall() == [("S", "D1")]


def test_number_sending_the_swap_notice_is_judged_on_contacts_a_line_knows() -> None:
    """T texts c1 an hour after D3, the line's last known number, stopped, and is then called
    by u1 and u2, whom no line knows, for three weeks: a new number's customers, few of them
    obtained, start buying after the swap, so its contacts no line knows are left out of the
    share (dev seeds 1223, 1291). Starting seven hours after is still the end of a planned
    swap's silence (dev seed 2005); starting nine hours after, T is not the swap's number."""
    con = _candidates(
        "('T', 'c1', 0, 1, 0, false), ('T', 'u1', 1, 0, 0, false), ('T', 'u2', 1, 0, 0, false)",
        "('T', 0.01, '2025-01-30 09:00', '2025-02-20')",
    )
    assert add_line_takeovers(con, AnalysisSettings()) == 0
    con.execute("UPDATE a_scored SET first_ts = '2025-01-30 07:00' WHERE number = 'T'")
    assert add_line_takeovers(con, AnalysisSettings()) == 1
    assert con.execute("SELECT * FROM a_line_joins").fetchall() == [("T", "D1")]


def test_number_whose_contacts_got_a_lines_first_swap_notice_is_its_earlier_number() -> None:
    """H was last used 12 h before D1, the line's first known number, started; D1 texted u1
    and u2 in its first half hour (its swap notice), and they are two of H's three contacts,
    though no line knows them as customers (dev seed 1241: the line's first two numbers, seen
    only through three obtained customers who stopped buying soon after). Texted three hours
    after D1 started, they got no notice, and H joins nothing."""
    con = _candidates(
        "('H', 'c1', 1, 0, 0, false), ('H', 'u1', 1, 0, 0, false), ('H', 'u2', 1, 0, 0, false)",
        "('H', 0.01, '2024-12-30', '2024-12-31 12:00')",
    )
    con.execute(
        "INSERT INTO a_edges VALUES ('D1', 'u1', 1, '2025-01-01 03:00'), "
        "('D1', 'u2', 1, '2025-01-01 03:00')"
    )
    assert add_line_takeovers(con, AnalysisSettings()) == 0
    con.execute("UPDATE a_edges SET first_ts = '2025-01-01 00:30'")
    assert add_line_takeovers(con, AnalysisSettings()) == 1
    assert con.execute("SELECT * FROM a_line_joins").fetchall() == [("H", "D1")]
    reasons = con.execute("SELECT takeover_reasons FROM a_deal WHERE number = 'H'").fetchone()
    assert (
        reasons
        and "2 of its 3 contacts got the texts line {line:D1}'s first known" in reasons[0][0]
    )


def test_swap_successor_grouped_apart_from_the_number_it_took_over_is_dropped() -> None:
    """S and T each took over customers of X; T was grouped into X's line, S into a line of its
    own (it ran alongside X's line's numbers: a customer's friend). U took over from S, and
    goes once S has gone (dev seed 1742: a friend of two customers for four months)."""
    con = duckdb.connect()
    con.execute(
        "CREATE TEMP TABLE a_deal AS SELECT number, score AS deal_line_score FROM (VALUES "
        "('X', 0.9), ('S', 0.1), ('T', 0.1), ('U', 0.1), ('Y', 0.8)) t(number, score)"
    )
    con.execute(
        "CREATE TEMP TABLE a_swaps AS SELECT * FROM (VALUES ('S', 'X'), ('T', 'X'), ('U', 'S'), "
        "('Y', 'X')) t(number, deal)"
    )
    con.execute(
        "CREATE TEMP TABLE a_line_numbers AS SELECT * FROM (VALUES ('L1', 'X'), ('L1', 'T'), "
        "('L2', 'S'), ('L2', 'U'), ('L3', 'Y')) t(line_id, number)"
    )
    assert drop_stray_swaps(con, AnalysisSettings()) == 1  # Y scored a deal line on its own
    con.execute("DELETE FROM a_line_numbers WHERE number = 'S'")
    assert drop_stray_swaps(con, AnalysisSettings()) == 1
    assert con.execute("SELECT number FROM a_deal ORDER BY 1").fetchall() == [
        ("T",),
        ("X",),
        ("Y",),
    ]


def test_number_handing_over_to_a_lines_first_number_is_judged_on_contacts_a_line_knows() -> None:
    """P answered c1 and c2, customers of L1, and was called by u1-u3, whom no line knows; its
    records end an hour before D1's first use. The line's earlier number: its other customers
    stopped buying, or were not obtained (dev seed 1357: 18 of its 48 callers known, its last
    use 17 minutes before the line's first known number's first). Q, the same but ending
    five hours before, is judged on all its contacts and stays out."""
    con = _candidates(
        "('P', 'c1', 1, 1, 0, false), ('P', 'c2', 1, 1, 0, false), ('P', 'u1', 1, 0, 0, false), "
        "('P', 'u2', 1, 0, 0, false), ('P', 'u3', 1, 0, 0, false), "
        "('Q', 'c1', 1, 1, 0, false), ('Q', 'c2', 1, 1, 0, false), ('Q', 'u1', 1, 0, 0, false), "
        "('Q', 'u2', 1, 0, 0, false), ('Q', 'u3', 1, 0, 0, false)",
        "('P', 0.01, '2024-12-31 10:00', '2024-12-31 23:00'), "
        "('Q', 0.01, '2024-12-31 06:00', '2024-12-31 19:00')",
    )
    con.execute(
        "INSERT INTO a_activity VALUES ('P', '2024-12-31 23:00'), ('Q', '2024-12-31 19:00')"
    )
    assert add_line_takeovers(con, AnalysisSettings()) == 1
    assert con.execute("SELECT * FROM a_line_joins").fetchall() == [("P", "D1")]
