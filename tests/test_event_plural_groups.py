"""A plural pronoun ("they", « ils ») stands for the nearest plural group written before it in its sentence or the
one before (a plural noun for people or a body, a plural demonym) when that group is nearer than any named
organisation: by the group's name when it has one, else for no entity. Invented sentences, hand-made entities."""
from __future__ import annotations

from claimgraph.model import Entity, Span

from event_checks import of_type, run


def _entity(text: str, eid: str, name: str, etype: str) -> Entity:
    at = text.index(name)
    return Entity(id=eid, name=name, type=etype, mentions=[Span.of(text, at, at + len(name))])


def test_they_is_the_officials_just_warned_not_the_body_before(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = ("The Orsket Foreign Ministry named two firms. "
            "Its envoy went to Tarvo to warn Marvo officials that they must not supply drones to the rebels.")
    (supply,) = of_type(run(nlp_en, "en", text, [_entity(text, "e1", "Orsket Foreign Ministry", "ORG")]), "SUPPLY")
    assert supply.arguments["agent"].span.text == "they"
    assert supply.arguments["agent"].entity is None  # before: the Orsket Foreign Ministry


def test_ils_is_the_named_forces_of_the_sentence_before(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = ("Le Front de Tarvo tient la ville. Dans le nord, occupé par les forces de Varsk, les combats continuent.\n"
            "« Ils bombardent tout, tout le temps »")
    entities = [_entity(text, "e1", "Front de Tarvo", "ORG"), _entity(text, "e2", "forces de Varsk", "ORG")]
    (use,) = of_type(run(nlp_fr, "fr", text, entities), "USE")
    assert use.arguments["agent"].entity == "e2"  # before: the Front, the only name of the pronoun's gender


def test_a_named_body_nearer_than_any_group_keeps_they(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "Marvo officials met on Friday. The Tarvo Coast Guard said they fired rockets at the port."
    (use,) = of_type(run(nlp_en, "en", text, [_entity(text, "e1", "Tarvo Coast Guard", "ORG")]), "USE")
    assert use.arguments["agent"].entity == "e1"


def test_ils_stands_for_a_body_whatever_its_nouns_gender(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    text = "Lundi, la garde de Varsk a dit avoir tiré cent obus.\n« Ils bombardent tout, tout le temps »"
    (use,) = [u for u in of_type(run(nlp_fr, "fr", text, [_entity(text, "e1", "garde de Varsk", "ORG")]), "USE")
              if u.trigger.text == "bombardent"]
    assert use.arguments["agent"].entity == "e1"  # before: none (« garde » is feminine, « ils » masculine)
