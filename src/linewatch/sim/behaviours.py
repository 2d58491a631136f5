"""How each kind of relationship communicates: time-of-day and weekday profiles, call/SMS mix,
who starts, call lengths. Sampling is vectorised over events.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from linewatch.sim.arrays import BoolArr, FloatArr, IntArr

# Hourly weights (local time) of each profile.
SOCIAL, ORDER, TAXI, TAKEAWAY, CREW = range(5)
_HOURS = np.array(
    [
        # ordinary social life: quiet at night, busiest in the evening
        [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 3, 5, 6, 6, 7, 8, 7, 7, 7, 8, 10, 11, 11, 10, 8, 5, 2],
        # orders to a deal line: afternoon, evening and night, busy after midnight too [S12]
        [7, 6, 5, 3, 2, 1, 1, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 13, 12, 11, 10, 9],
        # taxi firm: commuting peaks and late evenings
        [4, 3, 2, 1, 1, 2, 4, 8, 9, 6, 5, 5, 6, 6, 6, 7, 8, 9, 9, 8, 8, 8, 8, 6],
        # takeaway: lunch and dinner service only
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 6, 5, 1, 1, 1, 4, 9, 10, 8, 5, 2, 0.5],
        # controllers and line holders among themselves: late risers, active to the small hours
        [3, 2, 1, 0.3, 0.2, 0.2, 0.3, 0.5, 1, 2, 4, 6, 7, 7, 7, 7, 7, 7, 7, 6, 6, 5, 4, 3],
    ],
    dtype=float,
)
_CDF = np.cumsum(_HOURS, axis=1) / _HOURS.sum(axis=1, keepdims=True)
# Profile p's cumulative weights shifted to (p, p + 1]: one searchsorted serves every profile.
_CDF_FLAT = (_CDF + np.arange(len(_HOURS))[:, None]).ravel()
# Weekday factors (Monday .. Sunday) of each profile.
DOW = np.array(
    [
        [1, 1, 1, 1, 1.1, 1.15, 1],
        [0.9, 0.9, 0.95, 1, 1.15, 1.2, 1],
        [0.9, 0.9, 0.9, 1, 1.3, 1.4, 0.8],
        [0.7, 0.7, 0.8, 0.9, 1.4, 1.5, 1.1],
        [1, 1, 1, 1, 1, 1, 1],
    ]
)


@dataclass(frozen=True)
class Kind:
    """One kind of relationship between two numbers (a = the first end, b = the second)."""

    name: str
    profile: int
    p_sms: float
    p_a_starts: float
    call_median_s: float
    call_sigma: float
    p_missed: float


KINDS = (
    Kind("social", SOCIAL, 0.55, 0.5, 75, 1.0, 0.12),
    Kind("taxi", TAXI, 0.03, 0.97, 35, 0.5, 0.05),
    Kind("takeaway", TAKEAWAY, 0.02, 0.98, 70, 0.5, 0.05),
    Kind("order", ORDER, 0.45, 1.0, 22, 0.6, 0.1),
    Kind("crew", CREW, 0.4, 0.5, 60, 0.8, 0.1),
    Kind("boss_to_customer", ORDER, 0.3, 0.9, 40, 0.6, 0.2),
)
K_SOCIAL, K_TAXI, K_TAKEAWAY, K_ORDER, K_CREW, K_BOSS = range(len(KINDS))
P_SMS = np.array([k.p_sms for k in KINDS])
P_A = np.array([k.p_a_starts for k in KINDS])
MEDIAN = np.array([k.call_median_s for k in KINDS])
SIGMA = np.array([k.call_sigma for k in KINDS])
MISSED = np.array([k.p_missed for k in KINDS])
PROFILE = np.array([k.profile for k in KINDS])


def seconds_of_day(profile: IntArr, rng: np.random.Generator) -> IntArr:
    """A local second of the day for each event, drawn from its profile's hourly weights."""
    u = rng.random(profile.size)
    hour = np.searchsorted(_CDF_FLAT, profile + u, side="right") - 24 * profile
    sec: IntArr = (np.clip(hour, 0, 23) * 3600 + rng.integers(0, 3600, profile.size)).astype(
        np.int64
    )
    return sec


def call_or_sms(kind: IntArr, rng: np.random.Generator) -> BoolArr:
    """True where the event is an SMS."""
    return rng.random(kind.size) < P_SMS[kind]


def durations(kind: IntArr, sms: BoolArr, rng: np.random.Generator) -> IntArr:
    """Call lengths in whole seconds (lognormal per kind); 0 for a missed call, -1 for an SMS."""
    d = np.exp(np.log(MEDIAN[kind]) + SIGMA[kind] * rng.standard_normal(kind.size))
    out: IntArr = np.maximum(d.round(), 1).astype(np.int64)
    out[rng.random(kind.size) < MISSED[kind]] = 0
    out[sms] = -1
    return out


def burst_offsets(n: int, mean_gap_s: float, rng: np.random.Generator) -> IntArr:
    """Offsets (s) of `n` messages sent one after another, e.g. a flare of hundreds in seconds."""
    return np.cumsum(rng.exponential(mean_gap_s, n)).astype(np.int64)


def zipf_weights(k: IntArr) -> FloatArr:
    """Within-ego weights of contact ranks: a few close contacts carry most traffic."""
    w = 1.0 / (k + 1.0) ** 0.9
    return np.asarray(w, dtype=np.float64)
