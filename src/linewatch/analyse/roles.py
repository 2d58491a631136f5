"""Number roles from the deal lines outward: runners they relay to, customers who call them,
the controller who directs a line's runners; everything else is `other`.
"""

from __future__ import annotations

from linewatch.analyse.features import bulk_senders_sql
from linewatch.analyse.settings import AnalysisSettings
from linewatch.store.sql import number_key_sql, number_text_sql


def runners_sql() -> str:
    """Runners: numbers a deal line relays orders to; their line is the one relaying most."""
    return """
    SELECT c.contact AS number, arg_max(l.line_id, (p.n_out, l.line_id)) AS line_id,
           sum(p.n_out) AS relays, count(DISTINCT c.number) AS deal_numbers
    FROM a_deal_contacts c JOIN a_line_numbers l USING (number)
    JOIN a_pairs p ON p.number = c.number AND p.contact = c.contact
    WHERE c.kind = 'runner'
    GROUP BY c.contact
    """


def delivery_runners_sql(s: AnalysisSettings) -> str:
    """Runners seen only on delivery: numbers that call two or more of a line's customers,
    none of whom ever contacts them, and that talk both ways with no customer.

    A customer orders from the deal number and the runner calls on arrival; the customer never
    rings the runner. A customer's friend talks both ways; a missed deal number texts them
    (flares, swap notices) rather than calls. The line relaying to such a runner
    was not obtained, so `runners_sql` cannot see it. A number the line's phone only texted or
    called (no order, no flare) may still be one: the phone relays to its runner (dev seed
    1691). `relays` holds the customers served and `deal_numbers` is 0.
    """
    return f"""
    WITH bulk AS ({bulk_senders_sql(s)}), served AS (
        SELECT p.number, u.line_id, p.contact, p.n_in > 0 AS answered
        FROM a_pairs p JOIN a_customers u ON u.number = p.contact
        WHERE p.out_calls > 0 OR p.n_in > 0
    )
    SELECT v.number, arg_max(v.line_id, (v.customers, v.line_id)) AS line_id,
           max(v.customers) AS relays, 0 AS deal_numbers
    FROM (SELECT number, line_id, count(*) AS customers FROM served WHERE NOT answered
          GROUP BY number, line_id) v
    JOIN a_nodes n ON n.number = v.number
    ANTI JOIN (SELECT DISTINCT number FROM served WHERE answered) f ON f.number = v.number
    ANTI JOIN a_deal d ON d.number = v.number
    ANTI JOIN a_runners r ON r.number = v.number
    ANTI JOIN (SELECT number FROM a_customers WHERE orders + flares > 0) c
      ON c.number = v.number
    ANTI JOIN a_controllers k ON k.number = v.number
    ANTI JOIN bulk b ON b.number = v.number
    WHERE n.in_deg <= {s.controller_max_callers}
    GROUP BY v.number
    HAVING max(v.customers) >= {s.delivery_runner_min_customers}
    """


def customers_sql() -> str:
    """Customers: numbers that contact a deal line, hear from it or get its flares (and are not
    its runners)."""
    return """
    SELECT c.contact AS number, arg_max(l.line_id, (p.n_in + p.n_burst, l.line_id)) AS line_id,
           sum(p.n_in) AS orders, sum(p.n_burst) AS flares, count(DISTINCT l.line_id) AS lines
    FROM a_deal_contacts c JOIN a_line_numbers l USING (number)
    JOIN a_pairs p ON p.number = c.number AND p.contact = c.contact
    ANTI JOIN a_runners x ON x.number = c.contact
    WHERE c.kind = 'customer'
    GROUP BY c.contact
    """


def runner_calls_sql() -> str:
    """Per number a runner called or texted: the first and last time, and whether any of those
    events came from the number's own records (`seen_callee`: its records were obtained)."""
    return f"""
    SELECT {number_text_sql("e.callee")} AS number, min(e.ts) AS first_ts, max(e.ts) AS last_ts,
           bool_or(e.seen_callee) AS own
    FROM comm_event_rows e SEMI JOIN a_runners r ON {number_key_sql("r.number")} = e.caller
    GROUP BY e.callee
    """


def runner_called_sql(columns: str = "") -> str:
    """SELECT ... FROM the pairs a line's runners contact, joined to the contacted number's
    features (`n`): each number, its busiest runner's line, the calls and how many runners,
    then `columns`. Customers seen only on delivery and trap-house residents both start here.
    """
    return f"""SELECT p.number, arg_max(r.line_id, (p.n_in, r.line_id)) AS line_id,
           sum(p.n_in) AS calls, count(DISTINCT p.contact) AS runners{columns}
    FROM a_pairs p JOIN a_runners r ON r.number = p.contact
    JOIN a_nodes n ON n.number = p.number"""


def delivered_sql(s: AnalysisSettings) -> str:
    """Customers seen only through a runner: numbers a line's runners call or text that never
    call or text a runner back.

    The runner calls the customer on delivery ("outside"); the customer's order went to a deal
    number whose records were not obtained, so it shows nowhere else. A runner's friends and
    family talk both ways and its controller hears back from it. Left out: numbers whose own
    records were obtained (a customer's would show its orders), numbers in touch with more than
    a couple of others (taxis, takeaways), bulk senders, and numbers called more than once at
    0.3 or more calls a day over the days from the first runner call to the last: a trap house
    is called day after day while the line uses it, a customer once per delivery, weeks apart.
    A cuckooed resident only hears from the crew too: such a number is still looked at as a
    trap house (victims.residents_sql).
    """
    return f"""
    WITH bulk AS ({bulk_senders_sql(s)}), answered AS (
        SELECT DISTINCT p.number FROM a_pairs p SEMI JOIN a_runners r ON r.number = p.contact
        WHERE p.n_out > 0
    ), spread AS (
        SELECT number, date_diff('second', first_ts, last_ts) / 86400.0 AS days, own
        FROM a_runner_calls
    )
    {runner_called_sql()}
    JOIN spread w ON w.number = p.number
    ANTI JOIN answered x ON x.number = p.number
    ANTI JOIN a_deal d ON d.number = p.number
    ANTI JOIN a_runners y ON y.number = p.number
    ANTI JOIN a_controllers c ON c.number = p.number
    ANTI JOIN a_customers u ON u.number = p.number
    ANTI JOIN bulk b ON b.number = p.number
    WHERE p.n_in > 0 AND NOT w.own AND n.in_deg <= {s.controller_max_callers}
    GROUP BY p.number
    HAVING any_value(n.contacts) - count(DISTINCT p.contact) <= {s.delivered_max_other_contacts}
       AND (sum(p.n_in) = 1
            OR sum(p.n_in) < {s.delivered_max_daily_calls} * greatest(any_value(w.days), 1))
    """


def controllers_sql(s: AnalysisSettings) -> str:
    """Per line, the number that directs its runners, with the reason.

    A runner's own friends and family talk to one runner; a controller directs several, and
    they report to it (the holder's own phone calls runners too, but they seldom call it), so
    the number that calls most of a line's runners and hears back from them most is its
    controller. Where only one runner is seen, the controller is the runner's two-way contact
    whose calls and messages fall on the days the runner takes relays from the line (on duty)
    far more than the runner's other contacts' do (friends talk any day).
    Businesses (taxis, takeaways: many callers) and bulk senders reach several runners too,
    as they reach everyone, so neither can be a controller.
    """
    return f"""
    WITH eligible AS (
        SELECT p.number AS runner, p.contact AS number, r.line_id, p.n_in, p.n_out
        FROM a_pairs p JOIN a_runners r ON r.number = p.number
        JOIN a_nodes n ON n.number = p.contact
        ANTI JOIN a_deal d ON d.number = p.contact
        ANTI JOIN a_runners x ON x.number = p.contact
        ANTI JOIN a_customers u ON u.number = p.contact
        ANTI JOIN a_bursts b ON b.number = p.contact
        WHERE n.in_deg <= {s.controller_max_callers}
    ), crew AS (
        SELECT number, line_id, sum(n_in + n_out) AS events, sum(n_in) AS to_runners,
               sum(n_out) AS from_runners, count(DISTINCT runner) AS runners
        FROM eligible GROUP BY number, line_id
    ), multi AS (
        SELECT arg_max(number, (runners, from_runners, number)) AS number, line_id,
               arg_max(events, (runners, from_runners, number)) AS events, max(runners) AS runners
        FROM crew
        WHERE events >= {s.controller_min_events} AND to_runners > 0 AND from_runners > 0
          AND runners >= 2
        GROUP BY line_id
    ), two_way AS (
        SELECT * FROM eligible
        WHERE n_in + n_out >= {s.controller_min_events} AND n_in > 0 AND n_out > 0
    ), duty AS (
        SELECT {number_text_sql("runner")} AS runner, day FROM (
            SELECT DISTINCT e.callee AS runner, CAST(e.ts AS DATE) AS day FROM comm_event_rows e
            SEMI JOIN a_runners r ON {number_key_sql("r.number")} = e.callee
            SEMI JOIN a_deal d ON {number_key_sql("d.number")} = e.caller)
    ), talk AS (
        SELECT t.runner, t.number, t.line_id, t.n_in + t.n_out AS events,
               CAST(e.ts AS DATE) AS day
        FROM two_way t JOIN comm_event_rows e
          ON e.caller = {number_key_sql("t.runner")} AND e.callee = {number_key_sql("t.number")}
        UNION ALL
        SELECT t.runner, t.number, t.line_id, t.n_in + t.n_out, CAST(e.ts AS DATE)
        FROM two_way t JOIN comm_event_rows e
          ON e.callee = {number_key_sql("t.runner")} AND e.caller = {number_key_sql("t.number")}
    ), shares AS (
        SELECT t.runner, t.number, t.line_id, any_value(t.events) AS events,
               avg(CASE WHEN d.day IS NULL THEN 0.0 ELSE 1.0 END) AS share
        FROM talk t LEFT JOIN duty d ON d.runner = t.runner AND d.day = t.day
        GROUP BY t.runner, t.number, t.line_id
    ), on_duty AS (
        SELECT runner, line_id, arg_max(number, (share, number)) AS number, max(share) AS share,
               median(share) AS usual, arg_max(events, (share, number)) AS events
        FROM shares GROUP BY runner, line_id
        HAVING count(*) >= {s.controller_min_contacts}
           AND max(share) > median(share)
           AND max(share) >= {s.controller_duty_ratio} * median(share)
    ), single AS (
        SELECT arg_max(number, (events, runner)) AS number, line_id,
               arg_max(runner, (events, runner)) AS runner,
               arg_max(share, (events, runner)) AS share, arg_max(usual, (events, runner)) AS usual,
               max(events) AS events
        FROM on_duty o ANTI JOIN multi m USING (line_id) GROUP BY line_id
    )
    SELECT number, line_id, format(
             'directs the runners of {{}}: {{}} calls and messages with {{}} runner number(s)',
             line_id, events, runners) AS reason
    FROM multi
    UNION ALL
    SELECT number, line_id, format(
             'directs the runner of {{}}: {{}}% of its {{}} calls and messages with runner {{}} '
             'fall on the days that runner takes relays from the line, against {{}}% for the '
             'runner''s other contacts', line_id, round(100 * share), events, runner,
             round(100 * usual))
    FROM single
    QUALIFY row_number() OVER (PARTITION BY number ORDER BY line_id) = 1
    """


def number_roles_sql() -> str:
    """Every number with its role, line, score and reasons (deal line reasons from the model).

    One row per number: a number directing the runners of two lines (one holder running both)
    is their controller once, under the lower line id, with each line's reason.
    """
    return """
    SELECT s.number,
           CASE WHEN d.number IS NOT NULL THEN 'deal_line'
                WHEN c.number IS NOT NULL THEN 'controller'
                WHEN r.number IS NOT NULL THEN 'runner'
                WHEN u.number IS NOT NULL OR v.number IS NOT NULL THEN 'customer'
                ELSE 'other' END AS role,
           coalesce(l.line_id, c.line_id, r.line_id, u.line_id, v.line_id) AS line_id,
           s.deal_line_score,
           CASE WHEN d.number IS NOT NULL THEN d.takeover_reasons || s.score_reasons
                WHEN c.number IS NOT NULL THEN c.reasons
                WHEN r.number IS NOT NULL AND r.deal_numbers = 0 THEN [format(
                    'calls {} customers of {}, none of whom ever contacts it: a runner '
                    'on delivery (the deal number relaying to it was not obtained)',
                    r.relays, r.line_id)]
                WHEN r.number IS NOT NULL THEN [format(
                    '{} messages relayed to it from {} deal number(s) of {}',
                    r.relays, r.deal_numbers, r.line_id)]
                WHEN u.number IS NOT NULL THEN [format(
                    '{} calls or messages to and {} flare texts from deal numbers of {} line(s), '
                    'most with {}', u.orders, u.flares, u.lines, u.line_id)]
                WHEN v.number IS NOT NULL THEN [format(
                    '{} calls or messages from {} runner number(s) of {}, never answered: a '
                    'customer the runner delivers to, whose orders went to a deal number not '
                    'in the records', v.calls, v.runners, v.line_id)]
                ELSE s.score_reasons END AS reasons
    FROM a_scored s
    LEFT JOIN a_line_numbers l USING (number)
    LEFT JOIN a_deal d USING (number)
    LEFT JOIN (SELECT number, min(line_id) AS line_id, list(reason ORDER BY line_id) AS reasons
               FROM a_controllers GROUP BY number) c USING (number)
    LEFT JOIN a_runners r USING (number)
    LEFT JOIN a_customers u USING (number)
    LEFT JOIN a_delivered v USING (number)
    """
