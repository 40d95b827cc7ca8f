"""French sources as newsrooms write them (ANNOTATION 1.5, 1.6, 1.10; invented sentences): a description set off
after a name, a name after the addressee or after a bracketed title, a verb the tagger reads as a noun in an
incise, a group of named people, a quotation after « selon X, P : »."""
from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="module")
def analyse(analyzer):  # type: ignore[no-untyped-def]
    def run(text: str) -> list[dict[str, Any]]:
        return [a.to_dict() for a in analyzer.analyze_text(text, lang="fr").attributions]
    return run


def record(atts: list[dict[str, Any]], words: str) -> dict[str, Any]:
    hits = [a for a in atts if words in a["content"]["text"]]
    assert len(hits) == 1, f"{words!r}: {[(a['source']['text'], a['content']['text']) for a in atts]}"
    return hits[0]


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
    source = record(analyse(text), words)["source"]
    assert source["text"] == name and source["type"] == "named_person", source


def test_incise_verb_read_as_a_noun(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Le train a été arrêté à Dijon. « Ces retards répétés sont inacceptables », juge le syndicat "
                   "des cheminots.")
    found = record(atts, "retards répétés")
    assert found["source"]["text"] == "le syndicat des cheminots" and found["kind"] == "direct"


def test_a_group_of_named_people_is_one_source(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("L'existence de ce boson a été émise en 1964 par les physiciens Paul Garnier, Anne Morel et Luc Petit.")
    source = record(atts, "existence")["source"]
    assert source["text"] == "les physiciens Paul Garnier, Anne Morel et Luc Petit"
    assert source["type"] == "named_person" and source["entity"] is None


def test_quotation_after_selon_colon_is_its_own_record(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Selon le directeur du centre, Paul Garnier, le chantier va durer deux ans : « Nous avons de "
                   "quoi faire jusqu'en 2030 ! »\nLa ville a voté le budget.")
    first, quote = record(atts, "chantier va durer"), record(atts, "de quoi faire")
    assert "2030" not in first["content"]["text"]
    assert quote["kind"] == "direct" and quote["source"]["text"] == "Paul Garnier"


def test_quotation_after_selon_apposition(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("Le texte a été rejeté.\nPour la principale association de défense des usagers, l'Audace : "
                   "« Le vote d'aujourd'hui est une victoire pour les usagers. C'est aussi un signal fort. »")
    found = record(atts, "victoire pour les usagers")
    assert found["kind"] == "direct" and "signal fort" in found["content"]["text"]
    assert "association" in found["source"]["text"]


def test_a_cue_before_a_colon_reports_what_follows(analyse) -> None:  # type: ignore[no-untyped-def]
    atts = analyse("La mesure est exacte. De son côté, le directeur de l'institut, Paul Garnier a déclaré : "
                   "« Je peux confirmer que la mesure est exacte ».")
    assert not [a for a in atts if "De son côté" in a["content"]["text"]], atts
    assert record(atts, "Je peux confirmer")["source"]["text"] == "Paul Garnier"


@pytest.mark.parametrize("text,words,content", [
    # the parser split the sentence at an exclamation mark inside the quotation
    ("Sur son blog, Paul Garnier a dénoncé un « Scandale absolu ! Le conseil vote sans débat ! ». La séance a repris.",
     "Scandale absolu", "un « Scandale absolu ! Le conseil vote sans débat ! »"),
    # a name the parser cut in two, the day of the statement and a set-off adverbial clause are not the charge
    ("Le maire Paul Garnier a accusé jeudi soir 4 août Clean Water International de «tromper les électeurs» du "
     "canton, après que l'ONG a reproché à la mairie de polluer la rivière.", "tromper les électeurs",
     "Clean Water International de «tromper les électeurs» du canton"),
])
def test_content_boundaries(analyse, text: str, words: str, content: str) -> None:  # type: ignore[no-untyped-def]
    assert record(analyse(text), words)["content"]["text"] == content
