"""A source span of cue words only ("reportedly", "is believed", "are accused", «serait accusé») names no origin: the
origin is whoever reports it, and the audit counts such a name as no source (graph/cue_names.py, issue 12).

Invented articles: a maker "Velmor Engines", a customer "Ostrava Aero", the outlet "Harbour Gazette".
"""
from __future__ import annotations

from claimgraph.graph.cue_names import is_cue_words
from claimgraph.graph.origins import chain_of, origin_of
from claimgraph.graph.sanity import origin_problem
from claimgraph.model import Analysis
from claimgraph.model.claims import Origin

from graph_docs import Doc, Words

CONTENT = "Velmor Engines shipped engines to Ostrava Aero"


def test_cue_words_hedges_and_verb_forms_are_no_source() -> None:
    for text in ("reportedly", "Allegedly", "is believed", "are accused", "were said", "serait accusé", "apparemment",
                 "aurait été rapporté", "The", "les"):
        assert is_cue_words(text), text


def test_people_documents_outlets_and_reports_are_sources() -> None:
    for text in ("officials", "the documents", "reports", "claims", "des rapports", "witnesses", "texts",
                 "Harbour Gazette", "the Post", "un diplomate européen", "des spéculations", "", "Some", "Plusieurs"):
        assert not is_cue_words(text), text


def _analysis(text: str, source: Words, source_type: str, content: str = CONTENT) -> Analysis:
    d = Doc("gazette", text, "en", "2024-07-10", "Harbour Gazette")
    d.entity("e1", "Velmor Engines", "ORG", "Velmor Engines")
    d.entity("e2", "Ostrava Aero", "ORG", "Ostrava Aero")
    d.attribution("a1", source, source_type, content)
    return d.analysis


def _origin(analysis: Analysis) -> Origin:
    return origin_of(chain_of("a1", analysis, {e.id: e for e in analysis.entities}), analysis)


def test_an_origin_named_by_a_hedge_falls_back_to_the_outlet() -> None:
    origin = _origin(_analysis("Velmor Engines reportedly shipped engines to Ostrava Aero.", "reportedly",
                               "unspecified", "shipped engines to Ostrava Aero"))
    assert origin.name == "Harbour Gazette" and origin.key == "story:gazette"
    passive = _origin(_analysis("Velmor Engines are believed to have shipped engines to Ostrava Aero.",
                                "are believed", "anonymous_person", "shipped engines to Ostrava Aero"))
    assert passive.name == "Harbour Gazette" and not passive.key.startswith("anon:"), "no unnamed person spoke"
    cut = _origin(_analysis("Velmor Engines shipped engines to Ostrava Aero late, The said.", ("The", ","),
                            "organization", "shipped engines to Ostrava Aero late"))
    assert cut.name == "Harbour Gazette", "a source span cut to its determiner names no one"


def test_a_real_unnamed_source_keeps_its_words() -> None:
    origin = _origin(_analysis(f"{CONTENT}, two officials said.", "two officials", "anonymous_person"))
    assert origin.name == "two officials (in Harbour Gazette)" and origin.key == "anon:gazette"


def test_the_audit_counts_an_origin_named_by_cue_words_as_no_source() -> None:
    assert origin_problem(Origin("story:doc", "reportedly (in The Courier)", "story")) == "cue words"
    assert origin_problem(Origin("src:wire", "are believed (via Northwire)", "context")) == "cue words"
    assert origin_problem(Origin("anon:doc", "are accused (in The Courier)", "anonymous")) == "cue words"
    assert origin_problem(Origin("anon:doc", "two officials (in The Courier)", "anonymous")) is None
    assert origin_problem(Origin("src:wire", "the texts (via Northwire)", "organization")) is None
