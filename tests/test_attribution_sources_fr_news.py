"""French sources as newsrooms write them (ANNOTATION 1.5, 1.6, 1.10; invented sentences): a description set off
after a name, a name after the addressee or after a bracketed title, a verb the tagger reads as a noun in an
incise, a group of named people, a quotation after « selon X, P : »."""
from __future__ import annotations

from typing import Any

import pytest
from attribution_checks import only_record


@pytest.fixture(scope="module")
def analyse(analyzer):  # type: ignore[no-untyped-def]
    def run(text: str) -> list[dict[str, Any]]:
        return [a.to_dict() for a in analyzer.analyze_text(text, lang="fr").attributions]
    return run


@pytest.mark.parametrize("text,words,name", [
    # the description that follows the name is the sentence's subject for the parser
    ("Paul Garnier, le candidat des écologistes à la mairie, avait affirmé que le budget serait doublé.",
     "budget serait doublé", "Paul Garnier"),
    # a relative clause hung on the description set off after the name
    ("Le maire a croisé Paul Garnier, le successeur de Marc Lenoir, qui lui a rétorqué : « Nous ne céderons rien "
     "sur le budget de la ville. »", "céderons rien", "Paul Garnier"),
    # the addressee first, then the name and the title
    ("« Nous ne signerons jamais cet accord sur les salaires » déclare à l'AFP Paul Garnier, le porte-parole du "
     "syndicat.", "signerons jamais", "Paul Garnier"),
    # a title with a bracketed aside, then the name set off by commas
    ("« Ils tirent sur tout, tout le temps, jour et nuit », a écrit sur son compte le gouverneur de la province "
     "(nord), Piotr Wolski, appelant la population au calme.", "tirent sur tout", "Piotr Wolski"),
])
def test_the_name_not_the_description(analyse, text: str, words: str, name: str) -> None:  # type: ignore[no-untyped-def]
    source = only_record(analyse(text), words)["source"]
    assert source["text"] == name and source["type"] == "named_person", source


def test_incise_verb_read_as_a_noun(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Le train a été arrêté à Dijon. « Ces retards répétés sont inacceptables », juge le syndicat "
                   "des cheminots.")
    found = only_record(atts, "retards répétés")
    assert found["source"]["text"] == "le syndicat des cheminots" and found["kind"] == "direct"


def test_a_group_of_named_people_is_one_source(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("L'existence de ce boson a été émise en 1971 par les chimistes Paul Garnier, Anne Morel et Luc Petit.")
    source = only_record(atts, "existence")["source"]
    assert source["text"] == "les chimistes Paul Garnier, Anne Morel et Luc Petit"
    assert source["type"] == "named_person" and source["entity"] is None


def test_quotation_after_selon_colon_is_its_own_record(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Selon le directeur du centre, Paul Garnier, le chantier va durer deux ans : « Nous avons de "
                   "quoi faire jusqu'en 2030 ! »\nLa ville a voté le budget.")
    first, quote = only_record(atts, "chantier va durer"), only_record(atts, "de quoi faire")
    assert "2030" not in first["content"]["text"]
    assert quote["kind"] == "direct" and quote["source"]["text"] == "Paul Garnier"


def test_quotation_after_selon_apposition(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Le texte a été rejeté.\nPour la principale association de défense des usagers, l'Audace : "
                   "« Le vote d'aujourd'hui est une victoire pour les usagers. C'est aussi un signal fort. »")
    found = only_record(atts, "victoire pour les usagers")
    assert found["kind"] == "direct" and "signal fort" in found["content"]["text"]
    assert "association" in found["source"]["text"]


def test_a_cue_before_a_colon_reports_what_follows(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("La mesure est exacte. De son côté, le directeur de l'institut, Paul Garnier a déclaré : "
                   "« Je peux confirmer que la mesure est exacte ».")
    assert not [a for a in atts if "De son côté" in a["content"]["text"]], atts
    assert only_record(atts, "Je peux confirmer")["source"]["text"] == "Paul Garnier"


@pytest.mark.parametrize("text,words,content", [
    # the parser split the sentence at an exclamation mark inside the quotation
    ("Sur son blog, Paul Garnier a dénoncé un « Scandale absolu ! Le conseil vote sans débat ! ». La séance a repris.",
     "Scandale absolu", "un « Scandale absolu ! Le conseil vote sans débat ! »"),
    # a name the parser cut in two, the day of the statement and a set-off adverbial clause are not the charge
    ("Le maire Paul Garnier a accusé jeudi soir 12 août Clean Water International de «tromper les électeurs» du "
     "canton, après que l'association a reproché à la mairie de polluer la rivière.", "tromper les électeurs",
     "Clean Water International de «tromper les électeurs» du canton"),
])
def test_content_boundaries(analyse, text: str, words: str, content: str) -> None:  # type: ignore[no-untyped-def]
    assert only_record(analyse(text), words)["content"]["text"] == content


def test_a_plan_is_no_report_but_a_text_that_provides_is(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("L'usine prévoit de supprimer deux cents emplois à Lorient. Le nouvel accord prévoit que chaque "
                   "commune réduira sa consommation d'eau de moitié.")
    assert [a["content"]["text"] for a in atts] == ["chaque commune réduira sa consommation d'eau de moitié"]
    assert atts[0]["source"]["text"] == "Le nouvel accord" and atts[0]["source"]["type"] == "document"


def test_a_refusal_has_content_only_as_a_noun_phrase(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("La Norvège refuse catégoriquement tout quota sur la pêche à la morue. Le ministre a refusé de "
                   "commenter ces chiffres.")
    assert [a["content"]["text"] for a in atts] == ["tout quota sur la pêche à la morue"]


@pytest.mark.parametrize("text,words,source", [
    # the infinitive the parser hung on the adverbial between the cue and it
    ("La marine a assuré pour sa part avoir intercepté avec des « moyens aériens » un cargo au large de Brest.",
     "avoir intercepté", "La marine"),
    # a subheading the parser joined to the body's first sentence
    ("Le port a rouvert lundi.\nUn cargo intercepté au large de Brest\nLa marine a affirmé avoir intercepté un cargo "
     "chargé d'armes.", "avoir intercepté", "La marine"),
])
def test_infinitive_content_and_its_speaker(analyse, text: str, words: str, source: str) -> None:  # type: ignore[no-untyped-def]
    assert only_record(analyse(text), words)["source"]["text"] == source


def test_a_relative_speaker_reports_its_own_quoted_infinitive(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Ces saccages sont l'œuvre du groupe armé, qui affirme « agir au nom du peuple », dès le début du "
                   "conflit.")
    found = [a for a in atts if a["content"]["text"] == "agir au nom du peuple"]
    assert len(found) == 1 and "groupe armé" in found[0]["source"]["text"] and found[0]["kind"] == "mixed", atts


def test_a_quotation_right_after_another_stands_alone(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("« Nous ne céderons pas. » « On voit ici une volonté de bloquer le débat qui est tout à fait "
                   "honteuse ! », a-t-il dit sous les huées.")
    assert only_record(atts, "volonté de bloquer")["kind"] == "direct"


def test_an_impersonal_passive_cue_written_in_a_document(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("« Quand la police s'est installée dans des écoles, elle a bloqué les rues voisines », est-il "
                   "aussi écrit dans le rapport.")
    source = only_record(atts, "police s'est installée")["source"]
    assert source["text"] == "le rapport" and source["type"] == "document"


def test_a_name_set_off_after_a_title_the_entity_layer_missed(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Un peu plus tôt, le chef de la diplomatie lettone, Janis Ozolins, s'était dit « choqué » "
                   "par les critiques « injustes » de l'association.")
    source = only_record(atts, "critiques")["source"]
    assert source["text"] == "Janis Ozolins" and source["type"] == "named_person"
