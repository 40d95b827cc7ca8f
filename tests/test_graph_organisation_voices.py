"""An organisation's head or spokesperson speaking for it, its people and its documents are one voice with it
(graph/person_roles.py, graph/origins.py), as a state's bodies are.

Invented articles: an alliance "the Northern Pact", a maker "Velmor Engines", a union "Dockers Federation".
"""
from __future__ import annotations

from claimgraph.graph.origins import chain_of, origin_of
from claimgraph.model import Analysis

from graph_docs import Doc, origins_by_record

CONTENT = "Velmor Engines shipped engines to Ostrava Aero"


def _doc(text: str) -> Doc:
    """An article naming the maker and its customer (e1, e2)."""
    d = Doc("pact", text, "en", "2024-07-10", "Harbour Gazette")
    d.entity("e1", "Velmor Engines", "ORG", "Velmor Engines")
    d.entity("e2", "Ostrava Aero", "ORG", "Ostrava Aero")
    return d


def _shipped(d: Doc, holder: str) -> Analysis:
    """`d` with the shipment of CONTENT as the event `holder` reports."""
    d.event("v1", "SUPPLY", "shipped", holder, agent=("Velmor Engines", "e1"), recipient=("Ostrava Aero", "e2"),
            item=("engines", None))
    return d.analysis


def _said(text: str, source: str, source_type: str, person: bool = True, pact_words: tuple[str, ...] = ()) -> Analysis:
    d = _doc(text)
    if pact_words:
        d.entity("e4", "Northern Pact", "ORG", *pact_words)
    entity = d.entity("e3", "Anna Berg", "PERSON", "Anna Berg") if person else None
    return _shipped(d, d.attribution("a1", source, source_type, CONTENT, entity=entity))


def _berg_origins(text: str) -> dict[str, str]:
    """Origins by record when Anna Berg, named, says CONTENT in `text` of an article naming the Northern Pact."""
    return origins_by_record(_said(text, "Anna Berg", "named_person", pact_words=("Northern Pact",)))


def test_a_person_titled_with_an_organisation_it_names_speaks_as_it() -> None:
    for text in (f"Northern Pact Secretary General Anna Berg said {CONTENT}.",
                 f"The head of the Northern Pact, Anna Berg, said {CONTENT}.",
                 f"Anna Berg, the Northern Pact's spokesperson, said {CONTENT}."):
        assert _berg_origins(text) == {"v1": "src:northern pact"}, text


def test_a_head_s_bare_title_is_the_organisation_the_story_is_about() -> None:
    text = f"Northern Pact meets in Oslo.\nSecretary General Anna Berg said {CONTENT}."
    assert _berg_origins(text) == {"v1": "src:northern pact"}


def test_a_person_with_no_role_of_an_organisation_is_their_own_origin() -> None:
    for text in (f"Anna Berg, who visited the Northern Pact, said {CONTENT}.",
                 f"Northern Pact meets in Oslo.\nAnalyst Anna Berg said {CONTENT}.",
                 f"Northern Pact meets in Oslo.\nPresident Anna Berg said {CONTENT}."):
        assert _berg_origins(text) == {"v1": "src:anna berg"}, text


def test_a_state_s_organisation_leaves_its_person_to_the_state() -> None:
    """A ministry is its state: the person is the state's voice (graph/voices.py), never the ministry apart."""
    text = f"China's foreign ministry spokesperson Anna Berg said {CONTENT}."
    d = _doc(text)
    d.entity("e3", "Anna Berg", "PERSON", "Anna Berg")
    analysis = _shipped(d, d.attribution("a1", "Anna Berg", "named_person", CONTENT, entity="e3"))
    assert origins_by_record(analysis) == {"v1": "state:CN"}


def test_an_organisation_s_people_beside_a_place_are_the_organisation() -> None:
    text = f"Northern Pact leaders meeting in Oslo on Wednesday said {CONTENT}."
    d = _doc(text)
    d.entity("e4", "Northern Pact", "ORG", "Northern Pact")
    d.entity("e5", "Oslo", "GPE", "Oslo")
    holder = d.attribution("a1", "Northern Pact leaders meeting in Oslo on Wednesday", "anonymous_person", CONTENT)
    assert origins_by_record(_shipped(d, holder)) == {"v1": "src:northern pact"}


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


def _toll(text: str, sources: list[tuple[str, str, str, str]], places: tuple[str, ...] = ("Norland",)) -> Analysis:
    """An article with attributions (id, source words, type, content words) and the places it names."""
    d = Doc("toll", text, "en", "2024-07-10", "Harbour Gazette")
    for n, place in enumerate(places):
        d.entity(f"g{n}", place, "GPE", place)
    if "Jane Roe" in text:
        d.entity("p1", "Jane Roe", "PERSON", "Jane Roe")
    for local, source, kind, content in sources:
        d.attribution(local, source, kind, content, entity="p1" if source == "Jane Roe" else None)
    return d.analysis


def _origin(analysis: Analysis, local: str) -> str:
    entities = {e.id: e for e in analysis.entities}
    return origin_of(chain_of(local, analysis, entities), analysis).key


def test_an_unresolved_pronoun_is_the_voice_quoted_just_before_it() -> None:
    text = ("Two people died in Norland, Jane Roe said. \"The road was cut,\" the witness said. "
            "\"Four more were hurt,\" she said.")
    analysis = _toll(text, [("a1", "Jane Roe", "named_person", "Two people died in Norland"),
                            ("a2", "the witness", "anonymous_person", "The road was cut"),
                            ("a3", "she", "anonymous_person", "Four more were hurt")])
    assert _origin(analysis, "a3") == "src:jane roe", "the witness refers back: Jane Roe is whom 'she' is"


def test_a_public_body_s_unnamed_official_is_the_state_of_the_article_s_one_country() -> None:
    text = "A bridge fell in Norway, disaster agency official Dale said. \"It was old,\" he said."
    analysis = _toll(text, [("a1", "disaster agency official Dale", "anonymous_person", "A bridge fell in Norway"),
                            ("a2", "he", "anonymous_person", "It was old")], places=("Norway",))
    assert _origin(analysis, "a1") == "state:NO" and _origin(analysis, "a2") == "state:NO"
    both = _toll(text + " Sweden", [("a1", "disaster agency official Dale", "anonymous_person",
                                     "A bridge fell in Norway")], places=("Norway", "Sweden"))
    assert _origin(both, "a1") == "anon:toll", "places in two countries name no state"
    generic = _toll("A bridge fell in Norway, a company spokesman said.",
                    [("a1", "a company spokesman", "anonymous_person", "A bridge fell in Norway")], places=("Norway",))
    assert _origin(generic, "a1") == "anon:toll", "a spokesman of anyone is no state"


def test_a_pronoun_told_to_the_article_itself_is_the_voice_before_it() -> None:
    """« a-t-il confié au Courrier » in Le Courrier: the pronoun is the diplomat quoted just before, the article's own
    source, not an anonymous "il"."""
    text = ("Selon un diplomate en poste à Oslo, le pacte veut éviter des sanctions. "
            "« Ils savent tout », a-t-il confié au Courrier.")
    d = Doc("courrier", text, "fr", "2024-07-10", "Le Courrier")
    d.entity("o1", "Le Courrier", "ORG", "Courrier")
    d.attribution("a1", "un diplomate en poste à Oslo", "anonymous_person", "le pacte veut éviter des sanctions")
    d.attribution("a2", "il", "anonymous_person", "Ils savent tout")
    entities = {e.id: e for e in d.analysis.entities}
    chain = chain_of("a2", d.analysis, entities)
    assert chain[0].text == "un diplomate en poste à Oslo" and origin_of(chain, d.analysis).key == "anon:courrier"


def test_the_audit_counts_an_unresolved_pronoun_as_no_source() -> None:
    from claimgraph.graph.sanity import origin_problem
    from claimgraph.model.claims import Origin

    assert origin_problem(Origin("anon:doc", "they (in The Courier)", "anonymous")) == "pronoun"
    assert origin_problem(Origin("anon:doc", "two officials (in The Courier)", "anonymous")) is None


def test_a_title_in_a_relative_clause_or_a_former_title_is_no_organisation_s_voice() -> None:
    """Criticising or having worked for the organisation's head, or having held its role, does not make a person
    speak for it: they are their own voice."""
    for text in (f"Anna Berg, who criticised the Northern Pact chief, said {CONTENT}.",
                 f"Anna Berg, who once worked for the head of the Northern Pact, said {CONTENT}.",
                 f"Anna Berg, a former Northern Pact spokesperson, said {CONTENT}.",
                 f"Former Northern Pact Secretary General Anna Berg said {CONTENT}.",
                 f"After meeting the Northern Pact chief, Anna Berg said {CONTENT}."):
        assert _berg_origins(text) == {"v1": "src:anna berg"}, text


def test_a_former_spokesperson_in_french_is_no_organisation_s_voice() -> None:
    text = f"L'ancienne porte-parole du Northern Pact, Anna Berg, a affirmé que {CONTENT}."
    assert _berg_origins(text) == {"v1": "src:anna berg"}
    text = f"La porte-parole du Northern Pact, Anna Berg, a affirmé que {CONTENT}."
    assert _berg_origins(text) == {"v1": "src:northern pact"}


def test_a_plural_pronoun_is_no_single_named_person() -> None:
    """"They" after one named person is not that person; after an unnamed group or an organisation's voice it is."""
    text = "Mara Quist said the plan failed. They said it would be revised."
    d = Doc("plan", text, "en", "2024-07-10", "Harbour Gazette")
    d.entity("p1", "Mara Quist", "PERSON", "Mara Quist")
    d.attribution("a1", "Mara Quist", "named_person", "the plan failed", entity="p1")
    d.attribution("a2", "They", "anonymous_person", "it would be revised")
    entities = {e.id: e for e in d.analysis.entities}
    assert origin_of(chain_of("a2", d.analysis, entities), d.analysis).key != "src:mara quist"
    d = Doc("plan", "Residents of Norland said the plan failed. They said it would be revised.", "en", "2024-07-10",
            "Harbour Gazette")
    d.attribution("a1", "Residents of Norland", "anonymous_person", "the plan failed")
    d.attribution("a2", "They", "anonymous_person", "it would be revised")
    chain = chain_of("a2", d.analysis, {e.id: e for e in d.analysis.entities})
    assert chain[0].text == "Residents of Norland"
    text = "Northern Pact spokesperson Mara Quist said the plan failed. They said it would be revised."
    d = Doc("plan", text, "en", "2024-07-10", "Harbour Gazette")
    d.entity("p1", "Mara Quist", "PERSON", "Mara Quist")
    d.entity("e4", "Northern Pact", "ORG", "Northern Pact")
    d.attribution("a1", "Mara Quist", "named_person", "the plan failed", entity="p1")
    d.attribution("a2", "They", "anonymous_person", "it would be revised")
    entities = {e.id: e for e in d.analysis.entities}
    assert origin_of(chain_of("a2", d.analysis, entities), d.analysis).key == "src:northern pact"
    text = "Mara Quist said the plan failed. She said it would be revised."
    d = Doc("plan", text, "en", "2024-07-10", "Harbour Gazette")
    d.entity("p1", "Mara Quist", "PERSON", "Mara Quist")
    d.attribution("a1", "Mara Quist", "named_person", "the plan failed", entity="p1")
    d.attribution("a2", "She", "anonymous_person", "it would be revised")
    entities = {e.id: e for e in d.analysis.entities}
    assert origin_of(chain_of("a2", d.analysis, entities), d.analysis).key == "src:mara quist"
