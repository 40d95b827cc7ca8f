"""extract/parse_table.py reads the parse by index once per Doc: the same answers as spaCy's Token API."""
from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimgraph.extract.parse_table import dominates, heads_of, morph_values, subtree_set

FIELDS = ("Mood", "Tense", "VerbForm", "Voice", "Person", "Number", "Poss")


def _doc() -> Doc:
    # "The firm would have shipped two engines to the plant it owns ." (our own sentence), parsed by hand
    words = ["The", "firm", "would", "have", "shipped", "two", "engines", "to", "the", "plant", "it", "owns", "."]
    heads = [1, 4, 4, 4, 4, 6, 4, 4, 9, 7, 11, 9, 4]
    deps = ["det", "nsubj", "aux", "aux", "ROOT", "nummod", "dobj", "prep", "det", "pobj", "nsubj", "relcl", "punct"]
    pos = ["DET", "NOUN", "AUX", "AUX", "VERB", "NUM", "NOUN", "ADP", "DET", "NOUN", "PRON", "VERB", "PUNCT"]
    morphs = ["Definite=Def|PronType=Art", "Number=Sing", "Mood=Cnd|VerbForm=Fin", "VerbForm=Inf",
              "Tense=Past|VerbForm=Part", "NumType=Card", "Number=Plur", "", "Definite=Def|PronType=Art",
              "Number=Sing", "Case=Nom|Number=Sing|Person=3|PronType=Prs",
              "Number=Sing|Person=3|Tense=Pres|VerbForm=Fin", "PunctType=Peri"]
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, morphs=morphs)


def test_morph_values_are_the_morphology_features() -> None:
    doc = _doc()
    for token in doc:
        for field in FIELDS:
            assert list(morph_values(token, field)) == token.morph.get(field), (token.text, field)
    assert morph_values(doc[2], "Mood") == ("Cnd",)
    assert morph_values(doc[7], "Mood") == ()


def test_heads_by_index() -> None:
    doc = _doc()
    heads = heads_of(doc)
    assert heads == [token.head.i for token in doc]
    assert heads[4] == 4 and heads[11] == 9  # the root is its own head; "owns" hangs on "plant"


def test_subtrees_and_dominance() -> None:
    doc = _doc()
    heads = heads_of(doc)
    for token in doc:
        assert subtree_set(token) == {t.i for t in token.subtree}
        for other in doc:
            assert dominates(token.i, other.i, heads) == (other in token.subtree), (token.i, other.i)
    assert subtree_set(doc[9]) == {8, 9, 10, 11}  # "the plant it owns"
    assert not dominates(6, 9, heads)  # the plant hangs on "to", not on "engines"


def test_each_doc_keeps_its_own_reads() -> None:
    first, second = _doc(), Doc(Vocab(), words=["Ships", "sailed"], heads=[1, 1], deps=["nsubj", "ROOT"])
    assert heads_of(first)[1] == 4
    assert heads_of(second) == [1, 1]
    assert subtree_set(second[1]) == {0, 1} and subtree_set(first[1]) == {0, 1}
    assert subtree_set(first[4]) == set(range(13))
