"""Names the NER misses or mistypes, read from how news writes them (extract/name_spans.py,
extract/entity_context.py). Every sentence here is invented for the tests."""
from __future__ import annotations

from claimgraph.extract.entity_types import is_acronym_of
from entity_checks import entities_of


def test_a_run_of_capitalised_words_with_a_head_word_is_one_name(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = entities_of(analyzer, "The survey was paid for by the Halvorsen Trust, the US National Tidal Wetlands "
                                  "Foundation and the Norvik Harbour Museum.", "en")
    assert found.get("US National Tidal Wetlands Foundation", ("", ""))[1] == "ORG"
    assert found.get("Norvik Harbour Museum", ("", ""))[1] == "ORG"
    assert "US" not in found  # the longest name, no nesting


def test_a_name_before_lowercase_facility_words_is_a_place(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = entities_of(analyzer, "The train stopped outside Tolvikham railway station on Monday night.", "en")
    assert found.get("Tolvikham railway station", ("", ""))[1] == "LOC"


def test_a_long_form_before_its_bracketed_acronym(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = ("Engineers finished the Nine hundred metre Orbital Listening Array (NOLA) last week. "
            "The NOLA will listen for pulsars.")
    found = entities_of(analyzer, text, "en")
    long_form = "Nine hundred metre Orbital Listening Array"
    assert long_form in found
    assert found.get("NOLA") == found[long_form]
    assert is_acronym_of("NOLA", long_form)


def test_every_repetition_of_a_name_is_a_mention(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = ("Members of the Orvane Fellowship met in Oslo. Critics of Orvane Fellowship say the group hides "
            "its money. A lawyer for Orvane Fellowship denied it.")
    analysis = analyzer.analyze_text(text, lang="en")
    fellowship = [e for e in analysis.entities if e.name.endswith("Orvane Fellowship")]
    assert len(fellowship) == 1 and len(fellowship[0].mentions) == 3


def test_descriptors_type_unknown_names(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = entities_of(analyzer, "The gas operator Brenvik announced extra capacity, said the energy major "
                                  "Torsa, which buys from Brenvik.", "en")
    assert found.get("Brenvik", ("", ""))[1] == "ORG"
    assert found.get("Torsa", ("", ""))[1] == "ORG"
    french = entities_of(analyzer, "Le groupe italien Verdano a annoncé des missiles antichars Falcone.", "fr")
    assert french.get("Verdano", ("", ""))[1] == "ORG"
    assert french.get("Falcone", ("", ""))[1] == "PRODUCT"


def test_a_place_noun_and_a_link_word_make_a_place(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = entities_of(analyzer, "Ministers met on the resort island of Vestri on Friday.", "en")
    assert found.get("Vestri", ("", ""))[1] == "GPE"


def test_model_codes_and_versions_are_products(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = entities_of(analyzer, "The army received spare parts for its K-52s and new T990 howitzers, "
                                  "while users were told to leave Webview Navigator 7.", "en")
    assert found.get("K-52s", ("", ""))[1] == "PRODUCT"
    assert found.get("T990", ("", ""))[1] == "PRODUCT"
    assert found.get("Webview Navigator 7", ("", ""))[1] == "PRODUCT"


def test_dates_are_no_versions(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = entities_of(analyzer, "The Orvane Fellowship met on September 24 and again in May 2010.", "en")
    assert not any(etype == "PRODUCT" for _, etype in found.values())


def test_a_french_facility_head_before_a_name(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = entities_of(analyzer, "Il vit dans le château de Brevannes depuis vingt ans.", "fr")
    assert found.get("château de Brevannes", ("", ""))[1] == "LOC"


def test_an_apposition_types_the_name_before_it(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = entities_of(analyzer, "Columbia lifted off on TX-41, the first crewed shuttle mission. Rilco, an "
                                  "Italian energy major, said it had been warned by its supplier.", "en")
    assert found.get("TX-41", ("", ""))[1] == "EVENT"
    assert found.get("Rilco", ("", ""))[1] == "ORG"


def test_a_mission_to_a_place_leaves_the_place_alone(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = entities_of(analyzer, "The agency plans another robotic Tolvara mission next year.", "en")
    assert found.get("Tolvara", ("", "GPE"))[1] != "EVENT"


def test_a_region_after_a_comma_makes_a_place_but_not_an_outlet(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = entities_of(analyzer, "The exhibit opened in Brannholt, Indiana, on Monday. As Ruiz told the Morning "
                                  "Courier, US ozone levels have dropped.", "en")
    assert found.get("Brannholt", ("", ""))[1] == "GPE"
    assert found.get("Morning Courier", ("", ""))[1] == "ORG"


def test_members_make_an_organisation(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = entities_of(analyzer, "Les membres d'Ansar Talid ont revendiqué l'attaque.", "fr")
    assert found.get("Ansar Talid", ("", ""))[1] == "ORG"


def test_a_model_name_around_its_number_is_one_product(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = entities_of(analyzer, "A nine-carriage Series 480 Velocino train left the rails near the border.", "en")
    assert any(text.startswith("Series 480") and etype == "PRODUCT" for text, (_, etype) in found.items())


def test_a_name_lent_to_a_term_is_no_mention(analyzer) -> None:  # type: ignore[no-untyped-def]
    analysis = analyzer.analyze_text("Le laboratoire a annoncé la découverte du boson de Varenne. Paul Varenne "
                                     "était présent à l'annonce.", lang="fr")
    mentions = [m.text for e in analysis.entities for m in e.mentions]
    assert "Paul Varenne" in mentions and "Varenne" not in mentions


def test_a_name_inside_an_untyped_span_keeps_its_head_type(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = entities_of(analyzer, "L'ONG Tolvik Rights Watch a publié mardi un rapport sur les prisons.", "fr")
    assert found.get("Tolvik Rights Watch", ("", ""))[1] == "ORG"


def test_a_numbered_model_stays_apart_from_its_series(analyzer) -> None:  # type: ignore[no-untyped-def]
    text = ("Users of Webview Navigator 7 were told to upgrade. The Webview Navigator 7 Farewell site counts "
            "them. WN7 has many flaws.")
    analysis = analyzer.analyze_text(text, lang="en")
    model = next(e for e in analysis.entities if any(m.text == "Webview Navigator 7" for m in e.mentions))
    assert not any("Farewell" in m.text for m in model.mentions)


def test_a_university_with_its_campus_is_one_name(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = entities_of(analyzer, "Attendance at the University of Tolvara at Brannholt reached 9,000 visitors, "
                                  "while the University of Leeds of the UK lent two prints.", "en")
    assert found.get("University of Tolvara at Brannholt", ("", ""))[1] == "ORG"
    assert "University of Leeds" in found and found.get("UK", ("", ""))[1] == "GPE"


def test_french_common_nouns_and_names_around_them(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = entities_of(analyzer, "Le groupe italien Verdani a annoncé une baisse. Charles de Varenne est mort. "
                                  "Le ministre a indiqué que l’Etat polonais n'envisage rien.", "fr")
    assert found.get("Verdani", ("", ""))[1] == "ORG"
    assert found.get("Charles de Varenne", ("", ""))[1] == "PERSON"
    assert not any(text.lower().startswith("etat") for text in found)


def test_a_regnal_number_is_no_version(analyzer) -> None:  # type: ignore[no-untyped-def]
    found = entities_of(analyzer, "The summit opened with a dinner hosted by King Carlos IV of Verania.", "en")
    assert not any(etype == "PRODUCT" for _, etype in found.values())


def test_a_repeated_form_is_found_as_a_whole_word_only() -> None:
    from claimgraph.extract.entity_context import _word_occurrences

    text = "Brann et Brannville; (Brann) Brann_2 Brann2 l'Brann ²Brann Brann."
    form = "Brann"
    assert list(_word_occurrences(text, form)) == [0, 22, 46, 59]
    assert list(_word_occurrences("aa aaa a", "a")) == [7]
