"""Event classes of real news, third part: hedged uses against capabilities, chemical and riot-control
agents as weapons, relative clauses whose "that" the parser takes for a conjunction, accusation nouns,
givers the parser hangs on the item of a noun trigger. Invented sentences."""
from __future__ import annotations

from claimgraph.model import Event

from event_checks import args, of_type, run


def test_might_be_using_is_a_hedged_use_could_be_used_is_none(nlp_en) -> None:  # type: ignore[no-untyped-def]
    (use,) = of_type(run(nlp_en, "en", "Reports say both sides might be using cheap drones for attacks."), "USE")
    assert use.certainty == "possible"
    assert not of_type(run(nlp_en, "en", "The drones could be used against ships."), "USE")


def test_chemical_and_riot_control_agents_are_weapons(nlp_en) -> None:  # type: ignore[no-untyped-def]
    (use,) = of_type(run(nlp_en, "en", "Officials said the militia used riot control agents in the town."), "USE")
    assert args(use)["item"] == "riot control agents"
    (choking,) = of_type(run(nlp_en, "en", "The army used a choking agent near the bridge."), "USE")
    assert args(choking)["agent"] == "The army"
    assert not of_type(run(nlp_en, "en", "The bank used an agent in the sale."), "USE")


def test_a_relative_that_read_as_a_conjunction_still_names_the_item(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "Neighbours donated old rifles and ammunition that the brigade has long used."
    (use,) = of_type(run(nlp_en, "en", text), "USE")
    assert args(use)["agent"] == "the brigade"
    assert args(use)["item"].startswith("old rifles")


def test_accusation_nouns_with_their_accuser(nlp_fr, nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "Le ministre s'est dit choqué par les accusations infondées de l'association."
    (accuse,) = of_type(run(nlp_fr, "fr", text), "ACCUSE")
    assert args(accuse)["agent"] == "l'association"
    (against,) = of_type(run(nlp_en, "en", "The union repeated its accusations against the port authority."), "ACCUSE")
    assert args(against) == {"agent": "its", "target": "the port authority"}
    assert not of_type(run(nlp_en, "en", "The ministry rejected the accusations."), "ACCUSE")


def test_a_giver_hung_on_the_item_of_a_role_noun(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "The college was a recipient of donated paintings from the foundation."
    (supply,) = of_type(run(nlp_en, "en", text), "SUPPLY")
    assert args(supply) == {"agent": "the foundation", "recipient": "The college", "item": "donated paintings"}


def test_shooting_bombing_dropping_and_throwing_weapons(nlp_en) -> None:  # type: ignore[no-untyped-def]
    (shot,) = of_type(run(nlp_en, "en", "Two guards shot and wounded a driver at the gate."), "USE")
    assert args(shot) == {"agent": "Two guards"}  # the one shot is a victim, not the weapon
    (passive,) = of_type(run(nlp_en, "en", "The driver was shot on Friday."), "USE")
    assert args(passive) == {}
    (bombed,) = of_type(run(nlp_en, "en", "The depot was bombed on Thursday."), "USE")
    assert args(bombed) == {"location": "The depot"}
    (dropped,) = of_type(run(nlp_en, "en", "Three bombs were dropped near the runway."), "USE")
    assert args(dropped)["item"] == "Three bombs"
    (thrown,) = of_type(run(nlp_en, "en", "Rioters hurled a petrol bomb at the bank."), "USE")
    assert args(thrown)["item"] == "a petrol bomb"
    assert not of_type(run(nlp_en, "en", "The clerk dropped the charges against him."), "USE")
    assert not of_type(run(nlp_en, "en", "The manager was fired on Friday."), "USE")


def test_what_a_firing_noun_is_of_is_its_place(nlp_en) -> None:  # type: ignore[no-untyped-def]
    (bombing,) = of_type(run(nlp_en, "en", "The governor condemned the bombing of the market."), "USE")
    assert args(bombing) == {"location": "the market"}
