"""Event classes of real news, second part (ANNOTATION.md section 2): noun triggers with their
participants on a participle, nationality adjectives as participants, weapons that hit, role nouns,
multi-word triggers with an adverb inside, capabilities that are no use. Invented sentences."""
from __future__ import annotations

from claimgraph.model import Entity, Event, Span

from event_checks import args, of_type, run as extract


def run(nlp, lang: str, text: str, names: tuple[str, ...] = ()) -> list[Event]:  # type: ignore[no-untyped-def]
    entities = [Entity(f"e{n}", name, "ORG", mentions=[Span(text.index(name), text.index(name) + len(name), name)])
                for n, name in enumerate(names, start=1)]
    return extract(nlp, lang, text, entities)


def test_a_participle_after_a_sanction_noun_carries_its_participants(nlp_fr, nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "Le porte-parole a estimé que la baisse venait des sanctions occidentales décidées contre la Birmanie."
    (sanction,) = of_type(run(nlp_fr, "fr", text), "SANCTION")
    assert args(sanction) == {"agent": "occidentales", "target": "la Birmanie"}  # not « la baisse »
    (embargo,) = of_type(run(nlp_fr, "fr", "Le pays refuse tout embargo sur le pétrole birman."), "SANCTION")
    assert args(embargo)["target"] == "le pétrole birman"
    (adopted,) = of_type(run(nlp_en, "en", "Repairs are slowed by the sanctions adopted by Canada."), "SANCTION")
    assert args(adopted) == {"agent": "Canada"}


def test_a_prepositional_phrase_is_no_modifier_agent(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    (sanction,) = of_type(run(nlp_fr, "fr", "Sanctions contre la Birmanie : le député est prêt à céder."), "SANCTION")
    assert args(sanction) == {"target": "la Birmanie"}


def test_a_french_nationality_adjective_after_a_firing_noun_is_its_agent(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    (strike,) = of_type(run(nlp_fr, "fr", "Trois soldats ont été tués dans des frappes turques sur la ville portuaire."), "USE")
    assert args(strike) == {"agent": "turques", "location": "la ville portuaire"}


def test_a_weapon_that_hits_is_a_use(nlp_fr, nlp_en) -> None:  # type: ignore[no-untyped-def]
    (use,) = of_type(run(nlp_fr, "fr", "Trois roquettes ont visé le dépôt samedi."), "USE")
    assert args(use) == {"item": "Trois roquettes", "location": "le dépôt"}
    (hit,) = of_type(run(nlp_en, "en", "Two drones hit the refinery on Friday."), "USE")
    assert args(hit) == {"item": "Two drones", "location": "the refinery"}
    # measures that hit are still sanctions
    (measure,) = of_type(run(nlp_en, "en", "The new British measures target three shipyards."), "SANCTION")
    assert args(measure)["target"] == "three shipyards"


def test_a_capability_is_no_use_but_a_hedged_use_is(nlp_en) -> None:  # type: ignore[no-untyped-def]
    assert not of_type(run(nlp_en, "en", "The rockets can also target coastal radars."), "USE")
    (use,) = of_type(run(nlp_en, "en", "The militia may have used incendiary weapons."), "USE")
    assert use.certainty == "possible"


def test_a_noun_that_is_the_item_of_a_verb_trigger_is_no_second_event(nlp_en) -> None:  # type: ignore[no-untyped-def]
    (use,) = of_type(run(nlp_en, "en", "The army launched airstrikes on the harbour on Sunday."), "USE")
    assert args(use) == {"agent": "The army", "item": "airstrikes", "location": "the harbour"}


def test_an_adverb_inside_a_multiword_trigger(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Le rapport met également en cause les services de douane."
    (accuse,) = of_type(run(nlp_fr, "fr", text), "ACCUSE")
    assert accuse.trigger is not None and accuse.trigger.text == "met également en cause"
    assert args(accuse)["target"] == "les services de douane"


def test_role_nouns_before_a_name_and_after_a_copula(nlp_en) -> None:  # type: ignore[no-untyped-def]
    (owner,) = of_type(run(nlp_en, "en", "Contoso owner Martin Hale visited the site.", ("Contoso",)),
                       "OWNERSHIP")
    assert args(owner) == {"owner": "Martin Hale", "owned": "Contoso"}
    (gift,) = of_type(run(nlp_en, "en", "The college was a recipient of donated paintings."), "SUPPLY")
    assert args(gift)["recipient"] == "The college"


def test_a_lone_giver_for_a_noun_not_for_a_verb(nlp_en) -> None:  # type: ignore[no-untyped-def]
    (gift,) = of_type(run(nlp_en, "en", "The curator hopes for further donations from the foundation."), "SUPPLY")
    assert args(gift) == {"agent": "the foundation"}
    assert not of_type(run(nlp_en, "en", "The trust, which donated generously, thanked them."), "SUPPLY")


def test_the_maker_of_a_developed_item_is_its_possessor(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "With development of Contoso's new browser almost complete, users were told to upgrade."
    (develop,) = of_type(run(nlp_en, "en", text), "DEVELOP")
    assert args(develop)["agent"] == "Contoso's"
    assert args(develop)["item"].startswith("new browser")


def test_a_target_keeps_its_restrictive_participle(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "The Treasury imposed sanctions on dozens of firms and people tied to the missile programme."
    (sanction,) = of_type(run(nlp_en, "en", text), "SANCTION")
    assert args(sanction)["target"] == "dozens of firms and people tied to the missile programme"


def test_an_amount_is_no_place_and_a_thing_no_imposer(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Le plan réduit la part du charbon dans la production de ciment de 60 % à 40 %."
    for event in run(nlp_fr, "fr", text):
        assert "%" not in args(event).get("location", "")


def test_a_production_or_sale_noun_with_no_one_and_no_goods_is_generic(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Le plan vise la baisse de la part du fioul dans la production d'électricité à l'horizon 2030."
    assert not of_type(run(nlp_fr, "fr", text), "PRODUCE")
    text = "La baisse s'explique par un secteur qui se distingue par la vente de vélos bon marché."
    assert not of_type(run(nlp_fr, "fr", text), "SUPPLY")  # « qui » stands for the sector, no seller
    (drones,) = of_type(run(nlp_fr, "fr", "La production de drones a doublé."), "PRODUCE")
    assert args(drones) == {"item": "drones"}
