"""Cell coordinates to districts: the batched lookup against a plain point-by-point one."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from linewatch.analyse.places import _districts, districts_of
from linewatch.sim.places import all_places


def _one_by_one(lon: float, lat: float) -> str | None:
    """First district holding the point (even-odd), else the nearest vertex's within 0.1."""
    best: tuple[float, str | None] = (float("inf"), None)
    for name, rings in _districts():
        inside = 0
        for r in rings:
            x, y = r[:, 0], r[:, 1]
            x2, y2 = np.roll(x, -1), np.roll(y, -1)
            cross = (y > lat) != (y2 > lat)
            with np.errstate(divide="ignore", invalid="ignore"):
                at = x + (lat - y) * (x2 - x) / (y2 - y)
            inside += int(np.count_nonzero(cross & (lon < at)))
        if inside % 2:
            return name
        d = min(float(np.min((r[:, 0] - lon) ** 2 + (r[:, 1] - lat) ** 2)) for r in rings)
        if d < best[0]:
            best = (d, name)
    return best[1] if best[0] < 0.01 else None


def test_simulated_places_are_in_their_districts() -> None:
    places = list(all_places())
    got = districts_of([p.lon for p in places], [p.lat for p in places])
    assert got == [p.lad for p in places]


@settings(max_examples=20, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(-6.5, 2.0), st.floats(49.8, 55.9)),  # England and Wales, and sea
        min_size=1,
        max_size=12,
    ),
    st.integers(1, 8),
)
def test_batches_match_one_point_at_a_time(points: list[tuple[float, float]], chunk: int) -> None:
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    assert districts_of(lons, lats, chunk=chunk) == [_one_by_one(x, y) for x, y in points]


def test_no_points() -> None:
    assert districts_of([], []) == []
