"""An agency's readings of one event (a quake's magnitude, its depth) told a part at a time are one reading; a
statement giving harm beside them is about the harm (graph/data/propositions.yaml `readings`,
graph/propositions.py `shared_keys`). Invented quakes and places."""
from __future__ import annotations

from pathlib import Path

from claimgraph.graph.proposition_match import contradicts, shared_keys
from claimgraph.graph.propositions import proposition_keys

from graph_docs import Doc, store_with


def test_two_readings_of_one_quake_are_one_reading() -> None:
    magnitude = proposition_keys("a 5.4-magnitude quake struck the coast of Velmora")
    depth = proposition_keys("the tremor struck at a depth of 12 kilometres")
    assert magnitude == {"magnitude:5.4"} and depth == {"depth:12"}
    assert shared_keys(magnitude, depth) and not contradicts(magnitude, depth)
    other = proposition_keys("a 4.9-magnitude quake struck the coast of Velmora at a depth of 12 km")
    assert not shared_keys(magnitude, other) and contradicts(magnitude, other), "two magnitudes: two readings"


def test_harm_beside_a_reading_is_about_the_harm() -> None:
    assert proposition_keys("A 5.4-magnitude quake struck Velmora on Monday, killing two people") == {"kill:2"}
    assert proposition_keys("no one was hurt by the magnitude 5.4 tremor") == {"injure:0"}


def _agency(doc_id: str, content: str, date: str = "2025-06-02") -> Doc:
    text = f"The Velmora Seismic Office said {content}."
    d = Doc(doc_id, text, "en", date, f"Outlet {doc_id}")
    d.entity("e1", "Velmora Seismic Office", "ORG", "The Velmora Seismic Office")
    d.attribution("a1", "The Velmora Seismic Office", "organization", content, entity="e1")
    return d


def test_an_agencys_readings_told_apart_are_one_claim(tmp_path: Path) -> None:
    store = store_with(tmp_path, [_agency("q1", "a 5.4-magnitude quake struck the coast").analysis,
                                  _agency("q2", "the tremor struck at a depth of 12 kilometres under the bay").analysis,
                                  _agency("q3", "a 4.9-magnitude aftershock struck the coast", "2025-06-03").analysis])
    from sqlalchemy import select

    from claimgraph.store import tables as t
    with store.engine.connect() as connection:
        claim = {r.document_id: r.claim_id for r in connection.execute(select(t.evidence.c.document_id, t.evidence.c.claim_id))}
    assert claim["q1"] == claim["q2"], "magnitude and depth: one reading"
    assert claim["q3"] != claim["q1"], "another magnitude: another reading"


def _institute(doc_id: str, source: str, content: str, date: str) -> Doc:
    d = Doc(doc_id, f"{source} said {content}.", "en", date, f"Outlet {doc_id}")
    d.entity("e1", source, "ORG", source)
    d.attribution("a1", source, "organization", content, entity="e1")
    return d


def test_readings_of_quakes_in_two_countries_are_two_claims(tmp_path: Path) -> None:
    store = store_with(tmp_path, [
        _institute("p1", "the Varno Geophysical Institute",
                   "a magnitude 5.8 earthquake shook the Varno region of Peru on Tuesday", "2025-04-01").analysis,
        _institute("p2", "the Tessel Seismological Service",
                   "an earthquake shook the Tessel region of Chile on Thursday, 14 kilometres deep",
                   "2025-04-03").analysis,
        _institute("p3", "the Varno Geophysical Institute",
                   "the Peru tremor shook the Varno region at a depth of 9 kilometres", "2025-04-01").analysis])
    from sqlalchemy import select

    from claimgraph.store import tables as t
    with store.engine.connect() as connection:
        claim = {r.document_id: r.claim_id for r in connection.execute(select(t.evidence.c.document_id, t.evidence.c.claim_id))}
    assert claim["p1"] != claim["p2"], "Peru and Chile: two quakes, not one reading"
    assert claim["p1"] == claim["p3"], "one country: one quake's readings told apart"
