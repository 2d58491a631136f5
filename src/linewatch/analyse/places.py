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


@lru_cache(maxsize=1)
def _index() -> tuple[
    tuple[str, ...], npt.NDArray[np.float64], npt.NDArray[np.float64], npt.NDArray[np.int64]
]:
    """District names, bounding boxes (lon lo, hi, lat lo, hi), ring vertices and their owner."""
    districts = _districts()
    every = [np.concatenate(rings) for _, rings in districts]
    boxes = np.array([[v[:, 0].min(), v[:, 0].max(), v[:, 1].min(), v[:, 1].max()] for v in every])
    vertices = np.concatenate([r for _, rings in districts for r in rings])
    owner = np.concatenate(
        [np.full(len(r), i) for i, (_, rings) in enumerate(districts) for r in rings]
    )
    return tuple(name for name, _ in districts), boxes, vertices, owner


def _inside(ring: Ring, lon: Ring, lat: Ring) -> npt.NDArray[np.bool_]:
    """Even-odd ray casting of points (lon[i], lat[i]) against one ring."""
    x, y = ring[None, :, 0], ring[None, :, 1]
    x2, y2 = np.roll(x, -1, axis=1), np.roll(y, -1, axis=1)
    py, px = lat[:, None], lon[:, None]
    cross = (y > py) != (y2 > py)
    with np.errstate(divide="ignore", invalid="ignore"):
        at = x + (py - y) * (x2 - x) / (y2 - y)
    odd: npt.NDArray[np.bool_] = np.count_nonzero(cross & (px < at), axis=1) % 2 == 1
    return odd


def districts_of(lon: npt.ArrayLike, lat: npt.ArrayLike, chunk: int = 1024) -> list[str | None]:
    """The district containing each point; else the district with the nearest boundary vertex
    within 0.1 degrees; else None. Points are tested against one district at a time (those
    inside its bounding box, `chunk` at a time), so memory stays bounded.

    >>> districts_of([-0.1145, 0.5221], [51.4613, 51.3790])  # Brixton, Chatham
    ['Lambeth', 'Medway']
    """
    x, y = np.asarray(lon, dtype=np.float64), np.asarray(lat, dtype=np.float64)
    names, boxes, vertices, owner = _index()
    found = np.full(x.shape[0], -1, dtype=np.int64)
    for i, (_, rings) in enumerate(_districts()):
        lo_x, hi_x, lo_y, hi_y = boxes[i]
        todo = np.flatnonzero((found < 0) & (x >= lo_x) & (x <= hi_x) & (y >= lo_y) & (y <= hi_y))
        for part in np.array_split(todo, -(-todo.shape[0] // chunk)) if todo.size else ():
            odd = np.zeros(part.shape[0], dtype=np.bool_)
            for ring in rings:
                odd ^= _inside(ring, x[part], y[part])
            found[part[odd]] = i
    rest = np.flatnonzero(found < 0)
    step = max(1, chunk // 16)
    for part in np.array_split(rest, -(-rest.shape[0] // step)) if rest.size else ():
        d = (vertices[None, :, 0] - x[part, None]) ** 2 + (
            vertices[None, :, 1] - y[part, None]
        ) ** 2
        near = d.argmin(axis=1)
        close = d[np.arange(part.shape[0]), near] < 0.01
        found[part[close]] = owner[near[close]]
    return [names[i] if i >= 0 else None for i in found]
