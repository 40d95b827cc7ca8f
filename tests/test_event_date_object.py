"""French objects after a date: « a livré mardi des obusiers », « ont imposé lundi 9 août des sanctions ».
The parser reads the partitive article as « de les » and hangs the object on the date; the object is still
the verb's item, and a measure noun there still takes the subject of its light verb as agent. Invented
sentences."""
from __future__ import annotations

from claimgraph.model import Entity, Span

from event_checks import args, of_type, run


def entity(eid: str, name: str, etype: str, text: str, surface: str) -> Entity:
    start = text.index(surface)
    return Entity(eid, name, etype, mentions=[Span(start, start + len(surface), surface)])


def test_the_goods_after_a_day_are_the_item(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "L'Allemagne a livré mardi des obusiers à l'Ukraine."
    entities = [entity("e1", "Germany", "GPE", text, "L'Allemagne"), entity("e2", "Ukraine", "GPE", text, "l'Ukraine")]
    (supply,) = of_type(run(nlp_fr, "fr", text, entities), "SUPPLY")
    assert args(supply) == {"agent": "L'Allemagne", "recipient": "l'Ukraine", "item": "des obusiers"}


def test_the_goods_after_a_full_date_are_the_item(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "L'usine a produit l'an dernier des milliers de drones."
    (produce,) = of_type(run(nlp_fr, "fr", text), "PRODUCE")
    assert args(produce)["item"] == "des milliers de drones"


def test_measures_imposed_after_a_date_have_the_subject_as_agent(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = ("Les ministres des Vingt-Sept ont imposé lundi 9 août des sanctions contre "
            "un ancien ministre moldave pour son rôle dans la fraude.")
    (sanction,) = of_type(run(nlp_fr, "fr", text), "SANCTION")
    assert args(sanction)["agent"] == "Les ministres des Vingt-Sept"
    assert args(sanction)["target"].startswith("un ancien ministre")


def test_a_recipient_hung_on_the_goods_does_not_make_them_someone(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    (supply,) = of_type(run(nlp_fr, "fr", "L'Allemagne a livré mardi des obusiers à l'Ukraine."), "SUPPLY")
    assert args(supply)["item"] == "des obusiers"
