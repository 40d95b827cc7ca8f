"""Misread verbs: a sentence whose verb the tagger reads as an adverb or a noun is parsed again
with a stand-in verb, keeping the article's own words, offsets, lemmas and entities."""
from __future__ import annotations

from claimgraph.lang import get_rules
from claimgraph.nlp.stand_ins import load_parsing_hints, with_stand_ins


def _repaired(nlp_fr, text: str):  # type: ignore[no-untyped-def]
    return with_stand_ins(nlp_fr, nlp_fr(text), load_parsing_hints(get_rules("fr")))


def test_a_headline_denial_gets_its_verb_back(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Drones : Moscou dément toute livraison de missiles par l'Iran"
    doc = _repaired(nlp_fr, text)
    verb = next(t for t in doc if t.text == "dément")
    assert doc.text == text
    assert verb.pos_ == "VERB" and verb.lemma_ == "démentir"
    assert any(child.dep_ == "nsubj" and child.text == "Moscou" for child in verb.children)
    assert any(child.text == "livraison" for child in verb.children)


def test_entities_and_offsets_survive_the_second_parse(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Le Conseil de l'Union européenne sanctionne trois sociétés turques liées à Rosoboronexport"
    before = nlp_fr(text)
    doc = _repaired(nlp_fr, text)
    assert [(t.idx, t.text) for t in doc] == [(t.idx, t.text) for t in before]
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == \
           [(e.start_char, e.end_char, e.label_) for e in before.ents]
    assert next(t for t in doc if t.text == "sanctionne").lemma_ == "sanctionner"


def test_a_noun_homograph_after_a_determiner_stays_a_noun(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    for text in ("Un livre sur la guerre des drones", "Le grand livre des exportations d'armes"):
        doc = _repaired(nlp_fr, text)
        assert next(t for t in doc if t.text == "livre").pos_ == "NOUN", text


def test_a_denial_headline_is_read_as_a_denial(analyzer) -> None:  # type: ignore[no-untyped-def]
    analysis = analyzer.analyze_text("Ankara dément toute vente de drones à Moscou", lang="fr")
    denials = [e for e in analysis.events if e.type == "DENY"]
    assert denials and denials[0].trigger.text == "dément"
    assert denials[0].arguments["agent"].span.text == "Ankara"


def test_english_headline_verbs_read_as_nouns(analyzer) -> None:  # type: ignore[no-untyped-def]
    analysis = analyzer.analyze_text("Turkey ships drone engines to Iran", lang="en")
    (supply,) = [e for e in analysis.events if e.type == "SUPPLY"]
    assert supply.trigger.text == "ships"
    assert supply.arguments["agent"].span.text == "Turkey"
    assert supply.arguments["recipient"].span.text == "Iran"


def test_english_nouns_stay_nouns(nlp_en) -> None:  # type: ignore[no-untyped-def]
    doc = with_stand_ins(nlp_en, nlp_en("The ships carried small arms to the port."), load_parsing_hints(get_rules("en")))
    assert [t.pos_ for t in doc if t.text in ("ships", "arms")] == ["NOUN", "NOUN"]


def test_sentences_parsed_again_together_are_parsed_as_alone(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    from spacy.attrs import DEP, HEAD, LEMMA, POS

    from claimgraph.nlp.components import parse_again

    texts = ["Moscou nie toute livraison de missiles.", "La ministre a de son côté critiqué la vente.",
             "Un livre sur la guerre des drones"]
    def fresh():  # type: ignore[no-untyped-def]
        return [nlp_fr.make_doc(text) for text in texts]
    alone = [parse_again(nlp_fr, [doc])[0] for doc in fresh()]
    together = parse_again(nlp_fr, fresh())
    assert [d.to_array([POS, LEMMA, HEAD, DEP]).tolist() for d in together] == \
           [d.to_array([POS, LEMMA, HEAD, DEP]).tolist() for d in alone]
    assert all(not d.ents for d in together) and parse_again(nlp_fr, []) == []
