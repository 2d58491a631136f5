"""Contact-graph features computed in the store: small SQL builders chained into temp tables.

Each `*_sql` function returns the text of one SELECT over tables built by the ones before it
(`comm_event_rows`, then `a_bursts`, `a_daily`, `a_edges`, `a_nodes`); `build_features`
materialises them. Numbers are the store's BIGINT keys (E.164 digits) up to the edge and
activity tables, which hold text.
"""

from __future__ import annotations

import duckdb

from linewatch.analyse.settings import AnalysisSettings
from linewatch.store.sql import number_text_sql


def bursts_sql(s: AnalysisSettings) -> str:
    """Bulk-message bursts: one sender texting many distinct numbers in the same short window
    (`num` is the sender's BIGINT key, for the join in `daily_sql`).

    Distinct recipients are counted only in the windows with enough texts (a plain count first:
    0.75 s against 1.0-1.1 s for counting distinct recipients in every window of 8.9 M events).
    """
    return f"""
    WITH sms AS (
        SELECT caller AS num, floor(epoch(ts) / {s.burst_window_s})::BIGINT AS bucket, callee
        FROM comm_event_rows WHERE type = 'sms'
    ), busy AS (
        SELECT num, bucket FROM sms GROUP BY num, bucket
        HAVING count(*) >= {s.burst_min_recipients}
    )
    SELECT {number_text_sql("num")} AS number, bucket, recipients, num
    FROM (
        SELECT num, bucket, count(DISTINCT callee) AS recipients
        FROM sms SEMI JOIN busy USING (num, bucket)
        GROUP BY num, bucket
    )
    WHERE recipients >= {s.burst_min_recipients}
    """


# Quarter hours, in microseconds: every time zone's offset changes on a quarter hour (UTC).
QUARTER_US = 900_000_000


def zone_sql() -> str:
    """The session time zone's UTC offset (microseconds) for each quarter hour the records span.

    Each event's local day and hour then come from integer arithmetic and a lookup in this
    table as one list (a per-row cast of the zoned time to a date and an hour cost 1.7 CPU-s
    per 8.7 M events). Not a join: the planner guessed a join on the computed key kept a few
    thousand rows and built its hash table on all the events (out of memory at 89 M). Integer
    division truncates, so the range has a margin either side.
    """
    return f"""
    WITH span AS (
        SELECT epoch_us(min(ts)) // {QUARTER_US} - 2 AS lo,
               epoch_us(max(ts)) // {QUARTER_US} + 2 AS hi
        FROM comm_event_rows
    )
    SELECT q, 1000000 * (CAST(epoch(timezone(current_setting('TimeZone'),
                                             to_timestamp(q * {QUARTER_US // 1_000_000})))
                              AS BIGINT) - q * {QUARTER_US // 1_000_000}) AS off_us
    FROM (SELECT unnest(range(lo, hi + 1)) AS q FROM span)
    """


def daily_sql(s: AnalysisSettings) -> str:
    """The one pass over the records: events per (caller, callee, local day) on BIGINT keys,
    with how many were burst messages, calls, direct texts and at night, and the first and last.

    Self-contacts are kept (activity counts them, the edges do not); edges and activity are
    both sums over these rows.
    """
    return f"""
    WITH zone AS (SELECT min(q) AS lo, list(off_us ORDER BY q) AS offsets FROM a_zone),
    ev AS (
        SELECT e.caller AS a, e.callee AS b, e.ts, e.type,
               make_timestamp(epoch_us(e.ts)
                              + z.offsets[epoch_us(e.ts) // {QUARTER_US} - z.lo + 1]) AS local
        FROM comm_event_rows e CROSS JOIN zone z
    )
    SELECT e.a, e.b, CAST(e.local AS DATE) AS day, count(*) AS n,
           count(*) FILTER (x.num IS NOT NULL) AS n_burst,
           count(*) FILTER (e.type = 'call') AS n_call,
           count(*) FILTER (e.type = 'sms' AND x.num IS NULL) AS n_sms_direct,
           count(*) FILTER (hour(e.local) < {s.night_end_hour}) AS n_night,
           min(e.ts) AS first_ts, max(e.ts) AS last_ts
    FROM ev e
    LEFT JOIN a_bursts x
      ON x.num = e.a AND e.type = 'sms'
     AND x.bucket = floor(epoch(e.ts) / {s.burst_window_s})::BIGINT
    GROUP BY e.a, e.b, day
    """


def edges_sql() -> str:
    """Directed multi-edge aggregate: events a -> b, how many were burst messages, calls, days."""
    return f"""
    SELECT {number_text_sql("a")} AS a, {number_text_sql("b")} AS b, sum(n)::BIGINT AS n,
           sum(n_burst)::BIGINT AS n_burst, sum(n_call)::BIGINT AS n_call,
           sum(n_sms_direct)::BIGINT AS n_sms_direct, count(*) AS days,
           sum(n_night)::BIGINT AS n_night, min(first_ts) AS first_ts, max(last_ts) AS last_ts
    FROM a_daily
    WHERE a <> b
    GROUP BY a, b
    """


def pairs_sql(s: AnalysisSettings) -> str:
    """Each (number, contact) pair with events both ways: inbound, outbound direct, calls out."""
    return f"""
    SELECT coalesce(i.b, o.a) AS number, coalesce(i.a, o.b) AS contact,
           coalesce(i.n, 0) AS n_in, coalesce(i.days, 0) AS in_days,
           coalesce(o.n - o.n_burst, 0) AS n_out, coalesce(o.days, 0) AS out_days,
           coalesce(o.n_call, 0) AS out_calls,
           coalesce(o.n_sms_direct, 0) AS out_sms, coalesce(o.n_burst, 0) AS n_burst,
           coalesce(i.n, 0) >= 2 AND coalesce(i.days, 0) >= 2
             AND coalesce(o.n_call, 0) <= {s.led_max_call_ratio} * coalesce(i.n, 0) AS led
    FROM (SELECT * FROM a_edges) i
    FULL OUTER JOIN (SELECT * FROM a_edges) o ON i.b = o.a AND i.a = o.b
    """


def nodes_sql() -> str:
    """Per number: volumes, contacts, reciprocity, customer-like contacts, replies, flares."""
    return """
    SELECT p.number,
           sum(p.n_in) AS in_ev, sum(p.n_out) AS out_ev,
           count(*) FILTER (p.n_in > 0) AS in_deg, count(*) FILTER (p.n_out > 0) AS out_deg,
           count(*) FILTER (p.n_in > 0 AND p.n_out > 0) AS mutual,
           count(*) AS contacts,
           count(*) FILTER (p.led) AS led,
           count(*) FILTER (p.led AND p.out_sms > 0) AS led_replied,
           count(*) FILTER (p.n_burst > 0) AS burst_recipients,
           count(*) FILTER (p.n_burst > 0 AND p.n_in > 0) AS burst_recipients_contacting,
           max(p.n_out) AS top_out
    FROM a_pairs p GROUP BY p.number
    """


def activity_sql() -> str:
    """Per number: active days, first and last event, last event it made, night share (each
    event counts once for each end, as both ends were active).

    The last event it made bounds its use better than its last event: orders reach a line's
    old number for a couple of days after a swap (stale orders), and it answers none of them.
    """
    return f"""
    WITH sides AS (
        SELECT a AS num, day, n, n_night, first_ts, last_ts, last_ts AS last_out FROM a_daily
        UNION ALL SELECT b, day, n, n_night, first_ts, last_ts, NULL FROM a_daily
    )
    SELECT {number_text_sql("num")} AS number, count(DISTINCT day) AS active_days,
           min(first_ts) AS first_ts, max(last_ts) AS last_ts, max(last_out) AS last_out_ts,
           sum(n_night) / sum(n) AS night_share
    FROM sides GROUP BY num
    """


def line_spans_sql(s: AnalysisSettings) -> str:
    """Each grouped line's numbers (line_id, number) with their first and last event and their
    last use (live_last): the last event the number made (its first event if it made none), or
    its last event less the two days of stale orders if that is later. Orders reach a line's
    old number for a couple of days after a swap, and it answers none (unseen seed 1811: a
    number seen only through orders hid its successor's swap notice)."""
    return f"""
    SELECT l.line_id, l.number, d.first_ts, d.last_ts,
           greatest(coalesce(a.last_out_ts, d.first_ts),
                    d.last_ts - to_seconds({s.takeover_max_gap_hours * 3600})) AS live_last
    FROM a_line_numbers l JOIN a_deal d USING (number) LEFT JOIN a_activity a USING (number)
    """


def handsets_sql() -> str:
    """Per number: handsets used, and other numbers seen in any of those handsets."""
    return """
    WITH hu AS (SELECT DISTINCT number, imei FROM handset_use)
    SELECT h.number, count(DISTINCT h.imei) AS imeis,
           count(DISTINCT o.number) FILTER (o.number <> h.number) AS handset_peers,
           list(DISTINCT h.imei ORDER BY h.imei) AS imei_list
    FROM hu h JOIN hu o ON o.imei = h.imei
    GROUP BY h.number
    """


def relays_to_sql(s: AnalysisSettings, pair: str = "p") -> str:
    """Whether `pair`'s number relays to its contact like a line to its runner: many messages
    out, few back, several on each day it messages them (each order of a shift is passed on;
    an obtained customer gets the line's flares and swap notices one at a time, a day apart)."""
    return (
        f"({pair}.n_out >= {s.runner_min_relays} AND {pair}.n_in * 5 <= {pair}.n_out"
        f" AND {pair}.n_out >= {s.runner_min_relay_rate} * {pair}.out_days)"
    )


def strong_lines_sql(s: AnalysisSettings) -> str:
    """Plain deal lines: many customer-like contacts and answered flares (a_nodes)."""
    return f"""
        SELECT number FROM a_nodes
        WHERE led >= {s.strong_min_customers}
          AND burst_recipients_contacting >= {s.strong_min_customers}"""


def bulk_senders_sql(s: AnalysisSettings) -> str:
    """Bulk senders (reminders to thousands, almost never answered): they text a deal number as
    they text everyone, so they are neither its customers nor its crew (a_nodes)."""
    return f"""
        SELECT number FROM a_nodes
        WHERE burst_recipients >= {s.strong_min_customers}
          AND burst_recipients_contacting < {s.flare_min_answered} * burst_recipients"""


def relays_sql(s: AnalysisSettings) -> str:
    """Per number: its busiest daily rate of messages to a runner of a plain deal line.

    Runners are the contacts a plain deal line (many customer-like contacts, answered flares)
    messages often without being contacted back: a deal phone seen only through its runner's
    records still shows by relaying every order to that runner.
    """
    return f"""
    WITH strong AS ({strong_lines_sql(s)}), runners AS (
        SELECT DISTINCT p.contact AS number FROM a_pairs p JOIN strong USING (number)
        WHERE {relays_to_sql(s)}
    )
    SELECT e.a AS number, max((e.n - e.n_burst) / e.days) AS relay_rate,
           arg_max(e.b, ((e.n - e.n_burst) / e.days, e.b)) AS relay_to
    FROM a_edges e JOIN runners r ON r.number = e.b
    WHERE e.n - e.n_burst >= {s.runner_min_relays}
    GROUP BY e.a
    """


def customer_base_sql(s: AnalysisSettings) -> str:
    """Per number: inbound contacts who are customers of a plain deal line (a shared base)."""
    return f"""
    WITH strong AS ({strong_lines_sql(s)}), base AS (
        SELECT DISTINCT p.contact AS number FROM a_pairs p JOIN strong USING (number)
        WHERE p.led
    )
    SELECT p.number, count(*) AS base_contacts
    FROM a_pairs p JOIN base b ON b.number = p.contact
    WHERE p.n_in > 0
    GROUP BY p.number
    """


FEATURE_TABLES: tuple[tuple[str, str], ...] = (
    ("a_bursts", "bursts"),
    ("a_zone", "zone"),
    ("a_daily", "daily"),
    ("a_edges", "edges"),
    ("a_activity", "activity"),
    ("a_pairs", "pairs"),
    ("a_nodes", "nodes"),
    ("a_relays", "relays"),
    ("a_base", "customer_base"),
    ("a_handsets", "handsets"),
)
SCRATCH_TABLES = ("a_zone", "a_daily")  # read only by later feature tables: dropped to free memory


def feature_sql(name: str, s: AnalysisSettings) -> str:
    """The SELECT for one named feature table."""
    builders = {
        "bursts": bursts_sql,
        "daily": daily_sql,
        "pairs": pairs_sql,
        "relays": relays_sql,
        "customer_base": customer_base_sql,
    }
    if name in builders:
        return builders[name](s)
    return {
        "zone": zone_sql,
        "edges": edges_sql,
        "activity": activity_sql,
        "nodes": nodes_sql,
        "handsets": handsets_sql,
    }[name]()


def build_features(con: duckdb.DuckDBPyConnection, s: AnalysisSettings) -> None:
    """Materialise every feature table as a temp table of this connection."""
    for table, name in FEATURE_TABLES:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS {feature_sql(name, s)}")
    for table in SCRATCH_TABLES:
        con.execute(f"DROP TABLE {table}")
