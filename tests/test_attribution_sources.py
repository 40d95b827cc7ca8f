"""Who speaks and what kind of source it is, as journalists write it (ANNOTATION 1.10; invented sentences):
a title before a name, pronouns, bare quotations, groups named by a quantity or as powers, outlets."""
from __future__ import annotations

from typing import Any, Callable

import pytest
from attribution_checks import only_record

Analyse = Callable[[str, str], tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]]


@pytest.fixture(scope="module")
def analyse(analyzer) -> Analyse:  # type: ignore[no-untyped-def]
    def run(text: str, lang: str) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
        analysis = analyzer.analyze_text(text, lang=lang)
        return [a.to_dict() for a in analysis.attributions], {e.id: e.to_dict() for e in analysis.entities}
    return run


def source_of(atts: list[dict[str, Any]], words: str) -> dict[str, Any]:
    return dict(only_record(atts, words)["source"])


def entity_name(entities: dict[str, dict[str, Any]], source: dict[str, Any]) -> str:
    assert source["entity"] is not None, source
    return str(entities[source["entity"]]["name"])


@pytest.mark.parametrize("text,lang,words,name", [
    # a title right before the name, then a place: the name alone
    ("« Nous avons gagné cette bataille », s'est félicité le président Armand Delcourt à Quimper.", "fr",
     "gagné cette bataille", "Delcourt"),
    # a title and the name set off by a comma after the title's complement in brackets
    ('The secretary general of the FNL (Federation of Northern Leagues), Tomas Bergqvist, has called the ruling '
     '"absurd".', "en", "ruling", "Bergqvist"),
    # two subjects side by side: the description, then the name
    ("Estonia's Foreign Minister, Peter Hallik said the embassy would reopen next month.", "en",
     "embassy would reopen", "Hallik"),
])
def test_title_gives_way_to_the_name(analyse: Analyse, text: str, lang: str, words: str, name: str) -> None:
    atts, entities = analyse(text, lang)
    source = source_of(atts, words)
    assert source["type"] == "named_person"
    assert name in source["text"] and len(source["text"].split()) <= 3, source
    assert name in entity_name(entities, source)


def test_personal_il_before_a_que_clause_is_the_speaker(analyse: Analyse) -> None:
    text = ("Le maire Paul Garnier a inauguré la piscine samedi. Il renchérit que le chantier a coûté moins que "
            "prévu.")
    atts, entities = analyse(text, "fr")
    source = source_of(atts, "chantier a coûté")
    assert source["text"] == "Il" and source["type"] == "named_person"
    assert "Garnier" in entity_name(entities, source)


def test_impersonal_il_stays_unspecified(analyse: Analyse) -> None:
    atts, _ = analyse("Il est rapporté que le navire a quitté le port de Brest dans la nuit.", "fr")
    assert source_of(atts, "navire")["type"] == "unspecified"


def test_plural_pronoun_does_not_take_one_named_person(analyse: Analyse) -> None:
    text = ("Maria Lindqvist said the ferry would sail on Friday. Dock workers joined the strike on Monday. "
            "They said the pay offer was too low.")
    atts, _ = analyse(text, "en")
    source = source_of(atts, "pay offer")
    assert source["text"] == "They" and source["type"] != "named_person"


def test_bare_quote_goes_to_the_person_named_since_the_last_speaker(analyse: Analyse) -> None:
    text = ("Les élus de l'opposition ont dénoncé une manœuvre. Puis Hélène Marchand a défendu sa décision : "
            "« Nous avons respecté le règlement à la lettre. »")
    atts, entities = analyse(text, "fr")
    source = source_of(atts, "respecté le règlement")
    assert source["type"] == "named_person" and "Marchand" in entity_name(entities, source)


def test_bare_quote_after_a_reported_document_goes_to_its_reader(analyse: Analyse) -> None:
    text = ('Professor Ines Morel said the findings show that cleaner air raises harvests. "We know the causes '
            'and we know the remedies."')
    atts, entities = analyse(text, "en")
    source = source_of(atts, "know the remedies")
    assert source["type"] == "named_person" and "Morel" in entity_name(entities, source)


@pytest.mark.parametrize("text,lang,words,kind", [
    ("Nombre de pays ont critiqué ce projet de barrage sur le fleuve.", "fr", "projet de barrage", "organization"),
    ("Les grandes puissances ont exhorté les deux camps à cesser le feu.", "fr", "cesser le feu", "organization"),
    ("Regional state media reported that the dam had been closed.", "en", "dam had been closed", "media"),
    # an outlet no list holds, named as outlets are ("<Name> Daily News": outlet_heads)
    ("The Velmar Daily News reported that the dam had been closed.", "en", "dam had been closed", "media"),
    ("The Tarvo Herald said the harbour would reopen in May.", "en", "harbour would reopen", "media"),
])
def test_group_and_outlet_types(analyse: Analyse, text: str, lang: str, words: str, kind: str) -> None:
    atts, _ = analyse(text, lang)
    assert source_of(atts, words)["type"] == kind


@pytest.mark.parametrize("text,lang,words,source", [
    # a dateline before the sentence's own subject
    ("OSLO, Norway (AP) — Senior port officials warned on Monday that the strike could close the harbour.", "en",
     "strike could close", "Senior port officials"),
    # the subject of an incise, not the subject of the sentence it interrupts
    ("Local museums, said Clara Jensen, are required to show the paintings every year.", "en",
     "required to show", "Clara Jensen"),
    # an infinitive cue's object is the addressee: the speaker is the subject of the verb it hangs on
    ("Maria Lindqvist travelled to Riga last week to warn local officials that the quota would be cut.", "en",
     "quota would be cut", "Maria Lindqvist"),
    # a coordinated subject is one source spanning the coordination
    ("Norway and Iceland said the fishing quotas were too high.", "en", "fishing quotas", "Norway and Iceland"),
    # an inverted clitic and the gerund hung on its verb
    ("« Ces mesures ne servent à rien », a-t-elle assuré, ajoutant que les prix allaient encore monter.", "fr",
     "prix allaient", "elle"),
])
def test_source_span_where_the_parse_misleads(analyse: Analyse, text: str, lang: str, words: str,
                                              source: str) -> None:
    atts, _ = analyse(text, lang)
    assert source_of(atts, words)["text"] == source


def test_coordinated_states_are_organisations(analyse: Analyse) -> None:
    atts, _ = analyse("Norway and Iceland said the fishing quotas were too high.", "en")
    found = source_of(atts, "fishing quotas")
    assert found["type"] == "organization" and found["entity"] is None
