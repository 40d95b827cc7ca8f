"""Classes of entity errors seen on real news, fixed by how newsrooms write (issue 11): texts are no
entities, names the NER cut or ran together, names next to a preposition or a conjunction, bodies
named after a leader or an office (extract/entity_documents.py, name_cuts.py, name_candidates.py,
office_names.py, nlp/components.py).

Every sentence here is invented for the tests.
"""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from claimgraph.extract.entity_types import is_acronym_of
from claimgraph.extract.name_candidates import coordinated_type, town_after_preposition
from claimgraph.extract.name_cuts import join_article_names, split_name_pairs
from claimgraph.lang import get_rules
from claimgraph.nlp.components import paragraph_break_sentences
from entity_checks import entities_of

EN = get_rules("en").data("entities")
FR = get_rules("fr").data("entities")


def test_a_treaty_and_its_acronym_are_no_entities(analyzer) -> None:  # type: ignore[no-untyped-def]
    mentions = entities_of(analyzer, "The use of the gas is banned under the Tolvik Weapons Convention (TWC), the Brann "
                     "Institute said. The TWC has 90 members.", "en")
    assert "TWC" not in mentions and "Tolvik Weapons Convention" not in mentions
    assert mentions.get("Brann Institute", ("", ""))[1] == "ORG"


def test_a_named_project_is_no_entity_in_french(analyzer) -> None:  # type: ignore[no-untyped-def]
    mentions = entities_of(analyzer, "Le Parlement européen a rejeté le projet TVKA mercredi. Le rejet de TVKA est une "
                     "victoire, selon Marc Dufresne.", "fr")
    assert "TVKA" not in mentions
    assert mentions["Marc Dufresne"][1] == "PERSON"


def test_a_headline_term_named_after_a_person_is_no_entity(analyzer) -> None:  # type: ignore[no-untyped-def]
    mentions = entities_of(analyzer, "Science : découverte du Boson de Tolvik\nLe laboratoire a annoncé la découverte.", "fr")
    assert not any("Boson" in text for text in mentions)


def test_a_capitalised_article_inside_a_party_name_joins_it() -> None:
    doc = Doc(spacy.blank("fr").vocab, words=["Avenir", "Tolvik", "Les", "Brannistes", "a", "parlé"],
              pos=["PROPN", "PROPN", "DET", "PROPN", "AUX", "VERB"], ents=["B-ORG", "I-ORG", "B-ORG", "I-ORG", "O", "O"])
    doc[2].is_sent_start = False
    assert [(s.text, s.label_) for s in join_article_names(list(doc.ents), FR)] == [("Avenir Tolvik Les Brannistes", "ORG")]


def test_an_acronym_spells_every_capitalised_word_accents_aside() -> None:
    assert is_acronym_of("ETLB", "Écologie Tolvik Les Brannistes")
    assert not is_acronym_of("ETB", "Écologie Tolvik Les")


def test_an_operator_run_into_its_model_before_a_product_noun_is_two_names() -> None:
    doc = Doc(spacy.blank("en").vocab, words=["three", "Tolvik", "Air", "Force", "Sea", "Lynx", "helicopters", "landed"],
              pos=["NUM", "PROPN", "PROPN", "PROPN", "PROPN", "PROPN", "NOUN", "VERB"],
              ents=["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"])
    assert [(s.text, s.label_) for s in split_name_pairs(list(doc.ents), EN)] == [
        ("Tolvik Air Force", "ORG"), ("Sea Lynx", "PRODUCT")]


def test_a_name_coordinated_with_a_tagged_place_is_a_place() -> None:
    doc = Doc(spacy.blank("en").vocab, words=["trains", "stop", "at", "Tolvik", "or", "Brannford", "today"],
              pos=["NOUN", "VERB", "ADP", "PROPN", "CCONJ", "PROPN", "NOUN"],
              heads=[1, 1, 1, 2, 3, 3, 1], deps=["nsubj", "ROOT", "prep", "pobj", "cc", "conj", "npadvmod"],
              ents=["O", "O", "O", "B-GPE", "O", "O", "O"])
    assert coordinated_type(doc, 5, 6) == "GPE"
    assert coordinated_type(doc, 3, 4) is None  # tagged already


def test_a_french_town_after_a_with_its_article() -> None:
    doc = Doc(spacy.blank("fr").vocab, words=["il", "finira", "lundi", "soir", "à", "Des", "Brannes", ",", "puis"],
              pos=["PRON", "VERB", "NOUN", "NOUN", "ADP", "DET", "PROPN", "PUNCT", "ADV"],
              ents=["O", "O", "O", "O", "O", "B-MISC", "I-MISC", "O", "O"])
    span = town_after_preposition(doc, 6, 7, FR)
    assert span is not None and (span.text, span.label_) == ("Des Brannes", "GPE")
    doc = Doc(spacy.blank("fr").vocab, words=["il", "a", "déclaré", "à", "Tolvik", "que"],
              pos=["PRON", "AUX", "VERB", "ADP", "PROPN", "SCONJ"])
    assert town_after_preposition(doc, 4, 5, FR) is None  # addressed, not a place


def test_no_sentence_starts_inside_a_run_of_capitalised_words() -> None:
    doc = spacy.blank("fr")("Le texte finit ici.\nJean-Marc Tolvik, le candidat, a parlé. Puis Anne est venue.")
    paragraph_break_sentences(doc)
    starts = {t.text: t.is_sent_start for t in doc}
    assert starts["Jean-Marc"] is True and starts["Tolvik"] is False


def test_bodies_named_after_a_leader_or_an_office(analyzer) -> None:  # type: ignore[no-untyped-def]
    mentions = entities_of(analyzer, "The tax was changed by the Tolvik government in 2014. A spokesman for the Brannford "
                     "County Sheriff's office declined to comment.", "en")
    assert mentions["Tolvik government"][1] == "ORG"
    assert mentions["Brannford County Sheriff's office"][1] == "ORG"


def test_a_place_with_a_number_is_a_channel_and_a_nationality_before_a_facility_no_name(analyzer) -> None:  # type: ignore[no-untyped-def]
    mentions = entities_of(analyzer, "Le ministre a parlé ce matin sur Europe 1 de la réforme.", "fr")
    assert mentions["Europe 1"] == ("Europe 1", "ORG")
    mentions = entities_of(analyzer, "China plans a robotic mission and a Chinese space station by 2030.", "en")
    assert "Chinese space station" not in mentions


def test_a_descriptor_over_a_french_names_adjectives_and_a_hyphenated_compound_before_a_name() -> None:
    from claimgraph.extract.entity_context import _context_type, descriptor_words

    doc = Doc(spacy.blank("fr").vocab, words=["le", "gazoduc", "germano", "-", "russe", "controversé", "Tolvik", "Stream"],
              pos=["DET", "NOUN", "ADJ", "PROPN", "ADJ", "VERB", "PROPN", "PROPN"],
              morphs=["", "", "", "", "", "VerbForm=Part", "", ""])
    assert _context_type(doc, 6, 8, descriptor_words(FR), True) == "LOC"
    doc = Doc(spacy.blank("en").vocab, words=["as", "Russian", "state", "-", "run", "Tolvikgaz", "cut", "supplies"],
              spaces=[True, True, False, False, True, True, True, False],
              pos=["SCONJ", "ADJ", "NOUN", "PUNCT", "VERB", "PROPN", "VERB", "NOUN"])
    assert _context_type(doc, 5, 6, descriptor_words(EN), False) == "ORG"


def test_a_countrys_own_forces_and_the_maker_of_goods(analyzer) -> None:  # type: ignore[no-untyped-def]
    mentions = entities_of(analyzer, "Ukraine's forces have held the line, and the officials said Ukraine's existing air "
                     "force will stay in the air. Produced by Tolvikon, the missiles have a long range.", "en")
    assert mentions["forces"] == ("Ukrainian Armed Forces", "ORG")
    assert mentions["air force"] == ("Ukrainian Air Force", "ORG")
    assert mentions["Ukraine"][1] == "GPE"
    assert mentions["Tolvikon"][1] == "ORG"


def test_french_bodies_with_their_country_regions_by_the_compass_and_portfolios(analyzer) -> None:  # type: ignore[no-untyped-def]
    mentions = entities_of(analyzer, "Le groupe est aidé par des proches affectés aux forces armées de l’Ukraine. Les "
                     "documents viennent du ministère de la Défense de l’Ukraine. Trois pays d'Europe de l'Est "
                     "s'inquiètent. Les ministres de l’Énergie se sont accordés mardi.", "fr")
    assert mentions["forces armées de l’Ukraine"] == ("Ukrainian Armed Forces", "ORG")
    assert mentions["ministère de la Défense de l’Ukraine"] == ("Ministry of Defence of Ukraine", "ORG")
    assert "Ukraine" not in mentions
    assert mentions["Europe de l'Est"][1] == "LOC"
    assert "Énergie" not in mentions


def test_an_acronyms_long_form_in_brackets_and_a_name_before_its_staff(analyzer) -> None:  # type: ignore[no-untyped-def]
    mentions = entities_of(analyzer, "The secretary of TCE (Tolvik Conference Episcopal), Ana Ruiz, called the ruling "
                     "dangerous.", "en")
    assert mentions["Tolvik Conference Episcopal"] == ("Tolvik Conference Episcopal", "ORG")
    assert mentions["TCE"] == ("Tolvik Conference Episcopal", "ORG")
    from claimgraph.extract.name_candidates import staff_of

    doc = Doc(spacy.blank("en").vocab, words=["Brannpost", "reporters", "attended"], pos=["PROPN", "NOUN", "VERB"])
    assert staff_of(doc, 0, 1, EN) == "ORG"
    doc = Doc(spacy.blank("en").vocab, words=["Brannpost", "reporters"], pos=["PROPN", "NOUN"], ents=["B-PERSON", "O"])
    assert staff_of(doc, 0, 1, EN) is None  # tagged already
