"""Keys across wordings and languages, and voices of one body (issue 12, items 1 and 5).

Invented articles about an invented clash: a border town "Keldra", an outlet "The Lantern", a police force
"Varn City Police Department".
"""
from __future__ import annotations

from pathlib import Path

from claimgraph.graph import claim_mentions
from claimgraph.graph.keys import demonym_country, nationality, unnamed_group

from graph_docs import Doc, claims_of, store_with


def test_nationalities_are_read_from_any_country_name_and_owner() -> None:
    assert demonym_country("sudanese") == "SD" and demonym_country("indonesian") == "ID"
    assert nationality("South Sudanese officials") == "SS", "the longer name wins over 'Sudanese'"
    assert nationality("the government of Sudan") == "SD" and nationality("Sudan's army") == "SD"
    assert nationality("Greek police") == "GR", "an irregular adjective, from unnamed.yaml"
    for plain in ("civilian guardians", "a veteran", "refugees in the camp", "the median estimate"):
        assert nationality(plain) is None, plain


def test_a_states_government_forces_and_police_are_the_state() -> None:
    keys = {unnamed_group(words)[0] for words in ("the Sudanese government", "Sudan's armed forces",
                                                   "Sudanese forces", "the government of Sudan")}
    assert keys == {"state:SD"}
    assert unnamed_group("les gouvernements occidentaux") is None or not unnamed_group(
        "les gouvernements occidentaux")[0].startswith("state:"), "no single state speaks for the West"


def test_police_and_protesters_key_on_their_kind_in_any_language() -> None:
    police = {unnamed_group(w)[0] for w in ("officers", "both officers", "plainclothes cops", "the police",
                                            "les policiers")}
    assert police == {"grp:*:police"}
    assert {unnamed_group(w)[0] for w in ("rioters", "demonstrators", "les manifestants")} == {"grp:*:protester"}
    assert unnamed_group("a man") is None and unnamed_group("witnesses") is None


def shooting(doc_id: str) -> Doc:
    text = ("Police shot a man in Keldra on Friday. They fired six rounds, witnesses said. "
            "Police sources said the man had a knife. The Varn City Police Department has opened an inquiry.")
    d = Doc(doc_id, text, "en", "2025-03-07", "The Lantern")
    d.entity("e1", "Keldra", "GPE", "Keldra")
    d.entity("e2", "Varn City Police Department", "ORG", "Varn City Police Department")
    d.event("v1", "USE", "shot", agent=("Police", None), location=("Keldra", "e1"))
    w = d.attribution("a1", "witnesses", "anonymous_person", "They fired six rounds")
    d.event("v2", "USE", "fired", w, agent=("They", None), item=("six rounds", None))
    d.attribution("a2", "Police sources", "anonymous_person", "the man had a knife")
    return d


def test_a_pronoun_actor_is_the_one_actor_the_article_gives_the_act() -> None:
    mentions = {m.record_id: m for m in claim_mentions(shooting("s1").analysis)}
    assert mentions["v1"].arguments["agent"] == mentions["v2"].arguments["agent"] == "grp:*:police"


def test_police_sources_are_the_one_police_force_the_article_names() -> None:
    mentions = {m.record_id: m for m in claim_mentions(shooting("s1").analysis)}
    assert mentions["a2"].origin.key == "src:police", mentions["a2"].origin  # a story's police: one origin (bodies)
    assert mentions["a2"].origin.name == "Varn City Police Department"


def test_an_accusation_reported_by_the_article_is_its_accusers() -> None:
    text = "Malian officials accused Keldra's rulers of shelling the town. The Malian government repeated it."
    d = Doc("acc", text, "en", "2025-03-08", "The Lantern")
    d.event("v1", "ACCUSE", "accused", agent=("Malian officials", None), target=("Keldra's rulers", None))
    d.event("v2", "ACCUSE", "repeated", agent=("The Malian government", None), target=("it", None))
    accusations = [m for m in claim_mentions(d.analysis) if m.type == "ACCUSE"]
    assert [m.origin.key for m in accusations] == ["state:ML", "state:ML"], [m.origin for m in accusations]


def test_a_named_item_anchors_a_mention_that_does_not_say_who(tmp_path: Path) -> None:
    first = Doc("d1", "Ostrava Aero developed the Kestrel-4 drone in Keldra.", "en", "2025-03-01", "The Lantern")
    first.entity("e1", "Ostrava Aero", "ORG", "Ostrava Aero")
    first.entity("e2", "Kestrel-4", "PRODUCT", "Kestrel-4")
    first.event("v1", "DEVELOP", "developed", agent=("Ostrava Aero", "e1"), item=("the Kestrel-4 drone", "e2"))
    second = Doc("d2", "A new model called the Kestrel-4 was developed over two years.", "en", "2025-03-02", "Daily Post")
    second.entity("e1", "Kestrel-4", "PRODUCT", "Kestrel-4")
    second.event("v1", "DEVELOP", "developed", item=("A new model called the Kestrel-4", "e1"))
    claims = [c for c in claims_of(store_with(tmp_path, [first.analysis, second.analysis])).values()
              if c.type == "DEVELOP"]
    assert len(claims) == 1 and sorted(claims[0].articles) == ["d1", "d2"], claims


def test_an_outlet_named_after_a_wire_is_the_wires_service() -> None:
    from claimgraph.graph.origins import wire_of

    assert wire_of(Doc("w1", "A quake struck.", "en", "2025-03-01", "Thomson Reuters Foundation").analysis) == "Reuters"
    assert wire_of(Doc("w2", "A quake struck.", "en", "2025-03-01", "Reuters (UK edition)").analysis) == "Reuters"
    assert wire_of(Doc("w3", "A quake struck.", "en", "2025-03-01", "Daily Apex").analysis) is None


def test_a_person_of_a_public_service_of_a_known_country_is_its_states_voice() -> None:
    from claimgraph.graph.voices import state_voice

    text = "Five people died, said Anwar Lestari of the National Disaster Management Agency."
    d = Doc("q1", text, "en", "2025-03-01", "The Lantern")
    d.analysis.entities.append(__import__("claimgraph.model", fromlist=["Entity"]).Entity(
        "e1", "Anwar Lestari", "PERSON", country="ID", mentions=[d.span("Anwar Lestari")]))
    assert state_voice("Anwar Lestari", d.analysis) == "ID"
    other = Doc("q2", "Five people died, said Anwar Lestari, a farmer.", "en", "2025-03-01", "The Lantern")
    other.analysis.entities.append(__import__("claimgraph.model", fromlist=["Entity"]).Entity(
        "e1", "Anwar Lestari", "PERSON", country="ID", mentions=[other.span("Anwar Lestari")]))
    assert state_voice("Anwar Lestari", other.analysis) is None


def test_an_attack_by_a_known_party_is_one_claim_whether_told_by_weapon_or_target(tmp_path: Path) -> None:
    # "petrol bombs the bank" and "a bank in Keldra" score about 0.47: under the item threshold (0.56),
    # over the one for an attack by a known party (scoring.USE_THRESHOLD).
    first = Doc("b1", "Rioters threw petrol bombs at the bank.", "en", "2025-03-01", "Outlet one")
    first.event("v1", "USE", "threw", agent=("Rioters", None), item=("petrol bombs", None), location=("the bank", None))
    second = Doc("b2", "Protesters firebombed a bank in Keldra.", "en", "2025-03-01", "Outlet two")
    second.event("v1", "USE", "firebombed", agent=("Protesters", None), item=("a bank in Keldra", None))
    claims = [c for c in claims_of(store_with(tmp_path, [first.analysis, second.analysis])).values() if c.type == "USE"]
    assert len(claims) == 1, [c.label for c in claims]
    third = Doc("b3", "Shoppers bought a bank in Keldra.", "en", "2025-03-01", "Outlet three")
    third.event("v1", "USE", "bought", item=("a bank in Keldra", None))  # no known party: the item threshold holds
    claims = [c for c in claims_of(store_with(tmp_path, [first.analysis, third.analysis], "h.db")).values()
              if c.type == "USE"]
    assert len(claims) == 2, [c.label for c in claims]
