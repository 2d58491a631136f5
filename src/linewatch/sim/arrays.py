"""Array type aliases and small vectorised helpers shared by the simulator modules."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

IntArr = npt.NDArray[np.int64]
FloatArr = npt.NDArray[np.float64]
BoolArr = npt.NDArray[np.bool_]

DAY = 86_400

# Independent random streams: each part of the world draws from its own, so adding draws in one
# part never changes another part (and each day's records have their own stream).
STREAM_CELLS, STREAM_PEOPLE, STREAM_LINES, STREAM_EDGES, STREAM_COLLECT = 1, 2, 3, 4, 5
STREAM_SOURCES, STREAM_NUMBERS, STREAM_DAYS = 6, 7, 100


def rng_for(seed: int, stream: int, sub: int = 0) -> np.random.Generator:
    """The numpy Generator for one stream (and sub-stream, e.g. a day) of a seed."""
    return np.random.default_rng([seed, stream, sub])


def csr(groups: IntArr, n_groups: int) -> tuple[IntArr, IntArr]:
    """(order, offsets): indices sorted by group and where each group starts (CSR layout)."""
    order = np.argsort(groups, kind="stable")
    offsets = np.zeros(n_groups + 1, dtype=np.int64)
    np.cumsum(np.bincount(groups, minlength=n_groups), out=offsets[1:])
    return order.astype(np.int64), offsets


def pack(keys: IntArr, starts: IntArr) -> IntArr:
    """(key, time) pairs as one sortable int64 (times must lie in [0, 2**40))."""
    return (keys << 40) | starts


def segment_lookup(packed: IntArr, key: IntArr, t: IntArr) -> IntArr:
    """Index of the last segment starting at or before (key, t); `packed` from `pack`, sorted."""
    return np.searchsorted(packed, pack(key, t), side="right").astype(np.int64) - 1
