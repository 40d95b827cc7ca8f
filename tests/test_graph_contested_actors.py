"""Who acts where the story disputes it: a quoted voice's act with no actor keeps none unless its own words name one;
two places of one country are two acts; protesters are one party; capitals act for their state; an act is its
subject's ("the marchers were unarmed" is no answer to "he was armed")."""
from __future__ import annotations

from pathlib import Path

from claimgraph.graph import claim_mentions
from claimgraph.graph.actors import distinct_places
from claimgraph.graph.keys import entity_key, unnamed_group
from claimgraph.graph.propositions import subject_group

from graph_docs import Doc, claims_of, store_with


def _raid(contested: bool, voice_names_state: bool = False) -> Doc:
    """An outlet's lead says Sudan bombed a camp; aid workers say bombs fell; Sudan denies it (or nobody does)."""
    said = "Sudanese jets dropped four bombs" if voice_names_state else "four bombs were dropped"
    denial = " Khartoum denied bombing the camp." if contested else ""
    text = (f"Sudan bombed a refugee camp in South Sudan on Monday. Aid workers said {said}. "
            f"Later, bombings were reported in another region of South Sudan.{denial}")
    d = Doc("r1", text, "en", "2025-03-03", "Outlet r1")
    d.entity("e1", "Sudan", "GPE", "Sudan bombed")
    d.event("v1", "USE", "bombed", agent=("Sudan", "e1"), location=("a refugee camp in South Sudan", None))
    d.attribution("a1", "Aid workers", "anonymous_person", said)
    d.event("v2", "USE", "dropped", attribution="a1", item=("four bombs", None))
    d.attribution("a2", "reported", "unspecified", "bombings were reported in another region of South Sudan")
    d.event("v3", "USE", "bombings", attribution="a2", location=("another region of South Sudan", None))
    if contested:
        d.entity("e2", "Sudan", "GPE", "Khartoum")
        d.event("v4", "DENY", "denied", agent=("Khartoum", "e2"), item=("bombing the camp", None))
    return d


def _agents(d: Doc) -> dict[str, str]:
    return {m.record_id: m.arguments.get("agent", "-") for m in claim_mentions(d.analysis) if m.type == "USE"}


def test_a_voice_keeps_its_act_without_actor_where_the_article_disputes_who() -> None:
    assert _agents(_raid(contested=False))["v2"] == "state:SD", "undisputed: the lead says who"
    agents = _agents(_raid(contested=True))
    assert agents["v2"] == "-", "disputed: the aid workers named no one"
    assert agents["v1"] == "state:SD"


def test_a_voice_that_names_the_state_takes_it() -> None:
    assert _agents(_raid(contested=True, voice_names_state=True))["v2"] == "state:SD"


def test_another_place_of_the_same_country_is_another_act() -> None:
    assert distinct_places("another region of South Sudan", "a refugee camp in South Sudan")
    assert distinct_places("Guffa in Upper Nile state", "the Yida refugee camp")
    assert not distinct_places("the Yida refugee camp", "a refugee camp in South Sudan")
    assert not distinct_places("South Sudan", "a refugee camp in South Sudan"), "a country alone says no place"
    assert _agents(_raid(contested=True))["v3"] == "-", "the lead's camp is not the other region"


def test_protesters_are_one_party_whatever_they_are_called() -> None:
    assert unnamed_group("Greeks protesting against the new taxes")[0] == "grp:*:protester"
    assert unnamed_group("Greek demonstrators")[0] == "grp:*:protester"
    assert unnamed_group("Greek police")[0] == "state:GR", "a nation's police are its state"


def test_a_capital_the_territory_table_reads_as_a_city_acts_for_its_state() -> None:
    assert entity_key("Moscow", "GPE") == "state:RU"
    assert entity_key("Kyiv", "GPE") == "state:UA"
    assert entity_key("Khartoum", "GPE") == "state:SD"
    assert entity_key("Moscow", "LOC") == "ent:moscow", "a place, not an actor"


def test_an_act_is_its_subjects() -> None:
    assert subject_group("the marchers at the gate were unarmed") == "grp:*:protester"
    assert subject_group("officers had no guns drawn") == "grp:*:police"
    assert subject_group("police allegations that he pointed a gun") is None, "police is no subject there"
    assert subject_group("the police said he had a gun") is None, "a speaker is no subject of the act"
    assert subject_group("a teenager shot by cops did not have a gun") is None


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
    text = ("Sudan bombed a camp, rebels said. "
            "The ministry said the government of Sudan denied any bombing in South Sudan.")
    d = Doc("d1", text, "en", "2025-03-04", "Outlet d1")
    d.entity("e0", "Sudan", "GPE", "Sudan bombed")
    d.event("v0", "USE", "bombed", agent=("Sudan", "e0"))
    d.entity("e1", "Government of Sudan", "ORG", "the government of Sudan")
    d.attribution("a1", "the government of Sudan", "organization", "any bombing in South Sudan", entity="e1",
                  polarity="negative")
    d.event("v1", "USE", "bombing", attribution="a1", polarity="negative", location=("South Sudan", None))
    assert _agents(d)["v1"] == "state:SD"
