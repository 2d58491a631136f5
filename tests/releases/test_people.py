"""People described one by one: ages in digits or words, groups, "in his 30s", appositions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from linewatch.ops.releases import read_release
from linewatch.ops.releases.people import mentions_in
from linewatch.ops.releases.pipeline import sentences

from .test_numbers import spell


def people(text: str) -> list[tuple[int | None, str | None]]:
    """(age, sex) of everyone described individually in one sentence."""
    return [p for m in mentions_in(sentences(text)[0].span) for p in m.individuals()]


@given(st.integers(min_value=10, max_value=99), st.booleans())
def test_age_adjective_in_digits_or_words(age: int, in_words: bool) -> None:
    written = spell(age) if in_words else str(age)
    assert people(f"A {written}-year-old woman was arrested.") == [(age, "female")]


@given(
    st.integers(min_value=10, max_value=99), st.sampled_from([", aged {}, ", ", {}, ", " ({}) "])
)
def test_age_after_the_noun(age: int, form: str) -> None:
    assert people("A man" + form.format(age) + "from Luton was arrested.") == [(age, "male")]


@given(st.lists(st.integers(min_value=12, max_value=70), min_size=2, max_size=5))
def test_a_group_with_one_age_each(ages: list[int]) -> None:
    listed = ", ".join(map(str, ages[:-1])) + f" and {ages[-1]}"
    text = f"{spell(len(ages)).capitalize()} men, aged {listed}, were arrested."
    assert people(text) == [(age, "male") for age in ages]


def test_groups_without_ages_are_not_individuals() -> None:
    assert people("Four men, aged between 19 and 34, were arrested.") == []
    assert people("Seven people were arrested.") == []


def test_shared_and_plural_ages() -> None:
    assert people("Two women, both aged 27, were arrested.") == [(27, "female")] * 2
    assert people("Two 16-year-old boys were arrested.") == [(16, "male")] * 2


def test_decades_and_teenagers_give_no_age() -> None:
    assert people("A man in his 30s was charged.") == [(None, "male")]
    assert people("A woman in her early twenties was charged.") == [(None, "female")]
    assert people("A teenage girl was arrested.") == [(None, "female")]
    assert people("A 17-year-old was arrested.") == [(17, None)]


def test_an_apposition_is_one_person() -> None:
    assert people("The driver, a 29-year-old man from Enfield, was arrested.") == [(29, "male")]
    assert people("A third person, a 15-year-old girl, was released.") == [(15, "female")]
    assert len(people("A 22-year-old man, a 19-year-old woman and a boy were arrested.")) == 3


def test_a_count_after_a_list_of_ages_starts_a_new_group() -> None:
    found = people("A woman, aged 31, and two boys aged 15 and 16 were arrested.")
    assert found == [(31, "female"), (15, "male"), (16, "male")]


def test_a_definite_mention_with_an_age_refers_back_to_an_unaged_person() -> None:
    text = (
        "Officers detained a woman near the station. The 28-year-old woman was arrested on "
        "suspicion of possession of cannabis."
    )
    assert [(a.age, a.sex, a.status) for a in read_release(text).arrests] == [
        (28, "female", "arrested")
    ]
