"""Every threshold of the analysis in one frozen settings record, each with its reason."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AnalysisSettings:
    """Thresholds; defaults were set on development simulator seeds, never on evaluation seeds."""

    burst_window_s: int = 120  # a flare of ~500 texts leaves in well under two minutes [S10]
    burst_min_recipients: int = 3  # counted on the obtained side only, so a few is telling
    night_end_hour: int = 6  # 00:00-05:59 local time is "night"
    led_max_call_ratio: float = 0.25  # a customer calls the line; the line seldom calls back
    deal_threshold: float = 0.5  # deal-line score at or above which a number is a deal line
    circle_max_customer_share: float = 0.25  # customer-like contacts below this share, and
    circle_min_two_way: float = 0.7  # two-way contacts above this one: a person's circle
    continuity_overlap: float = 0.3  # shared customers / smaller base to join two numbers
    continuity_max_overlap_days: float = 3.0  # one line uses one number at a time (give or take)
    takeovers: bool = True  # add numbers that took over a deal number's customers at a swap
    takeover_min_shared: int = 2  # customers a swap successor shares with the number it replaces
    takeover_min_share: float = 0.5  # share of its customer-side contacts that must be shared
    takeover_max_gap_hours: float = 48.0  # stale orders reach the old number for about 2 days
    swap_notice_hours: float = 2.0  # a new number texts the line's customers as the old one stops
    line_handover_hours: float = 6.0  # a planned swap leaves the line silent for up to 6 h
    line_tail_days: float = 6.0  # after a line's last known number, unseen numbers may follow
    line_piece_max_crew: int = 20  # a piece of a line seen through at most this many contacts
    lone_max_contacts: int = 3  # a gap number seen only through customers no line knows
    lone_min_order_days: int = 3  # days such a customer ordered from it: not a one-off exchange
    relay_seed_rate: float = 10.0  # messages a day a deal phone passes on to its runner
    relay_seed_days: int = 5  # days of relays: a runner's shift, not one busy evening
    flare_seed_min_answered: int = 4  # its flares' recipients who contact it (seen customers)
    flare_seed_min_share: float = 0.75  # of all its contacts: the flare list is its whole circle
    flare_seed_min_customers: int = 3  # customer-like contacts (call in, seldom called back)
    flare_seed_min_customer_share: float = 0.5  # of all its contacts: a friend is called back
    takeover_max_rounds: int = 10  # a successor's own successor is found in the next round
    strong_min_customers: int = 20  # a plain deal line, used to find its runners
    runner_min_relays: int = 5  # messages from a deal line that make a number a runner candidate
    delivery_runner_min_customers: int = 2  # customers it calls who never call it: deliveries
    runner_min_relay_rate: float = 2.0  # a day they come: a customer's flares come about 1 a day
    controller_min_events: int = 10  # calls and messages with the runners to direct a line
    controller_max_callers: int = 50  # more distinct callers than this is a business
    controller_min_contacts: int = 3  # a lone runner's two-way contacts to compare duty days over
    controller_duty_ratio: float = 2.0  # the controller's on-duty share against the usual one
    delivered_max_other_contacts: int = 2  # a customer seen through runners; a taxi has more
    delivered_max_daily_calls: float = 0.3  # runner calls a day over their spread: a trap house
    resident_min_calls: int = 3  # runner calls to a number that never calls back: a trap house
    resident_max_callers: int = 50  # more distinct callers than this is a business, not a home
    young_runner_max_age: int = 24  # Catch22 and St Giles rescue exploited young people to 25
    flare_min_answered: float = 0.1  # share of burst recipients answering: a flare, not a reminder
    exact_betweenness_max_nodes: int = 5_000  # above this, sampled betweenness with stated error
    betweenness_epsilon: float = 0.02  # additive error bound (probability 0.9) when sampled
    kadabra_max_nodes: int = 150_000  # above this, pivots: KADABRA's cost outgrows the graph
    betweenness_pivots: int = 64  # random sources above kadabra_max_nodes (error bound ~0.15)
