"""A false word that is negated or hedged calls nothing false: no DENY (ANNOTATION 2.5). Invented sentences."""
from __future__ import annotations

import pytest
from event_checks import of_type, run


@pytest.mark.parametrize("lang,text", [
    ("en", "The spokesman said the allegations were not false."),
    ("en", "The spokesman said the allegations were never baseless."),
    ("en", "The spokesman said the allegations may be false."),
    ("en", "The spokesman said the allegations might be baseless."),
    ("fr", "Le porte-parole a assuré que ces allégations ne sont pas fausses."),
    ("fr", "Le porte-parole a assuré que ces allégations n'étaient pas infondées."),
])
def test_a_negated_or_hedged_false_word_is_no_denial(nlp_en, nlp_fr, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not of_type(run(nlp_en if lang == "en" else nlp_fr, lang, text), "DENY")


@pytest.mark.parametrize("lang,text", [
    ("en", "The spokesman said the allegations were false."),
    ("fr", "Le porte-parole a assuré que ces allégations sont fausses."),
])
def test_a_plain_false_word_is_still_a_denial(nlp_en, nlp_fr, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    (deny,) = of_type(run(nlp_en if lang == "en" else nlp_fr, lang, text), "DENY")
    assert deny.polarity == "positive"
