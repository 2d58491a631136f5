"""Cash, drugs, weapons and counts: what the text states and only that."""

from __future__ import annotations

from linewatch.ops.releases import read_release


def test_cash_forms_and_qualifiers() -> None:
    assert read_release("Officers seized around £20,000 in cash.").seizures.cash_gbp == 20000
    assert read_release("£14k in cash was found in the flat.").seizures.cash_gbp == 14000
    assert read_release("More than £33,000 in cash was seized.").seizures.cash_gbp == 33000


def test_drug_values_and_earnings_are_not_cash() -> None:
    text = "Heroin with a street value of £50,000 was seized. The line made £5,000 a day."
    assert read_release(text).seizures.cash_gbp is None


def test_a_breakdown_of_cash_is_not_added_twice() -> None:
    text = "Officers seized £20,000 in cash: £12,000 was found in a bedroom and £8,000 in a car."
    assert read_release(text).seizures.cash_gbp == 20000
    text = "Officers found £2,000 in cash at one address. £3,500 in cash was found at another."
    assert read_release(text).seizures.cash_gbp == 5500


def test_drugs_and_weapons_seized_not_charged() -> None:
    text = (
        "A man was arrested on suspicion of possession of a bladed article and supplying heroin. "
        "Officers seized crack cocaine, two zombie knives and ketamine. Knife crime fell."
    )
    seized = read_release(text).seizures
    assert seized.drugs == ("crack cocaine", "ketamine")
    assert seized.drug_classes == ("A", "B")
    assert seized.weapons == ("zombie knife",)


def test_nothing_stated_means_null_or_empty() -> None:
    record = read_release("Police are appealing for information about drug dealing.")
    assert record.to_dict() == {
        "forces": [],
        "operation_date": None,
        "warrants": None,
        "arrests_total": None,
        "arrests": [],
        "seizures": {
            "cash_gbp": None,
            "drug_classes": [],
            "drugs": [],
            "weapons": [],
            "phones": None,
            "vehicles": None,
        },
        "vulnerable_people": None,
    }


def test_totals_ignore_running_tallies_and_earlier_operations() -> None:
    text = (
        "Officers made 12 arrests and executed nine warrants on Tuesday. "
        "This brings the total number of arrests under the operation to 140. "
        "In a previous operation in March, 30 people were arrested and 20 warrants executed."
    )
    record = read_release(text)
    assert (record.arrests_total, record.warrants) == (12, 9)


def test_listed_arrests_count_when_no_total_is_stated() -> None:
    text = (
        "A 22-year-old man was arrested on suspicion of supplying Class A drugs. "
        "Two women, aged 30 and 41, were also arrested. Four men were arrested in Luton."
    )
    record = read_release(text)
    assert record.arrests_total == 7
    assert [(a.age, a.sex) for a in record.arrests] == [
        (22, "male"),
        (30, "female"),
        (41, "female"),
    ]


def test_vulnerable_people_summed_without_double_counting() -> None:
    text = (
        "Twelve vulnerable adults were safeguarded, including five who had been cuckooed. "
        "Officers also safeguarded three children."
    )
    assert read_release(text).vulnerable_people == 15


def test_cs_canisters_are_a_weapon_kind() -> None:
    text = "Weapons including a machete and CS canisters were recovered."
    assert read_release(text).seizures.weapons == ("machete", "cs canister")


def test_weapon_kinds_and_their_other_spellings() -> None:
    text = (
        "Searches uncovered two daggers, a telescopic baton, an air weapon, a zombie-style knife "
        "and a knuckle-duster."
    )
    assert read_release(text).seizures.weapons == (
        "dagger",
        "baton",
        "air weapon",
        "zombie knife",
        "knuckleduster",
    )


def test_a_group_given_by_number_counts_each_member_once() -> None:
    text = (
        "Three men and a woman were detained in Hull. A 51-year-old woman and a 19-year-old man "
        "were arrested on suspicion of possession of cannabis."
    )
    record = read_release(text)
    assert record.arrests_total == 4
    assert [(a.age, a.sex) for a in record.arrests] == [(51, "female"), (19, "male")]


def test_a_count_filled_by_the_next_people_described_covers_that_incident_only() -> None:
    text = (
        "Two people were arrested after a car was stopped on the ring road. A man aged 40 and a "
        "woman aged 35 were detained on suspicion of supplying heroin. At a house in "
        "Goole, a 22-year-old man was arrested on suspicion of possession of cocaine."
    )
    assert read_release(text).arrests_total == 3


def test_a_count_not_filled_by_the_next_people_described_is_the_total() -> None:
    text = (
        "Officers arrested nine people during the week. A 30-year-old woman was arrested in "
        "Selby. Later a 41-year-old man was arrested in Tadcaster."
    )
    assert read_release(text).arrests_total == 9


def test_the_reason_for_a_stop_is_not_an_arrest_offence() -> None:
    text = (
        "Officers stopped a 26-year-old man suspected of being involved in drug supply, and he "
        "was arrested on suspicion of failing to stop for police."
    )
    [arrest] = read_release(text).arrests
    assert [o.code for o in arrest.offences] == ["RTA1988-s163"]
