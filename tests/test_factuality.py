"""Factuality of a stretch of text: certainty from mood, modals and hedges; polarity from negation."""
from __future__ import annotations

import pytest

from claimgraph.extract.factuality import assess_factuality, weakest
from claimgraph.lang import get_rules


@pytest.fixture(scope="module")
def judge(analyzer):  # type: ignore[no-untyped-def]
    def run(lang: str, text: str, part: str) -> tuple[str, str]:
        doc = analyzer.pipelines.get(lang)(text)
        start = text.index(part)
        return assess_factuality(doc, start, start + len(part), get_rules(lang))
    return run


def test_weakest_prefers_the_least_certain() -> None:
    assert weakest("certain", "probable", None) == "probable"
    assert weakest("possible", "probable") == "possible"
    assert weakest() == "certain"


@pytest.mark.parametrize("lang,text,part,expected", [
    ("fr", "Selon lui, la société aurait livré des moteurs en 2023.", "la société aurait livré des moteurs en 2023",
     ("probable", "positive")),
    ("fr", "Le ministre a dit que la Chine pourrait fournir des armes.", "la Chine pourrait fournir des armes",
     ("possible", "positive")),
    ("fr", "Il a affirmé que la Chine n'a jamais fourni d'armes à la Russie.",
     "la Chine n'a jamais fourni d'armes à la Russie", ("certain", "negative")),
    ("fr", "Elle a dit que la société pouvait produire des drones.", "la société pouvait produire des drones",
     ("certain", "positive")),
    ("en", "He said the company may have shipped engines to Russia.", "the company may have shipped engines to Russia",
     ("possible", "positive")),
    ("en", "Officials said the firm reportedly sold drones to Moscow.", "the firm reportedly sold drones to Moscow",
     ("probable", "positive")),
    ("en", "The ministry said China did not supply weapons.", "China did not supply weapons", ("certain", "negative")),
    ("en", "The ministry said China supplied weapons to Russia.", "China supplied weapons to Russia",
     ("certain", "positive")),
    ("en", "The question is whether Beijing knew about the shipments.", "Beijing knew about the shipments",
     ("underspecified", "positive")),
    ("en", "She said China not only backs Russia politically but also sends parts.",
     "China not only backs Russia politically but also sends parts", ("certain", "positive")),
    # a concession then the claim: the second clause carries it, wherever the parser hangs "but"
    ("en", "The Iranian government may not want to admit it, but it will find it hard to hide its support.",
     "The Iranian government may not want to admit it, but it will find it hard to hide its support",
     ("certain", "positive")),
    ("fr", "Le gouvernement iranien pourrait ne pas vouloir l'admettre, mais il aura du mal à cacher son soutien.",
     "Le gouvernement iranien pourrait ne pas vouloir l'admettre, mais il aura du mal à cacher son soutien",
     ("certain", "positive")),
])
def test_factuality(judge, lang: str, text: str, part: str, expected: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    assert judge(lang, text, part) == expected


def test_empty_stretch_is_certain_positive(analyzer) -> None:  # type: ignore[no-untyped-def]
    doc = analyzer.pipelines.get("en")("Nothing here.")
    assert assess_factuality(doc, 0, 0, get_rules("en")) == ("certain", "positive")


def test_no_as_a_determiner_negates(judge) -> None:  # type: ignore[no-untyped-def]
    assert judge("en", "Lin said he had no information on the case.", "he had no information on the case") == \
        ("certain", "negative")


@pytest.mark.parametrize("lang,text,part", [
    ("en", "There is no question the port should have been rebuilt first, the mayor said.",
     "There is no question the port should have been rebuilt first"),
    ("en", "The mayor said there is no doubt that the bridge was closed too late.",
     "there is no doubt that the bridge was closed too late"),
    ("fr", "Le maire a dit qu'il ne fait aucun doute que le pont a été fermé trop tard.",
     "il ne fait aucun doute que le pont a été fermé trop tard"),
])
def test_a_denied_doubt_asserts_the_claim(judge, lang: str, text: str, part: str) -> None:  # type: ignore[no-untyped-def]
    assert judge(lang, text, part) == ("certain", "positive")


def test_no_evidence_still_negates(judge) -> None:  # type: ignore[no-untyped-def]
    text = "The mayor said there was no evidence that the bridge was unsafe."
    assert judge("en", text, "there was no evidence that the bridge was unsafe")[1] == "negative"


def test_a_finite_clause_hung_as_adverbial_is_the_first_main_clause() -> None:
    # the parse a real article got: "its stem won't be finished" hung under the later "will be" as an
    # adverbial clause with no subordinator; the content is as firm as that first clause
    from spacy.tokens import Doc
    from spacy.vocab import Vocab
    from claimgraph.extract.attribution.lexicon import get_lexicon
    from claimgraph.extract.factuality import assess_tokens
    words = ["its", "stem", "wo", "n't", "be", "finished", ",", "and", "the", "trouble", "will", "be", "rot", "."]
    heads = [1, 5, 5, 5, 5, 11, 11, 11, 9, 11, 11, 11, 11, 11]
    deps = ["poss", "nsubjpass", "aux", "neg", "auxpass", "advcl", "punct", "cc", "det", "nsubj", "aux", "ROOT",
            "attr", "punct"]
    tags = ["PRP$", "NN", "MD", "RB", "VB", "VBN", ",", "CC", "DT", "NN", "MD", "VB", "NN", "."]
    pos = ["PRON", "NOUN", "AUX", "PART", "AUX", "VERB", "PUNCT", "CCONJ", "DET", "NOUN", "AUX", "AUX", "NOUN", "PUNCT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, tags=tags, pos=pos,
              lemmas=[w.lower() for w in words], sent_starts=[True] + [False] * 13)
    assert assess_tokens(list(doc), get_lexicon(get_rules("en"))) == ("certain", "negative")


@pytest.mark.parametrize("text,part", [
    # the parser hangs « personne » on the reporting verb, or cuts it off its clause
    ("Le ministre a répondu personne ne nous imposera un quota.", "personne ne nous imposera un quota"),
    ("Le maire a déclaré : « Personne, ni le préfet, ni aucun autre élu, ni la banque, n’a le droit de fermer "
     "notre marché. »", "Personne, ni le préfet, ni aucun autre élu, ni la banque, n’a le droit de fermer notre marché"),
])
def test_a_stranded_negative_pronoun_negates_with_ne(judge, text: str, part: str) -> None:  # type: ignore[no-untyped-def]
    assert judge("fr", text, part) == ("certain", "negative")


@pytest.mark.parametrize("text,part", [
    ("Il est parti avant qu'elle ne revienne, a dit le maire.", "Il est parti avant qu'elle ne revienne"),
    # the negation belongs to the concession, not to the claim
    ("Selon les experts, la mairie pourrait à terme fermer des écoles, même si aucune décision n'est attendue "
     "avant l'été.", "la mairie pourrait à terme fermer des écoles, même si aucune décision n'est attendue avant l'été"),
])
def test_a_ne_outside_the_main_clause_does_not_negate(judge, text: str, part: str) -> None:  # type: ignore[no-untyped-def]
    assert judge("fr", text, part)[1] == "positive"
