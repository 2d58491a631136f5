"""Who a deal number's customers and runners are (continuity.py), before lines are grouped."""

from __future__ import annotations

import duckdb

from linewatch.analyse.continuity import (
    deal_contacts_sql,
    group_lines,
    join_fragments,
    joined_pairs_sql,
)
from linewatch.analyse.settings import AnalysisSettings


def test_bulk_sender_texting_a_deal_number_is_not_its_customer() -> None:
    con = duckdb.connect()
    con.execute("CREATE TEMP TABLE a_deal AS SELECT 'D' AS number")
    con.execute(
        "CREATE TEMP TABLE a_pairs AS SELECT * FROM (VALUES ('D', 'c1', 4, 2, 0, 2), "
        "('D', 'c2', 0, 0, 1, 1), ('D', 'r1', 0, 40, 0, 5), ('D', 'bulk', 2, 0, 0, 0), "
        "('D', 'c3', 0, 1, 0, 1)) "
        "t(number, contact, n_in, n_out, n_burst, out_days)"
    )
    # the reminder sender's bursts reached 5,000 numbers and 12 answered; the customer's 3, 3
    con.execute(
        "CREATE TEMP TABLE a_nodes AS SELECT * FROM (VALUES ('bulk', 5000, 12), "
        "('c1', 3, 3)) t(number, burst_recipients, burst_recipients_contacting)"
    )
    rows = con.execute(
        f"SELECT contact, kind FROM ({deal_contacts_sql(AnalysisSettings())}) ORDER BY contact"
    ).fetchall()
    # c3 only got one text from it: a flare or swap notice seen in one obtained customer's records
    assert rows == [("c1", "customer"), ("c2", "customer"), ("c3", "customer"), ("r1", "runner")]


def test_customer_of_two_lines_does_not_merge_them() -> None:
    """A1 -> A2 share 3 customers, B1 -> B2 share 20; B1 also shares 2 of A2's 3 (they buy from
    both lines), and B1 stopped before A2 started, so only best matches may join."""
    con = duckdb.connect()
    con.execute(
        "CREATE TEMP TABLE a_deal AS SELECT number, first_ts::TIMESTAMPTZ AS first_ts, "
        "last_ts::TIMESTAMPTZ AS last_ts FROM (VALUES ('A1', '2025-01-01', '2025-01-09'), "
        "('A2', '2025-01-10', '2025-01-20'), ('B1', '2025-01-01', '2025-01-08'), "
        "('B2', '2025-01-09', '2025-01-20')) t(number, first_ts, last_ts)"
    )
    con.execute(
        "CREATE TEMP TABLE a_deal_pairs AS SELECT * FROM (VALUES "
        "('A1', 'A2', 3, 0, false, 1.0, -0.1), ('A2', 'B1', 2, 0, false, 0.67, -2.0), "
        "('B1', 'B2', 20, 0, false, 0.8, -0.2)) "
        "t(a, b, customers, runners, handset, overlap, overlap_days)"
    )
    con.execute("CREATE TEMP TABLE a_line_joins (number VARCHAR, joined VARCHAR)")
    pairs = [
        (str(a), str(b)) for a, b in con.execute(joined_pairs_sql(AnalysisSettings())).fetchall()
    ]
    numbers = [(str(n), t) for n, t, _ in con.execute("SELECT * FROM a_deal").fetchall()]
    assert group_lines(numbers, pairs) == [["A1", "A2"], ["B1", "B2"]]


def test_successor_is_the_number_that_starts_as_the_old_one_stops() -> None:
    """X shares 2 customers with Y1 (from 15 Jan) and Z1 (from two hours after X's end); Y1 is
    B0's successor (20 shared). On equal evidence X hands over to the nearer number, Z1."""
    con = duckdb.connect()
    con.execute(
        "CREATE TEMP TABLE a_deal AS SELECT number, first_ts::TIMESTAMPTZ AS first_ts, "
        "last_ts::TIMESTAMPTZ AS last_ts FROM (VALUES ('X', '2025-01-01', '2025-01-10'), "
        "('Z1', '2025-01-10 02:00', '2025-01-20'), ('B0', '2025-01-01', '2025-01-14'), "
        "('Y1', '2025-01-15', '2025-01-25')) t(number, first_ts, last_ts)"
    )
    con.execute(
        "CREATE TEMP TABLE a_deal_pairs AS SELECT * FROM (VALUES "
        "('X', 'Y1', 2, 0, false, 1.0, -5.0), ('X', 'Z1', 2, 0, false, 1.0, -0.1), "
        "('B0', 'Y1', 20, 0, false, 0.9, -1.0)) "
        "t(a, b, customers, runners, handset, overlap, overlap_days)"
    )
    con.execute("CREATE TEMP TABLE a_line_joins (number VARCHAR, joined VARCHAR)")
    pairs = [
        (str(a), str(b)) for a, b in con.execute(joined_pairs_sql(AnalysisSettings())).fetchall()
    ]
    numbers = [(str(n), t) for n, t, _ in con.execute("SELECT * FROM a_deal").fetchall()]
    assert group_lines(numbers, pairs) == [["B0", "Y1"], ["X", "Z1"]]


def test_a_line_that_ran_alongside_another_is_not_joined_to_it() -> None:
    """Line A (A1, A2) and line B (B1, B2, B3) run side by side in January; A stops on the 20th
    and B3, from 31 Jan, shares 2 of A2's 4 customers (they buy from both lines), so it is
    A2's best successor. Joined, A1 and A2 would be in use with B1 and B2 for days on end: a
    line uses one number at a time, so that link is refused and the lines stay two."""
    con = duckdb.connect()
    con.execute(
        "CREATE TEMP TABLE a_deal AS SELECT number, first_ts::TIMESTAMPTZ AS first_ts, "
        "last_ts::TIMESTAMPTZ AS last_ts FROM (VALUES ('A1', '2025-01-01', '2025-01-10'), "
        "('A2', '2025-01-10', '2025-01-20'), ('B1', '2025-01-01', '2025-01-15'), "
        "('B2', '2025-01-15', '2025-01-31'), ('B3', '2025-01-31', '2025-02-10')) "
        "t(number, first_ts, last_ts)"
    )
    con.execute(
        "CREATE TEMP TABLE a_deal_pairs AS SELECT * FROM (VALUES "
        "('A1', 'A2', 10, 0, false, 0.8, -0.1), ('B1', 'B2', 20, 0, false, 0.8, -0.1), "
        "('B2', 'B3', 20, 0, false, 0.8, -0.1), ('A2', 'B3', 2, 0, false, 0.5, -11.0)) "
        "t(a, b, customers, runners, handset, overlap, overlap_days)"
    )
    con.execute("CREATE TEMP TABLE a_line_joins (number VARCHAR, joined VARCHAR)")
    s = AnalysisSettings()
    pairs = [(str(a), str(b)) for a, b in con.execute(joined_pairs_sql(s)).fetchall()]
    assert ("A2", "B3") in pairs  # the customers alone would join them
    rows = con.execute("SELECT number, first_ts, epoch(first_ts), epoch(last_ts) FROM a_deal")
    deal = rows.fetchall()
    numbers = [(str(n), t) for n, t, _, _ in deal]
    spans = {str(n): (float(f), float(la)) for n, _, f, la in deal}
    lines = group_lines(numbers, pairs, spans, s.continuity_max_overlap_days * 86400)
    assert lines == [["A1", "A2"], ["B1", "B2", "B3"]]


def test_customer_texted_once_a_day_is_no_runner() -> None:
    """An obtained customer gets the line's flares and swap notices as single texts, one a day
    (c1: 7 on 6 days, it ordered once); a runner is passed every order of a shift (r1: 12 on
    2 days). Both are many messages seldom answered: the rate a day tells them apart."""
    con = duckdb.connect()
    con.execute("CREATE TEMP TABLE a_deal AS SELECT 'D' AS number")
    con.execute(
        "CREATE TEMP TABLE a_pairs AS SELECT * FROM (VALUES ('D', 'c1', 1, 7, 0, 6), "
        "('D', 'r1', 0, 12, 0, 2)) t(number, contact, n_in, n_out, n_burst, out_days)"
    )
    con.execute(
        "CREATE TEMP TABLE a_nodes (number VARCHAR, burst_recipients BIGINT, "
        "burst_recipients_contacting BIGINT)"
    )
    rows = con.execute(
        f"SELECT contact, kind FROM ({deal_contacts_sql(AnalysisSettings())}) ORDER BY contact"
    ).fetchall()
    assert rows == [("c1", "customer"), ("r1", "runner")]


def _fragments(rows: str, contacts: str) -> duckdb.DuckDBPyConnection:
    """Grouped lines from `rows` (line, number, first use, last use, last use it made) and
    their crew from `contacts` (number, contact), both SQL VALUES lists."""
    con = duckdb.connect()
    con.execute(
        "CREATE TEMP TABLE r AS SELECT line_id, number, first_ts::TIMESTAMPTZ AS first_ts, "
        "last_ts::TIMESTAMPTZ AS last_ts, last_out::TIMESTAMPTZ AS last_out_ts "
        f"FROM (VALUES {rows}) t(line_id, number, first_ts, last_ts, last_out)"
    )
    con.execute(
        "CREATE TEMP TABLE a_deal AS SELECT number, first_ts, last_ts, "
        "[]::VARCHAR[] AS takeover_reasons FROM r"
    )
    con.execute(
        "CREATE TEMP TABLE a_line_numbers AS SELECT line_id, number, "
        "row_number() OVER (PARTITION BY line_id ORDER BY first_ts) - 1 AS position FROM r"
    )
    con.execute("CREATE TEMP TABLE a_activity AS SELECT number, last_out_ts FROM r")
    con.execute(
        "CREATE TEMP TABLE a_deal_contacts AS SELECT number, contact, 'customer' AS kind "
        f"FROM (VALUES {contacts}) t(number, contact)"
    )
    con.execute("CREATE TEMP TABLE a_line_joins (number VARCHAR, joined VARCHAR)")
    return con


# L1: A1, A2 to 9 Jan 09:00, its last five hours only orders that were never answered (stale);
# L2: B1 from 9 Jan 08:00, B2; L3 runs all month. c1 buys from A2 and B1, c2 from A1 and L3.
_PIECES = (
    "('L1', 'A1', '2025-01-01', '2025-01-05', '2025-01-05'), "
    "('L1', 'A2', '2025-01-05', '2025-01-09 09:00', '2025-01-09 04:00'), "
    "('L2', 'B1', '2025-01-09 08:00', '2025-01-20', '2025-01-20'), "
    "('L2', 'B2', '2025-01-20', '2025-01-31', '2025-01-31'), "
    "('L3', 'C1', '2025-01-01', '2025-01-31', '2025-01-31')"
)
_CREW = "('A2', 'c1'), ('B1', 'c1'), ('A1', 'c2'), ('C1', 'c2')"


def test_line_seen_in_two_pieces_is_joined_with_its_reason() -> None:
    """B1 starts four hours after A2's last answered use, no number of L1 was in use with one
    of L2, and they share c1: one line in two pieces. L3 shares c2 with L1 but ran alongside."""
    con = _fragments(_PIECES, _CREW)
    assert join_fragments(con, AnalysisSettings()) == 1
    assert con.execute("SELECT * FROM a_line_joins").fetchall() == [("B1", "A2")]
    reasons = dict(con.execute("SELECT number, takeover_reasons FROM a_deal").fetchall())
    assert reasons["A1"] == [] and reasons["C1"] == []
    assert "A2 ending one and B1 starting the other within 4.0 hours" in reasons["B2"][0]


def test_pieces_too_far_apart_or_sharing_nobody_are_not_joined() -> None:
    late = _PIECES.replace("'2025-01-09 08:00'", "'2025-01-09 12:00'")  # 8 hours: no handover
    assert join_fragments(_fragments(late, _CREW), AnalysisSettings()) == 0
    strangers = _CREW.replace("('B1', 'c1')", "('B1', 'c9')")
    assert join_fragments(_fragments(_PIECES, strangers), AnalysisSettings()) == 0
    # L1 reached 22 contacts and L2 21, sharing one: two lines, as a line's numbers share many;
    # with L2 at 20 (line_piece_max_crew), a piece seen through few customers, they join
    l1 = ", ".join(f"('A1', 'a{i}')" for i in range(20))
    for b, joined in ((20, 0), (19, 1)):
        l2 = ", ".join(f"('B2', 'b{i}')" for i in range(b))
        con = _fragments(_PIECES, f"{_CREW}, {l1}, {l2}")
        assert join_fragments(con, AnalysisSettings()) == joined


def test_piece_that_could_continue_two_lines_joins_neither() -> None:
    """L4's D1 also starts as A2 stops, and shares c1 too: L1 could go on as L2 or as L4."""
    rows = _PIECES + ", ('L4', 'D1', '2025-01-09 06:00', '2025-01-31', '2025-01-31')"
    con = _fragments(rows, _CREW + ", ('D1', 'c1')")
    assert join_fragments(con, AnalysisSettings()) == 0
