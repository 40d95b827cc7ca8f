"""An organisation's head or spokesperson speaking for it, its people and its documents are one voice with it
(graph/person_roles.py, graph/origins.py), as a state's bodies are.

Invented articles: an alliance "the Northern Pact", a maker "Velmor Engines", a union "Dockers Federation".
"""
from __future__ import annotations

from claimgraph.graph.origins import chain_of, origin_of
from claimgraph.model import Analysis

from graph_docs import Doc, origins_by_record

CONTENT = "Velmor Engines shipped engines to Ostrava Aero"


def _said(text: str, source: str, source_type: str, person: bool = True, pact_words: tuple[str, ...] = ()) -> Analysis:
    d = Doc("pact", text, "en", "2024-07-10", "Harbour Gazette")
    d.entity("e1", "Velmor Engines", "ORG", "Velmor Engines")
    d.entity("e2", "Ostrava Aero", "ORG", "Ostrava Aero")
    if pact_words:
        d.entity("e4", "Northern Pact", "ORG", *pact_words)
    entity = d.entity("e3", "Anna Berg", "PERSON", "Anna Berg") if person else None
    holder = d.attribution("a1", source, source_type, CONTENT, entity=entity)
    d.event("v1", "SUPPLY", "shipped", holder, agent=("Velmor Engines", "e1"), recipient=("Ostrava Aero", "e2"),
            item=("engines", None))
    return d.analysis


def test_a_person_titled_with_an_organisation_it_names_speaks_as_it() -> None:
    for text in (f"Northern Pact Secretary General Anna Berg said {CONTENT}.",
                 f"The head of the Northern Pact, Anna Berg, said {CONTENT}.",
                 f"Anna Berg, the Northern Pact's spokesperson, said {CONTENT}."):
        analysis = _said(text, "Anna Berg", "named_person", pact_words=("Northern Pact",))
        assert origins_by_record(analysis) == {"v1": "src:northern pact"}, text


def test_a_head_s_bare_title_is_the_organisation_the_story_is_about() -> None:
    text = f"Northern Pact meets in Oslo.\nSecretary General Anna Berg said {CONTENT}."
    analysis = _said(text, "Anna Berg", "named_person", pact_words=("Northern Pact",))
    assert origins_by_record(analysis) == {"v1": "src:northern pact"}


def test_a_person_with_no_role_of_an_organisation_is_their_own_origin() -> None:
    for text in (f"Anna Berg, who visited the Northern Pact, said {CONTENT}.",
                 f"Northern Pact meets in Oslo.\nAnalyst Anna Berg said {CONTENT}.",
                 f"Northern Pact meets in Oslo.\nPresident Anna Berg said {CONTENT}."):
        analysis = _said(text, "Anna Berg", "named_person", pact_words=("Northern Pact",))
        assert origins_by_record(analysis) == {"v1": "src:anna berg"}, text


def test_a_state_s_organisation_leaves_its_person_to_the_state() -> None:
    """A ministry is its state: the person is the state's voice (graph/voices.py), never the ministry apart."""
    text = f"China's foreign ministry spokesperson Anna Berg said {CONTENT}."
    d = Doc("pact", text, "en", "2024-07-10", "Harbour Gazette")
    d.entity("e1", "Velmor Engines", "ORG", "Velmor Engines")
    d.entity("e2", "Ostrava Aero", "ORG", "Ostrava Aero")
    d.entity("e3", "Anna Berg", "PERSON", "Anna Berg")
    holder = d.attribution("a1", "Anna Berg", "named_person", CONTENT, entity="e3")
    d.event("v1", "SUPPLY", "shipped", holder, agent=("Velmor Engines", "e1"), recipient=("Ostrava Aero", "e2"),
            item=("engines", None))
    assert origins_by_record(d.analysis) == {"v1": "state:CN"}


def test_an_organisation_s_people_beside_a_place_are_the_organisation() -> None:
    text = f"Northern Pact leaders meeting in Oslo on Wednesday said {CONTENT}."
    d = Doc("pact", text, "en", "2024-07-10", "Harbour Gazette")
    d.entity("e1", "Velmor Engines", "ORG", "Velmor Engines")
    d.entity("e2", "Ostrava Aero", "ORG", "Ostrava Aero")
    d.entity("e4", "Northern Pact", "ORG", "Northern Pact")
    d.entity("e5", "Oslo", "GPE", "Oslo")
    holder = d.attribution("a1", "Northern Pact leaders meeting in Oslo on Wednesday", "anonymous_person", CONTENT)
    d.event("v1", "SUPPLY", "shipped", holder, agent=("Velmor Engines", "e1"), recipient=("Ostrava Aero", "e2"),
            item=("engines", None))
    assert origins_by_record(d.analysis) == {"v1": "src:northern pact"}


def test_a_source_referring_back_by_its_head_noun_is_the_one_quoted_before() -> None:
    text = (f"A Northern Pact spokesperson said the report was worrying. \"{CONTENT},\" the spokesperson said. "
            f"\"{CONTENT} again,\" a diplomat said.")
    d = Doc("pact", text, "en", "2024-07-10", "Harbour Gazette")
    d.entity("e4", "Northern Pact", "ORG", "Northern Pact")
    d.attribution("a1", "A Northern Pact spokesperson", "anonymous_person", "the report was worrying")
    d.attribution("a2", "the spokesperson", "anonymous_person", CONTENT)
    d.attribution("a3", "a diplomat", "anonymous_person", (f"{CONTENT} again", "spokesperson said"))
    by_id = {a.id: a for a in d.analysis.attributions}
    entities = {e.id: e for e in d.analysis.entities}
    assert origin_of(chain_of("a1", d.analysis, entities), d.analysis).key == "src:northern pact"
    assert origin_of(chain_of("a2", d.analysis, entities), d.analysis).key == "src:northern pact"
    assert origin_of(chain_of("a3", d.analysis, entities), d.analysis).key == "anon:pact", "a new source is not"
    assert by_id["a2"].source.span.text == "the spokesperson"
