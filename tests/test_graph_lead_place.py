"""An attack told with no place is the article's lead attack's, whoever the lead names; an attack by no one named
somewhere else in the same country (another named place, "another province") never joins it, however close its
words (graph/actors.py `resolve_places`, graph/story_scope.py `other_place`). Invented events and places; real
states, since places key by their country."""
from __future__ import annotations

from pathlib import Path

from claimgraph.graph import claim_mentions

from graph_docs import Doc, claims_of, store_with


def _lead(doc_id: str = "l1", date: str = "2025-03-03") -> Doc:
    """The lead: Peru shelled a border settlement in Bolivia; relief staff say three shells fell (no place);
    shelling was recorded in another province of Bolivia; Lima denies it."""
    text = ("Peru shelled a border settlement in Bolivia on Friday. Relief staff said three shells were fired. "
            "Afterwards, shelling was recorded in another province of Bolivia. Lima denied shelling the settlement.")
    d = Doc(doc_id, text, "en", date, f"Outlet {doc_id}")
    d.entity("e1", "Peru", "GPE", "Peru shelled")
    d.entity("e2", "Peru", "GPE", "Lima")
    d.event("v1", "USE", "shelled", agent=("Peru", "e1"), location=("a border settlement in Bolivia", None))
    d.attribution("a1", "Relief staff", "anonymous_person", "three shells were fired")
    d.event("v2", "USE", "fired", attribution="a1", item=("three shells", None))
    d.attribution("a2", "recorded", "unspecified", "shelling was recorded in another province of Bolivia")
    d.event("v3", "USE", "shelling", attribution="a2", location=("another province of Bolivia", None))
    d.event("v4", "DENY", "denied", agent=("Lima", "e2"), item=("shelling the settlement", None))
    return d


def _places(d: Doc) -> dict[str, str]:
    return {m.record_id: m.names.get("location", "") for m in claim_mentions(d.analysis) if m.type == "USE"}


def test_an_attack_with_no_place_is_the_leads() -> None:
    places = _places(_lead())
    assert places["v2"] == "a border settlement in Bolivia", "the shells are the lead's, though Peru is disputed"
    assert places["v3"] == "another province of Bolivia", "a place of its own stays its own"


def test_a_lead_said_to_be_elsewhere_lends_nothing() -> None:
    text = "Shelling was recorded in another province of Bolivia. Three shells were fired."
    d = Doc("l2", text, "en", "2025-03-03", "Outlet l2")
    d.event("v1", "USE", "Shelling", location=("another province of Bolivia", None))
    d.event("v2", "USE", "fired", item=("Three shells", None))
    assert _places(d)["v2"] != "another province of Bolivia"


def _other_article(doc_id: str, place: str) -> Doc:
    text = f"Three shells were fired at {place} on Friday, relief staff said."
    d = Doc(doc_id, text, "en", "2025-03-04", f"Outlet {doc_id}")
    d.attribution("a1", "relief staff", "anonymous_person", f"Three shells were fired at {place} on Friday")
    d.event("v1", "USE", "fired", attribution="a1", item=("Three shells", None), location=(place, None))
    return d


def test_the_same_shells_elsewhere_are_another_attack(tmp_path: Path) -> None:
    near = store_with(tmp_path, [_lead().analysis, _other_article("o1", "a border settlement in Bolivia").analysis],
                      "near.db")
    far = store_with(tmp_path, [_lead().analysis, _other_article("o2", "Tarvel in Upper Oruno province of Bolivia").analysis],
                     "far.db")
    lead_shells = {c["record"]: c["claim"] for c in _records(near)}
    assert lead_shells[("l1", "v2")] == lead_shells[("o1", "v1")], "the same shells at the same place: one attack"
    far_shells = {c["record"]: c["claim"] for c in _records(far)}
    assert far_shells[("l1", "v2")] != far_shells[("o2", "v1")], "a named place elsewhere: another attack"
    assert claims_of(far)


def _records(store) -> list[dict]:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from claimgraph.store import tables as t

    with store.engine.connect() as connection:
        return [{"record": (row.document_id, row.record_id), "claim": row.claim_id}
                for row in connection.execute(select(t.evidence.c.document_id, t.evidence.c.record_id,
                                                     t.evidence.c.claim_id))]


def test_an_attack_told_with_nothing_is_kept_at_the_leads_place() -> None:
    text = "A border settlement in Bolivia was shelled on Friday. Residents described the shelling as heavy."
    d = Doc("l3", text, "en", "2025-03-03", "Outlet l3")
    d.event("v1", "USE", "shelled", location=("A border settlement in Bolivia", None))
    d.event("v2", "USE", "shelling")
    assert _places(d).get("v2") == "A border settlement in Bolivia", "kept, at the lead's place"
    alone = Doc("l4", "Residents described the shelling as heavy.", "en", "2025-03-03", "Outlet l4")
    alone.event("v1", "USE", "shelling")
    assert "v1" not in _places(alone), "with no lead, an act told with nothing is still dropped"


def _shells(doc_id: str, place: str, date: str = "2025-03-04") -> Doc:
    text = f"Three shells hit {place} on Friday."
    d = Doc(doc_id, text, "en", date, f"Outlet {doc_id}")
    d.event("v1", "USE", "hit", item=("Three shells", None), location=(place, None))
    return d


def test_an_attack_claim_is_where_any_of_its_tellings_place_it(tmp_path: Path) -> None:
    """A claim founded at "a border settlement" that a later telling names ("the Tarvel border settlement") is at
    Tarvel too: "the Bolivian district of Tarvel" is that attack, though it shares no word with the first place;
    "the Bolivian district of Sarno" is still another."""
    first, named = _shells("p1", "a border settlement in Bolivia"), _shells("p2", "the Tarvel border settlement in Bolivia")
    same = store_with(tmp_path, [first.analysis, named.analysis,
                                 _shells("p3", "the Bolivian district of Tarvel", "2025-03-05").analysis], "same.db")
    claim = {c["record"]: c["claim"] for c in _records(same)}
    assert claim[("p1", "v1")] == claim[("p2", "v1")], "one settlement, named once"
    assert claim[("p3", "v1")] == claim[("p1", "v1")], "Tarvel is where the claim's second telling put it"
    other = store_with(tmp_path, [first.analysis, named.analysis,
                                  _shells("p4", "the Bolivian district of Sarno", "2025-03-05").analysis], "other.db")
    claim = {c["record"]: c["claim"] for c in _records(other)}
    assert claim[("p4", "v1")] != claim[("p1", "v1")], "a place none of its tellings name: another attack"


def test_an_attack_told_with_only_a_craft_is_kept_at_the_leads_place() -> None:
    """ "the plane launched two bombing raids": a craft is no attacker, so the raids are told with nothing else, and
    are kept at the lead's place like "the shelling" alone."""
    text = "A border settlement in Bolivia was shelled on Friday. Residents said the plane launched two bombing raids."
    d = Doc("l5", text, "en", "2025-03-03", "Outlet l5")
    d.event("v1", "USE", "shelled", location=("A border settlement in Bolivia", None))
    d.attribution("a1", "Residents", "anonymous_person", "the plane launched two bombing raids")
    d.event("v2", "USE", "bombing raids", attribution="a1", agent=("the plane", None))
    mentions = {m.record_id: m for m in claim_mentions(d.analysis) if m.type == "USE"}
    assert "v2" in mentions, "kept, at the lead's place"
    assert mentions["v2"].names.get("location") == "A border settlement in Bolivia"
    assert "agent" not in mentions["v2"].arguments, "a plane names no attacker"
