"""Number roles from the deal lines outward: runners they relay to, customers who call them,
the controller who directs a line's runners; everything else is `other`.
"""

from __future__ import annotations

from linewatch.analyse.settings import AnalysisSettings


def runners_sql() -> str:
    """Runners: numbers a deal line relays orders to; their line is the one relaying most."""
    return """
    SELECT c.contact AS number, arg_max(l.line_id, p.n_out) AS line_id,
           sum(p.n_out) AS relays, count(DISTINCT c.number) AS deal_numbers
    FROM a_deal_contacts c JOIN a_line_numbers l USING (number)
    JOIN a_pairs p ON p.number = c.number AND p.contact = c.contact
    WHERE c.kind = 'runner'
    GROUP BY c.contact
    """


def customers_sql() -> str:
    """Customers: numbers that contact a deal line or get its flares (and are not its runners)."""
    return """
    SELECT c.contact AS number, arg_max(l.line_id, p.n_in + p.n_burst) AS line_id,
           sum(p.n_in) AS orders, sum(p.n_burst) AS flares, count(DISTINCT l.line_id) AS lines
    FROM a_deal_contacts c JOIN a_line_numbers l USING (number)
    JOIN a_pairs p ON p.number = c.number AND p.contact = c.contact
    ANTI JOIN a_runners x ON x.number = c.contact
    WHERE c.kind = 'customer'
    GROUP BY c.contact
    """


def controllers_sql(s: AnalysisSettings) -> str:
    """Per line, the number that calls most of its runners and hears back from them most.

    A runner's own friends and family talk to one runner; a controller directs several, and
    they report to it (the holder's own phone calls runners too, but they seldom call it).
    Businesses (taxis, takeaways: many callers) and bulk senders reach several runners too,
    as they reach everyone, so neither can be a controller.
    """
    return f"""
    WITH crew AS (
        SELECT p.contact AS number, r.line_id, sum(p.n_in + p.n_out) AS events,
               sum(p.n_in) AS to_runners, sum(p.n_out) AS from_runners,
               count(DISTINCT p.number) AS runners
        FROM a_pairs p JOIN a_runners r ON r.number = p.number
        JOIN a_nodes n ON n.number = p.contact
        ANTI JOIN a_deal d ON d.number = p.contact
        ANTI JOIN a_runners x ON x.number = p.contact
        ANTI JOIN a_customers u ON u.number = p.contact
        ANTI JOIN a_bursts b ON b.number = p.contact
        WHERE n.in_deg <= {s.controller_max_callers}
        GROUP BY p.contact, r.line_id
    )
    SELECT arg_max(number, (runners, from_runners)) AS number, line_id,
           arg_max(events, (runners, from_runners)) AS events, max(runners) AS runners
    FROM crew
    WHERE events >= {s.controller_min_events} AND to_runners > 0 AND from_runners > 0
      AND runners >= 2
    GROUP BY line_id
    """


def number_roles_sql() -> str:
    """Every number with its role, line, score and reasons (deal line reasons from the model)."""
    return """
    SELECT s.number,
           CASE WHEN d.number IS NOT NULL THEN 'deal_line'
                WHEN c.number IS NOT NULL THEN 'controller'
                WHEN r.number IS NOT NULL THEN 'runner'
                WHEN u.number IS NOT NULL THEN 'customer' ELSE 'other' END AS role,
           coalesce(l.line_id, c.line_id, r.line_id, u.line_id) AS line_id,
           s.deal_line_score,
           CASE WHEN d.number IS NOT NULL THEN d.takeover_reasons || s.score_reasons
                WHEN c.number IS NOT NULL THEN [format(
                    'directs the runners of {}: {} calls and messages with {} runner number(s)',
                    c.line_id, c.events, c.runners)]
                WHEN r.number IS NOT NULL THEN [format(
                    '{} messages relayed to it from {} deal number(s) of {}',
                    r.relays, r.deal_numbers, r.line_id)]
                WHEN u.number IS NOT NULL THEN [format(
                    '{} calls or messages to and {} flare texts from deal numbers of {} line(s), '
                    'most with {}', u.orders, u.flares, u.lines, u.line_id)]
                ELSE s.score_reasons END AS reasons
    FROM a_scored s
    LEFT JOIN a_line_numbers l USING (number)
    LEFT JOIN a_deal d USING (number)
    LEFT JOIN a_controllers c USING (number)
    LEFT JOIN a_runners r USING (number)
    LEFT JOIN a_customers u USING (number)
    """
