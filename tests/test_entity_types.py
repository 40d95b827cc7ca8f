"""Types and names of entities the gazetteer does not know (extract/entity_types.py).

Every sentence here is invented for the tests.
"""
from __future__ import annotations

from claimgraph.extract.entities import Mention, group_mentions
from claimgraph.extract.entity_types import (head_type, is_acronym_of, is_model_code, place_reading, refine_type,
                                             same_person)
from claimgraph.lang import get_rules
from claimgraph.model import Span
from entity_checks import entities_of

EN = get_rules("en").data("entities")
FR = get_rules("fr").data("entities")


def test_generic_armed_forces_are_one_org_per_country_in_both_languages(analyzer) -> None:  # type: ignore[no-untyped-def]
    english = entities_of(analyzer, "The Malaysian military said on Monday that two boats had sunk near the coast.", "en")
    assert english.get("Malaysian military") == ("Malaysian Armed Forces", "ORG")
    french = entities_of(analyzer, "Selon un porte-parole, l'armée malaisienne a retrouvé deux bateaux près de la côte.", "fr")
    assert french.get("armée malaisienne") == ("Malaysian Armed Forces", "ORG")


def test_a_government_named_by_its_adjective_needs_no_gazetteer_entry(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = entities_of(analyzer, "Le gouvernement malien a rejeté mardi le rapport de la mission.", "fr")
    assert found.get("gouvernement malien") == ("Government of Mali", "ORG")


def test_acronyms_join_their_full_name() -> None:
    assert is_acronym_of("NRTC", "Nordic Rail Transport Council")
    assert is_acronym_of("OPTW", "Office for the Protection of Tidal Wetlands")
    assert is_acronym_of("RTC", "Baltic Rail Transport Council")   # after a leading qualifier
    assert not is_acronym_of("NRTC", "Nordic Rail Council")
    assert not is_acronym_of("Nrtc", "Nordic Rail Transport Council")


def test_military_as_an_adjective_is_no_armed_forces(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = entities_of(analyzer, "The report lists Turkish military drones sold last year.", "en")
    assert not any(name.endswith("Armed Forces") for name, _ in found.values())


def test_a_job_title_alone_is_no_entity(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = entities_of(analyzer, "Le ministre de la Défense a démenti toute livraison de pièces au chantier.", "fr")
    assert not any(text.lower().startswith("ministre") for text in found)


def test_head_words_type_unknown_names() -> None:
    assert head_type("Municipality of Verano", EN) == "ORG"
    assert head_type("Halden Station", EN) == "LOC"
    assert head_type("Teodor Halden", EN) is None
    assert head_type("Court", EN) == "ORG" and head_type("Station", EN) is None
    assert refine_type("NRTC", "GPE", EN) == "ORG"
    assert head_type("mosquée Bel Air", FR) == "LOC"
    assert head_type("Parquet fédéral", FR) == "ORG"
    assert refine_type("Halden Station", "PERSON", EN) == "LOC"


def test_model_codes_are_products_not_places_or_people() -> None:
    assert is_model_code("XR7") and is_model_code("S-450") and is_model_code("Falco 2")
    assert not is_model_code("Norvik") and not is_model_code("2024")
    assert refine_type("XR7", "GPE", EN) == "PRODUCT"
    assert refine_type("XR7", "ORG", EN) == "ORG"  # an organisation may be named so


def test_places_the_ner_took_for_people() -> None:
    assert place_reading("Slovakia", "ORG", [False])           # a country rigour knows
    assert place_reading("Tolvik", "PERSON", [True, True])     # every mention "in Tolvik"
    assert not place_reading("Tolvik", "PERSON", [True, False])
    assert not place_reading("Tolvik", "GPE", [False])


def test_initials_and_surnames_join_the_person() -> None:
    assert same_person(["b", "ortega"], ["bruno", "ortega"])
    assert not same_person(["bruno", "ortega"], ["carla", "ortega"])
    text = "Bruno Ortega spoke. B. Ortega left. Ortega came back."
    def mention(start: int, end: int, type_: str) -> Mention:
        return Mention(span=Span.of(text, start, end), type=type_, name=text[start:end])
    groups = group_mentions([mention(0, 12, "PERSON"), mention(20, 29, "PERSON"), mention(36, 42, "GPE")])
    assert len(groups) == 1 and groups[0].type == "PERSON" and groups[0].name == "Bruno Ortega"


def test_a_bare_surname_joins_the_person_it_ends() -> None:
    text = "Lena Brandt spoke. Brandt Holm left. Brandt came back."
    def mention(name: str, start: int) -> Mention:
        begin = text.index(name, start)
        return Mention(span=Span.of(text, begin, begin + len(name)), type="PERSON", name=name)
    bare = mention("Brandt", text.index("came") - 7)
    groups = group_mentions([mention("Lena Brandt", 0), mention("Brandt Holm", 0), bare])
    assert next(g for g in groups if bare in g.mentions).name == "Lena Brandt"


def test_versioned_acronyms_and_capital_initials() -> None:
    assert is_acronym_of("WN7", "Webview Navigator 7")
    assert not is_acronym_of("WN8", "Webview Navigator 7")
    assert is_acronym_of("NOLA", "Nine hundred metre Orbital Listening Array")


def test_two_names_run_together_over_a_determiner_are_cut(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = entities_of(analyzer, "Mara Lindqvist spoke to reporters. According to Lindqvist the Orvane "
                                  "Fellowship property was sold.", "en")
    assert not any(" the " in text for text in found)
