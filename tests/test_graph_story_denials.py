"""One party's denials within a story are one claim however they are worded, and a denial's origin is its
denier whoever reports it (issue 12, item 2)."""
from __future__ import annotations

from pathlib import Path

from claimgraph.model import Analysis

from graph_docs import Doc, claims_of, store_with


def denial_one(date: str) -> Analysis:
    d = Doc("d1", "Mali's army denied it had shelled the market, the agency said.", "en", date, "Outlet one")
    d.entity("e1", "Mali", "GPE", "Mali")
    d.event("v1", "DENY", "denied", agent=("Mali", "e1"), item=("it had shelled the market", None))
    return d.analysis


def denial_two(date: str) -> Analysis:
    d = Doc("d2", "Mali rejected any involvement in striking civilians across the border.", "en", date, "Outlet two")
    d.entity("e1", "Mali", "GPE", "Mali")
    d.event("v1", "DENY", "rejected", agent=("Mali", "e1"), item=("any involvement in striking civilians", None))
    return d.analysis


def reported_denial() -> Analysis:
    d = Doc("d3", "Ines Varga, who runs the charity, said Mali denied any shelling of the market.", "en",
            "2025-03-02", "Outlet three")
    d.entity("e1", "Mali", "GPE", "Mali")
    d.entity("e2", "Ines Varga", "PERSON", "Ines Varga")
    d.attribution("a1", "Ines Varga, who runs the charity", "named_person", "Mali denied any shelling of the market",
                  entity="e2")
    d.event("v1", "DENY", "denied", "a1", agent=("Mali", "e1"), item=("any shelling of the market", None))
    return d.analysis


def deny_claims(tmp_path: Path, analyses: list[Analysis], name: str) -> list:
    return [c for c in claims_of(store_with(tmp_path, analyses, name)).values() if c.type == "DENY"]


def test_one_partys_denials_within_a_story_are_one_claim(tmp_path: Path) -> None:
    assert len(deny_claims(tmp_path, [denial_one("2025-03-01"), denial_two("2025-03-03")], "story.db")) == 1


def test_one_partys_denials_months_apart_are_told_apart_by_their_words(tmp_path: Path) -> None:
    assert len(deny_claims(tmp_path, [denial_one("2025-03-01"), denial_two("2025-07-20")], "apart.db")) == 2


def test_a_denial_reported_by_a_person_is_the_deniers(tmp_path: Path) -> None:
    (claim,) = deny_claims(tmp_path, [reported_denial()], "reported.db")
    assert [o.key for o in claim.origins] == ["state:ML"]
