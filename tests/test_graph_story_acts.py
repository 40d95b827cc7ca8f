"""A known party's attack within a story is one claim however it is told; outside it, words decide."""
from __future__ import annotations

from pathlib import Path

from claimgraph.model import Analysis

from graph_docs import Doc, claims_of, store_with


def shots(date: str) -> Analysis:
    d = Doc("s1", "The officers fired eleven rounds, the paper said.", "en", date, "Outlet one")
    d.event("v1", "USE", "fired", agent=("The officers", None), item=("eleven rounds", None))
    return d.analysis


def shooting(date: str) -> Analysis:
    d = Doc("s2", "Police shot a teenager outside a bakery in Dunmore.", "en", date, "Outlet two")
    d.event("v1", "USE", "shot", agent=("Police", None), location=("a bakery in Dunmore", None))
    return d.analysis


def use_claims(tmp_path: Path, analyses: list[Analysis], name: str) -> list[str]:
    return [c.label for c in claims_of(store_with(tmp_path, analyses, name)).values() if c.type == "USE"]


def test_a_known_partys_attack_is_one_claim_within_a_story(tmp_path: Path) -> None:
    assert len(use_claims(tmp_path, [shots("2025-03-01"), shooting("2025-03-04")], "story.db")) == 1


def test_a_known_partys_attacks_weeks_apart_are_told_apart_by_their_words(tmp_path: Path) -> None:
    assert len(use_claims(tmp_path, [shots("2025-03-01"), shooting("2025-05-20")], "apart.db")) == 2
