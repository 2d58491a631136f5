"""Number swaps: a number that takes over a deal line's customers as it stops is that line.

At a swap the new number texts the old one's customers and they call it from then on, so a
deal number missed by the score (few of its own records, or a short life) still shows as the
number most of whose customer-side contacts are a known deal number's customers, first used
within hours of that number's last use (or last used as it starts: a predecessor).
"""

from __future__ import annotations

import duckdb

from linewatch.analyse.features import bulk_senders_sql, line_spans_sql, relays_to_sql
from linewatch.analyse.settings import AnalysisSettings


def takeovers_sql(s: AnalysisSettings) -> str:
    """Numbers outside a_deal that took over (or handed over) a deal number's customers."""
    gap = s.takeover_max_gap_hours * 3600
    # Both sides are materialised before `reach` joins them on contact: inlined, the optimizer
    # could join the two a_pairs scans on contact before keeping only deal numbers' pairs, and
    # that self-join holds 22.6 billion rows on the 10 M case (a round took 95 s instead of
    # 0.13 s in about one run in ten, as DuckDB's sampled statistics vary from run to run).
    return f"""
    WITH cust AS MATERIALIZED (
        SELECT p.number AS deal, p.contact FROM a_pairs p SEMI JOIN a_deal d USING (number)
        ANTI JOIN a_deal x ON x.number = p.contact
        WHERE p.n_in > 0
    ), side AS MATERIALIZED (
        SELECT p.number, p.contact FROM a_pairs p ANTI JOIN a_deal x USING (number)
        WHERE p.n_burst > 0 OR p.n_in > 0
    ), reach AS (
        SELECT v.number, c.deal, count(*) AS shared
        FROM side v JOIN cust c ON c.contact = v.contact GROUP BY v.number, c.deal
    ), own AS (
        SELECT number, count(*) AS contacts FROM side SEMI JOIN reach USING (number)
        GROUP BY number
    ), clash AS (
        SELECT DISTINCT r.number FROM reach r JOIN a_deal d ON d.number = r.deal
        JOIN a_scored n ON n.number = r.number
        WHERE r.shared >= {s.takeover_min_shared}
          AND date_diff('second', d.first_ts, n.last_ts) > {gap}
          AND date_diff('second', n.first_ts, d.last_ts) > {gap}
    ), timed AS (
        SELECT r.number, r.deal, r.shared, o.contacts, n.deal_line_score, n.first_ts, n.last_ts,
               CASE WHEN n.first_ts > d.first_ts THEN date_diff('second', d.last_ts, n.first_ts)
                    ELSE date_diff('second', n.last_ts, d.first_ts) END AS gap_s
        FROM reach r JOIN own o USING (number) JOIN a_deal d ON d.number = r.deal
        JOIN a_scored n ON n.number = r.number ANTI JOIN clash x ON x.number = r.number
        WHERE r.shared >= {s.takeover_min_shared}
          AND r.shared >= {s.takeover_min_share} * o.contacts
    )
    SELECT number, deal, deal_line_score, first_ts, last_ts,
           [format('{{}} of its {{}} customer-side contacts are customers of deal number {{}}, '
                   'and it {{}} {{}} hours from that number''s {{}} use: a number swap',
                   shared, contacts, deal,
                   CASE WHEN gap_s >= 0 THEN 'started' ELSE 'overlapped by' END,
                   round(abs(gap_s) / 3600.0, 1),
                   CASE WHEN first_ts > (SELECT first_ts FROM a_deal WHERE number = deal)
                        THEN 'last' ELSE 'first' END)] AS takeover_reasons
    FROM timed
    WHERE gap_s BETWEEN -{gap} AND {gap}
    QUALIFY row_number() OVER (PARTITION BY number ORDER BY shared DESC, deal) = 1
    """


def add_takeovers(con: duckdb.DuckDBPyConnection, s: AnalysisSettings) -> int:
    """Add swap successors and predecessors to a_deal, round after round; returns how many."""
    added = 0
    con.execute("CREATE OR REPLACE TEMP TABLE a_swaps (number VARCHAR, deal VARCHAR)")
    for _ in range(s.takeover_max_rounds):
        con.execute(f"CREATE OR REPLACE TEMP TABLE a_takeovers AS {takeovers_sql(s)}")
        row = con.execute("SELECT count(*) FROM a_takeovers").fetchone()
        if not row or not row[0]:
            break
        added += int(row[0])
        con.execute("INSERT INTO a_swaps SELECT number, deal FROM a_takeovers")
        con.execute("INSERT INTO a_deal BY NAME SELECT * EXCLUDE (deal) FROM a_takeovers")
    return added


def drop_stray_swaps(con: duckdb.DuckDBPyConnection, s: AnalysisSettings) -> int:
    """Remove from a_deal the swap successors (and predecessors) that grouping put in another
    line than the number they took over from: a line uses one number at a time, so one in use
    alongside that line's other numbers for days is a customer's friend (dev seed 1742: a
    friend of two customers, in touch with them for four months); returns how many."""
    dropped = con.execute(
        f"""
        DELETE FROM a_deal WHERE number IN (
            SELECT w.number FROM a_swaps w JOIN a_deal d ON d.number = w.number
            LEFT JOIN a_line_numbers a ON a.number = w.number
            LEFT JOIN a_line_numbers b ON b.number = w.deal
            WHERE d.deal_line_score < {s.deal_threshold}
              AND a.line_id IS DISTINCT FROM b.line_id)
        RETURNING number
        """
    ).fetchall()
    return len(dropped)


def line_takeovers_sql(s: AnalysisSettings) -> str:
    """Numbers outside a_deal whose contacts are mostly one line's, in use between its numbers.

    A line uses one number at a time, so a number most of whose contacts are a grouped line's
    customers and runners, and that was in use only while none of that line's known numbers was
    (give or take the stale orders of a swap), is a number of that line that the score and the
    number-to-number takeover missed: a chain of unobtained numbers, each seen only through a few
    obtained customers. A customer's friend is in touch with customers too, but for longer
    than the gap between two of the line's numbers. A runner counts only when the number
    contacts it: a line's phone passes orders on to its runners, while a runner's friend only
    hears from the runner. One shared contact is enough (still half
    of the number's contacts) when it orders from the number, is answered by it or gets two or
    more texts from it (a customer of the line: flares and swap notices, seen from one obtained
    customer's records, are never answered; calls do not count, as a line's phone texts its
    customers and is called by them, while a runner rings a customer on delivery) or takes its
    relays (a runner of the line), or when
    it texts a customer of the line and was first used within a planned swap's handover after
    one of the line's numbers' last use (up to 6 hours of silence and a couple of hours more
    for the notice, `line_handover_hours` plus `swap_notice_hours`: the new number's swap
    notice, its only trace if the line then stopped or its customers were not obtained). A
    flare goes to the line's whole customer
    list, so recipients of its bulk texts that no known line counts as crew (customers only
    ever seen through it) are left out of the number's contacts, unless it is a bulk sender
    (reminders to thousands, almost never answered). A number that relays orders to one of the
    line's runners likewise leaves out the callers it never contacts that no line knows: a phone
    passing orders on to a line's runner is that line's, and its callers are its customers, few
    of them known when few records were obtained (a runner's friend or controller is
    answered). A number that texted a customer of the line within that handover (the swap
    notice) counts only the contacts some line knows, as the customers who start buying from
    a new number are, when few records were obtained, mostly unknown (dev seeds 1223, 1291;
    dev seeds 1685 and 2005, where a notice 7 hours after the old number's last record, at
    the end of a planned swap's silence, went unmatched while the window was 2 hours). So does one
    that answered or served a customer of
    the line and was last used within a couple of hours before one of the line's numbers'
    first use (the line's earlier number, handing over): its other customers may have stopped
    buying, or gone unobtained, before the line's next obtained number (dev seed 1357: a new
    line's first number, obtained and in use for 13 hours, 18 of its 48 callers known). A
    number that texted a customer of the line and whose every record falls inside a gap of the
    line's chain (after one known number's last use, before the next one's first) with none
    but known crew (half of them this line's, the rest another line's: a flare goes to the
    line's whole customer list, and customers buy from more than one line) is that gap's
    number, however long after the swap its one text came: seen through one obtained
    customer, a missed number leaves a single notice or flare, while a friend of the customer
    is in touch outside the gap.
    A number that started after one of the line's known numbers had started (by more than the
    couple of hours of a swap notice) and stopped while that number went on for more than the
    two days of stale orders lies inside that number's use: it is neither its predecessor nor
    its successor, so not that line's.
    Such a number only called by the line's customers (or texting its runner) joins too when
    its records end within a planned swap's handover of the next known number's first use (or
    start as the previous one stops): the order went to the number in use as the line changed
    numbers, or the old number passed on its last orders (dev seed 2040: relays to the runner
    7.75 h before the next number, missed while the window was 2 h). A runner's call does not
    count there: it is a delivery to a customer (dev seed 1541: one fell in the 25 minutes
    between two of its line's numbers).
    At the chain's ends, with no next (or previous) known number to bound a gap, a number that
    texted the line's customers within the two days of stale orders after its last known
    number's last use (or before its first one's first use) joins when all its contacts are
    that line's: a swap notice may come hours after the old number's last recorded use, as a
    line is quiet at night, and when the line then stops that text is all there is; a contact
    of another line could be that line's number texting a customer of both. Within those two
    days a number only the line's customers ordered from (or that rang the line's runner)
    joins too, without a text: at the records' first day the line's earlier number is seen
    only through the orders its obtained customers sent it before the swap (dev seeds 1005,
    1020), while a runner's one delivery call to a customer's friend links nobody (dev seed
    709).
    After the chain's last known number the same holds for a number that texted the line's
    customers and has no contact but the line's, first used within days of that number's last
    use (`line_tail_days`): the line goes on after its last obtained number, and a number the
    records never show may come between, so its next number's notice or flare to an obtained
    customer is all there is (dev seeds 1685 and 1805: under 3 days after; 2012: 3.5 days).
    Whether a candidate stopped just before a known number's first use is judged on its use
    ending as a known number's does, at the last event it made (or two days before its last
    event, if later): orders still reach the old number after it stops (dev seed 2061: the
    line's first number, seen for an hour at the records' start, was called again 17 hours
    later). A number that sends flares (the same moment's texts to
    several of its contacts; not a bulk sender) and starts within a planned swap's handover
    after one of the line's numbers' last use, or stops within it before one's first use, and
    texted one of the line's customers, joins on that customer alone: a marketing number
    reaches the market's shared customers, most of them other lines' when few were obtained
    (dev seeds 2047, 2058: one of three and one of four).
    Of two lines with as many of its contacts, it joins the one whose known number stopped (or
    started) within a couple of hours of its own start (or stop), a few minutes' overlap
    allowed: a swap hands over at once, while a customer of two lines links it to the other
    line too (dev seeds 1403, 1421: a line's one-contact number went to the neighbouring line,
    in a gap of whose chain it also lay); else the one in a gap of whose chain it lies
    (a customer of two lines links it to both, but the other line had a number in use), else
    the one none of whose known numbers was in use while it was (before the line's first known
    number, say), else the one whose known numbers stopped or started nearest its own use, and
    only then the lower line id (dev seeds 1553, 1643: a one-text number went to a line whose
    gap ran for weeks rather than to the one that had swapped hours before). In gaps and
    overlaps a known number's use ends at the last event it made (or two days before its last
    event, if later): orders reach a line's old number for a couple of days after a swap and
    go unanswered (dev seed 1553: they hid the gap its next number lay in).
    Candidates of one line in use together for more than the stale-order margin join none of
    them: a line uses one number at a time, so several numbers reaching its customers across
    the same weeks are the customers' friends (or one true number among them that the records
    cannot tell apart). A strong candidate, one that relays orders to the line's runner or was
    first used within a couple of hours of one of the line's numbers' last use and texted two
    or more of the line's customers (the swap notice), is crowded out only by another strong
    one: it is the line's, and a customer's friend in touch with a customer meanwhile is not
    (dev seeds 1219, 1259: the friend of a customer of two lines took the line's next two
    numbers with it; 1272: a friend first used 38 hours after the line's last known number).
    A number none of whose contacts any line knows joins a line when it was first used within
    a couple of hours of one of the line's numbers' last use, every record of it lies in the
    gap that follows, it texted its few contacts and one of them ordered from it on several
    days, and no other line's gap fits it: the line's next number seen only through a customer
    who started buying after the known numbers' time (a customer's friend with a brief exchange
    as a swap happened to fall is kept out by the days of orders, dev seeds 1001-1024).
    Before a line's first known number, a number last used in the two days of stale orders
    before it joins when two or more of its contacts, and at least half, got the texts that
    first number sent in its first couple of hours (its swap notice), whether or not any line
    knows them: when few records were obtained, the customers of a line's earliest numbers
    may be seen only through that notice before they stop buying (dev seed 1241).
    A line's candidates join strongest first: one in use at any time while another candidate
    of the same line was, with more shared contacts (or as many and a longer use), waits for the
    next round, where it is checked against that one as a known number. Decided in one round,
    a number joined a line through the gap that the line's stronger candidate of that round
    filled, though it lay inside that candidate's use (dev seeds 903, 908).
    """
    gap = s.takeover_max_gap_hours * 3600
    notice = s.swap_notice_hours * 3600
    handover = (s.line_handover_hours + s.swap_notice_hours) * 3600
    tail = s.line_tail_days * 86400
    # a candidate's use ends as a known number's does (line_spans_sql): orders after it do not
    # count. `swaps` gives each candidate's shortest time after one of the line's numbers
    # stopped, and before one started, which the swap and handover windows are tested on.
    live_last = f"greatest(coalesce(u.last_out_ts, n.first_ts), n.last_ts - to_seconds({gap}))"
    return f"""
    WITH crew AS (
        SELECT l.line_id, c.contact, bool_or(c.kind = 'runner') AS runner
        FROM a_deal_contacts c JOIN a_line_numbers l USING (number) GROUP BY ALL
    ), side AS (SELECT p.* FROM a_pairs p ANTI JOIN a_deal x USING (number)),
    bulk AS ({bulk_senders_sql(s)}),
    spans AS ({line_spans_sql(s)}), gaps AS (
        SELECT line_id, prev_last AS gap_from, first_ts AS gap_to FROM (
            SELECT line_id, first_ts, max(live_last) OVER (
                     PARTITION BY line_id ORDER BY first_ts, number
                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_last
            FROM spans)
        WHERE prev_last < first_ts
    ), ends AS (
        SELECT line_id, min(first_ts) AS first_use, max(last_ts) AS last_use FROM spans
        GROUP BY line_id
    ), heads AS MATERIALIZED (
        SELECT d.line_id, x.b AS contact
        FROM spans d JOIN ends e ON e.line_id = d.line_id AND e.first_use = d.first_ts
        JOIN a_edges x ON x.a = d.number
        WHERE x.n_sms_direct > 0 AND date_diff('second', d.first_ts, x.first_ts) <= {notice}
    ), heralded AS (
        SELECT v.number, h.line_id, count(*) AS heralded
        FROM side v JOIN heads h ON h.contact = v.contact GROUP BY ALL
    ), reach AS (
        SELECT v.number, c.line_id, count(*) AS shared,
               count(*) FILTER (NOT c.runner OR v.n_out > 0) AS linked,
               count(*) FILTER (
                 ((v.led OR v.out_sms + v.n_burst >= 2 OR (v.n_in > 0 AND v.n_out > 0))
                  AND NOT c.runner)
                 OR (c.runner AND {relays_to_sql(s, "v")})
               ) AS served,
               count(*) FILTER (c.runner AND {relays_to_sql(s, "v")}) AS relayed,
               count(*) FILTER (v.n_out > 0 AND NOT c.runner) AS notified,
               count(*) FILTER ((v.n_out > 0 OR v.n_burst > 0) AND NOT c.runner) AS texted
        FROM side v JOIN crew c ON c.contact = v.contact GROUP BY v.number, c.line_id
    ), own AS (
        SELECT v.number, count(*) FILTER (
                 v.n_in > 0 OR v.n_out > 0 OR c.contact IS NOT NULL OR b.number IS NOT NULL
               ) AS contacts,
               count(*) FILTER (c.contact IS NOT NULL) AS crew_contacts,
               count(*) FILTER (v.n_out > 0 OR c.contact IS NOT NULL OR b.number IS NOT NULL)
                 AS answered,
               count(*) FILTER (v.n_burst > 0 AND b.number IS NULL) AS flared
        FROM side v SEMI JOIN reach r ON r.number = v.number
        LEFT JOIN (SELECT DISTINCT contact FROM crew) c USING (contact)
        LEFT JOIN bulk b ON b.number = v.number GROUP BY v.number
    ), swaps AS (
        SELECT r.number, r.line_id,
               min(date_diff('second', d.last_ts, n.first_ts))
                 FILTER (date_diff('second', d.last_ts, n.first_ts) >= 0) AS after_s,
               min(date_diff('second', {live_last}, d.first_ts))
                 FILTER (date_diff('second', {live_last}, d.first_ts) >= 0) AS before_s
        FROM reach r JOIN a_scored n USING (number) JOIN spans d USING (line_id)
        LEFT JOIN a_activity u ON u.number = r.number
        GROUP BY r.number, r.line_id
    ), placed AS (
        SELECT r.*, o.contacts, o.crew_contacts, o.answered, o.flared, n.deal_line_score,
               n.first_ts,
               n.last_ts, e.first_use, e.last_use, coalesce(hd.heralded, 0) AS heralded,
               EXISTS (
                 SELECT 1 FROM gaps g WHERE g.line_id = r.line_id
                   AND n.first_ts > g.gap_from AND n.last_ts < g.gap_to) AS in_gap,
               NOT EXISTS (
                 SELECT 1 FROM spans d WHERE d.line_id = r.line_id
                   AND d.first_ts < n.last_ts AND n.first_ts < d.live_last) AS free,
               (SELECT min(CASE
                         WHEN d.live_last <= n.first_ts
                           THEN date_diff('second', d.live_last, n.first_ts)
                         WHEN d.first_ts >= n.last_ts
                           THEN date_diff('second', n.last_ts, d.first_ts) END)
                FROM spans d WHERE d.line_id = r.line_id) AS nearest_s,
               coalesce(t.after_s <= {notice}, false) AS after_swap,
               coalesce(t.after_s <= {handover}, false) AS after_handover,
               coalesce(t.before_s <= {notice}, false) AS before_swap,
               coalesce(t.before_s <= {handover}, false) AS before_handover,
               EXISTS (
                 SELECT 1 FROM spans d WHERE d.line_id = r.line_id
                   AND (abs(date_diff('second', d.last_ts, n.first_ts)) <= {notice}
                        OR abs(date_diff('second', n.last_ts, d.first_ts)) <= {notice})
               ) AS handover,
               date_diff('second', e.last_use, n.first_ts) BETWEEN 0 AND {gap}
                 OR date_diff('second', n.last_ts, e.first_use) BETWEEN 0 AND {gap} AS at_end,
               date_diff('second', e.last_use, n.first_ts) BETWEEN 0 AND {tail} AS in_tail
        FROM reach r JOIN own o USING (number) JOIN a_scored n USING (number)
        JOIN ends e USING (line_id)
        LEFT JOIN swaps t ON t.number = r.number AND t.line_id = r.line_id
        LEFT JOIN heralded hd ON hd.number = r.number AND hd.line_id = r.line_id
    ), checked AS (
        SELECT *, (linked >= {s.takeover_min_shared} OR served > 0 OR flaring
                   OR (notified > 0 AND after_handover)
                   OR (texted > 0 AND crew_contacts = contacts AND in_gap)
                   OR (linked = contacts AND in_gap AND (after_handover OR before_handover))
                   OR (linked = contacts AND at_end)
                   OR (texted > 0 AND shared = contacts AND (at_end OR in_tail)))
                  AND shared >= {s.takeover_min_share} * judged AS matched
        FROM (SELECT *, CASE WHEN relayed > 0 THEN answered
                             WHEN flaring THEN shared
                             WHEN notified > 0 AND after_handover THEN crew_contacts
                             WHEN served > 0 AND before_swap THEN crew_contacts
                             ELSE contacts END AS judged
              FROM (SELECT *, flared >= {s.burst_min_recipients} AND texted > 0
                                AND (after_handover OR before_handover) AS flaring
                    FROM placed))
    ), found AS (
        SELECT r.number, r.line_id, r.shared, r.deal_line_score, r.first_ts, r.last_ts,
               r.in_gap, r.free, r.nearest_s, r.handover, r.relayed > 0 AS relays,
               r.relayed > 0 OR (r.after_swap AND r.notified >= 2) AS strong,
               r.judged AS contacts,
               CASE WHEN r.first_ts > r.last_use THEN 'after that line''s last known number'
                    WHEN r.last_ts < r.first_use THEN 'before that line''s first known number'
                    ELSE 'only between that line''s known numbers' END AS place,
               NULL::DOUBLE AS after_hours,
               CASE WHEN NOT r.matched THEN r.heralded END AS herald
        FROM checked r
        WHERE r.matched
           OR (r.heralded >= 2 AND r.heralded >= {s.takeover_min_share} * r.contacts
               AND r.at_end AND r.last_ts < r.first_use)
    ), lone_at AS (
        SELECT n.number, g.line_id, n.deal_line_score, n.first_ts, n.last_ts,
               round(date_diff('second', g.gap_from, n.first_ts) / 3600.0, 1) AS after_hours
        FROM a_scored n JOIN (
            SELECT *, unnest(range(date_trunc('hour', gap_from),
                                   date_trunc('hour', gap_from + to_seconds({notice}))
                                     + INTERVAL 1 HOUR, INTERVAL 1 HOUR)) AS hour
            FROM gaps) g
          ON date_trunc('hour', n.first_ts) = g.hour
         AND n.first_ts > g.gap_from AND n.first_ts <= g.gap_from + to_seconds({notice})
        WHERE n.last_ts < g.gap_to
    ), lone AS (
        SELECT t.number, t.line_id, 0 AS shared, t.deal_line_score, t.first_ts, t.last_ts,
               true AS in_gap, true AS free, 0 AS nearest_s, true AS handover,
               false AS relays, false AS strong,
               o.contacts,
               'only between that line''s known numbers' AS place, t.after_hours,
               NULL::BIGINT AS herald
        FROM lone_at t JOIN (
            SELECT number, count(*) AS contacts, sum(out_sms) AS sms_out,
                   bool_or(led AND in_days >= {s.lone_min_order_days}) AS led
            FROM side SEMI JOIN lone_at USING (number) GROUP BY number) o USING (number)
        ANTI JOIN reach r ON r.number = t.number
        ANTI JOIN (SELECT DISTINCT contact FROM crew) c ON c.contact = t.number
        ANTI JOIN bulk b ON b.number = t.number
        WHERE o.sms_out > 0 AND o.led AND o.contacts <= {s.lone_max_contacts}
        QUALIFY count(*) OVER (PARTITION BY t.number) = 1
    ), cand AS (
        SELECT * FROM found
        UNION ALL SELECT * FROM lone
    ), clash AS (
        SELECT c.number, c.line_id FROM cand c JOIN spans d ON d.line_id = c.line_id
        WHERE (date_diff('second', d.first_ts, c.last_ts) > {gap}
               AND date_diff('second', c.first_ts, d.last_ts) > {gap})
           OR (date_diff('second', d.first_ts, c.first_ts) > {notice}
               AND date_diff('second', c.last_ts, d.last_ts) > {gap})
    ), chosen AS (
        SELECT c.number, c.deal_line_score, c.first_ts, c.last_ts, c.line_id, c.shared, c.strong,
               [CASE WHEN c.herald IS NOT NULL THEN
                 format('{{}} of its {{}} contacts got the texts line {{}}''s first known number '
                       'sent as it started, and it was last used in the two days before: the '
                       'line''s earlier number, seen through the customers its swap notice '
                       'reached', c.herald, c.contacts, m.ref)
                 WHEN c.after_hours IS NULL THEN
                 format('{{}} of its {{}} contacts{{}} are customers or runners of line {{}}, and '
                       'it was in use {{}}: a number swap',
                       c.shared, c.contacts,
                       CASE WHEN c.relays THEN ' (it relays orders to the line''s runner, so '
                            'callers it never contacts that no line knows, its customers, are '
                            'left out)' ELSE '' END, m.ref, c.place)
                 ELSE format('it was first used {{}} hours after a number of line {{}} was last '
                       'used, texted its {{}} contacts, none known to any line, and was in use '
                       'only in that gap of the line''s numbers: a number swap seen through '
                       'customers the line''s known numbers never reached',
                       c.after_hours, m.ref, c.contacts) END] AS takeover_reasons
        FROM cand c ANTI JOIN clash x ON x.number = c.number AND x.line_id = c.line_id
        JOIN (SELECT line_id, '{{line:' || arg_min(number, position) || '}}' AS ref
              FROM a_line_numbers GROUP BY line_id) m ON m.line_id = c.line_id
        QUALIFY row_number() OVER (
            PARTITION BY c.number
            ORDER BY c.shared DESC, c.handover DESC, c.in_gap DESC, c.free DESC,
                     c.nearest_s NULLS LAST, c.line_id
        ) = 1
    ), crowded AS (
        SELECT DISTINCT c.number FROM chosen c JOIN chosen o
          ON o.line_id = c.line_id AND o.number <> c.number
        WHERE date_diff('second', greatest(c.first_ts, o.first_ts),
                        least(c.last_ts, o.last_ts)) > {gap}
          AND (o.strong OR NOT c.strong)
    ), kept AS (SELECT * EXCLUDE (strong) FROM chosen ANTI JOIN crowded USING (number)
    ), waiting AS (
        SELECT DISTINCT c.number FROM kept c JOIN kept o
          ON o.line_id = c.line_id AND o.number <> c.number
        WHERE c.first_ts <= o.last_ts AND o.first_ts <= c.last_ts
          AND (o.shared, o.last_ts - o.first_ts, o.number)
              > (c.shared, c.last_ts - c.first_ts, c.number)
    )
    SELECT c.number, c.deal_line_score, c.first_ts, c.last_ts, c.line_id, c.takeover_reasons
    FROM kept c ANTI JOIN waiting USING (number)
    """


def add_line_takeovers(con: duckdb.DuckDBPyConnection, s: AnalysisSettings) -> int:
    """Add one round of line-level takeovers to a_deal, their lines to a_line_joins."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE a_takeovers AS {line_takeovers_sql(s)}")
    row = con.execute("SELECT count(*) FROM a_takeovers").fetchone()
    if not row or not row[0]:
        return 0
    con.execute(
        "INSERT INTO a_line_joins SELECT t.number, arg_min(l.number, l.position) "
        "FROM a_takeovers t JOIN a_line_numbers l USING (line_id) GROUP BY t.number"
    )
    con.execute("INSERT INTO a_deal BY NAME SELECT * EXCLUDE (line_id) FROM a_takeovers")
    return int(row[0])


def name_lines_sql() -> str:
    """Reasons' line references, `{line:N}` (the line of deal number N), as final line ids.

    Lines are regrouped, and renumbered, after every round of line takeovers, so a reason
    written in a round names the line by one of its numbers until the lines are final.
    """
    return r"""
    WITH m AS (SELECT map_from_entries(list((number, line_id))) AS ids FROM a_line_numbers)
    UPDATE a_deal SET takeover_reasons = list_transform(takeover_reasons, lambda r:
        CASE WHEN r LIKE '%{line:%' THEN replace(
                 r, regexp_extract(r, '\{line:[^}]*\}'),
                 coalesce(m.ids[regexp_extract(r, '\{line:([^}]*)\}', 1)], 'unknown'))
             ELSE r END)
    FROM m
    """


def relay_seeds_sql(s: AnalysisSettings) -> str:
    """Numbers outside a_deal that relay orders to one phone and take orders from customers.

    A line whose every number went unobtained still shows through its runner's records: the
    deal phone passes each order on (tens of texts a day, day after day) and the runner seldom
    answers, while the customers who call it are texted back. A controller's or friend's
    messages are answered; a bulk sender texts each recipient once; a heavy customer messages
    the line's own number day after day, so a deal line is no runner here (dev seed 1449).
    """
    return f"""
    WITH relay AS (
        SELECT e.a AS number, e.b AS runner, (e.n - e.n_burst) / e.days AS rate, e.days
        FROM a_edges e LEFT JOIN a_edges r ON r.a = e.b AND r.b = e.a
        ANTI JOIN a_deal x ON x.number = e.b
        WHERE e.days >= {s.relay_seed_days}
          AND (e.n - e.n_burst) >= {s.relay_seed_rate} * e.days
          AND coalesce(r.n, 0) * 5 <= e.n - e.n_burst
    )
    SELECT n.number, n.deal_line_score, n.first_ts, n.last_ts,
           [format('relays about {{}} messages a day on {{}} days to {{}}, which seldom answers, '
                   'and texts back {{}} of its {{}} customer-like contacts: a deal phone seen '
                   'through its runner', round(r.rate), r.days, r.runner, n.led_replied, n.led)]
             AS takeover_reasons
    FROM relay r JOIN a_scored n USING (number) ANTI JOIN a_deal d USING (number)
    WHERE n.led_replied >= 1
    QUALIFY row_number() OVER (PARTITION BY n.number ORDER BY r.rate DESC, r.runner) = 1
    """


def flare_seeds_sql(s: AnalysisSettings) -> str:
    """Numbers outside a_deal whose contacts are nearly all customers who get its flares.

    A line none of whose numbers was obtained shows only through the few customers who were:
    each number has a handful of contacts, too few for the score, but nearly every one of them
    gets its bulk texts and contacts it back, and most call in on several days and are seldom
    called back. A person's group texts reach friends who are called back, and a business's
    reminders reach thousands who seldom answer.
    """
    return f"""
    SELECT number, deal_line_score, first_ts, last_ts,
           [format('{{}} of its {{}} contacts get its bulk texts and contact it, and {{}} call in '
                   'on several days and are seldom called back: a deal line seen through a few '
                   'of its customers', burst_recipients_contacting, contacts, led)]
             AS takeover_reasons
    FROM a_scored ANTI JOIN a_deal USING (number)
    WHERE burst_recipients_contacting >= {s.flare_seed_min_answered}
      AND burst_recipients_contacting >= {s.flare_seed_min_share} * contacts
      AND led >= {s.flare_seed_min_customers}
      AND led >= {s.flare_seed_min_customer_share} * contacts
    """


def add_seeds(con: duckdb.DuckDBPyConnection, s: AnalysisSettings) -> int:
    """Add relay seeds, then flare seeds, to a_deal; returns how many."""
    added = 0
    for sql in (relay_seeds_sql(s), flare_seeds_sql(s)):
        con.execute(f"CREATE OR REPLACE TEMP TABLE a_takeovers AS {sql}")
        con.execute("INSERT INTO a_deal BY NAME SELECT * FROM a_takeovers")
        row = con.execute("SELECT count(*) FROM a_takeovers").fetchone()
        added += int(row[0]) if row else 0
    return added
