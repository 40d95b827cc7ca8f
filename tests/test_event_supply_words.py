"""How news writes supplies and blame: flows and pumping of gas, aid and weapons packages, a supply noun with only
its recipient or route, amounts in units ("cubic metres of gas"), a "that" after a briefing read as a relative,
"blamed X on Y", "for months" as no recipient. Invented sentences."""
from __future__ import annotations

from event_checks import args, of_type, run


def test_flows_and_pumping_of_goods_are_supplies(nlp_en) -> None:  # type: ignore[no-untyped-def]
    (flow,) = of_type(run(nlp_en, "en", "The utility cut the oil flow through the northern pipeline."), "SUPPLY")
    assert args(flow)["item"] == "oil"
    (pumping,) = of_type(run(nlp_en, "en", "The operator halted the pumping of gas last week."), "SUPPLY")
    assert args(pumping)["item"] == "gas"
    assert not of_type(run(nlp_en, "en", "The flow of refugees slowed in May."), "SUPPLY")


def test_aid_and_weapons_packages_are_supplies(nlp_en) -> None:  # type: ignore[no-untyped-def]
    (aid,) = of_type(run(nlp_en, "en", "The senate may vote on a $20 billion aid package for Moldova."), "SUPPLY")
    assert aid.trigger.text == "aid package" and args(aid)["recipient"] == "Moldova"
    (arms,) = of_type(run(nlp_en, "en", "He described the ministry's new weapons package for Moldova."), "SUPPLY")
    assert args(arms) == {"agent": "the ministry's", "recipient": "Moldova"}


def test_a_supply_noun_with_only_its_recipient_or_route(nlp_en, nlp_fr) -> None:  # type: ignore[no-untyped-def]
    (to,) = of_type(run(nlp_en, "en", "Deliveries to Moldova resumed in May."), "SUPPLY")
    assert args(to) == {"recipient": "Moldova"}
    (via,) = of_type(run(nlp_en, "en", "No new shipments via the Baltic port were reported."), "SUPPLY")
    assert args(via) == {"via": "the Baltic port"}
    (fr,) = of_type(run(nlp_fr, "fr", "Les ministres ont parlé des livraisons à la Moldavie."), "SUPPLY")
    assert args(fr) == {"recipient": "la Moldavie"}
    # "for" with no one after it names no recipient
    assert not of_type(run(nlp_en, "en", "The shipments had been an open secret for months."), "SUPPLY")


def test_goods_counted_in_units(nlp_en) -> None:  # type: ignore[no-untyped-def]
    (receive,) = of_type(run(nlp_en, "en", "The utility said it would receive 12 million cubic metres of gas."), "SUPPLY")
    assert args(receive)["recipient"] == "it" and "gas" in args(receive)["item"]


def test_a_that_after_a_briefing_is_no_relative_object(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "Colin Vale said at a weekly briefing that the navy had sent “a number” of its rockets."
    (sent,) = of_type(run(nlp_en, "en", text), "SUPPLY")
    assert "rockets" in args(sent)["item"]


def test_blaming_a_harm_on_someone(nlp_en) -> None:  # type: ignore[no-untyped-def]
    (on,) = of_type(run(nlp_en, "en", "A spokesman blamed fuel shortages on the new tariffs."), "ACCUSE")
    assert args(on) == {"agent": "A spokesman", "target": "the new tariffs", "item": "fuel shortages"}
    (for_,) = of_type(run(nlp_en, "en", "The mayor blamed the rebels for the raid."), "ACCUSE")
    assert args(for_) == {"agent": "The mayor", "target": "the rebels", "item": "the raid"}
