"""Contact-graph features computed in the store: small SQL builders chained into temp tables.

Each `*_sql` function returns the text of one SELECT over tables built by the ones before it
(`comm_events`, then `a_bursts`, `a_edges`, `a_nodes`); `build_features` materialises them.
"""

from __future__ import annotations

import duckdb

from linewatch.analyse.settings import AnalysisSettings


def bursts_sql(s: AnalysisSettings) -> str:
    """Bulk-message bursts: one sender texting many distinct numbers in the same short window."""
    return f"""
    SELECT caller AS number, floor(epoch(ts) / {s.burst_window_s})::BIGINT AS bucket,
           count(DISTINCT callee) AS recipients
    FROM comm_events WHERE type = 'sms'
    GROUP BY caller, bucket
    HAVING count(DISTINCT callee) >= {s.burst_min_recipients}
    """


def edges_sql(s: AnalysisSettings) -> str:
    """Directed multi-edge aggregate: events a -> b, how many were burst messages, calls, days."""
    return f"""
    SELECT e.caller AS a, e.callee AS b, count(*) AS n,
           count(*) FILTER (b.number IS NOT NULL) AS n_burst,
           count(*) FILTER (e.type = 'call') AS n_call,
           count(*) FILTER (e.type = 'sms' AND b.number IS NULL) AS n_sms_direct,
           count(DISTINCT CAST(e.ts AS DATE)) AS days,
           count(*) FILTER (hour(e.ts) < {s.night_end_hour}) AS n_night,
           min(e.ts) AS first_ts, max(e.ts) AS last_ts
    FROM comm_events e
    LEFT JOIN a_bursts b
      ON b.number = e.caller AND e.type = 'sms'
     AND b.bucket = floor(epoch(e.ts) / {s.burst_window_s})::BIGINT
    WHERE e.caller <> e.callee
    GROUP BY e.caller, e.callee
    """


def pairs_sql(s: AnalysisSettings) -> str:
    """Each (number, contact) pair with events both ways: inbound, outbound direct, calls out."""
    return f"""
    SELECT coalesce(i.b, o.a) AS number, coalesce(i.a, o.b) AS contact,
           coalesce(i.n, 0) AS n_in, coalesce(i.days, 0) AS in_days,
           coalesce(o.n - o.n_burst, 0) AS n_out, coalesce(o.n_call, 0) AS out_calls,
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


def activity_sql(s: AnalysisSettings) -> str:
    """Per number: active days, first and last event, night share."""
    return f"""
    WITH sides AS (
        SELECT caller AS number, ts FROM comm_events
        UNION ALL SELECT callee, ts FROM comm_events
    )
    SELECT number, count(DISTINCT CAST(ts AS DATE)) AS active_days,
           min(ts) AS first_ts, max(ts) AS last_ts,
           avg(CASE WHEN hour(ts) < {s.night_end_hour} THEN 1.0 ELSE 0.0 END) AS night_share
    FROM sides GROUP BY number
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


def relays_sql(s: AnalysisSettings) -> str:
    """Per number: its busiest daily rate of messages to a runner of a plain deal line.

    Runners are the contacts a plain deal line (many customer-like contacts, answered flares)
    messages often without being contacted back: a deal phone seen only through its runner's
    records still shows by relaying every order to that runner.
    """
    return f"""
    WITH strong AS (
        SELECT number FROM a_nodes
        WHERE led >= {s.strong_min_customers}
          AND burst_recipients_contacting >= {s.strong_min_customers}
    ), runners AS (
        SELECT DISTINCT p.contact AS number FROM a_pairs p JOIN strong USING (number)
        WHERE p.n_out >= {s.runner_min_relays} AND p.n_in * 5 <= p.n_out
    )
    SELECT e.a AS number, max((e.n - e.n_burst) / e.days) AS relay_rate,
           arg_max(e.b, (e.n - e.n_burst) / e.days) AS relay_to
    FROM a_edges e JOIN runners r ON r.number = e.b
    WHERE e.n - e.n_burst >= {s.runner_min_relays}
    GROUP BY e.a
    """


def customer_base_sql(s: AnalysisSettings) -> str:
    """Per number: inbound contacts who are customers of a plain deal line (a shared base)."""
    return f"""
    WITH strong AS (
        SELECT number FROM a_nodes
        WHERE led >= {s.strong_min_customers}
          AND burst_recipients_contacting >= {s.strong_min_customers}
    ), base AS (
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
    ("a_edges", "edges"),
    ("a_pairs", "pairs"),
    ("a_nodes", "nodes"),
    ("a_relays", "relays"),
    ("a_base", "customer_base"),
    ("a_activity", "activity"),
    ("a_handsets", "handsets"),
)


def feature_sql(name: str, s: AnalysisSettings) -> str:
    """The SELECT for one named feature table."""
    builders = {
        "bursts": bursts_sql,
        "edges": edges_sql,
        "pairs": pairs_sql,
        "activity": activity_sql,
        "relays": relays_sql,
        "customer_base": customer_base_sql,
    }
    if name in builders:
        return builders[name](s)
    return {"nodes": nodes_sql, "handsets": handsets_sql}[name]()


def build_features(con: duckdb.DuckDBPyConnection, s: AnalysisSettings) -> None:
    """Materialise every feature table as a temp table of this connection."""
    for table, name in FEATURE_TABLES:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS {feature_sql(name, s)}")
