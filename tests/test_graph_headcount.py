"""A content that is only a figure of people ("at least 40 people", the count word outside the quote) meets the
story's count of that figure (graph/propositions.py `_headcount`, graph/proposition_match.py). Invented flood,
clinic and agency."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from claimgraph.graph.proposition_match import contradicts, shared_keys
from claimgraph.graph.propositions import proposition_keys, with_count_verb
from claimgraph.store import tables as t

from graph_docs import Doc, store_with


def test_a_bare_headcount_is_a_figure_of_people() -> None:
    assert proposition_keys('"at least 40 people,') == {"people:40"}
    assert proposition_keys("au moins 40 personnes") == {"people:40"}
    assert proposition_keys("the 40 people who marched to the dam") == frozenset(), "a sentence, not a headcount"
    hurt = proposition_keys("around 40 people were injured when the dam gave way")
    assert shared_keys(proposition_keys("at least 40 people"), hurt) and not contradicts(proposition_keys("at least 40 people"), hurt)
    assert contradicts(proposition_keys("at least 12 people"), hurt), "another figure: another count"


def _said(doc_id: str, source: str, content: str, date: str = "2025-04-02") -> Doc:
    text = f"{source} said {content}."
    d = Doc(doc_id, text, "en", date, f"Outlet {doc_id}")
    d.entity("e1", source, "ORG", source)
    d.attribution("a1", source, "organization", content, entity="e1")
    return d


def test_a_headcount_joins_the_count_it_gives_the_figure_of(tmp_path: Path) -> None:
    store = store_with(tmp_path, [
        _said("c1", "the Brenna clinic", "around 40 people were injured when the dam at Brenna gave way").analysis,
        _said("c2", "the Brenna relief agency", '"at least 40 people,"').analysis,
        _said("c3", "the Brenna fire service", '"at least 12 people,"').analysis])
    with store.engine.connect() as connection:
        claim = {r.document_id: r.claim_id for r in connection.execute(select(t.evidence.c.document_id, t.evidence.c.claim_id))}
    assert claim["c2"] == claim["c1"], "40 people: the clinic's 40 injured"
    assert claim["c3"] != claim["c1"], "12 people: not that count"


def test_a_headcount_meets_only_counts_of_people() -> None:
    ten, six = proposition_keys("at least 10 people"), proposition_keys("au moins 6 personnes")
    assert not shared_keys(ten, proposition_keys("the tremor lay 10 kilometres deep")), "no depth"
    assert not shared_keys(six, proposition_keys("un séisme de magnitude 6 a frappé la vallée")), "no magnitude"
    assert not shared_keys(ten, proposition_keys("10 homes were destroyed")), "no count of homes"
    assert shared_keys(ten, proposition_keys("10 people were killed in the flood"))


def test_a_headcount_is_read_with_the_verb_after_its_quote() -> None:
    assert with_count_verb('"at least 10 people,', '" were arrested at the protest.') == '"at least 10 people, were arrested'
    assert proposition_keys(with_count_verb("au moins 6 personnes", " » ont été tuées")) == {"kill:6"}
    assert with_count_verb("at least 10 people", ". Rain fell.") == "at least 10 people", "no verb: as it is"


def test_a_headcount_of_arrests_is_not_a_count_of_the_dead(tmp_path: Path) -> None:
    texts = {"k1": ("The Brenna clinic", "The Brenna clinic said at least 10 people were killed.",
                    "at least 10 people were killed"),
             "k2": ("Brenna police", 'Brenna police estimate "at least 10 people," were arrested at the protest.',
                    '"at least 10 people,"')}
    docs = []
    for doc_id, (source, text, content) in texts.items():
        d = Doc(doc_id, text, "en", "2025-04-02", f"Outlet {doc_id}")
        d.entity("e1", source, "ORG", source)
        d.attribution("a1", source, "organization", content, entity="e1")
        docs.append(d.analysis)
    store = store_with(tmp_path, docs)
    with store.engine.connect() as connection:
        claim = {r.document_id: r.claim_id for r in connection.execute(select(t.evidence.c.document_id, t.evidence.c.claim_id))}
    assert claim["k1"] != claim["k2"], "10 arrested is not 10 killed"
