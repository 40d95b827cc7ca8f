"""The per-Doc tables of extract/doc_text.py read what spaCy's own accessors read, built once.

Sentences are invented.
"""
from __future__ import annotations

from claimgraph.extract.doc_text import children_of, doc_text, labels_of, sentence_of, texts_of, words_of

TEXT = ("Le ministère a démenti jeudi toute livraison d'armes. « Nous n'avons rien envoyé », a déclaré son porte-parole.\n\n"
        "Selon un rapport publié lundi, des pièces auraient transité par un pays tiers.\n")


def test_sentence_of_is_token_sent(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_fr(TEXT)
    assert len(list(doc.sents)) >= 3
    for token in doc:
        mine, theirs = sentence_of(token), token.sent
        assert (mine.start, mine.end, mine.root.i) == (theirs.start, theirs.end, theirs.root.i)


def test_words_and_text_are_read_once(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_fr(TEXT)
    lemmas, lowers = words_of(doc)
    assert lemmas == [t.lemma_.lower() for t in doc] and lowers == [t.lower_ for t in doc]
    assert words_of(doc) is words_of(doc)  # kept on the Doc
    assert doc_text(doc) == doc.text and doc_text(doc) is doc_text(doc)


def test_token_texts_are_read_once(nlp_en) -> None:  # type: ignore[no-untyped-def]
    doc = nlp_en("The Tolvik-7 (TK7) probe, launched in 2019, sent 12 images. Its makers' II series follows.\n")
    assert texts_of(doc) == [t.text for t in doc]
    assert texts_of(doc) is texts_of(doc)
    assert texts_of(nlp_en("")) == []


def test_labels_and_children_are_the_tokens(nlp_fr, nlp_en) -> None:  # type: ignore[no-untyped-def]
    english = nlp_en("Officials said on Monday that the talks, which began in May, had stalled. Nobody was hurt.\n")
    for doc in (nlp_fr(TEXT), english):
        pos, tags, deps = labels_of(doc)
        assert pos == [t.pos_ for t in doc] and tags == [t.tag_ for t in doc] and deps == [t.dep_ for t in doc]
        assert children_of(doc) == [[c.i for c in t.children] for t in doc]
        assert any(children_of(doc)) and labels_of(doc) is labels_of(doc) and children_of(doc) is children_of(doc)
    assert labels_of(nlp_en("")) == ([], [], []) and children_of(nlp_en("")) == []
