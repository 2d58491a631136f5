"""Synthetic cell sites (three 120-degree sectors each [S17]) scattered around real places."""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from linewatch.sim.arrays import FloatArr, IntArr
from linewatch.sim.places import Place

_MNCS = (10, 15, 20, 30)  # the four UK mobile network codes: each site belongs to one operator


@dataclass(frozen=True, eq=False)
class Cells:
    """Every cell, grouped by place: the cells of place p are start[p] .. start[p]+count[p]-1."""

    places: tuple[Place, ...]
    ids: tuple[str, ...]
    site_names: tuple[str, ...]
    lat: FloatArr
    lon: FloatArr
    azimuth: FloatArr
    place: IntArr
    start: IntArr
    count: IntArr

    def place_index(self, name: str) -> int:
        """Index of the place called `name`."""
        return next(i for i, p in enumerate(self.places) if p.name == name)

    def random_cell(self, places: IntArr, u: FloatArr) -> IntArr:
        """A cell of each given place, picked by the uniform draws `u`."""
        return self.start[places] + (u * self.count[places]).astype(np.int64)


def build_cells(places: list[Place], sites_per_place: int, rng: np.random.Generator) -> Cells:
    """Sites at random offsets (about 1-2 km) from each place centre, three sectors per site."""
    ids: list[str] = []
    names: list[str] = []
    lat: list[float] = []
    lon: list[float] = []
    azi: list[float] = []
    owner: list[int] = []
    start, count = [], []
    for p_idx, place in enumerate(places):
        n_sites = max(2, round(place.weight * sites_per_place))
        radius_km = 1.2 * math.sqrt(place.weight)
        d_km = rng.normal(0.0, radius_km / 2, size=(n_sites, 2))
        base = rng.uniform(0, 120, size=n_sites)
        mnc = rng.choice(_MNCS, size=n_sites)
        start.append(len(ids))
        for s in range(n_sites):
            s_lat = place.lat + d_km[s, 0] / 111.0
            s_lon = place.lon + d_km[s, 1] / (111.0 * math.cos(math.radians(place.lat)))
            for sector in range(3):
                ids.append(f"234-{mnc[s]}-{1000 + 7 * p_idx}-{10 * (s + 1) + sector + 1}")
                names.append(f"{place.name.upper()} {s + 1:02d}")
                lat.append(round(s_lat, 6))
                lon.append(round(s_lon, 6))
                azi.append(round(float(base[s]) + 120 * sector, 1))
                owner.append(p_idx)
        count.append(3 * n_sites)
    return Cells(
        tuple(places),
        tuple(ids),
        tuple(names),
        np.array(lat),
        np.array(lon),
        np.array(azi),
        np.array(owner, dtype=np.int64),
        np.array(start, dtype=np.int64),
        np.array(count, dtype=np.int64),
    )


def write_cells(cells: Cells, path: Path) -> None:
    """Write cells.csv (cell_id, lat, lon, azimuth_deg, site_name) as docs/formats.md says."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["cell_id", "lat", "lon", "azimuth_deg", "site_name"])
        for i, cid in enumerate(cells.ids):
            w.writerow(
                [
                    cid,
                    f"{cells.lat[i]:.6f}",
                    f"{cells.lon[i]:.6f}",
                    f"{cells.azimuth[i]:.1f}",
                    cells.site_names[i],
                ]
            )
