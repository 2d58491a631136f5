"""The offence catalogue: well-formed codes, honest sources, phrases that point at real codes."""

from __future__ import annotations

import re

import pytest

from linewatch.errors import NotFoundError
from linewatch.offences import all_offences, lookup, phrases

# Statute: ACT+YEAR-s<section>[-<subsection>...]; common law: CL-<offence in lower-case words>.
CODE = re.compile(r"[A-Z]+[0-9]{4}-s[0-9]+[A-Za-z]?(-[0-9a-z]+)*|CL(-[a-z]+)+")
# Home Office codes domain.md §5 gives; "/" joins alternatives chosen by the drug or victim.
DOMAIN_HOME_OFFICE = {"92A", "92D/92E", "38", "106", "10D", "10A", "10B", "5D", "8N", "34A/34B"}
SPEC_CODES = [
    "MDA1971-s4-3-a",
    "MDA1971-s4-3-b",
    "MDA1971-s5-2",
    "MDA1971-s5-3",
    "MDA1971-s6",
    "POCA2002-s327",
    "POCA2002-s329",
    "MSA2015-s1",
    "MSA2015-s2",
    "CJA1988-s139",
    "PCA1953-s1",
    "FA1968-s1",
    "FA1968-s5",
    "AEWA2018-s1",
    "CLA1977-s1",
]


def test_codes_are_unique_and_follow_the_pattern() -> None:
    codes = [o.code for o in all_offences()]
    assert len(codes) == len(set(codes))
    assert all(CODE.fullmatch(code) for code in codes)


@pytest.mark.parametrize("code", SPEC_CODES)
def test_every_code_in_the_spec_table_is_catalogued(code: str) -> None:
    assert lookup(code).code == code


def test_unknown_code_is_a_user_error() -> None:
    with pytest.raises(NotFoundError):
        lookup("MDA1971-s99")


def test_home_office_codes_come_only_from_the_domain_brief() -> None:
    given = {o.home_office_code for o in all_offences() if o.home_office_code}
    assert given <= DOMAIN_HOME_OFFICE


def test_harm_weights_are_filled_only_with_a_source() -> None:
    for offence in all_offences():
        assert (offence.cchi_days is None) == (offence.cchi_source is None)
        assert (offence.css_weight is None) == (offence.css_source is None)
    assert lookup("TA1968-s8").cchi_days == 365
    assert lookup("TA1968-s8").cchi_source == "[S59]"


def test_drug_offences_take_a_class_and_weapon_offences_are_flagged() -> None:
    assert lookup("MDA1971-s5-3").takes_drug_class
    assert not lookup("POCA2002-s327").takes_drug_class
    assert lookup("CJA1988-s139").weapon and not lookup("CJA1988-s139").violence
    assert lookup("OAPA1861-s18").violence


def test_every_phrase_names_a_catalogued_code() -> None:
    codes = {o.code for o in all_offences()}
    assert {p.code for p in phrases()} <= codes
    assert codes <= {p.code for p in phrases()}, "every offence needs at least one phrase"
