"""Role sanity and denials before a claim is made (graph/sanity.py, graph/mentions.py), on invented articles."""
from __future__ import annotations

from claimgraph.graph import claim_mentions
from claimgraph.graph.audit import claim_problems
from claimgraph.graph.sanity import is_fragment, is_place_of_origin, is_speaker, is_time_phrase, origin_problem
from claimgraph.model import Span
from claimgraph.model.claims import ClaimSummary, Origin

from graph_docs import Doc


def test_word_classes() -> None:
    assert is_fragment("it") and is_fragment("que") and is_fragment("what") and not is_fragment("the shells")
    assert is_time_phrase("last month") and is_time_phrase("le mois dernier") and not is_time_phrase("the ministry")
    assert is_speaker("a ministry spokesperson") and is_speaker("the leaked documents") and not is_speaker("Ruritania")
    text = "Crates of drones from Ruritania reached the port."
    start = text.index("Ruritania")
    assert not is_place_of_origin(Span(start, start + 9, "Ruritania"), text), "not a country the graph knows"
    text = "Crates of drones from China reached the port."
    start = text.index("China")
    assert is_place_of_origin(Span(start, start + 5, "China"), text)


def test_a_country_of_origin_is_a_place_not_the_state_supplying() -> None:
    d = Doc("origin", "Crates of drones from China reached Russia last week.", "en", "2025-03-02")
    d.entity("e1", "China", "GPE", "China")
    d.entity("e2", "Russia", "GPE", "Russia")
    d.event("v1", "SUPPLY", "reached", agent=("China", "e1"), recipient=("Russia", "e2"), item=("drones", None))
    (mention,) = claim_mentions(d.analysis)
    assert "agent" not in mention.arguments and mention.arguments["recipient"] == "state:RU"


def test_the_same_actor_is_not_agent_and_recipient_and_a_pronoun_is_no_item() -> None:
    d = Doc("same", "Ruritanian firms sold it to Ruritanian firms, a trader said.", "en", "2025-03-02")
    d.attribution("a1", "a trader", "anonymous_person", "Ruritanian firms sold it to Ruritanian firms")
    d.event("v1", "SUPPLY", "sold", "a1", agent=("Ruritanian firms", None), item=("it", None),
            recipient=("Ruritanian firms", None, "sold"))
    (mention,) = claim_mentions(d.analysis)
    assert "recipient" not in mention.arguments and mention.item is None and "item" not in mention.names


def test_a_spokesperson_is_not_the_one_who_supplies() -> None:
    d = Doc("speaker", "A spokesperson shipped the parts to Osterlich, the broker said.", "en", "2025-03-02")
    d.entity("e1", "Osterlich", "GPE", "Osterlich")
    d.attribution("a1", "the broker", "anonymous_person", "A spokesperson shipped the parts to Osterlich")
    d.event("v1", "SUPPLY", "shipped", "a1", agent=("A spokesperson", None), recipient=("Osterlich", "e1"),
            item=("the parts", None))
    (mention,) = claim_mentions(d.analysis)
    assert "agent" not in mention.arguments and mention.item == "the parts"


def test_the_outlet_reporting_a_denial_is_not_the_denier() -> None:
    d = Doc("deny", "Beijing denied sending drones to Russia, the Harbour Gazette reported. "
            "No shipment of drones to Russia was found, the Harbour Gazette said.", "en", "2025-03-02")
    d.entity("e1", "Government of China", "ORG", "Beijing")
    d.entity("e2", "Russia", "GPE", "Russia")
    d.entity("e3", "Harbour Gazette", "ORG", "Harbour Gazette")
    d.attribution("a1", "the Harbour Gazette", "media", "Beijing denied sending drones to Russia", entity="e3")
    d.attribution("a2", ("the Harbour Gazette", "found,"), "media", "No shipment of drones to Russia was found",
                  entity="e3", polarity="negative")
    d.event("v1", "DENY", "denied", "a1", agent=("Beijing", "e1"), item=("sending drones to Russia", None))
    d.event("v2", "SUPPLY", "sending", "a1", polarity="negative", agent=("Beijing", "e1"), recipient=("Russia", "e2"),
            item=("drones", None))
    d.event("v3", "SUPPLY", "shipment", "a2", polarity="negative", recipient=("Russia", "e2", "No shipment"),
            item=("drones", None, "No shipment"))
    mentions = {m.record_id: m for m in claim_mentions(d.analysis)}
    assert mentions["v1"].origin.key == "state:CN", "Beijing denies, not the Gazette"
    assert mentions["v2"].stance == "denies" and mentions["v2"].origin.key == "state:CN"
    assert "v3" not in mentions, "the outlet's own negative finding is no denial by a party"


def test_the_report_flags_what_is_left() -> None:
    claim = ClaimSummary(id="c", type="SUPPLY", label="x", arguments={"agent": "it", "recipient": "it", "item": "China"})
    assert set(claim_problems(claim)) == {"agent = recipient", "country as item", "agent is a pronoun or a speaker",
                                          "recipient is a pronoun or a fragment"}
    things = ClaimSummary(id="t", type="SUPPLY", label="x", arguments={"agent": "the deliveries", "item": "gas"})
    assert claim_problems(things) == ["agent is an act or a thing"]
    told = ClaimSummary(id="o", type="SUPPLY", label="x", arguments={"agent": "Ruritania", "recipient": "Reuters",
                                                                     "item": "shells"})
    assert claim_problems(told) == ["recipient is a news outlet"]
    echo = ClaimSummary(id="e", type="SUPPLY", label="x", arguments={"agent": "Osterlich: shells and mortars",
                                                                     "item": "shells and mortars"})
    assert claim_problems(echo) == ["agent is an act or a thing"], "an agent that repeats the item is a misread"
    assert not claim_problems(ClaimSummary(id="k", type="SUPPLY", label="x", arguments={
        "agent": "Ruritania Engine Works", "item": "engines"}), keys={"agent": "ent:ruritania engine works"}), \
        "a named company whose name holds an item word is someone"
    adjective = ClaimSummary(id="a", type="SANCTION", label="x", arguments={"agent": "western"})
    assert claim_problems(adjective) == ["agent is an adjective or a clause"], "'western sanctions' is a noun phrase"
    clause = ClaimSummary(id="c", type="SUPPLY", label="x", arguments={"agent": "ce ne seront pas ces obus qui",
                                                                       "item": "les combats"})
    assert claim_problems(clause) == ["agent is an adjective or a clause"]
    place = ClaimSummary(id="p", type="USE", label="x", arguments={"agent": "Russia", "location": "Government of Chile"})
    assert claim_problems(place, keys={"agent": "state:RU", "location": "state:CL"}) == ["location is a government"]
    assert origin_problem(Origin("src:last week", "last week", "organization")) == "time phrase"
    assert origin_problem(Origin("src:fuel", "fuel", "organization")) == "common noun"
    assert origin_problem(Origin("src:gazette", "the sources (via Gazette)", "media")) is None
    assert origin_problem(Origin("state:CN", "Government of China", "organization")) is None


def test_every_country_and_its_forces_key_as_its_state() -> None:
    from claimgraph.graph.keys import entity_key

    assert entity_key("Chad", "GPE") == entity_key("Government of Chad", "ORG") == entity_key("Tchad", "GPE") == "state:TD"
    assert entity_key("Chad Armed Forces", "ORG") == entity_key("army of Chad", "ORG") == "state:TD"
    assert entity_key("Embassy of Chad in Peru", "ORG") == "state:TD"
    assert entity_key("Chad Lumber Cooperative", "ORG").startswith("ent:"), "a company named after a country is not its state"


def test_a_state_spokesman_denies_for_his_state() -> None:
    d = Doc("spokes", "Army spokesman Omar Tallis denied that Chad had shelled the camp.", "en", "2025-03-02")
    d.entity("e1", "Omar Tallis", "PERSON", "Omar Tallis")
    d.analysis.entities[0].country = "TD"
    d.event("v1", "DENY", "denied", agent=("Omar Tallis", "e1"), item=("that Chad had shelled the camp", None))
    (mention,) = [m for m in claim_mentions(d.analysis) if m.type == "DENY"]
    assert mention.arguments["agent"] == "state:TD" and mention.origin.key == "state:TD"


def test_questions_conditions_and_speculation_are_shown_but_count_as_no_origin(tmp_path) -> None:
    from graph_docs import claims_of, store_with

    asked = Doc("asked", "Inspectors are examining whether Ruritanian firms sold shells to Osterlich.", "en", "2025-03-02")
    asked.entity("e1", "Osterlich", "GPE", "Osterlich")
    asked.attribution("a1", "Inspectors", "anonymous_person", "Ruritanian firms sold shells to Osterlich",
                      certainty="underspecified")
    asked.event("v1", "SUPPLY", "sold", "a1", certainty="underspecified", agent=("Ruritanian firms", None),
                recipient=("Osterlich", "e1"), item=("shells", None))
    rumour = Doc("rumour", "There is speculation that Ruritanian firms sold shells to Osterlich.", "en", "2025-03-03")
    rumour.entity("e1", "Osterlich", "GPE", "Osterlich")
    rumour.attribution("a1", "speculation", "unspecified", "Ruritanian firms sold shells to Osterlich")
    rumour.event("v1", "SUPPLY", "sold", "a1", agent=("Ruritanian firms", None), recipient=("Osterlich", "e1"),
                 item=("shells", None))
    store = store_with(tmp_path, [asked.analysis, rumour.analysis])
    (claim,) = [c for c in claims_of(store).values() if c.type == "SUPPLY"]
    assert len(claim.articles) == 2 and claim.origins == [], "shown with the claim, never counted as support"
    assert claim.certainty == "underspecified"
