"""The attribute ruler's matches by table lookups (nlp/attribute_matches.py) are the ruler's own."""
from __future__ import annotations

import spacy
from spacy.pipeline import AttributeRuler

from claimgraph.nlp.attribute_matches import AttributeMatches, fast_matches

TEXTS = {
    "en": ["I ain't gonna say it, y'all, because there is nothing nothin' to say.",
           "They told me and gave it to you; he doesn't think that it's over, does he?",
           "Had the ministry done so, which it did not, the firms would've had to stop.\n\n  The end."],
    "fr": ["La ministre a de son côté critiqué la vente, a-t-elle dit.\n\nPuis : « Non ! »",
           "Moscou dément toute livraison d'armes ; l'ONG, elle, insiste."],
}


def _before_ruler(nlp, text: str):  # type: ignore[no-untyped-def]
    """`text` through the pipeline's components before its attribute ruler."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "attribute_ruler":
            return doc
        doc = proc(doc)
    return doc


def test_the_pipelines_find_the_rulers_own_matches(nlp_en, nlp_fr) -> None:  # type: ignore[no-untyped-def]
    for lang, nlp in (("en", nlp_en), ("fr", nlp_fr)):
        ruler = nlp.get_pipe("attribute_ruler")
        assert isinstance(ruler.match, AttributeMatches), lang
        for text in TEXTS[lang]:
            doc = _before_ruler(nlp, text)
            matches = ruler.match(doc)
            assert matches and matches == AttributeRuler.match(ruler, doc), (lang, text)
            untagged = nlp.make_doc(text)
            assert ruler.match(untagged) == AttributeRuler.match(ruler, untagged), (lang, text)


def test_every_kind_of_rule_matches_as_the_matcher_does() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "the"}], [{"ORTH": "The"}]], {"LEMMA": "det"})  # two patterns, one match per span
    ruler.add([[{"LOWER": {"IN": ["big", "red"]}}, {"IS_ALPHA": True}]], {"LEMMA": "pair"}, index=-1)
    ruler.add([[{"LOWER": {"NOT_IN": ["the", "big", "."]}}]], {"LEMMA": "other"})
    ruler.add([[{"LOWER": {"REGEX": "^b.g$"}}]], {"LEMMA": "regex"})  # left to a Matcher of its own
    ruler.add([[{"ORTH": "The", "LOWER": "a"}]], {"LEMMA": "never"})
    ruler.add([[{"LOWER": "red", "OP": "+"}]], {"LEMMA": "many"})  # an operator: also left to that Matcher
    fast = fast_matches(ruler)
    assert fast is not None and fast.rest is not None and len(fast.rest) == 2
    for text in ("The big red red box and the bag.", "big", "", "the the"):
        doc = nlp.make_doc(text)
        assert fast(doc) == AttributeRuler.match(ruler, doc), text
    found = fast(nlp.make_doc("The big red red box"))
    assert [(rule, start, end) for rule, _, start, end in found if rule == 0] == [(0, 0, 1)]  # once, two patterns
    assert (1, 1, 3) in [(rule, start, end) for rule, _, start, end in found]
