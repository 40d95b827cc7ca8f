"""Origins on hand-built analyses: an outlet's unnamed official, a state's many voices, wires cited in unattributed
lines, a relay's own confirming source, new and referring-back sources, institutions' texts and members, copy groups.
Split out of tests/test_graph.py."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph_docs import (Doc, claims_of, denial, institutions, origins_by_record, paragraphs_after_an_outlet,
                        relay_with_own_confirmation, state_supply, store_with, times_citing_an_official, times_en,
                        told_twice, voices_on_beijing, wire, wire_with_own_source)


def test_an_unnamed_official_who_told_an_outlet_is_that_outlet(tmp_path: Path) -> None:
    text = ("Western official says Chinese firm sent drones to Russia\n\n"
            "A Chinese company shipped attack drones to Russia, a Western official has told The Times. "
            "It said Chinese firms had sent drones to Russia for tests.")
    d = Doc("told", text, "en", "2024-09-13", "Morning Courier")
    d.entity("e1", "Russia", "GPE", "Russia", ("Russia", "\n"))
    d.entity("e2", "The Times", "ORG", "The Times")
    d.attribution("a1", "Western official", "anonymous_person", "Chinese firm sent drones to Russia")
    d.attribution("a2", "a Western official", "anonymous_person", "A Chinese company shipped attack drones to Russia")
    d.event("v1", "SUPPLY", "sent", "a1", agent=("Chinese firm", None), recipient=("Russia", "e1"), item=("drones", None))
    d.event("v2", "SUPPLY", "shipped", "a2", agent=("A Chinese company", None),
            recipient=("Russia", "e1", "\n"), item=("attack drones", None))
    d.attribution("a3", "It", "anonymous_person", "Chinese firms had sent drones to Russia for tests")
    assert origins_by_record(d.analysis)["a3"] == "src:times", "the official who spoke to The Times, again"
    store = store_with(tmp_path, [d.analysis])
    (claim,) = [c for c in claims_of(store).values() if c.type == "SUPPLY"]
    assert [o.key for o in claim.origins] == ["src:times"], claim.origins


def test_a_states_spokespeople_and_embassy_are_one_denier(tmp_path: Path) -> None:
    text = ("China has never supplied lethal weapons to any party, foreign ministry spokesperson Lin Jian said. "
            "The Chinese embassy in London said China had never sent weapons to either side.")
    d = Doc("deniers", text, "en", "2024-09-27", "Pacific Ledger")
    d.entity("e1", "China", "GPE", "China", ("China", "embassy"))
    d.entity("e2", "Lin Jian", "PERSON", "Lin Jian")
    d.entity("e3", "Embassy of China in the United Kingdom", "ORG", "The Chinese embassy in London")
    d.attribution("a1", "Lin Jian", "named_person", "China has never supplied lethal weapons to any party", entity="e2",
                  polarity="negative")
    d.attribution("a2", "The Chinese embassy in London", "organization", "China had never sent weapons to either side",
                  entity="e3", polarity="negative")
    d.event("v1", "SUPPLY", "supplied", "a1", polarity="negative", agent=("China", "e1"),
            recipient=("any party", None), item=("lethal weapons", None))
    store = store_with(tmp_path, [times_en(), state_supply("w-en", "en", "China sends lethal weapons to Russia, officials fear.",
                                                          "China", "lethal weapons"), d.analysis])
    (china,) = [c for c in claims_of(store).values() if c.arguments.get("agent") == "China"]
    assert [o.key for o in china.denied_by] == ["state:CN"] and "denied by 1" in china.status


def test_an_article_citing_a_wire_relays_it_in_its_unattributed_lines(tmp_path: Path) -> None:
    text = ("China-made engines supplied to Russian drone maker IEMZ Kupol.\n\n"
            "Reuters reported on Wednesday, citing company documents, that Xiamen Limbach had shipped engines to IEMZ Kupol.")
    d = Doc("relay", text, "en", "2024-09-26", "Euro Defence Review")
    d.entity("e1", "Xiamen Limbach Aircraft Engine", "ORG", "Xiamen Limbach")
    d.entity("e2", "IEMZ Kupol", "ORG", "IEMZ Kupol", ("IEMZ Kupol", "\n"))
    d.entity("e3", "Reuters", "ORG", "Reuters")
    d.attribution("a1", "Reuters", "media", "Xiamen Limbach had shipped engines to IEMZ Kupol", entity="e3")
    d.attribution("a2", "company documents", "document", "Xiamen Limbach had shipped engines to IEMZ Kupol", parent="a1")
    d.event("v1", "SUPPLY", "supplied", agent=("China-made", None), recipient=("IEMZ Kupol", "e2"),
            item=("China-made engines", None))
    d.event("v2", "SUPPLY", "shipped", "a2", agent=("Xiamen Limbach", "e1"),
            recipient=("IEMZ Kupol", "e2", "\n"), item=("engines", None))
    store = store_with(tmp_path, [d.analysis])
    (claim,) = [c for c in claims_of(store).values() if c.type == "SUPPLY"]
    assert [o.key for o in claim.origins] == ["src:reuters"], "citing documents inside Reuters' report, and the headline, are Reuters"


def test_commentators_in_a_wire_story_citing_another_wire_are_the_story_own(tmp_path: Path) -> None:
    text = ("PARIS (AFP) - Xiamen Limbach shipped engines to IEMZ Kupol, Reuters reported on Wednesday. "
            "Analysts said the Chinese authorities knew about the engine shipments. "
            "Xiamen Limbach denied shipping engines to IEMZ Kupol. "
            "Some analysts doubted that Xiamen Limbach shipped engines to IEMZ Kupol.")
    d = Doc("afp", text, "en", "2024-09-25", "AFP")
    d.entity("e1", "Xiamen Limbach Aircraft Engine", "ORG", "Xiamen Limbach", ("Xiamen Limbach", "Wednesday"),
             ("Xiamen Limbach", "doubted"))
    d.entity("e2", "IEMZ Kupol", "ORG", "IEMZ Kupol", ("IEMZ Kupol", "denied"), ("IEMZ Kupol", "doubted"))
    d.entity("e3", "Reuters", "ORG", "Reuters")
    d.attribution("a1", "Reuters", "media", "Xiamen Limbach shipped engines to IEMZ Kupol", entity="e3")
    d.attribution("a2", "Analysts", "anonymous_person", "the Chinese authorities knew about the engine shipments")
    d.attribution("a3", ("Xiamen Limbach", "Wednesday"), "organization", "shipping engines to IEMZ Kupol", entity="e1",
                  polarity="negative")
    d.attribution("a4", "Some analysts", "anonymous_person", ("Xiamen Limbach shipped engines to IEMZ Kupol", "doubted"),
                  polarity="negative")
    d.event("v1", "SUPPLY", "shipped", "a1", agent=("Xiamen Limbach", "e1"), recipient=("IEMZ Kupol", "e2"),
            item=("engines", None))
    d.event("v2", "SUPPLY", "shipping", "a3", polarity="negative", agent=("Xiamen Limbach", "e1", "Wednesday"),
            recipient=("IEMZ Kupol", "e2", "denied"), item=("engines", None, "denied"))
    d.event("v3", "SUPPLY", ("shipped", "doubted"), "a4", polarity="negative", agent=("Xiamen Limbach", "e1", "doubted"),
            recipient=("IEMZ Kupol", "e2", "doubted"), item=("engines", None, "doubted"))
    store = store_with(tmp_path, [d.analysis])
    claims = {c.type: c for c in claims_of(store).values()}
    assert [o.key for o in claims["STATEMENT"].origins] == ["src:agence france-presse"], \
        "AFP's analysts, not Reuters' though Reuters is the last outlet named before them"
    supply = claims["SUPPLY"]
    assert [o.key for o in supply.origins] == ["src:reuters"]
    assert sorted(o.key for o in supply.denied_by) == ["src:agence france-presse", "src:xiamen limbach aircraft engine"], \
        "the analysts' doubt is not read as the denial the story cites"


@pytest.mark.parametrize("holder, confirmed", [("a2", "a1"), ("a1", "a2")],
                         ids=["confirms-the-report", "confirms-its-documents"])
def test_a_relays_own_confirming_source_is_its_own_origin(tmp_path: Path, holder: str, confirmed: str) -> None:
    store = store_with(tmp_path, [relay_with_own_confirmation(holder, confirmed)])
    claims = claims_of(store).values()
    assert sorted(c.type for c in claims) == ["STATEMENT", "SUPPLY"], \
        "Le Monde's statement; the report and its confirmation hold the event"
    (claim,) = [c for c in claims if c.type == "SUPPLY"]
    assert sorted(o.key for o in claim.origins) == ["anon:relay", "src:reuters"], \
        "the diplomat confirmed Reuters' account to the relay: not Reuters', nor Le Monde's (the outlet named last)"


def test_a_new_source_in_a_new_paragraph_is_the_articles_own_and_one_referring_back_is_not() -> None:
    origins = origins_by_record(paragraphs_after_an_outlet())
    assert origins["v2"] == "src:times", "'Le responsable' is the Times' official, a paragraph later"
    assert origins["v3"] == origins["v4"] == "anon:paragraphs", \
        "'des sources proches du dossier' open a paragraph of the article's own; 'l'une d'elles' is one of them"


def test_unnamed_voices_speak_to_whom_they_are_told_and_for_a_state_only_with_one() -> None:
    origins = origins_by_record(voices_on_beijing())
    assert origins["a1"] == "anon:beijing", "Beijing is in what the experts speculate, not whom they spoke to"
    assert origins["a2"] == "anon:beijing", "European diplomats who met NATO speak neither for NATO nor for a state"
    assert origins["a3"] == "anon:beijing", "a researcher interviewed by the article's own outlet is its own source"
    assert (origins["a4"], origins["a5"]) == ("src:monde", "state:CN"), "told Le Monde; Chinese officials, after it"


def test_institutions_speak_through_their_texts_and_their_members() -> None:
    nato, eu = map(origins_by_record, institutions())
    assert nato == {"v1": "src:nato", "a2": "src:nato"}, "the summit declaration and 'the allies' in a NATO story"
    assert eu == {"v1": "story:eu", "v2": "src:european union"}, \
        "the EU's texts on others are the EU's; on its own sanctions, the article reports the act itself"
    assert origins_by_record(times_citing_an_official())["v1"] == "src:times", "'le Times, qui cite un responsable'"


def test_an_article_and_its_own_sources_are_one_origin_even_in_a_copy_group(tmp_path: Path) -> None:
    store = store_with(tmp_path, [wire("wire-a", "Harbour Gazette", "2024-09-25"), wire_with_own_source(), told_twice()])
    claims = [c for c in claims_of(store).values() if c.type == "SUPPLY"]
    (limbach,) = [c for c in claims if "wire-b" in c.articles]
    assert sorted(o.key for o in limbach.origins) == ["anon:wire-b", "src:reuters"], \
        "the copy's own diplomat (a sentence the wire does not carry) is not the wire's"
    (china,) = [c for c in claims if "twice" in c.articles]
    assert [o.key for o in china.origins] == ["anon:twice"], "a headline telling what its own diplomat says"


def test_a_states_office_described_by_its_nationality_is_the_state_whatever_its_type() -> None:
    text = ("The Chilean prime minister condemned the attack on the port, the Harbour Gazette said. "
            "The Greek Orthodox Church spokesman said prayers would be held. "
            "The French singer said the concert was cancelled.")
    d = Doc("pm", text, "en", "2024-05-06", "Harbour Gazette")
    d.attribution("a1", "The Chilean prime minister", "named_person", "condemned the attack on the port")
    d.attribution("a2", "The Greek Orthodox Church spokesman", "named_person", "prayers would be held")
    d.attribution("a3", "The French singer", "named_person", "the concert was cancelled")
    origins = origins_by_record(d.analysis)
    assert origins["a1"] == "state:CL", "a public office of a nationality speaks for its state"
    assert origins["a2"] != "state:GR", "a spokesman (any body has one) of a named church is no state's voice"
    assert origins["a3"] == "story:pm", "a description is no name found in other articles: the outlet's own"
