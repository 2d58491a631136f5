"""Offences in the words of a statement, as catalogue codes with drug classes."""

from __future__ import annotations

import pytest

from linewatch.offences import phrases
from linewatch.ops.releases.charges import charges_in, compile_phrase, drug_classes
from linewatch.ops.releases.pipeline import sentences


def codes(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """(code, classes) of each offence named in one sentence."""
    return [(c.code, c.drug_classes) for c in charges_in(sentences(text)[0].span)]


def test_every_catalogue_phrase_compiles() -> None:
    assert all(compile_phrase(p.pattern) for p in phrases())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("being concerned in the supply of Class A drugs", [("MDA1971-s4-3-b", ("A",))]),
        (
            "possession with intent to supply Class A and Class B drugs",
            [("MDA1971-s5-3", ("A", "B"))],
        ),
        ("possession of Class A drugs with intent to supply", [("MDA1971-s5-3", ("A",))]),
        ("possession of cannabis", [("MDA1971-s5-2", ("B",))]),
        ("supplying a class-A drug", [("MDA1971-s4-3-a", ("A",))]),
        ("possession with intent to supply a class-B drug", [("MDA1971-s5-3", ("B",))]),
        ("supplying heroin and crack cocaine", [("MDA1971-s4-3-a", ("A",))]),
        ("money laundering", [("POCA2002-s327", ())]),
        ("acquiring criminal property", [("POCA2002-s329", ())]),
        ("possession of a bladed article in a public place", [("CJA1988-s139", ())]),
        ("possession of a firearm with intent to endanger life", [("FA1968-s16", ())]),
        ("allowing her home to be used for drug supply", [("MDA1971-s8", ())]),
        ("drug-driving", [("RTA1988-s5A", ())]),
        ("being concerned in the supply Class B drugs", [("MDA1971-s4-3-b", ("B",))]),
        ("driving while under the influence of drugs", [("RTA1988-s4", ())]),
        ("conveying prohibited articles into prison", [("PA1952-s40B", ())]),
        ("conveying mobile phones into a prison", [("PA1952-s40C", ())]),
        ("misconduct in public office", [("CL-misconduct-in-public-office", ())]),
    ],
)
def test_offence_phrases(text: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert codes(f"He was arrested on suspicion of {text}.") == expected


def test_conspiracy_is_recorded_with_the_offence_conspired() -> None:
    found = codes("They were charged with conspiracy to supply Class B drugs.")
    assert found == [("CLA1977-s1", ()), ("MDA1971-s4-3-a", ("B",))]
    found = codes("He faces conspiracy to be concerned in the supply of cocaine.")
    assert found == [("CLA1977-s1", ()), ("MDA1971-s4-3-b", ("A",))]


def test_several_offences_in_one_list() -> None:
    found = codes(
        "arrested for possession with intent to supply, possession of criminal property "
        "and possession of a bladed article."
    )
    assert [code for code, _ in found] == ["MDA1971-s5-3", "POCA2002-s329", "CJA1988-s139"]


def test_a_drug_slot_does_not_swallow_the_next_offence() -> None:
    found = codes("possession of Class A drugs with intent to supply and drug-driving")
    assert found == [("MDA1971-s5-3", ("A",)), ("RTA1988-s5A", ())]


def test_drug_classes_named_or_implied() -> None:
    assert drug_classes("suspected Class A and B drugs") == ("A", "B")
    assert drug_classes("ketamine, diazepam and crack cocaine") == ("B", "C", "A")
    assert drug_classes("a large quantity of drugs") == ()
