"""A "strike" carried out is an attack only with a sign of force (a target after on/against, a weapon in the
clause); in labour news it is a work stoppage. An attack or a raid carried out keeps reading as a USE. Invented
sentences."""
from __future__ import annotations

from event_checks import args, of_type, run


def test_a_labour_strike_carried_out_is_no_use(nlp_en) -> None:  # type: ignore[no-untyped-def]
    for text in ("The tram drivers carried out a strike over their wages.",
                 "Harbour workers carried out the strike last week.",
                 "The nurses carried out a strike on Monday.",
                 "The dockers carried out a strike against pay cuts.",
                 "Bus drivers carried out a strike against the new pension law.",
                 "The teachers carried out a strike on the reform of their contracts."):
        assert not of_type(run(nlp_en, "en", text), "USE"), text


def test_a_strike_with_a_target_or_a_weapon_is_a_use(nlp_en) -> None:  # type: ignore[no-untyped-def]
    (use,) = of_type(run(nlp_en, "en", "The Orsket army carried out a strike on the fuel depot."), "USE")
    assert args(use)["agent"] == "The Orsket army"
    (use,) = of_type(run(nlp_en, "en", "The rebels carried out a strike against the convoy."), "USE")
    assert args(use)["agent"] == "The rebels"
    uses = of_type(run(nlp_en, "en", "The navy carried out the strike with two missiles."), "USE")
    assert uses and args(uses[0])["agent"] == "The navy"


def test_an_attack_or_a_raid_carried_out_needs_no_sign(nlp_en) -> None:  # type: ignore[no-untyped-def]
    (use,) = of_type(run(nlp_en, "en", "The militia carried out the raid last week."), "USE")
    assert args(use)["agent"] == "The militia"
    (use,) = of_type(run(nlp_en, "en", "Harbour workers carried out the attack last week."), "USE")
    assert args(use)["agent"] == "Harbour workers"


def test_the_strike_after_a_firing_is_that_firing(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "A market in Tarvo was shelled on Friday. The Orsket army denied it carried out the strike."
    uses = of_type(run(nlp_en, "en", text), "USE")
    assert [args(u) for u in uses if u.trigger.text == "strike"] == [{"agent": "it"}]
    text = "A market in Tarvo was closed on Friday. Its traders said they carried out the strike."
    assert not of_type(run(nlp_en, "en", text), "USE")
