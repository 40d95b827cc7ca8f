"""How wires and rewrites tell attacks and inquiries (issue 12, end to end): an attack noun that names its
weapon is a USE, a headline drops its articles, an inquiry over an open question reports it as open,
and a report embedded in a postposed incise keeps its outer record. Invented sentences."""
from __future__ import annotations

from typing import Any

import pytest
from attribution_checks import only_record
from event_checks import args, of_type, run


@pytest.fixture(scope="module")
def analyse(analyzer):  # type: ignore[no-untyped-def]
    def read(text: str, lang: str = "en") -> list[dict[str, Any]]:
        return [a.to_dict() for a in analyzer.analyze_text(text, lang=lang).attributions]
    return read


@pytest.mark.parametrize("text,trigger,expected", [
    ("Rebels staged a rocket attack on the airport last week.", "rocket attack", {"location": "the airport"}),
    ("A petrol bomb attack on a grocery shop wounded two clerks.", "petrol bomb attack", {"location": "a grocery shop"}),
    ("The bombing raids by the air force destroyed a school.", "bombing raids", {"agent": "the air force"}),
])
def test_an_attack_noun_naming_its_weapon_is_a_use(nlp_en, text: str, trigger: str,  # type: ignore[no-untyped-def]
                                                   expected: dict[str, str]) -> None:
    (use,) = of_type(run(nlp_en, "en", text), "USE")
    assert use.trigger.text == trigger
    assert args(use) == expected  # the weapon is the trigger's own word, not an item beside it


def test_an_attack_with_no_weapon_or_no_participant_is_none(nlp_en) -> None:  # type: ignore[no-untyped-def]
    assert not of_type(run(nlp_en, "en", "The senator launched a verbal attack on the mayor."), "USE")
    assert not of_type(run(nlp_en, "en", "Dockers joined a general strike on Monday."), "USE")
    # attacks in general: no one attack the text points at
    assert not of_type(run(nlp_en, "en", "Watchmen there have faced petrol bomb attacks for years."), "USE")


def test_one_attack_named_by_its_weapon_is_a_use_with_no_role(nlp_en) -> None:  # type: ignore[no-untyped-def]
    # the weapon in its name is its participant (ANNOTATION 2.1, name modifier); the stories gold marks
    # "in a petrol bomb attack" / "in the fire-bomb attack" as USE with no argument (extract/event/firing.py)
    (use,) = of_type(run(nlp_en, "en", "A watchman was hurt in a petrol bomb attack."), "USE")
    assert args(use) == {}


def test_a_weapon_hurled_after_its_noun_is_a_use(nlp_en, nlp_fr) -> None:  # type: ignore[no-untyped-def]
    (use,) = of_type(run(nlp_en, "en", "A petrol bomb hurled at a branch of the bank killed two clerks."), "USE")
    assert args(use) == {"item": "A petrol bomb", "location": "a branch of the bank"}
    (tir,) = of_type(run(nlp_fr, "fr", "Des obus tirés sur la ville ont tué trois civils."), "USE")
    assert args(tir) == {"item": "Des obus", "location": "la ville"}
    assert not of_type(run(nlp_fr, "fr", "Les bombes utilisées en Ukraine venaient d'Iran."), "USE")  # a description


def test_a_headline_drops_its_articles(nlp_en) -> None:  # type: ignore[no-untyped-def]
    (use,) = of_type(run(nlp_en, "en", "Charity deplores air attack on field hospital in frontier district"), "USE")
    assert args(use) == {"location": "field hospital in frontier district"}
    (sale,) = of_type(run(nlp_en, "en", "Shipyard sold patrol boats to militia, customs files show"), "SUPPLY")
    assert args(sale) == {"agent": "Shipyard", "recipient": "militia", "item": "patrol boats"}  # ANNOTATION 1.4
    # in a body sentence a bare singular noun is still no participant
    assert not of_type(run(nlp_en, "en", "They condemned the air attack on principle."), "USE")


@pytest.mark.parametrize("text,source,content", [
    ("Inspectors are now trying to establish whether the ministry knew about the sales.", "Inspectors",
     "the ministry knew about the sales"),
    ("Auditors are examining whether the yard broke the embargo.", "Auditors", "the yard broke the embargo"),
    ("Reporters asked whether the navy had received the boats.", "Reporters", "the navy had received the boats"),
])
def test_an_inquiry_reports_an_open_question(analyse, text: str, source: str, content: str) -> None:  # type: ignore[no-untyped-def]
    record = only_record(analyse(text), content)
    assert (record["source"]["text"], record["content"]["text"], record["certainty"]) == (source, content, "underspecified")


def test_an_inquiry_verb_before_that_reports_nothing(analyse) -> None:  # type: ignore[no-untyped-def]
    assert not analyse("The inquiry established that the firm sold rifles to the militia.")


def test_french_open_questions_leave_out_their_mark(analyse) -> None:  # type: ignore[no-untyped-def]
    record = only_record(analyse("Des analystes se demandent si les douanes étaient informées de ces ventes.", "fr"),
                         "douanes")
    assert record["content"]["text"] == "les douanes étaient informées de ces ventes"
    assert record["certainty"] == "underspecified"


def test_an_inquiry_inside_a_postposed_incise_keeps_both_records(analyse) -> None:  # type: ignore[no-untyped-def]
    text = "Inspectors are trying to establish whether the ministry knew about the sales, one of the officials said."
    atts = analyse(text)
    outer = only_record(atts, "Inspectors are trying")
    assert (outer["source"]["text"], outer["certainty"]) == ("one of the officials", "certain")
    inner = [a for a in atts if a["content"]["text"] == "the ministry knew about the sales"]
    assert [a["certainty"] for a in inner] == ["underspecified"]


def test_a_nationality_agent_is_the_adjective_alone(nlp_fr) -> None:  # type: ignore[no-untyped-def]
    (use,) = of_type(run(nlp_fr, "fr", "Quatre civils ont péri, victimes de frappes russes sur la gare."), "USE")
    assert args(use)["agent"] == "russes"


@pytest.mark.parametrize("lang,text,agent,item,trigger", [
    ("en", "The harbour master said the reports were false.", "The harbour master", "the reports", "false"),
    ("en", "\"This information is completely baseless,\" he said.", "he", "This information", "baseless"),
    ("fr", "Le ministre a affirmé que ces informations étaient fausses.", "Le ministre", "ces informations", "fausses"),
])
def test_calling_a_claim_false_in_a_predicate_is_a_denial(nlp_en, nlp_fr, lang: str, text: str, agent: str,  # type: ignore[no-untyped-def]
                                                          item: str, trigger: str) -> None:
    (deny,) = of_type(run(nlp_en if lang == "en" else nlp_fr, lang, text), "DENY")
    assert (deny.trigger.text, args(deny), deny.polarity) == (trigger, {"agent": agent, "item": item}, "positive")


def test_a_false_word_said_of_no_claim_is_no_denial(nlp_en) -> None:  # type: ignore[no-untyped-def]
    assert not of_type(run(nlp_en, "en", "The minister said the weather forecast was false."), "DENY")


def test_reported_injured_is_an_agentless_report(analyse) -> None:  # type: ignore[no-untyped-def]
    record = only_record(analyse("Dozens have been reported injured in the flood."), "Dozens")
    assert (record["source"]["text"], record["source"]["type"], record["certainty"]) == \
        ("have been reported", "unspecified", "probable")
    assert not analyse("The theft was reported to police on Monday.")


def test_the_accused_does_the_act_a_noun_names(nlp_en) -> None:  # type: ignore[no-untyped-def]
    events = run(nlp_en, "en", "Kenya accuses Uganda of air strike on border village")
    (use,) = of_type(events, "USE")
    assert args(use)["agent"] == "Uganda"
    (accuse,) = of_type(events, "ACCUSE")
    assert args(accuse)["target"] == "Uganda"
