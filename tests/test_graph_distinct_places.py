"""Two place phrases are two places only by their names: generic place nouns and prepositions ("state", "region",
"in", "the capital") tell nothing (graph/actors.py `distinct_places`, unnamed.yaml `place_generic`)."""
from __future__ import annotations

from claimgraph.graph.actors import distinct_places


def test_a_shared_generic_noun_does_not_make_two_places_one() -> None:
    assert distinct_places("Merrowby in West Talvar province", "Ostrel in Dunmore province")
    assert distinct_places("Fennick town in Harl district", "Corvale town")


def test_phrases_naming_no_place_are_not_distinct() -> None:
    assert not distinct_places("the capital", "the north of the country")
    assert not distinct_places("a district of the province", "a village near the border")


def test_a_shared_name_is_one_place() -> None:
    assert not distinct_places("the Merrowby camp", "Merrowby in West Talvar province")


def test_a_phrase_saying_it_is_elsewhere_is_another_place() -> None:
    assert distinct_places("another district of Moldova", "a market town in Moldova")
    assert not distinct_places("another district of Moldova", "Moldova"), "a country alone says no place"


def test_a_named_place_and_an_unnamed_one_compare_all_their_words() -> None:
    assert distinct_places("Harl district of Moldova", "a fishing port in Moldova")
    assert not distinct_places("the Harl fishing port", "a fishing port in Moldova")
