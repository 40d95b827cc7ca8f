"""What a statement with several figures asserts: a length counts no one, a figure before an "and" is the other
count's, an aside set off by commas recalls background, and two statements asserting different things are two
claims (graph/propositions.py). Sentences of our own."""
from __future__ import annotations

from claimgraph.graph.proposition_match import contradicts
from claimgraph.graph.propositions import asserted_text, proposition_keys


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


def test_a_count_told_by_its_parts_is_their_sum() -> None:
    assert proposition_keys("two nurses and one porter died in the fire") == {"kill:3"}
    assert proposition_keys("four people, a boy and three women, were killed") == {"kill:4"}
    assert proposition_keys("nine were killed and 14 wounded") == {"kill:9", "injure:14"}, "two counts, not a sum"


def test_only_parts_that_count_people_are_summed() -> None:
    for text in ("The shelling flattened 5 barns and 12 people were killed",
                 "The shelling flattened a chapel and 12 people were killed"):
        assert {k for k in proposition_keys(text) if k.startswith("kill:")} == {"kill:12"}, text
    assert proposition_keys("in 2021 and 40 people were killed") == {"kill:40"}
    assert proposition_keys("a shepherd and two girls were killed") == {"kill:2"}, "a shepherd is not in the list"
    assert proposition_keys("a woman and two boys were killed") == {"kill:3"}
    assert proposition_keys("deux femmes et un homme sont morts") == {"kill:3"}


def test_thousands_set_apart_by_a_space_are_one_figure() -> None:
    assert proposition_keys("au moins 60 000 morts") == {"kill:60000"}
    assert proposition_keys("in 2019 40 people were killed") == {"kill:40"}


def test_spaced_thousands_before_a_comma_or_stop_and_not_after_a_month() -> None:
    assert proposition_keys("le nombre de morts a atteint 45 000, selon la préfecture") == {"kill:45000"}
    assert proposition_keys("the death toll reached 45 000, officials said") == {"kill:45000"}
    assert proposition_keys("deaths reached 45 000. Officials said") == {"kill:45000"}
    assert proposition_keys("On March 5 150 people were killed") == {"kill:150"}, "a day, then the toll"
    assert proposition_keys("en mai 20 000 personnes ont été tuées") == {"kill:20000"}, "French puts the day first"


def test_an_undated_statement_may_meet_its_story_but_an_undated_act_only_by_its_words() -> None:
    from claimgraph.graph import claim_mentions
    from claimgraph.graph.story_scope import in_story

    from graph_docs import Doc

    text = "Rescuers said 14 people were killed. Rebels shelled the port."
    d = Doc("u1", text, "en", None, "Outlet u1")  # type: ignore[arg-type]
    d.attribution("a1", "Rescuers", "anonymous_person", "14 people were killed")
    d.entity("e1", "Rebels", "ORG", "Rebels")
    d.event("v1", "USE", "shelled", agent=("Rebels", "e1"), location=("the port", None))
    scopes = {m.type: in_story(m) for m in claim_mentions(d.analysis)}
    assert scopes["STATEMENT"] is not None and scopes["STATEMENT"].day is None
    assert scopes["USE"] is None


def test_an_invasion_is_a_charge_however_it_is_worded() -> None:
    assert proposition_keys("the regime means to invade the north soon") == {"judge:invasion"}
    assert proposition_keys('their "pending invasion" of the north') == {"judge:invasion"}
