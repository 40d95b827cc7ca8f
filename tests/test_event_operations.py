"""How journalists write an attack and its denial (issue 12, end to end): an attack "carried out" is a USE by
whoever carries it out (the accused, when someone is accused of carrying it out), and a claim called false inside
a quote whose speech verb comes later is the speaker's DENY. Invented sentences, hand-made entities and
attributions."""
from __future__ import annotations

from claimgraph.model import Attribution, Entity, Source, Span

from event_checks import args, of_type, run


def _entity(text: str, eid: str, name: str, etype: str) -> Entity:
    at = text.index(name)
    return Entity(id=eid, name=name, type=etype, mentions=[Span.of(text, at, at + len(name))])


def test_an_attack_carried_out_is_a_use_by_who_carries_it_out(nlp_en) -> None:  # type: ignore[no-untyped-def]
    (use,) = of_type(run(nlp_en, "en", "The Orsket army denied it carried out the raid."), "USE")
    assert args(use) == {"agent": "it"} and use.polarity == "negative"
    (use,) = of_type(run(nlp_en, "en", "Witnesses believe the raids were carried out by the army's bombers."), "USE")
    assert args(use) == {"agent": "the army's bombers"}


def test_the_accused_carries_out_the_attack(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "The governor accused Orsket of carrying out the attack."
    (use,) = of_type(run(nlp_en, "en", text, [_entity(text, "e1", "Orsket", "GPE")]), "USE")
    assert args(use) == {"agent": "Orsket"} and use.arguments["agent"].entity == "e1"


def test_an_attack_that_is_words_is_no_use(nlp_en) -> None:  # type: ignore[no-untyped-def]
    assert not of_type(run(nlp_en, "en", "The senator carried out a verbal attack on the minister."), "USE")
    assert not of_type(run(nlp_en, "en", "The senator attacked the minister."), "USE")


def test_a_claim_called_false_in_a_quote_is_the_speakers_denial(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = '"That report is wholly false. We fired at no village," the spokesman told reporters.'
    content = "That report is wholly false. We fired at no village,"
    s, c = text.index("the spokesman"), text.index(content)
    quote = Attribution(id="a1", source=Source(Span.of(text, s, s + len("the spokesman")), "anonymous_person"),
                        cue=None, content=Span.of(text, c, c + len(content)), kind="direct")
    (deny,) = of_type(run(nlp_en, "en", text, [], [quote]), "DENY")
    assert args(deny) == {"agent": "the spokesman", "item": "That report"}
    assert not of_type(run(nlp_en, "en", text), "DENY")  # no quote, no speaker: no DENY of no one
