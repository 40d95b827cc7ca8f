"""Entities: gazetteer ruler, canonical names across languages, metonymy, short forms, quality floor.

Sentences here are written for the tests; the floor runs the engine on the gold set.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.model import Analysis, Entity

ENTITY_FLOORS = {"typed_f1": 0.90, "canonical_f1": 0.95}


def by_text(analysis: Analysis) -> dict[str, Entity]:
    """Entity of each mention text (the last one wins when a text repeats)."""
    return {m.text: e for e in analysis.entities for m in e.mentions}


def check_spans(analysis: Analysis) -> None:
    text = analysis.document.text
    for entity in analysis.entities:
        assert entity.type in ("PERSON", "ORG", "GPE", "LOC", "PRODUCT", "EVENT")
        for mention in entity.mentions:
            assert text[mention.start:mention.end] == mention.text


def test_ruler_sits_before_the_ner(nlp_fr, nlp_en) -> None:  # type: ignore[no-untyped-def]
    for nlp in (nlp_fr, nlp_en):
        names = nlp.pipe_names
        assert names.index("claimgraph_gazetteer") < names.index("ner")


def test_french_canonical_names(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = ("Selon le « Times », le gouvernement chinois savait tout. L'OTAN s'inquiète ; un porte-parole "
            "de NATO a parlé de la Seconde Guerre mondiale. Le ministère de la Défense russe a reçu le "
            "rapport de IEMZ Kupol sur le drone Garpiya-3. Kupol affirme que le G3 vole bien.")
    analysis = analyzer.analyze_text(text, lang="fr")
    check_spans(analysis)
    found = by_text(analysis)
    assert found["Times"].name == "The Times" and found["Times"].type == "ORG"
    assert found["gouvernement chinois"].name == "Government of China"
    assert found["OTAN"] is found["NATO"] and found["OTAN"].name == "NATO"
    assert found["OTAN"].wikidata == "Q7184"
    assert found["ministère de la Défense russe"].name == "Ministry of Defence of Russia"
    assert found["G3"] is found["Garpiya-3"] and found["G3"].type == "PRODUCT"
    assert found["Kupol"] is found["IEMZ Kupol"]
    assert found["Seconde Guerre mondiale"].name == "World War II"


def test_short_forms_need_the_full_name(analyzer) -> None:  # type: ignore[no-untyped-def]
    analysis = analyzer.analyze_text("The G3 rifle was shown at the fair in Paris.", lang="en")
    assert all(e.name != "Garpiya-3" for e in analysis.entities)


@pytest.mark.parametrize("lang,text,mention,name", [
    ("fr", "Pékin dément toute livraison d'armes.", "Pékin", "Government of China"),
    ("fr", "Une usine installée à Pékin produit des moteurs.", "Pékin", "Beijing"),
    ("fr", "Washington accuse la Chine de fournir des composants à Moscou.", "Moscou", "Government of Russia"),
    ("fr", "Le maire de Moscou a inauguré une gare.", "Moscou", "Moscow"),
    ("en", "Beijing has denied the report.", "Beijing", "Government of China"),
    ("en", "The engines were assembled at a plant in Beijing.", "Beijing", "Beijing"),
    ("en", "He accused Beijing of helping Moscow rebuild its arms industry.", "Moscow", "Government of Russia"),
    ("en", "WASHINGTON (Reuters) - Officials met on Monday.", "WASHINGTON", "Washington"),
])
def test_capitals_act_or_are_places(analyzer, lang: str, text: str, mention: str, name: str) -> None:  # type: ignore[no-untyped-def]
    entity = by_text(analyzer.analyze_text(text, lang=lang))[mention]
    assert entity.name == name
    assert entity.type == ("GPE" if name in ("Beijing", "Moscow", "Washington") else "ORG")


def test_english_institutions_and_countries(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = ("The Chinese foreign ministry rejected the claims. China has never supplied lethal weapons, "
            "the Chinese government said, while the U.S. State Department and the European Union disagreed.")
    found = by_text(analyzer.analyze_text(text, lang="en"))
    assert found["Chinese foreign ministry"].name == "Ministry of Foreign Affairs of China"
    assert found["China"].name == "China" and found["China"].type == "GPE"
    assert found["Chinese government"].name == "Government of China"
    assert found["U.S. State Department"].name == "US Department of State"
    assert found["European Union"].type == "ORG"


def test_bare_institution_takes_the_country_in_context(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "In Moscow, foreign ministry spokeswoman Maria Zakharova called the report a provocation."
    found = by_text(analyzer.analyze_text(text, lang="en"))
    assert found["foreign ministry"].name == "Ministry of Foreign Affairs of Russia"
    alone = by_text(analyzer.analyze_text("The foreign ministry did not answer.", lang="en"))
    assert "foreign ministry" not in alone


def test_person_short_form_joins_the_full_name(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = ("Dr. Helena Vargstrom, an analyst, spoke on Tuesday. "
            "Vargstrom said the engines came from a supplier in Xiamen.")
    found = by_text(analyzer.analyze_text(text, lang="en"))
    person = found.get("Helena Vargstrom")
    assert person is not None and person.type == "PERSON"
    assert found.get("Vargstrom") is person


def test_media_outlets_by_their_naming(analyzer) -> None:  # type: ignore[no-untyped-def]
    en = by_text(analyzer.analyze_text("BERLIN (Northern Sentinel) - The minister told the Evening Ledger "
                                       "that talks would resume.", lang="en"))
    assert en["Northern Sentinel"].type == "ORG"
    assert en["Evening Ledger"].type == "ORG"
    fr = by_text(analyzer.analyze_text("Le ministre a confié au Courrier picard que les discussions "
                                       "reprendraient.", lang="fr"))
    assert fr["Courrier picard"].type == "ORG"


def test_french_junk_is_dropped(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = "Cependant, les chefs d'État occidentaux et les Européens hésitent. Selon eux, la Chine ment."
    analysis = analyzer.analyze_text(text, lang="fr")
    names = {e.name for e in analysis.entities}
    assert names == {"China"}, names


def test_cross_language_names_agree(analyzer) -> None:  # type: ignore[no-untyped-def]
    fr = analyzer.analyze_text("L'UE sanctionne Xiamen Limbach ; la Corée du Nord et l'Iran aident Moscou.", lang="fr")
    en = analyzer.analyze_text("The EU sanctioned Xiamen Limbach; North Korea and Iran help Moscow.", lang="en")
    assert {e.name for e in fr.entities} == {e.name for e in en.entities}


def test_entity_quality_floor(gold_report) -> None:  # type: ignore[no-untyped-def]
    typed = gold_report["entities"]["typed"]["f1"]
    canonical = gold_report["entities"]["canonical"]["f1"]
    assert typed is not None and typed >= ENTITY_FLOORS["typed_f1"], typed
    assert canonical is not None and canonical >= ENTITY_FLOORS["canonical_f1"], canonical


@pytest.mark.parametrize("text,name", [
    ("Russia launched drone strikes against Kyiv for the first time since May.", "Kyiv"),
    ("The rockets the allies had promised to Kyiv arrived on Monday.", "Government of Ukraine"),
])
def test_a_capital_struck_is_the_place_a_capital_promised_goods_acts(analyzer, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert by_text(analyzer.analyze_text(text, lang="en"))["Kyiv"].name == name
