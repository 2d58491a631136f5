"""Forces acting, dates of the action, and sentences about other operations."""

from __future__ import annotations

from datetime import date

from linewatch.ops.releases.dates import operation_date, publication_date
from linewatch.ops.releases.forces import acting_forces
from linewatch.ops.releases.pipeline import sentences


def forces(text: str) -> tuple[str, ...]:
    """Acting forces named in a text."""
    return acting_forces(sentences(text))


def test_canonical_names_from_full_and_short_forms() -> None:
    assert forces("Officers from the Met and West Mids Police, with GMP and BTP.") == (
        "Metropolitan Police Service",
        "West Midlands Police",
        "Greater Manchester Police",
        "British Transport Police",
    )
    assert forces("Avon & Somerset Constabulary and Dyfed-Powys Police.") == (
        "Avon and Somerset Constabulary",
        "Dyfed-Powys Police",
    )


def test_bare_county_names_only_where_a_force_is_meant() -> None:
    assert forces("Officers from Kent and Essex searched the flat.") == (
        "Kent Police",
        "Essex Police",
    )
    assert forces("Detectives were working with Kent Police.") == ("Kent Police",)
    assert forces("Two men from Kent were arrested in Essex.") == ()


def test_contact_details_and_other_operations_are_not_acting() -> None:
    text = (
        "Sussex Police arrested two men. Anyone with information should call Surrey Police on 101. "
        "In a separate operation last year, Kent Police arrested nine people."
    )
    assert forces(text) == ("Sussex Police",)
    assert forces("The Met Office forecast rain.") == ()


def read_date(text: str) -> date | None:
    """The operation date of a text, using its publication line."""
    return operation_date(sentences(text), publication_date(text))


def test_dates_with_a_year_or_a_dateline() -> None:
    assert read_date("Officers executed a warrant on 29/10/2020.") == date(2020, 10, 29)
    assert read_date("Warrants were executed on Tuesday 29 October 2019.") == date(2019, 10, 29)
    published = "Published: Friday 1 November 2019\nOfficers arrested a man on Tuesday 29 October."
    assert read_date(published) == date(2019, 10, 29)
    assert read_date("KENT, 3 January 2024 - Raids took place on 28 December.") == date(
        2023, 12, 28
    )


def test_weekdays_count_back_from_the_publication_date() -> None:
    text = "Published: 1 November 2019\nOfficers executed warrants early on Thursday morning."
    assert read_date(text) == date(2019, 10, 31)


def test_no_year_stated_means_no_date() -> None:
    assert read_date("Officers arrested a man on Tuesday 29 October.") is None
    assert read_date("Officers arrested a man early on Thursday morning.") is None


def test_court_dates_are_not_the_action() -> None:
    text = "A man was arrested and will appear at court on 3 March 2021."
    assert read_date(text) is None
