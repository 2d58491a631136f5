"""Cell coordinates to place names: ONS local authority districts (May 2024, BUC), point in polygon.

Source: Office for National Statistics licensed under the Open Government Licence v.3.0.
Contains OS data (c) Crown copyright and database right 2024.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import numpy as np
import numpy.typing as npt

Ring = npt.NDArray[np.float64]


@lru_cache(maxsize=1)
def _districts() -> tuple[tuple[str, tuple[Ring, ...]], ...]:
    """(name, outer and hole rings as lon/lat arrays) for every district, read once."""
    text = (resources.files("linewatch.analyse") / "data" / "lad.geojson").read_text("utf-8")
    out = []
    for f in json.loads(text)["features"]:
        g = f["geometry"]
        polys = [g["coordinates"]] if g["type"] == "Polygon" else g["coordinates"]
        rings = tuple(np.asarray(r, dtype=np.float64)[:, :2] for p in polys for r in p)
        out.append((str(f["properties"]["LAD24NM"]), rings))
    return tuple(out)


def _inside(ring: Ring, lon: float, lat: float) -> bool:
    """Even-odd ray casting for one ring."""
    x, y = ring[:, 0], ring[:, 1]
    x2, y2 = np.roll(x, -1), np.roll(y, -1)
    cross = (y > lat) != (y2 > lat)
    with np.errstate(divide="ignore", invalid="ignore"):
        at = x + (lat - y) * (x2 - x) / (y2 - y)
    return bool(np.count_nonzero(cross & (lon < at)) % 2)


@lru_cache(maxsize=65_536)
def district_of(lon: float, lat: float) -> str | None:
    """The district containing a point; the nearest district's label point when none does.

    >>> district_of(-0.1145, 51.4613)  # Brixton
    'Lambeth'
    """
    best: tuple[float, str | None] = (float("inf"), None)
    for name, rings in _districts():
        lo = min(float(r[:, 0].min()) for r in rings)
        hi = max(float(r[:, 0].max()) for r in rings)
        if lo <= lon <= hi and sum(_inside(r, lon, lat) for r in rings) % 2:
            return name
        d = min(float(np.min((r[:, 0] - lon) ** 2 + (r[:, 1] - lat) ** 2)) for r in rings)
        best = min(best, (d, name), key=lambda t: t[0])
    return best[1] if best[0] < 0.01 else None
