"""Title-Case headlines parsed again in sentence case (nlp/headline_case.py), firing verbs of headlines
read as nouns (lang/en/parsing.yaml), and firing nouns whose only participant fills no USE role."""
from __future__ import annotations

from claimgraph.lang import get_rules
from claimgraph.nlp.components import parsed_alone
from claimgraph.nlp.headline_case import headline_steps
from claimgraph.nlp.stand_ins import load_parsing_hints

TITLE_CASE = ("Army Bombs Crowded Market In Tarvik Province\n"
              "Witnesses in Tarvik said an army jet bombed the market on Monday. Officials in Tarvik gave no toll.\n")


def _uses(analyzer, text: str):  # type: ignore[no-untyped-def]
    return [e for e in analyzer.analyze_text(text, lang="en").events if e.type == "USE"]


def test_a_title_case_headline_gets_its_verb(analyzer) -> None:  # type: ignore[no-untyped-def]
    uses = _uses(analyzer, TITLE_CASE)
    headline = [e for e in uses if e.trigger.text == "Bombs"]
    assert headline, [e.trigger.text for e in uses]
    assert headline[0].arguments["agent"].span.text == "Army"
    assert "Market" in headline[0].arguments["location"].span.text


def test_names_stay_names_and_text_is_unchanged(nlp_en) -> None:  # type: ignore[no-untyped-def]
    before = nlp_en(TITLE_CASE)
    doc = parsed_alone(nlp_en, headline_steps(before, load_parsing_hints(get_rules("en"))))
    assert doc.text == before.text and [t.idx for t in doc] == [t.idx for t in before]
    tarvik = next(t for t in doc if t.text == "Tarvik")
    assert tarvik.pos_ == "PROPN"
    bombs = next(t for t in doc if t.text == "Bombs")
    assert bombs.pos_ == "VERB" and bombs.lemma_ == "bomb"
    # no name the recogniser made of the headline runs across a word the body writes in lower case
    assert not [e.text for e in doc.ents if e.start < 8 and ("Bombs" in e.text or "Market" in e.text)]


def test_a_sentence_case_headline_is_not_parsed_again(nlp_en) -> None:  # type: ignore[no-untyped-def]
    before = nlp_en("Army bombs crowded market in Tarvik province\nWitnesses said a jet bombed the market.\n")
    assert parsed_alone(nlp_en, headline_steps(before, load_parsing_hints(get_rules("en")))) is before


def test_a_headline_firing_verb_read_as_a_noun(analyzer) -> None:  # type: ignore[no-untyped-def]
    uses = _uses(analyzer, "Drone bombs army convoy near Tarvik\nThe convoy burned for hours.\n")
    assert [e.trigger.text for e in uses] == ["bombs"]
    assert uses[0].arguments["agent"].span.text == "Drone"


def test_a_firing_noun_with_its_weapon_or_its_victim(analyzer) -> None:  # type: ignore[no-untyped-def]
    (attack,) = _uses(analyzer, "Two guards died in the petrol bomb attack.")
    assert attack.trigger.text.endswith("bomb attack") and attack.arguments == {}
    shot = _uses(analyzer, "The fatal shooting of David Miller sparked two nights of protests.")
    assert [(e.trigger.text, e.arguments) for e in shot] == [("shooting", {})]


def test_a_bare_firing_noun_or_attack_is_no_event(analyzer) -> None:  # type: ignore[no-untyped-def]
    assert _uses(analyzer, "The shootings angered residents.") == []
    assert _uses(analyzer, "Two guards died in the attack.") == []
    assert _uses(analyzer, "The general strike closed the port.") == []
    # attacks in general, not one attack the text points at
    assert _uses(analyzer, "Villagers have endured mortar attacks for weeks.") == []
