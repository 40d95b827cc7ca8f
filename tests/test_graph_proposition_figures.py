"""What a statement with several figures asserts: a length counts no one, a figure before an "and" is the other
count's, an aside set off by commas recalls background, and two statements asserting different things are two
claims (graph/propositions.py). Sentences of our own."""
from __future__ import annotations

from claimgraph.graph.propositions import asserted_text, contradicts, proposition_keys


def test_a_length_is_no_toll() -> None:
    keys = proposition_keys("The storm, moving at 40 kilometres an hour, injured 30 people")
    assert "injure:30" in keys and "injure:40" not in keys
    assert proposition_keys("the tremor struck at a depth of 12 kilometres") == {"depth:12"}


def test_a_figure_across_and_belongs_to_the_other_count() -> None:
    keys = proposition_keys("the blast injured more than 80 people and damaged more than 150 shops")
    assert keys == {"injure:80", "damage:150"}
    assert proposition_keys("nine were killed and 14 wounded") == {"kill:9", "injure:14"}
    assert "damage:700" in proposition_keys("6 people were killed and about 700 homes and shops were damaged")


def test_an_aside_is_not_what_the_statement_asserts() -> None:
    text = "The tremor, which struck at a depth of 12 kilometres, injured 40 people"
    assert proposition_keys(text) == {"injure:40"}
    assert "depth" not in asserted_text(text)
    # With nothing asserted outside it, the aside is all the statement says.
    assert proposition_keys("The epicentre, which lay 8 miles beneath the surface, was near the coast") == {"depth:13"}


def test_statements_asserting_different_things_are_two_claims() -> None:
    assert contradicts(frozenset({"damage:150"}), frozenset({"depth:12"}))
    assert not contradicts(frozenset({"damage:150"}), frozenset({"damage:150", "injure:80"}))
    assert not contradicts(frozenset({"kill:0", "injure:0"}), frozenset({"kill:9"})), "a nought answers a figure"
    assert not contradicts(frozenset(), frozenset({"kill:9"})), "a statement with no key is compared by its words"
