"""Event classes of real news (ANNOTATION.md section 2): knowledge disclaimers and rebuttals as
DENY, sanctions by one participant or by their measures, named conjuncts, USE of weapons only,
verbs of giving said of ideas. Invented sentences; entities built by hand as in test_events."""
from __future__ import annotations

from claimgraph.model import Entity, Event, Span

from event_checks import args, of_type, run


def entity(eid: str, name: str, etype: str, text: str, surface: str) -> Entity:
    start = text.index(surface)
    return Entity(eid, name, etype, mentions=[Span(start, start + len(surface), surface)])


def test_english_knowledge_disclaimer_is_a_deny_and_leaves_the_sale_open(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "The shipyard said it was not aware of any sale of hulls to the navy."
    events = run(nlp_en, "en", text, [])
    (deny,) = of_type(events, "DENY")
    assert deny.trigger is not None and deny.trigger.text == "not aware"
    assert deny.polarity == "positive"
    assert args(deny)["item"].startswith("any sale of hulls")
    (sale,) = of_type(events, "SUPPLY")
    assert (sale.certainty, sale.polarity) == ("underspecified", "positive")


def test_french_knowledge_disclaimer(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "L'armateur a dit ne pas avoir connaissance de cette vente de coques."
    (deny,) = of_type(run(nlp_fr, "fr", text, []), "DENY")
    assert deny.trigger is not None and deny.trigger.text == "ne pas avoir connaissance"
    assert args(deny) == {"agent": "L'armateur", "item": "cette vente de coques"}


def test_calling_a_report_groundless_is_a_deny(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "The ministry called the reports groundless."
    (deny,) = of_type(run(nlp_en, "en", text, []), "DENY")
    assert args(deny) == {"agent": "The ministry", "item": "the reports"}


def test_named_conjuncts_give_one_sanction_each(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "The Treasury sanctioned Orlan Components and Teskar Avionics."
    entities = [entity("e1", "US Department of the Treasury", "ORG", text, "Treasury"),
                entity("e2", "Orlan Components", "ORG", text, "Orlan Components"),
                entity("e3", "Teskar Avionics", "ORG", text, "Teskar Avionics")]
    sanctions = of_type(run(nlp_en, "en", text, entities), "SANCTION")
    assert sorted(args(e)["target"] for e in sanctions) == ["Orlan Components", "Teskar Avionics"]
    assert {e.arguments["agent"].entity for e in sanctions} == {"e1"}


def test_a_sanction_with_its_imposer_alone_and_measures_that_target(nlp_en) -> None:  # type: ignore[no-untyped-def]
    alone = of_type(run(nlp_en, "en", "The yard has struggled under Western sanctions.", []), "SANCTION")
    assert [args(e) for e in alone] == [{"agent": "Western"}]
    (measure,) = of_type(run(nlp_en, "en", "The new British measures target three shipyards.", []), "SANCTION")
    assert args(measure) == {"agent": "British", "target": "three shipyards"}


def test_a_trade_ban_is_a_sanction_a_ban_on_a_practice_is_not(nlp_en) -> None:  # type: ignore[no-untyped-def]
    assert of_type(run(nlp_en, "en", "The government banned grain imports from the region.", []), "SANCTION")
    assert not of_type(run(nlp_en, "en", "The council banned smoking in the stadium.", []), "SANCTION")


def test_use_is_weapons_in_an_operation(nlp_en, nlp_fr) -> None:  # type: ignore[no-untyped-def]
    (use,) = of_type(run(nlp_en, "en", "The rebels used drones against the port.", []), "USE")
    assert args(use)["item"] == "drones"
    assert not of_type(run(nlp_en, "en", "The agency used a new website to reach voters.", []), "USE")
    assert not of_type(run(nlp_en, "en", "The navy deployed a warship for the rescue.", []), "USE")
    assert not of_type(run(nlp_fr, "fr", "Le régiment a tiré des conséquences de cet échec.", []), "USE")


def test_giving_an_idea_is_no_supply(nlp_en) -> None:  # type: ignore[no-untyped-def]
    assert not of_type(run(nlp_en, "en", "The new hall provides outstanding access to visitors.", []), "SUPPLY")
    (arms,) = of_type(run(nlp_en, "en", "The firm provided rifles to the militia.", []), "SUPPLY")
    assert args(arms)["item"] == "rifles"


def test_a_noun_before_the_trigger_is_its_item(nlp_en) -> None:  # type: ignore[no-untyped-def]
    (delivery,) = of_type(run(nlp_en, "en", "Its drone deliveries to the militia resumed in March.", []), "SUPPLY")
    assert args(delivery) == {"agent": "Its", "recipient": "the militia", "item": "drone"}


def test_a_trade_noun_under_a_control_word_is_a_policy_not_a_supply(nlp_en) -> None:  # type: ignore[no-untyped-def]
    country = "The ministry said Norland controls exports of marine engines under its laws."
    assert of_type(run(nlp_en, "en", country, [entity("e1", "Norland", "GPE", country, "Norland")]), "SUPPLY") == []
    rules = "Norland applies strict controls on the export of marine engines."
    assert of_type(run(nlp_en, "en", rules, [entity("e1", "Norland", "GPE", rules, "Norland")]), "SUPPLY") == []
    # the same noun reporting a happening is still a supply
    shipped = "Norland approved the export of marine engines to Sudmark in May."
    ents = [entity("e1", "Norland", "GPE", shipped, "Norland"), entity("e2", "Sudmark", "GPE", shipped, "Sudmark")]
    assert len(of_type(run(nlp_en, "en", shipped, ents), "SUPPLY")) == 1


def test_french_control_of_exports_is_a_policy(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Le ministère affirme que la Norlande contrôle strictement ses exportations de moteurs marins."
    ents = [entity("e1", "Norlande", "GPE", text, "Norlande")]
    assert of_type(run(nlp_fr, "fr", text, ents), "SUPPLY") == []
    shipped = "La Norlande a annoncé la livraison de moteurs marins à la Sudmarkie."
    ents = [entity("e1", "Norlande", "GPE", shipped, "Norlande"), entity("e2", "Sudmarkie", "GPE", shipped, "Sudmarkie")]
    assert len(of_type(run(nlp_fr, "fr", shipped, ents), "SUPPLY")) == 1
