"""A denial links to the claims it answers (same actors, item, date window, across languages), with the state as its
denier, never the outlet that reports it; it never supports; a knowledge denial ("was not aware of") counts
(issue 12, item 2; invented claims and sentences)."""
from __future__ import annotations

from claimgraph.graph.denials import link
from claimgraph.model import Span
from claimgraph.model.claims import ChainLink, ClaimSummary, Evidence, Origin

PAPER = Origin("src:harbour gazette", "Harbour Gazette", "media")
COURIER = Origin("story:courrier", "Le Courrier du Sahel", "story")
STATE = Origin("state:ML", "Government of Mali", "organization")


def row(doc: str, date: str, text: str, origin: Origin, lang: str = "en", stance: str = "supports") -> Evidence:
    return Evidence(claim_id="x", document_id=doc, record_id="v1", stance=stance, certainty="certain",
                    polarity="positive", quote=Span(0, len(text), text), chain=(ChainLink(origin.name, origin.type),),
                    origin=origin, date=date, lang=lang)


def allegation(claim_id: str, item: str) -> ClaimSummary:
    return ClaimSummary(id=claim_id, type="SUPPLY", label=f"Mali supplies «{item}» to the rebels",
                        arguments={"agent": "Government of Mali"}, origins=[PAPER], articles=["a1"], languages=["en"],
                        first_seen="2025-03-01", last_seen="2025-03-02",
                        evidence=[row("a1", "2025-03-01", f"Mali sent {item} to the rebels", PAPER)])


def knowledge_denial(date: str, doc: str) -> ClaimSummary:
    # The outlet reports the state's words; the denial's mention carries the outlet's story as its origin.
    text = "Le gouvernement malien n'avait pas connaissance de livraisons de drones aux rebelles, rapporte le Courrier."
    return ClaimSummary(id=f"d-{doc}", type="DENY", label="Government of Mali denies deliveries of drones",
                        arguments={"agent": "Government of Mali"}, origins=[COURIER], articles=[doc], languages=["fr"],
                        evidence=[row(doc, date, text, COURIER, lang="fr")])


def test_a_knowledge_denial_in_another_language_answers_its_item_with_the_state_as_denier() -> None:
    drones, tanks = allegation("c1", "drones"), allegation("c2", "tanks")
    roles = {"c1": {"agent": "state:ML"}, "c2": {"agent": "state:ML"}, "d-f1": {"agent": "state:ML"},
             "d-f2": {"agent": "state:ML"}}
    link([drones, tanks], [knowledge_denial("2025-03-04", "f1"), knowledge_denial("2025-09-30", "f2")], roles, {},
         {"c1": "drones", "c2": "tanks"})
    against = [e for e in drones.evidence if e.stance == "denies"]
    assert [e.document_id for e in against] == ["f1"], "the denial within the date window, not one months later"
    assert [o.key for o in drones.denied_by] == ["state:ML"], "the state denies, not the paper reporting it"
    assert against[0].origin.key == "state:ML"
    assert [o.key for o in drones.origins] == ["src:harbour gazette"], "a denial never supports"
    assert [e.stance for e in drones.evidence].count("supports") == 1
    assert not tanks.denied_by, "a denial of drones leaves tanks open"
