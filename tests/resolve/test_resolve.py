"""End to end on a handmade store: linking, no chaining, stable ids, incremental, decisions."""

from __future__ import annotations

from datetime import date

import duckdb

from linewatch.resolve import decisions
from linewatch.resolve.run import resolve
from tests.resolve.helpers import PEOPLE, add_records, person_of


def test_one_person_across_sources_and_no_chaining(store: duckdb.DuckDBPyConnection) -> None:
    add_records(store, PEOPLE)
    outcome = resolve(store)
    kyle = person_of(store, "arrests:A1")
    assert {person_of(store, r) for r in ("safeguarding:S1", "subscribers:SUB1")} == {kyle}
    # the shared burner links the intelligence record to neither person wrongly
    assert person_of(store, "arrests:A2") == person_of(store, "seizures:Z2") != kyle
    # one common name, two dates of birth: two people
    assert person_of(store, "arrests:A3") != person_of(store, "subscribers:SUB3")
    assert outcome.mode == "full" and not outcome.trained


def test_ids_stay_and_new_records_link_incrementally(store: duckdb.DuckDBPyConnection) -> None:
    add_records(store, PEOPLE)
    resolve(store)
    before = dict(store.execute("SELECT record_id, person_id FROM person_clusters").fetchall())
    add_records(
        store, [("arrests:A9", "Kyle Brown", date(2001, 2, 3), "12 High St", "ME4 4XX", None)]
    )
    outcome = resolve(store)
    after = dict(store.execute("SELECT record_id, person_id FROM person_clusters").fetchall())
    assert outcome.mode == "incremental" and outcome.new_records == 1
    assert {r: after[r] for r in before} == before
    assert after["arrests:A9"] == before["arrests:A1"]


def test_a_fresh_store_numbers_people_in_order_of_their_first_record(
    store: duckdb.DuckDBPyConnection,
) -> None:
    """The same records get the same ids in any fresh store, whatever order threads ran in."""
    add_records(store, PEOPLE)
    resolve(store)
    people = store.execute(
        "SELECT CAST(substr(person_id, 2) AS INT) AS n, min(record_id) AS first "
        "FROM person_clusters GROUP BY person_id ORDER BY n"
    ).fetchall()
    assert [n for n, _ in people] == list(range(1, len(people) + 1))
    assert [first for _, first in people] == sorted(first for _, first in people)


def test_decisions_override_survive_reruns_and_undo(store: duckdb.DuckDBPyConnection) -> None:
    add_records(store, PEOPLE)
    resolve(store)
    kyle = person_of(store, "arrests:A1")
    split = decisions.split(store, kyle, ["safeguarding:S1"], "analyst1", "different Kyle")
    assert person_of(store, "safeguarding:S1") != person_of(store, "arrests:A1") == kyle
    resolve(store, full=True)
    assert person_of(store, "safeguarding:S1") != person_of(store, "arrests:A1")
    decisions.accept(store, "arrests:A3", "subscribers:SUB3", "analyst1", "same man, dob typo")
    assert person_of(store, "arrests:A3") == person_of(store, "subscribers:SUB3")
    decisions.undo(store, split, "analyst2", "checked: same Kyle")
    assert person_of(store, "safeguarding:S1") == person_of(store, "arrests:A1")
    kinds = [k for (k,) in store.execute("SELECT kind FROM er_decisions ORDER BY 1").fetchall()]
    assert kinds == ["accept", "split", "undo"]
    assert store.execute("SELECT count(*) FROM person_records").fetchall()[0][0] == len(PEOPLE)


def test_reject_keeps_two_records_apart(store: duckdb.DuckDBPyConnection) -> None:
    add_records(store, PEOPLE)
    resolve(store)
    decisions.reject(store, "arrests:A1", "subscribers:SUB1", "analyst1", "different men")
    resolve(store)
    assert person_of(store, "arrests:A1") != person_of(store, "subscribers:SUB1")


def test_slipped_surname_with_a_day_off_links(store: duckdb.DuckDBPyConnection) -> None:
    # No rule on the exact surname or the date of birth puts these two together.
    add_records(
        store,
        [
            ("arrests:A1", "GREEN, Sean", date(2008, 8, 6), None, None, None),
            ("seizures:Z1", "GREEEN, Sean", date(2008, 8, 5), None, None, None),
            ("seizures:Z2", "Sean Gren", date(2008, 8, 7), None, None, None),
            ("arrests:A2", "Sean Gerne", date(1990, 1, 1), None, None, None),
        ],
    )
    resolve(store)
    sean = person_of(store, "arrests:A1")
    assert person_of(store, "seizures:Z1") == person_of(store, "seizures:Z2") == sean
    assert person_of(store, "arrests:A2") != sean


def test_a_single_name_links_at_its_postcode(store: duckdb.DuckDBPyConnection) -> None:
    add_records(
        store,
        [
            ("intelligence:IR1:1", "Mason", None, None, "E9 5GD", None),
            ("subscribers:SUB1", "Mason Porter", date(2007, 3, 1), None, "E95GD", "+447700900009"),
            ("subscribers:SUB2", "Mia Porter", date(1980, 5, 1), None, "E9 5GD", None),
        ],
    )
    resolve(store)
    assert person_of(store, "intelligence:IR1:1") == person_of(store, "subscribers:SUB1")
    assert person_of(store, "intelligence:IR1:1") != person_of(store, "subscribers:SUB2")


def test_a_name_alone_joins_the_namesake_with_most_records(
    store: duckdb.DuckDBPyConnection,
) -> None:
    joel = date(2006, 10, 6)
    add_records(
        store,
        [
            ("arrests:A1", "TURNER, Joel", joel, "4 Mill Lane", "NR3 0BA", None),
            ("seizures:Z1", "TURNER, Joel", joel, None, None, None),
            ("safeguarding:S1", "Joel Turner", joel, None, None, None),
            (
                "subscribers:SUB1",
                "Joel Turner",
                date(1997, 3, 21),
                None,
                "BN2 4YF",
                "+447700900009",
            ),
            ("safeguarding:S2", "Joel Turner", None, None, None, None),
        ],
    )
    resolve(store)
    assert person_of(store, "safeguarding:S2") == person_of(store, "arrests:A1")
    assert person_of(store, "subscribers:SUB1") != person_of(store, "arrests:A1")


def test_an_initial_and_a_slipped_surname_link_on_the_date_of_birth(
    store: duckdb.DuckDBPyConnection,
) -> None:
    kyle = date(1999, 4, 18)
    add_records(
        store,
        [
            ("subscribers:SUB1", "Kyle Shaw", kyle, None, None, "+447700900011"),
            ("subscribers:SUB2", "K Shhaw", kyle, None, None, "+447700900012"),
        ],
    )
    resolve(store)
    assert person_of(store, "subscribers:SUB1") == person_of(store, "subscribers:SUB2")


def test_a_single_name_links_at_the_same_written_address(
    store: duckdb.DuckDBPyConnection,
) -> None:
    add_records(
        store,
        [
            ("intelligence:IR1:1", "Harley", None, "129 The Avenue, Homerton", None, None),
            (
                "arrests:A1",
                "WILLIAMS, Harley",
                date(2008, 9, 27),
                "129 The Avenue, Homerton",
                "E9 8TJ",
                None,
            ),
            (
                "arrests:A2",
                "Harley Moore",
                date(2007, 1, 5),
                "131 The Avenue, Homerton",
                None,
                None,
            ),
        ],
    )
    resolve(store)
    assert person_of(store, "intelligence:IR1:1") == person_of(store, "arrests:A1")
    assert person_of(store, "intelligence:IR1:1") != person_of(store, "arrests:A2")


def test_an_initial_and_surname_link_at_the_same_written_address(
    store: duckdb.DuckDBPyConnection,
) -> None:
    add_records(
        store,
        [
            ("intelligence:IR1:1", "J Hall", None, "35 Mayfield Road, Ramsgate", None, None),
            (
                "subscribers:SUB1",
                "Joel HALL",
                date(2010, 4, 10),
                "35 Mayfield Rd, Ramsgate",
                "CT11 2XH",
                "+447700900013",
            ),
            ("arrests:A1", "J Wood", None, "35 Mayfield Road, Ramsgate", None, None),
        ],
    )
    resolve(store)
    assert person_of(store, "intelligence:IR1:1") == person_of(store, "subscribers:SUB1")
    assert person_of(store, "arrests:A1") != person_of(store, "subscribers:SUB1")


def test_a_name_alone_with_two_neighbouring_letters_swapped_links(
    store: duckdb.DuckDBPyConnection,
) -> None:
    connor = date(2006, 7, 8)
    add_records(
        store,
        [
            ("arrests:A1", "Connor Jenkins", connor, "129 Cedar Close, Streatham", None, None),
            ("safeguarding:S1", "Connor Jenkins", connor, None, None, None),
            ("seizures:Z1", "JENIKNS Connor", None, None, None, None),
            # two slips at once: a name alone stays apart
            ("seizures:Z2", "Connor Jneksn", None, None, None, None),
            # a swap on a record with fields of its own (another address) stays apart
            (
                "subscribers:SUB1",
                "Connor Jenkisn",
                None,
                "4 Mill Lane, Hove",
                None,
                "+447700900014",
            ),
        ],
    )
    resolve(store)
    assert person_of(store, "seizures:Z1") == person_of(store, "arrests:A1")
    assert person_of(store, "seizures:Z2") != person_of(store, "arrests:A1")
    assert person_of(store, "subscribers:SUB1") != person_of(store, "arrests:A1")


def test_a_single_name_links_on_a_date_of_birth_a_day_off(
    store: duckdb.DuckDBPyConnection,
) -> None:
    add_records(
        store,
        [
            ("intelligence:IR1:1", "Marky", date(2006, 9, 20), None, None, None),
            ("intelligence:IR2:2", "Marky", date(2006, 9, 19), "142 Alexandra Road", None, None),
            # three days off: no rule pairs it, it stays apart
            ("intelligence:IR3:1", "Marky", date(2006, 9, 23), None, None, None),
        ],
    )
    resolve(store)
    assert person_of(store, "intelligence:IR1:1") == person_of(store, "intelligence:IR2:2")
    assert person_of(store, "intelligence:IR3:1") != person_of(store, "intelligence:IR1:1")


def test_a_name_alone_with_a_letter_dropped_or_doubled_links(
    store: duckdb.DuckDBPyConnection,
) -> None:
    matthew = date(2004, 3, 9)
    add_records(
        store,
        [
            ("arrests:A1", "Matthew Murphy", matthew, "12 Elm Road, Croydon", None, None),
            ("safeguarding:S1", "Matthew Murphy", matthew, None, None, None),
            # a dropped consonant, which only the first/last three letters block reaches
            ("seizures:Z1", "Matthew Muphy", None, None, None, None),
            ("seizures:Z2", "MURPPHY Matthew", None, None, None, None),
            # two slips (a letter dropped, one changed): stays apart
            ("seizures:Z3", "Matthew Mrfy", None, None, None, None),
            # a dropped letter on a record with fields of its own (another address) stays apart
            ("subscribers:SUB1", "Matthew Murpy", None, "4 Mill Lane, Hove", None, None),
            # a name alone that a record with other fields bears is that name, not a slip of
            # another ("Marcus Davies" is not the subscriber Marcus Davis)
            ("arrests:A2", "DAVIES, Marcus", date(2006, 9, 15), None, "SW16 6BD", None),
            ("safeguarding:S2", "Marcus Davies", None, None, None, None),
            ("subscribers:SUB2", "Marcus Davis", None, None, "IP4 6SA", "+447700900024"),
        ],
    )
    resolve(store)
    matt = person_of(store, "arrests:A1")
    assert person_of(store, "seizures:Z1") == person_of(store, "seizures:Z2") == matt
    assert person_of(store, "seizures:Z3") != matt
    assert person_of(store, "subscribers:SUB1") != matt
    assert person_of(store, "safeguarding:S2") == person_of(store, "arrests:A2")
    assert person_of(store, "subscribers:SUB2") != person_of(store, "arrests:A2")


def test_a_name_alone_does_not_join_two_subscribers_with_other_numbers(
    store: duckdb.DuckDBPyConnection,
) -> None:
    add_records(
        store,
        [
            ("subscribers:SUB1", "Zach Walker", None, None, None, "+447700900021"),
            ("subscribers:SUB2", "Zach Walker", None, None, None, "+447700900022"),
            # a subscriber and a record with the name and nothing else still link
            ("subscribers:SUB3", "Isla Wood", None, None, None, "+447700900023"),
            ("seizures:Z1", "Isla Wood", None, None, None, None),
        ],
    )
    resolve(store)
    assert person_of(store, "subscribers:SUB1") != person_of(store, "subscribers:SUB2")
    assert person_of(store, "subscribers:SUB3") == person_of(store, "seizures:Z1")
