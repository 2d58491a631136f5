"""Parameters, presets, scaling, places, the command and the docs that describe them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from linewatch.errors import InputError
from linewatch.sim.params import documented_fields
from linewatch.sim.places import all_places
from linewatch.sim.presets import PRESETS, expected_records, params_for
from linewatch.sim.run import simulate

REPO = Path(__file__).resolve().parents[2]


def test_every_parameter_and_preset_is_documented() -> None:
    text = (REPO / "docs" / "simulation.md").read_text(encoding="utf-8")
    for name, _, _ in documented_fields():
        assert f"`{name}`" in text, f"{name} missing from docs/simulation.md"
    for preset in PRESETS:
        assert f"`{preset}`" in text


def test_expected_records_is_close_to_what_is_written(tmp_path: Path) -> None:
    summary = simulate(params_for("tiny"), 11, tmp_path / "c", "tiny")
    assert 0.65 < summary.records / expected_records(params_for("tiny")) < 1.5


def test_a_record_count_scale_grows_the_scenario() -> None:
    small, bigger = params_for("20000"), params_for("1_000_000")
    assert 0.7 < expected_records(small) / 20_000 < 1.3
    assert bigger.lines > small.lines
    assert bigger.collection.ordinary > small.collection.ordinary


@pytest.mark.parametrize("scale", ["huge", "12", "-5"])
def test_a_bad_scale_is_a_user_error(scale: str) -> None:
    with pytest.raises(InputError):
        params_for(scale)


def test_places_lie_in_their_districts(shared: Path) -> None:
    geo = json.loads((shared / "data" / "geo" / "lad.geojson").read_text(encoding="utf-8"))
    for place in all_places():
        assert _district(geo, place.lon, place.lat) == place.lad, place.name


def _district(geo: dict[str, object], x: float, y: float) -> str | None:
    for feature in geo["features"]:  # type: ignore[attr-defined]
        geom = feature["geometry"]
        polygons = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        for rings in polygons:
            if _inside(x, y, rings[0]) and not any(_inside(x, y, h) for h in rings[1:]):
                return str(feature["properties"]["LAD24NM"])
    return None


def _inside(x: float, y: float, ring: list[list[float]]) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[-1:] + ring[:-1], strict=True):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def test_the_command_writes_a_case_and_prints_a_summary(tmp_path: Path) -> None:
    from linewatch.cli import _register, app

    _register()
    result = CliRunner().invoke(
        app, ["simulate", "--out", str(tmp_path / "c"), "--scale", "tiny", "--seed", "2", "--json"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["records"] > 1000 and summary["lines"] == 2
    assert (tmp_path / "c" / "truth.json").is_file()
