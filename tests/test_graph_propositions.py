"""Statements worded apart that assert the same figure or act are one claim within a story; agentless attacks
that name the country they struck are one act within a story; craft and police are keyed as their party."""
from __future__ import annotations

from pathlib import Path

from claimgraph.graph.propositions import proposition_keys
from claimgraph.graph.sanity import craft_country, is_thing
from claimgraph.model import Analysis

from graph_docs import Doc, claims_of, store_with


def test_proposition_keys_read_figures_and_acts() -> None:
    assert proposition_keys("at least 14 villagers were killed and 9 wounded overnight") == {"kill:14", "injure:9"}
    assert proposition_keys("Eleven miners were killed and 45 others were injured") == {"kill:11", "injure:45"}
    assert proposition_keys("the storm injured over 150 residents and damaged 400 houses") == {"injure:150", "damage:400"}
    assert proposition_keys("she aimed a .38 caliber pistol at the clerk") == {"threaten:weapon", "carry:weapon"}
    assert proposition_keys("The magnitude-5.4 tremor hit at a depth of only 12 kilometres") == {"magnitude:5.4", "depth:12"}
    assert proposition_keys("about 1,500 houses were damaged") == {"damage:1500"}
    assert proposition_keys("Nineteen-year-old Dario Lunn was shot dead on Tuesday") == frozenset()
    assert proposition_keys("A rifle was found beside the van") == {"find:weapon"}
    assert proposition_keys("Beijing pointed to its neutrality") == frozenset()
    assert proposition_keys("Dozens were injured") == frozenset(), "no figure, no key"


def told(doc_id: str, date: str, source: str, content: str, polarity: str = "positive") -> Analysis:
    d = Doc(doc_id, f"{source} said {content}.", "en", date, f"Outlet {doc_id}")
    d.attribution("a1", source, "organization", content, polarity=polarity)
    return d.analysis


def statements(tmp_path: Path, analyses: list[Analysis], name: str) -> list[str]:
    return [c.label for c in claims_of(store_with(tmp_path, analyses, name)).values() if c.type == "STATEMENT"]


def test_one_figure_worded_apart_is_one_claim_within_a_story(tmp_path: Path) -> None:
    first = told("t1", "2025-04-02", "The county commissioner", "twelve people were killed in the raid on the market")
    second = told("t2", "2025-04-03", "Local officials", "12 had died and the toll could still rise, with 20 wounded")
    assert len(statements(tmp_path, [first, second], "toll.db")) == 1


def test_two_figures_stay_two_claims(tmp_path: Path) -> None:
    first = told("t1", "2025-04-02", "The county commissioner", "twelve people were killed in the raid on the market")
    other = told("t3", "2025-04-03", "Local officials", "ten people were killed in the raid on the market")
    assert len(statements(tmp_path, [first, other], "tolls.db")) == 2


def test_the_same_act_worded_apart_is_one_claim_and_weeks_apart_two(tmp_path: Path) -> None:
    pointed = told("p1", "2025-03-10", "Police", "the boy pointed a revolver at the two officers")
    flashed = told("p2", "2025-03-11", "The department", "the youth flashed a handgun at two officers in plain clothes")
    assert len(statements(tmp_path, [pointed, flashed], "act.db")) == 1
    later = told("p3", "2025-06-30", "The department", "the youth flashed a handgun at two officers in plain clothes")
    assert len(statements(tmp_path, [pointed, later], "later.db")) == 2


def test_an_attack_by_no_one_named_is_one_act_where_it_struck_within_a_story(tmp_path: Path) -> None:
    one = Doc("b1", "Three bombs hit a camp for displaced families in South Sudan, nurses said.", "en", "2025-05-01", "Outlet b1")
    one.event("v1", "USE", "hit", item=("Three bombs", None), location=("a camp for displaced families in South Sudan", None))
    two = Doc("b2", "A plane bombed the airstrip of a South Sudanese camp.", "en", "2025-05-02", "Outlet b2")
    two.event("v1", "USE", "bombed", agent=("A plane", None), location=("the airstrip of a South Sudanese camp", None))
    store = store_with(tmp_path, [one.analysis, two.analysis], "camp.db")
    uses = [c for c in claims_of(store).values() if c.type == "USE"]
    assert len(uses) == 1 and "agent" not in uses[0].arguments, "a plane names no attacker"


def test_craft_are_no_agent_unless_a_state_flies_them() -> None:
    assert is_thing("an Antonov bomber") and is_thing("a plane")
    assert craft_country("Military aircraft from Sudan") == "SD" and craft_country("Sudanese warplanes") == "SD"
    assert craft_country("a plane") is None


def test_a_police_department_and_officers_are_one_party(tmp_path: Path) -> None:
    named = Doc("n1", "The Dunmore Police Department shot a man on Friday.", "en", "2025-02-07", "Outlet n1")
    named.entity("e1", "Dunmore Police Department", "ORG", "The Dunmore Police Department")
    named.event("v1", "USE", "shot", agent=("The Dunmore Police Department", "e1"))
    unnamed = Doc("n2", "Two officers shot a man on Friday.", "en", "2025-02-07", "Outlet n2")
    unnamed.event("v1", "USE", "shot", agent=("Two officers", None))
    store = store_with(tmp_path, [named.analysis, unnamed.analysis], "police.db")
    assert len([c for c in claims_of(store).values() if c.type == "USE"]) == 1



def test_the_same_charge_within_a_story_is_one_claim_unless_it_names_other_parties(tmp_path: Path) -> None:
    assert proposition_keys("the shooting was a cold and murderous act") == {"judge:murder"}
    first = told("m1", "2025-05-06", "The prime minister", "a march is one matter, murder is something else")
    second = told("m2", "2025-05-07", "The prime minister", "the arson was a raw murderous act")
    assert len(statements(tmp_path, [first, second], "charge.db")) == 1
    named = []
    for doc_id, party in (("n1", "Ruritania"), ("n2", "Osterlich")):
        d = Doc(doc_id, f"The envoy said {party} committed murder in the valley.", "en", "2025-05-06", f"Outlet {doc_id}")
        d.entity("e1", party, "GPE", party)
        d.attribution("a1", "The envoy", "named_person", f"{party} committed murder in the valley")
        named.append(d.analysis)
    assert len(statements(tmp_path, named, "parties.db")) == 2


def test_a_figure_in_miles_is_keyed_in_kilometres() -> None:
    from claimgraph.graph.propositions import proposition_keys as keys

    assert keys("the tremor began six miles beneath the surface") == {"depth:10"}
    assert keys("the tremor struck at a depth of 10km near the coast") == {"depth:10"}
    assert keys("the shock came 10 kilometres (6.2 miles) deep") == {"depth:10"}, "the nearer figure"
    assert keys("the tremor was 10 km deep") == {"depth:10"}
