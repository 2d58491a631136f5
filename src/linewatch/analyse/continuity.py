"""Line continuity: deal numbers that share customers, runners or a handset, one after another,
are one county line; numbers are grouped under one line_id in order of first use.
"""

from __future__ import annotations

import duckdb

from linewatch.analyse.features import bulk_senders_sql, line_spans_sql, relays_to_sql
from linewatch.analyse.settings import AnalysisSettings


def deal_contacts_sql(s: AnalysisSettings) -> str:
    """(deal number, contact, kind): its customers (they call in, got its flares, or it texted
    or called them: a line's phone is for business, and a flare or swap notice seen in one
    obtained customer's records is one text, not a burst; dev seed 1565) and runners (it
    relays to). A bulk sender (reminders to thousands, almost never answered) texts a deal
    number as it texts everyone: neither."""
    return f"""
    WITH bulk AS ({bulk_senders_sql(s)})
    SELECT p.number, p.contact,
           CASE WHEN {relays_to_sql(s)} THEN 'runner' ELSE 'customer' END AS kind
    FROM a_pairs p JOIN a_deal d USING (number) ANTI JOIN a_deal x ON x.number = p.contact
    ANTI JOIN bulk b ON b.number = p.contact
    WHERE p.n_in > 0 OR p.n_burst > 0 OR p.n_out > 0
    """


def deal_pairs_sql(s: AnalysisSettings) -> str:
    """Pairs of deal numbers with their shared customers, runners, handsets and time overlap."""
    return """
    WITH size AS (
        SELECT number, count(*) FILTER (kind = 'customer') AS n_cust FROM a_deal_contacts
        GROUP BY number
    ), shared AS (
        SELECT x.number AS a, y.number AS b,
               count(*) FILTER (x.kind = 'customer' AND y.kind = 'customer') AS customers,
               count(*) FILTER (x.kind = 'runner' AND y.kind = 'runner') AS runners
        FROM a_deal_contacts x JOIN a_deal_contacts y
          ON x.contact = y.contact AND x.number < y.number
        GROUP BY x.number, y.number
    ), deal_imeis AS (
        SELECT h.number, unnest(h.imei_list) AS imei
        FROM a_handsets h SEMI JOIN a_deal USING (number)
    ), handsets AS (
        SELECT DISTINCT x.number AS a, y.number AS b
        FROM deal_imeis x JOIN deal_imeis y ON x.imei = y.imei AND x.number < y.number
    )
    SELECT coalesce(sh.a, h.a) AS a, coalesce(sh.b, h.b) AS b,
           coalesce(sh.customers, 0) AS customers, coalesce(sh.runners, 0) AS runners,
           h.a IS NOT NULL AS handset,
           coalesce(sh.customers, 0) / greatest(least(sa.n_cust, sb.n_cust), 1) AS overlap,
           date_diff('second', greatest(da.first_ts, db.first_ts),
                     least(da.last_ts, db.last_ts)) / 86400.0 AS overlap_days
    FROM shared sh FULL OUTER JOIN handsets h ON h.a = sh.a AND h.b = sh.b
    JOIN a_deal da ON da.number = coalesce(sh.a, h.a)
    JOIN a_deal db ON db.number = coalesce(sh.b, h.b)
    LEFT JOIN size sa ON sa.number = da.number LEFT JOIN size sb ON sb.number = db.number
    """


def joined_pairs_sql(s: AnalysisSettings) -> str:
    """The pairs that are one line: enough shared evidence, (almost) no overlap in time, and
    the best match of one of the two.

    A customer who buys from two lines links their numbers too, so a pair joins only when the
    later number is the earlier one's best successor or the earlier its best predecessor (a
    shared runner or handset first, then most shared customers, then the one that starts nearest
    the other's end: a swap hands over at once). Each number but a line's last
    still joins a later number of its own line, so a line stays whole while a number with a
    few customers in common with another line's number no longer merges the two.
    """
    return f"""
    WITH cand AS (
        SELECT p.a, p.b, p.runners > 0 OR p.handset AS crew, p.customers, p.overlap,
               CASE WHEN (da.first_ts, p.a) < (db.first_ts, p.b) THEN p.a ELSE p.b END AS early,
               CASE WHEN (da.first_ts, p.a) < (db.first_ts, p.b) THEN p.b ELSE p.a END AS late,
               abs(CASE WHEN (da.first_ts, p.a) < (db.first_ts, p.b)
                        THEN date_diff('second', da.last_ts, db.first_ts)
                        ELSE date_diff('second', db.last_ts, da.first_ts) END) AS handover_s
        FROM a_deal_pairs p
        JOIN a_deal da ON da.number = p.a JOIN a_deal db ON db.number = p.b
        WHERE p.overlap_days <= {s.continuity_max_overlap_days}
          AND ((p.customers >= 2 AND p.overlap >= {s.continuity_overlap})
               OR p.runners > 0 OR p.handset)
    ), best_successor AS (
        SELECT a, b, crew, customers, overlap, handover_s FROM cand
        QUALIFY row_number() OVER (
            PARTITION BY early
            ORDER BY crew DESC, customers DESC, overlap DESC, handover_s, late) = 1
    ), best_predecessor AS (
        SELECT a, b, crew, customers, overlap, handover_s FROM cand
        QUALIFY row_number() OVER (
            PARTITION BY late
            ORDER BY crew DESC, customers DESC, overlap DESC, handover_s, early) = 1
    ), joined AS (SELECT * FROM best_successor UNION SELECT * FROM best_predecessor)
    SELECT a, b FROM joined
    ORDER BY crew DESC, customers DESC, overlap DESC, handover_s, a, b
    """


def group_lines(
    numbers: list[tuple[str, object]],
    pairs: list[tuple[str, str]],
    spans: dict[str, tuple[float, float]] | None = None,
    max_overlap: float = 0.0,
    joins: list[tuple[str, str]] | None = None,
) -> list[list[str]]:
    """Connected groups of deal numbers (union-find), each in order of first use, by first use.

    With `spans` (number -> first and last use, in any unit, `max_overlap` in the same), pairs
    join in the order given (strongest first) and a pair is refused when its two groups hold
    numbers in use together for longer than `max_overlap`: a line uses one number at a time,
    so two groups that ran side by side are two lines, whatever customer they share. `joins`
    (line-level takeovers, each already checked against its line's numbers) join after them
    unchecked: a takeover refused would stand alone as a line of one and gather more.

    >>> group_lines([("a", 1), ("b", 2), ("c", 3)], [("c", "a")])
    [['a', 'c'], ['b']]
    >>> group_lines([("a", 0), ("b", 0), ("c", 9)], [("a", "c"), ("b", "c")],
    ...             {"a": (0, 10), "b": (0, 10), "c": (9, 20)}, 3)
    [['a', 'c'], ['b']]
    """
    parent = {n: n for n, _ in numbers}
    members = {n: [n] for n, _ in numbers}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    def side_by_side(x: str, y: str) -> bool:
        if spans is None:
            return False
        return any(
            min(spans[m][1], spans[k][1]) - max(spans[m][0], spans[k][0]) > max_overlap
            for m in members[x]
            for k in members[y]
        )

    for k, (a, b) in enumerate([*pairs, *(joins or [])]):
        ra, rb = root(a), root(b)
        if ra == rb or (k < len(pairs) and side_by_side(ra, rb)):
            continue
        parent[ra] = rb
        members[rb] += members.pop(ra)
    groups: dict[str, list[str]] = {}
    for n, _ in sorted(numbers, key=lambda x: (str(x[1]), x[0])):
        groups.setdefault(root(n), []).append(n)
    return sorted(groups.values(), key=lambda g: [str(dict(numbers)[g[0]]), g[0]])


def assign_lines(con: duckdb.DuckDBPyConnection, s: AnalysisSettings) -> list[list[str]]:
    """Group the deal numbers in a_deal into lines; writes temp table a_line_numbers."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE a_deal_contacts AS {deal_contacts_sql(s)}")
    con.execute(f"CREATE OR REPLACE TEMP TABLE a_deal_pairs AS {deal_pairs_sql(s)}")
    pairs = [(str(a), str(b)) for a, b in con.execute(joined_pairs_sql(s)).fetchall()]
    deal = con.execute(
        "SELECT number, first_ts, epoch(first_ts), epoch(last_ts) FROM a_deal"
    ).fetchall()
    numbers = [(str(n), t) for n, t, _, _ in deal]
    spans = {str(n): (float(f), float(la)) for n, _, f, la in deal}
    joins = [(str(a), str(b)) for a, b in con.execute("SELECT * FROM a_line_joins").fetchall()]
    lines = group_lines(numbers, pairs, spans, s.continuity_max_overlap_days * 86400, joins)
    rows = [(f"L{i + 1}", n, k) for i, g in enumerate(lines) for k, n in enumerate(g)]
    con.execute(
        "CREATE OR REPLACE TEMP TABLE a_line_numbers "
        "(line_id VARCHAR, number VARCHAR, position INTEGER)"
    )
    if rows:
        con.executemany("INSERT INTO a_line_numbers VALUES (?, ?, ?)", rows)
    return lines


def fragment_joins_sql(s: AnalysisSettings) -> str:
    """Pairs of grouped lines that are one line seen in two pieces: (from_line, to_line,
    from_number, to_number, shared, handover_hours).

    When few records were obtained, the numbers a line used before (or after) a swap may share
    too few customers with the next ones to join them, and become a line of their own. Two
    grouped lines are one when no number of one was in use while a number of the other was
    (give or take the stale orders of a swap, as for two numbers), one of them shares a
    customer or runner with the other, and a number of one stopped within a planned swap's
    silence of a number of the other starting (a stale order does not count as use), and one
    of them was seen through a few customers and runners only: two lines that each reached
    many, and share under the continuity's share of them, are two (dev seed 1731: a line
    started in the market a day and a half before another's holder was arrested, 45
    customers in common of 288 and more). Lines running side by side never qualify; a piece
    that could continue two lines, or be continued by two, joins none of them.
    """
    return f"""
    WITH ln AS ({line_spans_sql(s)}), crew AS (
        SELECT DISTINCT l.line_id, c.contact
        FROM a_deal_contacts c JOIN a_line_numbers l USING (number)
    ), size AS (SELECT line_id, count(*) AS crew FROM crew GROUP BY line_id
    ), shared AS (
        SELECT x.line_id AS a, y.line_id AS b, count(*) AS shared
        FROM crew x JOIN crew y ON x.contact = y.contact AND x.line_id < y.line_id
        JOIN size sa ON sa.line_id = x.line_id JOIN size sb ON sb.line_id = y.line_id
        WHERE least(sa.crew, sb.crew) <= {s.line_piece_max_crew}
        GROUP BY ALL
    ), number_pairs AS (
        SELECT sh.a, sh.b, sh.shared, x.line_id AS x_line, y.line_id AS y_line,
               x.number AS x_number, y.number AS y_number,
               date_diff('second', greatest(x.first_ts, y.first_ts),
                         least(x.last_ts, y.last_ts)) AS overlap_s,
               abs(date_diff('second', x.live_last, y.first_ts)) AS x_to_y,
               abs(date_diff('second', y.live_last, x.first_ts)) AS y_to_x
        FROM shared sh JOIN ln x ON x.line_id = sh.a JOIN ln y ON y.line_id = sh.b
    ), timing AS (
        SELECT a, b, shared, max(overlap_s) AS overlap_s,
               arg_min(CASE WHEN x_to_y <= y_to_x THEN [x_line, y_line, x_number, y_number]
                            ELSE [y_line, x_line, y_number, x_number] END,
                       least(x_to_y, y_to_x)) AS hand,
               min(least(x_to_y, y_to_x)) AS handover_s
        FROM number_pairs GROUP BY a, b, shared
    ), cand AS (
        SELECT hand[1] AS from_line, hand[2] AS to_line, hand[3] AS from_number,
               hand[4] AS to_number, shared, round(handover_s / 3600.0, 1) AS handover_hours
        FROM timing
        WHERE overlap_s <= {s.continuity_max_overlap_days * 86400}
          AND handover_s <= {s.line_handover_hours * 3600}
    )
    SELECT * FROM cand
    QUALIFY count(*) OVER (PARTITION BY from_line) = 1
        AND count(*) OVER (PARTITION BY to_line) = 1
    ORDER BY from_line, to_line
    """


def join_fragments(con: duckdb.DuckDBPyConnection, s: AnalysisSettings) -> int:
    """Join grouped lines that are one line in two pieces (`fragment_joins_sql`): their join
    goes to a_line_joins and the reason to each number of the later piece; returns how many."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE a_fragments AS {fragment_joins_sql(s)}")
    row = con.execute("SELECT count(*) FROM a_fragments").fetchone()
    if not row or not row[0]:
        return 0
    con.execute("INSERT INTO a_line_joins SELECT to_number, from_number FROM a_fragments")
    con.execute(
        """
        UPDATE a_deal d SET takeover_reasons = list_append(d.takeover_reasons, format(
            'its line was found in two pieces, {} ending one and {} starting the other within '
            '{} hours; no number of one piece was in use while one of the other was, and the '
            'pieces share {} customers or runners: one line, whose swap was seen through too '
            'few customers to join its numbers', f.from_number, f.to_number, f.handover_hours,
            f.shared))
        FROM a_fragments f JOIN a_line_numbers l ON l.line_id = f.to_line
        WHERE d.number = l.number
        """
    )
    return int(row[0])
