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
