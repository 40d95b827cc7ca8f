"""A depth word ("deep", "beneath", "underground") takes a figure only with a length unit after it, and lengths in
miles, metres or feet are keyed in kilometres (graph/data/propositions.yaml `unit_only`, `length_units`)."""
from __future__ import annotations

from claimgraph.graph.proposition_match import contradicts
from claimgraph.graph.propositions import proposition_keys


def test_a_depth_word_without_a_unit_takes_no_figure() -> None:
    assert proposition_keys("nine hikers drowned after falling into a deep gorge near Belmora") == frozenset()
    assert proposition_keys("31 walkers were killed in a deep canyon near Belmora") == {"kill:31"}
    assert proposition_keys("Seven cavers were stuck underground for a week") == frozenset()
    assert proposition_keys("three tunnels run beneath the old town of Ostravel") == frozenset()


def test_a_depth_word_with_a_unit_takes_its_figure_in_kilometres() -> None:
    assert proposition_keys("the tremor began 8 km deep under Ostravel") == {"depth:8"}
    assert proposition_keys("the tremor began five miles beneath Ostravel") == {"depth:8"}
    assert proposition_keys("three cavers were stuck 200 metres underground") == {"depth:0.2"}
    assert proposition_keys("three cavers were stuck 656 feet underground") == {"depth:0.2"}
    assert proposition_keys("the tremor began at a depth of 8,000 metres") == {"depth:8"}


def test_miners_stuck_at_two_depths_are_no_contradiction_without_units() -> None:
    deep = proposition_keys("Two cavers were stuck 120 metres underground")
    vague = proposition_keys("Five cavers were stuck underground")
    assert not contradicts(deep, vague)
