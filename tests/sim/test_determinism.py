"""Same seed, same bytes; another seed, other records."""

from __future__ import annotations

from pathlib import Path

from linewatch.sim.presets import params_for
from linewatch.sim.run import simulate


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_same_seed_gives_byte_identical_output(tmp_path: Path, case: Path) -> None:
    again = tmp_path / "again"
    simulate(params_for("tiny"), 3, again, "tiny")
    first, second = _files(case), _files(again)
    assert first.keys() == second.keys()
    assert len(first) >= 13
    for name, data in first.items():
        assert data == second[name], f"{name} differs between two runs with the same seed"


def test_another_seed_gives_other_records(tmp_path: Path, case: Path) -> None:
    other = tmp_path / "other"
    simulate(params_for("tiny"), 4, other, "tiny")
    part = "records/part-00000.parquet"
    assert (other / part).read_bytes() != (case / part).read_bytes()
    assert (other / "truth.json").read_bytes() != (case / "truth.json").read_bytes()


def test_rerun_into_the_same_folder_replaces_the_records(tmp_path: Path) -> None:
    out = tmp_path / "case"
    simulate(params_for("tiny"), 5, out, "tiny")
    (out / "records" / "part-00099.parquet").write_bytes(b"stale")
    simulate(params_for("tiny"), 5, out, "tiny")
    assert sorted(p.name for p in (out / "records").iterdir()) == ["part-00000.parquet"]
