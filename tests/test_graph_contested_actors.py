"""Who acts where the story disputes it: a quoted voice's act with no actor keeps none unless its own words name one;
two places of one country are two acts; protesters are one party; capitals act for their state; an act is its
subject's ("the marchers were unarmed" is no answer to "he was armed")."""
from __future__ import annotations

from pathlib import Path

from claimgraph.graph import claim_mentions
from claimgraph.graph.actors import distinct_places
from claimgraph.graph.keys import entity_key, unnamed_group
from claimgraph.graph.statement_subjects import subject_group

from graph_docs import Doc, claims_of, store_with


def _raid(contested: bool, voice_names_state: bool = False) -> Doc:
    """An outlet's lead says Peru shelled a border settlement; relief staff say shells fell; Peru denies it (or
    nobody does). Invented events and places; real states, since states key by their country."""
    said = "Peru's artillery fired three shells" if voice_names_state else "three shells were fired"
    denial = " Lima denied shelling the settlement." if contested else ""
    text = (f"Peru shelled a border settlement in Bolivia on Friday. Relief staff said {said}. "
            f"Afterwards, shelling was recorded in another province of Bolivia.{denial}")
    d = Doc("r1", text, "en", "2025-03-03", "Outlet r1")
    d.entity("e1", "Peru", "GPE", "Peru shelled")
    d.event("v1", "USE", "shelled", agent=("Peru", "e1"), location=("a border settlement in Bolivia", None))
    d.attribution("a1", "Relief staff", "anonymous_person", said)
    d.event("v2", "USE", "fired", attribution="a1", item=("three shells", None))
    d.attribution("a2", "recorded", "unspecified", "shelling was recorded in another province of Bolivia")
    d.event("v3", "USE", "shelling", attribution="a2", location=("another province of Bolivia", None))
    if contested:
        d.entity("e2", "Peru", "GPE", "Lima")
        d.event("v4", "DENY", "denied", agent=("Lima", "e2"), item=("shelling the settlement", None))
    return d


def _agents(d: Doc) -> dict[str, str]:
    return {m.record_id: m.arguments.get("agent", "-") for m in claim_mentions(d.analysis) if m.type == "USE"}


def test_a_voice_keeps_its_act_without_actor_where_the_article_disputes_who() -> None:
    assert _agents(_raid(contested=False))["v2"] == "state:PE", "undisputed: the lead says who"
    agents = _agents(_raid(contested=True))
    assert agents["v2"] == "-", "disputed: the relief staff named no one"
    assert agents["v1"] == "state:PE"


def test_a_voice_that_names_the_state_takes_it() -> None:
    assert _agents(_raid(contested=True, voice_names_state=True))["v2"] == "state:PE"


def test_another_place_of_the_same_country_is_another_act() -> None:
    assert distinct_places("another province of Bolivia", "a border settlement in Bolivia")
    assert distinct_places("Marvo in Upper Tellan province", "the Orsket settlement")
    assert not distinct_places("the Orsket border settlement", "a border settlement in Bolivia")
    assert not distinct_places("Bolivia", "a border settlement in Bolivia"), "a country alone says no place"
    assert _agents(_raid(contested=True))["v3"] == "-", "the lead's settlement is not the other province"


def test_protesters_are_one_party_whatever_they_are_called() -> None:
    assert unnamed_group("Greeks protesting against the new taxes")[0] == "grp:*:protester"
    assert unnamed_group("Greek demonstrators")[0] == "grp:*:protester"
    assert unnamed_group("Greek police")[0] == "state:GR", "a nation's police are its state"


def test_a_capital_the_territory_table_reads_as_a_city_acts_for_its_state() -> None:
    assert entity_key("Moscow", "GPE") == "state:RU"
    assert entity_key("Kyiv", "GPE") == "state:UA"
    assert entity_key("Khartoum", "GPE") == "state:SD"
    assert entity_key("Moscow", "LOC") == "ent:moscow", "a place, not an actor"
    assert entity_key("Washington", "PERSON") == "ent:washington", "a person named like a capital is no state"
    assert entity_key("Washington", "GPE") == "state:US"


def test_an_act_is_its_subjects() -> None:
    assert subject_group("the marchers at the gate were unarmed") == "grp:*:protester"
    assert subject_group("officers had no guns drawn") == "grp:*:police"
    assert subject_group("police allegations that he pointed a gun") is None, "police is no subject there"
    assert subject_group("the police said he had a gun") is None, "a speaker is no subject of the act"
    assert subject_group("a courier shot by cops did not carry a weapon") is None


def _told(doc_id: str, date: str, source: str, content: str, polarity: str = "positive") -> object:
    d = Doc(doc_id, f"{source} said {content}.", "en", date, f"Outlet {doc_id}")
    d.attribution("a1", source, "organization", content, polarity=polarity)
    return d.analysis


def test_an_unarmed_group_is_no_denial_of_an_armed_man(tmp_path: Path) -> None:
    armed = _told("s1", "2025-07-01", "The district command", "the driver was armed with a pistol when stopped")
    unarmed = _told("s2", "2025-07-02", "Organisers", "the marchers were unarmed throughout the evening")
    claims = [c for c in claims_of(store_with(tmp_path, [armed, unarmed], "subject.db")).values()
              if c.type == "STATEMENT"]
    assert len(claims) == 2
    assert not any(c.denied_by for c in claims)


def test_a_states_denial_of_an_act_naming_no_one_denies_its_own() -> None:
    text = ("Peru shelled a hamlet, rebels said. "
            "The ministry said the government of Peru denied any shelling in Bolivia.")
    d = Doc("d1", text, "en", "2025-03-04", "Outlet d1")
    d.entity("e0", "Peru", "GPE", "Peru shelled")
    d.event("v0", "USE", "shelled", agent=("Peru", "e0"))
    d.entity("e1", "Government of Peru", "ORG", "the government of Peru")
    d.attribution("a1", "the government of Peru", "organization", "any shelling in Bolivia", entity="e1",
                  polarity="negative")
    d.event("v1", "USE", "shelling", attribution="a1", polarity="negative", location=("Bolivia", None))
    assert _agents(d)["v1"] == "state:PE"
