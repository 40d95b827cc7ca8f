"""An undated article's statement meets its story, not a statement of any date that shares a figure."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from claimgraph.model import Analysis

from graph_docs import Doc, claims_of, store_with


def toll(doc_id: str, text: str, content: str, date: Optional[str], outlet: str) -> Analysis:
    d = Doc(doc_id, text, "en", date, outlet)  # type: ignore[arg-type]
    d.attribution("a1", "Rescuers", "anonymous_person", content)
    return d.analysis


def flood(date: str) -> Analysis:
    return toll("f1", "Rescuers said 14 people were killed when the river burst its banks.",
                "14 people were killed when the river burst its banks", date, "Outlet one")


def market_fire(doc_id: str, date: Optional[str]) -> Analysis:
    return toll(doc_id, "Rescuers said a blaze at a shopping centre left 14 people dead.",
                "a blaze at a shopping centre left 14 people dead", date, "Outlet two")


def statement_claims(tmp_path: Path, analyses: list[Analysis], name: str) -> int:
    return len([c for c in claims_of(store_with(tmp_path, analyses, name)).values() if c.type == "STATEMENT"])


def test_a_dated_toll_years_apart_is_another_claim(tmp_path: Path) -> None:
    assert statement_claims(tmp_path, [flood("2019-04-02"), market_fire("m1", "2026-11-20")], "dated.db") == 2


def test_an_undated_toll_does_not_join_a_claim_of_any_date(tmp_path: Path) -> None:
    assert statement_claims(tmp_path, [flood("2019-04-02"), market_fire("m1", None)], "undated.db") == 2


def shelling(doc_id: str, date: Optional[str], toll_words: str) -> Analysis:
    text = f"Rebels shelled the port of Velmar. {toll_words}"
    d = Doc(doc_id, text, "en", date, f"Outlet {doc_id}")  # type: ignore[arg-type]
    d.entity("e1", "Rebels", "ORG", "Rebels")
    d.event("v1", "USE", "shelled", agent=("Rebels", "e1"), location=("the port of Velmar", None))
    d.attribution("a1", "rescuers", "anonymous_person", toll_words.split(", rescuers")[0].rstrip("."))
    return d.analysis


def test_an_undated_toll_meets_the_story_its_article_joined(tmp_path: Path) -> None:
    dated = shelling("s1", "2026-11-20", "The shelling killed 14 people in the harbour district, rescuers said.")
    undated = shelling("s2", None, "Fourteen people died when shells fell near the docks, rescuers said.")
    store = store_with(tmp_path, [flood("2019-04-02"), dated, undated], "story.db")
    statements = [c for c in claims_of(store).values() if c.type == "STATEMENT"]
    uses = [c for c in claims_of(store).values() if c.type == "USE"]
    assert len(uses) == 1, "the undated article's act joined the dated one by its words"
    assert sorted(sorted(c.articles) for c in statements) == [["f1"], ["s1", "s2"]], [c.label for c in statements]
