"""The catalogue's harm weights: every value sourced or derived, per-class rows ordered by class."""

from __future__ import annotations

from linewatch.harm.weights import WeightTable
from linewatch.offences import all_offences


def test_every_catalogue_weight_cites_a_source_or_derivation() -> None:
    for o in all_offences():
        assert o.cchi_days is not None, o.code
        assert o.cchi_source and (o.cchi_source.startswith("derived") or "[S" in o.cchi_source)


def test_class_a_outweighs_b_outweighs_c() -> None:
    table = WeightTable.load()
    for code in ("MDA1971-s4-3-a", "MDA1971-s4-3-b", "MDA1971-s5-3", "MDA1971-s5-2"):
        a, b, c = (table.get("cchi", code, k).value or 0 for k in "ABC")
        assert a > b > c > 0, code


def test_unknown_class_uses_the_lowest_class() -> None:
    table = WeightTable.load()
    assert table.get("cchi", "MDA1971-s4-3-b", None).value == 7.5
