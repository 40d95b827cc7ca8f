"""Who a pronoun acting in an event stands for, as journalists write (issue 12, end to end): "they" is many (a
body or a group, never one named person, never the outlet that reports the act), "we" in a quote is the
speaker's side; a weapon written in the trigger is no actor however the recogniser typed it. Invented sentences,
hand-made entities and attributions."""
from __future__ import annotations

from claimgraph.model import Attribution, Entity, Source, Span

from event_checks import args, of_type, run


def _entity(text: str, eid: str, name: str, etype: str, *occurrences: int) -> Entity:
    starts, at = [], -1
    for _ in range(max(occurrences, default=1)):
        at = text.index(name, at + 1)
        starts.append(at)
    picked = [starts[i - 1] for i in occurrences] if occurrences else starts[:1]
    return Entity(id=eid, name=name, type=etype, mentions=[Span.of(text, s, s + len(name)) for s in picked])


def _said(text: str, source: str, entity: str, content: str, kind: str = "organization") -> Attribution:
    s, c = text.index(source), text.index(content)
    return Attribution(id="a1", source=Source(Span.of(text, s, s + len(source)), kind, entity), cue=None,
                       content=Span.of(text, c, c + len(content)), kind="direct")


def test_they_is_never_one_named_person(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "Wardens said Lem Varo aimed a rifle at Ranger Ana Rudd and Deputy Ben Kolt before they opened fire."
    people = [_entity(text, f"e{i}", n, "PERSON") for i, n in enumerate(["Lem Varo", "Ana Rudd", "Ben Kolt"], 1)]
    (use,) = of_type(run(nlp_en, "en", text, people), "USE")
    assert args(use) == {"agent": "they"}
    assert use.arguments["agent"].entity is None  # before: Ben Kolt, the name written last
    # "he" still stands for the person
    text = "Police said officers approached Lem Varo before he opened fire."
    (use,) = of_type(run(nlp_en, "en", text, [_entity(text, "e1", "Lem Varo", "PERSON")]), "USE")
    assert use.arguments["agent"].entity == "e1"


def test_they_is_never_the_outlet_that_reports(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "The Marvo Coast Guard patrols the bay. Reuters reported the clash. They fired rockets at the port."
    entities = [_entity(text, "e1", "Marvo Coast Guard", "ORG"), _entity(text, "e2", "Reuters", "ORG")]
    (use,) = of_type(run(nlp_en, "en", text, entities), "USE")
    assert use.arguments["agent"].entity == "e1"  # before: Reuters


def test_a_group_whose_name_holds_an_outlets_is_no_outlet(nlp_en) -> None:  # type: ignore[no-untyped-def]
    for name in ("Independent Marvo Front", "Vox Brigade"):
        text = f"The {name} patrols the bay. They fired rockets at the port."
        (use,) = of_type(run(nlp_en, "en", text, [_entity(text, "e1", name, "ORG")]), "USE")
        assert use.arguments["agent"].entity == "e1", name
    text = "The Marvo Coast Guard patrols the bay. The Independent reported the clash. They fired rockets at the port."
    entities = [_entity(text, "e1", "Marvo Coast Guard", "ORG"), _entity(text, "e2", "The Independent", "ORG")]
    (use,) = of_type(run(nlp_en, "en", text, entities), "USE")
    assert use.arguments["agent"].entity == "e1", "an outlet named whole, with its 'The'"


def test_we_in_a_quote_is_the_speakers_side(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = ('The Orsket Army moved north. Marvo Defence Forces spokesman Tal Omri said: '
            '"We did not fire rockets at any village."')
    content = "We did not fire rockets at any village."
    entities = [_entity(text, "e1", "Orsket Army", "ORG"), _entity(text, "e2", "Marvo Defence Forces", "ORG"),
                _entity(text, "e3", "Tal Omri", "PERSON")]
    said = _said(text, "Marvo Defence Forces spokesman Tal Omri", "e3", content, "named_person")
    (use,) = of_type(run(nlp_en, "en", text, entities, [said]), "USE")
    assert args(use)["agent"] == "We" and use.arguments["agent"].entity == "e2"
    # a speaker with no body in their title: "we" stays unresolved, not the organisation named last
    text = 'The Orsket Army moved north. Tal Omri said: "We did not fire rockets at any village."'
    entities = [_entity(text, "e1", "Orsket Army", "ORG"), _entity(text, "e3", "Tal Omri", "PERSON")]
    said = _said(text, "Tal Omri", "e3", content, "named_person")
    (use,) = of_type(run(nlp_en, "en", text, entities, [said]), "USE")
    assert use.arguments["agent"].entity is None


def test_a_weapon_in_the_trigger_is_no_agent(nlp_en) -> None:  # type: ignore[no-untyped-def]
    text = "Two clerks were hurt when a FIRE-BOMB attack on the Varna bakery began."
    (use,) = of_type(run(nlp_en, "en", text, [_entity(text, "e1", "FIRE-BOMB", "ORG")]), "USE")
    assert args(use) == {"location": "the Varna bakery"}
