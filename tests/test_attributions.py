"""Attribution extraction on short hand-written articles in English and French."""
from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="module")
def analyse(analyzer):  # type: ignore[no-untyped-def]
    def run(text: str, lang: str) -> list[dict[str, Any]]:
        return [a.to_dict() for a in analyzer.analyze_text(text, lang=lang).attributions]
    return run


def find(atts: list[dict[str, Any]], words: str) -> dict[str, Any]:
    hits = [a for a in atts if words in a["content"]["text"]]
    assert hits, f"no attribution whose content holds {words!r}: {[a['content']['text'] for a in atts]}"
    return hits[0]


def test_spans_point_into_the_text(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Jens Stoltenberg said that China was supplying machine tools to Russia."
    for att in analyse(text, "en"):
        for key in ("content", "source"):
            span = att[key]
            assert text[span["start"]:span["end"]] == span["text"]


def test_indirect_speech_en(analyse) -> None:  # type: ignore[no-untyped-def]
    att = find(analyse("Jens Stoltenberg said that China was supplying machine tools to Russia.", "en"), "machine tools")
    assert att["kind"] == "indirect"
    assert "Stoltenberg" in att["source"]["text"]
    assert att["source"]["type"] == "named_person"
    assert not att["content"]["text"].startswith("that")


def test_according_to_anonymous_fr(analyse) -> None:  # type: ignore[no-untyped-def]
    att = find(analyse("Cette livraison aurait eu lieu en 2023, selon un officiel occidental.", "fr"), "livraison")
    assert att["kind"] == "according_to"
    assert att["source"]["text"] == "un officiel occidental"
    assert att["source"]["type"] == "anonymous_person"
    assert att["certainty"] == "probable"
    assert "selon" not in att["content"]["text"]


def test_direct_quote_with_incise_and_definite_description(analyse) -> None:  # type: ignore[no-untyped-def]
    text = ("Cette activité aurait eu lieu en 2023, selon un officiel occidental. "
            "« Le gouvernement chinois aura du mal à dissimuler son soutien », a ajouté l'officiel.")
    att = find(analyse(text, "fr"), "dissimuler")
    assert att["kind"] == "direct"
    assert "«" not in att["content"]["text"] and "»" not in att["content"]["text"]
    assert att["source"]["text"] == "l'officiel"
    assert att["source"]["type"] == "anonymous_person"


def test_pronoun_source_takes_its_antecedent(analyse) -> None:  # type: ignore[no-untyped-def]
    text = ("Le secrétaire général de l'OTAN, Jens Stoltenberg, a mis en garde contre un axe autoritaire. "
            "Il a déclaré que la Chine fournissait des composants à la Russie.")
    att = find(analyse(text, "fr"), "composants")
    assert att["source"]["text"] == "Il"
    assert att["source"]["type"] == "named_person"


def test_denial_is_negative(analyse) -> None:  # type: ignore[no-untyped-def]
    att = find(analyse("The foreign ministry denied that Chinese companies had sold drones to Russia.", "en"), "drones")
    assert att["polarity"] == "negative"


def test_hedging_cue_makes_content_probable(analyse) -> None:  # type: ignore[no-untyped-def]
    att = find(analyse("A new report suggests that a Chinese company shipped drones to Russia.", "en"), "shipped")
    assert att["certainty"] == "probable"
    assert att["source"]["type"] == "document"


def test_media_relay_and_confirmation_chain(analyse) -> None:  # type: ignore[no-untyped-def]
    text = ("Reuters reported that Russia had set up a drone programme in China. "
            "This report was confirmed by the official.")
    atts = analyse(text, "en")
    relayed = [a for a in atts if "drone programme" in a["content"]["text"]]
    assert len(relayed) == 2
    reuters = next(a for a in relayed if a["source"]["text"] == "Reuters")
    confirm = next(a for a in relayed if a is not reuters)
    assert reuters["source"]["type"] == "media"
    assert confirm["parent"] == reuters["id"]
    assert confirm["kind"] == "according_to"


def test_citing_makes_a_child_attribution(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "The Times, citing a Western official, reported that a Chinese firm sent drones to Russia."
    atts = [a for a in analyse(text, "en") if "drones" in a["content"]["text"]]
    parent = next(a for a in atts if "Times" in a["source"]["text"])
    child = next(a for a in atts if "official" in a["source"]["text"])
    assert child["parent"] == parent["id"]
    assert child["source"]["type"] == "anonymous_person"


def test_cleft_relay_fr(analyse) -> None:  # type: ignore[no-untyped-def]
    text = ("Des sources internes affirment que des entreprises chinoises ont fourni des armes à la Russie. "
            "C'est ce qu'affirme le Times britannique.")
    atts = analyse(text, "fr")
    inner = find(atts, "entreprises chinoises ont fourni")
    outer = next(a for a in atts if "Times" in a["source"]["text"])
    assert inner["parent"] == outer["id"]
    assert outer["kind"] == "according_to"


def test_no_attribution_in_plain_narration(analyse) -> None:  # type: ignore[no-untyped-def]
    assert analyse("The drones flew over the border on Tuesday night.", "en") == []
