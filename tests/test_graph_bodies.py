"""Origins (issue 12, item 1): a body a story has one of is one origin however it speaks and whoever quotes it,
and an outlet's own telling of a claim relays another outlet's report, not a party it quotes.

Invented articles about an invented clash in a town "Keldra"; outlets "The Lantern", "Harbour Gazette",
"Daily Post"; a police force "Varn City Police Department"; an aid group "Helping Hands".
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from claimgraph.graph import claim_mentions
from graph_docs import Doc, claims_of, store_with

KNIFE = "the man had a knife"


def test_body_words_name_police_and_the_medical_examiner_not_other_officers() -> None:
    from claimgraph.graph.voices import body_kind

    for words in ("police sources", "the officers involved in the raid", "Police", "les policiers",
                  "a police spokesman"):
        assert body_kind(words) == "police", words
    for words in ("the autopsy", "an autopsy report", "the city's medical examiner", "le médecin légiste"):
        assert body_kind(words) == "medical examiner", words
    for words in ("an intelligence officer", "a chief executive officer", "witnesses", "the family"):
        assert body_kind(words) is None, words


def _knife(doc_id: str, outlet: str, source: str, source_type: str, force: bool = False) -> Doc:
    text = f"{source} said {KNIFE}." + (" The Varn City Police Department has opened an inquiry." if force else "")
    d = Doc(doc_id, text, "en", "2025-03-07", outlet)
    if force:
        d.entity("e1", "Varn City Police Department", "ORG", "Varn City Police Department")
    name = source.split()[-2:]
    if source_type == "named_person":
        d.entity("p1", " ".join(name), "PERSON", " ".join(name))
        d.attribution("a1", source, source_type, KNIFE, entity="p1")
    else:
        d.attribution("a1", source, source_type, KNIFE)
    return d


def test_every_voice_of_a_story_police_is_one_origin_whichever_outlet_quotes_it(tmp_path: Path) -> None:
    docs = [_knife("d1", "The Lantern", "Police sources", "anonymous_person", force=True),
            _knife("d2", "Harbour Gazette", "The officers involved", "anonymous_person"),
            _knife("d3", "Daily Post", "Police Commissioner Anna Brell", "named_person")]
    origins = {d.analysis.document.id: claim_mentions(d.analysis)[0].origin for d in docs}
    assert {o.key for o in origins.values()} == {"src:police"}, origins
    store = store_with(tmp_path, [d.analysis for d in docs])
    (claim,) = claims_of(store).values()
    assert [o.name for o in claim.origins] == ["Varn City Police Department"], \
        "one origin, named as the force the first article names (was three: two outlets' sources and a person)"


def test_the_same_autopsy_told_by_three_outlets_is_the_medical_examiner(tmp_path: Path) -> None:
    finding = "he was hit seven times"
    docs = []
    for doc_id, outlet, source, kind in (("d1", "The Lantern", "An autopsy", "document"),
                                         ("d2", "Harbour Gazette", "the autopsy report", "document"),
                                         ("d3", "Daily Post", "The Varn Chief Medical Examiner's Office",
                                          "organization")):
        d = Doc(doc_id, f"{source} found that {finding}.", "en", "2025-03-08", outlet)
        entity = None
        if kind == "organization":
            entity = d.entity("e1", "Varn Chief Medical Examiner's Office", "ORG",
                              "Varn Chief Medical Examiner's Office")
        d.attribution("a1", source, kind, finding, entity=entity)
        docs.append(d.analysis)
    store = store_with(tmp_path, docs)
    (claim,) = claims_of(store).values()
    assert [o.key for o in claim.origins] == ["src:medical examiner"], claim.origins


def test_police_quoted_through_another_outlet_stay_that_outlets_report() -> None:
    text = f"Police told the Harbour Gazette that {KNIFE}."
    d = Doc("d1", text, "en", "2025-03-07", "The Lantern")
    d.entity("e1", "Harbour Gazette", "ORG", "Harbour Gazette")
    d.attribution("a1", "Harbour Gazette", "media", KNIFE, entity="e1")
    d.attribution("a2", "Police", "anonymous_person", KNIFE, parent="a1")
    (mention,) = [m for m in claim_mentions(d.analysis) if m.record_id == "a2"]
    assert mention.origin.key == "src:harbour gazette", mention.origin


def _firebombing(doc_id: str, outlet: str, source: str, source_type: str, entity: Optional[str] = None) -> Doc:
    text = f"Protesters firebombed a bank in Keldra on Monday. {source} said protesters firebombed the bank."
    d = Doc(doc_id, text, "en", "2025-05-05", outlet)
    d.entity("g1", "Keldra", "GPE", "Keldra")
    local = d.entity("o1", entity, "ORG", entity) if entity else None
    d.attribution("a1", source, source_type, "protesters firebombed the bank", entity=local)
    d.event("v1", "USE", "firebombed", agent=("Protesters", None), item=("a bank", None), location=("Keldra", "g1"))
    d.event("v2", "USE", ("firebombed", "said"), "a1", agent=("protesters", None, "said"), item=("the bank", None))
    return d


def test_an_outlets_narration_is_its_own_beside_a_party_it_quotes(tmp_path: Path) -> None:
    store = store_with(tmp_path, [_firebombing("d1", "The Lantern", "Police", "anonymous_person").analysis])
    (claim,) = [c for c in claims_of(store).values() if c.type == "USE"]
    assert sorted(o.name for o in claim.origins) == ["Police (in The Lantern)", "The Lantern"], \
        "the outlet tells the attack in its own words, the police say it too: two origins (was one, the police)"


def test_an_outlets_narration_relays_another_outlets_report(tmp_path: Path) -> None:
    store = store_with(tmp_path, [_firebombing("d1", "The Lantern", "the Harbour Gazette", "media", entity="Harbour Gazette").analysis])
    (claim,) = [c for c in claims_of(store).values() if c.type == "USE"]
    assert [o.name for o in claim.origins] == ["Harbour Gazette"], "retelling another outlet's report is a relay"


def test_an_outlets_narration_relays_a_press_release_it_rewrites(tmp_path: Path) -> None:
    d = _firebombing("d1", "The Lantern", "a Helping Hands press release", "document", entity="Helping Hands")
    store = store_with(tmp_path, [d.analysis])
    (claim,) = [c for c in claims_of(store).values() if c.type == "USE"]
    assert [o.key for o in claim.origins] == ["src:helping hands"], "a published text the outlet rewrites is relayed"


def test_unnamed_officials_are_the_state_the_article_quotes_by_name_on_the_claim(tmp_path: Path) -> None:
    toll = "24 people died in the quake"
    first = Doc("d1", f"Officials said {toll}. Norway said {toll}. The Lantern's reporter saw cracked walls in the "
                      "harbour district and long queues at the only open clinic.", "en", "2025-06-01", "The Lantern")
    first.entity("n1", "Norway", "GPE", ("Norway", "said"))
    first.attribution("a1", "Officials", "anonymous_person", toll)
    first.attribution("a2", ("Norway", "said"), "organization", (toll, "Norway"), entity="n1")
    second = Doc("d2", f"Officials said {toll}. Trains to the northern valleys stopped for a day while engineers "
                       "checked bridges, and schools in three towns stayed shut.", "en", "2025-06-01", "Daily Post")
    second.attribution("a1", "Officials", "anonymous_person", toll)
    western = Doc("d3", f"Western officials said {toll}. Norway said {toll}. Ferries kept sailing, though harbour "
                        "cranes were idle until the evening inspection.", "en", "2025-06-01", "Harbour Gazette")
    western.entity("n1", "Norway", "GPE", ("Norway", "said"))
    western.attribution("a1", "Western officials", "anonymous_person", toll)
    western.attribution("a2", ("Norway", "said"), "organization", (toll, "Norway"), entity="n1")
    store = store_with(tmp_path, [first.analysis, second.analysis, western.analysis])
    (claim,) = claims_of(store).values()
    assert sorted(o.key for o in claim.origins) == ["anon:d2", "anon:d3", "state:NO"], \
        "The Lantern's officials are Norway's (was their own origin); the Daily Post cites no state, and Western " \
        "officials are of another nationality: both stay the outlets' sources"


def test_a_relays_own_record_with_the_speakers_words_is_the_speakers(tmp_path: Path) -> None:
    words = "the dam could fail within a week"
    d = Doc("d1", f"Ana Voss said {words}, quoted by the Harbour Gazette.", "en", "2025-07-01", "The Lantern")
    d.entity("p1", "Ana Voss", "PERSON", "Ana Voss")
    d.entity("m1", "Harbour Gazette", "ORG", "Harbour Gazette")
    d.attribution("a2", "the Harbour Gazette", "media", words, entity="m1")
    d.attribution("a1", "Ana Voss", "named_person", words, entity="p1", parent="a2")
    origins = {m.record_id: m.origin.key for m in claim_mentions(d.analysis)}
    assert origins == {"a1": "src:ana voss", "a2": "src:ana voss"}, \
        "the Gazette's record holds Ana Voss's words: the cited speaker, not the relayer (was the Gazette)"


def test_unnamed_officials_beside_a_named_police_voice_on_the_claim_are_the_police(tmp_path: Path) -> None:
    d = Doc("d1", f"Officials said {KNIFE}. Police Commissioner Anna Brell said {KNIFE}.", "en", "2025-03-07",
            "The Lantern")
    d.entity("p1", "Anna Brell", "PERSON", "Anna Brell")
    d.attribution("a1", "Officials", "anonymous_person", KNIFE)
    d.attribution("a2", "Police Commissioner Anna Brell", "named_person", (KNIFE, "Brell"), entity="p1")
    store = store_with(tmp_path, [d.analysis])
    (claim,) = claims_of(store).values()
    assert [o.key for o in claim.origins] == ["src:police"], "one voice: the police (was the police and The Lantern)"
