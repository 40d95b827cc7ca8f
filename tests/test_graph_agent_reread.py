"""An act's agent as real extraction gives it, keyed as the gold would key it: a state's forces or craft named with
the country's name before them ("the Norland Armed Forces jets") or its possessive ("Norland's bombers") are that
state; a people named by nationality and then by what they are doing ("Greeks protesting ...", the span "Greeks")
are that group; an agent its own sentence says died is no attacker (graph/keys.py, graph/actors.py
`reread_agents`). Invented sentences; the country is a real one only where keys need a country table."""
from __future__ import annotations

from claimgraph.graph.keys import unnamed_group
from claimgraph.graph.mentions import claim_mentions

from graph_docs import Doc


def test_a_country_named_before_its_forces_or_craft_is_that_state() -> None:
    assert unnamed_group("Sudan Armed Forces planes") == ("state:SD", "Government of Sudan")
    assert unnamed_group("the Chad army")[0] == "state:TD"
    assert unnamed_group("Sudan's bombers")[0] == "state:SD"
    assert unnamed_group("Russian fighter jets")[0] == "state:RU"
    assert unnamed_group("an Antonov bomber") is None, "a make of aircraft says no state"
    assert unnamed_group("the Sudan border") is None, "a border is no body of the state"


def _agents(doc: Doc) -> dict[str, str]:
    return {m.record_id: m.arguments.get("agent", "-") for m in claim_mentions(doc.analysis) if m.type == "USE"}


def test_a_people_told_by_what_they_are_doing_is_that_group() -> None:
    text = "Two clerks died when Greeks protesting against the new levy threw firebombs at a depot in Patras."
    d = Doc("g1", text, "en", "2025-05-06", "Outlet g1")
    d.entity("e1", "Greeks", "PERSON", "Greeks")
    d.event("v1", "USE", "threw", agent=("Greeks", "e1"), item=("firebombs", None),
            location=("a depot in Patras", None))
    assert _agents(d)["v1"] == "grp:*:protester"


def test_a_nationality_alone_stays_what_it_was() -> None:
    text = "Greeks threw firebombs at a depot in Patras on Tuesday."
    d = Doc("g2", text, "en", "2025-05-06", "Outlet g2")
    d.entity("e1", "Greeks", "PERSON", "Greeks")
    d.event("v1", "USE", "threw", agent=("Greeks", "e1"), item=("firebombs", None),
            location=("a depot in Patras", None))
    assert _agents(d)["v1"] == "ent:greeks"


def test_an_agent_that_died_is_no_attacker() -> None:
    text = ("Rioters hurled firebombs at a depot in Patras. The fire service said three clerks and a driver "
            "perished in the depot after firebombs were hurled at it.")
    d = Doc("g3", text, "en", "2025-05-06", "Outlet g3")
    d.event("v1", "USE", "hurled", agent=("Rioters", None), item=("firebombs", None),
            location=("a depot in Patras", None))
    d.event("v2", "USE", ("hurled", "fire service said"), agent=("three clerks and a driver", None),
            item=("firebombs", None, "fire service said"))
    agents = _agents(d)
    assert agents["v2"] != "txt:three clerks and a driver", "the dead are not who hurled them"
    assert agents["v2"] == agents["v1"] == "grp:*:protester"


def test_an_agent_that_kills_stays_the_actor() -> None:
    text = "Two gunmen killed a guard at a depot in Patras."
    d = Doc("g4", text, "en", "2025-05-06", "Outlet g4")
    d.event("v1", "USE", "killed", agent=("Two gunmen", None), location=("a depot in Patras", None))
    assert _agents(d)["v1"] == "txt:gunmen"
