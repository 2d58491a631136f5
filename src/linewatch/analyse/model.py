"""The deal-line score: a logistic model over a few named inputs, its weights in plain sight.

Weights were fitted by `fit_weights` on development simulator seeds 11-14 (see docs/analysis.md),
never on the evaluation seeds, then rounded. Every input is computed in SQL by `inputs_sql`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt


@dataclass(frozen=True)
class Input:
    """One model input: its SQL expression over a_inputs' raw columns, and how to say it."""

    name: str
    sql: str
    reason: str  # format() template over raw columns, shown when the input pushes the score up


INPUTS: tuple[Input, ...] = (
    Input(
        "customers",
        "ln(1 + led)",
        "format('{} customer-like contacts (call in on several days, seldom called back)', led)",
    ),
    Input(
        "replies",
        "led_replied / greatest(led, 1)",
        "format('texts back {}% of them', round(100 * led_replied / greatest(led, 1)))",
    ),
    Input(
        "flares",
        "ln(1 + burst_recipients_contacting)",
        "format('bulk bursts reached {} numbers that also contact it', "
        "burst_recipients_contacting)",
    ),
    Input(
        "flare_share",
        "burst_recipients_contacting / greatest(burst_recipients, 1)",
        "format('{}% of burst recipients contact it back', "
        "round(100 * burst_recipients_contacting / greatest(burst_recipients, 1)))",
    ),
    Input(
        "reciprocity",
        "mutual / greatest(contacts, 1)",
        "format('{}% of contacts are two-way', round(100 * mutual / greatest(contacts, 1)))",
    ),
    Input(
        "out_in", "ln((out_ev + 1) / (in_ev + 1))", "format('{} events out, {} in', out_ev, in_ev)"
    ),
    Input(
        "night",
        "night_share",
        "format('{}% of activity between midnight and 6am', round(100 * night_share))",
    ),
    Input(
        "short_life",
        "1 - active_days / greatest(span_days, 1)",
        "format('active on {} of {} days (a number kept only for a while)', active_days, "
        "span_days)",
    ),
    Input(
        "relays",
        "ln(1 + relay_rate)",
        "format('relays about {} messages a day to a runner', round(relay_rate))",
    ),
    Input(
        "shared_base",
        "coalesce(base_contacts, 0) / greatest(in_deg, 1)",
        "format('{} of its {} callers are customers of a known deal line', base_contacts, in_deg)",
    ),
    Input(
        "handset_peers",
        "least(handset_peers, 3)",
        "format('its handset also held {} other numbers', handset_peers)",
    ),
)

# Fitted weights (see module docstring); the bias comes first.
BIAS = -12.23
WEIGHTS: dict[str, float] = {
    "customers": 0.81,
    "replies": 1.61,
    "flares": 1.84,
    "flare_share": 2.87,
    "reciprocity": 1.05,
    "out_in": 0.8,
    "night": 0.36,
    "short_life": 1.39,
    "relays": 1.7,
    "shared_base": 2.47,
    "handset_peers": 0.09,
}
REASON_MIN_CONTRIBUTION = 0.5  # an input is named as a reason when it adds at least this much


def inputs_sql() -> str:
    """Raw per-number columns the model reads (every number that appears in the records)."""
    return """
    WITH span AS (
        SELECT greatest(date_diff('day', min(ts), max(ts)) + 1, 1) AS span_days FROM comm_events
    )
    SELECT n.number, n.in_ev, n.out_ev, n.in_deg, n.out_deg, n.mutual, n.contacts, n.led,
           n.led_replied, n.burst_recipients, n.burst_recipients_contacting,
           a.active_days, span.span_days, a.night_share, a.first_ts, a.last_ts,
           coalesce(h.handset_peers, 0) AS handset_peers, coalesce(h.imeis, 0) AS imeis,
           coalesce(r.relay_rate, 0) AS relay_rate, coalesce(b.base_contacts, 0) AS base_contacts,
           coalesce(p.is_target, false) AS is_target
    FROM a_nodes n JOIN a_activity a USING (number) CROSS JOIN span
    LEFT JOIN a_handsets h USING (number) LEFT JOIN a_relays r USING (number)
    LEFT JOIN a_base b USING (number)
    LEFT JOIN phones p USING (number)
    """


def _logit_sql(weights: dict[str, float], bias: float) -> str:
    terms = " + ".join(f"({weights[i.name]!r}) * ({i.sql})" for i in INPUTS if weights[i.name])
    return f"({bias!r} + {terms})"


def score_sql(weights: dict[str, float] | None = None, bias: float | None = None) -> str:
    """Deal-line score in [0, 1] and its reasons, per number, over a_inputs."""
    w = WEIGHTS if weights is None else weights
    b = BIAS if bias is None else bias
    reasons = ", ".join(
        f"CASE WHEN ({w[i.name]!r}) * ({i.sql}) >= {REASON_MIN_CONTRIBUTION} THEN {i.reason} END"
        for i in INPUTS
        if w[i.name] > 0
    )
    return f"""
    SELECT *, 1 / (1 + exp(-{_logit_sql(w, b)})) AS deal_line_score,
           list_filter([{reasons}], lambda r: r IS NOT NULL) AS score_reasons
    FROM a_inputs
    """


def design_sql() -> str:
    """The model's input matrix over a_inputs (for fitting and tests)."""
    cols = ", ".join(f"({i.sql})::DOUBLE AS {i.name}" for i in INPUTS)
    return f"SELECT number, {cols} FROM a_inputs ORDER BY number"


FloatMatrix = npt.NDArray[np.float64]


def fit_weights(
    x: FloatMatrix, y: npt.NDArray[np.float64], l2: float = 1.0, steps: int = 50
) -> tuple[float, dict[str, float]]:
    """L2-regularised logistic regression by Newton steps; returns (bias, weights by input)."""
    a = np.hstack([np.ones((x.shape[0], 1)), x])
    beta = np.zeros(a.shape[1])
    reg = l2 * np.eye(a.shape[1])
    reg[0, 0] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(a @ beta)))
        grad = a.T @ (p - y) + reg @ beta
        hess = (a * (p * (1 - p))[:, None]).T @ a + reg
        beta -= np.linalg.solve(hess, grad)
    return float(beta[0]), {i.name: float(v) for i, v in zip(INPUTS, beta[1:], strict=True)}
