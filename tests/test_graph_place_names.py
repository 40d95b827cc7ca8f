"""A place phrase is in any country it names ("a camp for displaced families in South Sudan" is in South Sudan, not in Sudan), so
attacks by no one named on that country are one act within a story (graph/keys.py `place_country`)."""
from __future__ import annotations

from pathlib import Path

from claimgraph.graph.keys import place_country
from claimgraph.model import Analysis

from graph_docs import Doc, claims_of, store_with


def test_a_place_is_in_the_country_it_names_the_longest_name_first() -> None:
    assert place_country("a clinic in South Sudan") == "SS"
    assert place_country("South Sudan") == "SS"
    assert place_country("a market in Sudan") == "SD"
    assert place_country("a school near the border of Burkina Faso") == "BF"
    assert place_country("the old harbour") is None


def attack(doc_id: str, date: str, text: str, trigger: str, place: str, item: str = "") -> Analysis:
    d = Doc(doc_id, text, "en", date, f"Outlet {doc_id}")
    roles = {"location": (place, None), **({"item": (item, None)} if item else {})}
    d.event("v1", "USE", trigger, **roles)
    return d.analysis


def test_agentless_attacks_on_one_named_country_are_one_act_within_a_story(tmp_path: Path) -> None:
    one = attack("p1", "2025-06-01", "Two mortar rounds hit a clinic in Burkina Faso on Monday.", "hit",
                 "a clinic in Burkina Faso", "Two mortar rounds")
    two = attack("p2", "2025-06-02", "Grain stores were set alight in Burkina Faso, farmers said.", "set alight",
                 "Burkina Faso", "Grain stores")
    uses = [c for c in claims_of(store_with(tmp_path, [one, two], "places.db")).values() if c.type == "USE"]
    assert len(uses) == 1


def test_a_capital_as_an_actor_is_its_state() -> None:
    from claimgraph.graph.keys import entity_key

    assert entity_key("Khartoum", "GPE") == "state:SD"
    assert entity_key("Athens", "GPE") == "state:GR"
    assert entity_key("Brooklyn", "GPE") == "ent:brooklyn"


def test_a_capitals_denial_and_its_states_are_one_denier(tmp_path: Path) -> None:
    one = Doc("k1", "Khartoum denied shelling the border town.", "en", "2025-06-01", "Outlet k1")
    one.entity("e1", "Khartoum", "GPE", "Khartoum")
    one.event("v1", "DENY", "denied", agent=("Khartoum", "e1"), item=("shelling the border town", None))
    two = Doc("k2", "Sudan denied any shelling of the town.", "en", "2025-06-02", "Outlet k2")
    two.entity("e1", "Sudan", "GPE", "Sudan")
    two.event("v1", "DENY", "denied", agent=("Sudan", "e1"), item=("any shelling of the town", None))
    denials = [c for c in claims_of(store_with(tmp_path, [one.analysis, two.analysis], "capital.db")).values()
               if c.type == "DENY"]
    assert len(denials) == 1
