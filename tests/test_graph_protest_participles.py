"""'protesting' and 'demonstrating' make a group of protesters only after a plural people noun or a demonym, and
not before a direct object (graph/participle_groups.py, unnamed.yaml `participle_kinds`)."""
from __future__ import annotations

from claimgraph.graph.keys import unnamed_group


def test_a_participle_with_its_own_object_makes_no_protester() -> None:
    assert unnamed_group("a baker protesting his innocence before the Velmar court") is None
    assert unnamed_group("a survey demonstrating the danger of the Velmar dam") is None
    assert unnamed_group("the notary, protesting the verdict") is None
    assert unnamed_group("farmers protesting the new levy") is None, "a direct object: what they protest, not who"


def test_a_participle_after_people_or_a_demonym_makes_protesters() -> None:
    assert unnamed_group("pensioners demonstrating outside the Velmar town hall")[0] == "grp:*:protester"
    assert unnamed_group("Norwegians protesting against government plans for a bridge toll")[0] == "grp:*:protester"
    assert unnamed_group("Sudanese demonstrating in the main square")[0] == "grp:*:protester"
    assert unnamed_group("the marchers")[0] == "grp:*:protester"
