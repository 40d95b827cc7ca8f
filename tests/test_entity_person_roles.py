"""A person named with their role, whatever the NER said (extract/entity_context.py `person_roles`,
extract/name_cuts.py). Every sentence here is invented for the tests."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from claimgraph.extract.name_cuts import split_name_pairs
from claimgraph.lang import get_rules
from entity_checks import entities_of

EN = get_rules("en").data("entities")


def test_a_one_word_name_after_a_role_or_with_a_role_apposition_is_a_person(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = ("A landslide buried a farm in Kalbaru district on Monday. Three people died in the landslide, "
            "Harjono, an official from the local rescue agency, told reporters. About 60 homes were damaged, "
            "said rescue agency official Harjono.")
    assert entities_of(analyzer, text, "en").get("Harjono", ("", ""))[1] == "PERSON"


def test_a_person_run_into_the_body_they_speak_for_is_two_names() -> None:
    words = ["said", "Budi", "Santo", "Wiryo", "of", "the", "National", "Flood", "Relief", "Agency", "."]
    pos = ["VERB", "PROPN", "PROPN", "PROPN", "ADP", "DET", "PROPN", "PROPN", "PROPN", "PROPN", "PUNCT"]
    ents = ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"]
    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos, ents=ents)
    spans = split_name_pairs(list(doc.ents), EN)
    assert [(s.text, s.label_) for s in spans] == [("Budi Santo Wiryo", "PERSON"),
                                                    ("National Flood Relief Agency", "ORG")]


def test_a_body_named_with_of_the_stays_whole() -> None:
    for words in (["Supreme", "Court", "of", "the", "Tolvik", "Republic"],
                  ["Friends", "of", "the", "Tolvik", "Agency"],
                  ["Tolvik", "Bank", "of", "the", "Brann", "Agency"]):
        doc = Doc(spacy.blank("en").vocab, words=words, pos=[("ADP" if w in ("of",) else "DET" if w == "the" else "PROPN") for w in words],
                  ents=["B-ORG"] + ["I-ORG"] * (len(words) - 1))
        assert [s.text for s in split_name_pairs(list(doc.ents), EN)] == [" ".join(words)]
