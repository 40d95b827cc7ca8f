"""French cue and source lexicon for newsroom prose (invented sentences)."""
from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="module")
def analyse(analyzer):  # type: ignore[no-untyped-def]
    def run(text: str) -> list[dict[str, Any]]:
        return [a.to_dict() for a in analyzer.analyze_text(text, lang="fr").attributions]
    return run


def test_estimer_alone_is_certain(analyse) -> None:  # type: ignore[no-untyped-def]
    assert analyse("Le juge a estimé que la procédure était régulière.")[0]["certainty"] == "certain"


def test_organisation_and_outlet_nouns_type_the_source(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("L'ONG a affirmé que les prisons étaient surpeuplées. "
                   "La chaine a rapporté que deux hommes avaient été arrêtés.")
    assert [a["source"]["type"] for a in atts] == ["organization", "media"]


def test_a_recommendation_has_a_noun_phrase_content(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("La gendarmerie recommande la plus grande prudence sur les routes.")
    assert [a["cue"]["text"] for a in atts] == ["recommande"]
